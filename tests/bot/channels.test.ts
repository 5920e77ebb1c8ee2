import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { isFromOtherBot, supportsAdaptiveCards } from '../../src/bot/channels';

describe('bot/channels', () => {
  const teams = (from: unknown): Partial<Activity> =>
    ({ channelId: 'msteams', from, recipient: { id: '28:pastefix', name: 'PasteFix' } }) as Partial<Activity>;

  it('knows another bot by its Teams id or its role, and itself is not another bot', () => {
    assert.equal(isFromOtherBot(teams({ id: '28:other-bot' })), true);
    assert.equal(isFromOtherBot(teams({ id: '29:user' })), false);
    assert.equal(isFromOtherBot(teams({ id: '28:pastefix' })), false);
    assert.equal(isFromOtherBot({ channelId: 'webchat', from: { id: 'x', role: 'bot' } } as Partial<Activity>), true);
    assert.equal(isFromOtherBot({ channelId: 'webchat', from: { id: '28:x' } } as Partial<Activity>), false);
  });

  // Found by the /api/messages fuzz test: a Teams message whose `from` had no id made the turn throw.
  it('reads a sender without an id, or a `from` that is no object, as a person', () => {
    for (const from of [{}, { name: 'Alex' }, { id: 7 }, 'someone', 5, null, undefined, []])
      assert.equal(isFromOtherBot(teams(from)), false, JSON.stringify(from));
  });

  it('sends cards where they render', () => {
    assert.equal(supportsAdaptiveCards('msteams'), true);
    assert.equal(supportsAdaptiveCards('WebChat'), true);
    assert.equal(supportsAdaptiveCards('slack'), false);
    assert.equal(supportsAdaptiveCards(undefined), false);
  });
});
