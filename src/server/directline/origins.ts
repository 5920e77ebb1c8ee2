import type restify from 'restify';
import { HttpError } from '../errors';

/**
 * Which web pages may get a web chat token. A token is all it takes to chat, so a token answered to any
 * origin (`Access-Control-Allow-Origin: *`) let any internet page chat with an intranet PasteFix through
 * a visitor's browser. Same origin by default (our own page, also inside the widget's iframe);
 * `WEBCHAT_ALLOWED_ORIGINS` adds the intranet pages that embed the widget or call the token route.
 *
 * The widget's iframe asks for its token from our own origin, so the embedding page is checked by the chat
 * page's `frame-ancestors` (see pages.ts); a page calling the token route itself is checked here by the
 * Origin header browsers send with every POST. Requests without one (not from a browser) pass: they
 * can't borrow a visitor's network position.
 */
export interface OriginPolicy {
  /** The allowed other origins, normalised (`https://intranet.contoso.com`). */
  readonly allowed: readonly string[];
  /**
   * Sets the CORS headers for a token request (the allowed origin itself, never `*`); for a preflight
   * (OPTIONS) also the allowed methods and headers.
   */
  cors(req: restify.Request, res: restify.Response): void;
  /** Throws 403 when a browser on an origin that is neither ours nor allowed asks for a token. */
  check(req: restify.Request): void;
}

/**
 * Parses `WEBCHAT_ALLOWED_ORIGINS` (comma-separated `scheme://host[:port]`); throws naming a bad entry.
 * `*` is refused: it is exactly what this setting exists to avoid.
 */
export function parseAllowedOrigins(raw: string | undefined): string[] {
  const origins: string[] = [];
  for (const entry of (raw ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    const bare =
      url && /^https?:$/.test(url.protocol) && (url.pathname === '/' || url.pathname === '') && !url.search && !url.hash && !url.username;
    if (!url || !bare || entry.endsWith('/')) {
      throw new Error(
        `WEBCHAT_ALLOWED_ORIGINS must list origins like https://intranet.contoso.com (scheme, host and port only), got "${entry}"`,
      );
    }
    origins.push(url.origin);
  }
  return origins;
}

/** @param trustProxy reverse proxies trusted (`TRUST_PROXY`): their X-Forwarded-Host names our public host. */
export function originPolicy(allowed: readonly string[], trustProxy = 0): OriginPolicy {
  const allowedSet = new Set(allowed);
  const sameOrigin = (req: restify.Request, origin: string): boolean => {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return false;
    }
    const forwarded =
      trustProxy > 0
        ? String(req.headers['x-forwarded-host'] ?? '')
            .split(',')[0]
            .trim()
        : '';
    return host === req.headers.host || (forwarded !== '' && host === forwarded);
  };
  const originOf = (req: restify.Request): string | undefined => {
    const origin = req.headers.origin;
    return typeof origin === 'string' && origin !== '' ? origin : undefined;
  };
  return {
    allowed,
    cors(req, res) {
      res.header('Vary', 'Origin');
      const origin = originOf(req);
      if (origin === undefined || !allowedSet.has(origin)) return;
      res.header('Access-Control-Allow-Origin', origin);
      if (req.method === 'OPTIONS') {
        res.header('Access-Control-Allow-Methods', 'POST, OPTIONS');
        res.header('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept, x-ms-bot-agent, x-requested-with');
        res.header('Access-Control-Max-Age', '600');
      }
    },
    check(req) {
      const origin = originOf(req);
      if (origin === undefined || allowedSet.has(origin) || sameOrigin(req, origin)) return;
      throw new HttpError(403, 'OriginNotAllowed', `Web chat tokens are not given to pages on ${origin.slice(0, 200)}.`);
    },
  };
}
