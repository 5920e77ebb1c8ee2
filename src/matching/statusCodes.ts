/** An enhanced status code as a term (`5.1.10` is read as `smtp5x1x10`). */
const STATUS_TERM = /^smtp\dx\dx\d+$/;

/** The enhanced status codes among `terms`. */
export function statusTerms(terms: Iterable<string>): Set<string> {
  const codes = new Set<string>();
  for (const t of terms) if (STATUS_TERM.test(t)) codes.add(t);
  return codes;
}

/**
 * A bounce with another status code is another error, however alike its sentence: NDRs share most of their words
 * (`Recipient address rejected: Access denied` stands under 5.4.1 and under 5.7.504), the code tells them apart.
 * True when the error text carries status codes and the paste holds some, but none of the text's and none that the
 * article's other error texts carry (an overview article's table row of the pasted code is the same article).
 */
export function otherStatusCode(errorTerms: readonly string[], articleCodes: ReadonlySet<string>, pasted: ReadonlySet<string>): boolean {
  if (pasted.size === 0) return false;
  let own = false;
  for (const t of errorTerms) {
    if (!STATUS_TERM.test(t)) continue;
    if (pasted.has(t)) return false;
    own = true;
  }
  if (!own) return false;
  for (const code of pasted) if (articleCodes.has(code)) return false;
  return true;
}
