import assert from 'node:assert/strict';
import { Arena, GramTable } from '../../src/matching/gramTable';
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

  it("takes its arrays from an arena's buffer while it has room, reads none of a reused piece's old values, and an arena grows to fit", () => {
    const arena = new Arena(2048, 1 << 20);
    const t = new GramTable(20, 20, arena);
    assert.equal(t.value.buffer, arena.buffer);
    for (let k = 0; k < 20; k++) t.follow(gramCode(size, k, k + 1), k);
    arena.reset();
    // The same piece again, holding the last table's codes and followers: the new table reads none of them.
    const reused = new GramTable(20, 20, arena);
    assert.equal(reused.value.buffer, t.value.buffer);
    assert.equal(reused.first(gramCode(size, 3, 4)), -1);
    assert.equal(reused.has(gramCode(size, 0, 1)), false);
    reused.follow(7, 1);
    reused.follow(7, 2);
    assert.deepEqual(followers(reused, 7), [1, 2]);
    // No room left for this one: a buffer of its own, and after a reset one big enough for both.
    const big = new GramTable(200, 200, arena);
    assert.notEqual(big.value.buffer, arena.buffer);
    arena.reset();
    assert.ok(arena.buffer.byteLength >= 2048 + 200 * 4 * 8);
  });
});
