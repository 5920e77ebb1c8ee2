/**
 * The entry point end to end: `node dist/src/index.js` (what `npm start` runs) with a real
 * environment, reached over HTTP, replying to a stand-in connector, and stopped with SIGTERM.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startConnector, type StandInConnector } from './support/connector';
import { freePort, until, useEntryPerTest } from '../helpers/process';
import { emulatorMessage, postActivity } from '../helpers/service';
import { PASTES } from '../bot/support/harness';

describe('npm start (dist/src/index.js)', function () {
  this.timeout(30_000);
  const run = useEntryPerTest('pastefix-entry-');
  let connector: StandInConnector;

  beforeEach(async () => {
    connector = await startConnector();
  });
  afterEach(async () => {
    await connector.close();
  });

  it('starts with the built-in knowledge, logs the URL and that auth is off, answers, and stops on SIGTERM', async () => {
    const { entry: s, port } = await run.listen({ DATA_DIR: 'var' });
    const listening = s.lines.find((l) => l.msg === `PasteFix listening on http://127.0.0.1:${port}`);
    assert.equal(listening?.url, `http://127.0.0.1:${port}`);
    assert.ok(s.lines.some((l) => l.msg === 'authentication off: no MicrosoftAppId configured (local use only)'));
    assert.ok(s.lines.some((l) => l.msg === 'knowledge loaded' && l.articles === 1));
    assert.ok(!s.lines.some((l) => l.level === 40), 'no warning on loopback without auth');

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(health.status, 200);
    const body = (await health.json()) as { status: string; articles: number; version: string };
    assert.equal(body.status, 'ok');
    assert.equal(body.articles, 1);
    assert.equal(body.version, JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')).version);

    const res = await postActivity(`http://127.0.0.1:${port}`, emulatorMessage(connector.serviceUrl, PASTES.unknown, 'm1'));
    assert.equal(res.status, 200);
    assert.match(String(connector.received[0]?.activity.text), /^Sorry, I don't know this error/);
    // DATA_DIR is relative to the working directory; the unmatched paste is logged there.
    assert.ok(fs.readFileSync(path.join(run.dir, 'var', 'feedback.jsonl'), 'utf8').includes('"kind":"unmatched"'));

    s.child.kill('SIGTERM');
    assert.equal(await s.exited, 0);
  });

  it('warns loudly when authentication is off on a non-loopback address', async () => {
    const s = run.start({ PORT: String(await freePort()), HOST: '0.0.0.0' });
    const warning = await until(() => s.lines.find((l) => l.level === 40), 'the warning');
    assert.match(String(warning.msg), /^authentication is OFF and the bot listens on 0\.0\.0\.0/);
  });

  it('refuses to start on a bad configuration with a clear message and exit code 1', async () => {
    const started = run.start({ PORT: 'abc', MicrosoftAppType: 'Weird' });
    assert.equal(await started.exited, 1);
    // Nothing else on stderr: no deprecation notice from a dependency either (restify 11 printed DEP0111).
    assert.equal(
      started.stderr(),
      [
        'config: MicrosoftAppType must be one of MultiTenant, SingleTenant, UserAssignedMSI, got "Weird"',
        'config: PORT must be a number from 1 to 65535, got "abc"',
        '',
      ].join('\n'),
    );
  });
});
