/**
 * Per-client rate limits: a token bucket per client address, in a bounded map.
 *
 * Small on purpose (restify's own `throttle` keys on the whole X-Forwarded-For header, which a client
 * behind the proxy can vary at will): `clientAddress` takes the address the trusted proxy saw instead.
 */
import type { Request } from 'restify';

export interface RateLimit {
  /** Requests a client may make at once, after being quiet. */
  burst: number;
  /** Requests per minute it regains (the bucket refills continuously). */
  perMinute: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updated: number;
}

export class RateLimiter {
  /** Insertion order = least recently seen first, so the map drops the longest-quiet client when full. */
  private readonly buckets = new Map<string, Bucket>();

  /**
   * @param limit burst and refill rate.
   * @param maxClients clients remembered at once (memory bound); a forgotten client starts with a full bucket. Default 10,000.
   * @param now clock in ms, for tests. Default `Date.now`.
   */
  constructor(
    private readonly limit: RateLimit,
    private readonly maxClients = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from the client's bucket, or says how long until it may try again. */
  take(client: string): RateDecision {
    const now = this.now();
    const perMs = this.limit.perMinute / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: this.limit.burst, updated: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.updated) * perMs);
    bucket.updated = now;
    this.buckets.delete(client);
    this.buckets.set(client, bucket);
    if (this.buckets.size > this.maxClients) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }
}

/**
 * The client's address. Behind `trustProxy` reverse proxies (`TRUST_PROXY`), the one the outermost trusted
 * proxy saw: each proxy appends the address it got the request from to X-Forwarded-For, so that is the
 * `trustProxy`-th entry from the right; entries further left are the client's own claims. Without trusted
 * proxies the header is ignored: anyone can send it.
 */
export function clientAddress(req: Pick<Request, 'headers' | 'socket'>, trustProxy: number): string {
  const socket = req.socket?.remoteAddress ?? 'unknown';
  if (trustProxy <= 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const chain = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return socket;
  return chain[Math.max(0, chain.length - trustProxy)];
}
