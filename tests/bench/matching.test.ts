import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { collectBetweenTurns, matchingFlags } from '../../bench/matching';
import { startFlags } from '../../bench/servers';

describe('bench/matching', () => {
  it("times the matcher with npm start's Node flags, and a collector the child can call between turns", () => {
    // The young generation the service runs with: how many timed calls a young collection lands in follows its size.
    assert.deepEqual(matchingFlags(), ['--expose-gc', ...startFlags()]);
    assert.ok(matchingFlags().includes('--max-semi-space-size=32'));
  });

  it('between turns, collects the garbage the engine before left in the old generation too', async () => {
    // The bench child runs with --expose-gc; here a fresh context gets `gc` once the flag is set.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
    // Two scavenges while it is reachable promote it, as scavenges during a slow baseline call promote its temporaries.
    const promoted = (): WeakRef<number[][]> => {
      const left = Array.from({ length: 100 }, (_, i) => [i]);
      gc({ type: 'minor' });
      gc({ type: 'minor' });
      return new WeakRef(left);
    };
    const ref = promoted();
    // A WeakRef keeps its target until the current job ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectBetweenTurns(gc);
    assert.equal(ref.deref(), undefined);
  });
});
