/**
 * The HTTP client behind every reply the bot sends to a channel (the Bot Connector's
 * `POST /v3/conversations/{id}/activities/...`): a time limit per attempt, retries with exponential
 * backoff where that is safe, and a log line for every failed attempt.
 *
 * Why our own: botbuilder 4.23's ConnectorClient has Azure's default pipeline (3 retries from 1 s)
 * but no time limit (a connector that never answers hangs the turn for good), a timeout is not
 * retried, and its retry options can't be set. `ConnectorClientOptions.httpClient` is the supported
 * hook; the default pipeline's own retry never fires on top of ours, because we only ever return
 * responses it would not retry and throw a non-`RestError` when we give up.
 *
 * What is retried: 408, 429, 500, 502, 503, 504, a refused or dropped connection, and an attempt that
 * timed out — and only when the request body can be sent again (a string or buffer; the connector's
 * JSON always is). `Retry-After` is honoured (up to `maxDelayMs`). A retried POST can, rarely, deliver
 * a reply twice (the channel took it but its answer was lost); we prefer that to losing the answer.
 */
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
  /** Time limit of one attempt in ms, from connecting to the last byte of the answer. Default 4000. */
  attemptTimeoutMs?: number;
  /** Delay before the first retry in ms; doubles each time, with jitter. Default 250. */
  baseDelayMs?: number;
  /** Longest delay between attempts in ms, also the cap on `Retry-After`. Default 4000. */
  maxDelayMs?: number;
}

/**
 * Defaults sized for Azure Bot Service, which gives a bot about 15 s to answer a request: three
 * attempts of at most 4 s plus their delays stay below that.
 */
export const DEFAULT_CONNECTOR_RETRY: Required<ConnectorRetryOptions> = {
  attempts: 3,
  attemptTimeoutMs: 4000,
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
      const resendable = request.body === undefined || request.body === null || typeof request.body === 'string' || Buffer.isBuffer(request.body);
      const where = { method: request.method, path: pathOf(request.url) };
      for (let attempt = 1; ; attempt++) {
        let outcome: { response: CompatResponse; retryAfterMs?: number } | { error: Error; reason: string };
        try {
          const response = await sendOnce(request, settings.attemptTimeoutMs);
          if (!RETRY_STATUSES.has(response.status)) return response;
          outcome = { response, retryAfterMs: retryAfter(response.headers.get('retry-after')) };
        } catch (err) {
          if (request.abortSignal?.aborted) throw err; // the caller gave up; not ours to retry
          outcome = { error: err as Error, reason: describeFailure(err) };
        }
        const failure = 'response' in outcome ? `status ${outcome.response.status}` : outcome.reason;
        if (attempt >= settings.attempts || !resendable) {
          logger.error({ ...where, attempts: attempt, failure }, 'connector request failed; giving up');
          throw new ConnectorRequestError(
            `connector: ${request.method} ${where.path} failed after ${attempt} attempt(s): ${failure}`,
            'response' in outcome ? outcome.response.status : undefined,
          );
        }
        const backoff = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
        const jittered = backoff / 2 + Math.random() * (backoff / 2);
        const delayMs = Math.round(Math.min(settings.maxDelayMs, Math.max(jittered, 'response' in outcome ? outcome.retryAfterMs ?? 0 : 0)));
        logger.warn({ ...where, attempt, failure, retryInMs: delayMs }, 'connector request failed; retrying');
        await sleep(delayMs, request.abortSignal);
      }
    },
  };
}

/** One attempt with `fetch`; the time limit covers the whole exchange, up to the last byte of the answer. */
async function sendOnce(request: WebResource, timeoutMs: number): Promise<CompatResponse> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutError(timeoutMs)), timeoutMs);
  const onAbort = () => controller.abort(new Error('aborted by the caller'));
  request.abortSignal?.addEventListener('abort', onAbort);
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: requestHeaders(request.headers),
      body: request.body === undefined || request.body === null ? undefined : typeof request.body === 'string' ? request.body : new Uint8Array(request.body as Buffer),
      signal: controller.signal,
    });
    const bodyAsText = await response.text();
    return { request, status: response.status, headers: new ResponseHeaders(response.headers), bodyAsText };
  } catch (err) {
    // fetch reports an abort as its own error; report the reason instead (the time limit).
    throw controller.signal.aborted && controller.signal.reason instanceof Error ? controller.signal.reason : err;
  } finally {
    clearTimeout(timer);
    request.abortSignal?.removeEventListener('abort', onAbort);
  }
}

class TimeoutError extends Error {
  override name = 'TimeoutError';
  constructor(ms: number) {
    super(`no response within ${ms} ms`);
  }
}

/** A short reason for the log: the time limit, a system error code, or the message. */
function describeFailure(err: unknown): string {
  if (err instanceof TimeoutError) return `timeout: ${err.message}`;
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  if (cause?.code) return `${cause.code}${cause.message ? `: ${cause.message}` : ''}`;
  return err instanceof Error ? err.message : String(err);
}

/** Headers fetch may set; hop-by-hop ones and the length (fetch computes it) are left out. */
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

/** The response headers in the compat shape the ConnectorClient reads (case-insensitive names). */
class ResponseHeaders implements HeadersLike {
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
  clone(): ResponseHeaders {
    return new ResponseHeaders(this.headersArray().map((h) => [h.name, h.value] as [string, string]));
  }
  toJson(options: { preserveCase?: boolean } = {}): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, h] of this.map) out[options.preserveCase ? h.name : key] = h.value;
    return out;
  }
}
