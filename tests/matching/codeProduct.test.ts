import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { englishArticle as article, kbOf } from '../helpers/articles';

/**
 * An answer found by a status code only its article names (codeHits.ts), in a paste of the other product than the one that
 * article applies to (errorCaps.ts capOtherProduct): offered, not answered, as an error hit is (checkScenario).
 */
describe('matching rules: a code hit of an article of the other product (errorCaps.ts capOtherProduct)', () => {
  const texts = [
    '535 5.7.139 Wombat logon unsuccessful, the burrow gateway was unreachable.',
    '535 5.7.139 Wombat logon unsuccessful, the burrow gateway refused plain text.',
  ];
  const paste = '535 5.7.139 Wombat logon unsuccessful, basic logon is disabled for the burrow.';
  const other = article('other', ['Numbat feeder jammed at the gate.']);
  const on = (name: string) => ({ products: [{ name, versions: [] }] });
  let server: Matcher;
  beforeEach(() => {
    server = new Matcher(kbOf([article('variants', texts, on('Exchange Server')), other]));
  });
  let online: Matcher;
  beforeEach(() => {
    online = new Matcher(kbOf([article('variants', texts, on('Exchange Online')), other]));
  });
  const top = (m: Matcher, text: string) => {
    const r = m.match(text);
    return [r.decision, r.matches[0]?.article, r.matches[0]?.score];
  };

  it('answers the code’s article where the paste names no product, or the article’s own', () => {
    assert.deepEqual(top(server, paste), ['answer', 'variants', 0.85]);
    assert.deepEqual(top(server, `Exchange Server 2019 CU14\n${paste}`), ['answer', 'variants', 0.85]);
    assert.deepEqual(top(online, `Generating server: BN8PR11MB3601.namprd11.prod.outlook.com\n${paste}`), ['answer', 'variants', 0.85]);
  });

  it('offers an Exchange Server article’s code printed in Exchange Online, and an Exchange Online article’s code on a server', () => {
    assert.deepEqual(top(server, `Generating server: BN8PR11MB3601.namprd11.prod.outlook.com\n${paste}`), ['clarify', 'variants', 0.75]);
    assert.deepEqual(top(online, `Exchange Server 2019 CU14\n${paste}`), ['clarify', 'variants', 0.75]);
  });
});
