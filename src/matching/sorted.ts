/** `id` is in the ascending `list[from … to − 1]` (binary search; the whole list by default). */
export function sortedIncludes(list: Int32Array, id: number, from = 0, to = list.length): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] === id) return true;
    if (list[mid] < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** `id` is in the ascending `ids`; an unknown term (no id) is not. */
export function includesId(ids: Int32Array, id: number | undefined): boolean {
  return id !== undefined && sortedIncludes(ids, id);
}

/** How many of the ascending ids `a` the ascending ids `b` hold (each id once in both). */
export function sharedIds(a: Int32Array, b: Int32Array): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

/** Every id of `a` is in `b`, which has more (both ascending). */
export function strictlyInside(a: Int32Array, b: Int32Array): boolean {
  if (a.length >= b.length) return false;
  let j = 0;
  for (const t of a) {
    while (j < b.length && b[j] < t) j++;
    if (j === b.length || b[j] !== t) return false;
    j++;
  }
  return true;
}
