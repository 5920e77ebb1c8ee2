import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { diffOutcomes, evaluate, parseLabelled } from '../../src/cli/evaluate';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../src/knowledge/load';
import { Matcher } from '../../src/matching/matcher';
import { checkEachPaste, failuresIn } from '../helpers/heldOut';
import { requireShared } from '../helpers/prerequisites';
import { ROOT, sharedDir } from '../helpers/tmp';

/**
 * The real-world dev set's integrity: the two parts of its seeded split (`tests/data/split-realworld.mjs`, one
 * seed per batch) are pinned in size, disjoint, reproduce their split, carry a source and a reason for every
 * label, and label only articles that exist. The accuracy numbers are reported by `kb eval` and recorded in
 * `tests/data/README.md`. The tuning parts' per-paste outcomes are committed in `tests/data/outcomes/` (below);
 * the held-out parts' are not, so that nobody reads their failures paste by paste: they are never tuned on.
 */
const PARTS = [
  { file: 'realworld-tuning.jsonl', pastes: 979 },
  { file: 'realworld-heldout.jsonl', pastes: 944 },
] as const;

/**
 * The separate real-world GERMAN set (issue 13): German inputs only, its own seeded split
 * (`split-realworld.mjs --set de`), disjoint from the set above.
 */
const DE_PARTS = [
  { file: 'realworld-de-tuning.jsonl', pastes: 57 },
  { file: 'realworld-de-heldout.jsonl', pastes: 42 },
] as const;

const ALL_PARTS = [...PARTS, ...DE_PARTS];

type Raw = {
  id: string;
  text: string;
  expect: string[];
  expectMore: string[];
  source: string;
  lang: string;
  kind: string;
  reason: string;
  /** Held-out input seen by accident while tuning, moved to tuning (split-realworld.mjs). */
  seen?: string;
};

/**
 * Runs tests/data/split-realworld.mjs with `args`; a failure says its exit status only: its output may name an input of a
 * held-out part (an input of a batch without a seed).
 */
function checkSplit(...args: string[]): void {
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'tests/data/split-realworld.mjs'), ...args], { stdio: 'pipe' });
  } catch (err) {
    assert.fail(
      `split-realworld.mjs ${args.join(' ')} failed (exit status ${(err as { status?: number }).status}); its output is not shown`,
    );
  }
}

