import assert from 'node:assert/strict';
import type { Article } from '../../src/knowledge/types';
import type { DescriptionScore } from '../../src/matching/descriptions';
import type { MatchContext } from '../../src/matching/hits';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS, type MatchParameters } from '../../src/matching/parameters';
import { restoreMatcher, snapshotMatcher } from '../../src/matching/snapshot';
import { buildStepWords, stepIndex, stepRaise } from '../../src/matching/stepRaise';
import type { MatchResult } from '../../src/matching/types';
import { kbOf, proseArticle } from '../helpers/articles';

/** The fix steps as weak evidence, on the final decision (stepRaise.ts): offered first or alone, never answered. */

/** Three web-client articles; only the looping one's fix runs `iisreset /noforce`, and the blank-page one has an error text. */
function articles(): Article[] {
  return [
    proseArticle(
      'owa-loop',
      'Outlook on the web sign-in page loops',
      'Users see the sign-in page again after they sign in to Outlook on the web.',
      'The authentication certificate expired.',
      {
        steps: [
          { text: { en: 'Renew the certificate.' } },
          { text: { en: 'Reset the web server.' }, commands: [{ shell: 'cmd', code: 'iisreset /noforce' }] },
        ],
      },
    ),
    proseArticle('owa-blank', 'Outlook on the web shows a blank page', 'd', 'A broken virtual directory.', {
      symptoms: [
        {
          id: 'main',
          description: { en: 'A blank page appears after sign in to Outlook on the web.' },
          errors: { en: ['The virtual directory OWA could not load its web.config because the quokka module is missing.'] },
        },
      ],
    }),
    proseArticle('owa-slow', 'Outlook on the web is slow', 'Pages of Outlook on the web load slowly for users.', 'Throttling.'),
    proseArticle('mobile', 'Phones cannot sync', 'Phones stop syncing mail.', 'A device rule.'),
    proseArticle('rooms', 'Room lists are empty', 'The room finder shows no rooms.', 'An exception of the room list.'),
  ];
}

const withSteps = (descriptions: Partial<MatchParameters['descriptions']>): MatchParameters => ({
  ...DEFAULT_PARAMETERS,
  descriptions: { ...DEFAULT_PARAMETERS.descriptions, ...descriptions },
});
/** The rule switched off: no leader ever has this many words. */
const OFF = withSteps({ stepWords: 99 });
const outcome = (r: MatchResult) => [r.decision, ...r.matches.map((m) => `${m.article}${m.weak ? ' (weak)' : ''}`)].join(' ');

