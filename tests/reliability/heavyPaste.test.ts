/**
 * One heavy paste must not starve everyone else (issue 11): a 200,000-character worst-case paste posted
 * to the real server's /api/messages is answered, and /healthz, polled all the while, keeps answering.
 * Matching runs on the event loop, so what /healthz waits is how long one step of one paste blocks it (the
 * matcher reads at most a 20,000-character cut, and the bot lets the loop through between its steps):
 * compared with a plain paste of the same length in the same run, and held to a generous 2 s (the target
 * is 200 ms, measured in `npm run bench`; before the fix this paste blocked for about a minute).
 */
import assert from 'node:assert/strict';
import { errorFragments } from '../fuzz/arbitraries';
import { startFaultyConnector, type FaultyConnector } from '../helpers/connector';
import { message, postActivity, startService, type Service } from '../helpers/service';

const PASTE_CHARS = 200_000;
/** How much longer /healthz may wait during the hostile paste than during the plain one. */
const SLOWER_AT_MOST = 10;
/** Ten times the 200 ms target: generous for a shared machine, a minute less than before. */
const HEALTHZ_MS_AT_MOST = 2_000;

/** The shapes that were quadratic or worse: dotted and hyphenated runs, spaces before a colon, nested brackets. */
const HOSTILE: Record<string, string> = {
  'a.a.a.…': 'a.'.repeat(PASTE_CHARS / 2),
  'a-a-a-…': 'a-'.repeat(PASTE_CHARS / 2),
  'Error:   …': `Error:${' '.repeat(PASTE_CHARS - 8)}\n:`,
  '((((…))))': '('.repeat(PASTE_CHARS / 2) + ')'.repeat(PASTE_CHARS / 2),
};

function plainPaste(): string {
  const log = errorFragments()
    .map((e, i) => `2026-11-28 10:${String(i % 60).padStart(2, '0')}:00 ${e}`)
    .join('\n');
  return log.repeat(Math.ceil(PASTE_CHARS / log.length)).slice(0, PASTE_CHARS);
}

/**
 * Posts `text` as one message and polls /healthz until the bot's reply has arrived. Returns the longest
 * /healthz wait, and the reply.
 */
async function postWhilePolling(service: Service, connector: FaultyConnector, text: string, id: string) {
  const before = connector.delivered.length;
  let done = false;
  let worst = 0;
  const statuses = new Set<number>();
  const poll = async () => {
    while (!done) {
      const start = performance.now();
      const res = await fetch(`${service.url}/healthz`);
      await res.arrayBuffer();
      worst = Math.max(worst, performance.now() - start);
      statuses.add(res.status);
    }
  };
  // Two pollers, so that one request is always waiting while the paste is matched.
  const pollers = [poll(), poll()];
  const res = await postActivity(service.url, message(connector.serviceUrl, text, { id, conversation: { id: `conv-${id}` } as never }));
  await res.arrayBuffer();
  await connector.waitForDelivered(before + 1, 60_000);
  done = true;
  await Promise.all(pollers);
  return { status: res.status, worst, statuses, reply: connector.delivered[before]! };
}

describe('reliability: one heavy paste does not starve the service', function () {
  this.timeout(300_000);
  let connector: FaultyConnector;
  let service: Service;

  before(async () => {
    connector = await startFaultyConnector();
    service = await startService({ logLevel: 'warn' });
    await postWhilePolling(service, connector, plainPaste(), 'warm-up');
  });
  after(async () => {
    await service.stop();
    await connector.close();
  });

  // With every pattern linear and the matcher reading at most a 20,000-character cut, a long log of real error lines
  // is the costliest shape: the TLS diagnosis and the placeholder values read all of its lines.
  it(`a ${PASTE_CHARS.toLocaleString('en')}-character log of error lines is answered while /healthz keeps answering`, async () => {
    const log = await postWhilePolling(service, connector, plainPaste(), 'log');
    assert.equal(log.status, 200);
    assert.equal(log.reply.activity.type, 'message', 'the paste got an answer');
    assert.deepEqual([...log.statuses], [200], '/healthz answered 200 throughout');
    assert.ok(log.worst <= HEALTHZ_MS_AT_MOST, `/healthz waited ${log.worst.toFixed(0)} ms during the paste`);
  });

  for (const [index, [name, text]] of Object.entries(HOSTILE).entries()) {
    it(`a ${PASTE_CHARS.toLocaleString('en')}-character paste of ${name} is answered while /healthz keeps answering`, async () => {
      const plain = await postWhilePolling(service, connector, plainPaste(), `plain-${index}`);
      const hostile = await postWhilePolling(service, connector, text, `hostile-${index}`);
      assert.equal(hostile.status, 200);
      assert.equal(hostile.reply.activity.type, 'message', 'the paste got an answer');
      assert.deepEqual([...hostile.statuses], [200], '/healthz answered 200 throughout');
      assert.ok(
        hostile.worst <= Math.max(SLOWER_AT_MOST * plain.worst, HEALTHZ_MS_AT_MOST),
        `/healthz waited ${hostile.worst.toFixed(0)} ms during the paste, ${plain.worst.toFixed(0)} ms during a plain one`,
      );
      assert.ok(hostile.worst <= HEALTHZ_MS_AT_MOST, `/healthz waited ${hostile.worst.toFixed(0)} ms during the paste`);
    });
  }
});
