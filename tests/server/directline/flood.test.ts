import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import { registerWebChat, type WebChat } from '../../../src/server/directline';
import type { DirectLineLimits } from '../../../src/server/directline/options';
import { clientAddress, RateLimiter } from '../../../src/server/rateLimit';
import { EchoBot, MemoryLog, request, type Running, startServer, waitFor } from './helpers';

/**
 * Token floods over real HTTP: one address asking for tokens in a burst gets 429, and neither a burst nor
 * many addresses filling the store push out a conversation someone is chatting in (idle ones go first).
 */
describe('server/directline: token floods', () => {
  let running: Running;
  let webChat: WebChat;
  const dl = () => `${running.url}/v3/directline`;

  async function start(limits: Partial<DirectLineLimits>, trustProxy = 0): Promise<void> {
    const bot = new EchoBot();
    running = await startServer((server) => {
      webChat = registerWebChat(server, {
        mode: { kind: 'local' },
        logic: (context) => bot.run(context),
        onTurnError: async (_context: TurnContext, error: Error) => {
          throw error;
        },
        log: new MemoryLog().logger,
        limits,
        trustProxy,
      });
    });
  }

  afterEach(async () => {
    await webChat?.local?.idle();
    await running?.close();
  });

  /** A conversation someone is chatting in: started, and its message answered. */
  async function chatting(): Promise<{ token: string; conversationId: string; say(text: string, newerToken?: string): Promise<void> }> {
    const { token: first, conversationId } = (
      await request(`${dl()}/tokens/generate`, { method: 'POST', headers: { 'x-forwarded-for': '10.0.0.1' } })
    ).body;
    assert.equal((await request(`${dl()}/conversations`, { token: first, body: {} })).status, 201);
    const say = async (text: string, token = first) => {
      const sent = await request(`${dl()}/conversations/${conversationId}/activities`, { token, body: { type: 'message', text } });
      assert.equal(sent.status, 200, `the conversation still works: ${sent.text}`);
      const page = await waitFor(
        () => request(`${dl()}/conversations/${conversationId}/activities`, { token }),
        (res) => res.body?.activities?.some((a: { text?: string }) => a.text === `echo: ${text}`),
      );
      assert.ok(
        page.body.activities.some((a: { text?: string }) => a.text === `echo: ${text}`),
        `the echo of "${text}"`,
      );
    };
    await say('first');
    return { token: first, conversationId, say };
  }

  it('a burst of token requests from one address gets 429 with Retry-After, and a live conversation keeps working', async () => {
    await start({ maxConversations: 5, tokenRequestBurst: 4, tokenRequestsPerMinute: 1 });
    const live = await chatting();
    const statuses: number[] = [];
    let throttled: Awaited<ReturnType<typeof request<any>>> | undefined;
    for (let i = 0; i < 12; i++) {
      const res = await request(`${dl()}/tokens/generate`, { method: 'POST' });
      statuses.push(res.status);
      if (res.status === 429) throttled ??= res;
    }
    // The live conversation took one token of the same address's bucket (127.0.0.1: X-Forwarded-For is not trusted).
    assert.deepEqual(statuses, [200, 200, 200, ...Array(9).fill(429)]);
    assert.equal(throttled!.body.error.code, 'Throttled');
    assert.match(throttled!.body.error.message, /^Too many token requests from your address; try again in \d+ s\.$/);
    assert.ok(Number(throttled!.headers.get('retry-after')) >= 1);
    assert.equal(
      (await request(`${running.url}/api/directline/token`, { method: 'POST' })).status,
      429,
      'the page route shares the bucket',
    );

    // Refreshes have their own bucket: the live page can still refresh, until it floods too.
    const refreshes: number[] = [];
    let token = live.token;
    for (let i = 0; i < 6; i++) {
      const res = await request(`${dl()}/tokens/refresh`, { method: 'POST', token });
      refreshes.push(res.status);
      if (res.status === 200) token = res.body.token;
    }
    assert.deepEqual(refreshes, [200, 200, 200, 200, 429, 429]);
    await live.say('still here', token);
  });

  it('many addresses filling the store evict idle and unused conversations, not the one in use', async () => {
    await start({ maxConversations: 5, tokenRequestBurst: 2, tokenRequestsPerMinute: 1 }, 1);
    const live = await chatting();
    for (let i = 0; i < 30; i++) {
      // The live page polls, as Web Chat does twice a second.
      assert.equal((await request(`${dl()}/conversations/${live.conversationId}/activities`, { token: live.token })).status, 200);
      const res = await request(`${dl()}/tokens/generate`, { method: 'POST', headers: { 'x-forwarded-for': `203.0.113.${i + 10}` } });
      assert.equal(res.status, 200, 'each address has its own bucket behind a trusted proxy');
      // Some of the flood even start their conversations.
      if (i % 3 === 0) assert.equal((await request(`${dl()}/conversations`, { token: res.body.token, body: {} })).status, 201);
    }
    assert.equal(webChat.local!.store.size, 5);
    await live.say('not evicted');
    // A client address spoofed in front of the trusted proxy's entry does not get a fresh bucket.
    const spoofed = [1, 2, 3].map((n) => `198.51.100.${n}, 10.9.9.9`);
    const statuses = [];
    for (const header of spoofed)
      statuses.push((await request(`${dl()}/tokens/generate`, { method: 'POST', headers: { 'x-forwarded-for': header } })).status);
    assert.deepEqual(statuses, [200, 200, 429]);
  });

  it('refreshing a token many times keeps only the newest few valid, so the token table cannot be flushed', async () => {
    await start({ tokenRequestBurst: 100, tokenRequestsPerMinute: 1 });
    const live = await chatting();
    const other = await chatting();
    let token = live.token;
    for (let i = 0; i < 20; i++) token = (await request(`${dl()}/tokens/refresh`, { method: 'POST', token })).body.token;
    assert.equal((await request(`${dl()}/tokens/refresh`, { method: 'POST', token: live.token })).status, 403, 'the first token ended');
    assert.equal((await request(`${dl()}/conversations/${live.conversationId}/activities`, { token })).status, 200);
    await other.say('my token is untouched');
  });
});

