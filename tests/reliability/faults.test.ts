/**
 * Faults in the channel's connector, over real HTTP: the stand-in connector answers 500, throttles,
 * drops the connection, is down, or never answers. Replies are retried with backoff (short delays
 * here) where resending is safe, each failed attempt is logged, a reply is delivered at most once,
 * and the server keeps serving.
 */
import assert from 'node:assert/strict';
import { TEXTS } from '../../src/bot/texts';
import { startFaultyConnector, type Behaviour, type FaultyConnector } from '../helpers/connector';
import { healthy, message, postActivity, startService, type Service } from '../helpers/service';

// Short delays between attempts; the production time limit per attempt (10 s), so that a busy machine never
// turns an answer into a time-out. Only the test of a connector that never answers has a shorter one.
const RETRY = { attempts: 3, attemptTimeoutMs: 10_000, baseDelayMs: 20, maxDelayMs: 200 };
const HANG_LIMIT_MS = 3000;

describe('reliability: connector faults', function () {
  this.timeout(20_000);
  let connector: FaultyConnector;
  let service: Service;

  beforeEach(async () => {
    connector = await startFaultyConnector();
    service = await startService({ auth: { connector: RETRY } });
  });
  afterEach(async () => {
    await service.stop();
    await connector.close();
  });

  /** The first `failures` requests misbehave as `fault`, the rest are accepted. */
  const failFirst =
    (failures: number, fault: Behaviour) =>
    (n: number): Behaviour =>
      n <= failures ? fault : 'accept';
  const retries = () => service.logs.filter((l) => l.msg === 'connector request failed; retrying');

  for (const [name, fault, reason] of [
    ['answers 500', { status: 500 }, /^status 500$/],
    ['answers 503 with Retry-After', { status: 503, retryAfter: '1' }, /^status 503$/],
    ['throttles with 429', { status: 429, retryAfter: '0' }, /^status 429$/],
    ['closes the connection', 'drop', /^(ECONNRESET|UND_ERR_SOCKET)/],
  ] as [string, Behaviour, RegExp][]) {
    it(`the connector ${name} twice: retried, delivered once, logged`, async () => {
      connector.behaviour = failFirst(2, fault);
      const res = await postActivity(service.url, message(connector.serviceUrl, 'help', { id: 'm-1' }));
      assert.equal(res.status, 200);
      assert.equal(connector.delivered.length, 1, 'exactly one reply delivered');
      assert.equal(connector.delivered[0]!.replyToId, 'm-1');
      assert.equal(connector.attempts, 3);
      const logged = retries();
      assert.equal(logged.length, 2);
      for (const [i, line] of logged.entries()) {
        assert.equal(line.level, 40);
        assert.equal(line.attempt, i + 1);
        assert.match(String(line.failure), reason);
        assert.equal(line.method, 'POST');
        assert.equal(line.path, '/v3/conversations/a%3Aconv-1/activities/m-1');
        assert.equal(typeof line.retryInMs, 'number');
      }
    });
  }

  it('a connector that takes the request but never answers: waited for once, not resent (no duplicate), logged', async () => {
    await service.stop();
    service = await startService({ auth: { connector: { ...RETRY, attemptTimeoutMs: HANG_LIMIT_MS } } });
    connector.behaviour = failFirst(1, 'hang');
    const res = await postActivity(service.url, message(connector.serviceUrl, 'help', { id: 'slow' }));
    assert.ok(res.status < 500);
    assert.equal(retries().length, 0, 'not resent');
    const gaveUp = service.logs.find((l) => l.msg === 'connector request failed; giving up');
    assert.equal(gaveUp?.failure, `timeout: no answer within ${HANG_LIMIT_MS} ms after the request was sent`);
    // The turn failed; the apology (the connector's next request) got through.
    assert.equal(connector.attempts, 2);
    assert.equal(connector.delivered.length, 1);
    assert.equal(connector.delivered[0]!.activity.text, TEXTS.en.apology);
    assert.ok(await healthy(service.url));
  });

  it('gives up after the last attempt, logs it, and the server keeps serving', async () => {
    connector.behaviour = (n) => (n <= 6 ? { status: 500 } : 'accept');
    const res = await postActivity(service.url, message(connector.serviceUrl, 'help', { id: 'doomed' }));
    // The turn failed (its reply and the apology could not be sent); the channel still gets an answer.
    assert.ok(res.status < 500, `status ${res.status}`);
    assert.equal(connector.attempts, 6, 'three attempts for the reply, three for the apology');
    assert.equal(service.logs.filter((l) => l.msg === 'connector request failed; giving up').length, 2);
    assert.ok(service.logs.some((l) => l.msg === 'turn failed' && l.activityId === 'doomed'));

    assert.ok(await healthy(service.url));
    const next = await postActivity(service.url, message(connector.serviceUrl, 'help', { id: 'next' }));
    assert.equal(next.status, 200);
    assert.equal(connector.delivered.length, 1);
    assert.equal(connector.delivered[0]!.replyToId, 'next');
    assert.equal(connector.delivered[0]!.activity.text, TEXTS.en.helpMd);
  });

  it("a connector that always drops the connection: three attempts per reply, none added by the Azure pipeline's own retry", async () => {
    connector.behaviour = () => 'drop';
    const res = await postActivity(service.url, message(connector.serviceUrl, 'help', { id: 'dropped' }));
    assert.ok(res.status < 500, `status ${res.status}`);
    // ConnectorClient's default pipeline retries ECONNRESET itself (3 more times) when it sees it; our client
    // gives up with an error that pipeline passes on, so the reply and the apology take three attempts each.
    assert.equal(connector.attempts, 6);
    assert.equal(retries().length, 4);
    assert.equal(service.logs.filter((l) => l.msg === 'connector request failed; giving up').length, 2);
    assert.equal(connector.delivered.length, 0);
  });

  it('does not retry a refusal (403: the bot was removed from the conversation)', async () => {
    connector.behaviour = (n) => (n === 1 ? { status: 403 } : 'accept');
    await postActivity(service.url, message(connector.serviceUrl, 'help', { id: 'forbidden' }));
    // One attempt for the reply; the apology that follows is the second request.
    assert.equal(retries().length, 0);
    assert.equal(connector.attempts, 2);
  });

  it('a connector that is down entirely (connection refused) is retried, then given up; the server stays up', async () => {
    await connector.close();
    const res = await postActivity(service.url, message(connector.serviceUrl, 'help', { id: 'refused' }));
    assert.ok(res.status < 500);
    assert.ok(retries().some((l) => /^ECONNREFUSED/.test(String(l.failure))));
    assert.ok(await healthy(service.url));
    connector = await startFaultyConnector(); // afterEach closes it
  });
});
