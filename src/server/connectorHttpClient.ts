/**
 * The HTTP client behind every reply the bot sends to a channel (the Bot Connector's
 * `POST /v3/conversations/{id}/activities/...`): a time limit per attempt, retries with exponential
 * backoff where that is safe, and a log line for every failed attempt.
 *
 * Why our own: botbuilder 4.23's ConnectorClient has Azure's default pipeline (3 retries from 1 s)
 * but no time limit (a connector that never answers hangs the turn for good) and no way to set its
 * retry options. `ConnectorClientOptions.httpClient` is the supported hook; the default pipeline's
 * own retry never fires on top of ours, because we only return responses it would not retry and
 * throw a non-`RestError` when we give up. A proxy agent the pipeline sets (HTTPS_PROXY) is used.
 *
 * Retried (when the body can be sent again — a string or buffer, as the connector's JSON always is):
 * - 408, 429, 500, 502, 503, 504: the connector answered that it failed or is busy; `Retry-After`
 *   is honoured up to `maxDelayMs`;
 * - a refused, unreachable or dropped connection, and a time-out before the connection was up.
 * Not retried: a time-out once the connection was up. The request may have gone out and the connector
 * may take it even after we gave up (it can sit in the connector's accept queue); a second copy would
 * show up twice, and more requests would only add to its load (or to ours, when it is our own event
 * loop that is behind). Connections are pooled (`MAX_CONNECTIONS_PER_HOST`) so that a burst of replies
 * does not pile up there in the first place.
 */
import http from 'node:http';
import https from 'node:https';
import type { Logger } from 'pino';
import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type ConnectorClientOptions = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]>;
/** The compat HTTP client interface botbuilder's ConnectorClient accepts. */
export type ConnectorHttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type WebResource = Parameters<ConnectorHttpClient['sendRequest']>[0];
type CompatResponse = Awaited<ReturnType<ConnectorHttpClient['sendRequest']>>;
type HeadersLike = WebResource['headers'];

export interface ConnectorRetryOptions {
  /** Attempts in all, the first included. Default 3. */
  attempts?: number;
  /** Time limit of one attempt in ms, from connecting to the last byte of the answer. Default 10000. */
  attemptTimeoutMs?: number;
  /** Delay before the first retry in ms; doubles each time, with jitter. Default 250. */
  baseDelayMs?: number;
  /** Longest delay between attempts in ms, also the cap on `Retry-After`. Default 4000. */
  maxDelayMs?: number;
}

/**
 * Defaults sized for Azure Bot Service, which gives a bot about 15 s to answer a request: fast
 * failures are retried twice within a few seconds; a slow answer is waited for once, up to 10 s.
 */
export const DEFAULT_CONNECTOR_RETRY: Required<ConnectorRetryOptions> = {
  attempts: 3,
  attemptTimeoutMs: 10_000,
  baseDelayMs: 250,
  maxDelayMs: 4000,
};

