import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseGcProbeLine, PRODUCTION_ENV, startFlags } from '../../bench/servers';

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

  it("reads the GC probe's line in MB, with or without the memory outside the heap", () => {
    const MB = 2 ** 20;
    assert.deepEqual(
      parseGcProbeLine(
        `gc-probe {"rss":${200 * MB},"heapUsed":${40 * MB},"heapTotal":${112 * MB},"external":${4 * MB},"arrayBuffers":${MB / 2}}`,
      ),
      {
        rssMB: 200,
        heapMB: 40,
        heapTotalMB: 112,
        externalMB: 4,
        arrayBuffersMB: 0.5,
      },
    );
    assert.deepEqual(parseGcProbeLine(`gc-probe {"rss":${MB},"heapUsed":${MB}}`), { rssMB: 1, heapMB: 1 });
    assert.equal(parseGcProbeLine('listening 3978'), null);
    assert.equal(parseGcProbeLine('gc-probe {"rss":1'), null);
  });

  it('runs the bots with the environment README recommends for production, and README recommends what is measured', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const production = readme.slice(
      readme.indexOf('## Running in production'),
      readme.indexOf('\n## ', readme.indexOf('## Running in production') + 5),
    );
    assert.ok(Object.keys(PRODUCTION_ENV).length > 0);
    for (const [name, value] of Object.entries(PRODUCTION_ENV)) assert.ok(production.includes(`${name}=${value}`), `${name}=${value}`);
  });
});
