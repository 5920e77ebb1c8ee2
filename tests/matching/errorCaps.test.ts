import assert from 'node:assert/strict';
import type { Article } from '../../src/knowledge/types';
import { Matcher } from '../../src/matching/matcher';
import { englishArticle as article, kbOf } from '../helpers/articles';

/**
 * The scenario caps (errorCaps.ts checkScenario) on small hand-made error texts: a cap only ever lowers a score, and each
 * error of a paste is judged by the lines beside it. scenario.test.ts and product.test.ts hold each cap's own outcomes.
 */

const ERROR =
  'The wombat burrow could not be opened because the quokka gate refused the numbat key. Rotate the gate key and retry the burrow sync.';
/** The error's first words only: offered (0.731), below every cap (0.75). */
const PART = 'The wombat burrow could not be opened because the quokka gate refused';
const OTHER = 'Unrelated narwhal text about feeding schedules of the zoo.';
const other = article('other', [OTHER]);

/** Each cap: an article it applies to, and a line that says the paste is somewhere the article is not about. */
const CAPS: [string, Partial<Article>, string][] = [
  [
    'a deployment the paste denies',
    { title: { en: 'Wombat burrow is missing in a hybrid deployment' } },
    'We have no hybrid, just Exchange 2016.',
  ],
  ['another kind of account', { cause: { en: 'The mailbox is hosted on-premises.' } }, 'UserType : Guest'],
  ['an on-premises server', { products: [{ name: 'Exchange Online', versions: [] }] }, 'Exchange 2013 here.'],
  ['Exchange Online', { products: [{ name: 'Exchange Server', versions: ['2016'] }] }, 'Our Exchange Online tenant.'],
  ['another place', {}, 'PS C:\\tools> .\\Run-Analyzer.ps1'],
];

const scored = (m: Matcher, text: string) => {
  const r = m.match(text, { explain: true });
  return {
    decision: r.decision,
    score: r.matches[0]?.score,
    capped: (r.matches[0]?.why?.rules ?? []).some((x) => x.note.startsWith('capped at 0.75')),
  };
};

describe('matching: the scenario caps (errorCaps.ts checkScenario)', () => {
  for (const [name, fields, said] of CAPS)
    it(`caps an answer at 0.75 for ${name}, and leaves a score below the cap as it was`, () => {
      const m = new Matcher(kbOf([article('burrow', [ERROR], fields), other]));
      assert.deepEqual(scored(m, ERROR), { decision: 'answer', score: 1, capped: false });
      assert.deepEqual(scored(m, `${said}\n${ERROR}`), { decision: 'clarify', score: 0.75, capped: true });
      assert.deepEqual(scored(m, PART), { decision: 'clarify', score: 0.731, capped: false });
      assert.deepEqual(scored(m, `${said}\n${PART}`), { decision: 'clarify', score: 0.731, capped: false }, 'not raised to the cap');
      // Beside an error that scores above the cap (so the caps are read at all): what it scores without the line, below the cap.
      const burrow = (text: string) => m.match(text, { explain: true }).matches.find((x) => x.article === 'burrow')?.score;
      const alone = burrow(`${PART}\n${OTHER}`);
      assert.ok(alone !== undefined && alone < 0.75, `${alone}`);
      assert.equal(burrow(`${said}\n${PART}\n${OTHER}`), alone);
    });

  describe('the lines beside each error, read on their own', () => {
    const first = 'The wombat burrow could not be opened because the quokka gate refused the numbat key.';
    const second = 'Replication of the marmot ledger stalled after the pony relay dropped the yak stream.';
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(kbOf([article('first', [first]), article('second', [second]), other]));
    });
    const scores = (text: string) => m.match(text, { explain: true }).matches.map((x) => [x.article, x.score]);
    // The script is named on the first error's own line (what failed, not where) and beside the second error.
    const paste = `PS C:\\tools> .\\Run-Analyzer.ps1 ${first}\n${second}`;
    const expected = [
      ['first', 1],
      ['second', 0.75],
    ];

    it('caps the error the place is beside, not the one on whose line it stands', () => {
      assert.deepEqual(scores(paste), expected);
      assert.deepEqual(scores(`${second}\nPS C:\\tools> .\\Run-Analyzer.ps1 ${first}`), expected, 'in either order');
    });

    it('reads each error’s neighbours by themselves, in a short paste and past 53 lines', () => {
      // Each error's line names the other article's command: beside each error stands its own article's command.
      const crossed = new Matcher(
        kbOf([
          article('first', [first], { title: { en: 'Get-PonyRelay fails' } }),
          article('second', [second], { title: { en: 'Get-WombatGate fails' } }),
          other,
        ]),
      );
      const both = `After Get-WombatGate: ${first}\nAfter Get-PonyRelay: ${second}`;
      const script = Array.from({ length: 60 }, (_, i) => `.\\Run-Analyzer.ps1 step ${i}`).join('\n');
      for (const text of [both, `${script}\n${both}`, `${both}\n${script}`])
        assert.deepEqual(
          crossed.match(text, { explain: true }).matches.map((x) => [x.article, x.score]),
          [
            ['first', 1],
            ['second', 1],
          ],
          text.slice(0, 40),
        );
    });
  });
});
