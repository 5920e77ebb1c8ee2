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

  /**
   * Room for `codes` codes and `entries` followers: the five arrays are views of one buffer, a piece of `arena`'s when it
   * has room (none of them is read before it is written, so a reused piece needs no clearing but `keys` and `head`).
   */
  constructor(codes: number, entries = 0, arena?: Arena) {
    let slots = 8;
    while (slots < 2 * codes) slots *= 2;
    const bytes = 8 * slots + 4 * (2 * slots + 2 * entries);
    const at = arena ? arena.take(bytes) : -1;
    const buffer = at >= 0 ? arena!.buffer : new ArrayBuffer(bytes);
    let o = Math.max(0, at);
    this.keys = new Float64Array(buffer, o, slots).fill(-1);
    this.head = new Int32Array(buffer, (o += 8 * slots), slots).fill(-1);
    this.tail = new Int32Array(buffer, (o += 4 * slots), slots);
    this.mask = slots - 1;
    this.value = new Int32Array(buffer, (o += 4 * slots), entries);
    this.link = new Int32Array(buffer, o + 4 * entries, entries);
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

/**
 * One buffer handed out in pieces to the tables and arrays of a paste's ids (score.ts PasteIds), and handed out again
 * from its start for the next paste (`reset`). An ArrayBuffer costs 2–3 µs to allocate and free whatever its size — a
 * PowerShell record's ids took 22 of them, about a tenth of its match with the corpus. A piece that does not fit is
 * `take`n as −1 (its owner allocates its own); the next paste's buffer is then made big enough for the whole paste.
 */
export class Arena {
  buffer: ArrayBuffer;
  private used = 0;
  /** Bytes asked for since the last reset, fitted or not. */
  private wanted = 0;

  constructor(
    bytes: number,
    /** The largest buffer it grows to. */
    private readonly most: number,
  ) {
    this.buffer = new ArrayBuffer(bytes);
  }

  /** The byte offset of a piece of `bytes` (a multiple of 8, so any typed array fits there), or −1 when none is left. */
  take(bytes: number): number {
    const size = (bytes + 7) & ~7;
    this.wanted += size;
    if (this.used + size > this.buffer.byteLength) return -1;
    this.used += size;
    return this.used - size;
  }

  /** Every piece handed out is free again (its owners are no longer read). */
  reset(): void {
    if (this.wanted > this.buffer.byteLength && this.buffer.byteLength < this.most)
      this.buffer = new ArrayBuffer(Math.min(this.most, this.wanted));
    this.used = 0;
    this.wanted = 0;
  }
}
