import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BUILTIN_KNOWLEDGE, loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load';
import { loadInThread, loadKnowledgeInThread } from '../../src/knowledge/loadThread';
import { articleYaml } from '../helpers/articles';
import { requireShared } from '../helpers/prerequisites';
import { ROOT, tempFolder } from '../helpers/tmp';

/** Loading knowledge sources in a worker thread (src/knowledge/loadThread.ts, what the service does): the same answer as on this thread. */
describe('knowledge/loadThread: loading the sources in a worker thread', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  const assertSame = (fromThread: KnowledgeBase, here: KnowledgeBase) => {
    assert.deepEqual(fromThread.articles, here.articles);
    assert.deepEqual(fromThread.problems, here.problems);
    assert.deepEqual(fromThread.lexicon, here.lexicon);
    assert.deepEqual([...fromThread.byId.keys()], [...here.byId.keys()]);
    for (const article of fromThread.articles) assert.equal(fromThread.byId.get(article.id), article, 'byId holds the listed articles');
  };

  it('the built-in knowledge and the corpus (raw articles through the importer), lexicon included', async function () {
    this.timeout(60_000);
    const corpus = requireShared(this);
    const paths = [BUILTIN_KNOWLEDGE, corpus];
    const here = loadKnowledge(paths);
    assert.ok(here.articles.length > 100 && (here.lexicon ?? []).length > 0, 'the case is about a real knowledge base');
    assertSame(await loadKnowledgeInThread(paths), here);
  });

  it('bad files and duplicate ids are reported as on this thread, and the good files still load', async function () {
    this.timeout(30_000);
    const t = tempFolder({
      'a.yaml': articleYaml('a', 'Error A happened'),
      'b.yaml': 'id: [not closed',
      'c.yaml': articleYaml('a', 'Error C happened'),
      'd.yaml': articleYaml('d', 'Error D happened'),
    });
    cleanup = t.cleanup;
    const here = loadKnowledge([t.dir]);
    assert.deepEqual(
      here.articles.map((a) => a.id),
      ['a', 'd'],
    );
    assert.equal(here.problems.length, 2);
    assertSame(await loadKnowledgeInThread([t.dir]), here);
  });

  it('runs a build module on what it loaded and sends its value back, typed arrays included', async function () {
    this.timeout(30_000);
    const t = tempFolder({ 'a.yaml': articleYaml('a', 'Error A happened'), 'd.yaml': articleYaml('d', 'Error D happened') });
    cleanup = t.cleanup;
    const builder = path.join(t.dir, 'builder.js');
    fs.writeFileSync(
      builder,
      `exports.buildInThread = (kb) => {
        const lengths = Int32Array.from(kb.articles, (a) => a.id.length + 10);
        return { value: { ids: kb.articles.map((a) => a.id), lengths, byId: kb.byId.size }, transfer: [lengths.buffer] };
      };`,
    );
    const { kb, built } = await loadInThread([t.dir], builder);
    assertSame(kb, loadKnowledge([t.dir]));
    assert.deepEqual(built, { ids: ['a', 'd'], lengths: Int32Array.from([11, 11]), byId: 2 });
  });

  it('a build module the thread cannot run: this thread loads, and nothing is built', async function () {
    this.timeout(30_000);
    const t = tempFolder({ 'a.yaml': articleYaml('a', 'Error A happened') });
    cleanup = t.cleanup;
    const { kb, built } = await loadInThread([t.dir], path.join(t.dir, 'missing-builder.js'));
    assertSame(kb, loadKnowledge([t.dir]));
    assert.equal(built, undefined);
  });

  it('the parsers stay out of the calling thread: no YAML parser, Markdown importer or article schema is loaded in it', function () {
    this.timeout(60_000);
    const file = path.join(ROOT, 'dist/src/knowledge/loadThread.js');
    const script = `require(${JSON.stringify(file)}).loadKnowledgeInThread([${JSON.stringify(BUILTIN_KNOWLEDGE)}]).then((kb) => {
      console.log(JSON.stringify({ articles: kb.articles.length, modules: Object.keys(require.cache) }));
    });`;
    const { articles, modules } = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as {
      articles: number;
      modules: string[];
    };
    assert.equal(articles, loadKnowledge([BUILTIN_KNOWLEDGE]).articles.length);
    const loaded = (part: string) => modules.filter((m) => m.includes(part));
    assert.deepEqual(loaded('/node_modules/yaml/'), []);
    assert.deepEqual(loaded('/node_modules/markdown-it/'), []);
    assert.deepEqual(loaded('/node_modules/zod/'), []);
    assert.deepEqual(loaded('/knowledge/load.js'), []);
  });
});
