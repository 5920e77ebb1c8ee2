import type restify from 'restify';
import type { Activity, ChannelAccount, TurnContext } from 'botbuilder';
import { ActivityTypes } from '../../botbuilder';
import type { Logger } from 'pino';
import { z } from 'zod';
import { type ClientActivity, clientActivitySchema, describeIssue, parseWith } from '../activitySchema';
import { jsonBody, ownBodyRoute } from '../body';
import { HttpError, route } from '../errors';
import { type BotLogic, LocalChannelAdapter } from './localAdapter';
import type { OriginPolicy } from './origins';
import type { TokenThrottle } from './throttle';
import type { DirectLineLimits } from './options';
import { attachmentPath, DEFAULT_UPLOAD_LIMITS, parseUpload, UploadStore, type UploadLimits } from './uploads';
import { type Conversation, ConversationStore, type IssuedToken, type TokenGrant, type WireActivity } from './store';

/**
 * The local Direct Line 3.0 emulation: the REST part of the protocol Web Chat speaks, under /v3/directline,
 * with the bot running in-process. Polling only (no WebSocket stream): the page creates its Direct Line
 * object with `webSocket: false`.
 *
 *   POST /v3/directline/tokens/generate               → { conversationId, token, expires_in }
 *   POST /v3/directline/tokens/refresh                → { conversationId, token, expires_in }
 *   POST /v3/directline/conversations                 → 201 (started) / 200 (already started)
 *   GET  /v3/directline/conversations/{id}            → reconnect: a fresh token
 *   GET  /v3/directline/conversations/{id}/activities?watermark=N → { activities, watermark }
 *   POST /v3/directline/conversations/{id}/activities → { id }
 *   POST /v3/directline/conversations/{id}/upload     → { id }  (multipart: the message and its images)
 *   GET  /v3/directline/conversations/{id}/attachments/{attachmentId} → an uploaded image
 *
 * Errors: 403 unknown or expired token, 404 unknown or forgotten conversation, 400 malformed activity,
 * 413 body too large, 429 too many turns waiting or too many token requests from one address. CORS is open
 * (`*`) where access rests on the bearer token (never cookies); tokens/generate answers only our own and
 * the allowed origins (origins.ts).
 */

export const DIRECT_LINE_PATH = '/v3/directline';
/** Channel id the bot sees for the local web chat, as for Azure Direct Line. */
export const LOCAL_CHANNEL_ID = 'directline';

export interface DirectLineDeps {
  /** One turn of the bot, e.g. `(context) => bot.run(context)`. */
  logic: BotLogic;
  /** The turn-level error handler (logs and apologises). */
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  log: Logger;
  limits: DirectLineLimits;
  /** The bot as the client sees it. Default `{ id: 'pastefix', name: 'PasteFix' }`. */
  bot?: { id: string; name: string };
  /** Clock in ms, for tests. Default `Date.now`. */
  now?: () => number;
  /** Rate limit on token requests per client address (shared with the token route). */
  throttle: TokenThrottle;
  /** Called with the id of every conversation the store forgets (idle, evicted). Default: nothing. */
  onForget?: (conversationId: string) => void;
  /** Which pages may generate tokens (the other routes need a token and are open to every origin). */
  origins: OriginPolicy;
  /** Limits of Web Chat's uploads. Default `DEFAULT_UPLOAD_LIMITS`. */
  uploads?: Partial<UploadLimits>;
}

export interface LocalDirectLine {
  readonly store: ConversationStore;
  readonly adapter: LocalChannelAdapter;
  /** A token for a new conversation, as the token route hands out in local mode. */
  generateToken(userId?: string): IssuedToken;
  /** Resolves when every turn started so far has finished (for tests and shutdown). */
  idle(): Promise<void>;
}

