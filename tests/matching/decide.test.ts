import assert from 'node:assert/strict';
import { decide, THRESHOLDS } from '../../src/matching/decide';

const s = (...scores: number[]) => scores.map((score) => ({ score }));

describe('matching/decide', () => {
  it('answers a clear winner', () => {
    assert.deepEqual(decide(s(0.95, 0.5)), { decision: 'answer', offered: 1 });
    assert.deepEqual(decide(s(THRESHOLDS.answer)), { decision: 'answer', offered: 1 });
  });

  it('asks when two are close, even if both are strong', () => {
    assert.deepEqual(decide(s(0.95, 0.9, 0.3)), { decision: 'clarify', offered: 2 });
  });

  it('offers at most three candidates', () => {
    assert.deepEqual(decide(s(0.9, 0.88, 0.86, 0.85, 0.84)), { decision: 'clarify', offered: 3 });
  });

  it('asks about a single middling candidate instead of answering it', () => {
    assert.deepEqual(decide(s(0.6)), { decision: 'clarify', offered: 1 });
  });

  it('says none when nothing is strong enough, or there is nothing', () => {
    assert.deepEqual(decide(s(THRESHOLDS.candidate - 0.01, 0.2)), { decision: 'none', offered: 0 });
    assert.deepEqual(decide([]), { decision: 'none', offered: 0 });
  });
});
