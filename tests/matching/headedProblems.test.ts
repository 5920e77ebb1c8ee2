import assert from 'node:assert/strict';
import { importArticle } from '../../src/knowledge/import';
import { Matcher } from '../../src/matching/matcher';
import { describedArticle, englishArticle as article, kbOf } from '../helpers/articles';

/** Our own small article in the support-docs shape: several problems, each under its heading, one with an error text. */
const source = [
  '---\ntitle: Fix widget problems after updates\nms.author: someone\n---',
  '# Fix widget problems after updates',
  '## Summary',
  'This article lists problems that occur after widget updates.',
  '## Known issues',
  '### Blank widget page',
  '**Issue:**',
  'The portal page stays blank after you sign in to the dashboard. Event ID 4242 may be logged.',
  '**Cause:**',
  'The binding has no certificate.',
  '### Widget sign-in fails',
  '**Issue:**',
  'You receive the following error message:',
  '> The widget factory could not be reached because the gateway refused the request.',
  '## HCW9998',
  'This error occurs when walrus policies cannot be copied from on-premises to the cloud.',
].join('\n\n');

describe('matching: a problem an article describes under its own heading (import: headedProblems)', () => {
  const imported = importArticle('widget-updates.md', source).article!;
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        imported,
        describedArticle('portal-slow', 'Dashboard portal is slow', 'The dashboard portal loads slowly for every user.'),
        article('gateway', ['The gateway refused the request from the yak proxy.']),
      ]),
    );
  });

  it('offers the article, with that problem, to a description of it or to its code', () => {
    const blank = m.match('Since the update the portal page stays blank right after sign in, and the System log shows Event ID 4242.');
    assert.equal(blank.matches[0]?.article, 'widget-updates', JSON.stringify(blank.matches));
    assert.equal(blank.matches[0].symptom, 'event-id-4242');
    assert.notEqual(blank.decision, 'none');
    const code = m.match('The wizard stopped with HCW9998 while copying the walrus policies.');
    assert.equal(code.matches[0]?.article, 'widget-updates', JSON.stringify(code.matches));
    assert.equal(code.matches[0].symptom, 'hcw9998');
  });

  it('keeps the error text of a headed problem as it was: its own symptom still answers it', () => {
    const r = m.match('The widget factory could not be reached because the gateway refused the request.');
    assert.equal(r.decision, 'answer');
    assert.equal(r.matches[0].article, 'widget-updates');
    assert.equal(r.matches[0].symptom, 'widget-factory-could-not-reached');
  });
});
