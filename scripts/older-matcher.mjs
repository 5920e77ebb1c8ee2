#!/usr/bin/env node
/**
 * The older-matcher check: an older commit's matcher (with its own knowledge) run on the real-world tuning inputs it
 * never saw — the batches its tuning files did not have yet. A rule that also helps there was not fitted to the inputs it
 * was written on. Builds the commit once in a folder of the system's temp folder (`git archive`, this checkout's
 * node_modules linked, `tsc`) and prints its figures under both label sets. With `--patch FILE` it builds the commit a second
 * time with the patch applied and runs that build too, in the same call; with `--env NAME=VALUE` it runs again with that
 * variable set (a rule put behind a switch). Either way it lists each input whose outcome changed against the commit as it
 * is (both together: the patched build with the variable set). Reads only the tuning parts (today's labels), never a
 * held-out file.
 *
 *   node scripts/older-matcher.mjs COMMIT | --before-batch N  [--batches A-B] [--de-batches A-B] [--patch FILE]
 *                                  [--env NAME=VALUE] [--rebuild]
 *
 * COMMIT: any commit name; `--before-batch N`: the commit before English batch N landed (the parent of the first commit
 * that added it). `--batches`: only these English batches (default: every one the commit's tuning part lacks);
 * `--de-batches`: the same for the German set's own batch numbers. The shared corpora are PASTEFIX_SHARED's, else
 * ../shared beside the project.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The tuning parts, English and German (the held-out parts are never read). */
export const SETS = [
  { name: 'en', file: 'tests/data/realworld-tuning.jsonl' },
  { name: 'de', file: 'tests/data/realworld-de-tuning.jsonl' },
];

/** An input's batch: its `batch`, or 1 (the first batch carries none). */
export const batchOf = (input) => input.batch ?? 1;

/** The inputs of a JSONL text (comment lines `//` and blank lines skipped). */
export function parseLines(text) {
  return text
    .split('\n')
    .filter((line) => line.trim().startsWith('{'))
    .map((line) => JSON.parse(line));
}

/** `27-48`, `49` or `27,30-31` as a set of batch numbers; a part that is not a number or a range throws. */
export function parseBatches(spec) {
  const out = new Set();
  for (const part of spec.split(',')) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!m) throw new Error(`older-matcher: "${part}" in --batches is not a batch number or a range (27-48)`);
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (to < from) throw new Error(`older-matcher: the range "${part}" runs backwards`);
    for (let b = from; b <= to; b++) out.add(b);
  }
  return out;
}

/**
 * Of today's inputs, those the older tuning part (`older`: its inputs) never saw: of a batch it has no input of, and
 * not an id it had (an input moved between batches stays seen); `only`: just these batches.
 */
export function unseenInputs(today, older, only) {
  const seenBatches = new Set(older.map(batchOf));
  const seenIds = new Set(older.map((i) => i.id));
  return today.filter((i) => !seenBatches.has(batchOf(i)) && !seenIds.has(i.id) && (!only || only.has(batchOf(i))));
}

/** `kb eval --json`'s counts as one line: right, false answers, covered answered right and right-or-offered-first. */
export function figureLine(name, r) {
  return `${name.padEnd(12)} n=${String(r.total).padEnd(4)} right=${String(r.right).padEnd(4)} false=${String(r.falseAnswers).padEnd(3)} clar=${String(
    r.clarified,
  ).padEnd(
    4,
  )} none=${String(r.missed).padEnd(3)} cov-ans=${r.coveredAnswered}/${r.covered}  cov-first=${r.coveredOfferedFirst}/${r.covered}`;
}

/** The inputs whose outcome differs between two runs (`outcomes`: id → `answer x` / `clarify x …` / `none`), as lines. */
export function changedOutcomes(off, on, inputs, labels) {
  const lines = [];
  for (const input of inputs) {
    const a = off.outcomes[input.id];
    const b = on.outcomes[input.id];
    if (a === b) continue;
    const expected = (labels === 'more' ? input.expectMore : input.expect) ?? [];
    lines.push(`  ${input.id} (batch ${batchOf(input)}; expects ${expected.join(' | ') || 'none'}): ${a} → ${b}`);
  }
  return lines;
}

/** `git ARGS` in the repository at `cwd` (default: this checkout's), its output. */
function gitIn(cwd, args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}
const git = (...args) => gitIn(ROOT, args);

/**
 * The commit before English batch `n` landed: the parent of the first commit whose tuning part added a line of it (`cwd`:
 * the repository, default this checkout's).
 */
export function commitBefore(n, cwd = ROOT) {
  const adds = gitIn(cwd, ['log', '--format=%H', '--reverse', `-G"batch": ?${n}[,}]`, '--', SETS[0].file])
    .split('\n')
    .filter(Boolean);
  if (!adds.length) throw new Error(`older-matcher: no commit added batch ${n} to ${SETS[0].file}`);
  return gitIn(cwd, ['rev-parse', `${adds[0]}^`]).trim();
}

