import assert from 'node:assert/strict';
import { submitData } from '../../src/bot/submitData';

/** The data our card buttons post back, checked by the zod schemas in src/bot/submitData.ts. */
describe('bot: card submit data', () => {
  it('takes what our feedback and clarify buttons send', () => {
    const feedback = { action: 'feedback', helpful: true, article: 'tls', symptom: 'free-busy', lang: 'de' };
    assert.deepEqual(submitData(feedback), feedback);
    assert.deepEqual(submitData({ action: 'choose', index: 2, article: 'tls', symptom: null, lang: 'en' }), {
      action: 'choose',
      index: 2,
      article: 'tls',
      symptom: null,
      lang: 'en',
    });
    assert.deepEqual(submitData({ action: 'choose', none: true, index: 3, article: 'x', lang: 'de' }), {
      action: 'choose',
      none: true,
      lang: 'de',
    });
  });

  it('reads leniently what an old card or another client may differ in, and drops unknown fields', () => {
    assert.deepEqual(submitData({ action: 'feedback', helpful: false, article: 'tls', symptom: 7, lang: 'fr', extra: 'x'.repeat(10) }), {
      action: 'feedback',
      helpful: false,
      article: 'tls',
      symptom: null,
      lang: undefined,
    });
  });

  it('is not from our buttons: anything else in value', () => {
    for (const value of [
      undefined,
      null,
      'feedback',
      [1, 2],
      { action: 'feedback', helpful: 'yes', article: 'tls' },
      { action: 'feedback', helpful: true },
      { action: 'feedback', helpful: true, article: { id: 'tls' } },
      { action: 'choose' },
      { action: 'choose', index: 1.5 },
      { action: 'choose', none: 'yes' },
      { action: 'delete-everything' },
    ]) {
      assert.equal(submitData(value), undefined, JSON.stringify(value));
    }
  });
});
