/**
 * Replies sent without the Azure pipeline (src/server/connectorReplies.ts) are the requests botbuilder's own
 * ConnectorClient sends: the same activities go through a stock client and through one made direct, to a real
 * HTTP server in this process, and path, body, headers and the answer are compared. Errors name the status.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CardFactory, ConfigurationBotFrameworkAuthentication, MessageFactory, type Activity } from 'botbuilder';
import { createConnectorHttpClient, ConnectorRequestError } from '../../src/server/connectorHttpClient';
import { proxyConfigured, sendRepliesDirectly } from '../../src/server/connectorReplies';
import { createLogger } from '../../src/logging';

interface Captured {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

type Client = Awaited<ReturnType<Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createConnectorFactory']>>['create']>>;

/** A claims identity as botbuilder builds one for a request without a token (authentication off). */
const ANONYMOUS = { claims: [], isAuthenticated: false, getClaimValue: () => null } as unknown as Parameters<
  ConfigurationBotFrameworkAuthentication['createConnectorFactory']
>[0];

/** Credentials that sign every request as botbuilder's would with a token in its cache. */
const SIGNING = {
  signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
    request.headers.set('authorization', 'Bearer token-from-the-cache');
    return request;
  },
};

/** Teams' kinds of conversation ids: a 1:1 chat, a channel thread (with `;messageid=`), a group chat. */
const CONVERSATIONS = ['a:1x2y3z-_AbC', '19:abc123@thread.tacv2;messageid=1712345678901', '19:meeting_Zm9v@thread.v2'];

/** Activities as the bot sends them (after TurnContext filled in the conversation reference). */
function activities(serviceUrl: string, conversationId: string): Partial<Activity>[] {
  const reference = {
    serviceUrl,
    channelId: 'msteams',
    from: { id: '28:bot', name: 'PasteFix' },
    recipient: { id: '29:user', name: 'Admin', aadObjectId: 'aad-1' },
    conversation: { id: conversationId, name: 'Exchange', conversationType: 'channel', tenantId: 'tenant-1', isGroup: true },
    locale: 'de-DE',
  };
  const text = MessageFactory.text('**Bekanntes Problem** – `Set-FederatedOrganizationIdentifier` schlägt fehl…');
  text.textFormat = 'markdown';
  const card = MessageFactory.attachment(
    CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Ursache • TLS 1.2', wrap: true }],
      actions: [{ type: 'Action.Submit', title: 'Hilfreich', data: { action: 'feedback', helpful: true, n: 1 } }],
    }),
    'Bekanntes Problem',
  );
  card.summary = 'Bekanntes Problem';
  return [
    { ...text, ...reference, replyToId: 'm-1' },
    { ...card, ...reference, replyToId: 'm-1', channelData: { notification: { alert: true } } },
    { type: 'typing', ...reference, replyToId: 'm-1' },
    { ...MessageFactory.text('hallo'), ...reference, entities: [{ type: 'clientInfo', locale: 'de-DE' }] },
  ];
}