/** Statuses worth another attempt: the channel was busy, overloaded or failed before it took the reply. */
const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** The connector could not be reached or kept failing; thrown after the last attempt. */
export class ConnectorRequestError extends Error {
  // Deliberately not "RestError": Azure's retry policy rethrows other errors instead of retrying again.
  override name = 'ConnectorRequestError';
  constructor(
    message: string,
    /** HTTP status of the last attempt, when there was a response. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export function createConnectorHttpClient(logger: Logger, options: ConnectorRetryOptions = {}): ConnectorHttpClient {
  const settings = { ...DEFAULT_CONNECTOR_RETRY, ...options };
  return {
    async sendRequest(request: WebResource): Promise<CompatResponse> {
      const resendable =
        request.body === undefined || request.body === null || typeof request.body === 'string' || Buffer.isBuffer(request.body);
      const where = { method: request.method, path: pathOf(request.url) };
      for (let attempt = 1; ; attempt++) {
        let outcome: { response: CompatResponse; retryAfterMs?: number } | { error: Error; reason: string; retry: boolean };
        try {
          const response = await sendOnce(request, settings.attemptTimeoutMs);
          if (!RETRY_STATUSES.has(response.status)) return response;
          outcome = { response, retryAfterMs: retryAfter(response.headers.get('retry-after')) };
        } catch (err) {
          if (request.abortSignal?.aborted) throw err; // the caller gave up; not ours to retry
          outcome = { error: err as Error, ...classify(err) };
        }
        const failure = 'response' in outcome ? `status ${outcome.response.status}` : outcome.reason;
        if (attempt >= settings.attempts || !resendable || ('retry' in outcome && !outcome.retry)) {
          logger.error({ ...where, attempts: attempt, failure }, 'connector request failed; giving up');
          throw new ConnectorRequestError(
            `connector: ${request.method} ${where.path} failed after ${attempt} attempt(s): ${failure}`,
            'response' in outcome ? outcome.response.status : undefined,
          );
        }
        const backoff = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
        const jittered = backoff / 2 + Math.random() * (backoff / 2);
        const delayMs = Math.round(
          Math.min(settings.maxDelayMs, Math.max(jittered, 'response' in outcome ? (outcome.retryAfterMs ?? 0) : 0)),
        );
        logger.warn({ ...where, attempt, failure, retryInMs: delayMs }, 'connector request failed; retrying');
        await sleep(delayMs, request.abortSignal);
      }
    },
  };
}

/**
 * Most connections open at once to one connector host; more replies wait in our queue for a free one.
 * Unbounded, a burst of turns opens a connection per reply at the same moment: they queue up in the
 * connector's accept queue, where our time limit runs out although the connection is "up" and the
 * request went out — and the connector takes it later, after we gave up. Reused connections answer
 * a burst many times faster than hundreds of fresh ones.
 */
export const MAX_CONNECTIONS_PER_HOST = 32;

/** Keep-alive connections to the connector, shared by all turns (a proxy agent from the pipeline wins). */
const AGENTS = {
  http: new http.Agent({ keepAlive: true, maxSockets: MAX_CONNECTIONS_PER_HOST }),
  https: new https.Agent({ keepAlive: true, maxSockets: MAX_CONNECTIONS_PER_HOST }),
};

/**
 * One attempt. The time limit runs from getting a connection (time spent waiting for a free one in
 * our own queue is not the connector's fault) to the last byte of the answer; it records whether the
 * connection was up, because that decides whether resending is safe.
 */
function sendOnce(request: WebResource, timeoutMs: number): Promise<CompatResponse> {
  return new Promise((resolve, reject) => {
    const url = new URL(request.url);
    const secure = url.protocol === 'https:';
    // The body is written as it is: replies come as UTF-8 bytes (activitySerializer.ts), a string as text.
    const body = request.body === undefined || request.body === null ? undefined : (request.body as string | Buffer);
    const headers = requestHeaders(request.headers);
    if (body !== undefined) headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.length);
    // The Azure pipeline puts a proxy agent here when HTTPS_PROXY / HTTP_PROXY is set.
    const agent = (request as { agent?: http.Agent }).agent ?? (secure ? AGENTS.https : AGENTS.http);
    // "Sent" once connected: after req.end() on a live connection the connector may take the request at any
    // moment, and on a busy event loop the 'finish' event can come after our timer — so it can't decide.
    let sent = false;
    let settled = false;
    const req = (secure ? https : http).request(url, { method: request.method, headers, agent });
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => req.destroy(new Error('aborted by the caller'));
    request.abortSignal?.addEventListener('abort', onAbort);
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.abortSignal?.removeEventListener('abort', onAbort);
      outcome();
    };
    req.on('socket', (socket) => {
      if (!settled) timer = setTimeout(() => req.destroy(new AttemptTimeout(timeoutMs, sent)), timeoutMs);
      if (socket.connecting) socket.once('connect', () => (sent = true));
      else sent = true;
    });
    req.on('error', (err) => finish(() => reject(err)));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (err) => finish(() => reject(err)));
      res.on('aborted', () =>
        finish(() => reject(Object.assign(new Error('the connection closed during the answer'), { code: 'ECONNRESET' }))),
      );
      res.on('end', () =>
        finish(() =>
          resolve({
            request,
            status: res.statusCode ?? 0,
            headers: new CompatHeaders(
              Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v ?? '')] as [string, string]),
            ),
            bodyAsText: Buffer.concat(chunks).toString('utf8'),
          }),
        ),
      );
    });
    if (typeof body === 'string') req.end(body, 'utf8');
    else req.end(body);
  });
}

