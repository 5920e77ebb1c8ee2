import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { AccuracyRow } from '../../bench/accuracy';
import type { LatencyRow, MatchingResult } from '../../bench/matching';
import type { MemoryResult } from '../../bench/memory';
import { NORMAL_PASTE, type HostileResult } from '../../bench/hostile';
import { renderMarkdown, writeResults, type BenchResults } from '../../bench/report';
import type { RoundMemory, ServingResult } from '../../bench/serving';
import { checkTargets, type Measurements } from '../../bench/targets';
import { percentile, summarize, timeSideBySide } from '../../bench/timing';
import { tempFolder } from '../helpers/tmp';

/**
 * Keeps the CPU busy for at least `ms` as the timer under test measures it (process.hrtime): a wait on Date.now() can end
 * up to a millisecond early, and a call meant to take 120 ms measured 119.x.
 */
function busyWait(ms: number): void {
  const end = process.hrtime.bigint() + BigInt(Math.round(ms * 1e6));
  while (process.hrtime.bigint() < end);
}

const lat = (p50Ms: number, p99Ms: number) => ({
  p50Ms,
  p99Ms,
  qps: 1000 / p50Ms,
  samples: 500,
  cpuP50Ms: p50Ms * 0.9,
  cpuP99Ms: p50Ms * 2,
});

function matching(
  set: string,
  articles: number,
  ours: [number, number],
  fuseMs: number | null,
  miniMs: number,
  buildMs: number,
): MatchingResult {
  const latency: LatencyRow[] = [];
  for (const query of ['short', 'ps-record', 'log-10k']) {
    latency.push({ set, query, engine: 'pastefix', latency: lat(...ours), decision: 'answer', top: 'exo-legacy-tls-hybrid', rightAt: 1 });
    latency.push(
      fuseMs === null
        ? { set, query, engine: 'fuse', latency: null, estimateMs: 90_000 }
        : { set, query, engine: 'fuse', latency: lat(fuseMs, fuseMs * 2) },
    );
    latency.push({ set, query, engine: 'minisearch', latency: lat(miniMs, miniMs * 2) });
  }
  return {
    set,
    articles,
    indexedChars: articles * 1000,
    builds: (['pastefix', 'fuse', 'minisearch'] as const).map((engine) => ({
      set,
      engine,
      coldMs: buildMs,
      warmMs: buildMs * 0.8,
      runs: 3,
    })),
    latency,
  };
}

function accuracy(devSet: string, engine: AccuracyRow['engine'], right: number, falseAnswers: number): AccuracyRow {
  return {
    devSet,
    set: 'builtin',
    engine,
    total: 50,
    right,
    clarified: 0,
    clarifiedRight: 0,
    falseAnswers,
    missed: 50 - right - falseAnswers,
    mrr: 0.9,
    rightRate: right / 50,
    falseRate: falseAnswers / 50,
    covered: 50,
    coveredAnswered: right,
    coveredOfferedFirst: right,
  };
}

const memory = (set: string, rssMB: number): MemoryResult => ({
  set,
  articles: 10_000,
  loadMs: 20_000,
  buildMs: 1500,
  empty: { rssMB: 50, heapMB: 5 },
  loaded: { rssMB: rssMB - 20, heapMB: 90 },
  service: { rssMB, heapMB: 110 },
  indexHeapMB: { pastefix: 20, fuse: 30, minisearch: 25 },
});

