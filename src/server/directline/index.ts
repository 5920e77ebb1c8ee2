import type restify from 'restify';
import type { TurnContext } from 'botbuilder';
import { createTurnErrorHandler } from '../../bot/turnError';
import type { RouteRegistrar } from '../server';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { BotLogic } from './localAdapter';
import { type DirectLineLimits, type DirectLineMode, normalizeLimits } from './options';
import { registerWebChatPages } from './pages';
import { type LocalDirectLine, registerDirectLine } from './routes';
import { originPolicy } from './origins';
import { tokenThrottle } from './throttle';
import { registerTokenRoute } from './tokenRoute';

/**
 * The web chat channel in one call: page, widget, token route and — in local mode — the Direct Line
 * emulation with the bot in-process. In azure mode the emulation routes do not exist (404).
 */

export { DEFAULT_DIRECT_LINE_DOMAIN, DEFAULT_LIMITS, directLineMode, type DirectLineLimits, type DirectLineMode } from './options';
export { LocalChannelAdapter } from './localAdapter';
export { parseAllowedOrigins } from './origins';
export { LOCAL_CHANNEL_ID, type LocalDirectLine } from './routes';

export interface WebChatDeps {
  mode: DirectLineMode;
  /** One turn of the bot, e.g. `(context) => bot.run(context)`. */
  logic: BotLogic;
  /** The bot's turn-level error handler. */
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  log: Logger;
  /** Overrides of the emulation's memory bounds. */
  limits?: Partial<DirectLineLimits>;
  /** The bot's id and name as the web chat shows them. Default `{ id: 'pastefix', name: 'PasteFix' }`. */
  bot?: { id: string; name: string };
  /** HTTP client for the Direct Line service (tests). Default global `fetch`. */
  fetch?: typeof fetch;
  /** Folder of the page files. Default: the repository's web/. */
  webRoot?: string;
  /** Reverse proxies in front whose X-Forwarded-For is believed for rate limits (`TRUST_PROXY`). Default 0. */
  trustProxy?: number;
  /** Called with the id of every local conversation forgotten (idle, evicted). Default: nothing. */
  onConversationForgotten?: (conversationId: string) => void;
  /** Other origins whose pages may embed the widget and get tokens (`WEBCHAT_ALLOWED_ORIGINS`). Default: none. */
  allowedOrigins?: readonly string[];
  /** Clock in ms for token lifetimes, idle conversations and rate limits (tests). Default `Date.now`. */
  now?: () => number;
}

export interface WebChat {
  /** The local emulation, when running in local mode. */
  local?: LocalDirectLine;
}

export function registerWebChat(server: restify.Server, deps: WebChatDeps): WebChat {
  const limits = normalizeLimits(deps.limits);
  const throttle = tokenThrottle(limits, deps.trustProxy ?? 0, deps.now);
  const origins = originPolicy(deps.allowedOrigins ?? [], deps.trustProxy ?? 0);
  const local =
    deps.mode.kind === 'local'
      ? registerDirectLine(server, {
          logic: deps.logic,
          onTurnError: deps.onTurnError,
          log: deps.log,
          limits,
          bot: deps.bot,
          throttle,
          origins,
          onForget: deps.onConversationForgotten,
          now: deps.now,
        })
      : undefined;
  registerTokenRoute(server, { mode: deps.mode, local, log: deps.log, fetch: deps.fetch, throttle, origins });
  registerWebChatPages(server, { mode: deps.mode, webRoot: deps.webRoot, allowedOrigins: origins.allowed });
  return { local };
}

export interface WebChatRouteOptions {
  mode: DirectLineMode;
  limits?: Partial<DirectLineLimits>;
  /** See `WebChatDeps.trustProxy`. */
  trustProxy?: number;
  /** See `WebChatDeps.onConversationForgotten`. */
  onConversationForgotten?: (conversationId: string) => void;
  /** See `WebChatDeps.allowedOrigins`. */
  allowedOrigins?: readonly string[];
  /** Called with the registered channel (tests use `local.idle()`). */
  onRegistered?: (webChat: WebChat) => void;
}

/** The web chat as one of `createServer`'s extra routes, running the server's bot with its turn error handler. */
export function webChatRoutes(options: WebChatRouteOptions): RouteRegistrar {
  return (server, deps) => {
    const webChat = registerWebChat(server, {
      mode: options.mode,
      limits: options.limits,
      trustProxy: options.trustProxy,
      onConversationForgotten: options.onConversationForgotten,
      allowedOrigins: options.allowedOrigins,
      logic: (context) => deps.bot.run(context),
      onTurnError: createTurnErrorHandler(deps.logger),
      log: deps.logger,
    });
    options.onRegistered?.(webChat);
  };
}

/** Says where the web chat's Direct Line comes from; warns loudly when it bypasses authentication. */
export function logWebChatMode(config: Pick<Config, 'directLine' | 'authEnabled' | 'port'>, logger: Logger): void {
  const mode = config.directLine;
  if (mode.kind === 'azure') logger.info({ directLine: mode.domain }, 'web chat: Azure Direct Line (tokens from DIRECT_LINE_SECRET)');
  else if (mode.kind === 'off') {
    logger.info(
      { directLine: 'off' },
      'web chat: off (authentication is on and there is no DIRECT_LINE_SECRET; /v3/directline answers 404). ' +
        'Set DIRECT_LINE_SECRET for the web chat through Azure, or WEBCHAT_LOCAL=on for the local Direct Line without sign-in.',
    );
  } else if (config.authEnabled) {
    logger.warn(
      { directLine: 'local' },
      'WEBCHAT_LOCAL=on with authentication on: the local web chat (/v3/directline) has NO sign-in, so anyone who can reach ' +
        `port ${config.port} can talk to the bot through it, around the authentication of /api/messages. ` +
        'Use DIRECT_LINE_SECRET (Azure Direct Line) for a shared deployment, or restrict who can reach this port.',
    );
  } else {
    logger.info(
      { directLine: 'local' },
      'web chat: built-in local Direct Line (no DIRECT_LINE_SECRET; for development and single-server intranet use)',
    );
  }
}
