/**
 * HTTP-level tests: the real restify server with CloudAdapter and the real bot (built-in knowledge,
 * real Matcher), real activities posted to /api/messages, replies read from a stand-in connector.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { ConversationState, MemoryStorage, type Activity } from 'botbuilder';
import { PasteFixBot, type MatcherLike } from '../../src/bot/pasteFixBot';
import { FileFeedbackLog } from '../../src/storage/fileFeedbackLog';
import { TEXTS } from '../../src/bot/texts';
import { createAdapter } from '../../src/server/adapter';
import { createServer, listen, type ServerDeps } from '../../src/server/server';
import { allText, checkCard, findAll } from '../bot/support/cards';
import { cardOf, FEDERATION_COMMAND_FILLED, flakyMatcher, memoryLogger, PASTES, realMatcher } from '../bot/support/harness';
import { startConnector, type StandInConnector } from './support/connector';

interface Running {
  server: Server;
  url: string;
  logs: Record<string, unknown>[];
  dataDir: string;
}

const BOT_ID = '28:pastefix-bot';

async function startBot(overrides: Partial<ServerDeps> & { matcher?: () => MatcherLike; appId?: string } = {}): Promise<Running> {
  const logs: Record<string, unknown>[] = [];
  const logger = memoryLogger(logs);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-http-'));
  const bot = new PasteFixBot({
    matcher: overrides.matcher ?? realMatcher,
    conversationState: new ConversationState(new MemoryStorage()),
    feedbackLog: new FileFeedbackLog(dataDir),
    logger,
  });
  const adapter = createAdapter(
    overrides.appId
      ? {
          appId: overrides.appId,
          appPassword: 'not-a-real-secret',
          appType: 'SingleTenant',
          appTenantId: '11111111-2222-3333-4444-555555555555',
        }
      : { appType: 'MultiTenant' },
    logger,
  );
  const server = createServer({
    adapter,
    bot,
    logger,
    version: '9.9.9-test',
    knowledge: () => ({ articles: realMatcher().kb.articles.length }),
    ...overrides,
  });
  const address: AddressInfo = await listen(server, { port: 0, host: '127.0.0.1', authEnabled: !!overrides.appId }, logger);
  return { server, url: `http://127.0.0.1:${address.port}`, logs, dataDir };
}

function teamsActivity(connector: StandInConnector, extra: Partial<Activity>): Partial<Activity> {
  return {
    type: 'message',
    id: '1700000000001',
    timestamp: new Date(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    locale: 'de-DE',
    from: { id: '29:1user-aad', name: 'Alex Admin', aadObjectId: '6b4f0f2c-0000-4000-8000-000000000001' },
    recipient: { id: BOT_ID, name: 'PasteFix' },
    conversation: { id: 'a:1personal-chat', conversationType: 'personal', tenantId: 'tenant-1', isGroup: false, name: '' },
    channelData: { tenant: { id: 'tenant-1' } },
    textFormat: 'plain',
    ...extra,
  };
}

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('HTTP server with the Bot Framework protocol', () => {
  let connector: StandInConnector;
  let running: Running | undefined;

  beforeEach(async () => {
    connector = await startConnector();
  });
  afterEach(async () => {
    if (running) {
      await new Promise<void>((resolve) => running!.server.close(() => resolve()));
      fs.rmSync(running.dataDir, { recursive: true, force: true });
      running = undefined;
    }
    await connector.close();
  });

  it('GET /healthz: 200 with article count and version once the knowledge base is loaded', async () => {
    running = await startBot();
    const res = await fetch(`${running.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', articles: 1, version: '9.9.9-test' });
  });

  it('GET /healthz: 503 while the knowledge base is not loaded', async () => {
    running = await startBot({ knowledge: () => undefined });
    const res = await fetch(`${running.url}/healthz`);
    assert.equal(res.status, 503);
    assert.deepEqual(await res.json(), { error: { code: 'starting', message: 'The knowledge base is not loaded yet.' } });
  });

  it('Teams 1:1: posts the German answer card to the connector as a reply to the message', async () => {
    running = await startBot();
    const res = await post(running.url, teamsActivity(connector, { text: PASTES.federationDe }));
    assert.equal(res.status, 200);
    assert.equal(connector.received.length, 1);
    const [reply] = connector.received;
    assert.equal(reply!.conversationId, 'a:1personal-chat');
    assert.equal(reply!.replyToId, '1700000000001');
    assert.equal(reply!.activity.replyToId, '1700000000001');
    assert.equal(reply!.activity.from?.id, BOT_ID);
    assert.equal(reply!.activity.recipient?.id, '29:1user-aad');
    const card = cardOf(reply!.activity)!;
    assert.deepEqual(checkCard(card).problems, []);
    assert.equal(card.version, '1.5');
    assert.deepEqual(card.msteams, { width: 'Full' });
    assert.ok(allText(card).includes('Ursache'));
    const block = findAll(card, (o) => o.type === 'CodeBlock').find((b) => b.codeSnippet === FEDERATION_COMMAND_FILLED);
    assert.equal(block?.language, 'PowerShell');
    assert.match(String(reply!.activity.text), /^Bekanntes Problem: /);
  });

  it('Teams channel: removes the @mention and answers into the thread (conversation id with ;messageid=)', async () => {
    running = await startBot();
    const threadId = '19:a1b2c3@thread.tacv2;messageid=1700000000001';
    const res = await post(
      running.url,
      teamsActivity(connector, {
        text: `<at>PasteFix</at> ${PASTES.federationEn}`,
        locale: 'en-US',
        conversation: { id: threadId, conversationType: 'channel', tenantId: 'tenant-1', isGroup: true, name: '' },
        channelData: { tenant: { id: 'tenant-1' }, team: { id: '19:team@thread.tacv2' }, channel: { id: '19:a1b2c3@thread.tacv2' } },
        entities: [{ type: 'mention', text: '<at>PasteFix</at>', mentioned: { id: BOT_ID, name: 'PasteFix' } }],
      }),
    );
    assert.equal(res.status, 200);
    assert.equal(connector.received.length, 1);
    const [reply] = connector.received;
    assert.equal(reply!.conversationId, threadId, 'the reply goes to the thread of the message');
    assert.equal(reply!.replyToId, '1700000000001');
    assert.equal(reply!.activity.conversation?.id, threadId);
    const card = cardOf(reply!.activity)!;
    assert.deepEqual(checkCard(card).problems, []);
    assert.ok(allText(card).includes('Exchange Online no longer accepts TLS 1.0'));
  });

  it('Teams group chat: help in German, through the mention', async () => {
    running = await startBot();
    await post(
      running.url,
      teamsActivity(connector, {
        text: '<at>PasteFix</at> hilfe',
        conversation: { id: '19:chat@thread.v2', conversationType: 'groupChat', tenantId: 'tenant-1', isGroup: true, name: '' },
        entities: [{ type: 'mention', text: '<at>PasteFix</at>', mentioned: { id: BOT_ID, name: 'PasteFix' } }],
      }),
    );
    assert.equal(connector.received[0]?.activity.text, TEXTS.de.helpMd);
    assert.equal(connector.received[0]?.conversationId, '19:chat@thread.v2');
  });

  it('Teams install: membersAdded with the bot itself gets the welcome', async () => {
    running = await startBot();
    const res = await post(
      running.url,
      teamsActivity(connector, {
        type: 'conversationUpdate',
        text: undefined,
        membersAdded: [{ id: BOT_ID, name: '' }],
        channelData: { tenant: { id: 'tenant-1' }, eventType: 'teamMemberAdded', team: { id: '19:team@thread.tacv2' } },
        conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: 'tenant-1', isGroup: true, name: '' },
      }),
    );
    assert.equal(res.status, 200);
    assert.equal(connector.received.length, 1);
    assert.equal(connector.received[0]!.activity.text, TEXTS.de.welcomeMd);
  });

  it('no reply to other bots (role bot, or a Teams 28: id)', async () => {
    running = await startBot();
    const fromRole = await post(
      running.url,
      teamsActivity(connector, { channelId: 'webchat', text: PASTES.federationEn, from: { id: 'other', name: 'x', role: 'bot' } }),
    );
    const fromTeamsBot = await post(
      running.url,
      teamsActivity(connector, { text: PASTES.federationEn, from: { id: '28:another-bot', name: 'x' } }),
    );
    assert.equal(fromRole.status, 200);
    assert.equal(fromTeamsBot.status, 200);
    assert.deepEqual(connector.received, []);
  });

  it('a failing turn: apology to the user, error logged with the activity id, and the server keeps serving', async () => {
    const flaky = flakyMatcher(new Error('matcher down'));
    running = await startBot({ matcher: () => flaky });
    const first = await post(running.url, teamsActivity(connector, { id: 'act-1', text: PASTES.federationDe }));
    assert.equal(first.status, 200);
    assert.equal(connector.received[0]?.activity.text, TEXTS.de.apology);
    assert.equal(running.logs.find((l) => l.msg === 'turn failed')?.activityId, 'act-1');
    await post(running.url, teamsActivity(connector, { id: 'act-2', text: PASTES.federationDe }));
    assert.ok(cardOf(connector.received[1]?.activity), 'the next message is answered');
  });

  it('feedback from a card button is written to the log in DATA_DIR', async () => {
    running = await startBot();
    await post(running.url, teamsActivity(connector, { text: PASTES.federationDe }));
    const data = (cardOf(connector.received[0]!.activity)!.actions as { data: object }[])[0]!.data;
    await post(running.url, teamsActivity(connector, { id: '1700000000002', text: undefined, value: data }));
    assert.equal(connector.received[1]?.activity.text, TEXTS.de.feedbackThanks);
    const lines = fs.readFileSync(path.join(running.dataDir, 'feedback.jsonl'), 'utf8').trim().split('\n');
    assert.equal(lines.length, 1);
    assert.deepEqual(
      (({ kind, helpful, article, symptom, channel }) => ({ kind, helpful, article, symptom, channel }))(JSON.parse(lines[0]!)),
      { kind: 'feedback', helpful: true, article: 'exo-legacy-tls-hybrid', symptom: 'federation-trust', channel: 'msteams' },
    );
  });

  it('rejects bodies that are not activities with 400, and keeps serving', async () => {
    running = await startBot();
    assert.equal((await post(running.url, '{not json')).status, 400);
    assert.equal((await post(running.url, '[1, 2]')).status, 400);
    assert.equal((await post(running.url, { text: 'no type' })).status, 400);
    assert.equal((await fetch(`${running.url}/healthz`)).status, 200);
  });

  it('with an app id, requests without a Bot Framework token get 401', async () => {
    running = await startBot({ appId: '00000000-1111-2222-3333-444444444444' });
    const res = await post(running.url, teamsActivity(connector, { text: 'hello' }));
    assert.equal(res.status, 401);
    assert.deepEqual(connector.received, []);
  });
});
