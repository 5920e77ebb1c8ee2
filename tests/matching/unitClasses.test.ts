import assert from 'node:assert/strict';
import { buildSignals } from '../../src/matching/signals';
import { unitClassesOf } from '../../src/matching/unitClasses';
import { englishArticle as article } from '../helpers/articles';

describe('matching/unitClasses', () => {
  it('puts units with the same words, weights and following word in one class, and tells the others apart', () => {
    const index = buildSignals([
      article('a', ['Marmot gateway failed. Sprocket handshake refused.']),
      article('b', ['Marmot gateway failed. Sprocket handshake refused.', 'Marmot gateway failed. Cog relay dropped.']),
    ]);
    const classes = unitClassesOf(index.packed);
    const units = (id: number) => Array.from(classes.of.subarray(index.packed.unitStart[id], index.packed.unitStart[id + 1]));
    const [a, b, c] = [0, 1, 2].map(units);
    // The same text in two articles: the same classes, unit by unit.
    assert.deepEqual(a, b);
    // "Marmot gateway failed." followed by another word: the pair across its end differs, so its class does too.
    assert.notEqual(c[0], a[0]);
    assert.notEqual(c[1], a[1]);
    assert.equal(unitClassesOf(index.packed), classes, 'made once per index');
  });
});
