import { GENERIC, type PackedSignals } from './packed';

/**
 * Other articles whose errors must wrap a line for it to be generic. One is not enough: an article's distinctive
 * error is often quoted by one other article's log of it (the HCW's `Federation information could not be received…`).
 */
const MIN_WRAPPING_ARTICLES = 2;

/**
 * Error text `id` is a generic line: every unit of it stands in error texts of other articles too (Unit.generic),
 * and error texts of two other articles hold all of it inside a longer chain (`The remote server returned an
 * error: (403) Forbidden.` after the HCW's `Detailed information:`). An article whose error is such a line is one
 * scenario of many that print it: a paste of the line, whatever printed it, is offered with it, not answered.
 * Two articles holding the very same text (and nothing wrapping it) are no generic line: they are one error.
 * `articleOf`: the article of each error text. Cost: a scan of the error texts once per all-generic text asked.
 */
export function isWrappedGenericLine(pk: PackedSignals, articleOf: (id: number) => number, id: number): boolean {
  const u0 = pk.unitStart[id];
  const u1 = pk.unitStart[id + 1];
  if (u0 === u1) return false;
  for (let u = u0; u < u1; u++) if (!(pk.unitFlags[u] & GENERIC)) return false;
  const t0 = pk.termStart[id];
  const n = pk.termStart[id + 1] - t0;
  const article = articleOf(id);
  const texts = pk.termStart.length - 1;
  const wrappers = new Set<number>();
  for (let j = 0; j < texts; j++) {
    const s = pk.termStart[j];
    const m = pk.termStart[j + 1] - s;
    const other = articleOf(j);
    if (m <= n || other === article || wrappers.has(other)) continue;
    next: for (let k = 0; k + n <= m; k++) {
      for (let i = 0; i < n; i++) if (pk.ids[s + k + i] !== pk.ids[t0 + i]) continue next;
      wrappers.add(other);
      if (wrappers.size >= MIN_WRAPPING_ARTICLES) return true;
      break;
    }
  }
  return false;
}
