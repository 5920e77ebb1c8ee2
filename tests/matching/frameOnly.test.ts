import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { englishArticle as article, kbOf } from '../helpers/articles';

/**
 * A paste that holds an error text's first and last parts — the frame a tool prints around every failure — and none of the
 * failure between them is offered, not answered (score.ts isFrameOnly, parameters.ts `score.frameOnly`).
 */
describe('matching rules: the frame of an error without the failure inside it (frameOnly)', () => {
  const error =
    'Configuring the walrus installer. Quokka preparation FAILED. The marmot gateway refused the numbat schema: attribute wombat conversion aborted because the dingo bilby tag of the kiwi emu forest is invalid. The walrus setup operation did not complete. More details can be found in the walrus setup log.';
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('walrus', [error]),
        article('heron', ['Heron flamingo toucan synchronisation aborted.']),
        article('other', ['Unrelated zebra text about the zoo.']),
      ]),
    );
  });

  it('answers the error pasted whole, or with its failure and without the frame', () => {
    assert.deepEqual([m.match(error).decision, m.match(error).matches[0].article], ['answer', 'walrus']);
    const r = m.match(
      'Quokka preparation FAILED. The marmot gateway refused the numbat schema: attribute wombat conversion aborted because the dingo bilby tag of the kiwi emu forest is invalid.',
    );
    assert.deepEqual([r.decision, r.matches[0].article], ['answer', 'walrus']);
  });

  it('offers it, first, when the paste holds only the frame around no failure of the article', () => {
    const frame =
      'Configuring the walrus installer.\n Copying files ... COMPLETED\n Finalizing ...\nThe walrus setup operation did not complete. More details can be found in the walrus setup log.';
    const r = m.match(frame, { explain: true });
    assert.equal(r.decision, 'clarify');
    assert.equal(r.matches[0].article, 'walrus');
    assert.equal(r.matches[0].score, DEFAULT_PARAMETERS.score.frameOnly.cap);
    assert.ok(
      r.matches[0].why!.rules.some((x) => x.rule === 'coverage' && x.note.includes('first and last parts')),
      JSON.stringify(r.matches[0].why!.rules),
    );
  });

  it("answers an error whose last part held is its inner message: a chain's inner message is what tells it apart", () => {
    const chain =
      'Error: updating the walrus configuration failed with error provisioning the marmot gateway to the numbat service for the quokka tenant. Detailed information: "Wombat refused the handshake."';
    const n = new Matcher(kbOf([article('chain', [chain]), article('other', ['Unrelated zebra text about the zoo.'])]));
    const r = n.match('Error: "Wombat refused the handshake."');
    assert.deepEqual([r.decision, r.matches[0].article], ['answer', 'chain']);
  });
});
