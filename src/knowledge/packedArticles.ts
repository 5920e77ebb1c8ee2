/**
 * Articles packed for another thread (loadThread.ts, when the loading thread built the matcher too): every distinct
 * text once in `texts`, and each article as ASCII JSON in one buffer, moved rather than copied (its `bytes.buffer` goes
 * in the transfer list), with each text written as its number in `texts`.
 *
 * Why: a structured clone of the articles carries a text once per use, and the receiving thread then had to hash every
 * text to share it again (compact.ts TextPool), about two thirds of what a reload cost the service's thread. Packed, it
 * parses small JSON and looks numbers up: about a third of that time for the team's 700 articles, and the same heap
 * (measured side by side; at 10,000 synthetic articles, whose steps repeat, the texts stay shared as before).
 *
 * Not read lazily (as the compiled index's bodies are): the matcher reads every article's symptoms on its first paste
 * (descriptions.ts, articleFacts.ts), so a reload would only have moved the work to the next turn.
 */
import type { Article } from './types';

export interface PackedArticles {
  /** Every distinct text of the articles, once. */
  texts: string[];
  /** Byte offsets into `bytes`: article i is `bytes[offsets[i]]` … `bytes[offsets[i + 1] - 1]`. */
  offsets: Int32Array;
  bytes: Uint8Array;
}

/**
 * The articles packed, or undefined when one holds a value other than texts, lists and objects (a number would be
 * read back as a text): loaded articles never do (src/knowledge/schema.ts), but then they are sent as they are.
 */
export function packArticles(articles: readonly Article[]): PackedArticles | undefined {
  const ids = new Map<string, number>();
  const numbered = (value: unknown): unknown => {
    if (typeof value === 'string') {
      let id = ids.get(value);
      if (id === undefined) ids.set(value, (id = ids.size));
      return id;
    }
    if (Array.isArray(value)) return value.map(numbered);
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = numbered(v);
      return out;
    }
    throw new Error(`not a text: ${typeof value}`);
  };
  let texts: Buffer[];
  try {
    texts = articles.map((a) => asciiJson(numbered(a)));
  } catch {
    return undefined;
  }
  const offsets = new Int32Array(texts.length + 1);
  texts.forEach((t, i) => (offsets[i + 1] = offsets[i] + t.length));
  const bytes = new Uint8Array(offsets[texts.length]);
  texts.forEach((t, i) => bytes.set(t, offsets[i]));
  return { texts: [...ids.keys()], offsets, bytes };
}

/** The articles `packArticles` packed: plain data, their fields in the order they had, each text shared. */
export function unpackArticles({ texts, offsets, bytes }: PackedArticles): Article[] {
  const json = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const articles: Article[] = [];
  for (let i = 0; i + 1 < offsets.length; i++)
    articles.push(withTexts(JSON.parse(json.toString('latin1', offsets[i], offsets[i + 1])), texts) as Article);
  return articles;
}

/** `node` with each number replaced by its text, in place. */
function withTexts(node: unknown, texts: readonly string[]): unknown {
  if (typeof node === 'number') return texts[node];
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) node[i] = withTexts(node[i], texts);
  } else if (node !== null && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    for (const k in o) o[k] = withTexts(o[k], texts);
  }
  return node;
}

/**
 * `value` as JSON in ASCII: every other character as a \u escape (JSON.parse reads it back the same). Read as Latin-1
 * it becomes a one-byte string, three times faster to make than decoding UTF-8 and half the memory of the two-byte
 * string a single umlaut would give the whole text.
 */
export function asciiJson(value: unknown): Buffer {
  return Buffer.from(
    JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    'latin1',
  );
}
