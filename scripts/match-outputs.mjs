// Writes every output of one build's matcher for the dev and tuning pastes, one JSON line each, so that two builds
// can be compared byte for byte: a change meant to make matching cheaper must not change a single decision, article,
// order, score, evidence line or explanation. Usage (after `npm run build`; DIST is a build's dist/ folder):
//   node scripts/match-outputs.mjs DIST OUT.jsonl [--sizes 1000,10000]
//   cmp old.jsonl new.jsonl   (or: node scripts/match-outputs.mjs --diff old.jsonl new.jsonl)
// Knowledge bases: built-in; + corpus; + corpus-more (the team set) of the shared folder; the benchmark's synthetic
// sets of the given sizes (default none; 10000 takes minutes). The shared folder is PASTEFIX_SHARED when set, else
// ../shared beside this checkout (a worktree or a clone elsewhere: PASTEFIX_SHARED=/path/to/shared); without its
// corpus/ the script stops with a message rather than compare fewer knowledge bases. Each paste is matched plainly and with `explain`.
// --restored: each knowledge base and matcher are written to a compiled index file and read back, as a start from
// KNOWLEDGE_INDEX reads them (the outputs must be those of the matcher built from the sources).
// The held-out sets are never read (tests/data/README.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SETS = ['dev-builtin', 'corpus-dev', 'corpus-dev2', 'german-dev', 'realworld-tuning', 'realworld-de-tuning'];

const args = process.argv.slice(2);
if (args[0] === '--diff') diff(args[1], args[2]);
else
  await write(args).catch((e) => {
    console.error(e.message);
    process.exitCode = 2;
  });

/** The shared folder (seed/, corpus/, corpus-more/), as bench/sharedDir.ts finds it (DIST may predate that file). */
function sharedFolder() {
  const dir = process.env.PASTEFIX_SHARED ? path.resolve(process.env.PASTEFIX_SHARED) : path.resolve(root, '../shared');
  if (!fs.existsSync(path.join(dir, 'corpus')))
    throw new Error(
      `match-outputs: ${path.join(dir, 'corpus')} is absent (the shared folder is PASTEFIX_SHARED when set, else ../shared beside the project; set PASTEFIX_SHARED=/path/to/shared from a worktree or a clone elsewhere)`,
    );
  return dir;
}

async function write(argv) {
  const [dist, out] = argv;
  if (!dist || !out) throw new Error('match-outputs: usage: match-outputs.mjs DIST OUT.jsonl [--sizes 1000,10000]');
  const at = argv.indexOf('--sizes');
  const sizes = at >= 0 ? argv[at + 1].split(',').map(Number) : [];
  const restored = argv.includes('--restored');
  const shared = sharedFolder();
  const req = (file) => import(path.resolve(dist, file));
  const { buildSets } = await req('bench/knowledgeSets.js');
  const { Matcher } = await req('src/matching/matcher.js');
  const { writeKnowledgeIndex, readKnowledgeIndex } = await req('src/knowledge/compiled.js');
  const { snapshotMatcher, restoreMatcher } = await req('src/matching/snapshot.js');
  const viaIndex = (kb) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'match-outputs-')), 'kb.idx');
    const identity = { paths: [], code: 'match-outputs' };
    writeKnowledgeIndex(file, identity, { kb, matcher: snapshotMatcher(new Matcher(kb)) });
    const read = readKnowledgeIndex(file, identity);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    if (!read.ok) throw new Error(`match-outputs: compiled index not read back: ${read.reason}`);
    return restoreMatcher(read.contents.kb, read.contents.matcher);
  };
  const { benchQueries } = await req('bench/queries.js');
  const { sets } = buildSets(sizes, path.join(shared, 'corpus'), { corpusMoreDir: path.join(shared, 'corpus-more') });
  const pastes = [];
  for (const set of SETS) {
    const lines = fs.readFileSync(path.join(root, 'tests/data', `${set}.jsonl`), 'utf8').split(/\r?\n/);
    lines.forEach((line, i) => line.trim() && !line.startsWith('//') && pastes.push({ set, i, text: JSON.parse(line).text }));
  }
  for (const q of benchQueries()) pastes.push({ set: 'bench', i: q.name, text: q.text });
  const fd = fs.openSync(out, 'w');
  let n = 0;
  for (const { name, kb } of sets) {
    const matcher = restored ? viaIndex(kb) : new Matcher(kb);
    for (const p of pastes)
      for (const explain of [false, true]) {
        const result = matcher.match(p.text, explain ? { explain } : {});
        fs.writeSync(fd, `${JSON.stringify({ kb: name, set: p.set, i: p.i, explain, result })}\n`);
        n++;
      }
    process.stderr.write(
      `match-outputs: ${name}${restored ? ' (restored)' : ''}: ${kb.articles.length} articles, ${pastes.length} pastes\n`,
    );
  }
  fs.closeSync(fd);
  process.stderr.write(`match-outputs: ${n} outputs written to ${out}\n`);
}

/** Compares two outputs line by line: the count of differing outputs and the first few. */
function diff(a, b) {
  const x = fs.readFileSync(a, 'utf8').split('\n');
  const y = fs.readFileSync(b, 'utf8').split('\n');
  let differing = 0;
  for (let k = 0; k < Math.max(x.length, y.length); k++) {
    if (x[k] === y[k]) continue;
    if (differing++ < 5) console.log(`line ${k + 1}:\n- ${x[k]?.slice(0, 400)}\n+ ${y[k]?.slice(0, 400)}`);
  }
  console.log(`${Math.max(x.length, y.length) - 1} outputs, ${differing} differ`);
  process.exitCode = differing ? 1 : 0;
}
