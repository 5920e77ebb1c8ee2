/**
 * The reply clients are shared between turns (src/server/auth.ts): CloudAdapter would build a new
 * ConnectorClient and UserTokenClient for every turn. Real HTTP through the real server; the turn's
 * clients are read from the turn state where botbuilder puts them, and every reply still arrives.
 */
import assert from 'node:assert/strict';
import type { TurnContext } from 'botbuilder';
import { startFaultyConnector, type FaultyConnector } from '../helpers/connector';
import { message, postActivity, startService, type Service } from '../helpers/service';

/** The keys CloudAdapter stores the turn's clients under (public fields of the adapter). */
type Keys = { ConnectorClientKey: symbol; UserTokenClientKey: symbol };

describe('server: reply clients reused across turns', function () {
  this.timeout(15_000);
  let service: Service;
  let connectors: FaultyConnector[];
  const seen: { connector: unknown; userToken: unknown; serviceUrl: string }[] = [];

  before(async () => {
    connectors = [await startFaultyConnector(), await startFaultyConnector()];
    service = await startService({
      bot: {
        run: async (context: TurnContext) => {
          const keys = context.adapter as unknown as Keys;
          seen.push({
            connector: context.turnState.get(keys.ConnectorClientKey),
            userToken: context.turnState.get(keys.UserTokenClientKey),
            serviceUrl: context.activity.serviceUrl,
          });
          await context.sendActivity(`reply to ${context.activity.text}`);
        },
      },
    });
  });
  after(async () => {
    await service.stop();
    for (const c of connectors) await c.close();
  });

  it('uses one connector client per channel endpoint and one user token client, and every reply arrives', async () => {
    const [a, b] = connectors;
    for (const [connector, text] of [
      [a, 'one'],
      [a, 'two'],
      [b, 'three'],
      [a, 'four'],
    ] as const) {
      const res = await postActivity(service.url, message(connector.serviceUrl, text));
      assert.equal(res.status, 200);
    }
    await a.waitForDelivered(3);
    await b.waitForDelivered(1);
    assert.deepEqual(
      a.delivered.map((d) => d.activity.text),
      ['reply to one', 'reply to two', 'reply to four'],
    );
    assert.deepEqual(
      b.delivered.map((d) => d.activity.text),
      ['reply to three'],
    );

    assert.equal(seen.length, 4);
    assert.ok(seen[0].connector, 'botbuilder put a connector client into the turn state');
    assert.equal(seen[1].connector, seen[0].connector, 'the second turn to the same endpoint reuses the client');
    assert.equal(seen[3].connector, seen[0].connector);
    assert.notEqual(seen[2].connector, seen[0].connector, 'another endpoint gets its own client (its base URL differs)');
    assert.ok(seen[0].userToken);
    assert.ok(
      seen.every((s) => s.userToken === seen[0].userToken),
      'one user token client for the one app id',
    );
  });
});
