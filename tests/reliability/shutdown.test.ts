/**
 * Graceful shutdown of the real entry point (`node dist/src/index.js`): SIGTERM arrives while a turn
 * is waiting on the connector; that turn still finishes (its reply delivered, its HTTP request
 * answered), the feedback log is written, new connections are refused, and the process exits 0.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startFaultyConnector, type FaultyConnector } from '../helpers/connector';
import { until, useEntryPerTest } from '../helpers/process';
import { message, postActivity } from '../helpers/service';
import { PASTES } from '../bot/support/harness';

describe('reliability: graceful shutdown on SIGTERM', function () {
  this.timeout(40_000);
  const run = useEntryPerTest('pastefix-stop-');
  let connector: FaultyConnector;

  beforeEach(async () => {
    connector = await startFaultyConnector();
  });
  afterEach(async () => {
    await connector.close();
  });

  it('finishes the turn in flight, flushes the feedback log, refuses new connections, exits 0', async () => {
    const { entry, url } = await run.listen();
    const { child, lines, exited } = entry;

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

    const log = fs
      .readFileSync(path.join(run.dir, 'data', 'feedback.jsonl'), 'utf8')
      .trim()
      .split('\n');
    assert.equal(log.length, 1);
    assert.equal((JSON.parse(log[0]!) as { kind: string }).kind, 'unmatched');
  });
});
