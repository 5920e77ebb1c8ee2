/**
 * The results of one run, as a Markdown table (printed, and written to `latest.md`) and as JSON
 * (`latest.json`, every number unrounded, for comparing runs).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AccuracyRow } from './accuracy';
import { renderLatencyChart } from './chart';
import type { ColdStartResult } from './coldStart';
import type { HostileResult } from './hostile';
import { ENGINES, type EngineName } from './engines';
import type { MatchingResult } from './matching';
import type { MemoryResult } from './memory';
import { renderOcrMarkdown, type OcrResult } from './ocr';
import { benchQueries } from './queries';
import { halvesText, memoryGrowth } from './memoryGrowth';
import type { ServedMemory, ServingResult } from './serving';
import type { TargetCheck } from './targets';

export interface RunInfo {
  date: string;
  commit: string;
  node: string;
  cpu: string;
  cores: number;
  /** 1-minute load average at start and end: this machine is shared, busy neighbours slow every number. */
  loadAverage: { start: number; end: number };
  mode: 'full' | 'quick';
  durationS: number;
}

export interface SetInfo {
  name: string;
  label: string;
  articles: number;
  errorTexts: number;
}

export interface BenchResults {
  run: RunInfo;
  sets: SetInfo[];
  targets: TargetCheck[];
  matching: MatchingResult[];
  memory: MemoryResult[];
  coldStart: ColdStartResult[];
  accuracy: AccuracyRow[];
  serving: ServingResult | null;
  /** Worst-case pastes (issue 11); absent in results written before the part existed. */
  hostile?: HostileResult | null;
  /** Screenshots read by OCR (part `ocr`); absent in results written before it existed. */
  ocr?: OcrResult | null;
  /** Rules, skips and anything a reader needs to read the numbers right. */
  notes: string[];
}

const LABEL: Record<EngineName, string> = { pastefix: 'PasteFix', fuse: 'Fuse.js', minisearch: 'MiniSearch' };

