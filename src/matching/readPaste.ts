/**
 * Stage 1 of matching: a paste cut to size, tokenized, its language guessed, and what the later stages read of its
 * words (quoted values, event record field names, stack-trace frames) — once per paste (hits.ts `Paste`).
 */
import type { Lang } from '../knowledge/types';
import { eventFrameTerms, stackFrameTerms } from './eventFrame';
import type { Paste } from './hits';
import { droppedTerm, foldWord, tokenize, type Token } from './normalize';
import type { MatchParameters } from './parameters';
import { AFTER_VALUE, IN_VALUE, QUOTE_END } from './score';
import { guessLanguage, STOPWORDS } from './stopwords';
import { cutToErrorPart } from './truncate';

/** An arrow of an error chain (`Outer. --> Inner`), as the error texts are cut at (signals.ts). */
const ARROW = /-{2,3}>/;

/** The paste (already cut to size by `Matcher.match`; a translation may have grown past it) cut, tokenized, its language guessed. */
export function readPaste(text: string, lang: Lang | undefined, params: MatchParameters): Paste {
  const max = params.paste.maxChars;
  const cut = text.length > max ? cutToErrorPart(text, max) : text;
  const { lines, tokens } = tokenize(cut);
  const content: Token[] = [];
  for (const t of tokens) if (!STOPWORDS.has(t.term)) content.push(t);
  const detected = guessLanguage(termsIn(tokens), cut.slice(0, 20_000));
  return {
    cut,
    lines,
    tokens,
    seq: termsIn(content),
    quoted: quotedOnly(content),
    values: valuesOf(tokens, content),
    properties: propertiesOf(lines),
    arrow: ARROW.test(cut),
    arrowed: arrowMessages(cut),
    lang: detected ?? lang ?? 'en',
    frame: eventFrameTerms(cut, params.paste.eventFields),
    code: stackFrameTerms(lines, content),
    content,
  };
}

/** An exception class that opens a message after an arrow (`Microsoft.Exchange.…MRSRemotePermanentException:`). */
const LEADING_CLASS = /^\s*(?:[\w`]+\.)*\w*(?:Exception|Error)\b:?/;
/** What ends an arrow's message: a sentence end, or the next arrow. */
const MESSAGE_END = /[.!?](?=\s|$)|-{2,3}>/;

/**
 * Per `-->` of the paste, the content terms of the message right after it: its exception class left out, up to its
 * sentence's end (across the line breaks a console wraps it at; at most 300 characters). Read only for pastes with an
 * arrow (score.ts `arrowRepeats` compares them with an error's outer message).
 */
export function arrowMessages(text: string): string[][] | undefined {
  if (!ARROW.test(text)) return undefined;
  const out: string[][] = [];
  const parts = text.split(/-{2,3}>/);
  for (let k = 1; k < parts.length; k++) {
    let message = parts[k].slice(0, 300).replace(LEADING_CLASS, '');
    const end = MESSAGE_END.exec(message);
    if (end) message = message.slice(0, end.index);
    const terms: string[] = [];
    for (const t of tokenize(message).tokens) if (!STOPWORDS.has(t.term)) terms.push(t.term);
    out.push(terms);
  }
  return out;
}

/**
 * The tokens' terms. Loops here, not `filter` and `map` with a closure: V8 keeps a closure's optimized code only while
 * one of them is alive, so a full garbage collection between two pastes threw it away (as in ranking.ts `byRank`).
 */
function termsIn(tokens: readonly Token[]): string[] {
  const terms: string[] = [];
  for (const t of tokens) terms.push(t.term);
  return terms;
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
    if (k >= content.length || content[k] !== t) {
      if (t.quoteEnd && k > 0) values[k - 1] |= QUOTE_END;
      continue;
    }
    values[k++] = (t.quoted ? IN_VALUE : 0) | (pending && !t.quoted ? AFTER_VALUE : 0) | (t.quoteEnd ? QUOTE_END : 0);
    pending = false;
  }
  return values;
}

/**
 * The paste's property lines (`LitigationHoldEnabled : True`, also several on one line as a listing copied flat): each
 * property's name and the first word of its value, folded, in pairs (QueryView.properties; empty: none). A name is the
 * word before a colon that a space, a tab or the line's end follows (not `C:\`, `10:15`, `SMTP:x`), not a cmdlet's noun
 * nor a dotted name's last part (`Set-Mailbox :`); its value runs to the next name, and a value without words (a GUID,
 * an address clean-up dropped) gives no pair. Scanned by characters: a regular expression that reads a word back from
 * a colon is quadratic on a long word.
 */
export function propertiesOf(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    let c = line.indexOf(':');
    if (c < 0) continue;
    let name: string | undefined;
    let valueFrom = 0;
    for (; c >= 0; c = line.indexOf(':', c + 1)) {
      const after = line.charCodeAt(c + 1);
      if (!(Number.isNaN(after) || after === 32 || after === 9)) continue;
      let end = c;
      while (end > valueFrom && (line.charCodeAt(end - 1) === 32 || line.charCodeAt(end - 1) === 9)) end--;
      let from = end;
      while (from > valueFrom && isWordChar(line[from - 1])) from--;
      if (from === end || (from > 0 && (line[from - 1] === '-' || line[from - 1] === '.' || isWordChar(line[from - 1])))) continue;
      if (name !== undefined) pushProperty(out, name, line.slice(valueFrom, from));
      name = foldWord(line.slice(from, end));
      valueFrom = c + 1;
    }
    if (name !== undefined) pushProperty(out, name, line.slice(valueFrom));
  }
  return out;
}

/** A letter or digit (WORD's characters). */
const WORD_CHAR = /[\p{L}\p{N}]/u;
function isWordChar(ch: string): boolean {
  return WORD_CHAR.test(ch);
}
/** Words of a property's value (normalize.ts WORD). */
const VALUE_WORD = /[\p{L}\p{N}]+/gu;

/** Adds `name` and the first content term of `value`, when it has one. */
function pushProperty(out: string[], name: string, value: string): void {
  if (droppedTerm(name) || STOPWORDS.has(name)) return;
  VALUE_WORD.lastIndex = 0;
  for (let m = VALUE_WORD.exec(value); m !== null; m = VALUE_WORD.exec(value)) {
    const term = foldWord(m[0]);
    if (droppedTerm(term) || STOPWORDS.has(term)) continue;
    out.push(name, term);
    return;
  }
}

/** Terms that occur in the paste only inside single quotes. */
function quotedOnly(tokens: Token[]): Set<string> {
  const quoted = new Set<string>();
  const plain = new Set<string>();
  for (const t of tokens) (t.quoted ? quoted : plain).add(t.term);
  for (const t of plain) quoted.delete(t);
  return quoted;
}
