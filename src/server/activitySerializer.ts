/**
 * The body of a reply, as botbuilder's ConnectorClient makes it: the activity mapped through the connector's
 * Activity schema (which drops what the schema doesn't name — an entity's fields other than type, text and
 * mentioned, for one) by @azure/core-client's serializer, then JSON.
 *
 * That serializer walks every property the schema names, about 60 for an activity, and for each one splits
 * its name, matches its type against a dozen regular expressions and builds an options object — whether the
 * activity has the property or not (a reply sets about a dozen). In the serving benchmark that was about 4 %
 * of a paste turn. Here the walk is planned once per schema type: properties the activity doesn't have are
 * skipped where the serializer would skip them too (absent, not constant, not required), objects and lists
 * are walked by the plan, and every value is still serialised by the serializer itself. Wherever a schema
 * type uses a feature the plan does not copy (polymorphism, extra properties, dotted or empty names,
 * constants) that part is left to the serializer whole, so the result is the serializer's, byte for byte.
 */
import { createSerializer, type CompositeMapper, type Mapper, type Serializer } from '@azure/core-client';
import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { cardPieces, holdsSharedBlocks } from '../bot/cards/sharedJson';
// The schema botbuilder's conversation operations serialise activities with (not re-exported by botbuilder).
import * as Mappers from 'botframework-connector/lib/connectorApi/models/conversationsMappers';

type Serialize = (value: unknown) => unknown;

/** The request body's mapper, as the operations declare it: the activity is required. */
const ACTIVITY_BODY: Mapper = { ...Mappers.Activity, required: true };
const serializer = createSerializer(Mappers);

/** The serializer's own result for `value`: `body` as JSON. */
export function activityJsonBySerializer(activity: Partial<Activity>): string {
  return JSON.stringify(serializer.serialize(ACTIVITY_BODY, activity, 'activity'));
}

const planned = plan(serializer, ACTIVITY_BODY, 'activity');

/**
 * The activity as the body botbuilder's `replyToActivity` / `sendToConversation` post (see above), as UTF-8 — the bytes
 * sent. An answer card's blocks shared between answers are written from their JSON made once (bot/cards/sharedJson.ts):
 * the serializer passes a card (an attachment's `content`, of schema type Object) on as it is, so its JSON is put into
 * the body where JSON.stringify would have written it — the same bytes. The body is joined as bytes, never as one text:
 * a card with a single character outside Latin-1 made a whole text body two-byte, flattened and encoded again.
 */
export function activityBody(activity: Partial<Activity>): Buffer {
  const payload = planned(activity) as { attachments?: unknown } | null | undefined;
  const attachments = payload?.attachments;
  const given = activity.attachments;
  if (!Array.isArray(attachments) || !Array.isArray(given) || !attachments.some((a, i) => sharedCard(a, given[i])))
    return Buffer.from(JSON.stringify(payload), 'utf8');
  // Each such card is written as a marker first; the body is the text around the markers and the cards' pieces.
  const cards: { marker: string; card: object }[] = [];
  const out = payload as { attachments: unknown[] };
  out.attachments = attachments.map((a: { content: object }, i) => {
    if (!sharedCard(a, given[i])) return a;
    const marker = `${MARKER}${cards.length}`;
    cards.push({ marker: JSON.stringify(marker), card: a.content });
    return { ...a, content: marker };
  });
  const json = JSON.stringify(out);
  const pieces: (string | Buffer)[] = [];
  let from = 0;
  for (const { marker, card } of cards) {
    const at = json.indexOf(marker, from);
    // Never seen (the marker is random per process), but a second copy would make the splice ambiguous.
    if (at < 0 || json.indexOf(marker, at + 1) >= 0) return Buffer.from(JSON.stringify(planned(activity)), 'utf8');
    pieces.push(json.slice(from, at));
    cardPieces(card, pieces);
    from = at + marker.length;
  }
  pieces.push(json.slice(from));
  return joinPieces(pieces);
}

/** `activityBody` as text (for tests and logs; replies are sent as bytes). */
export function activityJson(activity: Partial<Activity>): string {
  return activityBody(activity).toString('utf8');
}

