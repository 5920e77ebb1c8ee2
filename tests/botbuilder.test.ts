/**
 * The botbuilder classes the service uses, loaded without botbuilder's index (src/botbuilder.ts): they must be the
 * very classes botbuilder exports, and the service must not load its index and with it what it never uses.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as botbuilder from 'botbuilder';
import * as ours from '../src/botbuilder';
import { ROOT } from './helpers/tmp';

describe('botbuilder without its index', function () {
  this.timeout(60_000);

  it("gives botbuilder's own classes", () => {
    const names = Object.keys(ours);
    assert.ok(names.includes('CloudAdapter') && names.includes('TurnContext'), names.join(' '));
    for (const name of names) assert.equal(ours[name as keyof typeof ours], botbuilder[name as keyof typeof botbuilder], name);
  });

  it("loading the service loads CloudAdapter and botbuilder-core, not botbuilder's index, transcript store or speak middleware", () => {
    const service = path.join(ROOT, 'dist/src/service.js');
    const out = execFileSync(
      process.execPath,
      ['-e', `require(${JSON.stringify(service)}); console.log(JSON.stringify(Object.keys(require.cache)))`],
      {
        encoding: 'utf8',
      },
    );
    const modules = JSON.parse(out) as string[];
    const loaded = (file: string) => modules.some((m) => m.endsWith(path.join('node_modules', file)));
    for (const used of ['botbuilder/lib/cloudAdapter.js', 'botbuilder-core/lib/index.js']) assert.ok(loaded(used), `${used} not loaded`);
    for (const unused of [
      'botbuilder/lib/index.js',
      'botbuilder/lib/fileTranscriptStore.js',
      'botbuilder/lib/setSpeakMiddleware.js',
      'fs-extra/lib/index.js',
    ])
      assert.ok(!loaded(unused), `${unused} was loaded`);
  });
});