function raw(file: string): Raw[] {
  return fs
    .readFileSync(path.join(ROOT, 'tests/data', file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.trimStart().startsWith('//'))
    .map((l) => JSON.parse(l) as Raw);
}

describe('data: the real-world dev set', function () {
  this.timeout(120_000);
  const matchers: Record<string, Matcher> = {};

  for (const part of ALL_PARTS) {
    it(`${part.file}: ${part.pastes} pastes, both labellings parse, each with a source, language, kind and reason`, function () {
      const text = fs.readFileSync(path.join(ROOT, 'tests/data', part.file), 'utf8');
      assert.equal(parseLabelled(text, part.file).length, part.pastes, 'the number of pastes is pinned');
      assert.equal(parseLabelled(text, part.file, 'more').length, part.pastes);
      // A held-out part's failures name only their places (helpers/heldOut.ts).
      checkEachPaste(part.file, raw(part.file), (p) => {
        assert.match(p.source, /^https?:\/\//, `${p.id}: source`);
        assert.ok(p.lang === 'de' || p.lang === 'en', `${p.id}: lang`);
        assert.ok(['error', 'description', 'question', 'fragment', 'log'].includes(p.kind), `${p.id}: kind`);
        assert.ok(p.reason.trim().length > 10, `${p.id}: reason`);
        assert.ok(p.text.trim().length > 0, `${p.id}: text`);
      });
    });
  }

  it('the parts are disjoint and are the seeded split of their union', function () {
    const ids = PARTS.flatMap((p) => raw(p.file).map((r) => r.id));
    assert.equal(new Set(ids).size, ids.length, 'an id appears twice');
    const texts = PARTS.flatMap((p) => raw(p.file).map((r) => r.text));
    assert.equal(new Set(texts).size, texts.length, 'a text appears twice');
    checkSplit('--check');
    // An input seen while tuning (`seen`) lives in the tuning part; `--check` above fails if it stands anywhere else.
    const file = 'realworld-heldout.jsonl';
    assert.deepEqual(
      failuresIn(file, raw(file), (r) => (r.seen ? 'seen' : undefined)),
      [],
      'a held-out input carries seen',
    );
  });

  it('the German set: German only, its parts disjoint from each other and from the set above, and its seeded split', function () {
    for (const part of DE_PARTS) checkEachPaste(part.file, raw(part.file), (p) => assert.equal(p.lang, 'de', `${p.id}: lang`));
    const ids = ALL_PARTS.flatMap((p) => raw(p.file).map((r) => r.id));
    assert.equal(new Set(ids).size, ids.length, 'an id appears twice');
    const texts = ALL_PARTS.flatMap((p) => raw(p.file).map((r) => r.text));
    assert.equal(new Set(texts).size, texts.length, 'a text appears twice');
    checkSplit('--set', 'de', '--check');
  });

  it('every label names an article of its knowledge base', function () {
    const shared = sharedDir();
    if (!shared) {
      console.log('    (skipped: needs ../shared/corpus and ../shared/corpus-more, absent in this clone)');
      this.skip();
    }
    const hybrid = new Set(loadKnowledge([BUILTIN_KNOWLEDGE, path.join(shared!, 'corpus')]).articles.map((a) => a.id));
    const more = new Set(
      loadKnowledge([BUILTIN_KNOWLEDGE, path.join(shared!, 'corpus'), path.join(shared!, 'corpus-more')]).articles.map((a) => a.id),
    );
    // In a held-out part, only how many and where (helpers/heldOut.ts): its labels are not shown either.
    const unknown = ALL_PARTS.flatMap((part) =>
      failuresIn(part.file, raw(part.file), (p) => {
        const wrong = [
          ...p.expect.filter((id) => !hybrid.has(id)).map((id) => `expect ${id}`),
          ...p.expectMore.filter((id) => !more.has(id)).map((id) => `expectMore ${id}`),
        ];
        return wrong.length ? `${p.id}: ${wrong.join(', ')}` : undefined;
      }),
    );
    assert.deepEqual(unknown, []);
  });

  // Each tuning part's outcome per paste (answer/clarify/none and the article), once with the hybrid knowledge
  // base and once with + corpus-more: a change that fixes one input and breaks another shows, even when the
  // totals stay the same. After an intended change, rewrite the snapshot (tests/data/README.md says how).
  for (const file of ['realworld-tuning.jsonl', 'realworld-de-tuning.jsonl']) {
    for (const more of [false, true]) {
      const snapshot = file.replace(/\.jsonl$/, more ? '.more.json' : '.json');
      it(`${file}: every outcome as committed in outcomes/${snapshot}`, function () {
        const shared = sharedDir();
        if (!shared) {
          console.log('    (skipped: needs ../shared/corpus and ../shared/corpus-more, absent in this clone)');
          this.skip();
        }
        const kb = [BUILTIN_KNOWLEDGE, path.join(shared!, 'corpus'), ...(more ? [path.join(shared!, 'corpus-more')] : [])];
        const matcher = (matchers[String(more)] ??= new Matcher(loadKnowledge(kb)));
        const text = fs.readFileSync(path.join(ROOT, 'tests/data', file), 'utf8');
        const report = evaluate(parseLabelled(text, file, more ? 'more' : 'expect'), (t) => {
          const r = matcher.match(t);
          return { decision: r.decision, ranked: r.matches.map((m) => m.article), score: r.matches[0]?.score };
        });
        const committed = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/data/outcomes', snapshot), 'utf8')) as Record<string, string>;
        assert.deepEqual(diffOutcomes(committed, report.outcomes), [], `outcomes differ from tests/data/outcomes/${snapshot}`);
      });
    }
  }
});

/**
 * The held-out parts in CI, with a floor: they are never tuned on and their outcomes are not committed paste by
 * paste, but a change that makes the matcher collapse on real input must fail. The floors sit about ten points
 * under what was measured when they were set (README accuracy table); raise them only after a held-out report,
 * never to follow a tuning change. When a batch grows a part, its counts are scaled to keep the same fraction
 * (set at 122 inputs as right 60 and 40, false answers 12; batches 6 and 7 took the part to 145: right 72 and 48,
 * false answers 14, each the same fraction rounded to the stricter side; batch 8 took it to 149: right 74 and 50,
 * false answers 14; batch 9 to 158 (scaled from 149): right 79 and 54, false answers 14; batch 10 to 162 (scaled from 158): right 81
 * and 56, false answers 14; batch 11 to 177 (scaled from 162): right 89 and 62, false answers 14; batch 12 to 187
 * (scaled from 177): right 95 and 66, false answers 14; batch 13 to 196 (scaled from 187): right 100 and 70, false
 * answers 14; batch 14 to 213 (scaled from 196): right 109 and 77, false answers 14; batch 15 to 221 (scaled from 213): right 114
 * and 80, false answers 14; batch 16 to 237 (scaled from 221): right 123 and 86, false answers 14; batch 17 to 242 (scaled from
 * 221): right 125 and 88, false answers 14; batch 18 to 254 (scaled from 221): right 132 and 92, false answers 14;
 * batch 19 to 266 (scaled from 221): right 138 and 97, false answers 14; batch 20 to 270 (scaled from 221): right 140 and 98,
 * false answers 14; batch 21 to 285 (scaled from 221): right 148 and 104, false answers 14; batch 22 to 295 (scaled from 221):
 * right 153 and 107, false answers 14; batch 23 to 311 (scaled from 221): right 161 and 113, false answers 14;
 * batch 24 to 320 (scaled from 221): right 166 and 116, false answers 14; batch 25 to 338 (scaled from 221): right 175 and 123,
 * false answers 14; batch 26 to 354 (scaled from 221): right 183 and 129, false answers 14; batch 27 to 371 (scaled from
 * 221): right 192 and 135, false answers 14; batch 28 to 389 (scaled from 221): right 201 and 141, false answers 14;
 * batch 29 to 408 (scaled from 221): right 211 and 148, false answers 14; batch 30 to 427 (scaled from 221): right 221 and
 * 155, false answers 14; batch 31 to 442 (scaled from 221): right 228 and 160, false answers 14; batch 32 to 461 (scaled from
 * 221): right 238 and 167, false answers 14; batch 33 to 476 (scaled from 221): right 246 and 173, false answers 14;
 * batch 34 to 494 (scaled from 221): right 255 and 179, false answers 14; batch 35 to 510 (scaled from 221): right 264 and
 * 185, false answers 14; batch 36 to 528 (scaled from 221): right 273 and 192, false answers 14; batch 37 to 544 (scaled
 * from 221): right 281 and 197, false answers 14; batch 38 to 562 (scaled from 221): right 290 and 204, false
 * answers 14; batch 39 to 578 (scaled from 221): right 299 and 210, false answers 14; batch 40 to 595 (scaled from
 * 221): right 307 and 216, false answers 14; two held-out inputs seen by accident while tuning moved to tuning (`seen`,
 * split-realworld.mjs), 595 to 593: right 306 and 215, false answers 14; batch 41 to 610 (scaled from 221): right 315
 * and 221, false answers 14; batch 42 to 631 (scaled from 221): right 326 and 229, false answers 14; batch 43 to 647
 * (scaled from 221): right 334 and 235, false answers 14; batch 44 to 663 (scaled from 221): right 342 and 240,
 * false answers 14; batch 45 to 679 (scaled from 221): right 351 and 246, false answers 14; batch 46 to 700
 * (scaled from 221): right 362 and 254, false answers 14; batch 47 to 718 (scaled from 221): right 371 and 260,
 * false answers 14; batch 48 to 736 (scaled from 221): right 380 and 267, false answers 14;
 * batch 49 to 752 (scaled from 221): right 388 and 273, false answers 14;
 * batch 50 to 769 (scaled from 221): right 397 and 279, false answers 14;
 * batch 51 to 788 (scaled from 221): right 407 and 286, false answers 14;
 * batch 52 to 807 (scaled from 221): right 417 and 293, false answers 14;
 * batch 53 to 825 (scaled from 221): right 426 and 299, false answers 14;
 * batch 54 to 843 (scaled from 221): right 435 and 306, false answers 14;
 * batch 55 to 862 (scaled from 221): right 445 and 313, false answers 14;
 * batch 56 to 880 (scaled from 221): right 454 and 319, false answers 14;
 * batch 57 to 895 (scaled from 221): right 462 and 324, false answers 14;
 * batch 58 to 912 (scaled from 221): right 471 and 331, false answers 14;
 * batch 59 to 928 (scaled from 221): right 479 and 336, false answers 14;
 * batch 60 to 944 (scaled from 221): right 487 and 342, false answers 14;
 * the German part's batch 7 took it from 26 to 29: right 15 and 13 became
 * 17 and 15, false answers stay 2; its batch 8 took it to 30: right 18 and 16, false answers stay 2; its batch 10 to 31:
 * right 19 and 17, false answers stay 2; its batch 13 to 32: right 20 and 18, false answers stay 2; its batch 14 to 33:
 * right 21 and 19, false answers stay 2; its batch 15 to 34: right 22 and 20, false answers stay 2; its batch 16 to 35: right 22
 * and 20, false answers stay 2; its batch 19 to 39, scaled from the 26 it was set at: right 23 and 20, false answers stay 2;
 * its batch 20 to 40, scaled from 26: right 24 and 20, false answers stay 2; its batch 21 to 41: right 24 and 21, false answers
 * stay 2; its batch 22 added to the tuning part only, so the held-out floors stay; its batch 23
 * likewise; its batch 24 to 42, scaled from 26: right 25 and 21, false answers stay 2; its batch 25 added to the tuning
 * part only, so the held-out floors stay).
 */
describe('data: the real-world held-out parts keep a floor', function () {
  this.timeout(120_000);
  const FLOORS = [
    { file: 'realworld-heldout.jsonl', labels: 'expect', minRight: 487, maxFalse: 14 },
    { file: 'realworld-heldout.jsonl', labels: 'more', minRight: 342, maxFalse: 14 },
    { file: 'realworld-de-heldout.jsonl', labels: 'expect', minRight: 25, maxFalse: 2 },
    { file: 'realworld-de-heldout.jsonl', labels: 'more', minRight: 21, maxFalse: 2 },
  ] as const;
  const matchers: Record<string, Matcher> = {};

  for (const floor of FLOORS) {
    it(`${floor.file} (${floor.labels === 'more' ? '+ corpus-more' : 'built-in + corpus'}): at least ${floor.minRight} right, at most ${floor.maxFalse} false answers`, function () {
      const shared = path.dirname(requireShared(this, 'corpus-more'));
      const more = floor.labels === 'more';
      const kb = [BUILTIN_KNOWLEDGE, path.join(shared, 'corpus'), ...(more ? [path.join(shared, 'corpus-more')] : [])];
      const matcher = (matchers[String(more)] ??= new Matcher(loadKnowledge(kb)));
      const text = fs.readFileSync(path.join(ROOT, 'tests/data', floor.file), 'utf8');
      const report = evaluate(parseLabelled(text, floor.file, floor.labels), (t) => {
        const r = matcher.match(t);
        return { decision: r.decision, ranked: r.matches.map((m) => m.article), score: r.matches[0]?.score };
      });
      assert.ok(report.right >= floor.minRight, `right ${report.right} of ${report.total}, floor ${floor.minRight}`);
      assert.ok(
        report.falseAnswers <= floor.maxFalse,
        `false answers ${report.falseAnswers} of ${report.total}, at most ${floor.maxFalse}`,
      );
    });
  }
});
