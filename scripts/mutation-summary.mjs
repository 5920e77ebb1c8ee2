// Sums StrykerJS results into one score per file and a total. A run over all of src/matching takes hours on this
// shared machine, so it is run in groups of files, each leaving its own report even when a later one never finishes:
// Stryker's JSON report (`reports/mutation/mutation.json`, written when a run ends) or the live reporter's lines
// (`reports/mutation/live.jsonl`, written as each mutant is tested: a run stopped early counts as far as it got).
//   node scripts/mutation-summary.mjs reports/mutation/*.json reports/mutation/*.jsonl
// A file measured in several reports counts from the last one named. The score is Stryker's: killed and timed-out
// mutants over all mutants with a result (compile and runtime errors left out). Ignored mutants are counted apart:
// with `--ignoreStatic` they are the static ones, which no test run checked.
import fs from 'node:fs';

const reports = process.argv.slice(2);
if (reports.length === 0) {
  console.error('mutation-summary: name one or more Stryker reports (reports/mutation/*.json, reports/mutation/*.jsonl)');
  process.exit(2);
}

/** Per source file: the report it was last read from, its mutants' statuses, and how many mutants it has. */
const files = new Map();
for (const report of reports) {
  const text = fs.readFileSync(report, 'utf8');
  if (report.endsWith('.jsonl')) {
    const plan = {};
    const byFile = new Map();
    for (const line of text.split('\n').filter(Boolean)) {
      const record = JSON.parse(line);
      if (record.plan) Object.assign(plan, record.plan);
      else byFile.set(record.file, [...(byFile.get(record.file) ?? []), record.status]);
    }
    for (const [name, planned] of Object.entries(plan)) files.set(name, { report, statuses: byFile.get(name) ?? [], planned });
  } else {
    for (const [name, file] of Object.entries(JSON.parse(text).files ?? {})) {
      files.set(name, { report, statuses: file.mutants.map((m) => m.status), planned: file.mutants.length });
    }
  }
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

function count(statuses) {
  const detected = statuses.filter((s) => DETECTED.has(s)).length;
  const valid = detected + statuses.filter((s) => UNDETECTED.has(s)).length;
  const noCoverage = statuses.filter((s) => s === 'NoCoverage').length;
  const timeout = statuses.filter((s) => s === 'Timeout').length;
  const ignored = statuses.filter((s) => s === 'Ignored').length;
  return { detected, valid, noCoverage, timeout, ignored, all: statuses.length };
}

const percent = (c) => (c.valid === 0 ? 'n/a' : `${((100 * c.detected) / c.valid).toFixed(1)}%`);
const rows = [...files.entries()].sort(([a], [b]) => a.localeCompare(b));
const all = [];
let untested = 0;
for (const [name, { report, statuses, planned }] of rows) {
  const c = count(statuses);
  all.push(...statuses);
  untested += planned - statuses.length;
  const extra = [
    c.timeout && `${c.timeout} by time-out`,
    c.noCoverage && `${c.noCoverage} not covered`,
    c.ignored && `${c.ignored} static not run`,
    planned > statuses.length && `PARTIAL: ${planned - statuses.length} of ${planned} not tested yet`,
  ].filter(Boolean);
  const note = extra.length ? ` (${extra.join(', ')})` : '';
  console.log(`${name.padEnd(34)} ${percent(c).padStart(6)}  ${c.detected} of ${c.valid}${note}  [${report}]`);
}
const total = count(all);
const notes = [`${rows.length} files`, total.ignored && `${total.ignored} static not run`, untested && `PARTIAL: ${untested} not tested`];
console.log(
  `${'total'.padEnd(34)} ${percent(total).padStart(6)}  ${total.detected} of ${total.valid} (${notes.filter(Boolean).join(', ')})`,
);