describe('matching: the fix steps as weak evidence (stepRaise.ts)', () => {
  const kb = kbOf(articles());
  let matcher: Matcher;
  beforeEach(() => {
    matcher = new Matcher(kb);
  });
  let off: Matcher;
  beforeEach(() => {
    off = new Matcher(kb, OFF);
  });

  it('offers, alone and as a long shot, the article whose fix runs what the paste says it ran, where nothing was offered', () => {
    const text = 'After we renewed the certificate the logon page comes back. I already did iisreset /noforce on both servers.';
    assert.equal(outcome(off.match(text)), 'none');
    const r = matcher.match(text);
    assert.equal(outcome(r), 'clarify owa-loop (weak)');
    assert.equal(r.matches[0].score, DEFAULT_PARAMETERS.descriptions.weakScore);
    // One name is not enough to offer where nothing was (`stepNamesAlone`).
    assert.equal(
      outcome(matcher.match('After we renewed the certificate the logon page comes back. I already did iisreset on both servers.')),
      'none',
    );
    // Without a word of its prose the paste fits no article: the steps alone offer nothing.
    assert.equal(outcome(matcher.match('iisreset /noforce')), 'none');
  });

  it('puts that article first in a choice, ahead of the articles offered, and says why when explaining', () => {
    const text = 'Outlook on the web shows a blank page after sign in, the sign-in page loops; iisreset /noforce';
    assert.equal(outcome(off.match(text)), 'clarify owa-blank');
    const r = matcher.match(text, { explain: true });
    assert.equal(outcome(r), 'clarify owa-loop owa-blank');
    assert.equal(r.matches[0].score, r.matches[1].score, 'at the first one’s score');
    assert.deepEqual(r.matches[0].why?.rules, [
      { rule: 'steps', note: 'its fix steps hold iisreset, noforc (2 written as names): offered first' },
    ]);
  });

  it('never answers, and leaves an answer as it is', () => {
    const text = 'The virtual directory OWA could not load its web.config because the quokka module is missing. We did iisreset /noforce.';
    assert.equal(outcome(matcher.match(text)), 'answer owa-blank');
    assert.equal(outcome(off.match(text)), 'answer owa-blank');
  });

  it('reads a step word as rare by every article’s text, and keeps out what the article’s title, symptoms or cause hold', () => {
    const index = stepIndex(buildStepWords(kb), DEFAULT_PARAMETERS.descriptions.stepShare);
    const loop = kb.articles.findIndex((a) => a.id === 'owa-loop');
    // `certificate` stands in its cause already, `web` is too short; `renew`, `reset` and `server` are plain words of one
    // article here, `iisreset` and `noforce` names (a command's).
    assert.deepEqual([...index.keys[loop]!].sort(), ['iisreset', 'noforc', 'renew', 'reset', 'server']);
    assert.ok(index.names.has('iisreset') && index.names.has('noforc') && !index.names.has('server'));
    // A word several articles hold is not rare in five articles (`stepShare`: one at most).
    const shared = kbOf([
      ...articles(),
      proseArticle('iis', 'The web server stops', 'd', 'IIS.', {
        steps: [{ text: { en: 'Run iisreset.' }, commands: [{ shell: 'cmd', code: 'iisreset' }] }],
      }),
    ]);
    assert.ok(!stepIndex(buildStepWords(shared), DEFAULT_PARAMETERS.descriptions.stepShare).weight.has('iisreset'));
  });

  it('counts each article holding a step word once, in its steps, title, symptoms or cause, and keeps the words in reading order', () => {
    const words = buildStepWords(
      kbOf([
        ...articles(),
        proseArticle('iis', 'The web server stops', 'd', 'IIS.', {
          steps: [{ text: { en: 'Run iisreset, then renew the Certificate.' }, commands: [{ shell: 'cmd', code: 'iisreset' }] }],
        }),
      ]),
    );
    const loop = articles().findIndex((a) => a.id === 'owa-loop');
    // In the order its steps read them; `certificate` stands in its cause.
    assert.deepEqual(words.untold[loop], ['renew', 'reset', 'server', 'iisreset', 'noforc']);
    assert.deepEqual(words.untold.at(-1), ['iisreset', 'renew', 'certificat']);
    // `certificate`: owa-loop's cause and steps (once) and iis's steps; `server`: owa-loop's steps and iis's title.
    assert.deepEqual(
      ['iisreset', 'renew', 'certificat', 'server', 'reset', 'noforc'].map((k) => words.articles.get(k)),
      [2, 2, 2, 2, 1, 1],
    );
    // A word no article's steps hold untold is not counted (`quokka`: an error text's).
    assert.equal(words.articles.has('quokka'), false);
    // Names: in a command, or with a capital inside (`Certificate` has none).
    assert.deepEqual([...words.names], ['iisreset', 'noforc']);
  });

  it('has its step index from the matcher’s build, before any paste, restored with a compiled index and read at its own rarity', () => {
    const fresh = new Matcher(kb);
    const steps = (m: Matcher) => (m as unknown as { ctx: MatchContext }).ctx.steps;
    const loop = kb.articles.findIndex((a) => a.id === 'owa-loop');
    // Built with the matcher's index (on the thread that builds it), not at the first paste that reaches the rule.
    assert.deepEqual(fresh.built.steps, buildStepWords(kb));
    assert.deepEqual([...steps(fresh).keys[loop]!].sort(), ['iisreset', 'noforc', 'renew', 'reset', 'server']);
    const restored = restoreMatcher(kb, snapshotMatcher(fresh));
    assert.deepEqual(restored.built.steps, fresh.built.steps);
    assert.deepEqual(steps(restored), steps(fresh));
    // The rarity is the matcher's parameter, not the index's: one snapshot serves another `stepShare`.
    const shared = kbOf([
      ...articles(),
      proseArticle('iis', 'The web server stops', 'd', 'IIS.', { steps: [{ text: { en: 'Run iisreset.' } }] }),
    ]);
    const snapshot = snapshotMatcher(new Matcher(shared));
    assert.ok(!steps(restoreMatcher(shared, snapshot)).weight.has('iisreset'));
    assert.ok(steps(restoreMatcher(shared, snapshot, withSteps({ stepShare: 0.4 }))).weight.has('iisreset'));
  });

  it('in a choice already offering the article second, moves it first; one name is enough there, a plain word is not', () => {
    const ctx = (matcher as unknown as { ctx: MatchContext }).ctx;
    const loop = kb.articles.findIndex((a) => a.id === 'owa-loop');
    const blank = kb.articles.findIndex((a) => a.id === 'owa-blank');
    const fit = (article: number): DescriptionScore => ({
      doc: article,
      article,
      symptom: 'main',
      pasteShare: 0.3,
      docShare: 0.3,
      evidence: 1,
      found: [],
      rare: 0,
      rareWords: [],
    });
    const choice: MatchResult = {
      decision: 'clarify',
      matches: [
        { article: 'owa-blank', symptom: 'main', score: 0.6, title: 'Outlook on the web shows a blank page' },
        { article: 'owa-loop', symptom: 'main', score: 0.55, title: 'Outlook on the web sign-in page loops' },
      ],
      lang: 'en',
      truncated: false,
    };
    const raised = stepRaise(ctx, choice, new Set(['iisreset', 'server']), [fit(blank), fit(loop)], 'en');
    assert.deepEqual(
      raised?.matches.map((m) => [m.article, m.score]),
      [
        ['owa-loop', 0.6],
        ['owa-blank', 0.6],
      ],
    );
    assert.equal(stepRaise(ctx, choice, new Set(['reset', 'server']), [fit(blank), fit(loop)], 'en'), undefined, 'no name');
    assert.equal(
      stepRaise(ctx, { ...choice, decision: 'answer' }, new Set(['iisreset', 'noforc']), [fit(blank), fit(loop)], 'en'),
      undefined,
    );
  });
});
