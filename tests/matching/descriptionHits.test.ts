import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { copyDescribed, type Described } from '../../src/matching/descriptionHits';
import { buildDescriptions, scoreDescriptions, type DescriptionScore } from '../../src/matching/descriptions';
import { round, type DescriptionHit } from '../../src/matching/hits';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import type { Article } from '../../src/knowledge/types';
import { describedArticle, englishArticle, kbOf, proseArticle } from '../helpers/articles';

const p = DEFAULT_PARAMETERS.descriptions;
const prose = proseArticle;
const portraits = (errors: string[] = []): Article => {
  const a = prose(
    'portraits',
    'Staff portraits never refresh in the cloud',
    'Portraits changed on premises keep the old picture in the cloud.',
    'The portraitblob attribute is copied from the directory a single time; afterwards the cloud owns it.',
  );
  a.symptoms[0].errors = { en: errors };
  return a;
};
// Articles whose descriptions compete with the one above (a cause is "distinctive" only where others are there).
const others = [
  describedArticle(
    'colours',
    'Calendar colours look odd',
    'Colours of shared calendars change after a restart.',
    { cause: { en: 'A theme cache.' } },
    { keywords: { en: ['picture frame'] } },
  ),
  prose('rooms', 'Room lists are empty', 'The room finder shows no rooms.', 'The room list lacks members.'),
];
// One error text of common words: every word of it stands in six more articles' texts, so it is found by little
// evidence (under `descriptions.weakError` distinctive words).
const common = [
  englishArticle('common', ['The request could not be completed by the server'], { title: { en: 'Wombat quota exhausted' } }),
  ...['koala', 'quokka', 'numbat', 'dingo', 'emu', 'bilby'].map((animal) =>
    englishArticle(`f-${animal}`, [`The ${animal} request could not be completed by the server`]),
  ),
];
/** Decision, then `article:score` of each match, for a paste. */
const outcome = (m: Matcher, text: string) => {
  const r = m.match(text, { explain: true });
  return { decision: r.decision, matches: r.matches.map((x) => `${x.article}:${x.score}`), why: r.matches.map((x) => x.why) };
};
const notes = (why: ReturnType<typeof outcome>['why'][number]) => (why?.rules ?? []).map((r) => r.note);

const SYMPTOM = 'Staff portraits changed on premises never refresh in the cloud, users keep the old picture.';
const CAUSE = 'Is the portraitblob attribute copied from the directory only once?';
const WEAK = 'The request could not be completed by the server.';

