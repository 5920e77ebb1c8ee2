/**
 * Part 1 and 2: matching speed per knowledge base size — index build time, and p50/p99 latency and
 * queries per second for each paste — for PasteFix and the two baselines side by side, each size in
 * a fresh process.
 */
import type { Outcome } from '../src/cli/evaluate';
import type { Decision } from '../src/matching/types';
import { ENGINES, flatten, type EngineName, type Searcher } from './engines';
import { buildSets, CORPUS_DIR, TEAM_SET } from './knowledgeSets';
import { runPart } from './processes';
import { benchQueries } from './queries';
import { startFlags } from './servers';
import { freshCopy, timeSideBySide, type Latency, type TimingOptions } from './timing';

export type Mode = 'full' | 'quick';

export interface LatencyRow {
  set: string;
  query: string;
  engine: EngineName;
  /** Null when not run (see `estimateMs`). */
  latency: Latency | null;
  /** When not run: the time one call would take, extrapolated from the smaller set by indexed text size. */
  estimateMs?: number;
  decision?: Decision;
  top?: string;
  /** 1-based place of the right article among the ranked ones (the decision offers 1–3), or null when absent. */
  rightAt?: number | null;
}

export interface BuildRow {
  set: string;
  engine: EngineName;
  /** First build in a fresh process, milliseconds (what a starting service pays). */
  coldMs: number;
  /** Median of the repeated builds, milliseconds. */
  warmMs: number | null;
  runs: number;
}

export interface MatchingResult {
  set: string;
  articles: number;
  /** Characters of searchable text (titles, descriptions, error texts): the baselines' cost grows with it. */
  indexedChars: number;
  builds: BuildRow[];
  latency: LatencyRow[];
}

export interface MatchingArgs {
  set: string;
  /** Total size, for synthetic sets. */
  size?: number;
  mode: Mode;
  /** Rows of the next smaller set, to skip calls that would take far too long. */
  previous?: { indexedChars: number; latency: LatencyRow[] };
}

/**
 * The warm-up is long enough for a warmed-up figure: V8 goes on compiling the matcher for about a hundred calls of a
 * paste at 10,000 articles (the 10 KB log's CPU median: ~20 ms over its first 10 calls, ~8 ms from the 50th on), and
 * a service answers thousands of pastes after its start. With a 150 ms warm-up (up to this round) the log got 4 calls
 * at 10,000 articles and its p99 was partly compilation. What the first calls cost is reported beside it (`firstCalls`).
 */
export const TIMING: Record<Mode, TimingOptions & { skipAboveMs: number; buildRepeats: number }> = {
  full: {
    budgetMs: 1500,
    maxIterations: 3000,
    firstCalls: 20,
    warmup: 300,
    warmupMs: 2000,
    settleCalls: 3,
    rounds: 5,
    singleCallMs: 500,
    skipAboveMs: 5_000,
    buildRepeats: 2,
  },
  quick: {
    budgetMs: 400,
    maxIterations: 1000,
    firstCalls: 10,
    warmup: 50,
    warmupMs: 300,
    settleCalls: 3,
    rounds: 4,
    singleCallMs: 250,
    skipAboveMs: 3_000,
    buildRepeats: 0,
  },
};

/**
 * The matching child's Node flags: `npm start`'s (servers.ts startFlags: `--max-semi-space-size=32`), so the matcher is
 * timed with the young generation the service runs with — a call's p99 at 10,000 articles is the calls a young
 * collection lands in, and with 16 MB semi-spaces twice as many calls got one — and `--expose-gc` for the full
 * collection between the engines' turns (collectBetweenTurns). Every engine runs in the same child.
 */
export function matchingFlags(): string[] {
  return ['--expose-gc', ...startFlags()];
}

/** Runs each set in its own process, smallest first. */
export async function benchMatching(
  sets: { name: string; size?: number }[],
  mode: Mode,
  log: (s: string) => void,
): Promise<MatchingResult[]> {
  const out: MatchingResult[] = [];
  for (const set of sets) {
    log(`matching: ${set.name}`);
    const previous = out[out.length - 1];
    const args = { set: set.name, size: set.size, mode, previous } satisfies MatchingArgs;
    out.push(await runPart<MatchingResult>('matching', args, matchingFlags()));
  }
  return out;
}

