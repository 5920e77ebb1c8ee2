/**
 * Turning authentication on closes every way into the bot, in the real process (`node dist/src/index.js`):
 * with MicrosoftAppId set and nothing else about the web chat, the local Direct Line does not exist (404)
 * and /api/messages refuses unsigned requests (401). `WEBCHAT_LOCAL=on` opens the local Direct Line again,
 * on purpose, and the start-up log warns loudly that it has no sign-in.
 */
import assert from 'node:assert/strict';
import { useEntryPerTest } from '../helpers/process';
import { message, postActivity } from '../helpers/service';

const APP = { MicrosoftAppId: '11111111-2222-3333-4444-555555555555', MicrosoftAppPassword: 'not-a-real-secret' };
const WARNING = 'WEBCHAT_LOCAL=on with authentication on: the local web chat (/v3/directline) has NO sign-in';

async function post(url: string, token?: string, body: unknown = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

describe('reliability: no side door around authentication', function () {
  this.timeout(30_000);
  const run = useEntryPerTest('pastefix-sidedoor-', 'SIGTERM');

  it('with MicrosoftAppId set and nothing else: /v3/directline/* answers 404, /api/messages 401 unsigned', async () => {
    const { entry, url } = await run.listen(APP);
    const dl = `${url}/v3/directline`;
    for (const [method, path] of [
      ['POST', '/tokens/generate'],
      ['POST', '/tokens/refresh'],
      ['POST', '/conversations'],
      ['GET', '/conversations/abc'],
      ['GET', '/conversations/abc/activities'],
      ['POST', '/conversations/abc/activities'],
    ] as const) {
      const res = method === 'POST' ? await post(`${dl}${path}`) : await fetch(`${dl}${path}`);
      assert.equal(res.status, 404, `${method} ${path}: ${await res.text()}`);
    }
    const token = await post(`${url}/api/directline/token`);
    assert.equal(token.status, 404);
    assert.deepEqual(await token.json(), { error: { code: 'WebChatOff', message: 'The web chat is not enabled on this server.' } });

    const unsigned = await postActivity(url, message('http://127.0.0.1:9/', 'hello'));
    assert.equal(unsigned.status, 401);
    assert.equal(((await unsigned.json()) as { error: { code: string } }).error.code, 'unauthorized');

    const off = entry.lines.find((l) => l.directLine === 'off');
    assert.match(
      String(off?.msg),
      /^web chat: off \(authentication is on and there is no DIRECT_LINE_SECRET; \/v3\/directline answers 404\)/,
    );
    assert.ok(!entry.lines.some((l) => String(l.msg).startsWith(WARNING)), 'no warning: nothing is open');
  });

  it('WEBCHAT_LOCAL=on opens the local Direct Line with authentication on, and warns loudly at start-up', async () => {
    const { entry, url } = await run.listen({ ...APP, WEBCHAT_LOCAL: 'on' });
    const warning = entry.lines.find((l) => String(l.msg).startsWith(WARNING));
    assert.equal(warning?.level, 40, 'logged as a warning');
    assert.match(String(warning?.msg), new RegExp(`anyone who can reach port ${new URL(url).port} can talk to the bot`));

    const generated = await post(`${url}/v3/directline/tokens/generate`);
    assert.equal(generated.status, 200);
    const { token, conversationId } = (await generated.json()) as { token: string; conversationId: string };
    assert.equal((await post(`${url}/v3/directline/conversations`, token)).status, 201);
    const sent = await post(`${url}/v3/directline/conversations/${conversationId}/activities`, token, {
      type: 'message',
      text: 'help',
      from: { id: 'x' },
    });
    assert.equal(sent.status, 200);
    const { id } = (await sent.json()) as { id: string };
    let reply: unknown;
    for (const end = Date.now() + 15_000; !reply && Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const page = (await (
        await fetch(`${url}/v3/directline/conversations/${conversationId}/activities`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as {
        activities: { from: { role: string }; replyToId?: string }[];
      };
      reply = page.activities.find((a) => a.from.role === 'bot' && a.replyToId === id);
    }
    assert.ok(reply, 'the bot answered the message through the local Direct Line');

    // /api/messages still demands a signed request.
    assert.equal((await postActivity(url, message('http://127.0.0.1:9/', 'hello'))).status, 401);
  });
});