describe('server: replies sent directly, as botbuilder sends them', function () {
  this.timeout(15_000);
  let server: http.Server;
  let serviceUrl: string;
  const captured: Captured[] = [];
  /** The status the server answers with next (then 201 again). */
  let answer: { status: number; body: string } | undefined;
  let nextId = 1;
  let stock: Client;
  let direct: Client;

  before(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        captured.push({
          method: req.method!,
          url: req.url!,
          headers: req.headers,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        });
        const reply = answer ?? { status: 201, body: JSON.stringify({ id: `reply-${nextId++}` }) };
        answer = undefined;
        res.writeHead(reply.status, { 'content-type': 'application/json' });
        res.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    // With a path and a trailing slash, as Teams' regional endpoints look.
    serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/emea/`;
    const logger = createLogger({ level: 'silent' });
    const httpClient = createConnectorHttpClient(logger, { attempts: 1 });
    const factory = await new ConfigurationBotFrameworkAuthentication({}, undefined, undefined, undefined, {
      httpClient,
    }).createConnectorFactory(ANONYMOUS);
    stock = await factory.create(serviceUrl, 'https://api.botframework.com');
    direct = sendRepliesDirectly(await factory.create(serviceUrl, 'https://api.botframework.com'), httpClient);
    assert.notEqual(stock.conversations.replyToActivity, direct.conversations.replyToActivity, 'two clients, one made direct');
    for (const client of [stock, direct]) (client as unknown as { credentials: typeof SIGNING }).credentials = SIGNING;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends with `client`; returns its answer and the request the server saw. */
  async function send(client: Client, conversationId: string, activity: Partial<Activity>) {
    const before = captured.length;
    const answered = activity.replyToId
      ? await client.conversations.replyToActivity(conversationId, activity.replyToId, activity)
      : await client.conversations.sendToConversation(conversationId, activity);
    assert.equal(captured.length, before + 1, 'one request per activity');
    return { answered: { id: answered.id }, request: captured[before]! };
  }

  for (const conversationId of CONVERSATIONS) {
    it(`sends the same requests as botbuilder's client: ${conversationId}`, async () => {
      for (const activity of activities(serviceUrl, conversationId)) {
        const theirs = await send(stock, conversationId, activity);
        const ours = await send(direct, conversationId, activity);
        assert.equal(ours.request.method, 'POST');
        assert.equal(ours.request.url, theirs.request.url);
        assert.ok(ours.request.url.startsWith('/emea/v3/conversations/'), ours.request.url);
        assert.deepEqual(ours.request.body, theirs.request.body);
        for (const header of ['content-type', 'x-ms-conversation-id', 'authorization'])
          assert.equal(ours.request.headers[header], theirs.request.headers[header], header);
        assert.equal(ours.request.headers.authorization, 'Bearer token-from-the-cache');
        // botbuilder's user agent with the runtime, without the name of the Azure pipeline.
        const [botbuilderPart, runtime] = String(theirs.request.headers['user-agent']).split(/\s+core-rest-pipeline\/\S+\s+/);
        assert.equal(String(ours.request.headers['user-agent']), `${botbuilderPart!.trim()} ${runtime}`);
        assert.match(String(ours.request.headers['x-ms-client-request-id']), /^[0-9a-f-]{36}$/);
        assert.deepEqual(Object.keys(ours.answered), ['id']);
        assert.match(ours.answered.id, /^reply-\d+$/);
      }
    });
  }

  it("a refused reply throws an error naming the status and the connector's message", async () => {
    answer = {
      status: 403,
      body: JSON.stringify({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } }),
    };
    const activity = activities(serviceUrl, CONVERSATIONS[0]!)[0]!;
    await assert.rejects(direct.conversations.replyToActivity(CONVERSATIONS[0]!, 'm-1', activity), (err: unknown) => {
      assert.ok(err instanceof ConnectorRequestError);
      assert.equal(err.status, 403);
      assert.equal(
        err.message,
        'connector: POST /emea/v3/conversations/a%3A1x2y3z-_AbC/activities/m-1 answered 403: BotNotInConversationRoster: The bot is not part of the conversation roster.',
      );
      return true;
    });
  });

  it('an answer without a body gives an empty id', async () => {
    answer = { status: 200, body: '' };
    const answered = await direct.conversations.sendToConversation(CONVERSATIONS[0]!, activities(serviceUrl, CONVERSATIONS[0]!)[3]!);
    assert.deepEqual(answered, { id: '' });
  });

  it('is not used when a proxy is configured (only the Azure pipeline applies it)', () => {
    assert.equal(proxyConfigured({}), false);
    assert.equal(proxyConfigured({ HTTPS_PROXY: 'http://proxy:3128' }), true);
    assert.equal(proxyConfigured({ http_proxy: 'http://proxy:3128' }), true);
  });
});
