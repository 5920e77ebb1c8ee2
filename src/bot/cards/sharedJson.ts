/**
 * Card blocks shared between answers (cards/answer.ts builds them once per article and language, deep-frozen) and
 * their JSON, made once per block: a reply's body then writes the shared blocks' JSON as it is and serialises only
 * the answer's own blocks. The JSON is keyed by the block object itself, so it goes with it: a knowledge reload
 * brings new articles, new blocks and new JSON. `cardPieces(card)` are `JSON.stringify(card)`'s bytes, byte for byte.
 */

/** Shared blocks, and their JSON as UTF-8 once written (undefined until then). */
const SHARED = new WeakMap<object, Buffer | undefined>();

/** Freezes `value` deeply and marks each object in the list as a shared block. */
export function shareBlocks<T extends readonly object[]>(blocks: T): T {
  deepFreeze(blocks);
  for (const block of blocks) SHARED.set(block, undefined);
  return blocks;
}

function deepFreeze(value: unknown): void {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
}

/** True when `card` is a plain object whose `body` holds a shared block (then `cardPieces` saves work). */
export function holdsSharedBlocks(card: unknown): card is { body: unknown[] } {
  if (!isPlainObject(card)) return false;
  const body = (card as { body?: unknown }).body;
  return Array.isArray(body) && body.some((b) => typeof b === 'object' && b !== null && SHARED.has(b));
}

/**
 * `JSON.stringify(card)` as UTF-8, as the pieces it is made of, pushed onto `out`: each shared block of its `body` as
 * the bytes of its JSON made once, the rest as text (the answer's own blocks, short). The reply's body is joined as
 * bytes (activitySerializer.ts): joined as text, a single character outside Latin-1 in a card (a bullet, a dash) made
 * the whole body a two-byte string, which was then flattened and encoded again to be sent.
 */
export function cardPieces(card: object, out: (string | Buffer)[]): void {
  if (!holdsSharedBlocks(card)) {
    out.push(JSON.stringify(card));
    return;
  }
  let first = true;
  for (const key of Object.keys(card)) {
    const value = (card as Record<string, unknown>)[key];
    const head = `${first ? '{' : ','}${JSON.stringify(key)}:`;
    if (key === 'body') {
      out.push(head);
      bodyPieces(value as unknown[], out);
    } else {
      const json = JSON.stringify(value) as string | undefined;
      // As JSON.stringify: a property whose value has no JSON (undefined, a function) is left out.
      if (json === undefined) continue;
      out.push(head + json);
    }
    first = false;
  }
  out.push(first ? '{}' : '}');
}

function bodyPieces(body: unknown[], out: (string | Buffer)[]): void {
  let text = '[';
  // An index loop as JSON.stringify's: a hole or a value without JSON is null.
  for (let i = 0; i < body.length; i++) {
    if (i > 0) text += ',';
    const block = body[i];
    if (typeof block === 'object' && block !== null && SHARED.has(block)) {
      let bytes = SHARED.get(block);
      if (bytes === undefined) SHARED.set(block, (bytes = Buffer.from(JSON.stringify(block), 'utf8')));
      out.push(text, bytes);
      text = '';
    } else {
      text += (JSON.stringify(block) as string | undefined) ?? 'null';
    }
  }
  out.push(`${text}]`);
}

/** An object JSON.stringify writes by its own properties: no toJSON, a plain prototype. */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
