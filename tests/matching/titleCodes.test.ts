import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { inStatusRange, statusRangesIn } from '../../src/matching/statusCodes';
import { englishArticle, kbOf } from '../helpers/articles';

/** An article about one code, which it names only in its title (the importer makes that its error text). */
const codeArticle = (id: string, code: string) =>
  englishArticle(id, [`550 ${code}`], { title: { en: `Fix NDR error "550 ${code}" in Exchange Online` } });
/** An article about a range of codes, its error text the range's first code and the sender's value written as its shape. */
const rangeArticle = englishArticle('fix-4-7-900-999', ['451 4.7.900 (ASxxx)'], {
  title: { en: 'Fix NDR error code "451 4.7.900-999 (ASxxx)" in Exchange Online' },
});
/** An article whose title names the code with its message, as its error text has it. */
const busyArticle = englishArticle('wombat-busy', ["Remote Server returned '554 4.3.9 wombat busy; the pony store refused the delivery'"], {
  title: { en: '"554 4.3.9 wombat busy" when sending emails to a quokka mailbox' },
});
const far = englishArticle('far', ['Replication of the quokka database copy failed.']);

const top = (m: Matcher, text: string) => {
  const r = m.match(text, { explain: true });
  return { decision: r.decision, articles: r.matches.map((x) => x.article), score: r.matches[0]?.score, why: r.matches[0]?.why };
};

describe('matching: a status code an article’s title names', () => {
  it('reads the ranges a title names', () => {
    assert.deepEqual(statusRangesIn('Fix NDR error code "451 4.7.500-699 (ASxxx)" in Exchange Online'), [
      { prefix: 'smtp4x7x', from: 500, to: 699 },
    ]);
    assert.deepEqual(statusRangesIn('Fix NDR error code "550 5.1.1" through "550 5.1.20" in Exchange Online'), [
      { prefix: 'smtp5x1x', from: 1, to: 20 },
    ]);
    assert.deepEqual(statusRangesIn('Fix NDR error 5.4.6 or 5.4.14'), [], 'two codes, not a range');
    assert.deepEqual(statusRangesIn('5.1.1 through 5.2.20'), [], 'a range stays in one class');
    assert.equal(inStatusRange('smtp4x7x512', { prefix: 'smtp4x7x', from: 500, to: 699 }), true);
    assert.equal(inStatusRange('smtp4x7x5', { prefix: 'smtp4x7x', from: 500, to: 699 }), false);
    assert.equal(inStatusRange('smtp5x7x512', { prefix: 'smtp4x7x', from: 500, to: 699 }), false);
  });

  it('offers the article about a code pasted alone, never answers it', () => {
    const m = new Matcher(kbOf([codeArticle('fix-5-7-91', '5.7.91'), codeArticle('fix-5-7-92', '5.7.92'), far]));
    const r = top(m, 'Error code: 5.7.92');
    assert.deepEqual([r.decision, r.articles], ['clarify', ['fix-5-7-92']]);
    assert.equal(r.score, 0.5);
    assert.ok(r.why?.rules.some((x) => x.rule === 'code' && /title names/.test(x.note)));
    assert.equal(top(m, 'Error code: 5.7.93').decision, 'none', 'no title names it');
  });

  it('offers none of them when more than three titles name the code', () => {
    const four = ['a', 'b', 'c', 'd'].map((id) => codeArticle(id, '5.7.92'));
    assert.equal(top(new Matcher(kbOf([...four, far])), 'Error code: 5.7.92').decision, 'none');
    assert.deepEqual(top(new Matcher(kbOf([...four.slice(1), far])), 'Error code: 5.7.92').articles, ['b', 'c', 'd']);
  });

  it('offers the article about a range for a code inside it, unless a title names the code itself', () => {
    const paste = '451 4.7.912 Server busy. Please try again later from [192.0.2.7]. (AS843)';
    assert.deepEqual(top(new Matcher(kbOf([rangeArticle, far])), paste).articles, ['fix-4-7-900-999']);
    assert.deepEqual(top(new Matcher(kbOf([rangeArticle, codeArticle('fix-4-7-912', '4.7.912'), far])), paste).articles, ['fix-4-7-912']);
    // The value written as its shape (`ASxxx`) is a placeholder: the paste's `AS843` right after the code does not go on differently.
    assert.deepEqual(top(new Matcher(kbOf([rangeArticle, far])), '4.7.900 AS843 blocked').articles, ['fix-4-7-900-999']);
  });

  it('does not offer it where the paste goes on after the code differently than the article’s error text', () => {
    const m = new Matcher(kbOf([busyArticle, far]));
    assert.equal(top(m, 'Deferred: 421 4.3.9 The maximum number of concurrent connections has exceeded a limit').decision, 'none');
    assert.deepEqual(top(m, 'The bounce says 4.3.9 store wombat').articles, ['wombat-busy'], 'a word put in after the code');
    assert.deepEqual(top(m, 'Error code: 4.3.9').articles, ['wombat-busy'], 'nothing after the code');
  });
});
