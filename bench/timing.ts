/**
 * Timing several alternatives side by side: every call timed alone with process.hrtime.bigint, after a
 * warm-up, the alternatives interleaved in rounds so machine noise (this machine is shared) hits them
 * alike. Reported as median, p99 and queries per second — wall-clock time, and the process's CPU time
 * per call too: on a busy machine the wall-clock p99 mostly measures how long other processes held the
 * CPU, the CPU-time p99 what the call itself cost (garbage collection included).
 *
 * Two figures per alternative: its first calls (`firstCalls`, timed before any warm-up: what the first
 * pastes after a start cost while V8 still compiles), and the warmed-up calls the median and p99 are taken
 * over (after up to `warmup` untimed calls or `warmupMs`, whichever ends first: what a service that has
 * answered a few hundred pastes costs per paste).
 */

export interface TimingOptions {
  /** Time to spend per alternative, in milliseconds (split over the rounds). */
  budgetMs: number;
  /** Most timed calls per alternative. */
  maxIterations: number;
  /** Untimed warm-up calls after the first call(s), before the timed rounds: fewer when `warmupMs` runs out first. */
  warmup: number;
  /** Most time from an alternative's first call to the end of its warm-up, in milliseconds. Default: a tenth of `budgetMs`. */
  warmupMs?: number;
  /** The first calls, timed on their own before the warm-up (reported as `Latency.first`). Default 0: none. */
  firstCalls?: number;
  /** Rounds the alternatives take turns in. */
  rounds: number;
  /**
   * A first call slower than this is the only sample: no warm-up, no rounds (the slow baselines). With `firstCalls`, a first
   * call below twice this gets a second, and only a second as slow makes the two the samples.
   */
  singleCallMs: number;
  /**
   * Run, untimed, before each alternative's turn in a round. The matching bench passes a full collection
   * (matching.ts collectBetweenTurns): otherwise an engine's calls pay for collecting the garbage of the engine
   * before it (one MiniSearch call at 10,000 articles leaves megabytes, some of it in the old generation). Default: nothing.
   */
  betweenTurns?: () => void;
  /**
   * Untimed calls after `betweenTurns`, before a turn's timed calls (at most a fifth of the round's time; default 0).
   * The first of them is timed on its own (`Latency.afterCollection`). After a forced full collection the matcher's next
   * call at 10,000 articles takes 3–4× its usual time and the one after it 1.5–2×: counted in the p99, a collection
   * forced before every turn (5 in ~150 calls, where a service collects its old generation once in thousands of
   * pastes) decided it.
   */
  settleCalls?: number;
}

export interface Latency {
  /** Median, milliseconds. */
  p50Ms: number;
  /** 99th percentile (nearest rank), milliseconds; null with fewer than 10 samples. */
  p99Ms: number | null;
  /** Calls per second over the timed calls (one thread). */
  qps: number;
  /** Timed calls. */
  samples: number;
  /** Median and 99th percentile of CPU time (user + system) per call, milliseconds. */
  cpuP50Ms: number;
  cpuP99Ms: number | null;
  /** The alternative's first calls, before the warm-up (absent when none were asked for, or for a call timed once). */
  first?: FirstCalls;
  /** The first call after each collection between turns, untimed for the figures above (absent without settle calls). */
  afterCollection?: FirstCalls;
}

/** The first calls of an alternative in the process, timed before its warm-up. */
export interface FirstCalls {
  calls: number;
  /** Median and slowest, wall clock, milliseconds. */
  p50Ms: number;
  maxMs: number;
  /** Median and slowest CPU time, milliseconds. */
  cpuP50Ms: number;
  cpuMaxMs: number;
}

/** One timed call: wall-clock and CPU milliseconds. */
export interface Sample {
  wallMs: number;
  cpuMs: number;
}

export interface Alternative {
  name: string;
  /** The timed call; it gets what `prepare` returned for it. */
  run: (input?: string) => unknown;
  /**
   * Untimed, before every call (timed or not): that call's input. The matching bench passes a fresh copy of the paste,
   * as the service gets a new string per message; the same string literal on every call would let V8 reuse what it cached
   * for it (split and global-regex results are kept per string). Default: none.
   */
  prepare?: () => string;
}

