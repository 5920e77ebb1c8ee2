import assert from 'node:assert/strict';
import path from 'node:path';
import { ConfigError, isLoopbackHost, loadConfig } from '../src/config';

const defaults = { knowledgePaths: ['/opt/pastefix/knowledge'], cwd: '/srv/bot' };
const APP = '11111111-2222-3333-4444-555555555555';
const TENANT = '66666666-7777-8888-9999-000000000000';

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env, defaults);
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.message;
  }
  assert.fail('expected a ConfigError');
}

describe('config', () => {
  it('defaults: port 3978 on 0.0.0.0, built-in knowledge, ./data, info, authentication off', () => {
    assert.deepEqual(loadConfig({}, defaults), {
      appId: undefined,
      appPassword: undefined,
      appType: 'MultiTenant',
      appTenantId: undefined,
      authEnabled: false,
      port: 3978,
      host: '0.0.0.0',
      knowledgePaths: ['/opt/pastefix/knowledge'],
      dataDir: path.resolve('/srv/bot', 'data'),
      logLevel: 'info',
      directLine: { kind: 'local' },
      webChatAllowedOrigins: [],
      trustProxy: 0,
    });
  });

  it('reads and normalises every variable', () => {
    const config = loadConfig(
      {
        MicrosoftAppId: APP,
        MicrosoftAppPassword: 's3cret',
        MicrosoftAppType: 'singletenant',
        MicrosoftAppTenantId: TENANT,
        PORT: '8080',
        HOST: '127.0.0.1',
        KNOWLEDGE_PATHS: 'knowledge, /data/more-articles ,',
        KNOWLEDGE_INDEX: ' build/knowledge.idx ',
        DATA_DIR: '/var/lib/pastefix',
        LOG_LEVEL: 'DEBUG',
        DIRECT_LINE_SECRET: ' dl-secret ',
        DIRECT_LINE_DOMAIN: 'https://europe.directline.botframework.com/',
        TRUST_PROXY: '2',
        WEBCHAT_ALLOWED_ORIGINS: 'https://intranet.contoso.com,http://wiki:8080',
      },
      defaults,
    );
    assert.deepEqual(config, {
      appId: APP,
      appPassword: 's3cret',
      appType: 'SingleTenant',
      appTenantId: TENANT,
      authEnabled: true,
      port: 8080,
      host: '127.0.0.1',
      knowledgePaths: ['/srv/bot/knowledge', '/data/more-articles'],
      knowledgeIndex: '/srv/bot/build/knowledge.idx',
      dataDir: '/var/lib/pastefix',
      logLevel: 'debug',
      directLine: { kind: 'azure', secret: 'dl-secret', domain: 'https://europe.directline.botframework.com' },
      webChatAllowedOrigins: ['https://intranet.contoso.com', 'http://wiki:8080'],
      trustProxy: 2,
    });
  });

  it('a tenant id without a type means SingleTenant; a managed identity needs no password', () => {
    assert.equal(
      loadConfig({ MicrosoftAppId: APP, MicrosoftAppPassword: 'x', MicrosoftAppTenantId: TENANT }, defaults).appType,
      'SingleTenant',
    );
    const msi = loadConfig({ MicrosoftAppId: APP, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT }, defaults);
    assert.equal(msi.authEnabled, true);
    assert.equal(msi.appPassword, undefined);
  });

  it('names the variable and the offending value, word for word', () => {
    assert.equal(errorOf({ PORT: 'abc' }), 'config: PORT must be a number from 1 to 65535, got "abc"');
    assert.equal(errorOf({ PORT: '70000' }), 'config: PORT must be a number from 1 to 65535, got "70000"');
    assert.equal(errorOf({ PORT: '0' }), 'config: PORT must be a number from 1 to 65535, got "0"');
    assert.equal(
      errorOf({ DIRECT_LINE_SECRET: 'x', DIRECT_LINE_DOMAIN: 'https://europe.directline.botframework.com/v3/directline' }),
      'config: DIRECT_LINE_DOMAIN must be a bare origin like https://directline.botframework.com (no path), got "https://europe.directline.botframework.com/v3/directline"',
    );
    assert.equal(
      errorOf({ LOG_LEVEL: 'loud' }),
      'config: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"',
    );
    assert.equal(
      errorOf({ MicrosoftAppId: 'my-bot' }),
      [
        'config: MicrosoftAppId must be a GUID (the bot\'s app registration id), got "my-bot"',
        'config: MicrosoftAppPassword is required when MicrosoftAppId is set and MicrosoftAppType is MultiTenant',
      ].join('\n'),
    );
    assert.equal(
      errorOf({ MicrosoftAppId: APP, MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'x' }),
      'config: MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant',
    );
    assert.equal(
      errorOf({ MicrosoftAppType: 'Multi' }),
      'config: MicrosoftAppType must be one of MultiTenant, SingleTenant, UserAssignedMSI, got "Multi"',
    );
    assert.equal(
      errorOf({ MicrosoftAppPassword: 'x' }),
      'config: MicrosoftAppPassword is set but MicrosoftAppId is not; set both or neither',
    );
    assert.equal(
      errorOf({ MicrosoftAppTenantId: 'contoso' }),
      'config: MicrosoftAppTenantId must be a GUID (the Entra tenant id), got "contoso"',
    );
    assert.equal(
      errorOf({ HOST: 'http://example.com' }),
      'config: HOST must be a host name or IP address to listen on, got "http://example.com"',
    );
    assert.equal(errorOf({ KNOWLEDGE_PATHS: ' , ' }), 'config: KNOWLEDGE_PATHS must list at least one file or folder, got ","');
  });

  it('the local Direct Line is off with authentication on, unless WEBCHAT_LOCAL=on says otherwise', () => {
    const app = { MicrosoftAppId: APP, MicrosoftAppPassword: 'x' };
    assert.deepEqual(loadConfig(app, defaults).directLine, { kind: 'off' });
    assert.deepEqual(loadConfig({ ...app, WEBCHAT_LOCAL: 'on' }, defaults).directLine, { kind: 'local' });
    assert.deepEqual(loadConfig({ ...app, WEBCHAT_LOCAL: 'OFF' }, defaults).directLine, { kind: 'off' });
    assert.deepEqual(loadConfig({}, defaults).directLine, { kind: 'local' });
    assert.deepEqual(loadConfig({ WEBCHAT_LOCAL: 'off' }, defaults).directLine, { kind: 'off' });
    assert.equal(loadConfig({ ...app, DIRECT_LINE_SECRET: 's' }, defaults).directLine.kind, 'azure');
    assert.equal(errorOf({ WEBCHAT_LOCAL: 'yes' }), 'config: WEBCHAT_LOCAL must be on or off, got "yes"');
    assert.equal(
      errorOf({ WEBCHAT_LOCAL: 'on', DIRECT_LINE_SECRET: 's' }),
      'config: WEBCHAT_LOCAL=on and DIRECT_LINE_SECRET are both set; the web chat uses one Direct Line: unset one of them',
    );
  });

  it('TRUST_PROXY: off, on (one proxy) or a count', () => {
    assert.equal(loadConfig({ TRUST_PROXY: 'on' }, defaults).trustProxy, 1);
    assert.equal(loadConfig({ TRUST_PROXY: 'Off' }, defaults).trustProxy, 0);
    assert.equal(loadConfig({ TRUST_PROXY: '3' }, defaults).trustProxy, 3);
    assert.equal(
      errorOf({ WEBCHAT_ALLOWED_ORIGINS: '*' }),
      'config: WEBCHAT_ALLOWED_ORIGINS must list origins like https://intranet.contoso.com (scheme, host and port only), got "*"',
    );
    assert.equal(
      errorOf({ TRUST_PROXY: 'yes' }),
      'config: TRUST_PROXY must be off, on (one proxy) or the number of proxies from 0 to 10, got "yes"',
    );
    assert.equal(
      errorOf({ TRUST_PROXY: '11' }),
      'config: TRUST_PROXY must be off, on (one proxy) or the number of proxies from 0 to 10, got "11"',
    );
  });

  it('treats empty variables as unset (as .env files often leave them)', () => {
    assert.equal(loadConfig({ MicrosoftAppId: '', MicrosoftAppPassword: '  ', PORT: '' }, defaults).authEnabled, false);
  });

  it('knows loopback hosts', () => {
    assert.ok(isLoopbackHost('127.0.0.1'));
    assert.ok(isLoopbackHost('localhost'));
    assert.ok(isLoopbackHost('::1'));
    assert.ok(!isLoopbackHost('0.0.0.0'));
    assert.ok(!isLoopbackHost('10.0.0.4'));
  });
});
