import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BUILTIN_KNOWLEDGE, formatProblem, loadKnowledge } from '../../src/knowledge/load';
import { loadInThread } from '../../src/knowledge/loadThread';
import { watchKnowledge } from '../../src/knowledge/watch';
import { loadMatcherInThread } from '../../src/matching/buildThread';
import { Matcher } from '../../src/matching/matcher';
import { SNAPSHOT_VERSION, type MatcherSnapshot } from '../../src/matching/snapshot';
import { memoryLogger } from '../bot/support/harness';
import { articleYaml } from '../helpers/articles';
import { requireShared } from '../helpers/prerequisites';
import { ROOT, tempFolder } from '../helpers/tmp';

/**
 * Loading the sources and building the matcher in a worker thread (src/matching/buildThread.ts: what the service does
 * at a start without a compiled index and at every knowledge reload): the thread sends the matcher's snapshot, this
 * thread restores it, and the matcher decides exactly as one built here.
 */
describe('matching/buildThread: the matcher built in the loading thread', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  const pastes = (set: string) =>
    fs
      .readFileSync(path.join(ROOT, 'tests/data', `${set}.jsonl`), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('//'))
      .map((line) => (JSON.parse(line) as { text: string }).text);

  it('decides every dev paste as the matcher built on this thread: matches, scores and explanations', async function () {
    this.timeout(120_000);
    const paths = [BUILTIN_KNOWLEDGE, requireShared(this)];
    const { kb, built } = await loadMatcherInThread(paths);
    const fromThread = built();
    const here = new Matcher(loadKnowledge(paths));
    assert.equal(fromThread.kb, kb);
    assert.deepEqual(
      kb.articles.map((a) => a.id),
      here.kb.articles.map((a) => a.id),
    );
    for (const text of [...pastes('dev-builtin'), ...pastes('corpus-dev')])
      for (const explain of [false, true]) assert.deepEqual(fromThread.match(text, { explain }), here.match(text, { explain }), text);
  });

  it('the thread sends the built snapshot, which this thread restores (it does not build)', async function () {
    this.timeout(60_000);
    const { kb, built } = await loadInThread([BUILTIN_KNOWLEDGE], path.join(ROOT, 'dist/src/matching/buildThread.js'));
    const { snapshot } = built as { snapshot: MatcherSnapshot };
    assert.equal(snapshot.version, SNAPSHOT_VERSION);
    assert.ok(snapshot.signals.postings.values instanceof Int32Array && snapshot.signals.postings.values.length > 0);
    assert.equal(snapshot.about.words.offsets.length, kb.articles.length + 1);
  });

  it('a reload through it keeps the failure behaviour: a bad file is refused with file, line and field; the fix goes live', async function () {
    this.timeout(60_000);
    const ALPHA = 'The frobnicator service could not bind its listener on port 8443';
    const BETA = 'Zorblax replication queue exceeded its quota for mailbox database DB07';
    const folder = tempFolder({ 'alpha.yaml': articleYaml('alpha', ALPHA) });
    cleanup = folder.cleanup;
    const logs: Record<string, unknown>[] = [];
    const { kb, built } = await loadMatcherInThread([folder.dir]);
    const live = watchKnowledge([folder.dir], {
      initial: kb,
      initialValue: built(),
      load: () => loadMatcherInThread([folder.dir]),
      build: () => assert.fail('the matcher is built in the thread'),
      logger: memoryLogger(logs),
      watch: false,
    });
    const top = (text: string) => live.current().match(text).matches[0]?.article;
    assert.equal(top(ALPHA), 'alpha');

    const file = path.join(folder.dir, 'beta.yaml');
    fs.writeFileSync(file, articleYaml('beta', BETA).replace(`en: ["${BETA}"]`, 'en: "not a list"'));
    const expected = `${file}:8: symptoms[0].errors.en: Invalid input: expected array, received string`;
    const kept = await live.reload();
    assert.deepEqual(kept.status === 'kept' && kept.reason === 'problems' ? kept.problems.map(formatProblem) : kept, [expected]);
    assert.ok(logs.some((l) => l.msg === `knowledge change refused: ${expected}` && l.file === file && l.line === 8));
    assert.equal(top(ALPHA), 'alpha');

    fs.writeFileSync(file, articleYaml('beta', BETA));
    assert.deepEqual(await live.reload(), { status: 'reloaded', articles: 2 });
    assert.equal(top(BETA), 'beta');
    assert.equal(top(ALPHA), 'alpha');
    live.close();
  });

  it('a reload through it takes the bridge of the live matcher when the lexicon stayed the same, and builds one when it changed', async function () {
    this.timeout(60_000);
    const ALPHA = 'The frobnicator service could not bind its listener on port 8443';
    const BETA = 'Zorblax replication queue exceeded its quota for mailbox database DB07';
    const folder = tempFolder({ 'alpha.yaml': articleYaml('alpha', ALPHA) });
    cleanup = folder.cleanup;
    const paths = [BUILTIN_KNOWLEDGE, folder.dir];
    const { kb, built } = await loadMatcherInThread(paths);
    const live = watchKnowledge(paths, {
      initial: kb,
      initialValue: built(),
      load: () => loadMatcherInThread(paths),
      build: () => assert.fail('the matcher is built in the thread'),
      logger: memoryLogger([]),
      watch: false,
    });
    const bridgeOf = (m: Matcher) => (m as unknown as { bridge: unknown }).bridge;
    const first = live.current();
    assert.ok(bridgeOf(first));

    // Another article, the same lexicon: the new matcher reads German pastes with the bridge it replaces.
    fs.writeFileSync(path.join(folder.dir, 'beta.yaml'), articleYaml('beta', BETA));
    assert.deepEqual(await live.reload(), { status: 'reloaded', articles: kb.articles.length + 1 });
    const second = live.current();
    assert.notEqual(second, first);
    assert.equal(bridgeOf(second), bridgeOf(first));
    assert.equal(second.match(BETA).matches[0]?.article, 'beta');

    // A lexicon entry more: a bridge of its own, which reads the new entry.
    fs.mkdirSync(path.join(folder.dir, 'lexicon'));
    fs.writeFileSync(
      path.join(folder.dir, 'lexicon', 'extra.yaml'),
      'entries:\n  - de: Zorblax-Warteschlange\n    en: Zorblax replication queue\n',
    );
    assert.deepEqual(await live.reload(), { status: 'reloaded', articles: kb.articles.length + 1 });
    const third = live.current();
    assert.notEqual(bridgeOf(third), bridgeOf(second));
    assert.ok(third.kb.lexicon?.some((e) => e.en[0] === 'Zorblax replication queue'));
    live.close();
  });
});
