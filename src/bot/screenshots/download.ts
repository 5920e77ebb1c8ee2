/**
 * Downloading a screenshot into memory: size-capped (the OCR limit), time-limited, redirects
 * followed only to hosts the source rule allows (and the token sent only where it allows it).
 * Nothing is written to disk.
 */
import { checkSource, type ImageSourceKind, type SourcePolicy } from './sources';

export interface DownloadOptions extends SourcePolicy {
  /** Largest image in bytes. */
  maxBytes: number;
  /** Time limit for the whole download in ms. */
  timeoutMs: number;
  /** The bot's token for the channel, when it has one (authentication on). */
  token?: () => Promise<string | undefined>;
  /** Default global `fetch`. */
  fetch?: typeof fetch;
}

/** A download that failed or was refused; the message names the host and the reason. */
export class DownloadError extends Error {
  override name = 'DownloadError';
  constructor(
    message: string,
    readonly code: 'refused' | 'too-large' | 'failed',
  ) {
    super(message);
  }
}

const MAX_REDIRECTS = 3;

export async function downloadImage(url: string, kind: ImageSourceKind, options: DownloadOptions): Promise<Uint8Array> {
  const doFetch = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const check = checkSource(current, kind, options);
    if (!check.ok) throw new DownloadError(check.reason, 'refused');
    const headers: Record<string, string> = { accept: 'image/*' };
    const token = check.withToken ? await options.token?.() : undefined;
    if (token) headers.authorization = `Bearer ${token}`;
    const host = new URL(current).host;
    let res: Response;
    try {
      res = await doFetch(current, { headers, redirect: 'manual', signal });
    } catch (err) {
      const why = signal.aborted ? `no answer within ${options.timeoutMs / 1000} s` : (err as Error).message;
      throw new DownloadError(`screenshot: could not download from ${host}: ${why}`, 'failed');
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      await res.body?.cancel();
      current = new URL(res.headers.get('location')!, current).toString();
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new DownloadError(`screenshot: could not download from ${host}: HTTP ${res.status}`, 'failed');
    }
    return readCapped(res, host, options.maxBytes);
  }
  throw new DownloadError(`screenshot: more than ${MAX_REDIRECTS} redirects from ${new URL(url).host}`, 'failed');
}

async function readCapped(res: Response, host: string, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => new DownloadError(`screenshot: the image from ${host} is larger than ${maxBytes / (1024 * 1024)} MB`, 'too-large');
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
