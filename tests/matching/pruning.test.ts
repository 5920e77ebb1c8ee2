import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseLabelled } from '../../src/cli/evaluate';
import { BUILTIN_KNOWLEDGE, loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load';
import { Matcher } from '../../src/matching/matcher';
import type { MatchResult } from '../../src/matching/types';
import { builtinMatcher } from '../helpers/fixture';
import { failuresIn } from '../helpers/heldOut';
import { ROOT, sharedDir } from '../helpers/tmp';

/**
 * The matcher scores an error text to the end only when it can still reach what a paste is answered, offered or
 * listed with (Matcher.floors). That must never change an outcome: on every labelled paste, a matcher whose floors
 * are 0 (every candidate scored in full) gives the very same result — decision, articles, symptoms, scores, quoted
 * lines. A rule change that lets a low-scoring match matter fails here and must lower the floors.
 */
function exhaustive(m: Matcher): Matcher {
  const all = new Matcher(m.kb, m.params, m.built);
  return Object.assign(all, { floors: { offered: 0, listed: 0 } });
}

/**
 * The pastes of the labelled sets on which the pruned matcher's result is not the full one's: the paste's id and top
 * matches where its set may be read, only how many and where in a held-out part (helpers/heldOut.ts).
 */
function differences(pruned: Matcher, full: Matcher, files: readonly string[]): string[] {
  let decided = 0;
  const out = files.flatMap((f) =>
    failuresIn(f, parseLabelled(fs.readFileSync(path.join(ROOT, 'tests/data', f), 'utf8'), f), (p) => {
      const a: MatchResult = pruned.match(p.text);
      const b: MatchResult = full.match(p.text);
      if (a.decision !== 'none') decided++;
      return JSON.stringify(a) === JSON.stringify(b)
        ? undefined
        : `${f}: ${p.id}: ${JSON.stringify(a.matches[0])} vs ${JSON.stringify(b.matches[0])}`;
    }),
  );
  assert.ok(decided > 0, 'some pastes are answered or offered');
  return out;
}

describe('matching: scoring stops below what can be shown (Matcher.floors), with the same results', function () {
  this.timeout(180_000);

  it('floors sit below every score that decides, offers or lists (0.429 and 0.179 with the default parameters)', () => {
    const m = builtinMatcher();
    assert.deepEqual(
      [m.floors.offered, m.floors.listed].map((x) => Math.round(x * 1000) / 1000),
      [0.429, 0.179],
    );
  });

  it('built-in knowledge: every dev paste gets the same result as with every candidate scored in full', () => {
    const m = builtinMatcher();
    const files = fs.readdirSync(path.join(ROOT, 'tests/data')).filter((f) => f.endsWith('.jsonl'));
    assert.deepEqual(differences(m, exhaustive(m), files), []);
  });

  it('built-in + corpus + corpus-more: every labelled paste gets the same result as with every candidate scored in full', function () {
    const shared = sharedDir();
    if (!shared) {
      console.log('    (skipped: needs ../shared/corpus and ../shared/corpus-more, absent in this clone)');
      this.skip();
    }
    const kb: KnowledgeBase = loadKnowledge([BUILTIN_KNOWLEDGE, path.join(shared!, 'corpus'), path.join(shared!, 'corpus-more')]);
    const m = new Matcher(kb);
    const files = fs.readdirSync(path.join(ROOT, 'tests/data')).filter((f) => f.endsWith('.jsonl'));
    assert.deepEqual(differences(m, exhaustive(m), files), []);
  });
});
