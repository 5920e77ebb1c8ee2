/**
 * Authentication of /api/messages over real HTTP with botbuilder's real token validation: a local
 * token issuer (OpenID metadata + signing keys) stands in for the Bot Framework's, so tokens are
 * checked for real — signature, issuer, audience, expiry, service URL. Only a valid token runs a turn.
 */
import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import { channelClaims, ISSUER, startTokenIssuer, type TokenIssuer } from '../helpers/tokenIssuer';
import { message, postActivity, healthy, startService, type Service } from '../helpers/service';

const APP_ID = '0b6f8c7e-1d2a-4e5f-9a8b-7c6d5e4f3a2b';
const OTHER_APP = 'f0e1d2c3-b4a5-4968-8776-655443322110';
const SECRET = 'super-secret-app-password-value';
const SERVICE_URL = 'https://smba.trafficmanager.net/emea/';

describe('server: authentication of /api/messages', function () {
  this.timeout(15_000);
  let issuer: TokenIssuer;
  let service: Service;
  let turns: string[];

  beforeEach(async () => {
    issuer = await startTokenIssuer();
    turns = [];
    service = await startService({
      app: { appId: APP_ID, appPassword: SECRET },
      auth: {
        settings: {
          ToBotFromChannelOpenIdMetadataUrl: issuer.metadataUrl,
          ToBotFromChannelTokenIssuer: ISSUER,
          ToBotFromEmulatorOpenIdMetadataUrl: issuer.metadataUrl,
        },
      },
      // Records the turns that ran; sends nothing (the reply would need a real Entra token).
      bot: { run: async (context: TurnContext) => void turns.push(String(context.activity.id)) },
    });
  });
  afterEach(async () => {
    await service.stop();
    await issuer.close();
  });

  const activity = (id: string) => message(SERVICE_URL, 'hello', { id });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function expectRejected(res: Response, status = 401): Promise<void> {
    assert.equal(res.status, status);
    const body = (await res.json()) as { error: { code: string; message: string } };
    assert.deepEqual(body, {
      error:
        status === 401
          ? { code: 'unauthorized', message: 'Unauthorized' }
          : { code: 'auth_unavailable', message: 'Authentication is unavailable; try again later' },
    });
  }

  it('accepts a valid channel token and runs the turn (the checks below are real)', async () => {
    const res = await postActivity(service.url, activity('ok-1'), bearer(issuer.sign(channelClaims(APP_ID, SERVICE_URL))));
    assert.equal(res.status, 200);
    assert.deepEqual(turns, ['ok-1']);
  });

  it('401 without a token', async () => {
    await expectRejected(await postActivity(service.url, activity('none')));
    assert.deepEqual(turns, []);
  });

  it('401 for garbage in the Authorization header', async () => {
    for (const header of ['Bearer garbage', 'Bearer a.b.c', 'Basic dXNlcjpwYXNz', 'garbage', `Bearer ${'x'.repeat(5000)}`]) {
      await expectRejected(await postActivity(service.url, activity('garbage'), { authorization: header }));
    }
    assert.deepEqual(turns, []);
  });

  it("401 for a self-signed token (right claims, a stranger's key under the issuer's key id)", async () => {
    const token = issuer.sign(channelClaims(APP_ID, SERVICE_URL), { foreignKey: true });
    await expectRejected(await postActivity(service.url, activity('forged'), bearer(token)));
    assert.deepEqual(turns, []);
  });

  it('401 for a token with an unknown key id', async () => {
    const token = issuer.sign(channelClaims(APP_ID, SERVICE_URL), { foreignKey: true, kid: 'someone-elses-key' });
    await expectRejected(await postActivity(service.url, activity('unknown-kid'), bearer(token)));
    assert.deepEqual(turns, []);
  });

  it('401 for a properly signed token meant for another bot (wrong audience)', async () => {
    const token = issuer.sign(channelClaims(OTHER_APP, SERVICE_URL));
    await expectRejected(await postActivity(service.url, activity('aud'), bearer(token)));
    assert.deepEqual(turns, []);
  });

  it('401 for an expired token, a token from another issuer, and a token for another service URL', async () => {
    const expired = channelClaims(APP_ID, SERVICE_URL, {
      exp: Math.floor(Date.now() / 1000) - 3600,
      nbf: Math.floor(Date.now() / 1000) - 7200,
    });
    const otherIssuer = channelClaims(APP_ID, SERVICE_URL, { iss: 'https://evil.example' });
    const otherServiceUrl = channelClaims(APP_ID, 'https://evil.example/');
    for (const claims of [expired, otherIssuer, otherServiceUrl]) {
      await expectRejected(await postActivity(service.url, activity('claims'), bearer(issuer.sign(claims))));
    }
    assert.deepEqual(turns, []);
  });

  it('503 (not 500, no turn) when the signing keys cannot be fetched', async () => {
    await issuer.close();
    const down = await startService({
      app: { appId: APP_ID, appPassword: SECRET },
      // A port nothing listens on: the metadata request is refused.
      auth: {
        settings: {
          ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:9/.well-known/openid-configuration',
          ToBotFromChannelTokenIssuer: ISSUER,
        },
      },
      bot: { run: async (context: TurnContext) => void turns.push(String(context.activity.id)) },
    });
    try {
      const res = await postActivity(down.url, activity('keys-down'), bearer(issuer.sign(channelClaims(APP_ID, SERVICE_URL))));
      await expectRejected(res, 503);
      assert.deepEqual(turns, []);
      assert.ok(down.logs.some((l) => l.level === 50 && l.msg === 'could not check the request token'));
    } finally {
      await down.stop();
      issuer = await startTokenIssuer(); // afterEach closes it
    }
  });

  it('logs rejections with the activity id and reason, never the token or the app password', async () => {
    const token = issuer.sign(channelClaims(OTHER_APP, SERVICE_URL));
    await postActivity(service.url, activity('logged'), bearer(token));
    const line = service.logs.find((l) => l.msg === 'rejected a request without a valid Bot Framework token');
    assert.ok(line, 'a warning for the rejected request');
    assert.equal(line.activityId, 'logged');
    assert.equal(line.conversationId, 'a:conv-1');
    assert.match(String(line.reason), /Invalid AppId/);
    const raw = service.rawLog();
    assert.ok(!raw.includes(token) && !raw.includes(token.split('.')[2]!), 'no token in the log');
    assert.ok(!raw.includes(SECRET), 'no app password in the log');
  });

  it('keeps serving after a burst of rejected requests', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => postActivity(service.url, activity(`burst-${i}`), { authorization: `Bearer junk${i}` })),
    );
    assert.ok(await healthy(service.url));
    const ok = await postActivity(service.url, activity('after'), bearer(issuer.sign(channelClaims(APP_ID, SERVICE_URL))));
    assert.equal(ok.status, 200);
    assert.deepEqual(turns, ['after']);
  });
});
