import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { diffOutcomes, evaluate, parseLabelled } from '../../src/cli/evaluate';
import { BUILTIN_KNOWLEDGE, loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load';
import { Matcher } from '../../src/matching/matcher';
import { builtinMatcher, fixture } from '../helpers/fixture';
import { ROOT, sharedDir } from '../helpers/tmp';

let corpusKnowledge: KnowledgeBase | undefined;
/** The matcher of the built-in knowledge and ../shared/corpus (the knowledge is loaded once, the matcher built as fixture() says). */
const withCorpus = fixture(() => new Matcher((corpusKnowledge ??= loadKnowledge([BUILTIN_KNOWLEDGE, path.join(sharedDir()!, 'corpus')]))));

/**
 * The accuracy gates. Per dev set: the number of pastes is pinned (a shrinking set can't pass), no paste may
 * be answered with a wrong article, and every paste's outcome must be the one committed in
 * `tests/data/outcomes/` — so a change that fixes one paste and breaks another shows, even when the totals
 * stay the same. After an intended change, rewrite the snapshot:
 * `npm run -s kb -- eval tests/data/SET.jsonl --kb … --write-outcomes tests/data/outcomes/SET.json`.
 */
const DEV_SETS = [
  // 53 of 54: fed-en-inner-only, .NET's bare `The underlying connection was closed: …` (a platform message any program
  // prints), is offered its article, not answered (platformLines.ts), as with the corpus.
  { file: 'dev-builtin.jsonl', corpus: false, pastes: 54, minRight: 0.98 },
  { file: 'corpus-dev.jsonl', corpus: true, pastes: 127, minRight: 0.96 },
  { file: 'corpus-dev2.jsonl', corpus: true, pastes: 133, minRight: 0.68 },
  // German descriptions of English-only articles (issue 13): mostly offered, never answered on prose alone.
  { file: 'german-dev.jsonl', corpus: true, pastes: 30, minRight: 0.2 },
] as const;

describe('matching: the labelled dev sets', function () {
  this.timeout(120_000);
  const shared = sharedDir();

  for (const set of DEV_SETS) {
    it(`${set.file}: ${set.pastes} pastes, no false answer, at least ${set.minRight * 100}% right, every outcome as committed`, function () {
      if (set.corpus && !shared) {
        console.log(`    (skipped: ${set.file} needs ../shared/corpus, absent in this clone)`);
        this.skip();
      }
      const matcher = set.corpus ? withCorpus() : builtinMatcher();
      const pastes = parseLabelled(fs.readFileSync(path.join(ROOT, 'tests/data', set.file), 'utf8'), set.file);
      const report = evaluate(pastes, (text) => {
        const r = matcher.match(text);
        return { decision: r.decision, ranked: r.matches.map((m) => m.article), score: r.matches[0]?.score };
      });
      assert.equal(report.total, set.pastes, 'the number of pastes is pinned: change it here when the set changes');
      const wrong = report.failures
        .filter((f) => f.outcome.decision === 'answer')
        .map((f) => `${f.paste.id}: answered ${f.outcome.ranked[0]}`);
      assert.deepEqual(wrong, [], 'false answers');
      assert.ok(report.rightRate >= set.minRight, `right ${report.right}/${report.total}`);
      const snapshot = path.join(ROOT, 'tests/data/outcomes', set.file.replace(/\.jsonl$/, '.json'));
      const committed = JSON.parse(fs.readFileSync(snapshot, 'utf8')) as Record<string, string>;
      assert.deepEqual(diffOutcomes(committed, report.outcomes), [], `outcomes differ from ${path.relative(ROOT, snapshot)}`);
    });
  }
});
