import assert from 'node:assert/strict';
import { includesId, sharedIds, sortedIncludes } from '../../src/matching/sorted';

/** The helpers over ascending id lists (sorted.ts): the vocabulary ids of a paste's and an error text's words. */

const ids = (...n: number[]) => Int32Array.from(n);

describe('matching: ascending id lists (sorted.ts)', () => {
  it('finds an id anywhere in a list, at either end and in the middle, and no id that lies between two', () => {
    const list = ids(2, 5, 9, 14, 20);
    for (const id of [2, 5, 9, 14, 20]) assert.equal(sortedIncludes(list, id), true, `${id}`);
    for (const id of [0, 3, 10, 19, 21]) assert.equal(sortedIncludes(list, id), false, `${id}`);
    assert.equal(sortedIncludes(ids(), 1), false);
  });

  it('searches only the part of the list it is given', () => {
    const list = ids(2, 5, 9, 14, 20);
    assert.equal(sortedIncludes(list, 2, 1), false, 'before the part');
    assert.equal(sortedIncludes(list, 20, 0, 4), false, 'after the part');
    assert.equal(sortedIncludes(list, 14, 1, 4), true);
  });

  it('counts no unknown term (a word with no id) as held', () => {
    assert.equal(includesId(ids(0, 3), undefined), false);
    assert.equal(includesId(ids(0, 3), 0), true);
    assert.equal(includesId(ids(0, 3), 1), false);
  });

  it('counts the ids two lists share, wherever they lie in each', () => {
    assert.equal(sharedIds(ids(1, 4, 6, 9), ids(2, 4, 5, 9, 12)), 2);
    assert.equal(sharedIds(ids(2, 4, 5, 9, 12), ids(1, 4, 6, 9)), 2, 'either order');
    assert.equal(sharedIds(ids(1, 2, 3), ids(1, 2, 3)), 3, 'the same list');
    assert.equal(sharedIds(ids(10, 20), ids(1, 2, 3, 10)), 1, 'the last id of one list');
    assert.equal(sharedIds(ids(1, 2, 3), ids(4, 5)), 0, 'one list wholly before the other');
    assert.equal(sharedIds(ids(7, 8), ids(1, 2, 7, 8)), 2, 'the shared ids after the other list’s first ones');
    assert.equal(sharedIds(ids(), ids(1)), 0);
    assert.equal(sharedIds(ids(1), ids()), 0);
  });
});
