import assert from 'node:assert/strict';
import type { LexiconEntry } from '../../src/knowledge/lexicon';
import type { KnowledgeBase } from '../../src/knowledge/load';
import { Matcher } from '../../src/matching/matcher';
import type { Match, MatchExplanation } from '../../src/matching/types';
import { describedArticle, englishArticle, kbOf, PROXY_CONTEST, proxyContest } from '../helpers/articles';

/**
 * `kb match --explain` (issue 12 item 4): what it reports for one match — the error text and its units the paste
 * holds, the words found and missing, each rule that set, raised or lowered the score with its figures, the keywords
 * and topic phrases, the code, the ranking's adjustments — on small hand-made articles. The figures are checked against
 * each other (the notes must add up to the score shown), not copied from a run.
 */

const CHAIN =
  'Updating the wombat federation failed. Detailed information: The quokka certificate could not be validated by the marmot server.';
const ARROW = 'The wombat provisioning job stopped --> The numbat token was rejected by the quokka endpoint';
const CODED = 'HCW8078 The wombat migration endpoint could not be created on the numbat server because the remote quokka host refused it';

/** The match of `article` for `paste`, explained. */
function explained(m: Matcher, paste: string, article?: string): Match & { why: MatchExplanation } {
  const r = m.match(paste, { explain: true });
  const match = article === undefined ? r.matches[0] : r.matches.find((x) => x.article === article);
  assert.ok(match?.why, `${article ?? 'a match'} explained for ${paste}: ${JSON.stringify(r.matches.map((x) => x.article))}`);
  return match as Match & { why: MatchExplanation };
}

const rulesOf = (why: MatchExplanation) => why.rules.map((r) => r.rule);
const noteOf = (why: MatchExplanation, rule: string, k = 0) => why.rules.filter((r) => r.rule === rule)[k]?.note;
/** The first number in a note (a share, a factor written ×0.5). */
const figure = (note: string | undefined, pattern: RegExp): number => {
  const m = note?.match(pattern);
  assert.ok(m, `${pattern} in ${note}`);
  return Number(m[1]);
};
const near = (a: number, b: number, what: string) => assert.ok(Math.abs(a - b) <= 0.002, `${what}: ${a} vs ${b}`);

