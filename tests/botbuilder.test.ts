/**
 * The botbuilder classes the service uses, loaded without botbuilder's index (src/botbuilder.ts): they must be the
 * very classes botbuilder exports, and the service must not load its index and with it what it never uses.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import * as botbuilder from 'botbuilder';
import * as ours from '../src/botbuilder';
import { modulesLoadedBy } from './helpers/modules';

describe('botbuilder without its index', function () {
  this.timeout(60_000);

  it("gives botbuilder's own classes", () => {
    const names = Object.keys(ours);
    assert.ok(names.includes('CloudAdapter') && names.includes('TurnContext'), names.join(' '));
    for (const name of names) assert.equal(ours[name as keyof typeof ours], botbuilder[name as keyof typeof botbuilder], name);
  });

  it("loading the service loads CloudAdapter and botbuilder-core, not botbuilder's index, transcript store or speak middleware", () => {
    const modules = modulesLoadedBy('src/service.js');
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
