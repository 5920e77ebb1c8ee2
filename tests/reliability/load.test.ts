/**
 * Load through the real HTTP path: 200 conversations at once, 25 messages each (5 000 turns) through
 * /api/messages with the real bot and matcher, replies to a stand-in connector. Every message gets
 * exactly one reply, none lost or duplicated, no 5xx. No timing or memory bounds: how fast, and that
 * memory stays flat under load, are measured by `npm run bench` (serving).
 */
import assert from 'node:assert/strict';
import { message, postActivity, useServiceWithLeanConnector } from '../helpers/service';
import { PASTES } from '../bot/support/harness';

const CONVERSATIONS = 200;
const MESSAGES = 25;

/** What a user might send, in turn: an answer card, help, an unknown paste (logged), a greeting, a clarify and its choice. */
const SCRIPT = [PASTES.federationEn, 'help', PASTES.unknown, 'hello', 'cloud archive cannot be opened', '1', PASTES.federationDe, 'thanks'];

describe('reliability: load', function () {
  // Only a guard against a hang: on a busy shared machine 5 000 turns can take minutes.
  this.timeout(600_000);
  const running = useServiceWithLeanConnector();

  it(`${CONVERSATIONS} concurrent conversations × ${MESSAGES} messages: one reply each, no 5xx`, async () => {
    const statuses = new Map<number, number>();
    let sent = 0;
    const run = (from: number, to: number) =>
      Promise.all(
        Array.from({ length: CONVERSATIONS }, async (_, c) => {
          for (let m = from; m < to; m++) {
            const res = await postActivity(
              running.service.url,
              message(running.connector.serviceUrl, SCRIPT[m % SCRIPT.length]!, {
                id: `c${c}-m${m}`,
                conversation: { id: `conv-${c}` } as never,
              }),
            );
            await res.arrayBuffer();
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            sent++;
          }
        }),
      );

    await run(0, MESSAGES);

    assert.equal(sent, CONVERSATIONS * MESSAGES);
    assert.deepEqual([...statuses], [[200, CONVERSATIONS * MESSAGES]], 'every request answered 200');

    // Exactly one reply per message: none lost, none twice, each in its own conversation.
    const replies = new Map<string, number>();
    for (const d of running.connector.delivered) {
      assert.equal(d.replyToId?.split('-m')[0], d.conversationId.replace('conv-', 'c'), 'the reply went to its own conversation');
      replies.set(d.replyToId!, (replies.get(d.replyToId!) ?? 0) + 1);
    }
    assert.equal(running.connector.delivered.length, CONVERSATIONS * MESSAGES);
    assert.equal(replies.size, CONVERSATIONS * MESSAGES);
    assert.ok([...replies.values()].every((n) => n === 1));
    const errors = running.service.logs.filter((l) => (l.level as number) >= 50);
    assert.deepEqual(errors, [], 'no errors logged');
  });
});
