import assert from 'node:assert/strict';
import { removeMentions } from '../../src/bot/pasteFixBot';

describe('bot: removeMentions', () => {
  it('removes only the mention of this bot', () => {
    const text = removeMentions({
      text: '<at>PasteFix</at> Access is denied <at>Pat</at>',
      recipient: { id: 'bot', name: 'PasteFix' },
      entities: [
        { type: 'mention', text: '<at>PasteFix</at>', mentioned: { id: 'bot', name: 'PasteFix' } },
        { type: 'mention', text: '<at>Pat</at>', mentioned: { id: 'pat', name: 'Pat' } },
      ],
    } as never);
    assert.equal(text, 'Access is denied <at>Pat</at>');
  });

  it('takes `entities: null` as no entities (found by the /api/messages fuzz test on Node 24)', () => {
    assert.equal(removeMentions({ text: ' a paste ', recipient: { id: 'bot', name: 'PasteFix' }, entities: null } as never), 'a paste');
  });
});