type Gc = (options?: { type: 'minor' | 'major' }) => void;

/**
 * A full collection (the child runs with --expose-gc): each engine's turn starts with the garbage of the engine before
 * it gone, old generation included. A young-generation collection is not enough: a MiniSearch call at 10,000 articles
 * runs for hundreds of milliseconds, so scavenges during it promote some of its temporaries, which stay in the old
 * generation, dead, until the next full collection — and keep the young objects they point to alive. The scavenge
 * between turns copied those, and the next one, inside PasteFix's turn, promoted them: 11–16 MB, 50–90 ms of CPU in
 * one PasteFix call. `gc()` without options: on Node 20, `gc({ type: 'major' })` runs a scavenge.
 */
export function collectBetweenTurns(gc: Gc | undefined = (globalThis as { gc?: Gc }).gc): void {
  if (!gc) throw new Error('bench: the matching child needs --expose-gc');
  gc();
}

/** In the child: one set, all engines, all pastes. */
export function matchingChild(args: MatchingArgs): MatchingResult {
  const o = TIMING[args.mode];
  // Only the set measured here is built: loading corpus-more through the importer takes seconds.
  const { sets } = buildSets(args.size ? [args.size] : [], CORPUS_DIR, { team: args.set === TEAM_SET });
  const set = sets.find((s) => s.name === args.set);
  if (!set) throw new Error(`knowledge set "${args.set}" is not available`);
  const indexedChars = set.kb.articles.reduce((n, a) => {
    const f = flatten(a);
    return n + [...f.title, ...f.descriptions, ...f.errors].reduce((m, t) => m + t.length, 0);
  }, 0);

  const builds: BuildRow[] = [];
  const searchers = new Map<EngineName, Searcher>();
  for (const engine of ENGINES) {
    const time = () => {
      const start = process.hrtime.bigint();
      const searcher = engine.build(set.kb);
      return { searcher, ms: Number(process.hrtime.bigint() - start) / 1e6 };
    };
    const first = time();
    searchers.set(engine.name, first.searcher);
    // Big sets get one repeat less: a build of 10,000 articles takes seconds per engine.
    const repeatCount = set.kb.articles.length >= 5000 ? Math.min(1, o.buildRepeats) : o.buildRepeats;
    const repeats = Array.from({ length: repeatCount }, () => time().ms).sort((a, b) => a - b);
    builds.push({
      set: set.name,
      engine: engine.name,
      coldMs: first.ms,
      warmMs: repeats.length ? repeats[Math.floor((repeats.length - 1) / 2)] : null,
      runs: 1 + repeats.length,
    });
  }

  const latency: LatencyRow[] = [];
  for (const q of benchQueries()) {
    const alternatives = [];
    const outcomes = new Map<string, Outcome>();
    for (const engine of ENGINES) {
      const searcher = searchers.get(engine.name)!;
      const before = args.previous?.latency.find((r) => r.query === q.name && r.engine === engine.name);
      const beforeMs = before?.latency?.p50Ms ?? before?.estimateMs;
      const estimateMs = beforeMs !== undefined && args.previous ? (beforeMs * indexedChars) / args.previous.indexedChars : undefined;
      if (estimateMs !== undefined && estimateMs > o.skipAboveMs) {
        latency.push({ set: set.name, query: q.name, engine: engine.name, latency: null, estimateMs });
        continue;
      }
      alternatives.push({
        name: engine.name,
        prepare: () => freshCopy(q.text),
        run: (text = q.text) => outcomes.set(engine.name, searcher.search(text)),
      });
    }
    const timed = timeSideBySide(alternatives, { ...o, betweenTurns: collectBetweenTurns });
    for (const alt of alternatives) {
      const outcome = outcomes.get(alt.name)!;
      latency.push({
        set: set.name,
        query: q.name,
        engine: alt.name as EngineName,
        latency: timed.get(alt.name)!,
        decision: outcome.decision,
        top: outcome.ranked[0],
        rightAt: outcome.ranked.includes(q.expect) ? outcome.ranked.indexOf(q.expect) + 1 : null,
      });
    }
  }
  return { set: set.name, articles: set.kb.articles.length, indexedChars, builds, latency };
}
