/**
 * The shutdown sequence on its own, with stand-ins whose timing the test controls: the log is flushed
 * only after the server has closed AND the local web chat's turns (which run after their HTTP request
 * was answered) are done; the exit code says whether it finished. The real entry point is stopped with
 * SIGTERM in tests/reliability/shutdown.test.ts.
 */
import assert from 'node:assert/strict';
import { gracefulShutdown } from '../../src/server/shutdown';
import { memoryLogger } from '../bot/support/harness';

/** A promise with its resolve and reject, to finish a stand-in step when the test says so. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (err: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('server/shutdown: graceful stop', () => {
  function setUp(graceMs = 60_000) {
    const steps: string[] = [];
    const closed = deferred();
    const turns = deferred();
    const flushed = deferred();
    const exited = deferred<number>();
    const logs: Record<string, unknown>[] = [];
    const stop = gracefulShutdown({
      server: { close: (callback) => void closed.promise.then(() => (steps.push('server closed'), callback())) },
      inFlight: () => turns.promise.then(() => void steps.push('web chat turns done')),
      flush: () => (steps.push('flush'), flushed.promise),
      logger: memoryLogger(logs),
      graceMs,
      exit: (code) => (steps.push(`exit ${code}`), exited.resolve(code)),
    });
    return { steps, closed, turns, flushed, exited, logs, stop };
  }
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('waits for the web chat turns still running after the server closed, then flushes the log, then exits 0', async () => {
    const t = setUp();
    t.stop('SIGTERM');
    t.closed.resolve();
    await tick();
    assert.deepEqual(t.steps, ['server closed'], 'no flush while a web chat turn runs');
    t.turns.resolve();
    await tick();
    assert.deepEqual(t.steps, ['server closed', 'web chat turns done', 'flush']);
    t.flushed.resolve();
    assert.equal(await t.exited.promise, 0);
    assert.deepEqual(t.steps, ['server closed', 'web chat turns done', 'flush', 'exit 0']);
    assert.deepEqual(
      t.logs.map((l) => l.msg),
      ['shutting down: finishing the turns in progress', 'stopped'],
    );
  });

  it('waits for the server too when the web chat is idle first; a second signal changes nothing', async () => {
    const t = setUp();
    t.stop('SIGINT');
    t.stop('SIGINT');
    t.turns.resolve();
    await tick();
    assert.deepEqual(t.steps, ['web chat turns done']);
    t.closed.resolve();
    t.flushed.resolve();
    assert.equal(await t.exited.promise, 0);
    assert.equal(t.logs.filter((l) => l.msg === 'shutting down: finishing the turns in progress').length, 1);
  });

  it('exits 1 when the log cannot be flushed, saying so', async () => {
    const t = setUp();
    t.stop('SIGTERM');
    t.closed.resolve();
    t.turns.resolve();
    await tick();
    t.flushed.reject(new Error('disk full'));
    assert.equal(await t.exited.promise, 1);
    assert.ok(t.logs.some((l) => l.level === 50 && l.msg === 'shutting down: the feedback log could not be flushed'));
  });

  it('exits 1 after the grace period when a turn never ends', async () => {
    const t = setUp(20);
    t.stop('SIGTERM');
    t.closed.resolve();
    assert.equal(await t.exited.promise, 1);
    assert.ok(t.logs.some((l) => l.level === 50 && l.msg === 'turns still running after the grace period; exiting anyway'));
  });
});