const serving = (ours: number, echo: number, echoCard = echo / 2): ServingResult => ({
  rows: [
    {
      bot: 'pastefix',
      label: 'PasteFix /api/messages',
      rps: ours,
      p50Ms: 40,
      p99Ms: 90,
      requests: ours * 10,
      non2xx: 0,
      errors: 0,
      repliesPerRequest: 1,
      replyBytes: 9216,
      cpuMsPerRequest: 2,
    },
    {
      bot: 'echo',
      label: 'botbuilder echo bot',
      rps: echo,
      p50Ms: 20,
      p99Ms: 60,
      requests: echo * 10,
      non2xx: 0,
      errors: 0,
      repliesPerRequest: 1,
      replyBytes: 700,
      cpuMsPerRequest: 1.2,
    },
    {
      bot: 'echo-card',
      label: 'echo bot answering with a 9.0 KB card',
      rps: echoCard,
      p50Ms: 30,
      p99Ms: 70,
      requests: echoCard * 10,
      non2xx: 0,
      errors: 0,
      repliesPerRequest: 1,
      replyBytes: 9300,
      cpuMsPerRequest: 1.6,
    },
  ],
  paste: 'PowerShell error record',
  articles: 128,
  connections: 10,
  seconds: 10,
  rounds: 2,
  serviceRssMB: { warm: 120, end: 131 },
});

function measurements(): Measurements {
  return {
    matching: [matching('corpus', 128, [0.2, 0.8], 400, 3, 40), matching('synthetic-10000', 10_000, [30, 60], null, 20, 2600)],
    memory: [memory('synthetic-10000', 250), memory('corpus', 90)],
    accuracy: [accuracy('dev.jsonl', 'pastefix', 48, 0), accuracy('dev.jsonl', 'fuse', 20, 3), accuracy('dev.jsonl', 'minisearch', 40, 6)],
    serving: serving(150, 280),
    coldStart: [
      { set: 'synthetic-10000', ms: 12_000, articles: 10_000, viaYaml: true },
      { set: 'synthetic-10000', ms: 1400, articles: 10_000, viaYaml: false, compiledIndex: true },
    ],
  };
}

/** Hostile-part results: a normal paste (its longest /healthz wait 300 ms), then one heavy paste per wait. */
function hostile(chars: number, waits: number[]): HostileResult {
  const latency = { p50Ms: 60, p99Ms: 90, qps: 16, samples: 20, cpuP50Ms: 55, cpuP99Ms: 80 };
  const row = (paste: string, length: number, max: number) => ({
    paste,
    chars: length,
    latency,
    ratio: paste === NORMAL_PASTE ? null : 1,
    answeredMs: max + 10,
    healthzMedianMs: max / 4,
    healthzMaxMs: max,
    healthzChecks: 5,
  });
  return { chars, articles: 1, rounds: 5, rows: [row(NORMAL_PASTE, 1_000, 300), ...waits.map((w, i) => row(`paste ${i}`, chars, w))] };
}

