import assert from 'node:assert/strict';
import type { Article } from '../../src/knowledge/types';
import { Matcher } from '../../src/matching/matcher';
import { otherStatusCode, statusCodesIn, statusTerms } from '../../src/matching/statusCodes';
import { englishArticle, kbOf } from '../helpers/articles';

const article = (id: string, ...errors: string[]): Article => englishArticle(id, errors);

const top = (m: Matcher, text: string) => {
  const r = m.match(text);
  return [r.decision, r.matches[0]?.article];
};

const REJECTED = '550 5.7.44 Recipient address rejected: the wombat gateway refused the pony relay';
const bounce = (code: string) =>
  `postfix/smtp[592]: to=<pat@contoso.com>, status=bounced (host mx.contoso.com said: 550 ${code} Recipient address rejected: the wombat gateway refused the pony relay (in reply to RCPT TO command))`;

describe('matching: a bounce with another enhanced status code', () => {
  it('reads status codes as terms and tells another code from the text’s or the article’s own', () => {
    assert.deepEqual([...statusTerms(['550', 'smtp5x7x44', 'recipient', 'smtp4x4x7'])], ['smtp5x7x44', 'smtp4x4x7']);
    const text = ['550', 'smtp5x7x44', 'recipient'];
    assert.equal(otherStatusCode(text, new Set(['smtp5x7x44']), new Set(['smtp5x4x1'])), true);
    assert.equal(otherStatusCode(text, new Set(['smtp5x7x44']), new Set(['smtp5x7x44', 'smtp5x4x1'])), false, 'its own code pasted');
    assert.equal(otherStatusCode(text, new Set(['smtp5x7x44', 'smtp5x4x1']), new Set(['smtp5x4x1'])), false, 'another row of its article');
    assert.equal(otherStatusCode(text, new Set(['smtp5x7x44']), new Set()), false, 'no code pasted');
    assert.equal(otherStatusCode(['recipient', 'rejected'], new Set(), new Set(['smtp5x4x1'])), false, 'a text without a code');
  });

  it('reads an overview’s row (an article naming three codes or more) as the row of its own code only', () => {
    const row = ['550', 'smtp5x7x504', 'recipient', 'rejected'];
    const overview = new Set(['smtp5x7x504', 'smtp5x7x1', 'smtp5x4x1']);
    assert.equal(otherStatusCode(row, overview, new Set(['smtp5x7x1'])), true, 'another row’s code under this row’s sentence');
    assert.equal(otherStatusCode(row, overview, new Set(['smtp5x7x504'])), false, 'the row’s own code');
    assert.equal(otherStatusCode(row, new Set(['smtp5x7x504', 'smtp5x7x1']), new Set(['smtp5x7x1'])), false, 'two codes: not an overview');
  });

  const kb = kbOf([article('rejected', REJECTED), article('far', 'Replication of the quokka database copy failed.')]);

  it('is offered, not answered, when the paste has the sentence under another code', () => {
    const m = new Matcher(kb);
    assert.deepEqual(
      [m.match(bounce('5.7.44')).decision, m.match(bounce('5.7.44')).matches[0]?.article],
      ['answer', 'rejected'],
      'its own code: answered',
    );
    const other = m.match(bounce('5.4.1'), { explain: true });
    assert.deepEqual([other.decision, other.matches[0]?.article, other.matches[0]?.score], ['clarify', 'rejected', 0.75]);
    assert.ok(other.matches[0].why?.rules.some((r) => r.rule === 'code' && /status code is not this error's/.test(r.note)));
  });

  it('is answered when the article carries the pasted code in another of its error texts (an NDR table’s other row)', () => {
    const table = kbOf([
      article('ndr-table', REJECTED, '550 5.4.1 Relay of the wombat message refused'),
      article('far', 'Replication of the quokka database copy failed.'),
    ]);
    const r = new Matcher(table).match(bounce('5.4.1'));
    assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'ndr-table']);
  });

  it('reads the codes an article names in its own words when its error text carries none', () => {
    assert.deepEqual([...statusCodesIn('Printers get 550 5.7.57 or 4.4.7, not version 15.2.1')], ['smtp5x7x57', 'smtp4x4x7']);
    const sentence = ['client', 'authenticated', 'send', 'mail'];
    const named = () => new Set(['smtp5x7x57']);
    assert.equal(otherStatusCode(sentence, new Set(), new Set(['smtp5x5x3']), named), true, 'a code the article never names');
    assert.equal(otherStatusCode(sentence, new Set(), new Set(['smtp5x7x57']), named), false, 'the code the article names');
    assert.equal(
      otherStatusCode(sentence, new Set(), new Set(['smtp5x5x3']), () => new Set()),
      false,
      'an article that names no code',
    );
  });

  it('is offered, not answered, when the article names the codes of its bounce only in prose and the paste has another', () => {
    const SENTENCE = 'Client was not authenticated to send anonymous wombat mail during MAIL FROM';
    const prose = kbOf([
      englishArticle('anon', [SENTENCE], { cause: { en: 'The pony scanner bounces with 5.7.57 because it does not sign in.' } }),
      article('far', 'Replication of the quokka database copy failed.'),
    ]);
    const m = new Matcher(prose);
    for (const paste of [`550 5.7.57 ${SENTENCE}`, SENTENCE]) assert.deepEqual(top(m, paste), ['answer', 'anon'], paste);
    const other = m.match(`550 5.5.3 ${SENTENCE}`);
    assert.deepEqual([other.decision, other.matches[0]?.article, other.matches[0]?.score], ['clarify', 'anon', 0.75]);
  });
});

describe('matching: an overview’s text without a code (the row rule)', () => {
  // An overview of three codes with a format every bounce prints, and a specific article for one bounce.
  const FRAME = 'Diagnostic wombat information for administrators Generating server: <server name> <enhanced status code> <SMTP response>';
  const overview = article(
    'overview',
    FRAME,
    '5.1.10 Recipient wombat not found',
    '5.7.1 Delivery not authorized for the wombat sender',
    '5.4.1 Relay access denied',
  );
  const specific = article('specific', "Remote Server returned '550 5.7.1 RESOLVER.RST.AuthRequired; authentication required'");
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kbOf([overview, specific]));
  });
  const frame = 'Diagnostic wombat information for administrators:\nGenerating server: ex01.contoso.local';

  it('answers the overview for its format only when the paste holds the row of its code', () => {
    assert.deepEqual(top(m, `${frame}\n550 5.7.1 Delivery not authorized for the wombat sender`), ['answer', 'overview']);
  });

  it('reads the row as held only under its own code, from more of its words than the code and one more', () => {
    assert.deepEqual(top(m, `${frame}\n550 5.7.1 authorized sender`), ['answer', 'overview']);
    assert.deepEqual(top(m, `${frame}\n550 5.7.1 Delivery`), ['clarify', 'overview'], 'one word and the code are not the row');
    // The row's words under another row's code: the line is that code's error, not this row's.
    assert.deepEqual(top(m, `${frame}\n550 5.4.1 Delivery not authorized for the wombat sender`), ['clarify', 'overview']);
  });

  it('offers it when the line with the code is another error’s', () => {
    const text = `${frame}\nRemote Server returned '550 5.7.1 RESOLVER.RST.AuthRequired; authentication required'`;
    assert.deepEqual(top(m, text), ['answer', 'specific']);
    const capped = m.match(text, { explain: true }).matches.find((x) => x.article === 'overview');
    assert.equal(capped?.score, 0.75);
    assert.ok(capped?.why?.rules.some((r) => r.rule === 'code' && r.note.includes('an overview')));
  });
});