describe('server/rateLimit', () => {
  it('a token bucket per client: burst, then one more per refill interval, and a Retry-After', () => {
    let now = 0;
    const limiter = new RateLimiter({ burst: 2, perMinute: 6 }, 100, () => now);
    assert.deepEqual(
      [limiter.take('a'), limiter.take('a'), limiter.take('a')],
      [{ ok: true }, { ok: true }, { ok: false, retryAfterSeconds: 10 }],
    );
    assert.deepEqual(limiter.take('b'), { ok: true }, 'another client has its own bucket');
    now += 10_000;
    assert.deepEqual(limiter.take('a'), { ok: true });
    assert.deepEqual(limiter.take('a'), { ok: false, retryAfterSeconds: 10 });
  });

  it('remembers at most maxClients, forgetting the longest-quiet one', () => {
    const limiter = new RateLimiter({ burst: 1, perMinute: 1 }, 2, () => 0);
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    assert.deepEqual(limiter.take('a'), { ok: true }, 'a was forgotten, so its bucket is full again');
    assert.equal(limiter.take('c').ok, false);
  });

  it('the client address: the socket, or behind trusted proxies the entry the outermost one appended', () => {
    const req = (xff?: string) =>
      ({ headers: xff === undefined ? {} : { 'x-forwarded-for': xff }, socket: { remoteAddress: '10.0.0.2' } }) as never;
    assert.equal(clientAddress(req('1.1.1.1'), 0), '10.0.0.2', 'not trusted: the header is ignored');
    assert.equal(clientAddress(req('6.6.6.6, 1.1.1.1'), 1), '1.1.1.1');
    assert.equal(clientAddress(req('6.6.6.6, 1.1.1.1, 10.0.0.9'), 2), '1.1.1.1');
    assert.equal(clientAddress(req('1.1.1.1'), 3), '1.1.1.1', 'fewer entries than proxies: the leftmost');
    assert.equal(clientAddress(req(), 1), '10.0.0.2', 'no header: the socket');
  });
});
