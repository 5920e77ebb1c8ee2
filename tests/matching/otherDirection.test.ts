import assert from 'node:assert/strict';
import { directionAgainst, flowsOf, workingFlows } from '../../src/matching/direction';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { describedArticle, englishArticle, kbOf } from '../helpers/articles';

const W = DEFAULT_PARAMETERS.descriptions.directionWords;
const WOMBAT = '550 5.1.99 WOMBAT.ADR.KeeperNotFound; Keeper not found by wombat burrow lookup';
const INNER = 'Keeper not found by wombat burrow lookup';

describe('matching: an error of an article whose title says which way it fails, the paste saying the other way or that way works (capOtherDirection)', () => {
  const bounce = englishArticle('bounce', [WOMBAT], {
    title: { en: '"550 5.1.99 WOMBAT.ADR.KeeperNotFound" when Microsoft 365 users send emails to on-premises users' },
  });
  // Another article's shorter error text, inside the bounce's words.
  const edge = englishArticle('edge', [INNER], { title: { en: 'Edge gateways reject wombat mail' } });
  const far = englishArticle('far', ['The quokka service stopped unexpectedly while reading the burrow index']);
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kbOf([bounce, edge, far]));
  });
  const top = (text: string) => {
    const r = m.match(text, { explain: true });
    return { decision: r.decision, first: r.matches[0]?.article, rules: r.matches.flatMap((x) => x.why?.rules.map((y) => y.note) ?? []) };
  };

  it('reads the sides admins write short, and which directions a text says work', () => {
    assert.deepEqual(flowsOf('from my 365 accounts to premise', W), [{ from: 'cloud', to: 'on-premises' }]);
    assert.deepEqual(flowsOf('from Office365 to our premises', W), [{ from: 'cloud', to: 'on-premises' }]);
    assert.deepEqual(workingFlows('I checked the connectors, from my 365 accounts to premise, there is no problem, mail arrives.', W), [
      { from: 'cloud', to: 'on-premises' },
    ]);
    assert.deepEqual(workingFlows('From on-prem to Exchange Online mail works fine.', W), [{ from: 'on-premises', to: 'cloud' }]);
    // Up to two clauses later, with nothing between that says a direction of its own or that something fails.
    assert.deepEqual(workingFlows('from 365 to premise, I checked it, no problem', W), [{ from: 'cloud', to: 'on-premises' }]);
    assert.deepEqual(workingFlows('from 365 to premise, I checked the connector, the queue, no problem', W), []);
    assert.deepEqual(workingFlows('from 365 to premise, it bounces, no problem otherwise', W), []);
    // A clause that says it fails does not work, whatever else it says.
    assert.deepEqual(workingFlows('From 365 to on-prem mail never arrives.', W), []);
    assert.deepEqual(workingFlows("From 365 to on-prem it doesn't work.", W), []);
    assert.deepEqual(workingFlows('Mail from 365 to on-prem bounces.', W), []);
  });

  it('says why: only the other way round, or that way works; nothing where the title says no direction', () => {
    assert.equal(directionAgainst(bounce, 'On-prem users sending to a cloud-only mailbox get it', W), 'reversed');
    assert.equal(directionAgainst(bounce, 'From my 365 accounts to premise there is no problem.', W), 'works');
    assert.equal(directionAgainst(bounce, 'Mail from 365 to on-prem bounces, from on-prem to 365 it is delivered.', W), undefined);
    assert.equal(directionAgainst(bounce, 'It bounces.', W), undefined);
    assert.equal(directionAgainst(edge, 'On-prem users sending to a cloud-only mailbox get it', W), undefined);
  });

  it('answers the bounce told its own way, or with no direction', () => {
    assert.deepEqual([top(WOMBAT).decision, top(WOMBAT).first], ['answer', 'bounce']);
    const own = `Our Microsoft 365 users get ${WOMBAT} when they send to on-premises users. From on-prem to 365 mail works fine.`;
    assert.deepEqual([top(own).decision, top(own).first], ['answer', 'bounce']);
  });

  it('offers it, and the shorter error inside it, where the paste says the other way round or that its way works', () => {
    const reversed = top(`On-prem users sending to a cloud-only mailbox get ${WOMBAT}`);
    assert.deepEqual([reversed.decision, reversed.first], ['clarify', 'bounce']);
    assert.ok(
      reversed.rules.includes(
        `capped at ${DEFAULT_PARAMETERS.score.otherDirection}: the article's title says which way it fails between on-premises and the cloud, and the paste says only the other way round (offered, not answered)`,
      ),
      JSON.stringify(reversed.rules),
    );
    const later = top(`Mail to one address bounces with ${WOMBAT}. From my 365 accounts to premise, I checked it, no problem.`);
    assert.deepEqual([later.decision, later.first], ['clarify', 'bounce']);
    const works = top(`Mail to one address bounces with ${WOMBAT}, but from my 365 accounts to premise, there is no problem.`);
    assert.deepEqual([works.decision, works.first], ['clarify', 'bounce']);
    assert.ok(works.rules.some((n) => n.includes('the paste says that way works')));
    assert.ok(
      works.rules.some((n) => n.includes('every word it found lies inside what bounce found')),
      JSON.stringify(works.rules),
    );
  });

  it('offers, not answers, a description that names the symptom whole where the paste says its direction works', () => {
    const kb = kbOf([
      describedArticle(
        'oof',
        'Office 365 users do not receive out-of-office replies from on-premises users',
        'Out-of-office replies of on-premises users never reach Office 365 users.',
      ),
      describedArticle('photos', 'User photos are not shown in Outlook', 'Photos of users are missing.'),
      describedArticle('rooms', 'Room lists are empty in Microsoft 365', 'The room finder shows no rooms for on-premises users.'),
    ]);
    const d = new Matcher(kb);
    const run = (text: string) => [d.match(text).decision, d.match(text).matches[0]?.article];
    assert.deepEqual(run('Office 365 users do not receive out-of-office replies from on-premises users.'), ['answer', 'oof']);
    const works =
      'Out-of-office replies from on-premises users to Office 365 users work fine, but Office 365 users do not receive out-of-office replies sent the other way.';
    assert.deepEqual(run(works), ['clarify', 'oof']);
    const why = d.match(works, { explain: true }).matches[0].why;
    assert.ok(why?.rules.some((r) => r.note.startsWith("the paste says the direction of the article's title works")));
  });
});
