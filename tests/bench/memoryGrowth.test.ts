import assert from 'node:assert/strict';
import { halvesText, memoryGrowth } from '../../bench/memoryGrowth';
import type { ServedMemory } from '../../bench/serving';

const reading = (rssMB: number, heapMB = 40, externalMB = 3.8) => ({ rssMB, heapMB, externalMB, arrayBuffersMB: 0.4 });

describe('bench/memoryGrowth', () => {
  it('tells memory that rises once and levels off from memory that keeps growing, by the halves of the rounds', () => {
    // What the allocator keeps: +22 MB over the first half, +2 over the last, the objects held flat.
    const levelsOff: ServedMemory = {
      warm: 204,
      end: 304,
      warmAfterGc: reading(171),
      endAfterGc: reading(195, 40.4),
      roundsAfterGc: [
        { ...reading(193), requests: 4500 },
        { ...reading(195, 40.4), requests: 9110 },
      ],
    };
    const g = memoryGrowth(levelsOff)!;
    assert.deepEqual(g.rss, { from: 171, to: 195 });
    assert.deepEqual(g.halves, { first: { rssMB: 22, requests: 4500 }, last: { rssMB: 2, requests: 4610 } });
    assert.equal(g.held!.from.toFixed(1), '43.8');
    assert.equal(g.held!.to.toFixed(1), '44.2');
    assert.equal(halvesText(g), 'first half of the rounds +22 MB over 4500 requests, last half +2 MB over 4610');

    // A leak: the same total, half of it in each half, and in the heap too.
    const leaks: ServedMemory = {
      ...levelsOff,
      endAfterGc: reading(195, 52),
      roundsAfterGc: [
        { ...reading(183, 46), requests: 4500 },
        { ...reading(195, 52), requests: 9110 },
      ],
    };
    assert.deepEqual(memoryGrowth(leaks)!.halves, { first: { rssMB: 12, requests: 4500 }, last: { rssMB: 12, requests: 4610 } });
  });

  it('leaves out the heap pages V8 keeps committed but empty, which it grows and shrinks on its own', () => {
    // The card echo bot of a serving run: RSS after a collection 104 → 118 → 134 MB with 65 → 81 → 97 MB committed.
    const at = (rssMB: number, heapTotalMB: number, requests?: number) => ({
      rssMB,
      heapMB: 27,
      heapTotalMB,
      externalMB: 3.6,
      requests: requests ?? 0,
    });
    const m: ServedMemory = {
      warm: 102,
      end: 134,
      warmAfterGc: at(104, 65),
      endAfterGc: at(134, 97, 188),
      roundsAfterGc: [at(118, 81, 92), at(134, 97, 188)],
    };
    const g = memoryGrowth(m)!;
    assert.deepEqual(g.rss, { from: 104, to: 134 });
    assert.deepEqual(g.resident, { from: 66, to: 64 });
    assert.equal(g.lessFreeHeap, true);
    assert.deepEqual(g.halves, { first: { rssMB: -2, requests: 92 }, last: { rssMB: 0, requests: 96 } });
    // One reading without heap total: the plain RSS throughout, said so.
    const old = memoryGrowth({ ...m, warmAfterGc: { rssMB: 104, heapMB: 27 } })!;
    assert.deepEqual(old.resident, { from: 104, to: 134 });
    assert.equal(old.lessFreeHeap, false);
    assert.deepEqual(old.halves!.first.rssMB, 14);
  });

  it('splits four rounds two and two, and shows a fall as a fall', () => {
    const m: ServedMemory = {
      warm: 173,
      end: 211,
      warmAfterGc: reading(151),
      endAfterGc: reading(96),
      roundsAfterGc: [100, 98, 97, 96].map((rss, i) => ({ ...reading(rss), requests: (i + 1) * 1000 })),
    };
    assert.deepEqual(memoryGrowth(m)!.halves, { first: { rssMB: -53, requests: 2000 }, last: { rssMB: -2, requests: 2000 } });
    assert.equal(halvesText(memoryGrowth(m)!), 'first half of the rounds −53 MB over 2000 requests, last half −2 MB over 2000');
  });

  it('has no halves with one round, no held memory without external, and nothing without the collections', () => {
    const one: ServedMemory = {
      warm: 120,
      end: 131,
      warmAfterGc: { rssMB: 110, heapMB: 45 },
      endAfterGc: { rssMB: 118, heapMB: 46.5 },
      roundsAfterGc: [{ rssMB: 118, heapMB: 46.5, requests: 1500 }],
    };
    const g = memoryGrowth(one)!;
    assert.equal(g.halves, null);
    assert.equal(g.held, null);
    assert.equal(halvesText(g), '');
    assert.equal(memoryGrowth({ warm: 120, end: 131 }), null);
    assert.equal(memoryGrowth({ warm: 120, end: 131, warmAfterGc: reading(110), endAfterGc: null }), null);
  });
});
