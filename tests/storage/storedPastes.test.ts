/**
 * What a paste leaves in storage (issue 11, finding 9). The privacy statement says messages are not
 * stored, except masked in the feedback log; a clarify question must not keep the raw pasted line in
 * conversation state. Checked on what really lands: every value MemoryStorage holds, and every blob in
 * the Azure Blob container (Azurite), after a paste with a password is asked about, answered and rated.
 */
import assert from 'node:assert/strict';
import { ContainerClient } from '@azure/storage-blob';
import { MemoryStorage } from 'botbuilder';
import { blobSettings, createStorage } from '../../src/storage';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { startFaultyConnector, type FaultyConnector } from '../helpers/connector';
import { message, postActivity, startService, type Service } from '../helpers/service';
import { cardOf } from '../bot/support/harness';
import { allText } from '../bot/support/cards';

const SECRET = 'Sommer2024!';
/** A vague description (the bot asks which problem it is) on the same line as a password. */
const PASTE = `cloud archive cannot be opened, password=${SECRET} user=admin`;

describe('storage: no raw paste is stored (conversation state and feedback log)', function () {
  this.timeout(60_000);
  let connector: FaultyConnector;
  before(async () => {
    connector = await startFaultyConnector();
  });
  after(async () => {
    await connector.close();
  });

  /** Clarify, pick the candidate, rate the answer, paste again and leave it open; returns the replies. */
  async function converse(service: Service): Promise<{ ask: string; answer: string }> {
    const conversation = { id: 'a:privacy-conv', conversationType: 'personal' } as never;
    const say = async (text: string, value?: unknown) => {
      const before = connector.delivered.length;
      const res = await postActivity(service.url, message(connector.serviceUrl, text, { conversation, ...(value ? { value } : {}) }));
      assert.equal(res.status, 200);
      await connector.waitForDelivered(before + 1);
      return connector.delivered[before]!.activity;
    };
    const ask = await say(PASTE);
    const askCard = cardOf(ask);
    assert.ok(askCard, 'the bot asks which problem it is');
    const answer = await say('1');
    const answerCard = cardOf(answer)!;
    const helpful = (answerCard.actions as { data: Record<string, unknown> }[])[0]!.data;
    await say('', helpful);
    // Leave a clarify question open, so the pending choice is in state when we look.
    await say(PASTE);
    return { ask: allText(askCard), answer: allText(answerCard) };
  }

  it('MemoryStorage holds ids and the masked line, never the password', async () => {
    const memory: Record<string, string> = {};
    const service = await startService({ storage: new MemoryStorage(memory) });
    try {
      const { answer } = await converse(service);
      // The answer after the choice quotes the pasted line, masked.
      assert.ok(answer.includes('cloud archive cannot be opened, password=<secret> user=admin'), answer);
      assert.ok(!answer.includes(SECRET), 'the answer card does not echo the password');

      const stored = Object.values(memory).join('\n');
      assert.ok(stored.includes('"pending"'), `a clarify question is open in state: ${stored}`);
      assert.ok(!stored.includes(SECRET), `state holds the password: ${stored}`);
      const state = JSON.parse(Object.values(memory).find((v) => v.includes('"pending"'))!) as { pastefix: Record<string, any> };
      assert.deepEqual(state.pastefix.pending.candidates, [
        {
          article: 'exo-legacy-tls-hybrid',
          symptom: 'cloud-archive',
          evidence: 'cloud archive cannot be opened, password=<secret> user=admin',
        },
      ]);
      assert.equal(state.pastefix.pending.paste, 'cloud archive cannot be opened, password=<secret> user=admin');
    } finally {
      await service.stop();
    }
  });

  describe('Azure Blob Storage (Azurite)', () => {
    let azurite: Azurite;
    before(async () => {
      azurite = await startAzurite();
    });
    after(async () => {
      await azurite?.stop();
    });

    it('no blob in the container holds the password', async () => {
      const container = 'pastefix-privacy';
      const storage = createStorage({ blob: blobSettings(azurite.connectionString, container)!, dataDir: '/nonexistent' });
      const service = await startService({ storage: storage.state, feedbackLog: storage.feedbackLog });
      try {
        await converse(service);
        await storage.feedbackLog.flush();
      } finally {
        await service.stop();
      }
      const client = new ContainerClient(azurite.connectionString, container);
      const blobs: { name: string; text: string }[] = [];
      for await (const blob of client.listBlobsFlat()) {
        const body = await client.getBlobClient(blob.name).downloadToBuffer();
        blobs.push({ name: decodeURIComponent(blob.name), text: body.toString('utf8') });
      }
      assert.ok(
        blobs.some((b) => b.name.includes('conversations/a:privacy-conv') && b.text.includes('"pending"')),
        'state with the open question',
      );
      assert.ok(
        blobs.some((b) => b.name.startsWith('feedback/') && b.text.includes('password=<secret>')),
        'the masked feedback entry',
      );
      for (const blob of blobs) assert.ok(!blob.text.includes(SECRET), `${blob.name} holds the password: ${blob.text}`);
    });
  });
});
