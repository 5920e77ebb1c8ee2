import assert from 'node:assert/strict';
import { AFTER_SENTENCE, FIRST, GENERIC, NESTED, packedSignals, VAR_AFTER } from '../../src/matching/packed';
import { buildSignals } from '../../src/matching/signals';
import { builtinKnowledge, fixture } from '../helpers/fixture';

describe('matching/packed: the scorer reads error texts from flat arrays', () => {
  const fixtures = fixture(() => {
    const index = buildSignals(builtinKnowledge().articles);
    return { index, pk: packedSignals(index) };
  });

  it('holds every error text as its signal does: terms, weights, placeholders, first occurrences, units, details', () => {
    const { index, pk } = fixtures();
    assert.ok(index.errors.length >= 3, `${index.errors.length} error texts`);
    index.errors.forEach((e, i) => {
      const t0 = pk.termStart[i];
      const u0 = pk.unitStart[i];
      assert.equal(pk.termStart[i + 1] - t0, e.ids.length, `terms of error text ${i}`);
      assert.deepEqual(Array.from(pk.ids.subarray(t0, t0 + e.ids.length)), Array.from(e.ids));
      assert.deepEqual(Array.from(pk.weights.subarray(t0, t0 + e.ids.length)), Array.from(e.weights));
      assert.deepEqual(
        Array.from(pk.flags.subarray(t0, t0 + e.ids.length), (f) => !!(f & VAR_AFTER)),
        Array.from(e.varAfter, Boolean),
      );
      assert.deepEqual(
        e.ids.reduce<number[]>((firsts, _, k) => (pk.flags[t0 + k] & FIRST ? [...firsts, k] : firsts), []),
        Array.from(e.firsts),
      );
      assert.deepEqual(
        e.units.map((_, k) => ({
          start: pk.unitFrom[u0 + k],
          end: pk.unitTo[u0 + k],
          nested: !!(pk.unitFlags[u0 + k] & NESTED),
          generic: !!(pk.unitFlags[u0 + k] & GENERIC),
          afterSentence: !!(pk.unitFlags[u0 + k] & AFTER_SENTENCE),
        })),
        e.units.map((u) => ({ start: u.start, end: u.end, nested: u.nested, generic: u.generic, afterSentence: u.afterSentence })),
      );
      assert.equal(pk.unitStart[i + 1] - u0, e.units.length);
      assert.deepEqual([pk.detailUnit[i], pk.information[i], pk.hasArrows[i]], [e.detailUnit, e.information, e.arrows.length ? 1 : 0]);
    });
  });

  it('is where the error texts are held: their ids and first occurrences are views on it, not arrays of their own', () => {
    const { index, pk } = fixtures();
    for (const e of index.errors) {
      assert.equal(e.ids.buffer, pk.ids.buffer);
      assert.equal(e.firsts.buffer, pk.firsts.buffer);
      assert.equal(e.weights.buffer, pk.weights.buffer);
    }
    assert.equal(index.packed, pk);
  });

  it('is built once per index', () => {
    const { index, pk } = fixtures();
    assert.equal(packedSignals(index), pk);
    assert.notEqual(packedSignals(buildSignals(builtinKnowledge().articles)), pk);
  });
});
