import assert from 'node:assert/strict';
import { GramTable } from '../../src/matching/gramTable';
import { gramCode } from '../../src/matching/signals';

describe('matching/gramTable', () => {
  // Codes of a 60,000-word vocabulary: pairs and triples far beyond 2^31, as at 10,000 articles.
  const size = 60_000;
  const followers = (t: GramTable, code: number) => {
    const out: number[] = [];
    for (let e = t.first(code); e >= 0; e = t.link[e]) out.push(t.value[e]);
    return out;
  };

  it('holds the codes added, and no other (near codes, the same words in another order)', () => {
    const t = new GramTable(3);
    t.add(gramCode(size, 59_999, 59_998));
    t.add(gramCode(size, 7, 8));
    assert.equal(t.has(gramCode(size, 59_999, 59_998)), true);
    assert.equal(t.has(gramCode(size, 7, 8)), true);
    assert.equal(t.has(gramCode(size, 8, 7)), false);
    assert.equal(t.has(gramCode(size, 59_999, 59_998) + 1), false);
    assert.equal(t.has(gramCode(size, 7, 8, 9)), false);
  });

  it("keeps each code's followers in the order first added, each once", () => {
    const t = new GramTable(40, 60);
    const triple = gramCode(size, 59_000, 1, 58_000);
    for (const [code, id] of [
      [triple, 5],
      [3, 9],
      [triple, 2],
      [triple, 5],
      [3, 9],
      [triple, 60_001],
    ])
      t.follow(code, id);
    // Many codes in a small table: collisions are resolved, lists stay apart.
    for (let k = 0; k < 30; k++) t.follow(gramCode(size, k, k + 1), k);
    assert.deepEqual(followers(t, triple), [5, 2, 60_001]);
    assert.deepEqual(followers(t, 3), [9]);
    assert.deepEqual(followers(t, gramCode(size, 29, 30)), [29]);
    assert.equal(t.first(gramCode(size, 30, 31)), -1);
  });
});
