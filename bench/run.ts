#!/usr/bin/env node
/**
 * `npm run bench [-- --quick] [-- --out DIR] [-- --skip PART]...` — how fast PasteFix answers and what
 * the obvious alternatives would give, measured in one run; prints the results table and writes it to
 * bench/results/latest.md and latest.json. See the README's "Performance" section.
 *
 * Parts: accuracy (dev sets), matching (latency + build time per knowledge base, one process each),
 * memory (one process each), coldstart (the real service until /healthz), serving (autocannon),
 * hostile (worst-case pastes next to a plain one, and /healthz while the service matches them), ocr
 * (screenshots rendered by Chromium, read and matched). `--only PART` runs one part alone.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchAccuracy, type AccuracyRow } from './accuracy';
import { benchColdStart, type ColdStartResult } from './coldStart';
import { benchHostile, type HostileResult } from './hostile';
import { ENGINES } from './engines';
import { buildSets, errorTextCount, materialize, type KbSet } from './knowledgeSets';
import { benchMatching, TIMING, type MatchingResult, type Mode } from './matching';
import { benchMemory, type MemoryResult } from './memory';
import { renderMarkdown, writeResults, type BenchResults, type SetInfo } from './report';
import { benchOcr, type OcrResult } from './ocr';
import { PRODUCTION_ENV } from './servers';
import { benchServing, type ServingResult } from './serving';
import { sharedWithCorpus } from './sharedDir';
import { SYNTHETIC_SEED } from './synthetic';
import { checkTargets } from './targets';

const PARTS = ['accuracy', 'matching', 'memory', 'coldstart', 'serving', 'hostile', 'ocr'] as const;
type Part = (typeof PARTS)[number];

/** Total article counts of the synthetic knowledge bases. */
const SYNTHETIC_SIZES: Record<Mode, number[]> = { full: [1000, 10_000], quick: [1000] };
/**
 * A full run warms every bot up for 10 s (~6,000 requests here): PasteFix's RSS after a collection rises ~20 MB over
 * its first ~5,000 requests and is flat after that — glibc's main heap keeping what V8's optimizing compilers used
 * (with --max-opt=0 it stays flat from the start) — so the flat-memory reading starts after it.
 */
const SERVING: Record<Mode, { seconds: number; rounds: number; warmupSeconds: number; connections: number }> = {
  full: { seconds: 10, rounds: 2, warmupSeconds: 10, connections: 10 },
  quick: { seconds: 3, rounds: 1, warmupSeconds: 1, connections: 10 },
};
/** Pastes per dev set: bigger ones are sampled evenly (plain Fuse.js needs about a second per paste with the corpus). */
const DEV_PASTES: Record<Mode, number> = { full: 150, quick: 30 };
const COLD_START_TIMEOUT_MS = 180_000;
const RESULTS_DIR = path.resolve(__dirname, '../../bench/results');
const KNOWLEDGE_CACHE = path.join(os.tmpdir(), 'pastefix-bench-knowledge');

