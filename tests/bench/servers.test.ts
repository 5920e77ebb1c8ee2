import assert from 'node:assert/strict';
import { startFlags } from '../../bench/servers';

describe('bench/servers', () => {
  it("runs every bot with npm start's Node flags", () => {
    assert.deepEqual(startFlags('node --max-semi-space-size=32 dist/src/index.js'), ['--max-semi-space-size=32']);
    assert.deepEqual(startFlags('node dist/src/index.js'), []);
    // The committed start script is what the benchmark measures.
    assert.deepEqual(startFlags(), ['--max-semi-space-size=32']);
  });

  it('refuses a start script it cannot read the flags of', () => {
    assert.throws(
      () => startFlags('tsx src/index.ts'),
      new Error('bench: package.json\'s start script must be "node [--FLAG...] dist/src/index.js", got "tsx src/index.ts"'),
    );
    assert.throws(() => startFlags('node -r x dist/src/index.js'), /start script must be/);
  });
});
