/**
 * The picture of a run: matching latency (p50 solid, p99 dashed; both axes log scale) against the number of
 * articles, one colour per engine, for one query shape. Written as `latency.svg` next to `latest.md`; plain
 * SVG with no script or external font, so GitHub and any browser show it as it is.
 */
import { ENGINES, type EngineName } from './engines';
import type { BenchResults } from './report';

const LABEL: Record<EngineName, string> = { pastefix: 'PasteFix', fuse: 'Fuse.js', minisearch: 'MiniSearch' };
const COLOUR: Record<EngineName, string> = { pastefix: '#0b6e4f', fuse: '#c2410c', minisearch: '#1d4ed8' };

const WIDTH = 720;
const HEIGHT = 420;
const PAD = { left: 70, right: 150, top: 40, bottom: 50 };

/** One point of a line: a set's article count and a latency in ms. */
export interface ChartPoint {
  articles: number;
  ms: number;
}

/** The lines of the chart: per engine, p50 and p99 over the sets, sorted by article count. */
export function chartSeries(r: BenchResults, query: string): { engine: EngineName; p50: ChartPoint[]; p99: ChartPoint[] }[] {
  return ENGINES.map(({ name: engine }) => {
    const rows = r.matching
      .flatMap((m) =>
        m.latency.filter((l) => l.engine === engine && l.query === query).map((l) => ({ articles: m.articles, latency: l.latency })),
      )
      .flatMap((x) =>
        x.latency && x.articles > 0 && x.latency.p50Ms > 0 && x.latency.p99Ms
          ? [{ articles: x.articles, latency: x.latency as { p50Ms: number; p99Ms: number } }]
          : [],
      )
      .sort((a, b) => a.articles - b.articles);
    return {
      engine,
      p50: rows.map((x) => ({ articles: x.articles, ms: x.latency.p50Ms })),
      p99: rows.map((x) => ({ articles: x.articles, ms: x.latency.p99Ms })),
    };
  });
}

/** Powers of ten covering [lo, hi]. */
function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

function label(x: number, unit: string): string {
  if (unit === 'ms') return x >= 1000 ? `${x / 1000} s` : x >= 1 ? `${x} ms` : `${x} ms`;
  return x >= 1000 ? `${x / 1000}k` : String(x);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The SVG text of the chart for `query` (default: the PowerShell error record). */
export function renderLatencyChart(r: BenchResults, query = 'ps-record'): string {
  const series = chartSeries(r, query);
  const points = series.flatMap((s) => [...s.p50, ...s.p99]);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${PAD.left}" y="22" font-size="15" font-weight="bold">${esc(`Matching latency by knowledge-base size (${query}, ${r.run.mode} run, ${r.run.date.slice(0, 10)})`)}</text>`,
  ];
  if (!points.length) {
    out.push(`<text x="${PAD.left}" y="${HEIGHT / 2}">no latency measured for this query</text>`, '</svg>');
    return `${out.join('\n')}\n`;
  }
  const xs = decades(Math.min(...points.map((p) => p.articles)), Math.max(...points.map((p) => p.articles)));
  const ys = decades(Math.min(...points.map((p) => p.ms)), Math.max(...points.map((p) => p.ms)));
  const [x0, x1] = [Math.log10(xs[0]), Math.log10(xs[xs.length - 1])];
  const [y0, y1] = [Math.log10(ys[0]), Math.log10(ys[ys.length - 1])];
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const X = (a: number) => PAD.left + ((Math.log10(a) - x0) / (x1 - x0 || 1)) * plotW;
  const Y = (ms: number) => PAD.top + plotH - ((Math.log10(ms) - y0) / (y1 - y0 || 1)) * plotH;
  const f = (n: number) => n.toFixed(1);

  for (const x of xs) {
    out.push(`<line x1="${f(X(x))}" y1="${PAD.top}" x2="${f(X(x))}" y2="${PAD.top + plotH}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${f(X(x))}" y="${PAD.top + plotH + 18}" text-anchor="middle">${label(x, 'articles')}</text>`);
  }
  for (const y of ys) {
    out.push(`<line x1="${PAD.left}" y1="${f(Y(y))}" x2="${PAD.left + plotW}" y2="${f(Y(y))}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${PAD.left - 8}" y="${f(Y(y) + 4)}" text-anchor="end">${label(y, 'ms')}</text>`);
  }
  out.push(`<text x="${PAD.left + plotW / 2}" y="${HEIGHT - 12}" text-anchor="middle">articles (log scale)</text>`);
  out.push(`<text transform="translate(18 ${PAD.top + plotH / 2}) rotate(-90)" text-anchor="middle">latency per paste (log scale)</text>`);

  series.forEach((s, i) => {
    const colour = COLOUR[s.engine];
    for (const [kind, line] of [
      ['p50', s.p50],
      ['p99', s.p99],
    ] as const) {
      if (!line.length) continue;
      const dash = kind === 'p99' ? ' stroke-dasharray="6 4"' : '';
      out.push(
        `<polyline data-engine="${s.engine}" data-stat="${kind}" fill="none" stroke="${colour}" stroke-width="2"${dash} points="${line.map((p) => `${f(X(p.articles))},${f(Y(p.ms))}`).join(' ')}"/>`,
      );
      for (const p of line)
        out.push(
          `<circle cx="${f(X(p.articles))}" cy="${f(Y(p.ms))}" r="3" fill="${colour}"><title>${esc(`${LABEL[s.engine]} ${kind}: ${p.ms.toFixed(3)} ms at ${p.articles} articles`)}</title></circle>`,
        );
    }
    const ly = PAD.top + 10 + i * 22;
    const lx = PAD.left + plotW + 16;
    out.push(`<line x1="${lx}" y1="${ly}" x2="${lx + 24}" y2="${ly}" stroke="${colour}" stroke-width="2"/>`);
    out.push(`<text x="${lx + 30}" y="${ly + 4}">${LABEL[s.engine]}</text>`);
  });
  const ly = PAD.top + 10 + series.length * 22 + 10;
  const lx = PAD.left + plotW + 16;
  out.push(
    `<line x1="${lx}" y1="${ly}" x2="${lx + 24}" y2="${ly}" stroke="#374151" stroke-width="2"/><text x="${lx + 30}" y="${ly + 4}">p50</text>`,
  );
  out.push(
    `<line x1="${lx}" y1="${ly + 20}" x2="${lx + 24}" y2="${ly + 20}" stroke="#374151" stroke-width="2" stroke-dasharray="6 4"/><text x="${lx + 30}" y="${ly + 24}">p99</text>`,
  );
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
