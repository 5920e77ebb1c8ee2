/**
 * API error codes written as one CamelCase word (`MailboxNotEnabledForRESTAPI`, `ErrorAccessDenied`, `NoCredentials`).
 * An error text that gives such a word as its code — right after a label ending in `code` or `error` (`Error code:`,
 * `"ResponseCode":"…"`, `<ResponseCode>…`, `Code: …`, `failed with error NoCredentials`) — names its error by it, as an HCW
 * code does: the service prints the same code in every language and client, so it stands for its error wherever a paste
 * holds it. A CamelCase word elsewhere (a property `RemoteRecipientType`, a parameter) is no such code.
 */
import { termsOf } from './normalize';
import type { SignalIndex } from './signals';

/** A label whose next word is a code: a word ending in `code` or `error` (`ResponseCode`, `Error code`), then `:`, `=`, quotes. */
const LABELLED =
  /(?<![\p{L}\p{N}])\p{L}*(?:code|error)(?:[ \t]+code)?[\s"'\u2019:=>\\]{1,6}(\p{L}[\p{L}\p{N}]*)(?![_\p{L}\p{N}]|\.\p{L})((?:[ \t]+or[ \t]+\p{L}[\p{L}\p{N}]*)*)/giu;

/** CamelCase: a capital, small letters, then one capital or more each followed by more (`NoCredentials`, `MailboxNotEnabledForRESTAPI`). */
const CAMEL = /^[A-Z][a-z\d]+(?:[A-Z]+[a-z\d]*)+$/;

/** The API error codes `text` gives after a code label (`Error code: A or B` gives both), as terms. */
export function labelledCodes(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(LABELLED)) {
    const words = [m[1], ...m[2].split(/[ \t]+or[ \t]+/).slice(1)];
    for (const w of words) {
      // An exception class names a family, not one error (signals.ts reads it as a strong word already).
      if (!CAMEL.test(w) || /exception$/i.test(w)) continue;
      const [term] = termsOf(w);
      if (term !== undefined) out.push(term);
    }
  }
  return out;
}

const CODES = new WeakMap<SignalIndex, ReadonlySet<string>>();

/** The API error codes the error texts of `index` give after a code label (made on first use, kept with the index). */
export function apiCodesOf(index: SignalIndex): ReadonlySet<string> {
  let codes = CODES.get(index);
  if (codes) return codes;
  const found = new Set<string>();
  const read = new Set<string>();
  for (const { text } of index.errors) {
    if (read.has(text)) continue;
    read.add(text);
    for (const t of labelledCodes(text)) if (index.vocab.ids.has(t)) found.add(t);
  }
  codes = found;
  CODES.set(index, codes);
  return codes;
}
