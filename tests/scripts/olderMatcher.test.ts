/**
 * scripts/older-matcher.mjs, the older-matcher check: which tuning inputs an older commit never saw (batches its tuning part
 * lacked, ids it had left out), the batch ranges it is asked for, the commit before a batch landed, and the lines it prints.
 * Runs on made-up inputs and a throwaway repository; building an older commit is left to the script's own runs.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, tempFolder } from '../helpers/tmp';

type Input = { id: string; batch?: number; expect?: string[]; expectMore?: string[] };
type Run = {
  total: number;
  right: number;
  falseAnswers: number;
  clarified: number;
  missed: number;
  covered: number;
  coveredAnswered: number;
  coveredOfferedFirst: number;
  outcomes: Record<string, string>;
};
interface OlderMatcher {
  batchOf(input: Input): number;
  parseLines(text: string): Input[];
  parseBatches(spec: string): Set<number>;
  unseenInputs(today: Input[], older: Input[], only?: Set<number>): Input[];
  figureLine(name: string, run: Run): string;
  changedOutcomes(off: Run, on: Run, inputs: Input[], labels: 'expect' | 'more'): string[];
  commitBefore(n: number, cwd?: string): string;
  parseOptions(argv: string[], resolve?: (name: string) => string, before?: (n: number) => string): Options;
  comparedRuns(opt: Options): { off: Compared; on?: Compared & { name: string } };
}
type Options = { commit?: string; patch?: string; env?: Record<string, string>; batches?: Set<number>; rebuild: boolean };
type Compared = { patched: boolean; env: Record<string, string> };

const SCRIPT = path.join(ROOT, 'scripts/older-matcher.mjs');
const script = (): Promise<OlderMatcher> => import(SCRIPT) as Promise<OlderMatcher>;

describe('scripts/older-matcher.mjs (the older-matcher check)', function () {
  it('reads batch ranges, and names a part that is not one', async function () {
    const { parseBatches } = await script();
    assert.deepEqual([...parseBatches('27-30')], [27, 28, 29, 30]);
    assert.deepEqual([...parseBatches('49')], [49]);
    assert.deepEqual([...parseBatches('27, 30-31')], [27, 30, 31]);
    assert.throws(() => parseBatches('27-x'), /older-matcher: "27-x" in --batches is not a batch number or a range \(27-48\)/);
    assert.throws(() => parseBatches('30-27'), /older-matcher: the range "30-27" runs backwards/);
  });

  it('an input is unseen when the older tuning part has no input of its batch and not its id', async function () {
    const { unseenInputs, parseLines, batchOf } = await script();
    const older = parseLines('// header\n{"id":"a"}\n{"id":"b","batch":2}\n\n{"id":"moved","batch":3}\n');
    assert.equal(batchOf(older[0]), 1, 'the first batch carries no number');
    const today: Input[] = [
      { id: 'a' },
      { id: 'b', batch: 2 },
      { id: 'c', batch: 4 },
      { id: 'moved', batch: 4 },
      { id: 'd', batch: 5 },
      { id: 'e', batch: 2 },
    ];
    assert.deepEqual(
      unseenInputs(today, older).map((i) => i.id),
      ['c', 'd'],
      'batch 2 was seen (e came with it); an id the older part had is seen whatever its batch now',
    );
    assert.deepEqual(
      unseenInputs(today, older, new Set([5])).map((i) => i.id),
      ['d'],
    );
    assert.deepEqual(
      unseenInputs(today, []).map((i) => i.id),
      today.map((i) => i.id),
      'a commit without the tuning part saw nothing',
    );
  });

  it('prints the figures of a run and the inputs whose outcome a switch changed, with their labels', async function () {
    const { figureLine, changedOutcomes } = await script();
    const off: Run = {
      total: 3,
      right: 2,
      falseAnswers: 0,
      clarified: 1,
      missed: 1,
      covered: 2,
      coveredAnswered: 1,
      coveredOfferedFirst: 1,
      outcomes: { x: 'none', y: 'answer art-y', z: 'clarify art-q art-z' },
    };
    const on: Run = {
      ...off,
      missed: 0,
      clarified: 2,
      coveredOfferedFirst: 2,
      outcomes: { x: 'clarify art-x', y: 'answer art-y', z: 'clarify art-q art-z' },
    };
    assert.equal(figureLine('en (b)', off), 'en (b)       n=3    right=2    false=0   clar=1    none=1   cov-ans=1/2  cov-first=1/2');
    const inputs: Input[] = [
      { id: 'x', batch: 40, expect: [], expectMore: ['art-x'] },
      { id: 'y', batch: 41, expectMore: ['art-y'] },
      { id: 'z' },
    ];
    assert.deepEqual(changedOutcomes(off, on, inputs, 'more'), ['  x (batch 40; expects art-x): none → clarify art-x']);
    assert.deepEqual(changedOutcomes(off, on, inputs, 'expect'), ['  x (batch 40; expects none): none → clarify art-x']);
  });

  it('finds the commit before a batch landed: the parent of the first commit that added a line of it', async function () {
    const { commitBefore } = await script();
    const { dir, cleanup } = tempFolder({ 'tests/data/realworld-tuning.jsonl': '// tuning\n{"id":"a","text":"x"}\n' });
    try {
      const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
      git('init', '-q');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '--allow-empty', '-m', 'start');
      git('add', 'tests/data/realworld-tuning.jsonl');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', 'batch 1');
      const before = git('rev-parse', 'HEAD');
      execFileSync('sh', ['-c', `printf '%s\\n' '{"id":"b","batch":2,"text":"y"}' >> tests/data/realworld-tuning.jsonl`], { cwd: dir });
      git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-am', 'batch 2');
      execFileSync('sh', ['-c', `printf '%s\\n' '{"id":"c","batch":2,"text":"z"}' >> tests/data/realworld-tuning.jsonl`], { cwd: dir });
      git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-am', 'batch 2, one more');
      assert.equal(commitBefore(2, dir), before);
      assert.throws(() => commitBefore(3, dir), /older-matcher: no commit added batch 3 to tests\/data\/realworld-tuning\.jsonl/);
    } finally {
      cleanup();
    }
  });

  it('--patch runs the commit as it is too, in the same call, and compares the patched build with it', async function () {
    const { parseOptions, comparedRuns } = await script();
    const resolve = (name: string) => `resolved-${name}`;
    const patched = parseOptions(['abc123', '--patch', '/tmp/rule.patch', '--batches', '51-52'], resolve);
    assert.equal(patched.commit, 'resolved-abc123');
    assert.deepEqual([...patched.batches!], [51, 52]);
    assert.deepEqual(comparedRuns(patched), {
      off: { patched: false, env: {} },
      on: { patched: true, env: {}, name: '+ rule.patch' },
    });
    // --env alone: the same build, with and without the variable.
    const switched = parseOptions(['--before-batch', '50', '--env', 'RULE=1'], resolve, (n) => `before-${n}`);
    assert.equal(switched.commit, 'before-50');
    assert.deepEqual(comparedRuns(switched), {
      off: { patched: false, env: {} },
      on: { patched: false, env: { RULE: '1' }, name: 'RULE' },
    });
    // Both: the commit as it is against the patched build with the variable set.
    assert.deepEqual(comparedRuns(parseOptions(['abc', '--patch', 'x/rule.patch', '--env', 'RULE=on'], resolve)).on, {
      patched: true,
      env: { RULE: 'on' },
      name: '+ rule.patch, RULE',
    });
    // Neither: one run.
    assert.equal(comparedRuns(parseOptions(['abc'], resolve)).on, undefined);
    assert.throws(() => parseOptions(['--patch', 'x.patch'], resolve), /^Error: usage: node scripts\/older-matcher\.mjs COMMIT/);
  });

  it('without a commit: the usage, exit code 2', function () {
    const run = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^usage: node scripts\/older-matcher\.mjs COMMIT \| --before-batch N/);
  });
});
