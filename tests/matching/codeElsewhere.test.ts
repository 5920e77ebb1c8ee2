import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { englishArticle as article, kbOf } from '../helpers/articles';

/**
 * An answer found by a status code only its article names (codeHits.ts), in a paste that says where or for whom it
 * happened otherwise than the article (errorCaps.ts capCodeElsewhere): a client program calling an interface the
 * article's scenario does not name, a deployment the paste says it lacks, another kind of account. Offered, not answered,
 * as an error hit is (checkScenario); a place named only in prose does not cap a code.
 */
describe('matching rules: a code hit where the paste says it happened elsewhere (errorCaps.ts capCodeElsewhere)', () => {
  const texts = [
    '452 4.3.9 Wombat burrow full, the sett spool was unreachable.',
    '452 4.3.9 Wombat burrow full, the sett spool refused the item.',
  ];
  const paste = '452 4.3.9 Wombat burrow full, the quota of the sett is exhausted.';
  const other = article('other', ['Numbat feeder jammed at the gate.']);
  let plain: Matcher;
  beforeEach(() => {
    plain = new Matcher(kbOf([article('variants', texts), other]));
  });
  const top = (m: Matcher, text: string) => {
    const r = m.match(text);
    return [r.decision, r.matches[0]?.article, r.matches[0]?.score];
  };
  const ews = '   at Microsoft.Exchange.WebServices.Data.ServiceRequestBase.GetEwsHttpWebResponse(IEwsHttpWebRequest request)';

  it('answers the code’s article where the paste says nothing of where, or names a place only in its prose', () => {
    assert.deepEqual(top(plain, paste), ['answer', 'variants', 0.85]);
    assert.deepEqual(top(plain, `After the mailbox migration the burrow bounced:\n${paste}`), ['answer', 'variants', 0.85]);
  });

  it('offers it under a client program’s call to an interface the article does not name, answers it where the article names it', () => {
    assert.deepEqual(top(plain, `${paste}\n${ews}`), ['clarify', 'variants', 0.75]);
    const ewsArticle = new Matcher(
      kbOf([article('variants', texts, { title: { en: 'EWS applications get a full wombat burrow' } }), other]),
    );
    assert.deepEqual(top(ewsArticle, `${paste}\n${ews}`), ['answer', 'variants', 0.85]);
  });

  it('offers it where the paste says it has no deployment the article’s title names', () => {
    const hybrid = new Matcher(kbOf([article('variants', texts, { title: { en: 'Wombat burrow full in a hybrid deployment' } }), other]));
    assert.deepEqual(top(hybrid, paste), ['answer', 'variants', 0.85]);
    assert.deepEqual(top(hybrid, `We have no hybrid here.\n${paste}`), ['clarify', 'variants', 0.75]);
  });

  it('offers it where the paste names another kind of account than the article’s title', () => {
    const shared = new Matcher(kbOf([article('variants', texts, { title: { en: 'Wombat burrow full for a shared mailbox' } }), other]));
    assert.deepEqual(top(shared, paste), ['answer', 'variants', 0.85]);
    assert.deepEqual(top(shared, `Sent by a guest user:\n${paste}`), ['clarify', 'variants', 0.75]);
  });
});
