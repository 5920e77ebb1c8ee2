import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { INDEX_FORMAT, readKnowledgeIndex, writeKnowledgeIndex, type IndexIdentity } from '../../src/knowledge/compiled';
import { loadKnowledge } from '../../src/knowledge/load';
import { articleYaml } from '../helpers/articles';
import { tempFolder } from '../helpers/tmp';

/**
 * The compiled index file on its own (src/knowledge/compiled.ts): what goes in comes out, and a file that is
 * damaged, of another format or stale is refused with a reason a person can act on.
 */
describe('knowledge/compiled: the index file', () => {
  let dir: string;
  let cleanup = () => {};
  let sources: string;
  let file: string;
  let identity: IndexIdentity;
  const matcherPart = {
    names: ['a', 'b'],
    ints: Int32Array.from([1, -2, 3]),
    nested: [{ floats: Float64Array.from([0.1, Math.PI, -1e300]) }, { flags: Uint8Array.from([0, 1, 255]) }],
    none: null,
  };

  beforeEach(() => {
    const t = tempFolder({ 'kb/a.yaml': articleYaml('a', 'Error A happened'), 'kb/b.yaml': articleYaml('b', 'Error B happened') });
    ({ dir, cleanup } = t);
    sources = path.join(dir, 'kb');
    file = path.join(dir, 'out', 'knowledge.idx');
    identity = { paths: [sources], code: 'code-1' };
    // Sources a second in the past, so the index written now is plainly newer whatever the file system's time resolution.
    const past = new Date(Date.now() - 2000);
    for (const f of ['kb/a.yaml', 'kb/b.yaml', 'kb']) fs.utimesSync(path.join(dir, f), past, past);
    writeKnowledgeIndex(file, identity, { kb: loadKnowledge([sources]), matcher: matcherPart });
  });
  afterEach(() => cleanup());

  /** The same bytes, changed by `edit`, written back with the file's own time kept (so only the edit differs). */
  function rewrite(edit: (bytes: Buffer) => Buffer): void {
    const { mtime } = fs.statSync(file);
    fs.writeFileSync(file, edit(fs.readFileSync(file)));
    fs.utimesSync(file, mtime, mtime);
  }

  const reason = () => {
    const r = readKnowledgeIndex(file, identity);
    return r.ok ? 'ok' : r.reason;
  };

  it('gives back the knowledge base and the matcher part as written, typed arrays included', () => {
    const r = readKnowledgeIndex(file, identity);
    assert.ok(r.ok);
    const kb = loadKnowledge([sources]);
    assert.deepEqual(r.contents.kb.articles, kb.articles);
    assert.deepEqual([...r.contents.kb.byId.keys()], ['a', 'b']);
    assert.deepEqual(r.contents.kb.problems, kb.problems);
    assert.deepEqual(r.contents.kb.lexicon, []);
    assert.deepEqual(r.contents.matcher, matcherPart);
    assert.equal(r.files, 2);
  });

  it('reads an article past its id and languages when one of its other fields is first read, then keeps them as plain fields', () => {
    const r = readKnowledgeIndex(file, identity);
    assert.ok(r.ok);
    const [a, b] = r.contents.kb.articles;
    const [sourceA, sourceB] = loadKnowledge([sources]).articles;
    const kind = (o: object, field: string) => (Object.getOwnPropertyDescriptor(o, field)?.get ? 'unread' : 'read');
    const rest = Object.keys(sourceA).filter((f) => f !== 'id' && f !== 'languages');
    assert.ok(['title', 'symptoms', 'steps', 'cause'].every((f) => rest.includes(f)));
    for (const field of rest) assert.equal(kind(a, field), 'unread', field);
    assert.equal(kind(a, 'id'), 'read', 'the id is read at once');
    assert.equal(kind(a, 'languages'), 'read', 'the languages are read at once');
    assert.deepEqual(a.symptoms, sourceA.symptoms);
    for (const field of rest) assert.equal(kind(a, field), 'read', field);
    assert.deepEqual(a, sourceA);
    assert.equal(kind(b, 'title'), 'unread', 'only the article read');
    assert.deepEqual(Object.keys(b), Object.keys(sourceB), 'the same keys, in order');
    b.cause = { en: 'Changed' };
    assert.deepEqual(b.cause, { en: 'Changed' });
    assert.equal(kind(b, 'steps'), 'read', 'a write reads the rest of the article first');
    assert.deepEqual(b.steps, sourceB.steps);
  });

  it("leaves the articles' bodies in the file, read from it when first needed; one changed in place since is refused", () => {
    const r = readKnowledgeIndex(file, identity);
    assert.ok(r.ok);
    const [a, b] = r.contents.kb.articles;
    const [sourceA, sourceB] = loadKnowledge([sources]).articles;
    assert.deepEqual(a.title, sourceA.title, 'read from the file');
    // A byte of b's body changed in the file in place (kb build never does that: it renames a new file over the old).
    const bytes = fs.readFileSync(file);
    const at = bytes.lastIndexOf(Buffer.from(JSON.stringify(sourceB.title.en)));
    assert.ok(at > 0);
    bytes[at + 1] ^= 0x01;
    fs.writeFileSync(file, bytes);
    assert.throws(() => b.title, new RegExp(`knowledge index ${file} was changed in place after it was loaded: restart the service`));
    assert.deepEqual(a.steps, sourceA.steps, 'an article read before keeps its fields');
    // Renamed over (as kb build does): the file this knowledge base read stays open, its articles read as they were.
    const again = readKnowledgeIndex(file, identity);
    assert.equal(again.ok ? 'ok' : again.reason, 'damaged: checksum mismatch');
    writeKnowledgeIndex(file, identity, { kb: loadKnowledge([sources]), matcher: matcherPart });
    const fresh = readKnowledgeIndex(file, identity);
    assert.ok(fresh.ok);
    fs.writeFileSync(path.join(sources, 'b.yaml'), articleYaml('b', 'Error B happened', { title: { en: 'New title', de: 'Neu' } }));
    writeKnowledgeIndex(file, identity, { kb: loadKnowledge([sources]), matcher: matcherPart });
    assert.deepEqual(fresh.contents.kb.articles[1].title, sourceB.title);
  });

  it('writes its JSON in ASCII (\\u escapes), and gives back every other character as written', () => {
    const text = 'Größe – “Anführung” 😀 ½';
    fs.writeFileSync(
      path.join(sources, 'a.yaml'),
      articleYaml('a', `Error A happened: ${text}`, { title: { en: text, de: `Titel ${text}` } }),
    );
    writeKnowledgeIndex(file, identity, { kb: loadKnowledge([sources]), matcher: { names: [text] } });
    const bytes = fs.readFileSync(file);
    assert.ok(!bytes.includes(Buffer.from('Größe', 'utf8')), 'the text in UTF-8');
    assert.ok(bytes.includes(Buffer.from(String.raw`Gr\u00f6\u00dfe \u2013 \u201cAnf\u00fchrung\u201d \ud83d\ude00`)), 'the text escaped');
    const r = readKnowledgeIndex(file, identity);
    assert.ok(r.ok, r.ok ? '' : r.reason);
    assert.deepEqual(r.contents.kb.articles, loadKnowledge([sources]).articles);
    assert.equal(r.contents.kb.articles[0].title.en, text);
    assert.deepEqual(r.contents.matcher, { names: [text] });
  });

  it('starts with a readable first line: format, checksum, length', () => {
    const first = fs.readFileSync(file, 'latin1').split('\n')[0];
    assert.match(first, new RegExp(`^PASTEFIX-KNOWLEDGE-INDEX ${INDEX_FORMAT} [0-9a-f]{8} \\d+ *$`));
  });

  it('a flipped byte anywhere after the first line: damaged (checksum)', () => {
    const size = fs.statSync(file).size;
    const first = fs.readFileSync(file).indexOf(10) + 1;
    for (const at of [first, first + 100, Math.floor((first + size) / 2), size - 1]) {
      rewrite((b) => {
        b[at] ^= 0x01;
        return b;
      });
      assert.equal(reason(), 'damaged: checksum mismatch', `byte ${at}`);
      rewrite((b) => {
        b[at] ^= 0x01;
        return b;
      });
      assert.equal(reason(), 'ok');
    }
  });

  it('a truncated file', () => {
    const size = fs.statSync(file).size;
    rewrite((b) => b.subarray(0, size - 1000));
    const first = fs.readFileSync(file).indexOf(10) + 1;
    assert.equal(reason(), `truncated or padded: ${size - 1000 - first} bytes where ${size - first} were written`);
  });

  it('another format version, or not an index at all', () => {
    rewrite((b) => Buffer.from(b.toString('latin1').replace(`INDEX ${INDEX_FORMAT} `, `INDEX ${INDEX_FORMAT + 1} `), 'latin1'));
    assert.equal(reason(), `format version ${INDEX_FORMAT + 1}, this PasteFix reads version ${INDEX_FORMAT}`);
    fs.writeFileSync(file, 'id: a\n');
    assert.equal(reason(), 'not a PasteFix knowledge index');
  });

  it('a missing file', () => {
    fs.rmSync(file);
    assert.equal(reason(), 'cannot read it (ENOENT)');
  });

  it('stale: a source file changed after the index was built', () => {
    fs.utimesSync(path.join(sources, 'b.yaml'), new Date(), new Date(Date.now() + 5000));
    assert.equal(reason(), `stale: ${path.join(sources, 'b.yaml')} is newer than the index`);
  });

  it('stale: a source file added or removed (even with old times)', () => {
    const past = new Date(Date.now() - 2000);
    fs.writeFileSync(path.join(sources, 'c.yaml'), articleYaml('c', 'Error C happened'));
    fs.utimesSync(path.join(sources, 'c.yaml'), past, past);
    // The folder's time changes with the entry (set here: within one clock tick of the build it could tie).
    fs.utimesSync(sources, new Date(), new Date(Date.now() + 5000));
    assert.equal(reason(), `stale: ${sources} is newer than the index`);
    fs.utimesSync(sources, past, past);
    assert.equal(reason(), 'stale: source files were added or removed (3 now, 2 when it was built)');
  });

  it('built from other knowledge paths, or by other code', () => {
    const other = path.join(dir, 'other');
    assert.equal(
      readKnowledgeIndex(file, { ...identity, paths: [sources, other] }).ok ? 'ok' : 'refused',
      'refused',
      'an added knowledge path',
    );
    const r = readKnowledgeIndex(file, { ...identity, paths: [other] });
    assert.equal(r.ok ? 'ok' : r.reason, `built from other knowledge paths (${sources}), not ${other}`);
    const c = readKnowledgeIndex(file, { ...identity, code: 'code-2' });
    assert.equal(c.ok ? 'ok' : c.reason, 'built by another build of PasteFix (rebuild it with this one)');
  });
});
