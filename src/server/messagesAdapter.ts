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
import type { Activity, Request, Response, TurnContext } from 'botbuilder';
import { CloudAdapter } from '../botbuilder';
import type { Logger } from 'pino';
import { RequestRejected, toRejection } from './auth';
import { activitySchema, describeIssue, parseWith, plainlyValidActivity, type ActivityShape } from './activitySchema';
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
export type CheckedActivity = Activity &
  Pick<ActivityShape, 'channelId' | 'serviceUrl'> & { conversation: ActivityShape['conversation'] & Activity['conversation'] };

/** Checks the body is an activity the bot can answer (activitySchema.ts); throws a 400 naming the first bad field. */
export function checkActivity(body: unknown): CheckedActivity {
  const bad = (message: string) => new HttpError(400, 'bad_request', `The body is not a valid Bot Framework activity: ${message}.`);
  if (!body || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) throw bad('expected a JSON object');
  // The schema decides (and names the bad field) unless the plain check already passes.
  if (!plainlyValidActivity(body as Record<string, unknown>)) {
    const parsed = parseWith(activitySchema, body);
    if (!parsed.success) throw bad(describeIssue(parsed.error));
  }
  // The original object goes on, its date strings made Dates below as botbuilder's Activity has them.
  const a = body as Record<string, unknown>;
  // As botbuilder's validateAndFixActivity does: dates arrive as strings.
  for (const f of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    if (typeof a[f] === 'string') {
      a[`raw${f[0].toUpperCase()}${f.slice(1)}`] = a[f];
      a[f] = new Date(a[f] as string);
    }
  }
  return a as unknown as CheckedActivity;
}
