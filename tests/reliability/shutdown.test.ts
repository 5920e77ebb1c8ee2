/**
 * Graceful shutdown of the real entry point (`node dist/src/index.js`): SIGTERM arrives while a turn
 * is waiting on the connector; that turn still finishes (its reply delivered, its HTTP request
 * answered), the feedback log is written, new connections are refused, and the process exits 0.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startFaultyConnector, type FaultyConnector } from '../helpers/connector';
import { message, postActivity } from '../helpers/service';
import { PASTES } from '../bot/support/harness';

const ENTRY = path.resolve(__dirname, '../../src/index.js');

async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('reliability: graceful shutdown on SIGTERM', function () {
  this.timeout(40_000);
  let connector: FaultyConnector;
  let child: ChildProcess | undefined;
  let dir: string;

  beforeEach(async () => {
    connector = await startFaultyConnector();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-stop-'));
  });
  afterEach(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    child = undefined;
    await connector.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finishes the turn in flight, flushes the feedback log, refuses new connections, exits 0', async () => {
    const port = await freePort();
    const lines: Record<string, unknown>[] = [];
    child = spawn(process.execPath, [ENTRY], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: 'data', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        lines.push(JSON.parse(buffered.slice(0, nl)) as Record<string, unknown>);
        buffered = buffered.slice(nl + 1);
      }
    });
    child.stderr!.resume();
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    await until(() => lines.some((l) => typeof l.msg === 'string' && l.msg.startsWith('PasteFix listening')), 'the server to listen');
    const url = `http://127.0.0.1:${port}`;

    // The connector holds the reply for a while: the turn is in flight when SIGTERM arrives.
    connector.behaviour = () => ({ delayMs: 1500 });
    const inFlight = postActivity(url, message(connector.serviceUrl, PASTES.unknown, { id: 'in-flight' }));
    await until(() => connector.attempts === 1, 'the reply to reach the connector');
    child.kill('SIGTERM');
    await until(() => lines.some((l) => l.msg === 'shutting down: finishing the turns in progress'), 'the shutdown log line');

    // No new connections once shutting down.
    await assert.rejects(fetch(`${url}/healthz`));

    const res = await inFlight;
    assert.equal(res.status, 200, 'the turn in flight was answered');
    assert.equal(connector.delivered.length, 1);
    assert.equal(connector.delivered[0]!.replyToId, 'in-flight');
    assert.equal(await exited, 0);
    assert.ok(lines.some((l) => l.msg === 'stopped'));

    const log = fs.readFileSync(path.join(dir, 'data', 'feedback.jsonl'), 'utf8').trim().split('\n');
    assert.equal(log.length, 1);
    assert.equal((JSON.parse(log[0]!) as { kind: string }).kind, 'unmatched');
  });
});
