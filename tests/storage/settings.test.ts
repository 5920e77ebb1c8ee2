import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { blobSettings, createStorage, StorageFeedbackLog } from '../../src/storage';
import type { LogEntry } from '../../src/bot/feedbackLog';

const KEY = 'c2VjcmV0LWFjY291bnQta2V5LXZhbHVlLXRoYXQtbXVzdC1ub3QtbGVhaw==';
const GOOD = `DefaultEndpointsProtocol=https;AccountName=pastefixprod;AccountKey=${KEY};EndpointSuffix=core.windows.net`;

describe('storage: settings and the storage-backed feedback log', () => {
  it('no connection string: this machine only', () => {
    assert.equal(blobSettings(undefined, undefined), undefined);
  });

  it('accepts account-key, SAS and development connection strings; the container defaults to pastefix', () => {
    assert.deepEqual(blobSettings(GOOD, undefined), { connectionString: GOOD, container: 'pastefix' });
    const sas = 'BlobEndpoint=https://x.blob.core.windows.net/;SharedAccessSignature=sv=2024-01-01&sig=abc%3D';
    assert.equal(blobSettings(sas, 'bot-state')!.container, 'bot-state');
    assert.ok(blobSettings('UseDevelopmentStorage=true;', undefined));
  });

  it('refuses unusable values with messages that name the variable and never repeat the secret', () => {
    const messageOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return (err as Error).message;
      }
      return 'no error';
    };
    const broken = `AccountName=pastefixprod;Key=${KEY}`;
    const message = messageOf(() => blobSettings(broken, undefined));
    assert.equal(
      message,
      'storage: STORAGE_CONNECTION_STRING must be an Azure Storage connection string with AccountName and AccountKey ' +
        '(or BlobEndpoint and SharedAccessSignature); copy it from the storage account\'s "Access keys"',
    );
    assert.ok(!message.includes(KEY));
    assert.equal(
      messageOf(() => blobSettings(GOOD, 'Bad_Name')),
      'storage: STORAGE_CONTAINER must be 3–63 lowercase letters, digits and single hyphens, got "Bad_Name"',
    );
    assert.equal(
      messageOf(() => blobSettings(GOOD, 'a--b')),
      'storage: STORAGE_CONTAINER must be 3–63 lowercase letters, digits and single hyphens, got "a--b"',
    );
    assert.equal(
      messageOf(() => blobSettings(undefined, 'pastefix')),
      'storage: STORAGE_CONTAINER is set but STORAGE_CONNECTION_STRING is not; set both or neither',
    );
  });

  it('local storage: memory state and the JSON Lines file log in the data folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-store-'));
    try {
      const storage = createStorage({ dataDir: dir });
      assert.equal(storage.kind, 'local');
      assert.ok(storage.state instanceof MemoryStorage);
      const entry: LogEntry = {
        kind: 'unmatched',
        reason: 'none',
        paste: 'x',
        lang: 'de',
        channel: 'test',
        time: '2026-01-01T00:00:00.000Z',
      };
      await storage.feedbackLog.append(entry);
      assert.deepEqual(await storage.readFeedback(), [entry]);
      assert.ok(fs.existsSync(path.join(dir, 'feedback.jsonl')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('StorageFeedbackLog writes one item per entry under time-ordered keys that never collide', async () => {
    const memory = new MemoryStorage();
    const a = new StorageFeedbackLog(memory, { instance: 'A' });
    const b = new StorageFeedbackLog(memory, { instance: 'B' });
    const entry = (paste: string): LogEntry => ({
      kind: 'unmatched',
      reason: 'none',
      paste,
      lang: 'en',
      channel: 'test',
      time: '2026-01-01T00:00:00.000Z',
    });
    await Promise.all([a.append(entry('1')), b.append(entry('2')), a.append(entry('3'))]);
    await Promise.all([a.flush(), b.flush()]);
    const keys = [
      'feedback/2026-01-01T00:00:00.000Z-a-000001',
      'feedback/2026-01-01T00:00:00.000Z-a-000002',
      'feedback/2026-01-01T00:00:00.000Z-b-000001',
    ];
    const items = await memory.read(keys);
    assert.deepEqual(
      keys.map((k) => (items[k] as { entry: { paste: string } }).entry.paste),
      ['1', '3', '2'],
    );
  });
});
