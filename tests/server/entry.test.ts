/**
 * The entry point end to end: `node dist/src/index.js` (what `npm start` runs) with a real
 * environment, reached over HTTP, replying to a stand-in connector, and stopped with SIGTERM.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startConnector, type StandInConnector } from './support/connector';
import { PASTES } from '../bot/support/harness';

const ENTRY = path.resolve(__dirname, '../../src/index.js');

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

interface Started {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  stderr: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>, cwd: string): Started {
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  const child = spawn(process.execPath, [ENTRY], {
    cwd,
    // A clean environment: nothing from the developer's shell or a .env leaks in.
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        lines.push({ raw: line });
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, stderr: () => stderr, exited };
}

async function waitFor<T>(probe: () => T | undefined, what: string, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('npm start (dist/src/index.js)', function () {
  this.timeout(30_000);
  let connector: StandInConnector;
  let started: Started | undefined;
  let dir: string;

  beforeEach(async () => {
    connector = await startConnector();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-entry-'));
  });
  afterEach(async () => {
    if (started && started.child.exitCode === null) {
      started.child.kill('SIGKILL');
      await started.exited;
    }
    started = undefined;
    await connector.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('starts with the built-in knowledge, logs the URL and that auth is off, answers, and stops on SIGTERM', async () => {
    const port = await freePort();
    started = start({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: 'var', LOG_LEVEL: 'info' }, dir);
    const s = started;
    const listening = await waitFor(() => s.lines.find((l) => l.msg === `PasteFix listening on http://127.0.0.1:${port}`), 'the listening log line');
    assert.equal(listening.url, `http://127.0.0.1:${port}`);
    assert.ok(s.lines.some((l) => l.msg === 'authentication off: no MicrosoftAppId configured (local use only)'));
    assert.ok(s.lines.some((l) => l.msg === 'knowledge loaded' && l.articles === 1));
    assert.ok(!s.lines.some((l) => l.level === 40), 'no warning on loopback without auth');

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    assert.equal(health.status, 200);
    const body = (await health.json()) as { status: string; articles: number; version: string };
    assert.equal(body.status, 'ok');
    assert.equal(body.articles, 1);
    assert.equal(body.version, JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')).version);

    const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'm1',
        channelId: 'emulator',
        serviceUrl: connector.serviceUrl,
        from: { id: 'user-1' },
        recipient: { id: 'bot' },
        conversation: { id: 'conv-1' },
        locale: 'en-US',
        text: PASTES.unknown,
      }),
    });
    assert.equal(res.status, 200);
    assert.match(String(connector.received[0]?.activity.text), /^Sorry, I don't know this error/);
    // DATA_DIR is relative to the working directory; the unmatched paste is logged there.
    assert.ok(fs.readFileSync(path.join(dir, 'var', 'feedback.jsonl'), 'utf8').includes('"kind":"unmatched"'));

    s.child.kill('SIGTERM');
    assert.equal(await s.exited, 0);
  });

  it('warns loudly when authentication is off on a non-loopback address', async () => {
    const port = await freePort();
    started = start({ PORT: String(port), HOST: '0.0.0.0' }, dir);
    const s = started;
    const warning = await waitFor(() => s.lines.find((l) => l.level === 40), 'the warning');
    assert.match(String(warning.msg), /^authentication is OFF and the bot listens on 0\.0\.0\.0/);
  });

  it('refuses to start on a bad configuration with a clear message and exit code 1', async () => {
    started = start({ PORT: 'abc', MicrosoftAppType: 'Weird' }, dir);
    assert.equal(await started.exited, 1);
    // restify 11 makes Node 20 print a DEP0111 deprecation warning on load; that is not ours to assert.
    const ours = started
      .stderr()
      .split('\n')
      .filter((line) => line && !line.startsWith('(node:') && !line.startsWith('(Use `node'));
    assert.equal(
      ours.join('\n'),
      [
        'config: MicrosoftAppType must be one of MultiTenant, SingleTenant, UserAssignedMSI, got "Weird"',
        'config: PORT must be a number from 1 to 65535, got "abc"',
      ].join('\n'),
    );
  });
});
