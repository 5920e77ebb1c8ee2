import type restify from 'restify';
import { HttpError } from '../errors';
import { clientAddress, RateLimiter } from '../rateLimit';
import type { DirectLineLimits } from './options';

/**
 * Rate limits on token requests, per client address: every new token creates a conversation or keeps one
 * alive, so a flood of them would push real conversations out of the bounded store. Generation
 * (POST /api/directline/token, POST /v3/directline/tokens/generate) and refresh (tokens/refresh, the
 * reconnect GET) have separate buckets, so a busy page's refreshes never block new visitors from its address.
 */
export type TokenThrottle = (req: restify.Request, res: restify.Response, kind: 'generate' | 'refresh') => void;

/**
 * @param trustProxy reverse proxies in front whose X-Forwarded-For is believed (`TRUST_PROXY`); 0 = none.
 * @param now clock in ms, for tests. Default `Date.now`.
 */
export function tokenThrottle(
  limits: Pick<DirectLineLimits, 'tokenRequestBurst' | 'tokenRequestsPerMinute'>,
  trustProxy: number,
  now: () => number = Date.now,
): TokenThrottle {
  const limit = { burst: limits.tokenRequestBurst, perMinute: limits.tokenRequestsPerMinute };
  const limiters = { generate: new RateLimiter(limit, undefined, now), refresh: new RateLimiter(limit, undefined, now) };
  return (req, res, kind) => {
    const decision = limiters[kind].take(clientAddress(req, trustProxy));
    if (decision.ok) return;
    res.header('Retry-After', String(decision.retryAfterSeconds));
    throw new HttpError(429, 'Throttled', `Too many token requests from your address; try again in ${decision.retryAfterSeconds} s.`);
  };
}
