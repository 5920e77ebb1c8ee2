/**
 * API error codes written as one CamelCase word (`MailboxNotEnabledForRESTAPI`, `ErrorAccessDenied`, `NoCredentials`).
 * An error text that gives such a word as its code — right after a label ending in `code` or `error` (`Error code:`,
 * `"ResponseCode":"…"`, `<ResponseCode>…`, `Code: …`, `failed with error NoCredentials`) — names its error by it, as an HCW
 * code does: the service prints the same code in every language and client, so it stands for its error wherever a paste
 * holds it. A CamelCase word elsewhere (a property `RemoteRecipientType`, a parameter) is no such code.
 */
import { termsOf } from './normalize';

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

/**
 * The API error codes that error texts give after a code label, of the words in `vocabulary` (each distinct text read once).
 * Made with the index (buildSignals: SignalIndex.apiCodes), so that no paste pays for reading every error text.
 */
export function apiCodesIn(texts: Iterable<string>, vocabulary: ReadonlyMap<string, number>): Set<string> {
  const found = new Set<string>();
  const read = new Set<string>();
  for (const text of texts) {
    if (read.has(text)) continue;
    read.add(text);
    for (const t of labelledCodes(text)) if (vocabulary.has(t)) found.add(t);
  }
  return found;
}
