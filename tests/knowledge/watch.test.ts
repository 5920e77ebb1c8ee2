/**
 * Knowledge reloads with real files, real fs.watch and the real loader (in its worker thread, as the service
 * reloads) and matcher: a good edit is live without a restart, a bad one is logged with file, line and field while
 * the last good knowledge base keeps answering.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { formatProblem, loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load';
import { watchKnowledge, type LiveKnowledge, type WatchOptions } from '../../src/knowledge/watch';
import { Matcher } from '../../src/matching/matcher';
import { memoryLogger } from '../bot/support/harness';
import { articleYaml } from '../helpers/articles';
import { tempFolder } from '../helpers/tmp';

const ALPHA_ERROR = 'The frobnicator service could not bind its listener on port 8443';
const BETA_ERROR = 'Zorblax replication queue exceeded its quota for mailbox database DB07';

/**
 * Polls until `check` holds: file events arrive when the OS and Node deliver them, not at a known time,
 * so the tests wait for the final state instead of for "the next reload".
 */
async function eventually(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('knowledge/watch: reloading edited knowledge', function () {
  this.timeout(20_000);
  let folder: ReturnType<typeof tempFolder>;
  let live: LiveKnowledge<Matcher> | undefined;
  let logs: Record<string, unknown>[];

  const start = (files: Record<string, string>, options: Partial<WatchOptions<Matcher>> = {}) => {
    folder = tempFolder(files);
    logs = [];
    const initial = loadKnowledge([folder.dir]);
    live = watchKnowledge([folder.dir], {
      initial,
      build: (kb) => new Matcher(kb),
      logger: memoryLogger(logs),
      debounceMs: 50,
      ...options,
    });
    return live;
  };
  const top = (text: string) => live!.current().match(text).matches[0]?.article;
  const logged = (msg: string) => logs.some((l) => l.msg === msg);

  afterEach(() => {
    live?.close();
    live = undefined;
    folder.cleanup();
  });

  it('makes a new article live without a restart', async () => {
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) });
    assert.equal(top(ALPHA_ERROR), 'alpha');
    assert.notEqual(top(BETA_ERROR), 'beta');

    fs.writeFileSync(path.join(folder.dir, 'beta.yaml'), articleYaml('beta', BETA_ERROR));
    await eventually(() => top(BETA_ERROR) === 'beta', 'beta to answer');
    assert.equal(top(ALPHA_ERROR), 'alpha');
    assert.equal(k.kb().articles.length, 2);
    assert.ok(logs.some((l) => l.msg === 'knowledge reloaded' && l.articles === 2));
    assert.deepEqual(await k.reload(), { status: 'reloaded', articles: 2 });
  });

  it('follows edits in subfolders, and in a folder made after the start', async () => {
    start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR), 'old/sub/gamma.yaml': articleYaml('gamma', 'Gamma text never pasted') });
    fs.writeFileSync(path.join(folder.dir, 'old/sub/gamma.yaml'), articleYaml('gamma', BETA_ERROR));
    await eventually(() => top(BETA_ERROR) === 'gamma', 'the edit two folders down to answer');
    fs.mkdirSync(path.join(folder.dir, 'new'));
    fs.writeFileSync(path.join(folder.dir, 'new/delta.yaml'), articleYaml('delta', 'Delta text never pasted'));
    await eventually(() => live!.kb().articles.some((a) => a.id === 'delta'), 'the new folder to load');
    // The new folder is watched too: an edit inside it goes live.
    const DELTA_ERROR = 'Quuxinator handshake refused by the upstream relay cluster';
    fs.writeFileSync(path.join(folder.dir, 'new/delta.yaml'), articleYaml('delta', DELTA_ERROR));
    await eventually(() => top(DELTA_ERROR) === 'delta', 'the edit in the new folder to answer');
  });

  it('applies an edit to an existing article', async () => {
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) });
    fs.writeFileSync(path.join(folder.dir, 'alpha.yaml'), articleYaml('alpha', BETA_ERROR));
    await eventually(() => top(BETA_ERROR) === 'alpha', 'the edited error text to answer');
    assert.deepEqual(k.kb().articles[0]!.symptoms[0]!.errors.en, [BETA_ERROR]);
  });

  it('keeps the last good knowledge base on a bad edit, logs file, line and field, and takes the fix', async () => {
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR), 'beta.yaml': articleYaml('beta', BETA_ERROR) });
    const before = k.kb();
    const file = path.join(folder.dir, 'beta.yaml');

    fs.writeFileSync(file, articleYaml('beta', BETA_ERROR).replace(`en: ["${BETA_ERROR}"]`, 'en: "not a list"'));
    const expected = `${file}:8: symptoms[0].errors.en: Invalid input: expected array, received string`;
    await eventually(() => logged(`knowledge change refused: ${expected}`), 'the refusal');
    assert.ok(
      logs.some(
        (l) =>
          l.level === 50 &&
          l.msg === `knowledge change refused: ${expected}` &&
          l.file === file &&
          l.line === 8 &&
          l.field === 'symptoms[0].errors.en',
      ),
      'the problem is logged as an error with file, line and field',
    );
    const kept = await k.reload();
    assert.deepEqual(kept.status === 'kept' && kept.reason === 'problems' ? kept.problems.map(formatProblem) : kept, [expected]);
    // The old knowledge base, beta included, still answers.
    assert.equal(k.kb(), before);
    assert.equal(top(BETA_ERROR), 'beta');

    fs.writeFileSync(file, 'id: beta\ntitle: [unclosed\n');
    await eventually(
      () => logs.some((l) => String(l.msg).startsWith(`knowledge change refused: ${file}:`) && String(l.msg).includes('YAML syntax')),
      'the YAML refusal',
    );
    assert.equal(k.kb(), before);
    assert.equal(top(BETA_ERROR), 'beta');

    fs.writeFileSync(file, articleYaml('beta', `${BETA_ERROR} again`));
    await eventually(() => k.kb().byId.get('beta')!.symptoms[0]!.errors.en?.[0] === `${BETA_ERROR} again`, 'the fix to load');
  });

  it('a file that was already broken at start-up does not block good edits elsewhere', async () => {
    const broken = articleYaml('broken', 'x').replace('en: ["x"]', 'en: 42');
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR), 'broken.yaml': broken });
    assert.equal(k.kb().problems.length, 1);
    fs.writeFileSync(path.join(folder.dir, 'beta.yaml'), articleYaml('beta', BETA_ERROR));
    await eventually(() => top(BETA_ERROR) === 'beta', 'beta to answer');
  });

  it('refuses a change that leaves no articles', async () => {
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) });
    fs.rmSync(path.join(folder.dir, 'alpha.yaml'));
    await eventually(
      () => logged('knowledge change refused: the change leaves no articles; the last good knowledge base stays live'),
      'the refusal',
    );
    assert.deepEqual(await k.reload(), { status: 'kept', reason: 'empty', message: 'the change leaves no articles' });
    assert.equal(top(ALPHA_ERROR), 'alpha');
  });

  it('keeps the running matcher when building the new one fails', async () => {
    let builds = 0;
    const k = start(
      { 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) },
      {
        build: (kb) => {
          if (++builds > 1) throw new Error('matcher exploded');
          return new Matcher(kb);
        },
      },
    );
    fs.writeFileSync(path.join(folder.dir, 'beta.yaml'), articleYaml('beta', BETA_ERROR));
    await eventually(
      () => logged('knowledge change refused: building the matcher failed; the last good knowledge base stays live'),
      'the refusal',
    );
    assert.deepEqual(await k.reload(), { status: 'kept', reason: 'build-failed', message: 'matcher exploded' });
    assert.equal(top(ALPHA_ERROR), 'alpha');
    assert.equal(k.kb().articles.length, 1);
  });

  it('takes the value a load brings built (the service builds the matcher in the loading thread) instead of building it', async () => {
    let builds = 0;
    let brought = 0;
    const load = async () => {
      const kb = loadKnowledge([folder.dir]);
      return { kb, built: () => (brought++, new Matcher(kb)) };
    };
    const k = start(
      { 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) },
      { load, build: (kb) => (builds++, new Matcher(kb)), watch: false },
    );
    assert.equal(builds, 1, 'the initial knowledge base is built');
    fs.writeFileSync(path.join(folder.dir, 'beta.yaml'), articleYaml('beta', BETA_ERROR));
    assert.deepEqual(await k.reload(), { status: 'reloaded', articles: 2 });
    assert.deepEqual([builds, brought], [1, 1]);
    assert.equal(top(BETA_ERROR), 'beta');
  });

  it('gives the build at a reload the live matcher it replaces, whether it builds here or finishes what a load brought', async () => {
    const given: (Matcher | undefined)[] = [];
    let bring = false;
    const load = async () => {
      const kb = loadKnowledge([folder.dir]);
      return bring ? { kb, built: (previous: Matcher) => (given.push(previous), new Matcher(kb)) } : { kb };
    };
    const k = start(
      { 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) },
      { load, build: (kb, previous) => (given.push(previous), new Matcher(kb)), watch: false },
    );
    const first = k.current();
    fs.writeFileSync(path.join(folder.dir, 'beta.yaml'), articleYaml('beta', BETA_ERROR));
    assert.deepEqual(await k.reload(), { status: 'reloaded', articles: 2 });
    const second = k.current();
    bring = true;
    fs.rmSync(path.join(folder.dir, 'beta.yaml'));
    assert.deepEqual(await k.reload(), { status: 'reloaded', articles: 1 });
    // The initial build replaces nothing; each reload's build gets the matcher live until then.
    assert.deepEqual(given, [undefined, first, second]);
    assert.notEqual(k.current(), second);
  });

  it('a load whose value was built and failed keeps the running matcher, as a build that fails here', async () => {
    const load = async () => ({
      kb: loadKnowledge([folder.dir]),
      built: (): Matcher => {
        throw new Error('matcher exploded in the thread');
      },
    });
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) }, { load, watch: false });
    fs.writeFileSync(path.join(folder.dir, 'beta.yaml'), articleYaml('beta', BETA_ERROR));
    assert.deepEqual(await k.reload(), { status: 'kept', reason: 'build-failed', message: 'matcher exploded in the thread' });
    assert.ok(logged('knowledge change refused: building the matcher failed; the last good knowledge base stays live'));
    assert.equal(top(ALPHA_ERROR), 'alpha');
    assert.equal(k.kb().articles.length, 1);
  });

  it('checks what a load brings built like any other: a bad edit is refused before its value is taken', async () => {
    let brought = 0;
    const load = async () => {
      const kb = loadKnowledge([folder.dir]);
      return { kb, built: () => (brought++, new Matcher(kb)) };
    };
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) }, { load, watch: false });
    fs.writeFileSync(path.join(folder.dir, 'beta.yaml'), 'id: beta\ntitle: [unclosed\n');
    const outcome = await k.reload();
    assert.equal(outcome.status, 'kept');
    assert.equal(brought, 0);
    assert.equal(top(ALPHA_ERROR), 'alpha');
  });

  it('keeps the running knowledge when loading fails', async () => {
    const k = start(
      { 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) },
      { load: () => Promise.reject(new Error('disk gone')), watch: false },
    );
    const before = k.kb();
    assert.deepEqual(await k.reload(), { status: 'kept', reason: 'build-failed', message: 'disk gone' });
    assert.ok(logged('knowledge reload failed; the last good knowledge base stays live'));
    assert.equal(k.kb(), before);
    assert.equal(top(ALPHA_ERROR), 'alpha');
  });

  it('coalesces a burst of writes into one reload', async () => {
    // The default quiet time (300 ms): the five writes take a millisecond, however late their events arrive together.
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) }, { debounceMs: 300 });
    const outcome = k.nextReload();
    for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(folder.dir, `beta${i}.yaml`), articleYaml(`beta${i}`, `${BETA_ERROR} ${i}`));
    assert.deepEqual(await outcome, { status: 'reloaded', articles: 6 });
    assert.equal(logs.filter((l) => l.msg === 'knowledge reloaded').length, 1);
  });

  it('a reload asked for while one runs is done once after it, for all who asked, with the files as they are then', async () => {
    let loads = 0;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // The first load reads the files, then waits: the edit and the two calls come while it runs.
    const load = async (): Promise<{ kb: KnowledgeBase }> => {
      const kb = loadKnowledge([folder.dir]);
      if (++loads === 1) await held;
      return { kb };
    };
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) }, { load, watch: false });
    const running = k.reload();
    fs.writeFileSync(path.join(folder.dir, 'beta.yaml'), articleYaml('beta', BETA_ERROR));
    const second = k.reload();
    assert.equal(k.reload(), second, 'the calls while one runs share one reload');
    release();
    assert.deepEqual(await running, { status: 'reloaded', articles: 1 });
    assert.deepEqual(await second, { status: 'reloaded', articles: 2 });
    assert.equal(loads, 2);
    assert.equal(top(BETA_ERROR), 'beta');
    assert.deepEqual(await k.reload(), { status: 'reloaded', articles: 2 }, 'and the next call loads again');
    assert.equal(loads, 3);
  });
});
