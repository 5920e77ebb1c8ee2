/**
 * How a bot's memory moved over the serving rounds, from the readings taken right after full garbage collections
 * (bench/gcProbe.ts): its RSS, and what its objects hold (V8 heap in use + `external`, the latter including the
 * bytes of Buffers and other ArrayBuffers). A leak grows with the requests: in the last half of the rounds as much as
 * in the first. Memory the C allocator keeps once it has needed it (glibc's arenas) rises early and then levels off;
 * RSS says both, the held memory says whether the objects grew.
 *
 * RSS also counts the pages V8 keeps committed but empty after the collection (heap total − heap in use: mostly the
 * young generation's semi-spaces, which V8 grows and shrinks by tens of MB as it sees fit). In serving runs the bots'
 * RSS after a collection moved with them (the echo bots +23 to +32 MB with 32–33 MB more committed,
 * PasteFix −57 MB with 60 MB less), so `resident` leaves them out; where heap total was not read it is the RSS.
 */
import type { MemoryReading } from './servers';
import type { RoundMemory, ServedMemory } from './serving';

export interface MemoryGrowth {
  /** RSS after a collection, after the warm-up and after the last round, MB. */
  rss: { from: number; to: number };
  /** The same less V8's committed but empty heap pages, MB (what the flat-memory target judges). */
  resident: { from: number; to: number };
  /** Whether `resident` could leave those pages out (heap total read at both ends). */
  lessFreeHeap: boolean;
  /** Heap in use + external after a collection, MB; null where `external` was not read. */
  held: { from: number; to: number } | null;
  /**
   * The rounds split in two halves by count (the warm-up reading, the reading at the middle round, the last): growth
   * of `resident` in MB and the requests answered over each. Null with fewer than two rounds read.
   */
  halves: { first: Half; last: Half } | null;
}

export interface Half {
  rssMB: number;
  requests: number;
}

const held = (r: MemoryReading) => (r.externalMB === undefined ? null : r.heapMB + r.externalMB);
/** RSS less V8's committed but empty heap; RSS where heap total was not read. */
export const residentMB = (r: MemoryReading) => (r.heapTotalMB === undefined ? r.rssMB : r.rssMB - (r.heapTotalMB - r.heapMB));

export function memoryGrowth(m: ServedMemory): MemoryGrowth | null {
  const from = m.warmAfterGc;
  const to = m.endAfterGc;
  if (!from || !to) return null;
  const heldFrom = held(from);
  const heldTo = held(to);
  const rounds = m.roundsAfterGc ?? [];
  let halves: MemoryGrowth['halves'] = null;
  if (rounds.length >= 2) {
    const points: RoundMemory[] = [{ ...from, requests: 0 }, ...rounds];
    const mid = points[Math.floor(points.length / 2)];
    const end = points[points.length - 1];
    const lessFree = points.every((p) => p.heapTotalMB !== undefined);
    const at = (r: MemoryReading) => (lessFree ? residentMB(r) : r.rssMB);
    halves = {
      first: { rssMB: at(mid) - at(from), requests: mid.requests },
      last: { rssMB: at(end) - at(mid), requests: end.requests - mid.requests },
    };
  }
  const lessFreeHeap = from.heapTotalMB !== undefined && to.heapTotalMB !== undefined;
  return {
    rss: { from: from.rssMB, to: to.rssMB },
    resident: lessFreeHeap ? { from: residentMB(from), to: residentMB(to) } : { from: from.rssMB, to: to.rssMB },
    lessFreeHeap,
    held: heldFrom !== null && heldTo !== null ? { from: heldFrom, to: heldTo } : null,
    halves,
  };
}

const signed = (x: number) => `${x < 0 ? '−' : '+'}${Math.abs(x).toFixed(0)} MB`;

/** "first half of the rounds +25 MB over 4500 requests, last half +1 MB over 4610" (empty without halves). */
export function halvesText(g: MemoryGrowth): string {
  if (!g.halves) return '';
  const { first, last } = g.halves;
  return `first half of the rounds ${signed(first.rssMB)} over ${first.requests} requests, last half ${signed(last.rssMB)} over ${last.requests}`;
}
