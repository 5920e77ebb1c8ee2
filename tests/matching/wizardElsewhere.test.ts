import assert from 'node:assert/strict';
import { englishArticle, explainedOutcome } from '../helpers/articles';

// A made-up crash: its code, as the wizard's article quotes it.
const CRASH = 'Faulting application name: WombatHost.exe, Exception code: 0xe0431234';
/** An article whose title puts the error in the Hybrid Configuration Wizard. */
const wizard = englishArticle('hcw-wombat-crash', [CRASH], {
  title: { en: 'Hybrid Configuration Wizard crashes with a wombat fault' },
});
/** The same error under a title that names no tool. */
const plain = englishArticle('wombat-crash', [CRASH], { title: { en: 'WombatHost crashes with a wombat fault' } });
const far = englishArticle('far', ['Replication of the dingo database copy failed.']);

const outcome = explainedOutcome;

describe("matching: the wizard's article is offered, not answered, for another program's run that never names the wizard", () => {
  it('offers it after an update installer, an uninstall or Exchange Setup', () => {
    for (const run of [
      'After a failure to install update KB5000871 no service starts.',
      'I am trying to uninstall the last Exchange 2010 server.',
      'We are decommissioning the old server.',
      'Running setup.exe /Mode:Upgrade stopped.',
    ]) {
      const r = outcome([wizard, far], `${run}\n${CRASH}`);
      assert.deepEqual([r.decision, r.articles[0]], ['clarify', 'hcw-wombat-crash'], run);
      // (Setup named beside an error text: the scenario rule offers it already; the new reading covers the other runs.)
      assert.match(r.notes, /never names the wizard|none of them in this article's scenario/, run);
    }
  });

  it('answers it when the paste names the wizard, or names no other run', () => {
    assert.equal(outcome([wizard, far], `After uninstalling the old server the HCW fails:\n${CRASH}`).decision, 'answer');
    assert.equal(outcome([wizard, far], CRASH).decision, 'answer');
  });

  it('answers it where the paste says no such run happened, and offers it where a run failed', () => {
    for (const denied of [
      "We haven't uninstalled or decommissioned any server.",
      'We did not uninstall anything, the server was only restarted.',
      'It started without uninstalling the old version first.',
      'Nothing was uninstalled.',
      "We haven't run setup on it since March.",
    ])
      assert.equal(outcome([wizard, far], `${denied}\n${CRASH}`).decision, 'answer', denied);
    for (const run of ["I can't uninstall the last Exchange 2010 server.", 'Not sure why, but we uninstalled the old server.'])
      assert.equal(outcome([wizard, far], `${run}\n${CRASH}`).decision, 'clarify', run);
  });

  it('answers an article whose title names no wizard', () => {
    assert.equal(outcome([plain, far], `I am trying to uninstall the last Exchange 2010 server.\n${CRASH}`).decision, 'answer');
  });
});
