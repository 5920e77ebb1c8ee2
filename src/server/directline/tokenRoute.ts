import { randomBytes } from 'node:crypto';
import type restify from 'restify';
import type { Logger } from 'pino';
import { HttpError, route } from '../errors';
import type { DirectLineMode } from './options';
import { DIRECT_LINE_PATH, type LocalDirectLine } from './routes';
import type { OriginPolicy } from './origins';
import type { TokenThrottle } from './throttle';

/**
 * POST /api/directline/token: what the web chat page calls first.
 *
 * Answers `{ mode, token, conversationId, expires_in, domain }`, where `domain` is the Direct Line base URL
 * for `WebChat.createDirectLine({ token, domain })`:
 * - local mode: a token of our own emulation; `domain` is `v3/directline`, relative to the page's URL,
 *   so the page works behind a reverse proxy and under a path prefix.
 * - azure mode: the Direct Line secret is traded for a token at `<domain>/v3/directline/tokens/generate`;
 *   only the token reaches the browser. A failure upstream answers 502 with what went wrong.
 * - off: 404 (the page shows the message).
 *
 * Same origin only (our own page, also inside the widget's iframe), plus `WEBCHAT_ALLOWED_ORIGINS`: see origins.ts.
 */
export const TOKEN_PATH = '/api/directline/token';

/** How long the Direct Line service may take to issue a token. */
const UPSTREAM_TIMEOUT_MS = 10_000;

export interface TokenRouteDeps {
  mode: DirectLineMode;
  /** The local emulation; required in local mode. */
  local?: LocalDirectLine;
  log: Logger;
  /** HTTP client for the Direct Line service, for tests. Default: global `fetch`. */
  fetch?: typeof fetch;
  /** Rate limit on token requests per client address (shared with the local Direct Line's tokens/generate). */
  throttle: TokenThrottle;
  /** Which pages may get a token: our own, and `WEBCHAT_ALLOWED_ORIGINS`. */
  origins: OriginPolicy;
}

export interface TokenResponse {
  mode: 'local' | 'azure';
  token: string;
  conversationId: string;
  expires_in: number;
  domain: string;
}

export function registerTokenRoute(server: restify.Server, deps: TokenRouteDeps): void {
  const mode = deps.mode;
  if (mode.kind === 'local' && !deps.local) throw new Error('directline: local mode needs the local Direct Line emulation');
  const doFetch = deps.fetch ?? fetch;

  // CORS only for the allowed origins (before routing, so preflights and errors carry it too).
  server.pre((req, res, next) => {
    if ((req.url ?? '').split('?')[0] !== TOKEN_PATH) return next();
    deps.origins.cors(req, res);
    if (req.method !== 'OPTIONS') return next();
    res.send(204);
    return next(false);
  });

  server.post(
    TOKEN_PATH,
    route(deps.log, async (req: restify.Request, res: restify.Response): Promise<void> => {
      res.header('Cache-Control', 'no-store');
      // The reason (authentication on, no secret, no WEBCHAT_LOCAL=on) is in the start-up log, not for visitors.
      if (mode.kind === 'off') throw new HttpError(404, 'WebChatOff', 'The web chat is not enabled on this server.');
      deps.origins.check(req);
      deps.throttle(req, res, 'generate');
      let body: TokenResponse;
      if (mode.kind === 'local') {
        const issued = deps.local!.generateToken();
        body = {
          mode: 'local',
          token: issued.token,
          conversationId: issued.conversationId,
          expires_in: issued.expiresIn,
          domain: DIRECT_LINE_PATH.slice(1),
        };
      } else {
        body = await exchangeSecret(mode.secret, mode.domain, doFetch, deps.log);
      }
      res.send(200, body);
    }),
  );
}

async function exchangeSecret(secret: string, domain: string, doFetch: typeof fetch, log: Logger): Promise<TokenResponse> {
  const url = `${domain}${DIRECT_LINE_PATH}/tokens/generate`;
  // The "dl_" prefix marks a user id embedded in the token; Web Chat then cannot be made to speak for another user.
  const userId = `dl_${randomBytes(12).toString('hex')}`;
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ user: { id: userId } }),
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
  } catch (error) {
    log.error({ err: error, url }, 'directline: Direct Line service unreachable');
    throw new HttpError(502, 'UpstreamUnreachable', `Could not reach the Direct Line service at ${domain}.`);
  }
  if (!response.ok) {
    // The upstream body is logged, never passed on: it is not ours to show.
    const detail = (await response.text().catch(() => '')).split(secret).join('<secret>').slice(0, 500);
    log.error({ status: response.status, url, detail }, 'directline: Direct Line service refused to issue a token');
    const hint = response.status === 401 || response.status === 403 ? ' Check DIRECT_LINE_SECRET and DIRECT_LINE_DOMAIN.' : '';
    throw new HttpError(
      502,
      'UpstreamError',
      `The Direct Line service at ${domain} did not issue a token (HTTP ${response.status}).${hint}`,
    );
  }
  const json = (await response.json().catch(() => undefined)) as
    { token?: unknown; conversationId?: unknown; expires_in?: unknown } | undefined;
  if (!json || typeof json.token !== 'string' || typeof json.conversationId !== 'string') {
    log.error({ url }, 'directline: Direct Line token answer without token or conversationId');
    throw new HttpError(502, 'UpstreamError', `The Direct Line service at ${domain} answered without a token.`);
  }
  return {
    mode: 'azure',
    token: json.token,
    conversationId: json.conversationId,
    expires_in: typeof json.expires_in === 'number' ? json.expires_in : 1800,
    domain: `${domain}${DIRECT_LINE_PATH}`,
  };
}
