import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS, type MatchParameters, type OuterParameters } from '../../src/matching/parameters';
import type { Article } from '../../src/knowledge/types';
import { englishArticle, kbOf } from '../helpers/articles';

/**
 * The outer-message cap (outerCaps.ts) on small hand-made error texts: what it lists in its explain note, and where its
 * numbers (`score.otherOuter`) draw the line. rules.test.ts holds the rule's plain outcomes.
 */

const MESSAGE = 'Federation information could not be retrieved from the partner yak organization.';
// Five words of a wrapper: wombatstatus, protocolfault, responsecode, 403, wombatexception.
const WRAPPER = 'WombatStatus=ProtocolFault;ResponseCode=403;WombatException=System.Net.WombatException:';
const FOREIGN = 'capped at 0.75: the paste wraps the error in an outer message this article never names';
const OWN = "capped at 0.75: the paste wraps the error's inner message in an outer message of its own";

/** Decision, top article and score, and the top match's notes of the outer-message cap (rule 'scenario'). */
const outcome = (m: Matcher, text: string) => {
  const r = m.match(text, { explain: true });
  const top = r.matches[0];
  return {
    decision: r.decision,
    top: [top?.article, top?.score],
    notes: (top?.why?.rules ?? []).filter((x) => x.rule === 'scenario').map((x) => x.note),
  };
};

const outer = (over: Partial<OuterParameters>): MatchParameters => ({
  ...DEFAULT_PARAMETERS,
  score: { ...DEFAULT_PARAMETERS.score, otherOuter: { ...DEFAULT_PARAMETERS.score.otherOuter, ...over } },
});

// The article whose error text wraps its own message comes first: its words get the lowest vocabulary ids, so the
// paste's inner message (`… partner yak organization`) is not in ascending id order as written.
const federation = (extra: Partial<Article> = {}) => englishArticle('federation', [MESSAGE], extra);
const forbidden = englishArticle('forbidden', [`${WRAPPER} The remote yak returned an error: (403) Forbidden.`]);
const other = englishArticle('other', ['Unrelated narwhal text about the zoo.']);
const matcher = (extra: Partial<Article> = {}, params?: MatchParameters) =>
  new Matcher(kbOf([forbidden, federation(extra), other]), params);

