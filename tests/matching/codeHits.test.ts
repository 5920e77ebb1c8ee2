import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { labelledCodes } from '../../src/matching/apiCodes';
import { englishArticle, kbOf } from '../helpers/articles';

/** Decision, articles and the top match's symptom and first rule note, for a paste. */
const outcome = (m: Matcher, text: string) => {
  const r = m.match(text, { explain: true });
  return {
    decision: r.decision,
    articles: r.matches.map((x) => x.article),
    symptom: r.matches[0]?.symptom,
    note: r.matches[0]?.why?.rules[0]?.note ?? '',
  };
};
const far = englishArticle('far', ['Replication of the quokka database copy failed.']);

describe('matching: code hits (codeHits.ts)', () => {
  describe('a code the paste shares with an error text and little else: the word after it tells (nextDiffers)', () => {
    // The title shares no word with the pastes below but the code: what decides is the code and what follows it.
    const tunnel = englishArticle('tunnel', ['HCW8199 The wombat tunnel collapsed near the burrow gate'], {
      title: { en: 'Setup stops on a northern farm' },
    });
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(kbOf([tunnel, far]));
    });

    it('offers the article for the code alone, or for the code at the paste’s end', () => {
      assert.deepEqual(outcome(m, 'HCW8199').articles, ['tunnel']);
      assert.deepEqual(outcome(m, 'HCW8199 koala meadow, later HCW8199').articles, ['tunnel']);
    });

    it('offers none where the paste goes on differently right after the code, wherever the code stands', () => {
      assert.equal(outcome(m, 'HCW8199 koala meadow flooded').decision, 'none', 'the code first in the paste');
      assert.equal(outcome(m, 'log: HCW8199 koala meadow flooded').decision, 'none');
      assert.equal(outcome(m, 'HCW8199 koala meadow flooded, later HCW8199 koala').decision, 'none', 'both times');
    });

    it('reads a word the paste skipped or put in after the code as the same error', () => {
      assert.deepEqual(outcome(m, 'HCW8199 wombat koala meadow').articles, ['tunnel'], 'the next word is the text’s');
      assert.deepEqual(outcome(m, 'HCW8199 tunnel koala meadow').articles, ['tunnel'], 'one word skipped');
      assert.deepEqual(outcome(m, 'HCW8199 koala wombat meadow').articles, ['tunnel'], 'one word put in');
    });
  });

  describe('a status code an article’s title names (diverges)', () => {
    const ndr = englishArticle('ndr-439', ["Remote Server returned '554 4.3.9 wombat busy; the pony store refused the delivery'"], {
      title: { en: 'Fix NDR error "554 4.3.9" in Exchange Online' },
    });
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(kbOf([ndr, far]));
    });
    const TITLE_NAMES = "0.5: a status code the article's title names (at most 3 titles)";

    it('offers it where the paste follows the error text from the code to either end', () => {
      assert.deepEqual(outcome(m, 'x 4.3.9 wombat busy'), {
        decision: 'clarify',
        articles: ['ndr-439'],
        symptom: 'main',
        note: TITLE_NAMES,
      });
      assert.deepEqual(outcome(m, '4.3.9 koala, 4.3.9 wombat busy').articles, ['ndr-439'], 'one place follows it');
    });

    it('offers none where the paste follows a few words and then goes on differently', () => {
      assert.equal(outcome(m, '4.3.9 wombat koala').decision, 'none');
      assert.equal(outcome(m, '4.3.9 wombat busy; the koala store refused').decision, 'none');
    });

    it('reads one word skipped or put in as the same error', () => {
      assert.equal(outcome(m, '4.3.9 wombat busy the store refused').note, TITLE_NAMES, 'pony skipped');
      assert.equal(outcome(m, '4.3.9 wombat busy the koala pony store').note, TITLE_NAMES, 'koala put in');
    });

    it('names the symptom whose error text carries the code, not the article’s first', () => {
      const two = englishArticle('ndr-439', [], {
        title: { en: 'Fix NDR error "554 4.3.9" in Exchange Online' },
        symptoms: [
          { id: 'other', description: { en: 'd' }, errors: { en: ['The koala queue is frozen'] } },
          { id: 'carrier', description: { en: 'd' }, errors: { en: ["Remote Server returned '554 4.3.9 wombat busy'"] } },
        ],
      });
      assert.equal(outcome(new Matcher(kbOf([two, far])), 'bounce 4.3.9').symptom, 'carrier');
    });
  });
});

