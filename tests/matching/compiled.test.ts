import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseLabelled } from '../../src/cli/evaluate';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../src/knowledge/load';
import { checkKnowledgeIndex, writeKnowledgeIndex } from '../../src/knowledge/compiled';
import { compileKnowledgeIndex, indexNotUsed, openCheckedKnowledgeIndex, openKnowledgeIndex } from '../../src/matching/compiled';
import { indexIdentity } from '../../src/matching/indexIdentity';
import { snapshotMatcher } from '../../src/matching/snapshot';
import { Matcher } from '../../src/matching/matcher';
import { requireShared } from '../helpers/prerequisites';
import { ROOT, tempFolder } from '../helpers/tmp';

/**
 * The matcher opened from a compiled index file (src/matching/compiled.ts), as the service opens it: the
 * articles' bodies are read from the file only when first used (src/knowledge/compiled.ts), and nothing of
 * that may change a decision. snapshot.test.ts checks the matcher's snapshot on every labelled set; this
 * checks the whole file on the corpus.
 */
describe('matching/compiled: a matcher opened from a compiled index file', function () {
  this.timeout(300_000);
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('decides every corpus-dev paste as the matcher built from the sources, and answers with the same articles', function () {
    const paths = [BUILTIN_KNOWLEDGE, requireShared(this)];
    const t = tempFolder();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'knowledge.idx');
    const kb = loadKnowledge(paths);
    compileKnowledgeIndex(file, paths, kb);
    const opened = openKnowledgeIndex(file, paths);
    assert.ok(opened.ok, opened.ok ? '' : opened.reason);
    const built = new Matcher(kb);
    const pastes = parseLabelled(fs.readFileSync(path.join(ROOT, 'tests/data/corpus-dev.jsonl'), 'utf8'), 'corpus-dev.jsonl');
    assert.ok(pastes.length > 100);
    for (const p of pastes) {
      const restored = opened.matcher.match(p.text, { explain: true });
      assert.deepEqual(restored, built.match(p.text, { explain: true }), p.id ?? p.text.slice(0, 60));
      for (const m of restored.matches)
        assert.deepEqual(opened.kb.byId.get(m.article), kb.byId.get(m.article), `${p.id}: article ${m.article}`);
    }
  });

  it('takes the typed arrays read from the file as its own: no second copy of them', () => {
    const paths = [BUILTIN_KNOWLEDGE];
    const t = tempFolder();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'knowledge.idx');
    const kb = loadKnowledge(paths);
    compileKnowledgeIndex(file, paths, kb);
    const check = checkKnowledgeIndex(file, indexIdentity(paths));
    assert.ok(check.ok, check.ok ? '' : check.reason);
    const opened = openCheckedKnowledgeIndex(check);
    assert.ok(opened.ok, opened.ok ? '' : opened.reason);
    const { signals, about, descriptions } = opened.matcher.built;
    const arrays = [signals.packed.ids, signals.packed.weights, signals.packed.termStart, signals.weight, about.words, about.weight];
    for (const a of [...arrays, descriptions.docs[0].totals, [...descriptions.postings.values()][0]])
      assert.equal(a.buffer, check.binary.buffer);
    const built = new Matcher(kb);
    assert.deepEqual(opened.matcher.built, built.built);
  });

  it("opens a file whose matcher part this build can't restore as not usable, with the reason, and says so in one warning", () => {
    const paths = [BUILTIN_KNOWLEDGE];
    const t = tempFolder();
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'knowledge.idx');
    const kb = loadKnowledge(paths);
    const snapshot = { ...snapshotMatcher(new Matcher(kb)), version: -1 };
    writeKnowledgeIndex(file, indexIdentity(paths), { kb, matcher: snapshot });
    const opened = openKnowledgeIndex(file, paths);
    assert.ok(!opened.ok);
    assert.match(opened.reason, /^matching: snapshot version -1 is not this version's/);
    assert.equal(
      indexNotUsed(file, opened.reason),
      `knowledge index ${file} not used: ${opened.reason}; loading the knowledge from its sources`,
    );
  });

  it('passes on why a checked file failed its check, unopened', () => {
    assert.deepEqual(openCheckedKnowledgeIndex({ ok: false, reason: 'checksum mismatch' }), { ok: false, reason: 'checksum mismatch' });
  });

  it("names the index's identity: the knowledge paths made absolute, in order, and one fingerprint of this build's code", () => {
    const a = indexIdentity(['knowledge', '../shared/corpus']);
    assert.deepEqual(a.paths, [path.resolve('knowledge'), path.resolve('../shared/corpus')]);
    assert.match(a.code, /\S{8}/);
    assert.equal(indexIdentity([]).code, a.code);
  });
});