/** Fields of a posted activity passed on to the bot; the rest (ids, addresses, timestamps) are ours to set. */
const CLIENT_FIELDS = [
  'text',
  'textFormat',
  'locale',
  'localTimestamp',
  'localTimezone',
  'attachments',
  'attachmentLayout',
  'entities',
  'channelData',
  'value',
  'name',
  'replyToId',
  'suggestedActions',
  'reactionsAdded',
  'reactionsRemoved',
] as const;

/** POST tokens/generate: an optional user id (`dl_…` by default). */
const tokenRequestSchema = z.looseObject({
  user: z
    .looseObject({
      id: z
        .string()
        .regex(/^[A-Za-z0-9_.:@-]{1,64}$/, 'must be 1-64 letters, digits or _.:@- characters')
        .nullish(),
    })
    .nullish(),
});

export function registerDirectLine(server: restify.Server, deps: DirectLineDeps): LocalDirectLine {
  const now = deps.now ?? Date.now;
  const bot = deps.bot ?? { id: 'pastefix', name: 'PasteFix' };
  const store = new ConversationStore(deps.limits, now, deps.onForget);
  const uploads = new UploadStore({ ...DEFAULT_UPLOAD_LIMITS, ...deps.uploads }, now);
  // The bot reads an uploaded image in-process, by the contentUrl the upload route gave it.
  const adapter = new LocalChannelAdapter(store, deps.log, (url) => {
    const match = /\/conversations\/([^/]+)\/attachments\/([^/?#]+)$/.exec(url);
    return match ? uploads.get(decodeURIComponent(match[1]!), match[2]!)?.bytes : undefined;
  });
  adapter.onTurnError = deps.onTurnError;
  const running = new Set<Promise<void>>();

  const serviceUrl = (req: restify.Request): string => {
    const proto = req.isSecure() ? 'https' : 'http';
    return `${proto}://${req.headers.host ?? 'localhost'}`;
  };

  const tokenBody = (issued: IssuedToken) => ({
    conversationId: issued.conversationId,
    token: issued.token,
    expires_in: issued.expiresIn,
  });

  /** The conversation the bearer token grants, checked against the conversation id in the URL. */
  const authorize = (req: restify.Request, urlConversationId?: string): { grant: TokenGrant; conversation: Conversation } => {
    const header = req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new HttpError(403, 'TokenMissing', 'Send the Direct Line token as "Authorization: Bearer <token>".');
    const grant = store.resolveToken(match[1]);
    if (!grant) {
      throw new HttpError(403, 'TokenExpired', 'The token is unknown or has expired; get a new one from POST /api/directline/token.');
    }
    if (urlConversationId !== undefined && urlConversationId !== grant.conversationId) {
      if (store.get(urlConversationId)) {
        throw new HttpError(403, 'BadToken', 'The token is not valid for this conversation.');
      }
      throw new HttpError(404, 'NotFound', `Conversation "${urlConversationId}" does not exist.`);
    }
    if (!grant.conversation) {
      throw new HttpError(404, 'NotFound', 'The conversation has ended (idle too long or evicted); start a new one.');
    }
    store.touch(grant.conversation);
    return { grant, conversation: grant.conversation };
  };

  /** Queues one bot turn for the conversation; turns of one conversation run one after another. */
  const runTurn = (conversation: Conversation, activity: Partial<Activity>): void => {
    conversation.pendingTurns++;
    const turn = conversation.turnQueue
      .then(() => adapter.processActivity(activity, deps.logic))
      .catch((error: unknown) => {
        // onTurnError has already run (or itself failed); the service keeps going either way.
        deps.log.error({ err: error, conversationId: conversation.id }, 'directline: turn failed');
      })
      .finally(() => {
        conversation.pendingTurns--;
        running.delete(turn);
      });
    conversation.turnQueue = turn;
    running.add(turn);
  };

  /** Every answer of the emulation is private to its token: never cached. */
  const handle = (fn: (req: restify.Request, res: restify.Response) => void) =>
    route(deps.log, (req, res) => {
      res.header('Cache-Control', 'no-store');
      fn(req, res);
    });

  // JSON only (also when mounted without createServer's parser); a no-op after the server's own.
  const body = jsonBody({ maxBytes: deps.limits.maxBodyBytes, log: deps.log });

  // CORS for every emulation path, errors included (a browser hides a 403 without it), and preflights.
  // Open to every origin where a token is needed anyway; generating one only for allowed origins.
  server.pre((req, res, next) => {
    const path = (req.url ?? '').split('?')[0];
    if (!path.startsWith(`${DIRECT_LINE_PATH}/`)) return next();
    res.header('Access-Control-Expose-Headers', 'Retry-After');
    if (path === `${DIRECT_LINE_PATH}/tokens/generate`) {
      deps.origins.cors(req, res);
      if (req.method !== 'OPTIONS') return next();
      res.send(204);
      return next(false);
    }
    res.header('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.header('Access-Control-Allow-Headers', 'Authorization, Content-Type, Accept, x-ms-bot-agent, x-requested-with');
      res.header('Access-Control-Max-Age', '600');
      res.send(204);
      return next(false);
    }
    return next();
  });

  server.post(
    `${DIRECT_LINE_PATH}/tokens/generate`,
    body,
    handle((req, res) => {
      deps.origins.check(req);
      deps.throttle(req, res, 'generate');
      const parsed = parseWith(tokenRequestSchema, req.body ?? {});
      if (!parsed.success) throw new HttpError(400, 'BadArgument', `The token request is not valid: ${describeIssue(parsed.error)}.`);
      res.send(200, tokenBody(store.createConversation(parsed.data.user?.id ?? undefined)));
    }),
  );

  server.post(
    `${DIRECT_LINE_PATH}/tokens/refresh`,
    handle((req, res) => {
      deps.throttle(req, res, 'refresh');
      const { conversation } = authorize(req);
      res.send(200, tokenBody(store.issueToken(conversation.id)));
    }),
  );

  server.post(
    `${DIRECT_LINE_PATH}/conversations`,
    body,
    handle((req, res) => {
      const { grant, conversation } = authorize(req);
      const token = /^Bearer\s+(\S+)/i.exec(req.header('authorization'))![1];
      const reply = { conversationId: conversation.id, token, expires_in: grant.expiresIn };
      if (conversation.started) {
        res.send(200, reply);
        return;
      }
      conversation.started = true;
      const locale = (req.body as { locale?: unknown } | undefined)?.locale;
      if (typeof locale === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(locale)) conversation.locale = locale;
      const user = { id: conversation.userId, role: 'user' } as ChannelAccount;
      runTurn(conversation, {
        type: ActivityTypes.ConversationUpdate,
        id: `${conversation.id}|start`,
        channelId: LOCAL_CHANNEL_ID,
        serviceUrl: serviceUrl(req),
        timestamp: new Date(now()),
        conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
        from: user,
        recipient: { ...bot, role: 'bot' },
        membersAdded: [{ ...bot, role: 'bot' }, user],
        locale: conversation.locale,
      });
      res.send(201, reply);
    }),
  );

  server.get(
    `${DIRECT_LINE_PATH}/conversations/:conversationId`,
    handle((req, res) => {
      deps.throttle(req, res, 'refresh');
      const { conversation } = authorize(req, req.params.conversationId);
      res.send(200, tokenBody(store.issueToken(conversation.id)));
    }),
  );

  server.get(
    `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    handle((req, res) => {
      const { conversation } = authorize(req, req.params.conversationId);
      const raw = new URL(req.url ?? '', 'http://local').searchParams.get('watermark') ?? '';
      if (raw !== '' && !/^\d{1,15}$/.test(raw)) {
        throw new HttpError(400, 'BadArgument', `watermark must be a number from an earlier answer, got "${raw.slice(0, 40)}".`);
      }
      res.send(200, store.page(conversation, raw === '' ? 0 : Number(raw)));
    }),
  );

  /**
   * A client's activity into the conversation: checked, our fields set (ids, addresses, the token's
   * user), echoed into the transcript and handed to the bot. Returns the stored id.
   */
  const accept = (req: restify.Request, res: restify.Response, conversation: Conversation, body: unknown): string => {
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw new HttpError(400, 'BadArgument', 'The body must be an activity as JSON (Content-Type: application/json).');
    }
    const parsed = parseWith(clientActivitySchema, body);
    if (!parsed.success) throw new HttpError(400, 'BadArgument', `The activity is not valid: ${describeIssue(parsed.error)}.`);
    const posted: ClientActivity = parsed.data;
    if (conversation.pendingTurns >= deps.limits.maxQueuedTurns) {
      res.header('Retry-After', '2');
      throw new HttpError(429, 'Throttled', 'Too many messages waiting for an answer; try again in a moment.');
    }
    const from = posted.from ?? {};
    const wire: WireActivity = { type: posted.type };
    for (const field of CLIENT_FIELDS) if (posted[field] !== undefined) wire[field] = posted[field];
    Object.assign(wire, {
      timestamp: new Date(now()).toISOString(),
      channelId: LOCAL_CHANNEL_ID,
      serviceUrl: serviceUrl(req),
      conversation: { id: conversation.id },
      // Like Direct Line with a user-bound token: the token's user, whatever the client claims.
      from: { id: conversation.userId, ...(typeof from.name === 'string' ? { name: from.name } : {}), role: 'user' },
      recipient: { ...bot, role: 'bot' },
    });
    if (wire.locale === undefined && conversation.locale) wire.locale = conversation.locale;
    const stored = store.append(conversation, wire);
    if (!stored) throw new HttpError(404, 'NotFound', 'The conversation has ended; start a new one.');
    const forBot = JSON.parse(JSON.stringify(stored)) as Activity & { rawTimestamp?: string };
    forBot.rawTimestamp = stored.timestamp as string;
    forBot.timestamp = new Date(stored.timestamp as string);
    runTurn(conversation, forBot);
    return stored.id as string;
  };

  server.post(
    `${DIRECT_LINE_PATH}/conversations/:conversationId/activities`,
    body,
    handle((req, res) => {
      const { conversation } = authorize(req, req.params.conversationId);
      res.send(200, { id: accept(req, res, conversation, req.body) });
    }),
  );

  // Web Chat's upload button: the message and its images as multipart, parsed here in memory (uploads.ts).
  // Named as a route with its own body handling, so the server's JSON-only body parser leaves it the stream.
  server.post(
    { path: `${DIRECT_LINE_PATH}/conversations/:conversationId/upload`, name: ownBodyRoute('directline-upload') },
    route(deps.log, async (req, res) => {
      res.header('Cache-Control', 'no-store');
      const { conversation } = authorize(req, req.params.conversationId);
      const { activity, files } = await parseUpload(req, uploads.limits);
      const base = `${serviceUrl(req)}${DIRECT_LINE_PATH}`;
      const attachments = files.map((file) => ({
        contentType: file.contentType,
        contentUrl: `${base}${attachmentPath('', conversation.id, uploads.put(conversation.id, file))}`,
        ...(file.name ? { name: file.name } : {}),
      }));
      res.send(200, { id: accept(req, res, conversation, { ...activity, type: activity.type ?? ActivityTypes.Message, attachments }) });
    }),
  );

  // An uploaded image, for the transcript: the URL itself is the key (128 random bits), as with Direct Line.
  server.get(
    `${DIRECT_LINE_PATH}/conversations/:conversationId/attachments/:attachmentId`,
    handle((req, res) => {
      const file = uploads.get(req.params.conversationId, req.params.attachmentId);
      if (!file) throw new HttpError(404, 'NotFound', 'The attachment does not exist or has expired.');
      res.header('Content-Type', file.contentType);
      res.header('X-Content-Type-Options', 'nosniff');
      res.header('Content-Security-Policy', "default-src 'none'");
      res.sendRaw(200, file.bytes);
    }),
  );

  return {
    store,
    adapter,
    generateToken: (userId?: string) => store.createConversation(userId),
    idle: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
