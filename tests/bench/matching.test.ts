import assert from 'node:assert/strict';
import { matchingFlags } from '../../bench/matching';
import { startFlags } from '../../bench/servers';

describe('bench/matching', () => {
  it("times the matcher with npm start's Node flags, and a collector the child can call between turns", () => {
    // The young generation the service runs with: how many timed calls a young collection lands in follows its size.
    assert.deepEqual(matchingFlags(), ['--expose-gc', ...startFlags()]);
    assert.ok(matchingFlags().includes('--max-semi-space-size=32'));
  });
});