describe('bench/targets', () => {
  it('says met or missed for every target, with the measured numbers', () => {
    const targets = checkTargets(measurements());
    const byStart = (s: string) => targets.find((t) => t.target.startsWith(s))!;
    assert.equal(targets.length, 14);
    assert.deepEqual(byStart('match p99 ≤ 1 ms'), {
      target: 'match p99 ≤ 1 ms with the corpus loaded, PowerShell error record',
      measured: 'p99 0.800 ms (p50 0.200 ms; CPU time p50 0.180 ms, p99 0.400 ms)',
      met: true,
    });
    assert.deepEqual(byStart('match p99 ≤ 10 ms'), {
      target: 'match p99 ≤ 10 ms with 10,000 articles, PowerShell error record',
      measured: 'p99 60.0 ms (p50 30.0 ms; CPU time p50 27.0 ms, p99 60.0 ms)',
      met: false,
    });
    assert.deepEqual(byStart('match p99 ≤ 25 ms'), {
      target: 'match p99 ≤ 25 ms with 10,000 articles, 10 KB HCW log excerpt',
      measured: 'p99 60.0 ms (p50 30.0 ms; CPU time p50 27.0 ms, p99 60.0 ms)',
      met: false,
    });
    // Fuse at 10,000 was not run: its extrapolated 90 s count. The slowest case is the corpus (400 / 0.2 = 2000×).
    assert.equal(byStart('at least 20×').met, true);
    assert.match(byStart('at least 20×').measured, /^slowest case 2000× \(corpus\/short\), median 3000× over 6 cases$/);
    // MiniSearch: 3 / 0.2 = 15× with the corpus, 20 / 30 = 0.7× at 10,000 → missed.
    assert.equal(byStart('faster than MiniSearch').met, false);
    assert.match(byStart('faster than MiniSearch').measured, /^slowest case 0\.7× \(synthetic-10000\/short\)/);
    assert.equal(byStart('more accurate').met, true);
    assert.match(byStart('more accurate').measured, /right 96\.0% vs 40\.0% \/ 80\.0%, false 0\.0% vs 6\.0% \/ 12\.0%/);
    assert.deepEqual(byStart('index build'), {
      target: 'index build ≤ 2 s at 10,000 articles',
      measured: '2600 ms (new Matcher, first in a fresh process)',
      met: false,
    });
    assert.deepEqual(byStart('RSS ≤ 200 MB'), {
      target: 'RSS ≤ 200 MB at 10,000 articles',
      measured: '250 MB (articles loaded + matcher; heap 110 MB)',
      met: false,
    });
    assert.deepEqual(byStart('RSS ≤ 100 MB'), {
      target: 'RSS ≤ 100 MB with the corpus',
      measured: '90 MB (articles loaded + matcher; heap 110 MB)',
      met: true,
    });
    assert.deepEqual(byStart('cold start'), {
      target: 'cold start to /healthz ≤ 1.5 s at 10,000 articles from the compiled index',
      measured: '1.40 s (from the sources: 12.00 s)',
      met: true,
    });
    assert.deepEqual(byStart('memory flat'), {
      target:
        "memory flat under load: the service's RSS after a full garbage collection, less V8's empty heap pages, grows ≤ 16 MB over the serving rounds",
      measured: 'as read 120 → 131 MB after 1500 more requests (no reading after a garbage collection)',
      met: true,
    });
    assert.deepEqual(byStart('/api/messages ≥ 0.6×'), {
      target: "/api/messages ≥ 0.6× the text echo bot's requests/s",
      measured: '150 vs 280 requests/s (0.54×); CPU per request 2.00 vs 1.20 ms',
      met: false,
    });
    assert.deepEqual(byStart('/api/messages ≥ 0.9×'), {
      target: '/api/messages ≥ 0.9× the requests/s of the echo bot answering with a card of the same size',
      measured: '150 vs 140 requests/s (1.07×); CPU per request 2.00 vs 1.60 ms',
      met: true,
    });
  });

  it('judges flat memory by the RSS right after a full garbage collection, not by the garbage V8 has not collected yet', () => {
    const m = measurements();
    const flat = () => checkTargets(m).find((t) => t.target.startsWith('memory flat'))!;
    const warmAfterGc = { rssMB: 110, heapMB: 45 };
    m.serving = { ...m.serving!, serviceRssMB: { warm: 120, end: 190, warmAfterGc, endAfterGc: { rssMB: 118, heapMB: 46.5 } } };
    assert.deepEqual(flat(), {
      target:
        "memory flat under load: the service's RSS after a full garbage collection, less V8's empty heap pages, grows ≤ 16 MB over the serving rounds",
      measured: '110 MB after the warm-up → 118 MB after 1500 more requests (heap in use 45.0 → 46.5 MB; as read 120 → 190 MB)',
      met: true,
    });
    // A leak survives the collection.
    m.serving = { ...m.serving, serviceRssMB: { warm: 120, end: 131, warmAfterGc, endAfterGc: { rssMB: 127, heapMB: 60 } } };
    assert.equal(flat().met, false);
  });

  it('judges the cold-start target only on a start from the compiled index, and the serving ratios side by side', () => {
    const m = measurements();
    const byStart = (targets: ReturnType<typeof checkTargets>, s: string) => targets.find((t) => t.target.startsWith(s))!;
    m.coldStart = [{ set: 'synthetic-10000', ms: 1200, articles: 10_000, viaYaml: false }];
    assert.deepEqual(byStart(checkTargets(m), 'cold start'), {
      target: 'cold start to /healthz ≤ 1.5 s at 10,000 articles from the compiled index',
      measured: 'not measured (no compiled-index cold start at 10,000 articles in this run)',
      met: null,
    });
    m.coldStart.push({ set: 'synthetic-10000', ms: 1600, articles: 10_000, viaYaml: false, compiledIndex: true });
    assert.equal(byStart(checkTargets(m), 'cold start').met, false);
    m.serving = serving(170, 280, 190);
    // A bot whose CPU time could not be read (no /proc): the ratio of requests/s alone.
    m.serving.rows[2].cpuMsPerRequest = null;
    assert.equal(byStart(checkTargets(m), '/api/messages ≥ 0.6×').met, true);
    assert.equal(byStart(checkTargets(m), '/api/messages ≥ 0.9×').measured, '170 vs 190 requests/s (0.89×)');
    assert.equal(byStart(checkTargets(m), '/api/messages ≥ 0.9×').met, false);
  });

  it('marks what a run did not measure as not measured, not as met', () => {
    const targets = checkTargets({ matching: [], memory: [], accuracy: [], serving: null });
    assert.deepEqual(
      targets.map((t) => t.met),
      Array(14).fill(null),
    );
    assert.ok(targets.every((t) => t.measured.startsWith('not measured')));
  });

  it('holds the longest /healthz wait during a hostile paste to 200 ms, in full runs (200,000 characters) only, next to a normal paste', () => {
    const check = (h: HostileResult) => checkTargets({ ...measurements(), hostile: h }).find((t) => t.target.startsWith('/healthz'))!;
    // The normal paste's wait is shown beside, never taken for the worst case.
    assert.deepEqual(check(hostile(200_000, [120, 180])), {
      target: '/healthz ≤ 200 ms during a 200 KB worst-case paste',
      measured: 'longest wait 180 ms (paste 1), median 45.0 ms over 5 rounds; during a normal paste: median 75.0 ms, longest 300 ms',
      met: true,
    });
    assert.equal(check(hostile(200_000, [120, 250])).met, false);
    assert.deepEqual(check(hostile(50_000, [120, 250])), {
      target: '/healthz ≤ 200 ms during a 200 KB worst-case paste',
      measured:
        'longest wait 250 ms (paste 1), median 62.5 ms over 5 rounds; during a normal paste: median 75.0 ms, longest 300 ms (50,000-character pastes: a quick run)',
      met: null,
    });
  });

  it('counts a dev set as not more accurate when PasteFix makes more false answers', () => {
    const m = measurements();
    m.accuracy = [
      accuracy('dev.jsonl', 'pastefix', 48, 2),
      accuracy('dev.jsonl', 'fuse', 20, 1),
      accuracy('dev.jsonl', 'minisearch', 40, 6),
    ];
    assert.equal(checkTargets(m).find((t) => t.target.startsWith('more accurate'))!.met, false);
  });
});

