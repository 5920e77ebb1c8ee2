/**
 * Card blocks shared between answers (cards/answer.ts builds them once per article and language, deep-frozen) and
 * their JSON, made once per block: a reply's body then writes the shared blocks' JSON as it is and serialises only
 * the answer's own blocks. The JSON is keyed by the block object itself, so it goes with it: a knowledge reload
 * brings new articles, new blocks and new JSON. `cardJson(card)` is `JSON.stringify(card)`, byte for byte.
 */

/** Shared blocks, and their JSON once written (undefined until then). */
const SHARED = new WeakMap<object, string | undefined>();

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

/** True when `card` is a plain object whose `body` holds a shared block (then `cardJson` saves work). */
export function holdsSharedBlocks(card: unknown): card is { body: unknown[] } {
  if (!isPlainObject(card)) return false;
  const body = (card as { body?: unknown }).body;
  return Array.isArray(body) && body.some((b) => typeof b === 'object' && b !== null && SHARED.has(b));
}

/** `JSON.stringify(card)`, with each shared block of its `body` written from its JSON made once. */
export function cardJson(card: object): string {
  if (!holdsSharedBlocks(card)) return JSON.stringify(card);
  let out = '';
  for (const key of Object.keys(card)) {
    const value = (card as Record<string, unknown>)[key];
    const json = key === 'body' ? bodyJson(value as unknown[]) : JSON.stringify(value);
    // As JSON.stringify: a property whose value has no JSON (undefined, a function) is left out.
    if (json === undefined) continue;
    out += `${out ? ',' : ''}${JSON.stringify(key)}:${json}`;
  }
  return `{${out}}`;
}

function bodyJson(body: unknown[]): string {
  const parts: string[] = [];
  // An index loop as JSON.stringify's: a hole or a value without JSON is null.
  for (let i = 0; i < body.length; i++) {
    const block = body[i];
    if (typeof block === 'object' && block !== null && SHARED.has(block)) {
      let json = SHARED.get(block);
      if (json === undefined) SHARED.set(block, (json = JSON.stringify(block)));
      parts.push(json);
    } else {
      parts.push((JSON.stringify(block) as string | undefined) ?? 'null');
    }
  }
  return `[${parts.join(',')}]`;
}

/** An object JSON.stringify writes by its own properties: no toJSON, a plain prototype. */
function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}
