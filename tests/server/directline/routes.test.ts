import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import { registerWebChat, type WebChat } from '../../../src/server/directline';
import type { DirectLineLimits } from '../../../src/server/directline/options';
import { EchoBot, MemoryLog, request, type Running, startServer, waitFor } from './helpers';

/** HTTP-level tests of the local Direct Line 3.0 emulation, through a real restify server and a real bot. */
describe('server/directline: local Direct Line emulation over HTTP', () => {
  let running: Running;
  let webChat: WebChat;
  let bot: EchoBot;
  let log: MemoryLog;
  let turnErrors: Error[];
  /** Added to the real clock the emulation reads (tests move time forward without sleeping). */
  let skewMs = 0;
  const dl = () => `${running.url}/v3/directline`;

  async function start(limits: Partial<DirectLineLimits> = {}): Promise<void> {
    bot = new EchoBot();
    log = new MemoryLog();
    turnErrors = [];
    running = await startServer((server) => {
      webChat = registerWebChat(server, {
        mode: { kind: 'local' },
        logic: (context) => bot.run(context),
        onTurnError: async (context: TurnContext, error: Error) => {
          turnErrors.push(error);
          await context.sendActivity('Sorry, something went wrong.');
        },
        log: log.logger,
        limits,
        now: () => Date.now() + skewMs,
      });
    });
    skewMs = 0;
  }

  afterEach(async () => {
    await webChat?.local?.idle();
    await running?.close();
  });

  /** generate → start → wait for the welcome; returns the token and conversation id. */
  async function startConversation(locale?: string): Promise<{ token: string; conversationId: string }> {
    const generated = await request(`${dl()}/tokens/generate`, { method: 'POST' });
    assert.equal(generated.status, 200);
    const started = await request(`${dl()}/conversations`, {
      token: generated.body.token,
      body: locale ? { locale } : {},
    });
    assert.equal(started.status, 201, started.text);
    return { token: generated.body.token, conversationId: started.body.conversationId };
  }

  async function activities(token: string, conversationId: string, watermark = '') {
    return request(`${dl()}/conversations/${conversationId}/activities?watermark=${watermark}`, { token });
  }

  it('issues a token bound to a new conversation', async () => {
    await start();
    const res = await request(`${dl()}/tokens/generate`, { method: 'POST', body: { user: { id: 'dl_alice' } } });
    assert.equal(res.status, 200);
    assert.match(res.body.token, /^[A-Za-z0-9_-]{40,}$/);
    assert.match(res.body.conversationId, /^[A-Za-z0-9_-]{16,}$/);
    assert.equal(res.body.expires_in, 1800);
    assert.equal(res.headers.get('cache-control'), 'no-store');

    const started = await request(`${dl()}/conversations`, { token: res.body.token, body: {} });
    assert.equal(started.status, 201);
    assert.equal(started.body.conversationId, res.body.conversationId);
    assert.equal(started.body.token, res.body.token);
    assert.ok(!('streamUrl' in started.body), 'no WebSocket stream is offered');

    const again = await request(`${dl()}/conversations`, { token: res.body.token, body: {} });
    assert.equal(again.status, 200, 'a conversation already started answers 200, as Direct Line does');
    await webChat.local!.idle();
    const welcomes = bot.seen.filter((a) => a.type === 'conversationUpdate');
    assert.equal(welcomes.length, 1, 'the bot hears about the conversation once');
    assert.deepEqual(
      welcomes[0].membersAdded!.map((m) => m.id),
      ['pastefix', 'dl_alice'],
    );
  });

  it('refuses a malformed user id when generating a token', async () => {
    await start();
    const res = await request(`${dl()}/tokens/generate`, { method: 'POST', body: { user: { id: 'a b<script>' } } });
    assert.equal(res.status, 400);
    assert.deepEqual(res.body.error, {
      code: 'BadArgument',
      message: 'The token request is not valid: "user.id" must be 1-64 letters, digits or _.:@- characters.',
    });
    const notText = await request(`${dl()}/tokens/generate`, { method: 'POST', body: { user: { id: 42 } } });
    assert.equal(notText.body.error.message, 'The token request is not valid: "user.id" must be a string.');
  });

  it('sends the welcome in the locale the client started with', async () => {
    await start();
    const { token, conversationId } = await startConversation('de-DE');
    const page = await waitFor(
      () => activities(token, conversationId),
      (r) => r.body.activities.length > 0,
    );
    const welcome = page.body.activities[0];
    assert.equal(welcome.text, 'welcome (de-DE)');
    assert.equal(welcome.from.role, 'bot');
    assert.equal(welcome.from.id, 'pastefix');
    assert.equal(welcome.conversation.id, conversationId);
    assert.match(welcome.id, new RegExp(`^${conversationId}\\|\\d{7}$`));
  });

  it('answers 403 for a missing, unknown or expired token', async () => {
    await start({ tokenLifetimeSeconds: 1 });
    const none = await request(`${dl()}/conversations`, { body: {} });
    assert.equal(none.status, 403);
    assert.equal(none.body.error.code, 'TokenMissing');
    assert.equal(none.headers.get('access-control-allow-origin'), '*', 'errors carry CORS headers too');

    const unknown = await request(`${dl()}/conversations`, { token: 'not-a-token', body: {} });
    assert.equal(unknown.status, 403);
    assert.equal(unknown.body.error.code, 'TokenExpired');

    const { token, conversationId } = await startConversation();
    assert.equal((await activities(token, conversationId)).status, 200, 'valid before its lifetime is over');
    skewMs = 1000;
    const expired = await activities(token, conversationId);
    assert.equal(expired.status, 403);
    assert.match(expired.body.error.message, /expired/);
  });

  it('answers 404 for an unknown conversation and 403 for another one', async () => {
    await start();
    const a = await startConversation();
    const b = await startConversation();
    const unknown = await activities(a.token, 'no-such-conversation');
    assert.equal(unknown.status, 404);
    const other = await activities(a.token, b.conversationId);
    assert.equal(other.status, 403);
    assert.equal(other.body.error.code, 'BadToken');
  });

  it('echoes the user activity with id, clientActivityID, timestamp and role, then the bot reply', async () => {
    await start();
    const { token, conversationId } = await startConversation();
    const before = Date.now();
    const posted = await request(`${dl()}/conversations/${conversationId}/activities`, {
      token,
      body: {
        type: 'message',
        text: 'Get-Mailbox fails',
        from: { id: 'r_forged', name: 'Alice' },
        locale: 'en-US',
        channelData: { clientActivityID: 'client-123' },
        conversation: { id: 'forged' },
      },
    });
    assert.equal(posted.status, 200, posted.text);
    assert.match(posted.body.id, new RegExp(`^${conversationId}\\|\\d{7}$`));

    const page = await waitFor(
      () => activities(token, conversationId),
      (r) => r.body.activities.some((a: any) => a.text === 'echo: Get-Mailbox fails'),
    );
    const list = page.body.activities as any[];
    const echo = list.find((a) => a.id === posted.body.id);
    assert.ok(echo, 'the user activity is echoed back under the id the POST returned');
    assert.equal(echo.channelData.clientActivityID, 'client-123');
    assert.equal(echo.from.role, 'user');
    assert.equal(echo.from.name, 'Alice');
    assert.notEqual(echo.from.id, 'r_forged', "the token's user, not the one the client claims");
    assert.equal(echo.conversation.id, conversationId);
    assert.ok(Date.parse(echo.timestamp) >= before - 1000, 'timestamp is an ISO date of now');
    const reply = list.find((a) => a.text === 'echo: Get-Mailbox fails');
    assert.equal(reply.replyToId, posted.body.id);
    assert.equal(reply.from.role, 'bot');
    assert.equal(reply.recipient.id, echo.from.id);
    assert.ok(Date.parse(reply.timestamp) >= Date.parse(echo.timestamp));
    assert.equal(page.body.watermark, String(list.length), 'the watermark is the sequence number of the last activity');

    // The bot saw the activity as a Bot Framework channel would deliver it.
    const seen = bot.seen.find((a) => a.text === 'Get-Mailbox fails')!;
    assert.equal(seen.channelId, 'directline');
    assert.equal(seen.serviceUrl, running.url);
    assert.equal(seen.locale, 'en-US');
    assert.ok(seen.timestamp instanceof Date);
  });

  it('pages with the watermark and returns nothing new when up to date', async () => {
    await start({ maxActivitiesPerPage: 3 });
    const { token, conversationId } = await startConversation();
    for (let i = 1; i <= 4; i++) {
      const res = await request(`${dl()}/conversations/${conversationId}/activities`, { token, body: { type: 'message', text: `m${i}` } });
      assert.equal(res.status, 200);
    }
    await webChat.local!.idle();
    // welcome + 4 × (echo + reply) = 9 activities, 3 per page.
    const texts: string[] = [];
    let watermark = '';
    const watermarks: string[] = [];
    for (let i = 0; i < 4; i++) {
      const page = await activities(token, conversationId, watermark);
      assert.equal(page.status, 200);
      assert.ok(page.body.activities.length <= 3);
      texts.push(...page.body.activities.map((a: any) => a.text));
      watermark = page.body.watermark;
      watermarks.push(watermark);
    }
    assert.deepEqual(watermarks, ['3', '6', '9', '9']);
    assert.equal(texts.length, 9);
    assert.equal(texts[0], 'welcome (no locale)');
    assert.deepEqual(
      texts.filter((t) => t.startsWith('m')),
      ['m1', 'm2', 'm3', 'm4'],
    );
    assert.deepEqual(
      texts.filter((t) => t.startsWith('echo')),
      ['echo: m1', 'echo: m2', 'echo: m3', 'echo: m4'],
    );

    const bad = await activities(token, conversationId, 'abc');
    assert.equal(bad.status, 400);
    assert.match(bad.body.error.message, /watermark/);
  });

  it('keeps turns of one conversation in order', async () => {
    await start();
    const { token, conversationId } = await startConversation();
    await Promise.all(
      [1, 2, 3, 4, 5].map((i) =>
        request(`${dl()}/conversations/${conversationId}/activities`, { token, body: { type: 'message', text: `n${i}` } }),
      ),
    );
    await webChat.local!.idle();
    const page = await activities(token, conversationId);
    const list = page.body.activities as any[];
    for (const activity of list.filter((a) => a.from.role === 'bot' && a.replyToId)) {
      const question = list.find((a) => a.id === activity.replyToId);
      assert.equal(activity.text, `echo: ${question.text}`, 'each reply answers the activity it replies to');
    }
    const userOrder = list.filter((a) => a.from.role === 'user').map((a) => a.text);
    const replyOrder = list.filter((a) => a.replyToId).map((a) => a.text.replace('echo: ', ''));
    assert.deepEqual(replyOrder, userOrder, 'replies come in the order the messages arrived');
  });

  it('answers CORS preflights for the Authorization header', async () => {
    await start();
    const res = await fetch(`${dl()}/conversations/abc/activities`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://intranet.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /POST/);
  });

  it('refreshes a token: the new one works on the same conversation', async () => {
    await start();
    const { token, conversationId } = await startConversation();
    const refreshed = await request(`${dl()}/tokens/refresh`, { method: 'POST', token });
    assert.equal(refreshed.status, 200);
    assert.equal(refreshed.body.conversationId, conversationId);
    assert.notEqual(refreshed.body.token, token);
    const page = await activities(refreshed.body.token, conversationId);
    assert.equal(page.status, 200);
    const reconnect = await request(`${dl()}/conversations/${conversationId}?watermark=`, { token: refreshed.body.token });
    assert.equal(reconnect.status, 200);
    assert.equal(reconnect.body.conversationId, conversationId);
  });

  it('refuses malformed activities, oversized bodies and uploads with clear errors', async () => {
    await start({ maxBodyBytes: 2048 });
    const { token, conversationId } = await startConversation();
    const url = `${dl()}/conversations/${conversationId}/activities`;
    const noType = await request(url, { token, body: { text: 'x' } });
    assert.equal(noType.status, 400);
    assert.equal(noType.body.error.message, 'The activity is not valid: "type" must be one of message, event, typing, messageReaction.');
    const badText = await request(url, { token, body: { type: 'message', text: 42 } });
    assert.equal(badText.status, 400);
    assert.equal(badText.body.error.message, 'The activity is not valid: "text" must be a string.');
    // Fields the bot reads unchecked are checked here as on /api/messages, by their path.
    for (const [body, reason] of [
      [{ type: 'message', entities: [{ type: 'mention' }, { mentioned: {} }] }, '"entities[1].type" is missing'],
      [{ type: 'message', attachments: 'file' }, '"attachments" must be an array'],
      [{ type: 'message', channelData: [1] }, '"channelData" must be an object'],
      [{ type: 'message', from: { name: { first: 'x' } } }, '"from.name" must be a string'],
    ] as const) {
      const res = await request(url, { token, body });
      assert.equal(res.status, 400);
      assert.deepEqual(res.body.error, { code: 'BadArgument', message: `The activity is not valid: ${reason}.` });
    }
    const notJson = await request(url, { token, rawBody: '{"type": "mess', headers: { 'Content-Type': 'application/json' } });
    assert.equal(notJson.status, 400);
    const huge = await request(url, { token, body: { type: 'message', text: 'x'.repeat(5000) } });
    assert.equal(huge.status, 413);
    // Uploads are multipart only (tests/server/directline/upload.test.ts has the rest).
    const upload = await request(`${dl()}/conversations/${conversationId}/upload?userId=u`, { token, method: 'POST' });
    assert.equal(upload.status, 415);
    assert.equal(upload.body.error.message, 'Upload the message as multipart/form-data with a part "activity" and the images.');

    const fine = await request(url, { token, body: { type: 'message', text: 'still works' } });
    assert.equal(fine.status, 200, 'the service stays up');
  });

  it('runs the turn error handler when the bot fails, and keeps serving', async () => {
    await start();
    const { token, conversationId } = await startConversation();
    const url = `${dl()}/conversations/${conversationId}/activities`;
    await request(url, { token, body: { type: 'message', text: 'fail' } });
    await request(url, { token, body: { type: 'message', text: 'after' } });
    await webChat.local!.idle();
    assert.equal(turnErrors.length, 1);
    assert.equal(turnErrors[0].message, 'bot failed on purpose');
    const texts = (await activities(token, conversationId)).body.activities.map((a: any) => a.text);
    assert.ok(texts.includes('Sorry, something went wrong.'));
    assert.ok(texts.includes('echo: after'));
  });

  it('delivers an updated bot activity again under its id', async () => {
    await start();
    const { token, conversationId } = await startConversation();
    await request(`${dl()}/conversations/${conversationId}/activities`, { token, body: { type: 'message', text: 'edit' } });
    await webChat.local!.idle();
    const list = (await activities(token, conversationId)).body.activities as any[];
    const edited = list.filter((a) => a.text === 'after edit');
    assert.equal(edited.length, 1);
    assert.ok(!list.some((a) => a.text === 'before edit'), 'the old version is replaced');
    assert.equal(edited[0].from.role, 'bot');
  });

  it('throttles a client posting faster than the bot answers', async () => {
    await start({ maxQueuedTurns: 2 });
    const { token, conversationId } = await startConversation();
    await webChat.local!.idle();
    const url = `${dl()}/conversations/${conversationId}/activities`;
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => request(url, { token, body: { type: 'message', text: `slow ${i}` } })));
    const statuses = results.map((r) => r.status);
    assert.ok(statuses.includes(429), `some are throttled: ${statuses}`);
    const throttled = results.find((r) => r.status === 429)!;
    assert.equal(throttled.headers.get('retry-after'), '2');
  });
});

describe('server/directline: azure mode', () => {
  let running: Running;
  afterEach(async () => running?.close());

  it('turns the local emulation off', async () => {
    running = await startServer((server) => {
      registerWebChat(server, {
        mode: { kind: 'azure', secret: 's3cret', domain: 'http://127.0.0.1:9' },
        logic: async () => {},
        onTurnError: async () => {},
        log: new MemoryLog().logger,
      });
    });
    for (const path of ['/v3/directline/tokens/generate', '/v3/directline/conversations']) {
      const res = await request(`${running.url}${path}`, { method: 'POST', body: {} });
      assert.equal(res.status, 404, path);
    }
    const page = await request(`${running.url}/`);
    assert.equal(page.status, 200, 'the page is still served');
  });
});