describe('bench/report', () => {
  const results = (): BenchResults => {
    const m = measurements();
    return {
      run: {
        date: '2026-11-28T20:00:00.000Z',
        commit: 'abc1234',
        node: 'v20.20.2',
        cpu: 'Test CPU',
        cores: 2,
        loadAverage: { start: 1, end: 2 },
        mode: 'full',
        durationS: 200,
      },
      sets: [
        { name: 'corpus', label: 'built-in + corpus (128)', articles: 128, errorTexts: 150 },
        { name: 'synthetic-10000', label: 'synthetic 10,000', articles: 10_000, errorTexts: 11_579 },
      ],
      targets: checkTargets(m),
      matching: m.matching,
      memory: m.memory,
      coldStart: [
        { set: 'synthetic-10000', ms: 25_000, articles: 10_000, viaYaml: true },
        { set: 'synthetic-10000', ms: 900, articles: 10_000, viaYaml: false, compiledIndex: true },
      ],
      accuracy: m.accuracy,
      serving: m.serving,
      notes: ['A note with a | pipe.'],
    };
  };

  it('writes the Markdown table and the JSON results, both complete', () => {
    const { dir, cleanup } = tempFolder();
    try {
      const written = writeResults(results(), path.join(dir, 'results'));
      assert.equal(written.markdown, path.join(dir, 'results', 'latest.md'));
      assert.equal(written.json, path.join(dir, 'results', 'latest.json'));
      assert.deepEqual(JSON.parse(fs.readFileSync(written.json, 'utf8')), JSON.parse(JSON.stringify(results())));
      const md = fs.readFileSync(written.markdown, 'utf8');
      assert.equal(md, renderMarkdown(results()));
      for (const heading of [
        '## Targets',
        '## Matching latency',
        '## Index build, memory and cold start',
        '## Accuracy on the labelled dev sets',
        '## Serving',
        '## Notes',
      ]) {
        assert.ok(md.includes(`\n${heading}\n`), heading);
      }
    } finally {
      cleanup();
    }
  });

  it('says how memory grew over each half of the rounds and what the objects hold, for every bot alike', () => {
    const m = measurements();
    const at = (rssMB: number, heapMB: number, requests?: number, heapTotalMB?: number) => ({
      rssMB,
      heapMB,
      ...(heapTotalMB !== undefined ? { heapTotalMB } : {}),
      externalMB: 3.8,
      arrayBuffersMB: 0.4,
      ...(requests !== undefined ? { requests } : {}),
    });
    const rounds = (w: number, mid: number, e: number, committed: number[] = []) => ({
      warm: 204,
      end: 304,
      warmAfterGc: at(w, 39.5, undefined, committed[0]),
      endAfterGc: at(e, 40.4, 9110, committed[2]),
      roundsAfterGc: [at(mid, 40, 4500, committed[1]), at(e, 40.4, 9110, committed[2])] as RoundMemory[],
    });
    m.serving = {
      ...m.serving!,
      serviceRssMB: rounds(171, 196, 200),
      echoRssMB: rounds(150, 150, 151),
      // V8 gives back 55 MB of empty young-generation pages: the RSS falls, what is left flat.
      echoCardRssMB: rounds(151, 97, 96, [111.5, 58, 56.4]),
    };
    const flat = checkTargets(m).find((t) => t.target.startsWith('memory flat'))!;
    assert.equal(
      flat.measured,
      '171 MB after the warm-up → 200 MB after 1500 more requests (first half of the rounds +25 MB over 4500 requests, last half +4 MB over 4610; heap in use 39.5 → 40.4 MB, heap + external 43.3 → 44.2 MB; as read 204 → 304 MB)',
    );
    assert.equal(flat.met, false);
    // The same growth with as much more committed but empty V8 heap: judged without those pages.
    m.serving.serviceRssMB = rounds(171, 196, 200, [110, 134, 138]);
    const judged = checkTargets(m).find((t) => t.target.startsWith('memory flat'))!;
    assert.equal(
      judged.measured,
      "101 MB after the warm-up → 102 MB after 1500 more requests (first half of the rounds +2 MB over 4500 requests, last half +0 MB over 4610; RSS 171 → 200 MB, V8's empty heap pages 71 → 98 MB; heap in use 39.5 → 40.4 MB, heap + external 43.3 → 44.2 MB; as read 204 → 304 MB)",
    );
    assert.equal(judged.met, true);
    m.serving.serviceRssMB = rounds(171, 196, 200);
    const md = renderMarkdown({ ...results(), ...m });
    assert.ok(
      md.includes(
        '- PasteFix: 204 MB after the warm-up → 304 MB after the measured rounds as read; right after a full garbage collection 171 → 196 → 200 MB (first half of the rounds +25 MB over 4500 requests, last half +4 MB over 4610), V8 heap in use 39.5 MB → 40.4 MB, outside it (external, ArrayBuffers included) 3.8 MB → 3.8 MB.\n' +
          '- echo bot: 204 MB after the warm-up → 304 MB after the measured rounds as read; right after a full garbage collection 150 → 150 → 151 MB',
      ),
      md,
    );
    assert.ok(
      md.includes(
        "- echo bot answering with a card: 204 MB after the warm-up → 304 MB after the measured rounds as read; right after a full garbage collection 151 → 97 → 96 MB, less V8's empty heap pages (heap committed 112 → 56 MB) 79 → 80 MB (first half of the rounds +0 MB over 4500 requests, last half +1 MB over 4610), V8 heap",
      ),
    );
  });

  it('shows each target as met or missed with its numbers, and every engine side by side', () => {
    const md = renderMarkdown(results());
    assert.ok(
      md.includes(
        '| match p99 ≤ 1 ms with the corpus loaded, PowerShell error record | **met** | p99 0.800 ms (p50 0.200 ms; CPU time p50 0.180 ms, p99 0.400 ms) |',
      ),
    );
    assert.ok(md.includes('| index build ≤ 2 s at 10,000 articles | **missed** | 2600 ms (new Matcher, first in a fresh process) |'));
    assert.ok(
      md.includes(
        'a leak keeps growing in the last half of the rounds, and shows in the heap or outside it:\n' +
          '- PasteFix: 120 MB after the warm-up → 131 MB after the measured rounds as read.\n',
      ),
    );
    assert.ok(md.includes('| PasteFix p50 / p99 / q/s | Fuse.js p50 / p99 / q/s | MiniSearch p50 / p99 / q/s |'));
    assert.ok(
      md.includes(
        '| synthetic 10,000 | PowerShell error record | 30.0 ms / 60.0 ms / 33.3 q/s | not run (≈ 90.00 s per call, extrapolated) | 20.0 ms / 40.0 ms / 50.0 q/s | 27.0 ms / 60.0 ms | — | answer: exo-legacy-tls-hybrid |',
      ),
    );
    assert.ok(md.includes('| 110 MB / 250 MB |'), 'service heap / RSS');
    assert.ok(md.includes('| 25.00 s (corpus as YAML); 900 ms from the compiled index |'));
    assert.ok(md.includes('| PasteFix /api/messages | 150 | 2.00 ms | 40 ms | 90 ms | 1500 | 0 / 0 | 1.00 | 9.0 KB |'));
    assert.ok(md.includes('- A note with a | pipe.'));
    const withHostile = renderMarkdown({ ...results(), hostile: hostile(200_000, [120]) });
    assert.ok(withHostile.includes('| normal paste (PowerShell error record) | 60.0 ms / 90.0 ms | — | 310 ms | 75.0 ms / 300 ms (5) |'));
    assert.ok(withHostile.includes('| paste 0 | 60.0 ms / 90.0 ms | 1.00× | 130 ms | 30.0 ms / 120 ms (5) |'));
  });

  it('judges the warmed-up p99 and shows the first calls beside it', () => {
    const m = measurements();
    const big = m.matching.find((r) => r.set === 'synthetic-10000')!;
    const row = big.latency.find((r) => r.query === 'log-10k' && r.engine === 'pastefix')!;
    row.latency = {
      ...lat(8, 20),
      first: { calls: 20, p50Ms: 18, maxMs: 40, cpuP50Ms: 17, cpuMaxMs: 39 },
      afterCollection: { calls: 5, p50Ms: 27, maxMs: 33, cpuP50Ms: 26, cpuMaxMs: 32 },
    };
    const log = checkTargets(m).find((t) => t.target.startsWith('match p99 ≤ 25 ms'))!;
    assert.equal(
      log.measured,
      'p99 20.0 ms warmed up (p50 8.000 ms; CPU time p50 7.200 ms, p99 16.0 ms; its first 20 calls, before the warm-up: p50 18.0 ms, slowest 40.0 ms; the first call after each of the 5 forced full collections, not in the p99: p50 27.0 ms, slowest 33.0 ms)',
    );
    assert.equal(log.met, true);
    const md = renderMarkdown({ ...results(), ...m });
    assert.ok(md.includes('| 7.200 ms / 16.0 ms | 18.0 ms / 40.0 ms (20 calls) | answer: exo-legacy-tls-hybrid |'), md);
  });
});

