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
 * article's other error texts carry (an overview article's table row of the pasted code is the same article).
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
  for (const code of pasted) if (articleCodes.has(code)) return false;
  if (own) return true;
  // An error text without a code (`Client was not authenticated to send anonymous mail…`) whose article names the codes
  // it bounces with in its own words (`5.7.57`): a bounce with none of them is another error with the same sentence.
  const named = textCodes();
  if (named.size === 0) return false;
  for (const code of pasted) if (named.has(code)) return false;
  return true;
}
