/**
 * The botbuilder classes the service uses, loaded without botbuilder's index (src/botbuilder.ts): they must be the
 * very classes botbuilder exports, and the service must not load its index and with it what it never uses.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import * as botbuilder from 'botbuilder';
import * as ours from '../src/botbuilder';
import { modulesLoadedBy } from './helpers/modules';
import { ROOT } from './helpers/tmp';

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

  it("loading the service leaves @azure/identity and @azure/msal-node unloaded (botframework-connector's index requires them)", () => {
    const modules = modulesLoadedBy('src/service.js');
    const under = (pkg: string) => modules.filter((m) => m.includes(path.join('node_modules', pkg) + path.sep));
    // In the module cache: only the stand-ins (src/deferModule.ts), under the packages' entry files.
    assert.deepEqual(
      under('@azure/identity').map((m) => path.basename(m)),
      ['index.js'],
    );
    assert.deepEqual(
      under('@azure/msal-node').map((m) => path.basename(m)),
      ['msal-node.cjs'],
    );
  });

  it('the deferred packages give botframework-connector their real classes when it uses them', () => {
    // A fresh process: this one loaded botbuilder's index (and with it the real packages) first.
    const script = `const { createRequire } = require('node:module');
      require(${JSON.stringify(path.join(ROOT, 'dist/src/service.js'))});
      const fromBotbuilder = createRequire(require.resolve('botbuilder'));
      const fromConnector = createRequire(createRequire(fromBotbuilder.resolve('botbuilder-core')).resolve('botframework-connector'));
      const before = Object.keys(require.cache).length;
      const credential = fromConnector('@azure/identity').DefaultAzureCredential;
      const client = fromConnector('@azure/msal-node').ConfidentialClientApplication;
      console.log(JSON.stringify({
        types: [typeof credential, typeof client],
        same: credential === fromConnector('@azure/identity').DefaultAzureCredential,
        loaded: Object.keys(require.cache).length - before,
      }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' })) as {
      types: string[];
      same: boolean;
      loaded: number;
    };
    assert.deepEqual(out.types, ['function', 'function']);
    assert.ok(out.same, 'later requires get the real module, with the same classes');
    assert.ok(out.loaded > 50, `the real packages loaded at the first use (${out.loaded} modules)`);
  });
});
