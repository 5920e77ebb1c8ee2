/**
 * The entry point's wiring of the reliability pieces, in the real process (`node dist/src/index.js`):
 * knowledge edits go live without a restart (and a bad edit is refused), and with
 * STORAGE_CONNECTION_STRING the state and feedback log go to blob storage (Azurite).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import { startAzurite, type Azurite } from '../helpers/azurite';
import { startFaultyConnector, type FaultyConnector } from '../helpers/connector';
import { until, useEntryPerTest } from '../helpers/process';
import { message, postActivity } from '../helpers/service';
import { PASTES } from '../bot/support/harness';
import { articleYaml } from '../helpers/articles';

describe('reliability: the entry point wires reloads and storage', function () {
  this.timeout(60_000);
  // An entry still running after a test is stopped gracefully (SIGTERM) and waited for.
  const run = useEntryPerTest('pastefix-wiring-', 'SIGTERM');
  let connector: FaultyConnector;

  beforeEach(async () => {
    connector = await startFaultyConnector();
  });
  afterEach(async () => {
    await connector.close();
  });
  const articles = async (url: string) => ((await (await fetch(`${url}/healthz`)).json()) as { articles: number }).articles;

  it('a knowledge edit is live without a restart; a broken file is refused and the old knowledge keeps answering', async () => {
    const kb = path.join(run.dir, 'kb');
    fs.mkdirSync(kb);
    fs.writeFileSync(path.join(kb, 'alpha.yaml'), articleYaml('alpha', 'The frobnicator service could not bind its listener on port 8443'));
    const { entry, url } = await run.listen({ KNOWLEDGE_PATHS: 'kb' });
    assert.equal(await articles(url), 1);

    fs.writeFileSync(
      path.join(kb, 'beta.yaml'),
      articleYaml('beta', 'Zorblax replication queue exceeded its quota for mailbox database DB07'),
    );
    await until(() => entry.lines.some((l) => l.msg === 'knowledge reloaded'), 'the reload');
    assert.equal(await articles(url), 2);
    await postActivity(url, message(connector.serviceUrl, 'Zorblax replication queue exceeded its quota for mailbox database DB07'));
    await connector.waitForDelivered(1);
    assert.ok(JSON.stringify(connector.delivered[0]!.activity).includes('Article beta'), 'the new article answers');

    fs.writeFileSync(path.join(kb, 'beta.yaml'), 'id: beta\ntitle: [unclosed\n');
    await until(
      () => entry.lines.some((l) => l.msg === 'knowledge change refused; the last good knowledge base stays live'),
      'the refusal',
    );
    const problem = entry.lines.find((l) => typeof l.msg === 'string' && l.msg.startsWith('knowledge change refused: '));
    assert.match(
      String(problem?.msg),
      new RegExp(`^knowledge change refused: ${path.join(kb, 'beta.yaml').replace(/[.\\/]/g, '\\$&')}:\\d+: YAML syntax`),
    );
    assert.equal(await articles(url), 2);
  });

  describe('with blob storage', () => {
    let azurite: Azurite;
    before(async () => {
      azurite = await startAzurite();
    });
    after(async () => {
      await azurite?.stop();
    });

    it('keeps state and the feedback log in the container, and names the account without its key', async () => {
      const { entry, url } = await run.listen({ STORAGE_CONNECTION_STRING: azurite.connectionString, STORAGE_CONTAINER: 'entry-test' });
      const line = entry.lines.find((l) => l.storage === 'azure-blob');
      assert.equal(line?.account, `account devstoreaccount1, endpoint http://127.0.0.1:${azurite.port}/devstoreaccount1`);
      assert.ok(!JSON.stringify(entry.lines).includes('AccountKey'), 'no key in the log');

      await postActivity(url, message(connector.serviceUrl, PASTES.unknown));
      await connector.waitForDelivered(1);
      const names: string[] = [];
      for await (const blob of new ContainerClient(azurite.connectionString, 'entry-test').listBlobsFlat())
        names.push(decodeURIComponent(blob.name));
      assert.ok(
        names.some((n) => n.startsWith('feedback/')),
        names.join(', '),
      );
      assert.ok(
        names.some((n) => n.includes('/conversations/')),
        names.join(', '),
      );
      assert.ok(!fs.existsSync(path.join(run.dir, 'data', 'feedback.jsonl')), 'nothing in DATA_DIR');
    });
  });
});