describe('bench/timing', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(sorted, 50), 50);
    assert.equal(percentile(sorted, 99), 99);
    assert.equal(percentile([7], 99), 7);
    assert.throws(() => percentile([], 50), /bench: percentile of no samples/);
  });

  it('summarizes samples as median, p99 (from 10 samples on) and calls per second', () => {
    const wall = (...ms: number[]) => ms.map((wallMs) => ({ wallMs, cpuMs: wallMs / 2 }));
    assert.deepEqual(summarize(wall(4, 1, 2, 3)), { p50Ms: 2, p99Ms: null, qps: 400, samples: 4, cpuP50Ms: 1, cpuP99Ms: null });
    const s = summarize(Array.from({ length: 200 }, (_, i) => ({ wallMs: i === 199 ? 50 : 0.5, cpuMs: i >= 197 ? 3 : 0.4 })));
    assert.equal(s.p50Ms, 0.5);
    assert.equal(s.p99Ms, 0.5);
    assert.equal(s.samples, 200);
    assert.equal(s.cpuP50Ms, 0.4);
    assert.equal(s.cpuP99Ms, 3);
  });

  it("runs betweenTurns before each alternative's turn in every round", () => {
    const seen: string[] = [];
    timeSideBySide(
      [
        { name: 'a', run: () => seen.push('a') },
        { name: 'b', run: () => seen.push('b') },
      ],
      { budgetMs: 1000, maxIterations: 4, warmup: 1, rounds: 2, singleCallMs: 1000, betweenTurns: () => seen.push('gc') },
    );
    // First call and one warm-up each, then two rounds of two calls per alternative.
    assert.deepEqual(seen, ['a', 'a', 'b', 'b', 'gc', 'a', 'a', 'gc', 'b', 'b', 'gc', 'a', 'a', 'gc', 'b', 'b']);
  });

  it('times every alternative, and a slow one only once', () => {
    let fast = 0;
    let slow = 0;
    const timed = timeSideBySide(
      [
        { name: 'fast', run: () => fast++ },
        {
          name: 'slow',
          run: () => {
            slow++;
            busyWait(30);
          },
        },
      ],
      { budgetMs: 20, maxIterations: 40, warmup: 5, rounds: 2, singleCallMs: 25 },
    );
    assert.deepEqual([...timed.keys()], ['fast', 'slow']);
    assert.equal(timed.get('slow')!.samples, 1);
    assert.equal(slow, 1);
    assert.ok(timed.get('fast')!.samples >= 1 && timed.get('fast')!.samples <= 40);
    // First call + warm-up + timed calls. The warm-up shrinks when the first call was slow (a garbage
    // collection or another process can make even `fast++` take milliseconds), so it is 0 to 5 calls.
    const warmup = fast - 1 - timed.get('fast')!.samples;
    assert.ok(warmup >= 0 && warmup <= 5, `warm-up calls: ${warmup}`);
  });

  it('times the first calls on their own, then warms up, then takes turns', () => {
    const seen: string[] = [];
    const timed = timeSideBySide(
      [
        { name: 'a', run: () => seen.push('a') },
        { name: 'b', run: () => seen.push('b') },
      ],
      {
        budgetMs: 1000,
        maxIterations: 2,
        firstCalls: 3,
        warmup: 2,
        warmupMs: 1000,
        rounds: 1,
        singleCallMs: 1000,
        betweenTurns: () => seen.push('gc'),
      },
    );
    // Each alternative: a collection, 3 first calls, 2 warm-up calls; then one round of 2 timed calls each.
    assert.deepEqual(seen, ['gc', 'a', 'a', 'a', 'a', 'a', 'gc', 'b', 'b', 'b', 'b', 'b', 'gc', 'a', 'a', 'gc', 'b', 'b']);
    assert.equal(timed.get('a')!.first!.calls, 3);
    assert.equal(timed.get('a')!.samples, 2);
    assert.ok(timed.get('b')!.first!.maxMs >= timed.get('b')!.first!.p50Ms);
    // Without firstCalls there is no first-call figure (and no collection before the warm-up).
    assert.equal(
      timeSideBySide([{ name: 'c', run: () => 0 }], { budgetMs: 10, maxIterations: 1, warmup: 1, rounds: 1, singleCallMs: 1000 }).get('c')!
        .first,
      undefined,
    );
  });

  it('after the collection between turns, makes settle calls before the timed ones and times the first of them apart', () => {
    const seen: string[] = [];
    const timed = timeSideBySide([{ name: 'a', run: () => seen.push('a') }], {
      budgetMs: 1000,
      maxIterations: 4,
      warmup: 0,
      settleCalls: 2,
      rounds: 2,
      singleCallMs: 1000,
      betweenTurns: () => seen.push('gc'),
    });
    // The first call; then per round: a collection, 2 settle calls, 2 timed calls.
    assert.deepEqual(seen, ['a', 'gc', 'a', 'a', 'a', 'a', 'gc', 'a', 'a', 'a', 'a']);
    assert.equal(timed.get('a')!.samples, 4);
    assert.equal(timed.get('a')!.afterCollection!.calls, 2);
  });

  it("prepares every call's input untimed and passes it to that call", () => {
    const inputs: (string | undefined)[] = [];
    let prepared = 0;
    const timed = timeSideBySide(
      [
        {
          name: 'p',
          prepare: () => {
            busyWait(30);
            return `paste ${++prepared}`;
          },
          run: (input) => inputs.push(input),
        },
      ],
      {
        budgetMs: 1000,
        maxIterations: 3,
        firstCalls: 2,
        warmup: 1,
        warmupMs: 1000,
        rounds: 1,
        settleCalls: 1,
        singleCallMs: 1000,
        betweenTurns: () => 0,
      },
    );
    // 2 first calls, 1 warm-up, 1 settle call, 3 timed: each with an input of its own.
    assert.deepEqual(inputs, ['paste 1', 'paste 2', 'paste 3', 'paste 4', 'paste 5', 'paste 6', 'paste 7']);
    // The 30 ms of each prepare are not in any call's time.
    const p = timed.get('p')!;
    assert.ok(p.first!.maxMs < 30 && p.afterCollection!.maxMs < 30 && p.p50Ms < 30, JSON.stringify(p));
  });

  it('with first calls, gives a first call up to twice the single-call limit a second before timing it once', () => {
    let calls = 0;
    const slowFirst = () => {
      calls++;
      if (calls === 1) busyWait(320);
    };
    const timed = timeSideBySide([{ name: 'setup', run: slowFirst }], {
      budgetMs: 20,
      maxIterations: 2,
      firstCalls: 3,
      warmup: 0,
      warmupMs: 1000,
      rounds: 1,
      singleCallMs: 300,
    });
    // 320 ms is past the limit but below twice it; the second call is fast, so it is timed like any other.
    // (The 280 ms left below twice the limit absorb a loaded machine's preemption: 100/120 failed once under load.)
    assert.equal(timed.get('setup')!.first!.calls, 3);
    assert.ok(timed.get('setup')!.samples >= 1);
    assert.ok(timed.get('setup')!.first!.maxMs >= 320);
  });

  it('ends the warm-up when warmupMs has passed, whatever the number of calls', () => {
    let calls = 0;
    const timed = timeSideBySide(
      [
        {
          name: 'slowish',
          run: () => {
            calls++;
            busyWait(5);
          },
        },
      ],
      { budgetMs: 10, maxIterations: 1, firstCalls: 2, warmup: 1000, warmupMs: 100, rounds: 1, singleCallMs: 1000 },
    );
    assert.equal(timed.get('slowish')!.first!.calls, 2);
    // 100 ms of calls of 5 ms or more: the 2 first calls and at most ~20 warm-up calls (not 1,000), then 1 timed call.
    assert.ok(calls >= 3 && calls <= 25, `calls: ${calls}`);
    assert.equal(timed.get('slowish')!.samples, 1);
  });
});
