import assert from 'node:assert/strict';
import { registerWebChat, type WebChat } from '../../../src/server/directline';
import { parseAllowedOrigins } from '../../../src/server/directline/origins';
import { EchoBot, MemoryLog, request, type Running, startServer } from './helpers';

const ALLOWED = 'https://intranet.contoso.com';

/**
 * Who gets a web chat token, over real HTTP: same origin and WEBCHAT_ALLOWED_ORIGINS only, never `*`.
 * (The browser side, the widget on an allowed and a refused origin, is in tests/web/widget.test.ts.)
 */
describe('server/directline: token generation is same-origin unless an origin is allowed', () => {
  let running: Running;
  let webChat: WebChat;

  before(async () => {
    const bot = new EchoBot();
    running = await startServer((server) => {
      webChat = registerWebChat(server, {
        mode: { kind: 'local' },
        logic: (context) => bot.run(context),
        onTurnError: async () => {},
        log: new MemoryLog().logger,
        allowedOrigins: [ALLOWED],
      });
    });
  });
  after(async () => {
    await webChat?.local?.idle();
    await running.close();
  });

  for (const path of ['/api/directline/token', '/v3/directline/tokens/generate']) {
    it(`${path}: 403 to a page of another origin, a token to our own and to an allowed one, never Allow-Origin *`, async () => {
      const url = `${running.url}${path}`;
      const before = webChat.local!.store.size;
      const stranger = await request(url, { method: 'POST', headers: { Origin: 'https://evil.example' } });
      assert.equal(stranger.status, 403);
      assert.deepEqual(stranger.body, {
        error: { code: 'OriginNotAllowed', message: 'Web chat tokens are not given to pages on https://evil.example.' },
      });
      assert.equal(stranger.headers.get('access-control-allow-origin'), null);
      assert.equal(webChat.local!.store.size, before, 'no conversation created for it');

      const allowed = await request(url, { method: 'POST', headers: { Origin: ALLOWED } });
      assert.equal(allowed.status, 200);
      assert.ok(allowed.body.token);
      assert.equal(allowed.headers.get('access-control-allow-origin'), ALLOWED);
      assert.match(allowed.headers.get('vary') ?? '', /Origin/);

      const own = await request(url, { method: 'POST', headers: { Origin: running.url } });
      assert.equal(own.status, 200, 'our own page');
      assert.equal(own.headers.get('access-control-allow-origin'), null, 'same origin needs no CORS header');
      assert.equal((await request(url, { method: 'POST' })).status, 200, 'no Origin: not a browser page');

      const preflight = (origin: string) =>
        fetch(url, {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
        });
      const refused = await preflight('https://evil.example');
      assert.equal(refused.headers.get('access-control-allow-origin'), null);
      const granted = await preflight(ALLOWED);
      assert.equal(granted.status, 204);
      assert.equal(granted.headers.get('access-control-allow-origin'), ALLOWED);
      assert.match(granted.headers.get('access-control-allow-headers') ?? '', /Content-Type/);
    });
  }

  it('WEBCHAT_ALLOWED_ORIGINS: origins normalised, anything else named', () => {
    assert.deepEqual(parseAllowedOrigins(' https://Intranet.Contoso.com , http://wiki:8080 '), [
      'https://intranet.contoso.com',
      'http://wiki:8080',
    ]);
    assert.deepEqual(parseAllowedOrigins(undefined), []);
    for (const bad of ['*', 'intranet.contoso.com', 'https://intranet.contoso.com/', 'https://intranet.contoso.com/wiki', 'ftp://x']) {
      assert.throws(() => parseAllowedOrigins(bad), {
        message: `WEBCHAT_ALLOWED_ORIGINS must list origins like https://intranet.contoso.com (scheme, host and port only), got "${bad}"`,
      });
    }
  });
});
