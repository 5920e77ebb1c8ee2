/**
 * The CloudAdapter behind `POST /api/messages`, with its HTTP edge made strict and quiet:
 *
 * - only `application/json` (415 otherwise), only a JSON object with a usable activity shape (400
 *   naming the field), so a malformed request never starts a turn;
 * - authentication failures answer 401 (503 when the signing keys can't be fetched), never 500,
 *   and nothing runs (see auth.ts);
 * - errors are logged once, as structured JSON with the activity and conversation ids, instead of
 *   CloudAdapter's `console.error` and its error message in the response body.
 *
 * Everything else (the turn, invoke responses, replies) is botbuilder's CloudAdapter unchanged.
 */
import { CloudAdapter, type Activity, type Request, type Response, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { RequestRejected, toRejection } from './auth';
import { HttpError } from './errors';

type Logic = (context: TurnContext) => Promise<void>;
type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;

export class MessagesAdapter extends CloudAdapter {
  constructor(
    auth: BotFrameworkAuthentication,
    private readonly logger: Logger,
  ) {
    super(auth);
  }

  /** Handles one HTTP request to `/api/messages`; throws `HttpError` for requests it refuses. */
  override async process(req: Request, res: Response, logic: Logic): Promise<void>;
  override async process(req: Request, socket: never, head: never, logic: Logic): Promise<void>;
  override async process(req: Request, resOrSocket: Response | never, logicOrHead: Logic | never, maybeLogic?: Logic): Promise<void> {
    // Web socket upgrades (Direct Line App Service Extension) stay botbuilder's.
    if (maybeLogic) return super.process(req, resOrSocket as never, logicOrHead as never, maybeLogic);
    const res = resOrSocket as Response;
    const logic = logicOrHead as Logic;

    if (req.method !== undefined && req.method !== 'POST') throw new HttpError(405, 'method_not_allowed', 'Use POST.');
    const contentType = String(header(req, 'content-type') ?? '');
    if (!/^application\/json\s*(;|$)/i.test(contentType)) {
      throw new HttpError(415, 'unsupported_media_type', 'Send the activity as JSON with Content-Type: application/json.');
    }
    const activity = checkActivity(req.body);
    const ids = { activityId: activity.id, conversationId: activity.conversation.id, channel: activity.channelId, type: activity.type };
    const started = Date.now();
    let status: number;
    let body: unknown;
    try {
      const invokeResponse = await this.processActivity(String(header(req, 'authorization') ?? ''), activity, logic);
      status = invokeResponse?.status ?? 200;
      body = invokeResponse?.body;
    } catch (err) {
      const rejected = isAuthFailure(err) ? toRejection(err) : undefined;
      if (rejected) {
        if (rejected.status === 503) this.logger.error({ ...ids, reason: rejected.reason }, 'could not check the request token');
        else this.logger.warn({ ...ids, reason: rejected.reason }, 'rejected a request without a valid Bot Framework token');
        throw new HttpError(rejected.status, rejected.status === 401 ? 'unauthorized' : 'auth_unavailable', rejected.message);
      }
      this.logger.error({ ...ids, err }, 'activity failed');
      throw new HttpError(500, 'internal', 'Internal server error');
    }
    this.logger.info({ ...ids, status, ms: Date.now() - started }, 'activity');
    res.status(status);
    if (body !== undefined) res.send(body);
    res.end();
  }
}

/** Errors from checking the token (ours, or botbuilder's before auth.ts could map them). */
function isAuthFailure(err: unknown): boolean {
  return err instanceof RequestRejected || (err as { name?: string })?.name === 'AuthenticationError';
}

function header(req: Request, name: string): string | undefined {
  const value = req.headers[name] ?? req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** An activity as posted: known fields of the wrong type are refused rather than left to break a turn. */
export type CheckedActivity = Activity & { conversation: { id: string }; serviceUrl: string };

const STRING_FIELDS = ['id', 'text', 'locale', 'channelId', 'replyToId', 'textFormat', 'name', 'timestamp', 'localTimestamp'] as const;
const OBJECT_FIELDS = ['from', 'recipient', 'conversation', 'channelData'] as const;
const ARRAY_FIELDS = ['attachments', 'entities', 'membersAdded', 'membersRemoved'] as const;

/** Checks the body is an activity the bot can answer; throws a 400 naming the first bad field. */
export function checkActivity(body: unknown): CheckedActivity {
  const bad = (message: string) => new HttpError(400, 'bad_request', `The body is not a valid Bot Framework activity: ${message}.`);
  if (!body || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) throw bad('expected a JSON object');
  const a = body as Record<string, unknown>;
  if (typeof a.type !== 'string' || a.type.trim() === '') throw bad('"type" must be a non-empty string');
  for (const f of STRING_FIELDS) if (a[f] !== undefined && a[f] !== null && typeof a[f] !== 'string') throw bad(`"${f}" must be a string`);
  for (const f of OBJECT_FIELDS) if (a[f] !== undefined && a[f] !== null && (typeof a[f] !== 'object' || Array.isArray(a[f]))) throw bad(`"${f}" must be an object`);
  for (const f of ARRAY_FIELDS) if (a[f] !== undefined && a[f] !== null && !Array.isArray(a[f])) throw bad(`"${f}" must be an array`);
  if (typeof a.channelId !== 'string' || a.channelId === '') throw bad('"channelId" is missing');
  const conversation = a.conversation as Record<string, unknown> | undefined;
  if (!conversation || typeof conversation.id !== 'string' || conversation.id === '') throw bad('"conversation.id" is missing');
  // The reply echoes these objects back to the channel; botbuilder refuses to send wrongly typed ones.
  checkFields(conversation, 'conversation', ['name', 'conversationType', 'tenantId', 'role', 'aadObjectId'], ['isGroup'], bad);
  for (const f of ['from', 'recipient'] as const) {
    const party = a[f] as Record<string, unknown> | undefined;
    if (party) checkFields(party, f, ['id', 'name', 'role', 'aadObjectId'], [], bad);
  }
  // botbuilder reads `value.action.type` of a Universal Action without checking that value is an object
  // with an action (a missing value it answers itself, with an invoke 400).
  if (a.type === 'invoke' && a.name === 'adaptiveCard/action' && a.value !== undefined && a.value !== null) {
    if (typeof a.value !== 'object' || Array.isArray(a.value)) throw bad('"value" must be an object');
    const action = (a.value as Record<string, unknown>).action;
    if (!action || typeof action !== 'object' || Array.isArray(action)) throw bad('"value.action" must be an object');
  }
  // botbuilder and the bot read these lists without checking each item (e.g. `entity.type.toLowerCase()`).
  const items: [string, string | undefined][] = [['entities', 'type'], ['membersAdded', 'id'], ['membersRemoved', 'id'], ['attachments', undefined]];
  for (const [f, key] of items) {
    const list = a[f] as unknown[] | undefined | null;
    list?.forEach((item, i) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) throw bad(`"${f}[${i}]" must be an object`);
      if (key && typeof (item as Record<string, unknown>)[key] !== 'string') throw bad(`"${f}[${i}].${key}" must be a string`);
    });
  }
  if (typeof a.serviceUrl !== 'string' || !isHttpUrl(a.serviceUrl)) throw bad('"serviceUrl" must be an http(s) URL');
  // As botbuilder's validateAndFixActivity does: dates arrive as strings.
  for (const f of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    if (typeof a[f] === 'string') {
      a[`raw${f[0].toUpperCase()}${f.slice(1)}`] = a[f];
      a[f] = new Date(a[f] as string);
    }
  }
  return a as unknown as CheckedActivity;
}

function checkFields(
  value: Record<string, unknown>,
  name: string,
  strings: readonly string[],
  booleans: readonly string[],
  bad: (message: string) => Error,
): void {
  for (const f of strings) if (value[f] !== undefined && value[f] !== null && typeof value[f] !== 'string') throw bad(`"${name}.${f}" must be a string`);
  for (const f of booleans) if (value[f] !== undefined && value[f] !== null && typeof value[f] !== 'boolean') throw bad(`"${name}.${f}" must be true or false`);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