describe('matching: API error codes (apiCodes.ts)', () => {
  it('reads the CamelCase word after a code label as a code, not a property or an exception class', () => {
    assert.deepEqual(labelledCodes('HTTP error: 404 Error code: WombatNotEnabledForKoalaAPI or WombatNotSupportedForKoalaAPI'), [
      'wombatnotenabledforkoalaapi',
      'wombatnotsupportedforkoalaapi',
    ]);
    assert.deepEqual(labelledCodes('TLS negotiation failed with error NoWombatCredentials'), ['nowombatcredentials']);
    assert.deepEqual(labelledCodes('{"ResponseCode":"ErrorWombatMissing","MessageText":"x"}'), ['errorwombatmissing']);
    assert.deepEqual(labelledCodes('<ResponseCode>ErrorWombatMissing</ResponseCode>'), ['errorwombatmissing']);
    assert.deepEqual(labelledCodes('(StoreError=WombatPerm)'), ['wombatperm']);
    assert.deepEqual(labelledCodes('remoteMailbox.WombatRecipientType must include ProvisionWombat'), [], 'no label before them');
    assert.deepEqual(labelledCodes('{"error": {"code": "InternalUrl_Duplicate"}}'), [], 'part of a longer code');
    assert.deepEqual(labelledCodes('Error: WombatPermanentException: the burrow'), [], 'an exception class');
    assert.deepEqual(labelledCodes('failed with error Wombat'), [], 'one capital: a word');
  });

  describe('in a paste', () => {
    const rest = englishArticle(
      'koala-api',
      [
        'HTTP error: 404 Error code: WombatNotEnabledForKoalaAPI or WombatNotSupportedForKoalaAPI Error message: "The koala interface is not yet ready."',
      ],
      { title: { en: 'Koala interface is not yet ready error' } },
    );
    const depth = englishArticle('depth', ['The value of WombatBurrowDepth must be positive']);
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(kbOf([rest, depth, far]));
    });
    const CODE =
      "0.6: an API error code (a CamelCase word an error text gives after a code label) at most 3 articles hold: the error's family, not where it happened (offered, never answered)";

    it('offers its article for the code alone, inside the paste’s own sentence, and for the code after `or`', () => {
      assert.deepEqual(outcome(m, 'WombatNotEnabledForKoalaAPI'), {
        decision: 'clarify',
        articles: ['koala-api'],
        symptom: 'main',
        note: CODE,
      });
      assert.deepEqual(outcome(m, 'I just get the message "WombatNotEnabledForKoalaAPI" when I try any of this.').articles, ['koala-api']);
      assert.deepEqual(outcome(m, '{"error": {"code": "WombatNotSupportedForKoalaAPI", "message": ""}}').articles, ['koala-api']);
    });

    it('never answers on the code and title words: such a code names a family printed in many places', () => {
      assert.equal(outcome(m, 'WombatNotEnabledForKoalaAPI from the koala interface').decision, 'clarify');
    });

    it('offers nothing for a code two articles give: what their texts print after it is another field, so nothing tells which', () => {
      const twice = englishArticle('koala-twice', ['Koala sync stopped. Error code: WombatNotEnabledForKoalaAPI Request id: <id>']);
      const both = new Matcher(kbOf([rest, twice, depth, far]));
      assert.equal(outcome(both, 'WombatNotEnabledForKoalaAPI').decision, 'none');
      assert.equal(outcome(m, 'WombatNotEnabledForKoalaAPI').decision, 'clarify');
    });

    it('offers nothing for a CamelCase word that no label gives as a code', () => {
      assert.equal(outcome(m, 'WombatBurrowDepth').decision, 'none');
    });
  });
});

describe('matching: a status code’s family, one article’s title naming the paste’s message (codeHits.ts)', () => {
  const LIMIT = '432 4.3.2 STOREDRV.WombatSubmit; sender thread limit exceeded';
  const throttle = englishArticle('throttle', [LIMIT], {
    title: { en: 'Changes in widget store and throttling for concurrent wombats in Exchange Online' },
  });
  const overview = englishArticle('overview', [LIMIT, '550 5.1.97 Widget unknown', '550 5.7.98 Widget refused'], {
    title: { en: 'Widget non-delivery reports' },
  });
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kbOf([throttle, overview, far]));
  });
  const FAMILY_TITLE =
    "0.85: one of a status code's family whose title, alone of the family, names the paste's message after the code (and an error text with the paste's reply code): which bounce and why";

  it('answers the article whose title names the message after the code, printed after the same reply code', () => {
    assert.deepEqual(outcome(m, 'Message failed: 432 4.3.2 Concurrent wombats limit exceeded.'), {
      decision: 'answer',
      articles: ['throttle', 'overview'],
      symptom: 'main',
      note: FAMILY_TITLE,
    });
  });

  it('offers the family where the reply code differs, is missing, or the title’s words stand elsewhere in the paste', () => {
    assert.equal(outcome(m, 'Deferred: 421 4.3.2 Concurrent wombats limit exceeded.').decision, 'clarify', 'another reply code');
    assert.equal(outcome(m, 'Error: 4.3.2 Concurrent wombats limit exceeded.').decision, 'clarify', 'no reply code');
    assert.equal(
      outcome(m, 'Our concurrent wombats fail: 432 4.3.2 Sender pony limit exceeded.').decision,
      'clarify',
      'not after the code',
    );
  });

  it('offers it in a paste that says it runs on an Exchange server, the article being for Exchange Online only', () => {
    assert.equal(outcome(m, 'Message failed: 432 4.3.2 Concurrent wombats limit exceeded. Our Exchange 2016 server').decision, 'clarify');
  });
});