/** A copy of `text` that is a new string, as one parsed from a request body is — not the literal V8 keeps interned. */
export const freshCopy = (text: string): string => Buffer.from(text, 'utf8').toString('utf8');

/** One untimed call, with its own prepared input. */
const callOnce = (alt: Alternative) => alt.run(alt.prepare?.());

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) throw new Error('bench: percentile of no samples');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

export function summarize(samples: readonly Sample[]): Latency {
  const wall = samples.map((x) => x.wallMs).sort((a, b) => a - b);
  const cpu = samples.map((x) => x.cpuMs).sort((a, b) => a - b);
  const total = wall.reduce((a, b) => a + b, 0);
  return {
    p50Ms: percentile(wall, 50),
    p99Ms: wall.length >= 10 ? percentile(wall, 99) : null,
    qps: total > 0 ? (wall.length * 1000) / total : Infinity,
    samples: wall.length,
    cpuP50Ms: percentile(cpu, 50),
    cpuP99Ms: cpu.length >= 10 ? percentile(cpu, 99) : null,
  };
}

function timeOnce(alt: Alternative): Sample {
  const input = alt.prepare?.();
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  alt.run(input);
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

export function summarizeFirst(samples: readonly Sample[]): FirstCalls {
  const wall = samples.map((x) => x.wallMs).sort((a, b) => a - b);
  const cpu = samples.map((x) => x.cpuMs).sort((a, b) => a - b);
  return {
    calls: wall.length,
    p50Ms: percentile(wall, 50),
    maxMs: wall[wall.length - 1],
    cpuP50Ms: percentile(cpu, 50),
    cpuMaxMs: cpu[cpu.length - 1],
  };
}

const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** Times each alternative; returns one latency summary per name. */
export function timeSideBySide(alternatives: readonly Alternative[], o: TimingOptions): Map<string, Latency> {
  const samples = new Map<string, Sample[]>();
  const firsts = new Map<string, FirstCalls>();
  const active: Alternative[] = [];
  const warmupMs = o.warmupMs ?? o.budgetMs / 10;
  for (const alt of alternatives) {
    // The first calls start, like every timed turn, without the garbage of the alternative before.
    if (o.firstCalls) o.betweenTurns?.();
    const start = process.hrtime.bigint();
    const first = timeOnce(alt);
    const early = [first];
    // A first call up to twice the limit gets a second: the first of a fresh process also sets things up and compiles
    // (the matcher's at 10,000 articles: ~0.25 s of CPU, past the limit in wall-clock time on a busy machine).
    if (first.wallMs >= o.singleCallMs && first.wallMs < 2 * o.singleCallMs && o.firstCalls) early.push(timeOnce(alt));
    if (early[early.length - 1].wallMs >= o.singleCallMs) {
      samples.set(alt.name, early);
      continue;
    }
    while (early.length < (o.firstCalls ?? 0) && since(start) < warmupMs) early.push(timeOnce(alt));
    if (o.firstCalls) firsts.set(alt.name, summarizeFirst(early));
    for (let i = 0; i < o.warmup && since(start) < warmupMs; i++) callOnce(alt);
    samples.set(alt.name, []);
    active.push(alt);
  }
  const roundMs = o.budgetMs / o.rounds;
  const perRound = Math.ceil(o.maxIterations / o.rounds);
  const settled = new Map<string, Sample[]>();
  for (let r = 0; r < o.rounds; r++) {
    for (const alt of active) {
      o.betweenTurns?.();
      if (o.settleCalls) {
        const after = settled.get(alt.name) ?? [];
        settled.set(alt.name, after);
        const start = process.hrtime.bigint();
        after.push(timeOnce(alt));
        for (let i = 1; i < o.settleCalls && since(start) < roundMs / 5; i++) callOnce(alt);
      }
      const list = samples.get(alt.name)!;
      const start = process.hrtime.bigint();
      for (let i = 0; i < perRound; i++) {
        list.push(timeOnce(alt));
        if (Number(process.hrtime.bigint() - start) / 1e6 >= roundMs) break;
      }
    }
  }
  return new Map(
    [...samples].map(([name, list]) => {
      const first = firsts.get(name);
      const after = settled.get(name);
      return [name, { ...summarize(list), ...(first && { first }), ...(after && { afterCollection: summarizeFirst(after) }) }];
    }),
  );
}
