/**
 * The paste's word pairs and what follows its words, pairs and triples (score.ts PasteIds), keyed by gram code
 * (signals.ts gramCode). Codes of a large vocabulary are beyond the small integers V8 keeps unboxed, so every lookup in
 * a Set or Map of them allocated a number — thousands per paste at 10,000 articles, for the garbage collector. Here
 * the codes sit in a Float64Array (open addressing) and each code's followers in a list of entries, in the order
 * they were added, each once.
 */
export class GramTable {
  /** Per slot: the code held (−1: empty), and its first and last entry (−1: none). */
  private readonly keys: Float64Array;
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly mask: number;
  /** Per entry: the id that follows its code, and the code's next entry (−1: the last). */
  readonly value: Int32Array;
  readonly link: Int32Array;
  private entries = 0;

  /** Room for `codes` codes and `entries` followers. */
  constructor(codes: number, entries = 0) {
    let slots = 8;
    while (slots < 2 * codes) slots *= 2;
    this.keys = new Float64Array(slots).fill(-1);
    this.head = new Int32Array(slots).fill(-1);
    this.tail = new Int32Array(slots);
    this.mask = slots - 1;
    this.value = new Int32Array(entries);
    this.link = new Int32Array(entries);
  }

  /** The slot of `code`: where it is, or the empty one where it goes. */
  private slot(code: number): number {
    // Codes are exact integers below 2^53: mix their low and high 32 bits.
    const h = Math.imul(code | 0, 0x9e3779b1) ^ Math.imul((code / 4294967296) | 0, 0x85ebca6b);
    let s = (h ^ (h >>> 15)) & this.mask;
    while (this.keys[s] !== -1 && this.keys[s] !== code) s = (s + 1) & this.mask;
    return s;
  }

  add(code: number): void {
    this.keys[this.slot(code)] = code;
  }

  has(code: number): boolean {
    return this.keys[this.slot(code)] === code;
  }

  /** Adds `id` to the followers of `code`, unless it is one already. */
  follow(code: number, id: number): void {
    const s = this.slot(code);
    if (this.keys[s] !== code) this.keys[s] = code;
    else for (let e = this.head[s]; e >= 0; e = this.link[e]) if (this.value[e] === id) return;
    const e = this.entries++;
    this.value[e] = id;
    this.link[e] = -1;
    if (this.head[s] < 0) this.head[s] = e;
    else this.link[this.tail[s]] = e;
    this.tail[s] = e;
  }

  /** The first follower entry of `code` (then `link`), −1 when none. */
  first(code: number): number {
    const s = this.slot(code);
    return this.keys[s] === code ? this.head[s] : -1;
  }
}
