import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { errorVocabulary, formatUntranslated, formatVocabulary, untranslatedWords } from '../../src/cli/vocab';
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

  it('does not count a platform message given in English alone as covered: it translates nothing', () => {
    const english = {
      ...kb,
      lexicon: [...kb.lexicon!, { de: [], en: ['The federation trust failed'], platform: true as const, file: 'x' }],
    };
    assert.equal(errorVocabulary(english).find((r) => r.term === 'federation')?.covered, false);
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

  it('--untranslated lists the German words of pastes that the lexicon leaves as written, by how many pastes hold them', () => {
    const pastes = [
      'Nach dem Update zeigt das Postfach ein merkwürdiges Verhalten, der Server meldet: mailbox is full',
      'Das Postfach wird nicht verschoben, merkwürdiges Verhalten seit msExchDelegateListLink gesetzt ist',
    ];
    const rows = untranslatedWords(kb, pastes);
    // `Postfach` is the lexicon's, `mailbox`/`full` English words of the articles, `wenn`-like function words
    // (`seit`, a language hint) and stop words no gap, `msExchDelegateListLink` a name.
    assert.deepEqual(rows, [
      { term: 'merkwurdiges', pastes: 2 },
      { term: 'verhalten', pastes: 2 },
      { term: 'gesetzt', pastes: 1 },
      { term: 'meldet', pastes: 1 },
      { term: 'update', pastes: 1 },
      { term: 'verschoben', pastes: 1 },
      { term: 'zeigt', pastes: 1 },
    ]);
    assert.deepEqual(formatUntranslated(rows, 1, 2).split('\n'), [
      `· merkwurdiges${' '.repeat(12)}     2`,
      '7 German word(s) of 2 paste(s) the lexicon leaves as written',
    ]);
  });

  it('kb vocab --untranslated reads a paste or a set, and takes a paste only with --untranslated', () => {
    const kbJs = path.join(ROOT, 'dist/src/cli/kb.js');
    const run = (...args: string[]) => spawnSync(process.execPath, [kbJs, 'vocab', ...args], { encoding: 'utf8', cwd: ROOT });
    const one = run('--untranslated', 'Die Synchronisierung hängt seit gestern');
    assert.equal(one.status, 0, one.stderr);
    assert.match(one.stdout, /^· gestern +1$/m);
    assert.match(one.stdout, /German word\(s\) of 1 paste\(s\) the lexicon leaves as written\n$/);
    const set = run('--untranslated', '--set', 'tests/data/german-dev.jsonl', '--json');
    assert.equal(set.status, 0, set.stderr);
    const rows = JSON.parse(set.stdout) as { term: string; pastes: number }[];
    assert.ok(rows.length > 0 && rows.every((r) => r.pastes >= 1));
    assert.equal(run('Die Synchronisierung hängt').status, 2);
  });

  it('kb vocab runs on the built-in knowledge and reports the coverage line', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/src/cli/kb.js'), 'vocab', '--top', '5'], { encoding: 'utf8', cwd: ROOT });
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 6);
    assert.match(lines[5], /^lexicon covers \d of the 5 most used error words \(\d+(\.\d)?% of their uses\)$/);
  });
});
