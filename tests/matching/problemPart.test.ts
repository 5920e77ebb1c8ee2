import assert from 'node:assert/strict';
import { offeredDescriptions, problemPart, type DescriptionScore } from '../../src/matching/descriptions';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS, type MatchParameters } from '../../src/matching/parameters';
import { kbOf, proseArticle } from '../helpers/articles';

/** Long posts (issue 12): the story around a problem doesn't vote; articles describing the same problem are offered together. */

const p = DEFAULT_PARAMETERS.descriptions;
const prose = proseArticle;

describe('matching: the problem part of a long post (descriptions.ts problemPart)', () => {
  it('keeps the sentences that say what goes wrong, wherever they stand', () => {
    const post =
      'We moved to a new hosting provider last spring. Everything went smoothly for months.\n' +
      'Since Monday the nightly report never arrives. The job log shows nothing unusual. Any ideas?';
    assert.equal(problemPart(post, 3), 'Since Monday the nightly report never arrives.');
    // Failures, negations and what went wrong, in any sentence of the post.
    assert.equal(
      problemPart('Intro one. The batch will hang in the Starting state. Intro two. Outro.', 3),
      'The batch will hang in the Starting state.',
    );
    assert.equal(
      problemPart("First line here. Users can't open the archive.\nMessages bounced as undeliverable. Thanks.", 3),
      "Users can't open the archive.\nMessages bounced as undeliverable.",
    );
  });

  it('reads the failure words failureUnsaid and errorSaid read (one list), but exception and warning, and complain*', () => {
    const post = (words: string) => `We run a small warehouse. The crate ${words} after the move. Thanks for reading.`;
    // The negations and the words of a state (FAILS only), the nouns of an error (ERROR_SAID only), the words both read.
    for (const words of ['is not moved', 'never arrives', 'is missing', 'looks wrong', 'disappears', 'shows errors', 'bounces']) {
      assert.equal(problemPart(post(words), 3), `The crate ${words} after the move.`, words);
    }
    for (const words of ['is undeliverable', 'sends NDRs', 'fails', "can't open", 'is stuck', 'was rejected']) {
      assert.equal(problemPart(post(words), 3), `The crate ${words} after the move.`, words);
    }
    // Complaints are a problem sentence's word alone; an exception or a warning named in passing is not.
    assert.equal(problemPart(post('has users complaining'), 3), 'The crate has users complaining after the move.');
    for (const words of ['throws an exception', 'gives a warning']) assert.equal(problemPart(post(words), 3), undefined, words);
  });

  it('gives nothing for a short post, one that names no problem, or one that is all problem', () => {
    assert.equal(problemPart('The batch fails. We tried everything.', 3), undefined, 'two sentences: the whole post is read');
    assert.equal(problemPart('We moved last spring. Mail flows. All good here.', 3), undefined, 'no problem named');
    assert.equal(problemPart('Sync fails. Archive cannot open. Moves are stuck.', 3), undefined, 'every sentence is the problem');
  });
});

describe('matching: in a problem sentence, articles describing the same problem are offered together (descriptions.ts offeredDescriptions)', () => {
  const fit = (article: number, pasteShare: number, found: string[], rareWords: string[]): DescriptionScore => ({
    doc: article,
    article,
    symptom: 'main',
    pasteShare,
    docShare: 0.4,
    evidence: 3,
    found,
    rare: rareWords.length,
    rareWords,
  });

  it('offers close articles without the lead when each holds every rare word the best one found (in either inflection)', () => {
    const best = fit(0, 0.5, ['bare', 'line', 'feed', 'smtp'], ['bare', 'feed']);
    const twin = fit(1, 0.45, ['bare', 'line', 'feeds'], ['bare', 'feeds']);
    const far = fit(2, 0.2, ['smtp'], []);
    assert.deepEqual(offeredDescriptions([best, twin, far], p, false, true), [best, twin]);
  });

  it('keeps the lead rule when a close article lacks one of them, or when more articles come close than a clarify shows', () => {
    const best = fit(0, 0.5, ['bare', 'line', 'feed'], ['bare', 'feed']);
    const other = fit(1, 0.45, ['bare', 'smtp'], ['bare']);
    assert.deepEqual(offeredDescriptions([best, other], p, false, true), []);
    const many = [best, ...[1, 2, 3].map((a) => fit(a, 0.45, ['bare', 'feed'], ['bare', 'feed']))];
    assert.deepEqual(offeredDescriptions(many, p, false, true), [], 'four articles alike: a family, not a problem');
    assert.deepEqual(
      offeredDescriptions([fit(0, 0.5, ['bare'], ['bare']), fit(1, 0.45, ['bare'], ['bare'])], p, false, true),
      [],
      'one rare word',
    );
    // A whole post in the paste's own language keeps the lead rule.
    assert.deepEqual(offeredDescriptions([best, fit(1, 0.45, ['bare', 'feeds'], ['bare', 'feeds'])], p, false), []);
  });
});

describe('matching: a long post is read for its problem sentences when its prose as a whole finds nothing (matcher)', () => {
  const kb = kbOf([
    prose(
      'bare-lf',
      'Messages with bare line feeds bounce',
      'Recipients get non-delivery reports because the message holds bare line feeds.',
      'The receiving server does not accept bare line feeds.',
    ),
    prose('plugin', 'Plugin templates for client email', 'A plugin sends client email from templates for years.', 'Templates.'),
    prose('provider', 'Switching the mail provider of a client', 'A client switched the provider for their email last week.', 'DNS.'),
    prose('smtp-host', 'Sending email through the provider SMTP host', 'Client apps send email through the SMTP host.', 'Ports.'),
    prose('calendar', 'Calendar colours are wrong', 'Colours look odd in the calendar.', 'A theme.'),
  ]);
  const post =
    'I have a client who has been sending email from a plugin with templates for years through the SMTP host. ' +
    'Last week the client switched the provider for their email and the plugin now uses the new SMTP host. ' +
    'Now their users get undeliverable messages complaining about bare line feeds. ' +
    'Is this something the plugin templates should handle, and should the client switch the provider back?';
  // Neither rule that reads a post whose prose as a whole offers nothing: the problem sentences, the last resort (weakDescriptions).
  const without: MatchParameters = { ...DEFAULT_PARAMETERS, descriptions: { ...p, problemSentences: Infinity, weakFit: Infinity } };
  const noLastResort: MatchParameters = { ...DEFAULT_PARAMETERS, descriptions: { ...p, weakFit: Infinity } };

  it('offers the article the problem sentence describes, never answers it, and says why', () => {
    assert.equal(new Matcher(kb, without).match(post).decision, 'none', 'the story words dilute the whole post');
    const r = new Matcher(kb).match(post, { explain: true });
    assert.deepEqual([r.decision, r.matches[0]?.article], ['clarify', 'bare-lf']);
    assert.match(JSON.stringify(r.matches[0].why), /problem sentences/);
  });

  it('does not read the problem sentences of a post whose words find nothing distinctive there', () => {
    const vague =
      'I have a client who has been sending email from a plugin with templates for years through the SMTP host. ' +
      'Last week the client switched the provider for their email. Now the email does not work. Any ideas?';
    assert.equal(new Matcher(kb, noLastResort).match(vague).decision, 'none');
    // Read as a whole, its story fits the plugin's and the provider's symptoms a little: the last resort offers them, as a choice.
    assert.equal(new Matcher(kb).match(vague).decision, 'clarify');
  });
});
