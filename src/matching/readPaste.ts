/**
 * Stage 1 of matching: a paste cut to size, tokenized, its language guessed, and what the later stages read of its
 * words (quoted values, event record field names, stack-trace frames) — once per paste (hits.ts `Paste`).
 */
import type { Lang } from '../knowledge/types';
import { eventFrameTerms, stackFrameTerms } from './eventFrame';
import type { Paste } from './hits';
import { tokenize, type Token } from './normalize';
import type { MatchParameters } from './parameters';
import { AFTER_VALUE, IN_VALUE } from './score';
import { guessLanguage, STOPWORDS } from './stopwords';
import { cutToErrorPart } from './truncate';

/** An arrow of an error chain (`Outer. --> Inner`), as the error texts are cut at (signals.ts). */
const ARROW = /-{2,3}>/;

/** The paste (already cut to size by `Matcher.match`; a translation may have grown past it) cut, tokenized, its language guessed. */
export function readPaste(text: string, lang: Lang | undefined, params: MatchParameters): Paste {
  const max = params.paste.maxChars;
  const cut = text.length > max ? cutToErrorPart(text, max) : text;
  const { lines, tokens } = tokenize(cut);
  const content = tokens.filter((t) => !STOPWORDS.has(t.term));
  const detected = guessLanguage(
    tokens.map((t) => t.term),
    cut.slice(0, 20_000),
  );
  return {
    cut,
    lines,
    tokens,
    seq: content.map((t) => t.term),
    quoted: quotedOnly(content),
    values: valuesOf(tokens, content),
    arrow: ARROW.test(cut),
    lang: detected ?? lang ?? 'en',
    frame: eventFrameTerms(cut, params.paste.eventFields),
    code: stackFrameTerms(lines, content),
    content,
  };
}

/**
 * Per content token (`content`: `tokens` without stop words): IN_VALUE when it stands inside single quotes, AFTER_VALUE
 * when it is the first after a quoted value clean-up emptied (QueryView.values) — `is` in `'fabrikam.com' is missing` is
 * a stop word, so the mark passes on to `missing`.
 */
function valuesOf(tokens: Token[], content: Token[]): Uint8Array {
  const values = new Uint8Array(content.length);
  let pending = false;
  for (let i = 0, k = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.afterValue) pending = true;
    if (k >= content.length || content[k] !== t) continue;
    values[k++] = (t.quoted ? IN_VALUE : 0) | (pending && !t.quoted ? AFTER_VALUE : 0);
    pending = false;
  }
  return values;
}

/** Terms that occur in the paste only inside single quotes. */
function quotedOnly(tokens: Token[]): Set<string> {
  const quoted = new Set<string>();
  const plain = new Set<string>();
  for (const t of tokens) (t.quoted ? quoted : plain).add(t.term);
  for (const t of plain) quoted.delete(t);
  return quoted;
}