interface Options {
  mode: Mode;
  out: string;
  skip: Set<Part>;
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: { quick: { type: 'boolean' }, out: { type: 'string' }, skip: { type: 'string', multiple: true }, only: { type: 'string' } },
    strict: true,
  });
  const skip = new Set<Part>();
  for (const s of values.skip ?? []) {
    if (!(PARTS as readonly string[]).includes(s)) throw new Error(`bench: --skip takes one of ${PARTS.join(', ')}, got "${s}"`);
    skip.add(s as Part);
  }
  if (values.only !== undefined) {
    if (!(PARTS as readonly string[]).includes(values.only))
      throw new Error(`bench: --only takes one of ${PARTS.join(', ')}, got "${values.only}"`);
    for (const p of PARTS) if (p !== values.only) skip.add(p);
  }
  return { mode: values.quick ? 'quick' : 'full', out: path.resolve(values.out ?? RESULTS_DIR), skip };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = Date.now();
  const loadStart = os.loadavg()[0];
  const log = (s: string) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${s}\n`);

  // The OCR part brings its own knowledge; the others share these sets (built only when one of them runs).
  const needsSets = PARTS.some((p) => p !== 'ocr' && !options.skip.has(p));
  if (needsSets) log(`knowledge: building the sets (${options.mode} run)`);
  const { sets: kbSets, notes } = needsSets ? buildSets(SYNTHETIC_SIZES[options.mode]) : { sets: [] as KbSet[], notes: [] as string[] };
  if (needsSets) materialize(kbSets, KNOWLEDGE_CACHE);
  const sets: SetInfo[] = kbSets.map((s) => ({
    name: s.name,
    label: s.label,
    articles: s.kb.articles.length,
    errorTexts: errorTextCount(s.kb),
  }));
  const sources = kbSets.map(({ name, paths, yamlPaths, raw, kb }) => ({ name, paths, yamlPaths, raw, articles: kb.articles.length }));

  /** Runs a part unless skipped; a part that fails is reported in the notes and the others still run. */
  const attempt = async <T>(part: Part, fallback: T, body: () => T | Promise<T>): Promise<T> => {
    if (options.skip.has(part)) {
      notes.push(`${part}: skipped (--skip ${part}).`);
      return fallback;
    }
    try {
      return await body();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log(`${part} FAILED: ${message}`);
      notes.push(`${part}: FAILED, no results: ${message.split('\n')[0]}`);
      return fallback;
    }
  };

  const accuracy: AccuracyRow[] = await attempt('accuracy', [], () => {
    const a = benchAccuracy(kbSets, log, DEV_PASTES[options.mode]);
    notes.push(...a.notes);
    return a.rows;
  });
  releaseArticles(kbSets);

  const matching: MatchingResult[] = await attempt('matching', [], () =>
    benchMatching(
      sets.map((s) => ({ name: s.name, size: s.name.startsWith('synthetic-') ? s.articles : undefined })),
      options.mode,
      log,
    ),
  );
  const memory: MemoryResult[] = await attempt('memory', [], () =>
    benchMemory(
      sources.map((s) => ({ set: s.name, paths: s.paths, raw: s.raw })),
      log,
    ),
  );
  const coldStart: ColdStartResult[] = await attempt('coldstart', [], () =>
    benchColdStart(
      sources.map((s) => ({ set: s.name, articles: s.articles, paths: s.paths, yamlPaths: s.yamlPaths })),
      COLD_START_TIMEOUT_MS,
      log,
    ),
  );
  if (coldStart.some((c) => c.viaYaml)) {
    notes.push(
      'cold start: the service ignored the raw Markdown articles under KNOWLEDGE_PATHS (src/index.ts loads knowledge without the importer), so the corpus was given to it as YAML files.',
    );
  }

  const serving: ServingResult | null = await attempt('serving', null, () => {
    const corpus = sources.find((s) => s.name === 'corpus');
    const viaYaml = coldStart.find((c) => c.set === 'corpus')?.viaYaml ?? true;
    const knowledgePaths = corpus ? (viaYaml ? corpus.yamlPaths! : corpus.paths) : sources[0].paths;
    return benchServing({ knowledgePaths, ...SERVING[options.mode] }, log);
  });

  const hostile: HostileResult | null = await attempt('hostile', null, () => benchHostile(options.mode, log));
  const ocr: OcrResult | null = await attempt('ocr', null, () => benchOcr(log, sharedWithCorpus()));

  notes.push(...methodNotes(options.mode));
  const results: BenchResults = {
    run: {
      date: new Date().toISOString(),
      commit: gitCommit(),
      node: process.version,
      cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
      cores: os.cpus().length,
      loadAverage: { start: loadStart, end: os.loadavg()[0] },
      mode: options.mode,
      durationS: (Date.now() - started) / 1000,
    },
    sets,
    targets: checkTargets({ matching, memory, accuracy, serving, hostile, coldStart }),
    matching,
    memory,
    coldStart,
    accuracy,
    serving,
    hostile,
    ocr,
    notes,
  };
  const written = writeResults(results, options.out);
  process.stdout.write(renderMarkdown(results));
  log(`wrote ${[written.markdown, written.json, written.chart].map((f) => path.relative(process.cwd(), f)).join(', ')}`);
}

/** The parent keeps only names and paths: the big knowledge bases are measured in child processes. */
function releaseArticles(sets: KbSet[]): void {
  for (const s of sets) {
    s.kb = { articles: [], byId: new Map(), problems: [] };
    s.extra = [];
  }
}

function methodNotes(mode: Mode): string[] {
  const t = TIMING[mode];
  return [
    `Latency: every call timed alone (process.hrtime.bigint), on a fresh copy of the paste made before its clock starts (the service gets a new string per message; one string literal on every call would let V8 reuse what it cached for it). Each engine's first ${t.firstCalls} calls of a paste are timed on their own (the "first calls"), then up to ${t.warmup} untimed warm-up calls follow (at most ${((t.warmupMs ?? 0) / 1000).toFixed(1)} s from the first call); the p50 and p99 are of the calls after it, a service that has answered a few hundred pastes. The engines take turns in ${t.rounds} rounds of up to ${(t.budgetMs / t.rounds).toFixed(0)} ms each (at most ${t.maxIterations} calls), so machine noise hits them alike; each turn starts after an untimed full garbage collection, so no engine pays for the garbage the one before it left (old generation included: what a slow call promoted keeps young garbage alive until a full collection), and ${t.settleCalls} untimed calls after it (at most a fifth of the round), as the call right after a forced full collection takes several times its usual time (the first of them is shown apart, beside the p99 targets). p99 is the nearest-rank 99th percentile, shown only with ≥ 10 calls. A call slower than ${t.singleCallMs} ms is timed once; one extrapolated (p50 of the next smaller knowledge base × ratio of indexed text) above ${t.skipAboveMs / 1000} s is not run.`,
    `Each knowledge base is measured in a fresh process (latency and build times in one, with the Node flags of npm start (read from package.json) as the service runs, and --expose-gc; memory in another, started with --expose-gc; heap and RSS after two forced collections). Build: the first build in the process, and in brackets the median of ${t.buildRepeats ? `${t.buildRepeats} more (1 from 5,000 articles on)` : 'none more (quick run)'}.`,
    `Knowledge bases: the built-in articles; + ../shared/corpus imported with src/knowledge/import; the knowledge base a team would run: built-in + corpus + ../shared/corpus-more (568 more Exchange Online and Server articles, imported the same way); synthetic sets of ${SYNTHETIC_SIZES[mode].map((n) => n.toLocaleString('en-US')).join(' and ')} articles in total: the corpus articles plus variants grown from them (seed ${SYNTHETIC_SEED}) with other server names, domains, HCW codes, exception names, status codes and inner details — near-duplicates on purpose.${mode === 'quick' ? ' A quick run leaves out the 10,000-article set.' : ''}`,
    'Memory: the articles are loaded from disk as the service does (YAML, the corpus through the importer); "service heap / RSS" is after loading + building + using the matcher; index heap is what each engine\'s index adds to the loaded articles.',
    ...ENGINES.map((e) => `${e.label}: ${e.rule}.`),
    'Fuse.js is set up as its README shows for token search: `new Fuse(docs, { useTokenSearch: true, includeScore: true, keys: ["title", "descriptions", "errors"] })`; MiniSearch with its defaults (BM25, OR): `fields: ["title", "errors", "descriptions"]`. Both index the same flattened text: titles, symptom descriptions and error texts in every language. Their answer/none thresholds were read off the built-in dev set\'s score distribution, which flatters them.',
    'Serving: the real service (`node dist/src/index.js` with the Node flags of `npm start`, read from package.json; the echo bots get the same flags; authentication off, HOST=127.0.0.1, LOG_LEVEL=warn, memory conversation state) and a bare botbuilder echo bot (CloudAdapter + ActivityHandler) on the same restify — once answering with text, once with an Adaptive Card of text blocks as big as the answers of PasteFix (built per message, in linear time) — all replying to a local stand-in connector; autocannon, load generator and connector share this machine with the bot. The measured seconds are split into rounds taken in A B C C B A order; requests/s is over all rounds, p50 that of the median round, p99 that of the worst round. Memory: every bot runs with `--expose-gc` and bench/gcProbe.ts preloaded, and with ' +
      Object.entries(PRODUCTION_ENV)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ') +
      " in its environment (glibc malloc with two arenas, as README's Running in production recommends); after its warm-up and after each of its rounds it collects its garbage on a signal and its RSS, V8 heap (in use and committed) and external memory are read then (the flat-memory target: RSS after the warm-up against after the last round; the halves tell growth that goes on from growth that levels off), next to the RSS as read before (dead objects included: V8 collects its old generation only now and then under load).",
  ];
}

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: path.resolve(__dirname, '../..'), encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
