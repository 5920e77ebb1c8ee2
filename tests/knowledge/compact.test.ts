import assert from 'node:assert/strict';
import { TextPool } from '../../src/knowledge/compact';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../src/knowledge/load';
import type { Article } from '../../src/knowledge/types';

describe('knowledge/compact: TextPool', () => {
  it('copies an article field for field, in the same order, as a copy of its own', () => {
    const [article] = loadKnowledge([BUILTIN_KNOWLEDGE]).articles;
    const pool = new TextPool();
    const copy = pool.compact(article);
    assert.deepEqual(copy, article);
    assert.equal(JSON.stringify(copy), JSON.stringify(article));
    assert.notEqual(copy, article);
    assert.notEqual(copy.symptoms, article.symptoms);
    copy.symptoms[0].id = 'changed';
    assert.notEqual(article.symptoms[0].id, 'changed');
  });

  it('keeps every text of articles that share some', () => {
    const a: Article = {
      id: 'a',
      title: { en: 'Free/busy lookups fail after the certificate was renewed' },
      languages: ['en'],
      products: [{ name: 'Exchange Server', versions: ['2016', '2019'] }],
      symptoms: [{ id: 's', description: { en: 'Free/busy lookups fail after the certificate was renewed' }, errors: {} }],
      cause: { en: 'The certificate is bound to the wrong site.' },
      affects: [{ en: 'Free/busy lookups' }],
      steps: [{ text: { en: 'Bind the new certificate.' }, commands: [{ shell: 'powershell', code: 'Get-ExchangeCertificate' }] }],
      references: [],
    };
    const b: Article = { ...a, id: 'b', cause: { en: 'Another cause of the very same failure.' } };
    const pool = new TextPool();
    assert.deepEqual([pool.compact(a), pool.compact(b)], [a, b]);
  });
});
