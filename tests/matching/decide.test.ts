import assert from 'node:assert/strict';
import { decide } from '../../src/matching/decide';

const s = (...scores: number[]) => scores.map((score) => ({ score }));

// The boundaries are literal on purpose: a test built from THRESHOLDS would pass whatever they are set to.
describe('matching/decide', () => {
  it('answers a clear winner from 0.8 on, with a lead of 0.1', () => {
    assert.deepEqual(decide(s(0.95, 0.5)), { decision: 'answer', offered: 1 });
    assert.deepEqual(decide(s(0.8)), { decision: 'answer', offered: 1 });
    assert.deepEqual(decide(s(0.8, 0.7)), { decision: 'answer', offered: 1 });
    assert.deepEqual(decide(s(0.799)), { decision: 'clarify', offered: 1 });
    assert.deepEqual(decide(s(0.8, 0.701)), { decision: 'clarify', offered: 2 });
  });

  it('asks when two are close, even if both are strong', () => {
    assert.deepEqual(decide(s(0.95, 0.9, 0.3)), { decision: 'clarify', offered: 2 });
  });

  it('answers an error that other articles hold too, listing up to two of them after it', () => {
    const same = (score: number) => ({ score, sameError: ['detail:x'] });
    assert.deepEqual(decide([same(0.95), same(0.95), same(0.95), same(0.95)]), { decision: 'answer', offered: 3 });
    assert.deepEqual(decide([same(0.95), same(0.44), { score: 0.5 }]), { decision: 'answer', offered: 1 });
    // From 0.45 on, the same error held elsewhere is listed.
    assert.deepEqual(decide([same(0.95), same(0.45)]), { decision: 'answer', offered: 2 });
  });

  it('measures the lead against a match the winner outranked only as its container, when that one fit its own error better', () => {
    assert.deepEqual(decide([{ score: 0.81, contested: 0.92 }, { score: 0.71 }]), { decision: 'clarify', offered: 2 });
    assert.deepEqual(decide([{ score: 0.81, contested: 0.711 }, { score: 0.5 }]), { decision: 'clarify', offered: 1 });
    assert.deepEqual(decide([{ score: 0.81, contested: 0.71 }, { score: 0.5 }]), { decision: 'answer', offered: 1 });
  });

  it('offers at most three candidates, within 0.2 of the best', () => {
    assert.deepEqual(decide(s(0.9, 0.88, 0.86, 0.85, 0.84)), { decision: 'clarify', offered: 3 });
    assert.deepEqual(decide(s(0.7, 0.5, 0.49)), { decision: 'clarify', offered: 2 });
  });

  it('asks about a single middling candidate instead of answering it', () => {
    assert.deepEqual(decide(s(0.6)), { decision: 'clarify', offered: 1 });
    assert.deepEqual(decide(s(0.45)), { decision: 'clarify', offered: 1 });
  });

  it('says none below 0.45, or when there is nothing', () => {
    assert.deepEqual(decide(s(0.449, 0.2)), { decision: 'none', offered: 0 });
    assert.deepEqual(decide([]), { decision: 'none', offered: 0 });
  });
});
