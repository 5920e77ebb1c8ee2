import { markSmtpCodes } from './normalize';

/** An enhanced status code as a term (`5.1.10` is read as `smtp5x1x10`). */
const STATUS_TERM = /^smtp\dx\dx\d+$/;

/** True for an enhanced status code term (`smtp5x7x139`). */
export function isStatusTerm(term: string): boolean {
  return STATUS_TERM.test(term);
}

/** The enhanced status codes among `terms`. */
export function statusTerms(terms: Iterable<string>): Set<string> {
  const codes = new Set<string>();
  for (const t of terms) if (STATUS_TERM.test(t)) codes.add(t);
  return codes;
}

const NONE: ReadonlySet<string> = new Set();

/** The enhanced status codes a text names (`… 5.7.57 SMTP; Client was not authenticated…` → `smtp5x7x57`), as terms. */
export function statusCodesIn(text: string): Set<string> {
  return new Set(Array.from(markSmtpCodes(text).matchAll(/\bsmtp\dx\dx\d+\b/g), (m) => m[0]));
}

/**
 * A bounce with another status code is another error, however alike its sentence: NDRs share most of their words
 * (`Recipient address rejected: Access denied` stands under 5.4.1 and under 5.7.504), the code tells them apart.
 * True when the error text carries status codes and the paste holds some, but none of the text's and none that the
 * article's other error texts carry (an article with two codes is one problem reported two ways); in an overview, an
 * article whose error texts carry three codes or more, a row counts for its own code only.
 */
export function otherStatusCode(
  errorTerms: readonly string[],
  articleCodes: ReadonlySet<string>,
  pasted: ReadonlySet<string>,
  textCodes: () => ReadonlySet<string> = () => NONE,
): boolean {
  if (pasted.size === 0) return false;
  let own = false;
  for (const t of errorTerms) {
    if (!STATUS_TERM.test(t)) continue;
    if (pasted.has(t)) return false;
    own = true;
  }
  // An overview's row (an article whose error texts name three codes or more) is the row of its own code: another
  // row's sentence under the pasted code is another bounce, whether or not the overview lists that code too.
  if (own && articleCodes.size >= 3) return true;
  for (const code of pasted) if (articleCodes.has(code)) return false;
  if (own) return true;
  // An error text without a code (`Client was not authenticated to send anonymous mail…`) whose article names the codes
  // it bounces with in its own words (`5.7.57`): a bounce with none of them is another error with the same sentence.
  const named = textCodes();
  if (named.size === 0) return false;
  for (const code of pasted) if (named.has(code)) return false;
  return true;
}

/** A range of status codes a title names (`4.7.500-699`, `"550 5.1.1" through "550 5.1.20"`): class `smtp4x7x`, numbers from–to. */
export interface StatusRange {
  prefix: string;
  from: number;
  to: number;
}

const RANGE = /\b([245])\.([0-7])\.(\d{1,3})["”]?\s*(?:-|–|\bthrough\b)\s*["“]?(?:\d{3}\s+)?(?:([245])\.([0-7])\.)?(\d{1,3})\b/gi;

/** The ranges of status codes a text names (`Fix NDR error code "451 4.7.500-699 (ASxxx)"` → smtp4x7x 500–699). */
export function statusRangesIn(text: string): StatusRange[] {
  const out: StatusRange[] = [];
  for (const m of text.matchAll(RANGE)) {
    if (m[4] !== undefined && (m[4] !== m[1] || m[5] !== m[2])) continue;
    const from = Number(m[3]);
    const to = Number(m[6]);
    if (to > from) out.push({ prefix: `smtp${m[1]}x${m[2]}x`, from, to });
  }
  return out;
}

/** True when the status code term (`smtp4x7x512`) lies in the range. */
export function inStatusRange(term: string, range: StatusRange): boolean {
  if (!term.startsWith(range.prefix)) return false;
  const n = Number(term.slice(range.prefix.length));
  return n >= range.from && n <= range.to;
}