/** The commit's built copy (reused while its dist/ is there): `git archive`, the patch, node_modules linked, `tsc`. */
function build(commit, patch, rebuild) {
  const tag = patch ? `-${createHash('sha256').update(fs.readFileSync(patch)).digest('hex').slice(0, 8)}` : '';
  const dir = path.join(os.tmpdir(), `pastefix-older-${commit.slice(0, 10)}${tag}`);
  const built = path.join(dir, 'dist/src/cli/kb.js');
  if (fs.existsSync(built) && !rebuild) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tar = spawnSync('tar', ['-x', '-C', dir], { input: execFileSync('git', ['archive', commit], { cwd: ROOT, maxBuffer: 1 << 30 }) });
  if (tar.status !== 0) throw new Error(`older-matcher: tar failed: ${tar.stderr}`);
  if (patch) execFileSync('git', ['apply', path.resolve(patch)], { cwd: dir, stdio: 'inherit' });
  fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules')), path.join(dir, 'node_modules'));
  process.stderr.write(`older-matcher: building ${commit.slice(0, 10)}${patch ? ` with ${patch}` : ''} in ${dir}\n`);
  execFileSync(process.execPath, [path.join(dir, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: dir,
    stdio: 'inherit',
  });
  return dir;
}

/** `kb eval --json` of the older build on `file`, under (a) (`corpus`) or (b) (`corpus` + `corpus-more`, `--labels more`). */
function evaluate(dir, file, labels, shared, env) {
  const args = [path.join(dir, 'dist/src/cli/kb.js'), 'eval', file, '--kb', 'knowledge', '--kb', path.join(shared, 'corpus')];
  if (labels === 'more') args.push('--kb', path.join(shared, 'corpus-more'), '--labels', 'more');
  args.push('--json');
  const run = spawnSync(process.execPath, args, {
    cwd: dir,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0 && !run.stdout.trim().startsWith('{')) throw new Error(`older-matcher: kb eval failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

const USAGE =
  'usage: node scripts/older-matcher.mjs COMMIT | --before-batch N [--batches A-B] [--de-batches A-B] [--patch FILE] [--env NAME=VALUE] [--rebuild]';

/**
 * The command line as options; `resolve` names a commit (default: `git rev-parse` in this checkout), `before` finds the commit
 * before a batch (default `commitBefore`). Throws the usage without a commit.
 */
export function parseOptions(argv, resolve = (name) => git('rev-parse', '--verify', `${name}^{commit}`).trim(), before = commitBefore) {
  const opt = { env: undefined, patch: undefined, batches: undefined, deBatches: undefined, rebuild: false, commit: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--before-batch') opt.commit = before(Number(argv[++i]));
    else if (a === '--batches') opt.batches = parseBatches(argv[++i]);
    else if (a === '--de-batches') opt.deBatches = parseBatches(argv[++i]);
    else if (a === '--patch') opt.patch = argv[++i];
    else if (a === '--env') {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(argv[++i] ?? '');
      if (!m) throw new Error('older-matcher: --env takes NAME=VALUE');
      opt.env = { [m[1]]: m[2] };
    } else if (a === '--rebuild') opt.rebuild = true;
    else if (!a.startsWith('--') && !opt.commit) opt.commit = resolve(a);
    else throw new Error(`older-matcher: unknown argument "${a}"`);
  }
  if (!opt.commit) throw new Error(USAGE);
  return opt;
}

/**
 * The runs to compare per set: `off`, the commit as it is, and `on` (undefined without `--patch` and `--env`): the patched
 * build, or the same build with the variable set, or both — the patched build with it. `name`: how `on`'s line is headed.
 */
export function comparedRuns(opt) {
  const off = { patched: false, env: {} };
  if (!opt.patch && !opt.env) return { off, on: undefined };
  const names = [...(opt.patch ? [`+ ${path.basename(opt.patch)}`] : []), ...Object.keys(opt.env ?? {})];
  return { off, on: { patched: !!opt.patch, env: opt.env ?? {}, name: names.join(', ') } };
}

function main(argv) {
  const opt = parseOptions(argv);
  const shared = path.resolve(process.env.PASTEFIX_SHARED ?? path.join(ROOT, '../shared'));
  if (!fs.existsSync(path.join(shared, 'corpus')))
    throw new Error(`older-matcher: ${path.join(shared, 'corpus')} is absent (set PASTEFIX_SHARED)`);
  const runs = comparedRuns(opt);
  const dirs = {
    plain: build(opt.commit, undefined, opt.rebuild),
    patched: opt.patch ? build(opt.commit, opt.patch, opt.rebuild) : undefined,
  };
  const dirOf = (run) => (run.patched ? dirs.patched : dirs.plain);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-older-inputs-'));
  console.log(
    `matcher ${opt.commit.slice(0, 10)}${runs.on ? `, then with ${runs.on.name}` : ''}, on the tuning inputs it never saw (today's labels)`,
  );
  try {
    for (const set of SETS) {
      const today = parseLines(fs.readFileSync(path.join(ROOT, set.file), 'utf8'));
      let older = [];
      try {
        older = parseLines(git('show', `${opt.commit}:${set.file}`));
      } catch {
        // The commit has no such part yet: every input is unseen.
      }
      const inputs = unseenInputs(today, older, set.name === 'en' ? opt.batches : opt.deBatches);
      const batches = [...new Set(inputs.map(batchOf))].sort((x, y) => x - y);
      console.log(`${set.name}: ${inputs.length} inputs, batches ${batches.join(' ') || '-'}`);
      if (!inputs.length) continue;
      const file = path.join(work, `${set.name}.jsonl`);
      fs.writeFileSync(file, inputs.map((i) => JSON.stringify(i)).join('\n') + '\n');
      for (const labels of ['expect', 'more']) {
        const name = `${set.name} (${labels === 'more' ? 'b' : 'a'})`;
        const off = evaluate(dirOf(runs.off), file, labels, shared, runs.off.env);
        console.log(figureLine(name, off));
        if (!runs.on) continue;
        const on = evaluate(dirOf(runs.on), file, labels, shared, runs.on.env);
        console.log(figureLine(`  ${runs.on.name}`, on));
        for (const line of changedOutcomes(off, on, inputs, labels)) console.log(line);
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
}