describe('matching: the outer-message cap (outerCaps.ts)', () => {
  describe("another article's wrapper around the message (foreignOuter, wrappersHeld)", () => {
    it('caps the message and names the wrapper words the article never uses', () => {
      assert.deepEqual(outcome(matcher(), `${WRAPPER} ${MESSAGE}`), {
        decision: 'clarify',
        top: ['federation', 0.75],
        notes: [
          `${FOREIGN} (wombatstatus, protocolfault, responsecode, 403, wombatexception): the message printed by another failure (offered, not answered)`,
        ],
      });
    });

    it('names only the words the article does not use itself, and caps while `foreignWords` (3) of them are left', () => {
      const named = matcher({ cause: { en: 'A WombatStatus of ProtocolFault.' } });
      assert.deepEqual(outcome(named, `${WRAPPER} ${MESSAGE}`).notes, [
        `${FOREIGN} (responsecode, 403, wombatexception): the message printed by another failure (offered, not answered)`,
      ]);
      const more = matcher({ cause: { en: 'A WombatStatus of ProtocolFault with a ResponseCode.' } });
      assert.deepEqual(outcome(more, `${WRAPPER} ${MESSAGE}`), { decision: 'answer', top: ['federation', 1], notes: [] });
    });

    it('needs `wrapperShare` (0.8) of the other wrapper in the paste: four of its five words, not three', () => {
      const four = 'ProtocolFault;ResponseCode=403;WombatException=System.Net.WombatException:';
      assert.deepEqual(outcome(matcher(), `${four} ${MESSAGE}`).top, ['federation', 0.75]);
      const three = 'ResponseCode=403;WombatException=System.Net.WombatException:';
      assert.deepEqual(outcome(matcher(), `${three} ${MESSAGE}`).top, ['federation', 1]);
      assert.deepEqual(outcome(matcher({}, outer({ wrapperShare: 0.6 })), `${three} ${MESSAGE}`).top, ['federation', 0.75]);
    });

    it('reads a wrapper of `foreignWords` words or more only, and caps when all of them are foreign', () => {
      assert.deepEqual(outcome(matcher({}, outer({ foreignWords: 5 })), `${WRAPPER} ${MESSAGE}`).top, ['federation', 0.75]);
      assert.deepEqual(outcome(matcher({}, outer({ foreignWords: 6 })), `${WRAPPER} ${MESSAGE}`).top, ['federation', 1]);
    });

    it('looks up no word of the outer message that more than `maxPostings` error texts hold', () => {
      // Each wrapper word is in one error text.
      assert.deepEqual(outcome(matcher({}, outer({ maxPostings: 1 })), `${WRAPPER} ${MESSAGE}`).top, ['federation', 0.75]);
      assert.deepEqual(outcome(matcher({}, outer({ maxPostings: 0 })), `${WRAPPER} ${MESSAGE}`).top, ['federation', 1]);
    });

    it("never counts the article's own wrapper as another's", () => {
      const own = new Matcher(kbOf([englishArticle('wrapped', [`${WRAPPER} ${MESSAGE}`]), other]));
      assert.deepEqual(outcome(own, `${WRAPPER} ${MESSAGE}`), { decision: 'answer', top: ['wrapped', 1], notes: [] });
    });

    it('needs `innerWords` (3) of the words found inside the inner message: each of its 7 words counts, in any id order', () => {
      assert.deepEqual(outcome(matcher({}, outer({ innerWords: 7 })), `${WRAPPER} ${MESSAGE}`).top, ['federation', 0.75]);
      assert.deepEqual(outcome(matcher({}, outer({ innerWords: 8 })), `${WRAPPER} ${MESSAGE}`).top, ['federation', 1]);
    });
  });

  describe("a place named in the outer message that is not the article's (foreignOuter)", () => {
    const call = `The call to 'https://mail.contoso.com/EWS/mrsproxy.svc' failed. Error details: ${MESSAGE}`;

    it('caps the message and names the place', () => {
      assert.deepEqual(outcome(matcher(), call), {
        decision: 'clarify',
        top: ['federation', 0.75],
        notes: [`${FOREIGN} (service:mrs): the message printed by another failure (offered, not answered)`],
      });
    });
  });

  describe("an outer message of the paste's own around the error's inner message (ownOuter)", () => {
    const own = 'The call to the pony gateway failed. Error details: The yak request was refused with the walrus scheme.';
    const inner = 'The remote yak returned an error: (403) Forbidden.';
    const m = (params?: MatchParameters) => new Matcher(kbOf([englishArticle('forbidden', [`${own} --> ${inner}`]), other]), params);
    const llama = 'Unable to reach the llama endpoint. Please check the credentials you entered.';

    it('caps the error and names the outer message’s words', () => {
      const r = outcome(m(), `${llama} Inner Exception: ${inner}`);
      assert.deepEqual(r.top, ['forbidden', 0.75]);
      assert.equal(r.notes.length, 1);
      assert.ok(r.notes[0].startsWith(`${OWN} (unable, reach, llama, endpoint`), r.notes[0]);
      assert.ok(
        r.notes[0].endsWith("and holds nothing of the error's: the message printed by another failure (offered, not answered)"),
        r.notes[0],
      );
    });

    it('reads an outer message of `ownWords` (3) content words as one, and not one of two', () => {
      assert.deepEqual(outcome(m(), `Llama endpoint unreachable: Inner Exception: ${inner}`).top, ['forbidden', 0.75]);
      const two = outcome(m(), `Llama endpoint: Inner Exception: ${inner}`);
      assert.deepEqual([two.decision, two.top[0], two.notes], ['answer', 'forbidden', []]);
    });

    it("needs a wrapper of `ownWords` words before the article's inner message too (its error text's has 10)", () => {
      // 13 content words: long enough for either setting below.
      const paste = `Unable to reach the llama endpoint at the eastern paddock gate. Please check the credentials and the proxy settings you entered. Inner Exception: ${inner}`;
      assert.deepEqual(outcome(m(outer({ ownWords: 10 })), paste).top, ['forbidden', 0.75]);
      const r = outcome(m(outer({ ownWords: 11 })), paste);
      assert.deepEqual([r.decision, r.top[0], r.notes], ['answer', 'forbidden', []]);
    });
  });
});
