/**
 * The service log: JSON lines with activity and conversation ids; secrets redacted; pasted text only
 * at debug level — checked on the logger itself and on the real server answering a real paste.
 */
import assert from 'node:assert/strict';
import { createLogger, describeConnectionString } from '../src/logging';
import { startFaultyConnector, type FaultyConnector } from './helpers/connector';
import { message, postActivity, startService, type Service } from './helpers/service';
import { PASTES } from './bot/support/harness';
import type { LogLevel } from '../src/config';

function capture(level: LogLevel) {
  const lines: string[] = [];
  const logger = createLogger({ level, destination: { write: (s: string) => void lines.push(s) } });
  return { logger, lines, parsed: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const SECRET = 'p4ssw0rd-Value-That-Must-Not-Appear';
const CONNECTION = `DefaultEndpointsProtocol=https;AccountName=pastefixprod;AccountKey=${SECRET};EndpointSuffix=core.windows.net`;

describe('logging', () => {
  it('writes one JSON object per line with level, time, name and message', () => {
    const { logger, parsed } = capture('info');
    logger.info({ activityId: 'a1', conversationId: 'c1' }, 'hello');
    const [line] = parsed();
    assert.equal(line!.level, 30);
    assert.equal(line!.name, 'pastefix');
    assert.equal(line!.msg, 'hello');
    assert.equal(line!.activityId, 'a1');
    assert.equal(typeof line!.time, 'number');
  });

  it('redacts authorization headers, passwords, tokens and connection strings', () => {
    const { logger, lines } = capture('trace');
    logger.info({ headers: { authorization: `Bearer ${SECRET}` } }, 'a');
    logger.info({ req: { headers: { authorization: `Bearer ${SECRET}` } } }, 'b');
    logger.warn({ config: { MicrosoftAppPassword: SECRET, appPassword: SECRET } }, 'c');
    logger.error({ storage: { connectionString: CONNECTION }, token: SECRET, password: SECRET }, 'd');
    logger.info({ MicrosoftAppPassword: SECRET, authorization: SECRET, connectionString: CONNECTION }, 'e');
    const all = lines.join('');
    assert.ok(!all.includes(SECRET), all);
    assert.equal((all.match(/\[redacted\]/g) ?? []).length, 10);
  });

  it('drops pasted text from records above debug, and keeps it at debug', () => {
    const info = capture('info');
    info.logger.info({ activityId: 'a', paste: 'Set-Thing -Password x', text: 'hi', chars: 21 }, 'paste matched');
    info.logger.error({ activityId: 'a', paste: 'secret paste' }, 'failed');
    assert.deepEqual(
      info.parsed().map((l) => [l.msg, l.paste, l.text, l.chars]),
      [
        ['paste matched', undefined, undefined, 21],
        ['failed', undefined, undefined, undefined],
      ],
    );
    const debug = capture('debug');
    debug.logger.debug({ activityId: 'a', paste: 'the paste' }, 'paste text');
    assert.equal(debug.parsed()[0]!.paste, 'the paste');
  });

  it('names a storage account without its key', () => {
    assert.equal(describeConnectionString(CONNECTION), 'account pastefixprod');
    assert.equal(describeConnectionString('UseDevelopmentStorage=true'), 'development storage');
  });

  describe('the server answering a paste', function () {
    this.timeout(20_000);
    let connector: FaultyConnector;
    let service: Service;
    afterEach(async () => {
      await service.stop();
      await connector.close();
    });

    for (const level of ['info', 'debug'] as const) {
      it(`at ${level}: ids on every turn line, ${level === 'info' ? 'no' : 'the'} pasted text, never the Authorization header`, async () => {
        connector = await startFaultyConnector();
        service = await startService({ logLevel: level });
        const res = await postActivity(
          service.url,
          message(connector.serviceUrl, PASTES.unknown, { id: 'act-42', conversation: { id: 'conv-42' } as never }),
          {
            authorization: `Bearer ${SECRET}`,
          },
        );
        assert.equal(res.status, 200);
        await connector.waitForDelivered(1);
        const raw = service.rawLog();
        const turnLines = service.logs.filter((l) => l.activityId === 'act-42');
        assert.ok(
          turnLines.some((l) => l.msg === 'activity' && l.conversationId === 'conv-42' && l.status === 200),
          'the request line',
        );
        assert.ok(
          turnLines.some((l) => l.msg === 'paste matched' && l.conversationId === 'conv-42'),
          "the bot's line",
        );
        assert.ok(!raw.includes(SECRET));
        const pasted = "object 'mbx-42' couldn't be found";
        if (level === 'info') assert.ok(!raw.includes(pasted), 'no pasted text at info');
        else assert.ok(raw.includes(pasted), 'the pasted text at debug');
      });
    }
  });
});
