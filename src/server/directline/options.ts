/**
 * Options of the web chat channel: the page, the widget, the token route and the local Direct Line emulation.
 *
 * Normalised once at start-up (`normalizeLimits`) so the per-request path only reads plain numbers.
 */

/** Bounds that keep the local Direct Line emulation's memory finite. */
export interface DirectLineLimits {
  /** Most conversations kept at once; beyond it the least recently active one is forgotten. Default 500. */
  maxConversations: number;
  /** A conversation nobody has touched (no poll, no post) for this long is forgotten, in ms. Default 1 hour. */
  idleTimeoutMs: number;
  /** Most activities kept per conversation; the oldest are dropped beyond it. Default 300. */
  maxActivitiesPerConversation: number;
  /** Most bytes of activities (as JSON) kept per conversation; the oldest are dropped beyond it. Default 4 MB. */
  maxConversationBytes: number;
  /** Most bytes of activities kept over all conversations; least recently active conversations go first. Default 64 MB. */
  maxStoredBytes: number;
  /** Largest request body accepted, in bytes (a paste of several hundred KB must fit). Default 1 MB. */
  maxBodyBytes: number;
  /** Most activities returned by one GET …/activities; the client pages on with the watermark. Default 50. */
  maxActivitiesPerPage: number;
  /** Lifetime of a token, in seconds (the Direct Line service uses 1800). Default 1800. */
  tokenLifetimeSeconds: number;
  /** Most turns waiting per conversation; a client posting faster than the bot answers gets 429. Default 20. */
  maxQueuedTurns: number;
  /**
   * Token requests one client address may make at once (token generation and refresh counted apart);
   * beyond it, 429 with Retry-After. Default 20.
   */
  tokenRequestBurst: number;
  /** Token requests per minute a client address regains after a burst. Default 20. */
  tokenRequestsPerMinute: number;
}

export const DEFAULT_LIMITS: Readonly<DirectLineLimits> = Object.freeze({
  maxConversations: 500,
  idleTimeoutMs: 60 * 60 * 1000,
  maxActivitiesPerConversation: 300,
  maxConversationBytes: 4 * 1024 * 1024,
  maxStoredBytes: 64 * 1024 * 1024,
  maxBodyBytes: 1024 * 1024,
  maxActivitiesPerPage: 50,
  tokenLifetimeSeconds: 1800,
  maxQueuedTurns: 20,
  tokenRequestBurst: 20,
  tokenRequestsPerMinute: 20,
});

/** Fills defaults and rejects nonsense (zero, negative, NaN) with an error naming the option and value. */
export function normalizeLimits(partial: Partial<DirectLineLimits> = {}): DirectLineLimits {
  const limits: DirectLineLimits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(partial) as [keyof DirectLineLimits, unknown][]) {
    if (value === undefined) continue;
    if (!(key in DEFAULT_LIMITS)) throw new Error(`directline: unknown limit "${key}"`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new Error(`directline: limit ${key} must be a positive number, got ${JSON.stringify(value)}`);
    }
    limits[key] = value;
  }
  return limits;
}

/** Where the web chat gets its Direct Line from. */
export type DirectLineMode =
  /** Our own server speaks Direct Line 3.0 under /v3/directline and runs the bot in-process. */
  | { kind: 'local' }
  /**
   * No web chat backend: /v3/directline does not exist (404) and the token route refuses. The default when
   * authentication is on and there is no Direct Line secret: the local Direct Line has no sign-in, so it
   * would be a way around the authentication of /api/messages (`WEBCHAT_LOCAL=on` opts back in).
   */
  | { kind: 'off' }
  /** Azure Bot Service Direct Line: the server trades the secret for a token; the browser never sees the secret. */
  | {
      kind: 'azure';
      /** The Direct Line secret of the Azure Bot's Direct Line channel. */
      secret: string;
      /** Base URL without path, e.g. https://directline.botframework.com or https://europe.directline.botframework.com. */
      domain: string;
    };

/** The global Direct Line endpoint; regional bots use e.g. https://europe.directline.botframework.com. */
export const DEFAULT_DIRECT_LINE_DOMAIN = 'https://directline.botframework.com';

/**
 * Picks the mode from the configuration: a secret means Azure Direct Line; no secret means the local
 * emulation when `local` allows it (see `WEBCHAT_LOCAL` in config.ts), else off.
 * The domain is checked to be an http(s) URL without path, query or credentials, and loses a trailing slash.
 */
export function directLineMode(secret: string | undefined, domain: string | undefined, local = true): DirectLineMode {
  if (!secret || !secret.trim()) return local ? { kind: 'local' } : { kind: 'off' };
  const raw = (domain ?? '').trim() || DEFAULT_DIRECT_LINE_DOMAIN;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`directline: DIRECT_LINE_DOMAIN must be a URL like ${DEFAULT_DIRECT_LINE_DOMAIN}, got "${raw}"`);
  }
  const pathOk = url.pathname === '/' || url.pathname === '';
  if (!/^https?:$/.test(url.protocol) || !pathOk || url.search || url.hash || url.username || url.password) {
    throw new Error(`directline: DIRECT_LINE_DOMAIN must be a bare origin like ${DEFAULT_DIRECT_LINE_DOMAIN} (no path), got "${raw}"`);
  }
  return { kind: 'azure', secret: secret.trim(), domain: url.origin };
}
