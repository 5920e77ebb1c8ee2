/**
 * The shape of untrusted activities, as zod schemas: what `/api/messages` accepts (`activitySchema`) and
 * what a web chat client may post to the local Direct Line (`clientActivitySchema`). Both check the fields
 * botbuilder and the bot read without checking themselves; unknown fields pass through untouched.
 *
 * A refusal names the field by its path, the way article errors do (`"entities[1].type" must be a
 * string`): `describeIssue` builds that text from the first zod issue.
 */
import { z } from 'zod';
import { formatPath } from '../knowledge/schema';

/** What a refused value is told, by the type that was expected (missing values are "missing"). */
const EXPECTED: Record<string, string> = {
  string: 'must be a string',
  object: 'must be an object',
  array: 'must be an array',
  boolean: 'must be true or false',
  number: 'must be a number',
};

/** zod's messages made short and plain; a schema's own message wins. */
const messages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is missing';
    return EXPECTED[issue.expected] ?? `must be ${issue.expected}`;
  }
  return undefined;
};

/** `"path" message` for the first problem of a failed parse. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  return path.length > 0 ? `"${formatPath(path)}" ${issue.message}` : issue.message;
}

/** Parses with the plain messages above. */
export function parseWith<T extends z.ZodType>(schema: T, input: unknown): z.ZodSafeParseResult<z.output<T>> {
  return schema.safeParse(input, { error: messages });
}

/** A field that may be absent (or null, as some channels send), else of the given type. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish();
const text = optional(z.string());
const object = z.looseObject({});

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A user or bot as an activity names it: the reply echoes it back, and botbuilder refuses wrongly typed ones. */
const account = z.looseObject({ id: text, name: text, role: text, aadObjectId: text });

/** Fields a client's activity may carry, checked where the bot or botbuilder read them unchecked. */
const clientFields = {
  text,
  textFormat: text,
  locale: text,
  localTimestamp: text,
  name: text,
  replyToId: text,
  channelData: optional(object),
  attachments: optional(z.array(object)),
  // botbuilder reads `entity.type.toLowerCase()` of every entity.
  entities: optional(z.array(z.looseObject({ type: z.string() }))),
};

/** An activity posted to /api/messages by a channel. */
export const activitySchema = z
  .looseObject({
    type: z.string({ error: 'must be a non-empty string' }).refine((t) => t.trim() !== '', 'must be a non-empty string'),
    id: text,
    ...clientFields,
    timestamp: text,
    channelId: z.string().min(1, 'is missing'),
    conversation: z.looseObject({
      id: z.string().min(1, 'is missing'),
      name: text,
      conversationType: text,
      tenantId: text,
      role: text,
      aadObjectId: text,
      isGroup: optional(z.boolean()),
    }),
    from: optional(account),
    recipient: optional(account),
    membersAdded: optional(z.array(z.looseObject({ id: z.string() }))),
    membersRemoved: optional(z.array(z.looseObject({ id: z.string() }))),
    serviceUrl: z.string({ error: 'must be an http(s) URL' }).refine(isHttpUrl, 'must be an http(s) URL'),
  })
  .superRefine((a, ctx) => {
    // botbuilder reads `value.action.type` of a Universal Action without checking that value is an object
    // with an action (a missing value it answers itself, with an invoke 400).
    if (a.type !== 'invoke' || a.name !== 'adaptiveCard/action' || a.value === undefined || a.value === null) return;
    const value = object.safeParse(a.value);
    if (!value.success) return void ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be an object' });
    if (!object.safeParse(value.data.action).success)
      ctx.addIssue({ code: 'custom', path: ['value', 'action'], message: 'must be an object' });
  });

export type ActivityShape = z.infer<typeof activitySchema>;

/**
 * True only for an activity `activitySchema` accepts, checked by hand: zod's walk (an issue list, a copy of
 * every object) cost about 3 % of a paste turn in the serving benchmark, for a check nearly every request
 * passes. It may say false for an activity the schema accepts (a Universal Action, a field of an unusual
 * shape): then the schema decides, and names the field when it refuses. Keep it in step with the schema;
 * tests/server/activitySchema.test.ts checks that it never accepts what the schema refuses.
 */
export function plainlyValidActivity(body: Record<string, unknown>): boolean {
  const type = body.type;
  if (typeof type !== 'string' || type.trim() === '') return false;
  if (type === 'invoke') return false;
  if (!texts(body, ACTIVITY_TEXTS)) return false;
  if (!nullishOr(body.channelData, isObject) || !nullishOr(body.attachments, (v) => arrayOf(v, isObject))) return false;
  if (!nullishOr(body.entities, (v) => arrayOf(v, (e) => isObject(e) && typeof e.type === 'string'))) return false;
  if (typeof body.channelId !== 'string' || body.channelId.length === 0) return false;
  const conversation = body.conversation;
  if (!isObject(conversation) || typeof conversation.id !== 'string' || conversation.id.length === 0) return false;
  if (!texts(conversation, CONVERSATION_TEXTS) || !nullishOr(conversation.isGroup, (v) => typeof v === 'boolean')) return false;
  const anAccount = (v: unknown) => isObject(v) && texts(v, ACCOUNT_TEXTS);
  if (!nullishOr(body.from, anAccount) || !nullishOr(body.recipient, anAccount)) return false;
  const members = (v: unknown) => arrayOf(v, (m) => isObject(m) && typeof m.id === 'string');
  if (!nullishOr(body.membersAdded, members) || !nullishOr(body.membersRemoved, members)) return false;
  return typeof body.serviceUrl === 'string' && isHttpUrl(body.serviceUrl);
}

const ACTIVITY_TEXTS = ['id', 'text', 'textFormat', 'locale', 'localTimestamp', 'name', 'replyToId', 'timestamp'];
const CONVERSATION_TEXTS = ['name', 'conversationType', 'tenantId', 'role', 'aadObjectId'];
const ACCOUNT_TEXTS = ['id', 'name', 'role', 'aadObjectId'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nullishOr(value: unknown, test: (v: unknown) => boolean): boolean {
  return value === undefined || value === null || test(value);
}

function arrayOf(value: unknown, test: (v: unknown) => boolean): boolean {
  return Array.isArray(value) && value.every(test);
}

/** Every named field absent, null or a string. */
function texts(object: Record<string, unknown>, fields: readonly string[]): boolean {
  return fields.every((f) => nullishOr(object[f], (v) => typeof v === 'string'));
}

/** Activity types a web chat client may post; others are refused. */
export const CLIENT_TYPES = ['message', 'event', 'typing', 'messageReaction'] as const;

/**
 * An activity a web chat client posts to the local Direct Line. Ids, addresses and timestamps are ours to
 * set, so only the fields passed on to the bot are checked.
 */
export const clientActivitySchema = z.looseObject({
  type: z.enum(CLIENT_TYPES, { error: `must be one of ${CLIENT_TYPES.join(', ')}` }),
  ...clientFields,
  localTimezone: text,
  attachmentLayout: text,
  suggestedActions: optional(object),
  reactionsAdded: optional(z.array(object)),
  reactionsRemoved: optional(z.array(object)),
  from: optional(z.looseObject({ name: text })),
});

export type ClientActivity = z.infer<typeof clientActivitySchema>;
