import { packedSignals } from './packed';
import type { SignalIndex } from './signals';

/**
 * Per error text, the first error text that scores exactly like it against any paste: the same words with the same
 * weights, the same parts and flags, the same arrows. Articles share error texts (a wrapper, the same error in
 * several articles; at 10,000 synthetic articles 28% of all texts and 39% of a PowerShell record's candidates are
 * such twins), and scoring depends on nothing else, so a paste scores each group once (Matcher.errorHits).
 * Made on the first match, like the packed arrays it reads, and kept with the index.
 */
const TWINS = new WeakMap<SignalIndex, Int32Array>();

export function twinsOf(index: SignalIndex): Int32Array {
  let twins = TWINS.get(index);
  if (twins) return twins;
  const pk = packedSignals(index);
  const first = new Map<string, number>();
  twins = new Int32Array(index.errors.length);
  index.errors.forEach((e, id) => {
    const parts: (string | number)[] = [pk.detailUnit[id], JSON.stringify(e.arrows)];
    for (let i = pk.termStart[id]; i < pk.termStart[id + 1]; i++) parts.push(pk.ids[i], pk.weights[i], pk.flags[i]);
    parts.push('|');
    for (let u = pk.unitStart[id]; u < pk.unitStart[id + 1]; u++) parts.push(pk.unitFrom[u], pk.unitTo[u], pk.unitFlags[u]);
    const key = parts.join(' ');
    const had = first.get(key);
    if (had === undefined) first.set(key, id);
    twins![id] = had ?? id;
  });
  TWINS.set(index, twins);
  return twins;
}