/** The attempt ran out of time; `sent`: the connection was up, so the connector may have taken the request. */
class AttemptTimeout extends Error {
  override name = 'AttemptTimeout';
  constructor(
    ms: number,
    readonly sent: boolean,
  ) {
    super(sent ? `no answer within ${ms} ms after the request was sent` : `the request could not be sent within ${ms} ms`);
  }
}

/**
 * Whether a failed attempt may be sent again, and a short reason for the log. Not resent: an attempt
 * that timed out once the connection was up — the connector is slow, not down, and may well take the
 * reply; a second copy would show up twice.
 */
function classify(err: unknown): { retry: boolean; reason: string } {
  if (err instanceof AttemptTimeout) return { retry: !err.sent, reason: `timeout: ${err.message}` };
  const code = (err as { code?: string })?.code;
  const message = err instanceof Error ? err.message : String(err);
  if (code && RETRY_ERRORS.has(code)) return { retry: true, reason: `${code}: ${message}` };
  return { retry: false, reason: code ? `${code}: ${message}` : message };
}

/** Connection errors where the connector refused, was unreachable, or broke off before answering. */
const RETRY_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The request's headers, without hop-by-hop ones and the length (set from the body). */
function requestHeaders(headers: HeadersLike): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers.toJson({ preserveCase: true }))) {
    if (!/^(content-length|host|connection|keep-alive|transfer-encoding)$/i.test(name)) out[name] = String(value);
  }
  return out;
}

/** `Retry-After` in seconds or as an HTTP date, in ms; undefined when absent or unreadable. */
function retryAfter(value: string | undefined): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** The URL's path without query (no signatures or tokens end up in the log). */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '(invalid url)';
  }
}

function sleep(ms: number, signal?: WebResource['abortSignal']): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted by the caller'));
    };
    signal?.addEventListener('abort', onAbort);
  });
}

/** Headers in the compat shape the ConnectorClient reads and its credentials write (case-insensitive names). */
export class CompatHeaders implements HeadersLike {
  private readonly map = new Map<string, { name: string; value: string }>();

  constructor(source?: Headers | Iterable<[string, string]>) {
    if (source) for (const [name, value] of source) this.set(name, value);
  }
  set(headerName: string, headerValue: string | number): void {
    this.map.set(headerName.toLowerCase(), { name: headerName, value: String(headerValue) });
  }
  get(headerName: string): string | undefined {
    return this.map.get(headerName.toLowerCase())?.value;
  }
  contains(headerName: string): boolean {
    return this.map.has(headerName.toLowerCase());
  }
  remove(headerName: string): boolean {
    return this.map.delete(headerName.toLowerCase());
  }
  rawHeaders(): Record<string, string> {
    return this.toJson();
  }
  headersArray(): { name: string; value: string }[] {
    return [...this.map.values()];
  }
  headerNames(): string[] {
    return this.headersArray().map((h) => h.name);
  }
  headerValues(): string[] {
    return this.headersArray().map((h) => h.value);
  }
  clone(): CompatHeaders {
    return new CompatHeaders(this.headersArray().map((h) => [h.name, h.value] as [string, string]));
  }
  toJson(options: { preserveCase?: boolean } = {}): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, h] of this.map) out[options.preserveCase ? h.name : key] = h.value;
    return out;
  }
}
