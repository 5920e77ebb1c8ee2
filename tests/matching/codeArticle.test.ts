import assert from 'node:assert/strict';
import type { Article } from '../../src/knowledge/types';
import { Matcher } from '../../src/matching/matcher';
import { describedArticle, englishArticle, kbOf } from '../helpers/articles';

/** An overview article whose symptoms are the rows of a status-code table, one error text each. */
const overview = (rows: string[]): Article =>
  englishArticle('ndr-overview', [], {
    title: { en: 'Bounce messages of the wombat relay' },
    symptoms: rows.map((error, i) => ({ id: `row-${i}`, description: { en: `row ${i}` }, errors: { en: [error] } })),
  });
const ROWS = [
  '5.7.91 The quokka relay refused the message',
  '5.7.92 Invalid wombat characters in the message body',
  '5.7.93 Pony gateway timeout while sending',
];
/** An article about one code, which it names only in its title (the importer makes that its error text). */
const codeArticle = (id: string, code: string) =>
  englishArticle(id, [`550 ${code}`], { title: { en: `Fix NDR error "550 ${code}" in Exchange Online` } });
const far = englishArticle('far', ['Replication of the quokka database copy failed.']);

const first = (m: Matcher, text: string) => {
  const r = m.match(text, { explain: true });
  return { decision: r.decision, articles: r.matches.map((x) => x.article), why: r.matches[0]?.why?.rules.map((x) => x.rule) ?? [] };
};
// Half of the row's message: offered, not answered.
const PARTIAL = 'Your message has invalid wombat characters';

describe('matching: the article about a status code before the overview’s row of it', () => {
  it('offers the one article whose title names the code first, the overview row right after it', () => {
    const m = new Matcher(kbOf([overview(ROWS), codeArticle('fix-5-7-92', '5.7.92'), far]));
    const r = first(m, PARTIAL);
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(r.articles.slice(0, 2), ['fix-5-7-92', 'ndr-overview']);
    assert.ok(r.why.includes('code-article'));
  });

  it('never changes an answer: the whole row pasted is answered with the overview', () => {
    const m = new Matcher(kbOf([overview(ROWS), codeArticle('fix-5-7-92', '5.7.92'), far]));
    const r = first(m, '5.7.92 Invalid wombat characters in the message body');
    assert.deepEqual([r.decision, r.articles[0]], ['answer', 'ndr-overview']);
  });

  it('leaves the order alone when two titles name the code, or the row is no overview’s', () => {
    const two = new Matcher(kbOf([overview(ROWS), codeArticle('fix-5-7-92', '5.7.92'), codeArticle('also-5-9-72', '5.7.92'), far]));
    assert.equal(first(two, PARTIAL).articles[0], 'ndr-overview');
    // An article with two codes is one more article about its errors, not an overview of a table of them.
    const small = new Matcher(kbOf([overview(ROWS.slice(1)), codeArticle('fix-5-7-92', '5.7.92'), far]));
    assert.equal(first(small, PARTIAL).articles[0], 'ndr-overview');
    // The code of the row must lead its error text (a status line), not stand somewhere inside a sentence.
    const inside = new Matcher(
      kbOf([
        overview([ROWS[0], 'Invalid wombat characters in the message body (5.7.92)', ROWS[2]]),
        codeArticle('fix-5-7-92', '5.7.92'),
        far,
      ]),
    );
    assert.equal(first(inside, PARTIAL).articles[0], 'ndr-overview');
  });
});

describe('matching: an answer found by the prose of an overview’s row goes to the article about its code', () => {
  /** The overview with prose for its rows, as an imported NDR overview has (what the code means, where to read on). */
  const described = englishArticle('ndr-overview', [], {
    title: { en: 'Bounce messages of the wombat relay' },
    symptoms: [
      { id: 'row-0', description: { en: 'The quokka relay refused the message.' }, errors: { en: [ROWS[0]] } },
      { id: 'row-1', description: { en: 'Your mail program added stray numbat bytes to a message you sent.' }, errors: { en: [ROWS[1]] } },
      { id: 'row-2', description: { en: 'The pony gateway timed out.' }, errors: { en: [ROWS[2]] } },
    ],
  });
  // Another article names a word of the paste (`program`): descriptions compete, as in a real knowledge base.
  const printer = describedArticle('printer', 'A printer program cannot send', 'The printer program stops.');
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kbOf([described, codeArticle('fix-5-7-92', '5.7.92'), far, printer]));
  });
  // The row's prose in a user's words, without its error text: a description of the row (describedWhole answers it).
  const text = 'my mail program adds stray numbat bytes to every message I send';

  it('answers the one article whose title names the row’s code, the row beside it', () => {
    const r = first(m, text);
    assert.deepEqual([r.decision, r.articles[0], r.articles[1]], ['answer', 'fix-5-7-92', 'ndr-overview']);
    assert.ok(r.why.includes('code-article'));
  });

  it('leaves an answer to the row’s own error text where it is', () => {
    assert.deepEqual(first(m, ROWS[1]).articles[0], 'ndr-overview');
  });
});
