import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { errorVocabulary, formatVocabulary } from '../../src/cli/vocab';
import type { KnowledgeBase } from '../../src/knowledge/load';
import { englishArticle as article } from '../helpers/articles';
import { ROOT } from '../helpers/tmp';

describe('cli/vocab', () => {
  const articles = [
    article('a', ['The mailbox move failed', 'The mailbox is full']),
    article('b', ['Mailbox not found on server EX01']),
    article('c', ['The federation trust failed']),
  ];
  const kb: KnowledgeBase = {
    articles,
    byId: new Map(articles.map((a) => [a.id, a])),
    problems: [],
    lexicon: [{ de: ['Postfach'], en: ['mailbox'], file: 'x' }],
  };

  it('counts each error word once per article, most used first, and marks what the lexicon covers', () => {
    const rows = errorVocabulary(kb);
    assert.deepEqual(rows.slice(0, 3), [
      { term: 'failed', articles: 2, covered: false },
      { term: 'mailbox', articles: 2, covered: true },
      { term: 'federation', articles: 1, covered: false },
    ]);
    assert.ok(!rows.some((r) => r.term === 'the' || r.term === 'is'), 'stop words are left out');
  });

  it('says how much of the most used words the lexicon covers; --missing lists only the gaps', () => {
    const rows = errorVocabulary(kb);
    const out = formatVocabulary(rows, 2, true).split('\n');
    assert.deepEqual(out, [`· failed${' '.repeat(18)}     2`, 'lexicon covers 1 of the 2 most used error words (50% of their uses)']);
  });

  it('--symptoms counts the words of titles and symptom descriptions instead: what descriptions in prose are matched against', () => {
    const described = [
      article('d', [], { title: { en: 'Users see no free/busy information' } }),
      article('e', [], {
        title: { en: 'Cloud users lose free/busy' },
        symptoms: [{ id: 's', description: { en: 'Lookups fail' }, errors: {} }],
      }),
    ];
    const rows = errorVocabulary({ ...kb, articles: described, byId: new Map(described.map((a) => [a.id, a])) }, 'symptoms');
    assert.deepEqual(rows.slice(0, 3), [
      { term: 'busy', articles: 2, covered: false },
      { term: 'free', articles: 2, covered: false },
      { term: 'users', articles: 2, covered: false },
    ]);
    assert.ok(
      rows.some((r) => r.term === 'lookups'),
      'symptom descriptions count',
    );
    assert.match(
      formatVocabulary(rows, 3, false, 'symptoms'),
      /lexicon covers 0 of the 3 most used title and symptom words \(0% of their uses\)$/,
    );
  });

  it('kb vocab runs on the built-in knowledge and reports the coverage line', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/src/cli/kb.js'), 'vocab', '--top', '5'], { encoding: 'utf8', cwd: ROOT });
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 6);
    assert.match(lines[5], /^lexicon covers \d of the 5 most used error words \(\d+(\.\d)?% of their uses\)$/);
  });
});
