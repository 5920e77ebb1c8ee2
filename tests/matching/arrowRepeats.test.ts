import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { arrowMessages } from '../../src/matching/readPaste';
import { englishArticle as article, kbOf } from '../helpers/articles';

/**
 * A paste whose `-->` only repeats the outer message (a .NET chain prints each level's message: `…failed. Error details: X
 * ---> SomeException: X`) still stops before the error's own arrow (score.ts arrowRepeats, readPaste.ts arrowMessages);
 * an arrow that goes on with other words is another inner message, as before.
 */
describe('matching rules: a paste whose arrow repeats the outer message (arrowRepeats)', () => {
  const relay =
    "The call to 'https://<server>/quokka.svc' failed. Error details: The marmot request was refused with wombat scheme 'Negotiate'. --> The remote gizmo returned an error: (403) Forbidden.";
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('relay', [relay]),
        article('heron', ['Heron flamingo toucan synchronisation aborted.']),
        article('other', ['Unrelated zebra text about the zoo.']),
      ]),
    );
  });
  const outer =
    "The call to 'https://ex01.contoso.com/quokka.svc' failed. Error details: The marmot request was refused with wombat scheme 'Negotiate'.";

  it('reads the message after each arrow, without its exception class, up to its sentence end', () => {
    const text = `${outer}.\n ---> Acme.Remote.TransientException: The call to 'https://ex01/quokka.svc' failed. Error details: x\n ---> Acme.RemotePermanentException: The marmot request was\n refused with wombat scheme 'Negotiate'.\n OriginalFailureType: Foo`;
    assert.deepEqual(arrowMessages(text), [
      ['call', 'failed'],
      ['marmot', 'request', 'refused', 'wombat', 'scheme', 'negotiate'],
    ]);
    assert.equal(arrowMessages(outer), undefined);
  });

  it('answers the outer message pasted with arrows that repeat it, as it answers the outer message alone', () => {
    assert.deepEqual([m.match(outer).decision, m.match(outer).matches[0].article], ['answer', 'relay']);
    const chained = `${outer}.\n ---> Acme.RemotePermanentException: The marmot request was refused with wombat scheme 'Negotiate'.`;
    const r = m.match(chained);
    assert.deepEqual([r.decision, r.matches[0].article, r.matches[0].score], ['answer', 'relay', 1]);
  });

  it('does not where an arrow goes on with words of its own, or repeats too little to tell', () => {
    const other = `${outer} --> The underlying tunnel was closed: an unexpected fault occurred.`;
    assert.notEqual(m.match(other).decision, 'answer');
    // One arrow repeats, the other says something else: another inner message.
    const mixed = `${outer} ---> Acme.RemotePermanentException: The marmot request was refused with wombat scheme 'Negotiate'. ---> The tunnel collapsed.`;
    assert.notEqual(m.match(mixed).decision, 'answer');
    // Two words in all (fewer than ARROW_REPEAT_WORDS): not read as a repeat.
    assert.notEqual(m.match(`${outer} ---> Acme.RemoteException: The call failed.`).decision, 'answer');
  });
});

/**
 * The unexplained cap reads the article's error texts the paste holds well enough together too (errorCaps.ts capUnexplained):
 * one failure as two tools print it, both pasted, is explained by both.
 */
describe("matching rules: an error that explains little of the paste, read over its article's texts together", () => {
  const texts = ['The walrus pony gateway is unavailable.', 'The tapir numbat bridge could not be completed.'];
  const kb = kbOf([
    article('walrus', texts),
    article('heron', ['Heron flamingo toucan synchronisation aborted.']),
    article('pelican', ['Pelican ostrich kiwi enrolment refused.']),
    article('condor', ['Condor vulture albatross handshake expired.']),
    article('stork', ['Stork crane ibis mailbox quarantined.']),
    article('other', ['Unrelated zebra text about the zoo.']),
  ]);
  const rest =
    'Heron flamingo toucan, pelican ostrich kiwi, condor vulture albatross, stork crane ibis: synchronisation aborted, enrolment refused, handshake expired, mailbox quarantined.';

  it('answers a paste of both texts that each alone explain too little of', () => {
    const m = new Matcher(kb);
    const both = m.match(`Message: ${texts[1]}\nErrorDetail: ${texts[0]}\n${rest}`);
    assert.deepEqual([both.decision, both.matches[0].article], ['answer', 'walrus']);
    // One of them alone with the same rest: capped, offered first.
    const one = m.match(`ErrorDetail: ${texts[0]}\n${rest}`);
    assert.deepEqual(
      [one.decision, one.matches[0].article, one.matches[0].score],
      ['clarify', 'walrus', DEFAULT_PARAMETERS.score.unexplained.cap],
    );
  });
});