function ms(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  if (x >= 100) return `${x.toFixed(0)} ms`;
  if (x >= 10) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(3)} ms`;
}

function num(x: number): string {
  return x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
}

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

const mark = (met: boolean | null) => (met === null ? 'not measured' : met ? '**met**' : '**missed**');

export function renderMarkdown(r: BenchResults): string {
  const out: string[] = [];
  const label = (set: string) => r.sets.find((s) => s.name === set)?.label ?? set;
  out.push(`# PasteFix benchmark (${r.run.mode} run)`);
  out.push(
    `${r.run.date} · commit ${r.run.commit} · Node ${r.run.node} · ${r.run.cpu} × ${r.run.cores} · load average ${r.run.loadAverage.start.toFixed(1)} → ${r.run.loadAverage.end.toFixed(1)} · took ${r.run.durationS.toFixed(0)} s`,
  );

  out.push('## Targets');
  out.push(
    table(
      ['target', 'result', 'measured'],
      r.targets.map((t) => [t.target, mark(t.met), t.measured]),
    ),
  );

  out.push('## Matching latency');
  out.push(
    'Per call, wall-clock median (p50) and 99th percentile, and calls per second on one thread, after a warm-up (a service that has answered a few hundred pastes); every engine on the same articles and pastes, interleaved in one process per knowledge base. ' +
      "CPU time is the process's user + system time per call: on a busy machine the wall-clock p99 mostly shows how long other processes held the CPU. " +
      'First calls: the first calls of each paste in that process, timed before its warm-up (the pastes before it in the table already ran there), while V8 is still compiling the matcher.',
  );
  const queries = benchQueries();
  const latencyRows: string[][] = [];
  for (const set of r.matching) {
    for (const q of queries) {
      const cells = [label(set.set), q.label];
      for (const engine of ENGINES) {
        const row = set.latency.find((l) => l.query === q.name && l.engine === engine.name);
        if (!row) cells.push('—');
        else if (!row.latency) cells.push(`not run (≈ ${ms(row.estimateMs)} per call, extrapolated)`);
        else
          cells.push(
            `${ms(row.latency.p50Ms)} / ${ms(row.latency.p99Ms)} / ${num(row.latency.qps)} q/s${row.latency.samples < 10 ? ` (${row.latency.samples} call${row.latency.samples > 1 ? 's' : ''})` : ''}`,
          );
      }
      const ours = set.latency.find((l) => l.query === q.name && l.engine === 'pastefix');
      cells.push(ours?.latency ? `${ms(ours.latency.cpuP50Ms)} / ${ms(ours.latency.cpuP99Ms)}` : '—');
      const first = ours?.latency?.first;
      cells.push(first ? `${ms(first.p50Ms)} / ${ms(first.maxMs)} (${first.calls} calls)` : '—');
      cells.push(
        ours?.decision
          ? `${ours.decision}: ${ours.top ?? '—'}${ours.top !== q.expect ? ` (right one ${ours.rightAt ? `#${ours.rightAt}` : 'not listed'})` : ''}`
          : '—',
      );
      latencyRows.push(cells);
    }
  }
  out.push(
    table(
      [
        'knowledge base',
        'paste',
        ...ENGINES.map((e) => `${LABEL[e.name]} p50 / p99 / q/s`),
        'PasteFix CPU time p50 / p99',
        'PasteFix first calls p50 / slowest',
        'PasteFix decision',
      ],
      latencyRows,
    ),
  );

  out.push('## Index build, memory and cold start');
  const buildRows = r.sets.map((s) => {
    const m = r.matching.find((x) => x.set === s.name);
    const b = (e: EngineName) => {
      const row = m?.builds.find((x) => x.engine === e);
      return row ? `${ms(row.coldMs)}${row.warmMs !== null ? ` (${ms(row.warmMs)})` : ''}` : '—';
    };
    const mem = r.memory.find((x) => x.set === s.name);
    const cold = r.coldStart.find((x) => x.set === s.name && !x.compiledIndex);
    const compiled = r.coldStart.find((x) => x.set === s.name && x.compiledIndex);
    return [
      s.label,
      String(s.errorTexts),
      b('pastefix'),
      b('fuse'),
      b('minisearch'),
      mem ? ms(mem.loadMs) : '—',
      mem ? `${mem.service.heapMB.toFixed(0)} MB / ${mem.service.rssMB.toFixed(0)} MB` : '—',
      mem ? ENGINES.map((e) => `${mem.indexHeapMB[e.name].toFixed(1)}`).join(' / ') : '—',
      [
        cold &&
          `${ms(cold.ms)}${cold.viaYaml ? ' (corpus as YAML)' : ''}${cold.articles !== s.articles ? ` — served ${cold.articles} articles` : ''}`,
        compiled &&
          `${ms(compiled.ms)} from the compiled index${compiled.articles !== s.articles ? ` — served ${compiled.articles} articles` : ''}`,
      ]
        .filter(Boolean)
        .join('; ') || '—',
    ];
  });
  out.push(
    table(
      [
        'knowledge base',
        'error texts',
        'build PasteFix: first (warm)',
        'build Fuse.js',
        'build MiniSearch',
        'load from disk',
        'service heap / RSS',
        'index heap MB: PasteFix / Fuse.js / MiniSearch',
        'cold start to /healthz',
      ],
      buildRows,
    ),
  );

  out.push('## Accuracy on the labelled dev sets');
  if (!r.accuracy.length) out.push('No dev set was available.');
  else {
    out.push(
      table(
        ['dev set', 'engine', 'pastes', 'right', 'clarified', 'false answers', 'missed', 'MRR'],
        r.accuracy.map((a) => [
          `${a.devSet} (${label(a.set)})`,
          LABEL[a.engine],
          String(a.total),
          `${a.right} (${(a.rightRate * 100).toFixed(1)}%)`,
          `${a.clarified}${a.clarified ? ` (${a.clarifiedRight} offering a right one)` : ''}`,
          `${a.falseAnswers} (${(a.falseRate * 100).toFixed(1)}%)`,
          String(a.missed),
          a.mrr.toFixed(3),
        ]),
      ),
    );
  }

  out.push('## Serving');
  if (!r.serving) out.push('Not run.');
  else {
    const s = r.serving;
    out.push(
      `autocannon, ${s.connections} connections (one conversation each), ${s.seconds} s per bot after a warm-up (${s.rounds} round${s.rounds > 1 ? 's, taken in turns' : ''}), loopback; paste: ${s.paste}; PasteFix with ${s.articles} articles. CPU per request: the bot process's user + system time over its measured rounds (from /proc) divided by its requests — what it needed, where requests/s also show what this machine's other load left it.`,
    );
    out.push(
      table(
        ['bot', 'requests/s', 'CPU per request', 'p50', 'p99', 'requests', 'non-2xx / errors', 'replies per request', 'reply size'],
        s.rows.map((x) => [
          x.label,
          x.rps.toFixed(0),
          x.cpuMsPerRequest == null ? '—' : `${x.cpuMsPerRequest.toFixed(2)} ms`,
          `${x.p50Ms} ms`,
          `${x.p99Ms} ms`,
          String(x.requests),
          `${x.non2xx} / ${x.errors}`,
          x.repliesPerRequest.toFixed(2),
          `${(x.replyBytes / 1024).toFixed(1)} KB`,
        ]),
      ),
    );
    const memory = (who: string, m: ServedMemory | null | undefined): string | undefined => {
      if (!m) return undefined;
      const g = memoryGrowth(m);
      let gc = '';
      if (g && m.warmAfterGc && m.endAfterGc) {
        const series = [m.warmAfterGc, ...(m.roundsAfterGc ?? [m.endAfterGc])].map((r) => r.rssMB.toFixed(0)).join(' → ');
        const halves = g.halves ? ` (${halvesText(g)})` : '';
        const outside =
          m.warmAfterGc.externalMB !== undefined && m.endAfterGc.externalMB !== undefined
            ? `, outside it (external, ArrayBuffers included) ${m.warmAfterGc.externalMB.toFixed(1)} MB → ${m.endAfterGc.externalMB.toFixed(1)} MB`
            : '';
        const less = g.lessFreeHeap
          ? `, less V8's empty heap pages (heap committed ${m.warmAfterGc.heapTotalMB!.toFixed(0)} → ${m.endAfterGc.heapTotalMB!.toFixed(0)} MB) ${g.resident.from.toFixed(0)} → ${g.resident.to.toFixed(0)} MB`
          : '';
        gc = `; right after a full garbage collection ${series} MB${less}${halves}, V8 heap in use ${m.warmAfterGc.heapMB.toFixed(1)} MB → ${m.endAfterGc.heapMB.toFixed(1)} MB${outside}`;
      }
      return `- ${who}: ${m.warm.toFixed(0)} MB after the warm-up → ${m.end.toFixed(0)} MB after the measured rounds as read${gc}.`;
    };
    const lines = [
      memory('PasteFix', s.serviceRssMB),
      memory('echo bot', s.echoRssMB),
      memory('echo bot answering with a card', s.echoCardRssMB),
    ].filter((l): l is string => l !== undefined);
    if (lines.length)
      out.push(
        [
          'Resident memory under this load (as read, the garbage V8 has not collected yet included; after a full garbage collection once after the warm-up and once after each round). RSS also counts the heap pages V8 keeps committed but empty, and what the C allocator keeps for later: memory that rises early and then levels off is that; a leak keeps growing in the last half of the rounds, and shows in the heap or outside it:',
          ...lines,
        ].join('\n'),
      );
  }

  out.push('## Hostile pastes');
  if (!r.hostile) out.push('Not run.');
  else {
    const h = r.hostile;
    out.push(
      `Pastes of ${h.chars.toLocaleString('en')} characters shaped to make backtracking patterns quadratic, matched side by side with a plain log of the same length and a normal paste (built-in knowledge, ${h.articles} article${h.articles === 1 ? '' : 's'}); then each posted to the real service's /api/messages${h.rounds ? `, ${h.rounds} rounds,` : ''} while two clients polled /healthz back to back. The service matches at most a 20,000-character cut of a paste (its error-looking lines), and lets other requests run between the steps of a long one.`,
    );
    out.push(
      table(
        ['paste', 'match p50 / p99', '× plain p50', 'answered via /api/messages (median)', '/healthz during it: median / longest (checks)'],
        h.rows.map((x) => [
          x.paste,
          `${ms(x.latency.p50Ms)} / ${ms(x.latency.p99Ms)}`,
          x.ratio === null ? '—' : `${x.ratio.toFixed(2)}×`,
          ms(x.answeredMs),
          x.healthzMaxMs === null ? '—' : `${ms(x.healthzMedianMs)} / ${ms(x.healthzMaxMs)} (${x.healthzChecks})`,
        ]),
      ),
    );
  }

  if (r.ocr) out.push(renderOcrMarkdown(r.ocr));
  out.push('## Notes');
  out.push(r.notes.map((n) => `- ${n}`).join('\n'));
  return `${out.join('\n\n')}\n`;
}

/** Writes `latest.md`, `latest.json` and the chart `latency.svg` into `dir`; returns their paths. */
export function writeResults(r: BenchResults, dir: string): { markdown: string; json: string; chart: string } {
  fs.mkdirSync(dir, { recursive: true });
  const markdown = path.join(dir, 'latest.md');
  const json = path.join(dir, 'latest.json');
  const chart = path.join(dir, 'latency.svg');
  fs.writeFileSync(markdown, renderMarkdown(r));
  fs.writeFileSync(json, `${JSON.stringify(r, null, 2)}\n`);
  fs.writeFileSync(chart, renderLatencyChart(r));
  return { markdown, json, chart };
}
