/**
 * Several instances behind a load balancer, for real: two servers on different ports, each with its
 * own bot, sharing Azure Blob Storage in Azurite (started here). A clarify question asked by one is
 * answered by the other, and feedback from both lands in one log.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import { TEXTS } from '../../src/bot/texts';
import { blobSettings, createStorage, type ServiceStorage } from '../../src/storage';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { startFaultyConnector, type FaultyConnector } from '../helpers/connector';
import { message, postActivity, startService, type Service } from '../helpers/service';
import { cardOf, PASTES } from '../bot/support/harness';

const VAGUE = 'cloud archive cannot be opened';
const ARCHIVE_ANSWER = 'Users whose primary mailbox is on premises cannot open their archive mailbox';

describe('storage: two instances sharing Azure Blob Storage (Azurite)', function () {
  this.timeout(60_000);
  let azurite: Azurite;
  let connector: FaultyConnector;
  let a: Service;
  let b: Service;
  let storageA: ServiceStorage;
  let storageB: ServiceStorage;
  let container: string;
  let n = 0;

  before(async () => {
    azurite = await startAzurite();
  });
  after(async () => {
    await azurite?.stop();
  });

  beforeEach(async () => {
    connector = await startFaultyConnector();
    container = `pastefix-test-${++n}`;
    const blob = blobSettings(azurite.connectionString, container)!;
    storageA = createStorage({ blob, dataDir: '/nonexistent' });
    storageB = createStorage({ blob, dataDir: '/nonexistent' });
    a = await startService({ storage: storageA.state, feedbackLog: storageA.feedbackLog });
    b = await startService({ storage: storageB.state, feedbackLog: storageB.feedbackLog });
  });
  afterEach(async () => {
    await a.stop();
    await b.stop();
    await connector.close();
  });

  /** Posts to one instance and returns the reply it sent. */
  async function say(service: Service, text: string, extra: Parameters<typeof message>[2] = {}) {
    const before = connector.delivered.length;
    const res = await postActivity(
      service.url,
      message(connector.serviceUrl, text, { conversation: { id: 'a:shared-conv' } as never, ...extra }),
    );
    assert.equal(res.status, 200);
    await connector.waitForDelivered(before + 1);
    return connector.delivered[before]!.activity;
  }

  it('a clarify question asked on instance A is answered on instance B', async () => {
    assert.equal(storageA.kind, 'blob');
    const ask = await say(a, VAGUE);
    assert.ok(cardOf(ask), 'A asks with a clarify card');

    const answer = await say(b, '1');
    const text = JSON.stringify(cardOf(answer));
    assert.ok(text.includes(ARCHIVE_ANSWER), 'B answers the pending choice A stored');

    // The choice is used up, for both instances.
    assert.equal((await say(a, '1')).text, TEXTS.en.noPendingChoice);
  });

  it('state lives in the blob container, not in either process', async () => {
    await say(a, VAGUE);
    const blobs: string[] = [];
    for await (const blob of new ContainerClient(azurite.connectionString, container).listBlobsFlat())
      blobs.push(decodeURIComponent(blob.name));
    assert.ok(
      blobs.some((name) => name.includes('conversations/a:shared-conv')),
      blobs.join(', '),
    );
  });

  it('feedback and unmatched pastes from both instances land in one log, in order', async () => {
    // A: an answer, then "didn't help" on its card — pressed on B.
    const answer = await say(a, PASTES.federationEn);
    const notHelpful = (cardOf(answer)!.actions as { data: Record<string, unknown> }[])[1]!.data;
    await say(b, '', { value: notHelpful });
    // B: a paste nothing matches; A: "none of these" on a clarify.
    await say(b, PASTES.unknown);
    const ask = await say(a, `${VAGUE} for alice@contoso.com`);
    const none = (cardOf(ask)!.actions as { data: Record<string, unknown> }[]).at(-1)!.data;
    await say(a, '', { value: none });
    await Promise.all([storageA.feedbackLog.flush(), storageB.feedbackLog.flush()]);

    for (const reader of [storageA, storageB]) {
      const entries = await reader.readFeedback();
      assert.deepEqual(
        entries.map((e) => (e.kind === 'feedback' ? `feedback:${e.article}:${e.helpful}` : `unmatched:${e.reason}`)),
        ['feedback:exo-legacy-tls-hybrid:false', 'unmatched:none', 'unmatched:none-of-these'],
      );
      const masked = entries.at(-1)!;
      assert.ok(masked.kind === 'unmatched' && masked.paste.includes('<email>') && !masked.paste.includes('alice@'), 'pastes are masked');
    }
  });

  it('the shared log exports as JSON Lines that `kb gaps` reads', async () => {
    await say(a, PASTES.unknown);
    await say(b, PASTES.unknown.replace('mbx-42', 'mbx-43'));
    await Promise.all([storageA.feedbackLog.flush(), storageB.feedbackLog.flush()]);
    const env = { PATH: process.env.PATH ?? '', STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_CONTAINER: container };
    const dist = path.resolve(__dirname, '../../src/cli');
    const jsonl = execFileSync(process.execPath, [path.join(dist, 'feedbackExport.js')], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    assert.deepEqual(
      jsonl
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { kind: string }).kind),
      ['unmatched', 'unmatched'],
    );
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-export-'));
    try {
      fs.writeFileSync(path.join(dir, 'feedback.jsonl'), jsonl);
      const gaps = JSON.parse(
        execFileSync(process.execPath, [path.join(dist, 'kb.js'), 'gaps', '--data', dir, '--json'], { encoding: 'utf8' }),
      ) as { entries: number };
      assert.equal(gaps.entries, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('concurrent appends from both instances lose nothing', async () => {
    const entry = (i: number) =>
      ({
        kind: 'unmatched',
        reason: 'none',
        paste: `paste ${i}`,
        lang: 'en',
        channel: 'test',
        time: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      }) as const;
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? storageA : storageB).feedbackLog.append(entry(i))));
    const pastes = (await storageA.readFeedback()).map((e) => (e.kind === 'unmatched' ? e.paste : ''));
    assert.deepEqual(
      pastes,
      Array.from({ length: 40 }, (_, i) => `paste ${i}`),
    );
  });
});
