import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { decodeKnowledgeIndex, readKnowledgeIndex, writeKnowledgeIndex, type IndexIdentity } from '../../src/knowledge/compiled';
import { checkKnowledgeIndexInThread } from '../../src/knowledge/indexThread';
import { loadKnowledge } from '../../src/knowledge/load';
import { articleYaml } from '../helpers/articles';
import { tempFolder } from '../helpers/tmp';

/**
 * Checking an index file in a worker thread (src/knowledge/indexThread.ts, what the service does at start-up): the
 * same answer as reading it on the calling thread, for a sound file (small, and big) and for each kind of file that
 * can't be used.
 */
describe('knowledge/indexThread: checking an index file in a worker thread', () => {
  let dir: string;
  let cleanup = () => {};
  let sources: string;
  let file: string;
  let identity: IndexIdentity;

  beforeEach(() => {
    const t = tempFolder({ 'kb/a.yaml': articleYaml('a', 'Error A happened'), 'kb/b.yaml': articleYaml('b', 'Error B happened') });
    ({ dir, cleanup } = t);
    sources = path.join(dir, 'kb');
    file = path.join(dir, 'knowledge.idx');
    identity = { paths: [sources], code: 'code-1' };
    const past = new Date(Date.now() - 2000);
    for (const f of ['kb/a.yaml', 'kb/b.yaml', 'kb']) fs.utimesSync(path.join(dir, f), past, past);
  });
  afterEach(() => cleanup());

  const write = (matcher: unknown) => writeKnowledgeIndex(file, identity, { kb: loadKnowledge([sources]), matcher });

  for (const [size, values] of [
    ['small', 3],
    ['big', 50_000],
  ] as const) {
    it(`a sound ${size} file: the knowledge base and matcher part read on this thread`, async () => {
      const matcher = { floats: Float64Array.from({ length: values }, (_, i) => i / 7), names: ['x', 'y'] };
      const { bytes } = write(matcher);
      assert.equal(bytes > 64 * 1024, values > 3, 'the file is of the size this case is about');
      const check = await checkKnowledgeIndexInThread(file, identity);
      assert.ok(check.ok);
      // The JSON sections and the typed arrays come over in buffers of their own; the articles' bodies stay in the file.
      const { header } = check;
      assert.equal(check.json.length, header.jsonEnd);
      assert.equal(check.binary.length, header.binaryEnd - header.jsonEnd);
      for (const b of [check.json, check.binary]) assert.equal(b.buffer.byteLength, b.length, 'a whole buffer');
      const after = fs.statSync(file).size - check.bodiesAt - header.bodies.length;
      assert.ok(header.bodies.length > 0 && after >= 0 && after < 8, 'the bodies last, then padding');
      const fromThread = decodeKnowledgeIndex(check);
      const here = readKnowledgeIndex(file, identity);
      assert.ok(fromThread.ok && here.ok);
      assert.deepEqual(fromThread.contents.matcher, matcher);
      assert.deepEqual(fromThread.contents.kb.articles, here.contents.kb.articles);
      assert.deepEqual(fromThread.contents.kb.problems, here.contents.kb.problems);
      assert.equal(fromThread.files, 2);
    });
  }

  it('a stale, damaged, foreign or missing file: the same reason as on this thread', async () => {
    write({ n: 1 });
    const reasons = async () => {
      const inThread = await checkKnowledgeIndexInThread(file, identity);
      const here = readKnowledgeIndex(file, identity);
      assert.ok(!inThread.ok && !here.ok);
      assert.equal(inThread.reason, here.reason);
      return inThread.reason;
    };
    fs.writeFileSync(path.join(sources, 'c.yaml'), articleYaml('c', 'Error C happened'));
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(sources, 'c.yaml'), later, later);
    assert.match(await reasons(), /^stale: .*c\.yaml is newer than the index$/);
    fs.rmSync(path.join(sources, 'c.yaml'));
    identity = { ...identity, code: 'code-2' };
    assert.equal(await reasons(), 'built by another build of PasteFix (rebuild it with this one)');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 3] ^= 1;
    fs.writeFileSync(file, bytes);
    assert.equal(await reasons(), 'damaged: checksum mismatch');
    fs.rmSync(file);
    assert.equal(await reasons(), 'cannot read it (ENOENT)');
  });
});