describe('matching: description hits (descriptionHits.ts)', () => {
  // The cause rule alone (`describedWhole` answers well-fitting symptoms on its own: descriptionFields.test.ts).
  const params = { ...DEFAULT_PARAMETERS, descriptions: { ...p, answerFit: 2 } };

  describe('weakErrorsBelow: an error text found by little evidence ranks just below the description', () => {
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(kbOf([portraits(), ...others, ...common]), params);
    });

    it('lowers it to one group step below the best description, and says why', () => {
      const r = outcome(m, `${SYMPTOM} ${WEAK}`);
      assert.equal(r.decision, 'clarify');
      assert.deepEqual(r.matches.slice(0, 2), [`portraits:${p.score}`, `common:${round(p.score - p.groupStep)}`]);
      assert.ok(
        notes(r.why[1]).includes(
          `lowered to ${round(p.score - p.groupStep)}: found by less than ${p.weakError} distinctive words, it ranks below the description the paste's prose found`,
        ),
        JSON.stringify(notes(r.why[1])),
      );
    });

    it('leaves an error text found by a distinctive word where it is', () => {
      const r = outcome(m, `${SYMPTOM} The emu request could not be completed by the server.`);
      assert.deepEqual([r.decision, r.matches[0].split(':')[0]], ['answer', 'f-emu']);
      assert.ok(!notes(r.why[0]).some((n) => n.startsWith('lowered to')));
    });

    it('leaves it where no description is offered', () => {
      const r = outcome(m, WEAK);
      assert.equal(r.decision, 'clarify');
      assert.equal(r.matches[0].split(':')[0], 'common');
      assert.ok(Number(r.matches[0].split(':')[1]) > p.score, r.matches[0]);
    });
  });

  describe('causeAlone: symptom and cause named together are answered as the one thing the paste points to', () => {
    it('answers them beside an error text of common words (it points nowhere)', () => {
      const m = new Matcher(kbOf([portraits(), ...others, ...common]), params);
      const r = outcome(m, `${SYMPTOM} ${CAUSE} ${WEAK}`);
      assert.equal(r.decision, 'answer');
      assert.equal(r.matches[0], `portraits:${p.causeScore}`);
    });

    it('offers them where the paste goes on differently from the article’s own error text (it pasted another error)', () => {
      const m = new Matcher(kbOf([portraits(['PortraitSync stopped: the blob store refused the upload']), ...others]), params);
      assert.deepEqual(outcome(m, `${SYMPTOM} ${CAUSE}`).matches, [`portraits:${p.causeScore}`], 'the rule itself');
      const r = outcome(m, `${SYMPTOM} ${CAUSE} Log: PortraitSync stopped: koala meadow flooded`);
      assert.deepEqual([r.decision, r.matches], ['clarify', [`portraits:${p.score}`]]);
      assert.ok(
        notes(r.why[0]).some((n) => n.endsWith(`kept at ${p.score}`)),
        JSON.stringify(notes(r.why[0])),
      );
    });
  });

  describe('a title written whole', () => {
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(kbOf([portraits(), ...others, ...common]), params);
    });

    it('adds the title bonus to the description and says so', () => {
      const r = outcome(m, 'Staff portraits never refresh in the cloud');
      assert.deepEqual([r.decision, r.matches], ['clarify', [`portraits:${round(p.score + p.titleBonus)}`]]);
      assert.ok(notes(r.why[0])[0].endsWith(`the paste writes its title: +${p.titleBonus}`), notes(r.why[0])[0]);
    });

    it('reads a title of six words or more the same with its place moved (same words, another order), and says so', () => {
      const keepers = prose('keepers', 'Wombat keepers cannot open burrow logs in Koala Hub', 'The logs stay locked.', 'A lock.');
      const mk = new Matcher(kbOf([keepers, portraits(), ...others]), params);
      const texts = [
        'Wombat keepers cannot open burrow logs in Koala Hub',
        'In Koala Hub, wombat keepers cannot open burrow logs',
        'Wombat keepers in Koala Hub cannot open burrow logs',
      ];
      texts.forEach((text, i) => {
        const r = outcome(mk, text);
        assert.deepEqual([r.decision, r.matches], ['clarify', [`keepers:${round(p.score + p.titleBonus)}`]], text);
        const note = i ? ' (its words together, in another order)' : '';
        assert.ok(notes(r.why[0])[0].endsWith(`the paste writes its title${note}: +${p.titleBonus}`), notes(r.why[0])[0]);
      });
    });

    it('keeps the bonus where symptom and cause are named but another article is offered too (a keyword of it)', () => {
      const r = outcome(m, `Staff portraits never refresh in the cloud. ${CAUSE} It has a picture frame.`);
      assert.deepEqual([r.decision, r.matches], ['clarify', [`portraits:${round(p.score + p.titleBonus)}`, `colours:${p.score}`]]);
      assert.ok(
        notes(r.why[0]).some((n) => n.endsWith(`kept at ${round(p.score + p.titleBonus)}`)),
        JSON.stringify(notes(r.why[0])),
      );
    });
  });
});

describe('matching: copyDescribed (the description path read once per paste, handed out as copies)', () => {
  it('copies hits and fits that a reader may change, the original kept as it was; a fit keeps its class', () => {
    const kb = kbOf([portraits(), ...others]);
    const index = buildDescriptions(kb);
    const fits = scoreDescriptions(
      index,
      new Set(['portraits', 'portrait', 'refresh', 'colours', 'calendars', 'rooms', 'room', 'picture']),
      p,
    );
    assert.ok(fits.length > 1);
    const hit: DescriptionHit = {
      kind: 'description',
      article: fits[0].article,
      symptom: fits[0].symptom,
      score: 0.5,
      terms: fits[0].found,
      fit: fits[0],
      topics: ['topic'],
      cause: { words: 1, weight: 2, offered: 0.5 },
    };
    const original: Described = { hits: [hit], fits };
    const before = JSON.stringify(original);
    const copy = copyDescribed(original);
    assert.equal(JSON.stringify(copy), before, 'the same values');
    const [h] = copy.hits;
    assert.notEqual(h, hit);
    assert.equal(h.fit, copy.fits![0], "a hit's fit is the copy of that fit");
    assert.notEqual(h.fit, fits[0]);
    assert.deepEqual([h.fit.rare, h.fit.found], [fits[0].rare, fits[0].found], 'read through its class');
    h.score = 0.9;
    h.cause!.offered = 0.1;
    (h.topics as string[]).push('more');
    (h.terms as string[]).push('more');
    h.fit.led = true;
    (copy.fits as DescriptionScore[]).reverse();
    assert.equal(JSON.stringify(original), before, 'the original is as it was');
    assert.equal(fits[0].led, undefined);
  });
});
