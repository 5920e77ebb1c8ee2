/**
 * Knowledge reloads with real files, real fs.watch and the real loader and matcher: a good edit is
 * live without a restart, a bad one is logged with file, line and field while the last good
 * knowledge base keeps answering.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { formatProblem, loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load';
import { watchKnowledge, type LiveKnowledge } from '../../src/knowledge/watch';
import { Matcher } from '../../src/matching/matcher';
import { memoryLogger } from '../bot/support/harness';
import { articleYaml } from '../helpers/articles';
import { tempFolder } from '../helpers/tmp';

const ALPHA_ERROR = 'The frobnicator service could not bind its listener on port 8443';
const BETA_ERROR = 'Zorblax replication queue exceeded its quota for mailbox database DB07';

describe('knowledge/watch: reloading edited knowledge', function () {
  this.timeout(10_000);
  let folder: ReturnType<typeof tempFolder>;
  let live: LiveKnowledge<Matcher> | undefined;
  let logs: Record<string, unknown>[];

  const start = (files: Record<string, string>, build = (kb: KnowledgeBase) => new Matcher(kb)) => {
    folder = tempFolder(files);
    logs = [];
    const load = () => loadKnowledge([folder.dir]);
    live = watchKnowledge([folder.dir], { initial: load(), load, build, logger: memoryLogger(logs), debounceMs: 50 });
    return live;
  };
  const top = (text: string) => live!.current().match(text).matches[0]?.article;

  afterEach(() => {
    live?.close();
    live = undefined;
    folder.cleanup();
  });

  it('makes a new article live without a restart', async () => {
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) });
    assert.equal(top(ALPHA_ERROR), 'alpha');
    assert.notEqual(top(BETA_ERROR), 'beta');

    const reloaded = k.nextReload();
    fs.writeFileSync(path.join(folder.dir, 'beta.yaml'), articleYaml('beta', BETA_ERROR));
    assert.deepEqual(await reloaded, { status: 'reloaded', articles: 2 });
    assert.equal(top(BETA_ERROR), 'beta');
    assert.equal(top(ALPHA_ERROR), 'alpha');
    assert.ok(logs.some((l) => l.msg === 'knowledge reloaded' && l.articles === 2));
  });

  it('applies an edit to an existing article', async () => {
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) });
    const reloaded = k.nextReload();
    fs.writeFileSync(path.join(folder.dir, 'alpha.yaml'), articleYaml('alpha', BETA_ERROR));
    assert.equal((await reloaded).status, 'reloaded');
    assert.equal(top(BETA_ERROR), 'alpha');
    assert.deepEqual(k.kb().articles[0]!.symptoms[0]!.errors.en, [BETA_ERROR]);
  });

  it('keeps the last good knowledge base on a bad edit, logs file, line and field, and takes the fix', async () => {
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR), 'beta.yaml': articleYaml('beta', BETA_ERROR) });
    const before = k.kb();
    const file = path.join(folder.dir, 'beta.yaml');

    let outcome = k.nextReload();
    fs.writeFileSync(file, articleYaml('beta', BETA_ERROR).replace(`en: ["${BETA_ERROR}"]`, 'en: "not a list"'));
    const kept = await outcome;
    assert.equal(kept.status, 'kept');
    const expected = `${file}:8: symptoms[0].errors.en: Invalid input: expected array, received string`;
    assert.deepEqual(kept.status === 'kept' && kept.reason === 'problems' ? kept.problems.map(formatProblem) : [], [expected]);
    assert.ok(
      logs.some((l) => l.level === 50 && l.msg === `knowledge change refused: ${expected}` && l.file === file && l.line === 8 && l.field === 'symptoms[0].errors.en'),
      'the problem is logged as an error with file, line and field',
    );
    // The old knowledge base, beta included, still answers.
    assert.equal(k.kb(), before);
    assert.equal(top(BETA_ERROR), 'beta');

    outcome = k.nextReload();
    fs.writeFileSync(file, 'id: beta\ntitle: [unclosed\n');
    assert.equal((await outcome).status, 'kept');
    assert.equal(top(BETA_ERROR), 'beta');

    outcome = k.nextReload();
    fs.writeFileSync(file, articleYaml('beta', `${BETA_ERROR} again`));
    assert.equal((await outcome).status, 'reloaded');
    assert.deepEqual(k.kb().byId.get('beta')!.symptoms[0]!.errors.en, [`${BETA_ERROR} again`]);
  });

  it('a file that was already broken at start-up does not block good edits elsewhere', async () => {
    const broken = articleYaml('broken', 'x').replace('en: ["x"]', 'en: 42');
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR), 'broken.yaml': broken });
    assert.equal(k.kb().problems.length, 1);
    const reloaded = k.nextReload();
    fs.writeFileSync(path.join(folder.dir, 'beta.yaml'), articleYaml('beta', BETA_ERROR));
    assert.equal((await reloaded).status, 'reloaded');
    assert.equal(top(BETA_ERROR), 'beta');
  });

  it('refuses a change that leaves no articles', async () => {
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) });
    const outcome = k.nextReload();
    fs.rmSync(path.join(folder.dir, 'alpha.yaml'));
    assert.deepEqual(await outcome, { status: 'kept', reason: 'empty', message: 'the change leaves no articles' });
    assert.equal(top(ALPHA_ERROR), 'alpha');
  });

  it('keeps the running matcher when building the new one fails', async () => {
    let builds = 0;
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) }, (kb) => {
      if (++builds > 1) throw new Error('matcher exploded');
      return new Matcher(kb);
    });
    const outcome = k.nextReload();
    fs.writeFileSync(path.join(folder.dir, 'beta.yaml'), articleYaml('beta', BETA_ERROR));
    assert.deepEqual(await outcome, { status: 'kept', reason: 'build-failed', message: 'matcher exploded' });
    assert.equal(top(ALPHA_ERROR), 'alpha');
    assert.equal(k.kb().articles.length, 1);
  });

  it('coalesces a burst of writes into one reload', async () => {
    const k = start({ 'alpha.yaml': articleYaml('alpha', ALPHA_ERROR) });
    const outcome = k.nextReload();
    for (let i = 0; i < 5; i++) fs.writeFileSync(path.join(folder.dir, `beta${i}.yaml`), articleYaml(`beta${i}`, `${BETA_ERROR} ${i}`));
    assert.deepEqual(await outcome, { status: 'reloaded', articles: 6 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(logs.filter((l) => l.msg === 'knowledge reloaded').length, 1);
  });
});
