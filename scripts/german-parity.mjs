// German↔English parity (issue 13): a German input and its English wording should get the same outcome. Each pair of
// scripts/german-parity.jsonl is matched in both languages; a line per pair says the class of each (RIGHT answered right,
// first offered first, other offered another first, none, clar a choice where no article covers it, FALSE answered wrong)
// and `<<` where German lags English, `>>` where it is ahead.
// Usage (after `npm run build`): node scripts/german-parity.mjs DIST [--lags]
// Knowledge: built-in (this checkout's knowledge/) + ../shared/corpus beside the checkout, and ../shared/corpus-more for the
// German tuning part's (b) labels and `more` rows (PASTEFIX_SHARED names another folder: a worktree has no ../shared).
// Reads german-dev.jsonl and realworld-de-tuning.jsonl only (never a held-out set). Files are found from the checkout,
// whatever the working directory (as scripts/match-outputs.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const [distArg, ...flags] = process.argv.slice(2);
if (!distArg) throw new Error('german-parity: usage: german-parity.mjs DIST [--lags]');
const dist = path.resolve(distArg);
const req = (f) => import(path.join(dist, f));
const { loadKnowledge } = await req('src/knowledge/load.js');
const { Matcher } = await req('src/matching/matcher.js');
const shared = process.env.PASTEFIX_SHARED ? path.resolve(process.env.PASTEFIX_SHARED) : path.resolve(root, '../shared');
// Without the corpora every German input would find nothing, which reads like a result: say so instead.
for (const f of ['corpus', 'corpus-more'])
  if (!fs.existsSync(path.join(shared, f))) throw new Error(`german-parity: ${path.join(shared, f)} is absent (set PASTEFIX_SHARED)`);
const base = [path.join(root, 'knowledge'), path.join(shared, 'corpus')];
const matchers = {
  a: new Matcher(loadKnowledge(base, {})),
  b: new Matcher(loadKnowledge([...base, path.join(shared, 'corpus-more')], {})),
};
const jsonl = (file) =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('//'))
    .map((l) => JSON.parse(l));
const inputs = new Map();
for (const d of jsonl(path.join(root, 'tests/data/german-dev.jsonl'))) inputs.set(d.id, { de: d.text, expect: d.expect, more: false });
for (const d of jsonl(path.join(root, 'tests/data/realworld-de-tuning.jsonl')))
  inputs.set(d.id, { de: d.text, expect: d.expectMore ?? d.expect, more: true });

const classOf = (r, expect) => {
  const top = r.matches[0]?.article;
  const ok = top !== undefined && expect.includes(top);
  if (r.decision === 'none') return 'none';
  if (r.decision === 'answer') return ok ? 'RIGHT' : 'FALSE';
  return ok ? 'first' : expect.length ? 'other' : 'clar';
};
const RANK = { RIGHT: 3, first: 2, clar: 1, none: 1, other: 0, FALSE: -1 };
let lags = 0;
let ahead = 0;
const pairs = jsonl(path.join(root, 'scripts/german-parity.jsonl'));
for (const pair of pairs) {
  const row = pair.de !== undefined ? pair : inputs.get(pair.id);
  if (!row) throw new Error(`german-parity: no German input ${pair.id}`);
  const m = matchers[row.more ? 'b' : 'a'];
  const de = classOf(m.match(row.de), row.expect);
  const en = classOf(m.match(pair.en), row.expect);
  const mark = de === en ? '  ' : RANK[de] < RANK[en] ? '<<' : '>>';
  if (mark === '<<') lags++;
  if (mark === '>>') ahead++;
  if (!flags.includes('--lags') || mark === '<<') console.log(`${mark} ${row.more ? 'b' : 'a'} ${de.padEnd(6)} ${en.padEnd(6)} ${pair.id}`);
}
console.log(`pairs ${pairs.length}: German lags English ${lags}, ahead ${ahead}`);
