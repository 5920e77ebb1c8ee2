import assert from 'node:assert/strict';
import path from 'node:path';
import { benchAccuracy, spread } from '../../bench/accuracy';
import { buildSets } from '../../bench/knowledgeSets';

describe('bench/accuracy', () => {
  it('spreads a sample evenly over a dev set, in order', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    assert.deepEqual(spread(items, 4), [0, 2, 5, 7]);
    assert.deepEqual(spread(items, 20), items);
  });

  it('scores every engine on the built-in dev set and says which dev sets it could not use', function () {
    this.timeout(60_000);
    const { sets } = buildSets([], path.join(__dirname, 'no-such-corpus'));
    const { rows, notes } = benchAccuracy(sets, () => {}, 12);
    assert.deepEqual(
      rows.map((r) => r.engine),
      ['pastefix', 'fuse', 'minisearch'],
    );
    for (const r of rows) {
      assert.equal(r.devSet, 'dev-builtin.jsonl');
      assert.equal(r.total, 12);
      assert.equal(r.right + r.clarified + r.falseAnswers + r.missed, 12);
      assert.ok(r.clarifiedRight <= r.clarified);
    }
    assert.match(notes[0], /^accuracy: dev-builtin\.jsonl cut to 12 of its \d+ pastes, evenly spread, to bound the run time\.$/);
    assert.ok(
      notes.some((n) =>
        /^accuracy: corpus-dev\.jsonl (is absent, skipped|skipped, its knowledge set "corpus" is not available)\.$/.test(n),
      ),
      notes.join('\n'),
    );
  });
});
