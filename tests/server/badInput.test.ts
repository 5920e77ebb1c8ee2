/**
 * Bad input over real HTTP to the real server and bot: wrong content types, malformed JSON, bodies
 * that are not activities, fields of the wrong type, unknown activity types and oversized bodies
 * get a 4xx (or are quietly ignored), never a crash; the server answers /healthz afterwards.
 * And hostile pastes: pasted text shows literally in cards and Markdown, never as links or markup.
 */
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { DEFAULT_MAX_BODY_BYTES } from '../../src/server/server';
import { startFaultyConnector, type FaultyConnector } from '../helpers/connector';
import { healthy, message, postActivity, startService, type Service } from '../helpers/service';
import { cardOf } from '../bot/support/harness';

const FEDERATION_LINE =
  'An error occurred while attempting to provision Exchange to the Partner STS. Detailed Information "An error occurred accessing Windows Live. Detailed information: "The underlying connection was closed: An unexpected error occurred on a send."';
// Quoted lines are cut to 240 characters, so the injection comes first on the recognised line.
const INJECTION =
  '[Fix](https://evil.example/p) ![i](https://evil.example/i.png) <img src=x onerror=alert(1)> **now** _x_ # H ```` <https://evil.example/a> ';

/** Every string in a JSON value, with the path of the object that holds it. */
function strings(
  value: unknown,
  holder: Record<string, unknown> | undefined = undefined,
  out: { text: string; holder?: Record<string, unknown>; key: string }[] = [],
  key = '',
): typeof out {
  if (typeof value === 'string') out.push({ text: value, holder, key });
  else if (Array.isArray(value)) value.forEach((v) => strings(v, holder, out, key));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) strings(v, value as Record<string, unknown>, out, k);
  return out;
}

