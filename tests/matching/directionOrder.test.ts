import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../src/knowledge/load';
import { subjectKeys } from '../../src/matching/descriptionHits';
import {
  buildDescriptions,
  descriptionTerms,
  inflectionKey,
  scoreDescriptions,
  weakDescriptions,
  type DescriptionScore,
} from '../../src/matching/descriptions';
import { flowsOf } from '../../src/matching/direction';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import type { MatchResult } from '../../src/matching/types';
import { describedArticle, kbOf, LAST_RESORT, wombatReference } from '../helpers/articles';

/**
 * The direction rule in the orders of symptoms offered together (descriptions.ts `directionFirst`): where the paste says the
 * direction of an article's title, the same way round, that article comes first in the last resort and the family offer too;
 * `for`/`für` before a side says where something goes (direction.ts); and the sentence that says the direction names what the
 * title says goes that way (descriptionHits.ts `agreeingDirections`).
 */
const W = DEFAULT_PARAMETERS.descriptions.directionWords;
const p = DEFAULT_PARAMETERS.descriptions;
const ids = (kb: KnowledgeBase, fits: readonly DescriptionScore[]) => fits.map((f) => kb.articles[f.article].id);

describe('matching: the direction in the orders of symptoms offered together', () => {
  it('reads `for` and `für` before a side as where something goes, the other side named in the sentence as where it comes from', () => {
    assert.deepEqual(flowsOf('Our cloud users could not see free/busy information for our on-prem users.', W), [
      { to: 'on-premises', from: 'cloud' },
    ]);
    assert.deepEqual(flowsOf('Lokale Benutzer sehen keine Frei/Gebucht-Informationen für Postfächer in Exchange Online.', W), [
      { to: 'cloud', from: 'on-premises' },
    ]);
    // Too far from the side, no direction.
    assert.deepEqual(flowsOf('It works for all of our many on-prem users.', W), []);
    // Only where `from` and `to` say none: here they say it, and `for` is the deferral's, not a direction.
    assert.deepEqual(flowsOf('The trace shows a deferral for mails from EXO users to on-prem.', W), [{ from: 'cloud', to: 'on-premises' }]);
    assert.deepEqual(flowsOf('Failed to provision Organization Relationship for O365 to On-premises.', W), [
      { from: 'cloud', to: 'on-premises' },
    ]);
  });

  it('puts first, in the last resort, the symptom whose title says the direction the paste says', () => {
    const kb = LAST_RESORT.kb();
    const index = buildDescriptions(kb);
    const fits = () => scoreDescriptions(index, new Set(descriptionTerms(LAST_RESORT.story)), p);
    assert.deepEqual(
      ids(
        kb,
        weakDescriptions(fits(), p, index, () => []),
      ),
      ['portraits', 'vouchers'],
    );
    // The second agrees with the paste's direction (agreeingDirections marks it so): it comes first, marked first only by it.
    const marked = fits();
    const second = marked.find((f) => kb.articles[f.article].id === 'vouchers')!;
    second.direction = true;
    const offered = weakDescriptions(marked, p, index, () => []);
    assert.deepEqual(ids(kb, offered), ['vouchers', 'portraits']);
    assert.equal(offered[0].led, true);
    // The first agreeing: the order stays, nothing marked.
    const first = fits();
    first[0].direction = true;
    const kept = weakDescriptions(first, p, index, () => []);
    assert.deepEqual(ids(kb, kept), ['portraits', 'vouchers']);
    assert.equal(kept[0].led, undefined);
  });

  describe('the family offer', () => {
    // Five articles name the wombat calendar (a family's symptom); two of them fail one way each between the sides.
    const kb = kbOf([
      wombatReference(),
      describedArticle(
        'outward',
        'Wombat calendar lookups fail from the cloud to on-premises',
        'Lookups of wombat calendar entries time out.',
      ),
      describedArticle(
        'inward',
        'Wombat calendar lookups fail from on-premises to the cloud',
        'Lookups of wombat calendar entries time out.',
      ),
      describedArticle(
        'delegates',
        'Wombat calendar blank for delegates',
        'Delegates opening a shared folder see a blank wombat calendar.',
      ),
      describedArticle('rooms', 'Wombat calendar of room resources shows old entries', 'Room resources keep stale entries.'),
      describedArticle('contacts', 'Numbat contact lookups fail in the cloud', 'Numbat contacts time out.'),
      describedArticle('groups', 'Bilby group lookups fail on-premises', 'Bilby groups time out.'),
      describedArticle('quokka', 'Quokka printer jams on duplex pages', 'The printer stops on every second page.'),
    ]);
    // A direction worth too little evidence for the description path to lead with it: the family offer orders them.
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(kb, { ...DEFAULT_PARAMETERS, descriptions: { ...p, directionEvidence: 0.05 } });
    });
    const offered = (r: MatchResult) => r.matches.filter((x) => x.score >= DEFAULT_PARAMETERS.decision.candidate).map((x) => x.article);

    it('puts first the article whose title says the direction the paste says, both ways round', () => {
      const out = m.match('Our cloud users see no wombat calendar for on-premises users.', { explain: true });
      assert.equal(out.decision, 'clarify');
      assert.deepEqual(offered(out), ['outward', 'inward']);
      const back = m.match('Our on-premises users see no wombat calendar for cloud users.', { explain: true });
      assert.equal(back.decision, 'clarify');
      assert.deepEqual(offered(back), ['inward', 'outward']);
      // --explain says it is first only by the direction.
      assert.ok(back.matches[0].why?.rules.some((r) => r.note.includes('same way') && r.note.includes('first or alone only by it')));
      for (const x of back.matches.slice(0, 2))
        assert.ok(x.why?.rules.some((r) => r.note.includes('names a symptom many articles describe')));
    });

    it('keeps the order of fit where the paste says no direction', () => {
      assert.deepEqual(offered(m.match('Our users see no wombat calendar.')).slice(0, 2), ['outward', 'inward']);
    });
  });

  it('gives the evidence of a direction only where its sentence names what the title says goes that way', () => {
    const kb = kbOf([
      describedArticle(
        'lookups',
        'Wombat calendar lookups fail from the cloud to on-premises',
        'Lookups of wombat calendar entries time out.',
      ),
      describedArticle(
        'replies',
        'Cloud users see no numbat replies from on-premises users',
        'Numbat replies of on-premises users never reach cloud users.',
      ),
      describedArticle('quokka', 'Quokka printer jams on duplex pages', 'The printer stops on every second page.'),
    ]);
    const notes = (text: string) =>
      new Matcher(kb).match(text, { explain: true, article: 'replies' }).matches.find((x) => x.article === 'replies')?.why?.rules ?? [];
    const same = (text: string) =>
      notes(text).some((r) => r.note.startsWith("the paste says the direction of the article's title the same way"));
    // Both say the replies article's direction (from on-premises to the cloud); only the second says what goes that way.
    assert.equal(same('Our on-premises users see no wombat calendar for cloud users.'), false);
    assert.equal(same('Our on-premises users see no numbat replies for cloud users.'), true);
  });

  it('counts a direction only in a sentence that names what the title says goes that way, besides the sides and the users', () => {
    const oof = "Office 365 users don't receive out-of-office notifications from on-premises users in a hybrid deployment";
    const lookups = 'Free/busy lookups fail from Exchange Online to on-premises in a hybrid deployment';
    const keys = (words: string) => words.split(' ').map(inflectionKey);
    assert.deepEqual(subjectKeys(oof, new Set()), keys('outofoffice notifications'));
    assert.deepEqual(subjectKeys(lookups, new Set(['exchange', 'online'])), keys('free busy lookups'));
    // `office` of a room, not of Office 365 nor of out-of-office: no word of either title's subject.
    const sentence = 'We come into the office and on-premises users are unable to see free/busy information for mailboxes in Office 365.';
    const said = subjectKeys(sentence, new Set());
    assert.ok(!said.some((k) => subjectKeys(oof, new Set()).includes(k)), said.join(' '));
    assert.ok(
      keys('free busy').every((k) => said.includes(k)),
      said.join(' '),
    );
  });
});