/** Text (as UTF-8) and bytes, one after the other, in one buffer. */
function joinPieces(pieces: readonly (string | Buffer)[]): Buffer {
  let length = 0;
  for (const piece of pieces) length += typeof piece === 'string' ? Buffer.byteLength(piece, 'utf8') : piece.length;
  const body = Buffer.allocUnsafe(length);
  let at = 0;
  for (const piece of pieces) at += typeof piece === 'string' ? body.write(piece, at, 'utf8') : piece.copy(body, at);
  return body;
}

/** Stands for a card in the body until its JSON is put there (random per process: no text sent can hold it). */
const MARKER = `\u0000card-${randomUUID()}-`;

/** An attachment the serializer passed its card on unchanged, and that card holds shared blocks. */
function sharedCard(serialized: unknown, given: unknown): serialized is { content: object } {
  const content = (serialized as { content?: unknown } | null)?.content;
  return content !== undefined && content === (given as { content?: unknown } | null)?.content && holdsSharedBlocks(content);
}

/**
 * A function that gives `serializer.serialize(mapper, value, name)`. `name` only appears in the serializer's
 * errors; it is the same path the serializer would build.
 */
export function plan(s: Serializer, mapper: Mapper, name: string): Serialize {
  const own = (value: unknown) => s.serialize(mapper, value, name);
  const kind = mapper.type.name;
  // Null, undefined and constants go through the serializer's own checks (required, nullable) and defaults.
  if (mapper.isConstant || (kind !== 'Composite' && kind !== 'Sequence')) return own;
  const whole = kind === 'Composite' ? planComposite(s, mapper as CompositeMapper, name) : planSequence(s, mapper, name);
  if (!whole) return own;
  return (value) => (value === undefined || value === null ? own(value) : whole(value));
}

/** A composite type's properties in the serializer's order, or undefined where the serializer must do it. */
function planComposite(s: Serializer, mapper: CompositeMapper, name: string): Serialize | undefined {
  const models = s.modelMappers as Record<string, CompositeMapper | undefined>;
  const { className, uberParent } = mapper.type;
  const referenced = className ? models[className] : undefined;
  const polymorphic =
    mapper.type.polymorphicDiscriminator ||
    (uberParent && models[uberParent]?.type.polymorphicDiscriminator) ||
    referenced?.type.polymorphicDiscriminator;
  const props = mapper.type.modelProperties ?? referenced?.type.modelProperties;
  const additional = mapper.type.additionalProperties ?? referenced?.type.additionalProperties;
  if (polymorphic || additional || !props) return undefined;
  const fields: { key: string; as: string; mapper: Mapper; skipAbsent: boolean; serialize?: Serialize }[] = [];
  for (const [key, property] of Object.entries(props)) {
    if (property.readOnly) continue;
    // A dotted name nests the value (`a.b`), an escaped dot doesn't, an empty one is not written: left to the serializer.
    if (!property.serializedName || /[.\\]/.test(property.serializedName)) return undefined;
    fields.push({ key, as: property.serializedName, mapper: property, skipAbsent: !property.isConstant && !property.required });
  }
  return (value: unknown): unknown => {
    const object = value as Record<string, unknown>;
    const payload: Record<string, unknown> = {};
    for (const field of fields) {
      const v = object[field.key];
      if (v === undefined && field.skipAbsent) continue;
      field.serialize ??= plan(s, field.mapper, `${name}.${field.as}`);
      const out = field.serialize(v);
      if (out !== undefined) payload[field.as] = out;
    }
    return payload;
  };
}

/** A list: each element as the serializer serialises it (by its type's full definition, as the serializer looks it up). */
function planSequence(s: Serializer, mapper: Mapper, name: string): Serialize | undefined {
  let element = (mapper.type as { element?: Mapper }).element;
  if (!element || typeof element !== 'object') return undefined;
  const className = (element.type as { className?: string }).className;
  if (element.type.name === 'Composite' && className)
    element = (s.modelMappers as Record<string, Mapper | undefined>)[className] ?? element;
  const each = plan(s, element, name);
  const own = (value: unknown) => s.serialize(mapper, value, name);
  return (value) => {
    if (!Array.isArray(value)) return own(value);
    // An index loop as the serializer's: a hole is serialised as undefined, not skipped.
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out[i] = each(value[i]);
    return out;
  };
}
