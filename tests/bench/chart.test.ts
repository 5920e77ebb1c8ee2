import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chartSeries, renderLatencyChart } from '../../bench/chart';
import type { LatencyRow, MatchingResult } from '../../bench/matching';
import { writeResults, type BenchResults } from '../../bench/report';
import { tempFolder } from '../helpers/tmp';

const lat = (p50Ms: number, p99Ms: number) => ({ p50Ms, p99Ms, qps: 1000 / p50Ms, samples: 100, cpuP50Ms: p50Ms, cpuP99Ms: p99Ms });

function matching(set: string, articles: number, ours: number, fuse: number | null, mini: number): MatchingResult {
  const latency: LatencyRow[] = [
    { set, query: 'ps-record', engine: 'pastefix', latency: lat(ours, ours * 3), decision: 'answer', top: 'x', rightAt: 1 },
    fuse === null
      ? { set, query: 'ps-record', engine: 'fuse', latency: null, estimateMs: 60_000 }
      : { set, query: 'ps-record', engine: 'fuse', latency: lat(fuse, fuse * 2) },
    { set, query: 'ps-record', engine: 'minisearch', latency: lat(mini, mini * 2) },
    { set, query: 'short', engine: 'pastefix', latency: lat(ours / 2, ours) },
  ];
  return { set, articles, indexedChars: 0, builds: [], latency };
}

function results(): BenchResults {
  return {
    run: {
      date: '2026-12-03T07:00:00Z',
      commit: 'abc',
      node: 'v20',
      cpu: 'cpu',
      cores: 2,
      loadAverage: { start: 1, end: 1 },
      mode: 'quick',
      durationS: 60,
    },
    sets: [],
    targets: [],
    matching: [
      matching('corpus', 128, 0.2, 40, 3),
      matching('synthetic-1000', 1000, 1, 300, 5),
      matching('synthetic-10000', 10_000, 8, null, 20),
    ],
    memory: [],
    coldStart: [],
    accuracy: [],
    serving: null,
    notes: [],
  };
}

/** The `points` of the polyline for an engine and statistic, as numbers. */
function points(svg: string, engine: string, stat: string): [number, number][] {
  const m = svg.match(new RegExp(`<polyline data-engine="${engine}" data-stat="${stat}"[^>]*points="([^"]+)"`));
  assert.ok(m, `${engine} ${stat} line`);
  return m[1].split(' ').map((p) => p.split(',').map(Number) as [number, number]);
}

describe('bench/chart', () => {
  it('has a p50 and a p99 line per engine over the sets it was measured on, sorted by article count', () => {
    const series = chartSeries(results(), 'ps-record');
    assert.deepEqual(
      series.map((s) => [s.engine, s.p50.map((p) => p.articles)]),
      [
        ['pastefix', [128, 1000, 10_000]],
        ['fuse', [128, 1000]],
        ['minisearch', [128, 1000, 10_000]],
      ],
    );
    assert.deepEqual(
      series[0].p99.map((p) => p.ms),
      [0.6000000000000001, 3, 24],
    );
  });

  it('draws more articles further right and slower higher up, both on log scales', () => {
    const svg = renderLatencyChart(results());
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    const ours = points(svg, 'pastefix', 'p50');
    assert.equal(ours.length, 3);
    assert.ok(ours[0][0] < ours[1][0] && ours[1][0] < ours[2][0]);
    assert.ok(ours[0][1] > ours[1][1] && ours[1][1] > ours[2][1], 'y grows downwards in SVG');
    // Log scale: 128 → 1000 → 10,000 articles are about as far apart as a decade allows.
    const decade = ours[2][0] - ours[1][0];
    assert.ok(Math.abs(ours[1][0] - ours[0][0] - decade * Math.log10(1000 / 128)) < 1);
    const fuse = points(svg, 'fuse', 'p50');
    assert.ok(fuse[0][1] < ours[0][1], 'Fuse.js, slower, sits above PasteFix');
    assert.match(svg, /stroke-dasharray="6 4" points=/);
    for (const name of ['PasteFix', 'Fuse.js', 'MiniSearch']) assert.ok(svg.includes(`>${name}</text>`), name);
  });

  it('says so when nothing was measured for the query', () => {
    assert.match(renderLatencyChart(results(), 'log-10k'), /no latency measured for this query/);
  });

  it('is written as latency.svg next to latest.md', () => {
    const { dir, cleanup } = tempFolder();
    try {
      const written = writeResults(results(), dir);
      assert.equal(written.chart, path.join(dir, 'latency.svg'));
      assert.equal(fs.readFileSync(written.chart, 'utf8'), renderLatencyChart(results()));
    } finally {
      cleanup();
    }
  });
});