describe('server: bad input to /api/messages', function () {
  this.timeout(20_000);
  let service: Service;
  let connector: FaultyConnector;

  beforeEach(async () => {
    connector = await startFaultyConnector();
    service = await startService();
  });
  afterEach(async () => {
    await service.stop();
    await connector.close();
  });

  async function expectStatus(res: Response, status: number, code?: string): Promise<void> {
    assert.equal(res.status, status, `expected ${status}, got ${res.status}: ${await res.clone().text()}`);
    if (code) assert.equal(((await res.json()) as { error: { code: string } }).error.code, code);
  }

  it('415 for a body that is not JSON, whatever it looks like', async () => {
    const url = `${service.url}/api/messages`;
    const cases: [string | undefined, string][] = [
      ['text/plain', JSON.stringify(message(connector.serviceUrl, 'hi'))],
      ['application/x-www-form-urlencoded', 'type=message&text=hi&serviceUrl=http://x'],
      ['application/xml', '<activity type="message"/>'],
      [undefined, JSON.stringify(message(connector.serviceUrl, 'hi'))],
    ];
    for (const [contentType, body] of cases) {
      await expectStatus(
        await fetch(url, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body }),
        415,
        'unsupported_media_type',
      );
    }
    const multipart = new FormData();
    multipart.set('type', 'message');
    await expectStatus(await fetch(url, { method: 'POST', body: multipart }), 415, 'unsupported_media_type');
    assert.equal(connector.attempts, 0);
    assert.ok(await healthy(service.url));
  });

  it('400 for malformed JSON and for JSON that is not an object', async () => {
    for (const body of [
      '{"type":',
      '{type: message}',
      '\u0000\u0001',
      '[]',
      '[{"type":"message"}]',
      '42',
      '"message"',
      'null',
      'true',
      '',
    ]) {
      const res = await postActivity(service.url, body);
      assert.equal(res.status, 400, `body ${JSON.stringify(body)} → ${res.status}`);
    }
    assert.ok(await healthy(service.url));
  });

  it('400 naming the field for activities with missing or wrongly typed fields; no turn runs', async () => {
    const base = message(connector.serviceUrl, 'hi') as Record<string, unknown>;
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, type: undefined }, '"type" must be a non-empty string'],
      [{ ...base, type: 7 }, '"type" must be a non-empty string'],
      [{ ...base, conversation: undefined }, '"conversation" is missing'],
      [{ ...base, conversation: { id: 5 } }, '"conversation.id" must be a string'],
      [{ ...base, conversation: { id: '' } }, '"conversation.id" is missing'],
      [{ ...base, conversation: 'a:conv' }, '"conversation" must be an object'],
      [{ ...base, serviceUrl: undefined }, '"serviceUrl" must be an http(s) URL'],
      [{ ...base, serviceUrl: 'javascript:alert(1)' }, '"serviceUrl" must be an http(s) URL'],
      [{ ...base, serviceUrl: 'file:///etc/passwd' }, '"serviceUrl" must be an http(s) URL'],
      [{ ...base, text: { $gt: '' } }, '"text" must be a string'],
      [{ ...base, text: ['a', 'b'] }, '"text" must be a string'],
      [{ ...base, locale: 12 }, '"locale" must be a string'],
      [{ ...base, from: 'me' }, '"from" must be an object'],
      [{ ...base, from: { id: 42 } }, '"from.id" must be a string'],
      [{ ...base, entities: {} }, '"entities" must be an array'],
      [{ ...base, membersAdded: 'all' }, '"membersAdded" must be an array'],
      [{ ...base, channelId: undefined }, '"channelId" is missing'],
      [{ ...base, conversation: { id: 'a:c', isGroup: 'yes' } }, '"conversation.isGroup" must be true or false'],
      [{ ...base, conversation: { id: 'a:c', tenantId: 7 } }, '"conversation.tenantId" must be a string'],
      [{ ...base, entities: [null] }, '"entities[0]" must be an object'],
      [{ ...base, entities: [{ type: 'mention' }, { mentioned: {} }] }, '"entities[1].type" is missing'],
      [{ ...base, entities: [{ type: 7 }] }, '"entities[0].type" must be a string'],
      [{ ...base, type: 'conversationUpdate', membersAdded: [{ id: 'u' }, null] }, '"membersAdded[1]" must be an object'],
      [{ ...base, type: 'invoke', name: 'adaptiveCard/action', value: { data: 1 } }, '"value.action" must be an object'],
      [{ ...base, type: 'invoke', name: 'adaptiveCard/action', value: 'Action.Execute' }, '"value" must be an object'],
      [{ ...base, type: 'invoke', name: 'adaptiveCard/action', value: 42 }, '"value" must be an object'],
      [{ ...base, type: 'invoke', name: 'adaptiveCard/action', value: true }, '"value" must be an object'],
      [{ ...base, type: 'invoke', name: 'adaptiveCard/action', value: false }, '"value" must be an object'],
      [{ ...base, type: 'invoke', name: 'adaptiveCard/action', value: '' }, '"value" must be an object'],
      [
        { ...base, type: 'invoke', name: 'adaptiveCard/action', value: [{ action: { type: 'Action.Execute' } }] },
        '"value" must be an object',
      ],
      [{ ...base, type: 'invoke', name: 'adaptiveCard/action', value: { action: 'Action.Execute' } }, '"value.action" must be an object'],
    ];
    for (const [body, reason] of cases) {
      const res = await postActivity(service.url, body);
      assert.equal(res.status, 400, `${reason}: got ${res.status}`);
      assert.deepEqual(await res.json(), {
        error: { code: 'bad_request', message: `The body is not a valid Bot Framework activity: ${reason}.` },
      });
    }
    assert.equal(connector.attempts, 0, 'no turn ran, nothing was sent');
    assert.ok(await healthy(service.url));
  });

  it('quietly ignores unknown activity types and events (2xx, nothing sent)', async () => {
    for (const type of [
      'typing',
      'event',
      'endOfConversation',
      'messageReaction',
      'installationUpdate',
      'something-new',
      'x'.repeat(300),
    ]) {
      const res = await postActivity(service.url, message(connector.serviceUrl, '', { type }));
      assert.ok(res.status >= 200 && res.status < 300, `${type.slice(0, 20)} → ${res.status}`);
    }
    assert.equal(connector.attempts, 0);
    assert.ok(await healthy(service.url));
  });

  it('413 for a body over the limit, and a paste just under it is answered', async () => {
    const big = message(connector.serviceUrl, 'x'.repeat(DEFAULT_MAX_BODY_BYTES + 1));
    const res = await postActivity(service.url, big);
    assert.equal(res.status, 413);
    assert.ok(await healthy(service.url));

    // A 200 KB paste (twice the bot's documented minimum) fits with its envelope.
    const paste = `${FEDERATION_LINE}\n${'Verbose: noise line of a long log\n'.repeat(6000)}`;
    assert.ok(Buffer.byteLength(paste) > 200_000);
    const ok = await postActivity(service.url, message(connector.serviceUrl, paste));
    assert.equal(ok.status, 200);
    await connector.waitForDelivered(1);
  });

  it('a message without text, with odd values or a huge locale still gets a normal reply', async () => {
    for (const extra of [
      { text: undefined },
      { text: '' },
      { locale: 'xx-'.repeat(200) },
      { value: { action: 'feedback', helpful: 'yes' } },
      { value: [1, 2, 3] },
      { entities: [{ type: 'mention' }] },
    ] as Partial<Activity>[]) {
      const res = await postActivity(service.url, message(connector.serviceUrl, 'hello', extra));
      assert.equal(res.status, 200, JSON.stringify(extra).slice(0, 60));
    }
    await connector.waitForDelivered(6);
    assert.equal(connector.delivered.length, 6, 'one reply each');
    assert.ok(!service.logs.some((l) => l.msg === 'turn failed'), 'no turn failed');
  });

  describe('hostile pastes', () => {
    const hostile = `[PS] C:\\>Set-FederatedOrganizationIdentifier -Enabled $True\n${INJECTION}${FEDERATION_LINE}`;

    it('in an answer card, the pasted line is literal text (TextRun), never Markdown, a link or an action', async () => {
      await postActivity(service.url, message(connector.serviceUrl, hostile));
      await connector.waitForDelivered(1);
      const card = cardOf(connector.delivered[0]!.activity);
      assert.ok(card, 'an answer card');
      const all = strings(card);
      // (The matcher drops URLs from the quoted line; the markup around them is quoted as it was pasted.)
      const quoted = all.filter((s) => s.text.includes('onerror=alert(1)') && s.text.includes('**now**'));
      assert.ok(quoted.length > 0, 'the recognised line is quoted');
      for (const s of quoted) {
        assert.equal(s.holder?.type, 'TextRun', `pasted text only in TextRuns (found in ${String(s.holder?.type)}.${s.key})`);
        assert.equal(s.key, 'text');
        assert.equal(s.holder?.selectAction, undefined, 'no action on pasted text');
      }
      // No element or action anywhere points at the pasted link.
      assert.ok(!all.some((s) => (s.key === 'url' || s.key === 'iconUrl') && s.text.includes('evil.example')));
      // The summary text of the activity (notifications) has none of it either.
      assert.ok(!String(connector.delivered[0]!.activity.text ?? '').includes('evil.example'));
    });

    it('in the Markdown answer (channels without cards), the pasted line is inside a code fence the paste cannot close', async () => {
      await postActivity(service.url, message(connector.serviceUrl, hostile, { channelId: 'slack' }));
      await connector.waitForDelivered(1);
      const text = String(connector.delivered[0]!.activity.text);
      assert.ok(text.includes('onerror=alert(1)'), 'the recognised line is quoted');
      assert.ok(!text.includes('evil.example'), 'no pasted link');
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.includes('onerror=alert(1)'));
      const open = lines
        .slice(0, at)
        .reverse()
        .find((l) => /^\s*`{3,}/.test(l));
      assert.ok(open, 'a fence opens before the quoted line');
      const ticks = /^\s*(`+)/.exec(open)![1]!;
      assert.ok(ticks.length > 3, 'the fence is longer than the backticks in the paste');
      assert.equal(lines.filter((l) => l.trim() === ticks).length >= 1, true, 'and closes with the same run');
      const between = lines.slice(lines.indexOf(open) + 1, at + 1).join('\n');
      assert.ok(!between.includes(ticks), 'nothing in the quote closes the fence early');
    });

    it('"show" with a hostile id is escaped', async () => {
      await postActivity(
        service.url,
        message(connector.serviceUrl, 'show [x](https://evil.example/)<b>hi</b>**y**', { channelId: 'slack' }),
      );
      await connector.waitForDelivered(1);
      const text = String(connector.delivered[0]!.activity.text);
      assert.ok(text.includes('\\[x\\]\\(https://evil.example/\\)'), text);
      assert.ok(text.includes('\\<b\\>') && text.includes('\\*\\*y\\*\\*'), text);
    });
  });
});