describe('matching: kb match --explain, the evidence behind a match', () => {
  describe('an error text: its units, the words found and missing, and how coverage made the score', () => {
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(kbOf([englishArticle('chain', [CHAIN]), englishArticle('arrow', [ARROW]), englishArticle('coded', [CODED])]));
    });

    it('shows which units the paste holds, which are the inner message, and the words it lacks', () => {
      const { why, score } = explained(
        m,
        'Updating the wombat federation failed. Detailed information: The quokka certificate could not be validated',
      );
      assert.equal(why.kind, 'error');
      assert.equal(why.error?.text, CHAIN);
      assert.deepEqual(why.error?.units, [
        { words: 'updating wombat federation failed', pasted: true, inner: false },
        { words: 'detailed information', pasted: true, inner: false },
        { words: 'quokka certificate not validated marmot server', pasted: true, inner: true },
      ]);
      assert.deepEqual(why.error?.found, [
        'updating',
        'wombat',
        'federation',
        'failed',
        'detailed',
        'information',
        'quokka',
        'certificate',
        'not',
        'validated',
      ]);
      assert.deepEqual(why.error?.missing, ['marmot', 'server']);
      // Coverage of the whole text and of the inner message, mixed by detailShare: that is the score.
      assert.deepEqual(rulesOf(why), ['coverage', 'inner-message']);
      const whole = figure(noteOf(why, 'coverage'), /^the paste covers ([\d.]+) of the error text \(words and word pairs\)$/);
      const inner = figure(noteOf(why, 'inner-message'), /^inner message covered ([\d.]+); it counts 0\.7 of the score$/);
      assert.ok(inner < whole && whole < 1 && inner > 0.5, `${inner} < ${whole}`);
      near(why.raw, 0.3 * whole + 0.7 * inner, 'raw score from the two coverages');
      assert.equal(why.raw, score);
    });

    it('marks the wrapper not pasted when the paste is the inner message alone', () => {
      const { why } = explained(m, 'The quokka certificate could not be validated by the marmot server.');
      assert.deepEqual(
        why.error?.units.map((u) => [u.pasted, u.inner]),
        [
          [false, false],
          [false, false],
          [true, true],
        ],
      );
      assert.deepEqual(why.error?.missing, ['updating', 'wombat', 'federation', 'failed', 'detailed', 'information']);
      assert.equal(noteOf(why, 'inner-message'), 'inner message covered 1; it counts 0.7 of the score');
    });

    it('scores a text without an inner message by its coverage alone, no unit of it inner', () => {
      const { why, score } = explained(m, CODED);
      assert.deepEqual(rulesOf(why), ['coverage']);
      assert.equal(noteOf(why, 'coverage'), 'the paste covers 1 of the error text (words and word pairs)');
      assert.deepEqual([why.raw, score, why.error?.missing], [1, 1, []]);
      assert.deepEqual(why.error?.units, [
        {
          words: 'hcw8078 wombat migration endpoint not created numbat server because remote quokka host refused',
          pasted: true,
          inner: false,
        },
      ]);
    });

    it('counts what follows a "-->" as the inner message', () => {
      const { why } = explained(m, ARROW);
      assert.deepEqual(
        why.error?.units.map((u) => [u.words, u.pasted, u.inner]),
        [
          ['wombat provisioning job stopped', true, false],
          ['numbat token rejected quokka endpoint', true, true],
        ],
      );
      assert.deepEqual(
        why.rules.map((r) => r.note),
        ['the paste covers 1 of the error text (words and word pairs)', 'inner message covered 1; it counts 0.7 of the score'],
      );
    });

    it('says when the paste stops before a "-->" of the error and was scored against the text up to it', () => {
      const { why } = explained(m, 'The wombat provisioning job stopped');
      assert.deepEqual(rulesOf(why), ['coverage', 'inner-message']);
      assert.equal(noteOf(why, 'inner-message'), 'the paste stops before a "-->" of the error: scored against the text up to it');
      assert.deepEqual(
        why.error?.units.map((u) => u.pasted),
        [true, false],
      );
      assert.deepEqual(why.error?.missing, ['numbat', 'token', 'rejected', 'quokka', 'endpoint']);
    });

    it('names where the paste went on differently, and halves the score for it', () => {
      const paste =
        'Updating the wombat federation failed. Detailed information: The quokka certificate could not be renewed by the marmot server.';
      const { why } = explained(m, paste, 'chain');
      assert.deepEqual(rulesOf(why), ['coverage', 'inner-message', 'contradiction']);
      assert.equal(
        noteOf(why, 'contradiction'),
        '×0.5: after "certificate not" the error goes on with "validated", the paste with "renewed"',
      );
      assert.deepEqual(why.error?.missing, ['validated']);
      const whole = figure(noteOf(why, 'coverage'), /covers ([\d.]+) of/);
      const inner = figure(noteOf(why, 'inner-message'), /covered ([\d.]+);/);
      near(why.raw, (0.3 * whole + 0.7 * inner) * 0.5, 'raw score, halved');
    });

    it('names a status code in the contradiction as pasted, not as the index reads it', () => {
      const store = '554 5.2.0 WOMBATDRV.Deliver.Exception: the marmot store failed to process the quokka message.';
      const m = new Matcher(kbOf([englishArticle('store', [store])]));
      const { why } = explained(m, '554 5.2.0 WOMBATDRV.Submission.Exception: the marmot store failed to process the quokka message.');
      // Not `after "smtp5x2x0 wombatdrv"`.
      assert.equal(
        noteOf(why, 'contradiction'),
        '×0.5: after "5.2.0 wombatdrv" the error goes on with "deliver", the paste with "submission"',
      );
    });

    it('names the allowance that kept the paste from contradicting the error, only where it did', () => {
      const relay = 'The relay closed the tunnel: an unexpected fault occurred on a send.';
      const bounce = '5.7.931 Access denied, marmot traffic not accepted from this wombat.';
      const waived = new Matcher(kbOf([englishArticle('relay', [relay]), englishArticle('bounce', [bounce])]));
      const notes = (paste: string) =>
        explained(waived, paste)
          .why.rules.filter((r) => r.rule === 'contradiction')
          .map((r) => r.note);
      // A word or two of the error left out: the paste goes on with a word the error has later.
      assert.deepEqual(notes('The relay closed the tunnel: an unexpected fault on a send.'), [
        'contradiction waived: after "unexpected fault" the error goes on with "occurred", the paste with "send", a word the error has one or two words later (the paste left a word or two out; ×0.5 otherwise)',
      ]);
      // The expected word misread, and another word in single quotes (a value).
      assert.deepEqual(notes('The relay closed the tunnel: an unexpected fault occurred on a sendd.'), [
        'contradiction waived: after "fault occurred" the error goes on with "send", the paste with "sendd", the same word misread (a letter off, or glued to or split from its neighbour; ×0.5 otherwise)',
      ]);
      assert.deepEqual(notes("The relay closed the tunnel: an unexpected fault occurred on a 'receive'."), [
        'contradiction waived: after "fault occurred" the error goes on with "send", the paste with "receive", a word the paste has only in single quotes (a name or value, never another error; ×0.5 otherwise)',
      ]);
      // A reply's status text between the status code and the error's message.
      assert.deepEqual(notes('550 5.7.931 Service unavailable. Access denied, marmot traffic not accepted from this wombat.'), [
        'contradiction waived: after the status code "5.7.931" the paste has "service" where the error goes on with "access", and the error\'s message a few words later: a reply\'s status text between the code and the message (×0.5 otherwise)',
      ]);
      // Nothing where no allowance was needed, or where the paste contradicts the error anyway (a waived word before it).
      assert.deepEqual(notes(relay), []);
      assert.deepEqual(notes('The relay closed the tunnel: an unexpected fault occurred on a receive.'), [
        '×0.5: after "fault occurred" the error goes on with "send", the paste with "receive"',
      ]);
      assert.deepEqual(notes('The relay closed the tunnel: an unexpectedd fault occurred on a receive.'), [
        '×0.5: after "fault occurred" the error goes on with "send", the paste with "receive"',
      ]);
      // The score is the paste's as without the note: no contradiction factor.
      const { why, score } = explained(waived, 'The relay closed the tunnel: an unexpected fault on a send.');
      near(why.raw, figure(noteOf(why, 'coverage'), /covers ([\d.]+) of/), 'raw score, not halved');
      assert.equal(why.raw, score);
    });

    it('caps an error whose code the paste lacks, and says so', () => {
      const { why, score } = explained(
        m,
        'The wombat migration endpoint could not be created on the numbat server because the remote quokka host refused it',
      );
      assert.deepEqual(rulesOf(why), ['coverage', 'code']);
      assert.ok(figure(noteOf(why, 'coverage'), /covers ([\d.]+) of/) > 0.75);
      assert.equal(
        noteOf(why, 'code'),
        'capped at 0.75: the error carries a code the paste lacks (its message alone may come from another tool; offered, not answered)',
      );
      assert.deepEqual([why.raw, score, why.error?.missing], [0.75, 0.75, ['hcw8078']]);
      // With the code: the whole error, nothing capped.
      assert.deepEqual(rulesOf(explained(m, CODED).why), ['coverage']);
    });

    it('lists no explanation without --explain', () => {
      assert.deepEqual(
        m.match(CHAIN).matches.map((x) => [x.article, x.why]),
        [['chain', undefined]],
      );
    });
  });

  describe('the evidence rule, the inner message alone, fragments', () => {
    const INNER = 'The underlying wombat connection was closed: an unexpected error occurred on a quokka send.';
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(
        kbOf([
          englishArticle('gen1', ['The server could not process the request for the mailbox.']),
          englishArticle('gen2', ['The request for the mailbox failed on the server.']),
          englishArticle('gen3', ['The mailbox server could not process the request in time.']),
          englishArticle('fed', [`Updating the numbat federation failed. Detailed information: ${INNER}`]),
          englishArticle('move', [`The marmot mailbox move stopped at the copy stage. Error details: ${INNER}`]),
          englishArticle('conn', [`Connecting to the dingo endpoint failed with the following error message: ${INNER}`]),
          englishArticle('nested', [
            'Provisioning the doohickey failed. Detailed information: "Accessing the narwhal vault failed." "The narwhal gateway closed the channel."',
          ]),
        ]),
      );
    });

    it('says how much distinctive evidence the words found carry, and by what factor too little lowered the score', () => {
      const { why } = explained(m, 'the server could not process', 'gen1');
      assert.deepEqual(rulesOf(why), ['coverage', 'evidence']);
      const note = noteOf(why, 'evidence');
      const factor = figure(note, /^×([\d.]+): evidence of [\d.]+ distinctive words, full confidence needs 3$/);
      const words = figure(note, /evidence of ([\d.]+) distinctive words/);
      assert.ok(words > 0.5 && words < 3, note);
      near(factor, Math.sqrt(words / 3), 'factor from the evidence');
      near(why.raw, figure(noteOf(why, 'coverage'), /covers ([\d.]+) of/) * factor, 'raw score');
    });

    it('caps the inner message pasted without its wrapper, which other tools print too', () => {
      const r = m.match(INNER, { explain: true });
      assert.deepEqual(
        r.matches.map((x) => [x.article, x.score]),
        [
          ['conn', 0.75],
          ['fed', 0.75],
          ['move', 0.75],
        ],
      );
      const why = r.matches[0].why!;
      assert.deepEqual(rulesOf(why), ['coverage', 'inner-message', 'inner-message', 'tie-break']);
      assert.equal(noteOf(why, 'inner-message', 0), 'inner message covered 1; it counts 0.7 of the score');
      assert.equal(
        noteOf(why, 'inner-message', 1),
        'capped at 0.75: the inner message (with its exception class, if any) without its wrapper (other tools print it too; offered, not answered)',
      );
      assert.equal(
        noteOf(why, 'tie-break'),
        'tied on the same error with 2 other article(s); title and description words of the rest of the paste: 0',
      );
      assert.equal(why.raw, 0.75);
    });

    it('says a distinctive part pasted alone was raised to the fragment score', () => {
      const { why, score } = explained(m, 'Accessing the narwhal vault failed.');
      assert.deepEqual(rulesOf(why), ['coverage', 'inner-message', 'fragment']);
      assert.equal(
        noteOf(why, 'fragment'),
        'raised to 0.5: the paste is a distinctive part of this error and little else (offered, never answered)',
      );
      assert.deepEqual([why.raw, score], [0.5, 0.5]);
    });
  });

  describe('keywords, topic phrases, descriptions and codes', () => {
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(
        kbOf([
          describedArticle(
            'calendar',
            'Wombat calendar sharing stops working',
            'Free/busy of wombat mailboxes is not shown in the numbat calendar',
            { keywords: { en: ['wombat sharing policy', 'numbat organization relationship'] } },
            { id: 'blank', keywords: { en: ['wombat calendar blank'] } },
          ),
          englishArticle('coded', [CODED]),
          englishArticle('auth', [
            '535 5.7.139 Authentication unsuccessful, the wombat account is disabled',
            '535 5.7.139 Authentication unsuccessful, the numbat policy blocked the sign-in',
          ]),
        ]),
      );
    });

    it('lists the symptom’s keyword phrases found and the scores they give', () => {
      const { why, score } = explained(m, 'wombat calendar blank');
      assert.equal(why.kind, 'keyword');
      assert.deepEqual([why.keywords, why.topics, why.error], [['wombat calendar blank'], [], undefined]);
      assert.deepEqual(why.rules, [{ rule: 'keywords', note: "0.55 for the symptom's phrases, +0.25 per topic phrase (at most +0.45)" }]);
      assert.deepEqual([why.raw, score], [0.55, 0.55]);
    });

    it('lists the topic phrases found, and what they added in ranking', () => {
      const { why, score } = explained(m, 'wombat calendar blank, wombat sharing policy and numbat organization relationship');
      assert.deepEqual(why.topics, ['wombat sharing policy', 'numbat organization relationship']);
      assert.deepEqual(rulesOf(why), ['keywords', 'topics']);
      assert.equal(noteOf(why, 'topics'), "+0.06: 2 of the article's topic phrases in the paste");
      // 0.55 + 2 × 0.25 is capped at +0.45: raw 1, and the ranking's +0.06 can't take it past 1.
      assert.deepEqual([why.raw, score], [1, 1]);
    });

    it('shows for a description the words it found, the fit both ways and the title bonus', () => {
      const { why, score } = explained(m, 'Wombat calendar sharing stops working');
      assert.equal(why.kind, 'description');
      assert.deepEqual(why.topics, []);
      assert.ok(
        why.keywords?.includes('wombat') && why.keywords.includes('sharing') && why.keywords.includes('calendar sharing'),
        `${why.keywords}`,
      );
      assert.deepEqual(rulesOf(why), ['description']);
      const note = noteOf(why, 'description');
      assert.match(
        note ?? '',
        /^the symptom's title and description words hold 1 of the paste's, the paste 0\.\d+ of theirs \(\d+ distinctive words\); the paste writes its title: \+0\.05$/,
      );
      assert.deepEqual([why.raw, score], [0.6, 0.6]);
    });

    it('adds the topic phrases to a description’s note when it has them', () => {
      const { why } = explained(m, 'no free/busy in the numbat calendar for wombat mailboxes, we checked the wombat sharing policy');
      assert.equal(why.kind, 'description');
      assert.deepEqual(why.topics, ['wombat sharing policy']);
      assert.match(noteOf(why, 'description') ?? '', /distinctive words\); \+0\.25 per topic phrase$/);
    });

    it('names the code that found an article, and how many articles may hold it', () => {
      const { why, score } = explained(m, 'HCW8078 wombat migration');
      assert.deepEqual([why.kind, why.code, why.error], ['code', 'hcw8078', undefined]);
      assert.deepEqual(why.rules, [{ rule: 'code', note: '0.6: a code at most 3 articles hold' }]);
      assert.deepEqual([why.raw, score], [0.6, 0.6]);
    });

    it('says a status code only this article names, with the start of its message, stands for its family', () => {
      const { why } = explained(m, '535 5.7.139 Authentication unsuccessful, the quokka tenant is locked', 'auth');
      assert.equal(why.kind, 'code');
      assert.deepEqual(why.rules, [
        {
          rule: 'code',
          note: "0.85: a status code only this article names, and the start of its message as in several of the article's variants",
        },
      ]);
    });
  });

  describe('ranking: containers, contests, synonyms, scenarios', () => {
    it('names the container a match lies inside and what it was lowered to', () => {
      const m = new Matcher(
        kbOf([
          englishArticle('short', ['The quokka gateway refused the wombat relay.']),
          englishArticle('long', [
            'Sending to the numbat queue failed: the quokka gateway refused the wombat relay and closed the marmot channel.',
          ]),
        ]),
      );
      const paste = 'Sending to the numbat queue failed: the quokka gateway refused the wombat relay and closed the marmot channel.';
      const r = m.match(paste, { explain: true });
      const short = r.matches.find((x) => x.article === 'short');
      assert.ok(short?.why, JSON.stringify(r.matches.map((x) => x.article)));
      const note = noteOf(short.why, 'container');
      const lowered = figure(note, /^lowered to ([\d.]+): every word it found lies inside what long found$/);
      assert.equal(lowered, short.score);
      assert.ok(short.why.raw > lowered, `${short.why.raw} > ${lowered}`);
    });

    it('explains a contested container and the match inside it: lowered, contested, put before', () => {
      const m = new Matcher(kbOf(proxyContest()));
      const { pasted } = PROXY_CONTEST;
      const notes = (r: Match) => r.why!.rules.filter((x) => x.rule === 'container').map((x) => x.note);
      const [container, inside] = m.match(pasted, { explain: true }).matches;
      assert.deepEqual([container.article, inside.article], ['folder-sync', 'address-conflict']);
      // The match inside is lowered to 0.1 under its container, which must lead the inside's own fit to be answered.
      assert.ok(inside.why!.raw > container.score, `${inside.why!.raw} > ${container.score}`);
      near(inside.score, container.score - 0.1, 'lowered under the container');
      assert.deepEqual(notes(inside), [`lowered to ${inside.score}: every word it found lies inside what folder-sync found`]);
      assert.deepEqual(notes(container), [
        `contested: a match it contains fit its own error better (${inside.why!.raw}), so it must lead that score too to be answered`,
      ]);
      // The rest of the paste names the inside's title: put first, at the container's score (still no answer).
      const r = m.match(`I cannot add the mail users: ${pasted}`, { explain: true });
      assert.deepEqual(
        r.matches.map((x) => [x.article, x.score]),
        [
          ['address-conflict', container.score],
          ['folder-sync', container.score],
        ],
      );
      assert.equal(
        notes(r.matches[0]).at(-1),
        'put before folder-sync, the contested container it lies in: the rest of the paste fits its title and descriptions better',
      );
      assert.equal(r.decision, 'clarify');
    });

    it('joins the names the synonyms rewrote', () => {
      const kb: KnowledgeBase = {
        ...kbOf([
          englishArticle('wizard-hangs', [], {
            title: { en: 'The hybrid wizard hangs' },
            symptoms: [{ id: 'main', description: { en: 'The hybrid wizard hangs at the quokka page' }, errors: {} }],
          }),
        ]),
        lexicon: [group('hangs', 'freezes'), group('wizard', 'assistant')],
      };
      const { why } = explained(new Matcher(kb), 'the assistant freezes');
      assert.equal(noteOf(why, 'synonyms'), "found only with the paste's names read as the articles': assistant → wizard, freezes → hangs");
    });

    it('names every place the paste says it happened, none of them the article’s', () => {
      const m = new Matcher(
        kbOf([
          englishArticle('wizard-term', ["The term 'Get-WidgetConfig' is not recognized as the name of a cmdlet, function, script file."], {
            title: { en: 'Get-WidgetConfig is not recognized when you run the Hybrid Configuration Wizard' },
          }),
        ]),
      );
      const paste =
        "PS C:\\tools> .\\Run-Analyzer.ps1\nPS C:\\tools> .\\Run-Checker.ps1\nThe term 'Get-WidgetConfig' is not recognized as the name of a cmdlet, function, script file.";
      const { why } = explained(m, paste);
      assert.equal(
        noteOf(why, 'scenario'),
        "capped at 0.75: the paste says it happened in script:run-analyzer.ps1, script:run-checker.ps1, none of them in this article's scenario (offered, not answered)",
      );
    });

    it('names the places the paste says the task works in, where they would have capped the error', () => {
      const error = 'The wombat archive could not be enabled for the quokka mailbox because the marmot policy is missing.';
      const m = new Matcher(kbOf([englishArticle('archive', [error], { title: { en: 'Wombat archive cannot be enabled in Outlook' } })]));
      const { why, score } = explained(m, `${error}\nThe archive works fine in OWA.`);
      assert.deepEqual(why.rules.slice(1), [
        {
          rule: 'scenario',
          note: "scenario cap waived: the paste names service:owa only in a sentence that says the task works there, not where the error happened (none of them in this article's scenario; capped at 0.75 otherwise)",
        },
      ]);
      assert.deepEqual([why.raw, score], [1, 1]);
      // Failing there is the error's place: capped, and no waiver. Working in Outlook, the article's place, changes nothing.
      const fails = explained(m, `${error}\nThe archive fails in OWA.`).why;
      assert.deepEqual(
        fails.rules.slice(1).map((r) => r.note.slice(0, 14)),
        ['capped at 0.75'],
      );
      assert.deepEqual(explained(m, `${error}\nThe archive works fine in Outlook.`).why.rules.slice(1), []);
    });

    it('says the paste denies the deployment the article’s title names', () => {
      const error = 'The caller does not have access to the wombat data. Name of the server where exception originated.';
      const m = new Matcher(
        kbOf([englishArticle('wombat-hybrid', [error], { title: { en: 'Wombat data is missing in a hybrid deployment' } })]),
      );
      const { why, score } = explained(m, `${error}\nWe have no hybrid.`);
      assert.deepEqual(why.rules.slice(1), [
        { rule: 'scenario', note: "capped at 0.75: the paste says it has no hybrid, the article's title names it (offered, not answered)" },
      ]);
      assert.deepEqual([rulesOf(why)[0], why.raw, score], ['coverage', 0.75, 0.75]);
    });
  });
});

const group = (...en: string[]): LexiconEntry => ({ de: [], en, synonyms: true, file: 'en-synonyms.yaml' });
