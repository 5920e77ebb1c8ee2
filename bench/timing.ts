/**
 * Timing several alternatives side by side: every call timed alone with process.hrtime.bigint, after a
 * warm-up, the alternatives interleaved in rounds so machine noise (this machine is shared) hits them
 * alike. Reported as median, p99 and queries per second — wall-clock time, and the process's CPU time
 * per call too: on a busy machine the wall-clock p99 mostly measures how long other processes held the
 * CPU, the CPU-time p99 what the call itself cost (garbage collection included).
 */

export interface TimingOptions {
  /** Time to spend per alternative, in milliseconds (split over the rounds). */
  budgetMs: number;
  /** Most timed calls per alternative. */
  maxIterations: number;
  /** Untimed calls before timing (fewer when one call is slow). */
  warmup: number;
  /** Rounds the alternatives take turns in. */
  rounds: number;
  /** A first call slower than this is the only sample: no warm-up, no rounds (the slow baselines). */
  singleCallMs: number;
  /**
   * Run, untimed, before each alternative's turn in a round. The matching bench passes a full collection
   * (matching.ts collectBetweenTurns): otherwise an engine's calls pay for collecting the garbage of the engine
   * before it (one MiniSearch call at 10,000 articles leaves megabytes, some of it in the old generation). Default: nothing.
   */
  betweenTurns?: () => void;
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
}

/** One timed call: wall-clock and CPU milliseconds. */
export interface Sample {
  wallMs: number;
  cpuMs: number;
}

export interface Alternative {
  name: string;
  run: () => unknown;
}

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

function timeOnce(run: () => unknown): Sample {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  run();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** Times each alternative; returns one latency summary per name. */
export function timeSideBySide(alternatives: readonly Alternative[], o: TimingOptions): Map<string, Latency> {
  const samples = new Map<string, Sample[]>();
  const active: Alternative[] = [];
  for (const alt of alternatives) {
    const first = timeOnce(alt.run);
    if (first.wallMs >= o.singleCallMs) {
      samples.set(alt.name, [first]);
      continue;
    }
    const warm = Math.min(o.warmup, Math.floor(o.budgetMs / 10 / Math.max(first.wallMs, 0.001)));
    for (let i = 0; i < warm; i++) alt.run();
    samples.set(alt.name, []);
    active.push(alt);
  }
  const roundMs = o.budgetMs / o.rounds;
  const perRound = Math.ceil(o.maxIterations / o.rounds);
  for (let r = 0; r < o.rounds; r++) {
    for (const alt of active) {
      o.betweenTurns?.();
      const list = samples.get(alt.name)!;
      const start = process.hrtime.bigint();
      for (let i = 0; i < perRound; i++) {
        list.push(timeOnce(alt.run));
        if (Number(process.hrtime.bigint() - start) / 1e6 >= roundMs) break;
      }
    }
  }
  return new Map([...samples].map(([name, list]) => [name, summarize(list)]));
}
