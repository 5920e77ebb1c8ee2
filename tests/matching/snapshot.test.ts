import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseLabelled } from '../../src/cli/evaluate';
import { BUILTIN_KNOWLEDGE, loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { restoreMatcher, snapshotMatcher, SNAPSHOT_VERSION, type MatcherSnapshot } from '../../src/matching/snapshot';
import { requireShared } from '../helpers/prerequisites';
import { describedArticle, englishArticle, kbOf } from '../helpers/articles';
import { builtinKnowledge, builtinMatcher, fixture } from '../helpers/fixture';
import { checkEachPaste } from '../helpers/heldOut';
import { ROOT } from '../helpers/tmp';

/**
 * A matcher restored from its snapshot (what a compiled index file carries) must be the matcher built from the
 * knowledge base: same decisions, same matches and scores, same explanations, on every labelled set. The
 * snapshot goes through structuredClone — the structured-clone algorithm keeps only plain data and typed
 * arrays — so it can't lean on anything a file would not carry.
 */
const SETS = fs
  .readdirSync(path.join(ROOT, 'tests/data'))
  .filter((f) => f.endsWith('.jsonl'))
  .sort();

/** The knowledge each set is labelled against: built-in for dev-builtin, + ../shared/corpus (and corpus-more) for the rest. */
function knowledgeFor(file: string): 'builtin' | 'corpus' | 'corpus-more' {
  if (file === 'dev-builtin.jsonl') return 'builtin';
  return file.startsWith('realworld') ? 'corpus-more' : 'corpus';
}

describe('matching: the matcher snapshot', function () {
  this.timeout(300_000);
  const knowledge = new Map<string, KnowledgeBase>();
  const pairs = new Map<string, () => { built: Matcher; restored: Matcher }>();

  function pairFor(ctx: Mocha.Context, which: 'builtin' | 'corpus' | 'corpus-more'): { built: Matcher; restored: Matcher } {
    const paths = [BUILTIN_KNOWLEDGE];
    if (which !== 'builtin') paths.push(requireShared(ctx));
    if (which === 'corpus-more') paths.push(requireShared(ctx, 'corpus-more'));
    // The knowledge is loaded once; the matchers are built as fixture() says.
    let pair = pairs.get(which);
    if (!pair) {
      pair = fixture(() => {
        let kb = knowledge.get(which);
        if (!kb) knowledge.set(which, (kb = loadKnowledge(paths)));
        const built = new Matcher(kb);
        return { built, restored: restoreMatcher(kb, structuredClone(snapshotMatcher(built))) };
      });
      pairs.set(which, pair);
    }
    return pair();
  }

  // The structures in a suite of their own: a mutation run of snapshot.ts can run these alone (grep 'restored structures'),
  // where a mismatch shows at once, not in some paste of some set after minutes (README, Mutation testing).
  describe('restored structures', function () {
    it('restores the very structures the constructor builds (built-in knowledge)', function () {
      const { built, restored } = pairFor(this, 'builtin');
      assert.deepEqual(restored.built, built.built);
    });

    it('gives every error text the same views as the built one: terms, ids, first occurrences, units, arrows (corpus)', function () {
      const { built, restored } = pairFor(this, 'corpus');
      const views = (m: Matcher) =>
        m.built.signals.errors.map((e) => ({
          terms: e.terms,
          ids: Array.from(e.ids),
          firsts: Array.from(e.firsts),
          weights: Array.from(e.weights),
          units: e.units,
          arrows: e.arrows,
          detailKey: e.detailKey,
        }));
      const restoredViews = views(restored);
      assert.ok(restoredViews.length > 100);
      assert.deepEqual(restoredViews, views(built));
      // Made once, then kept: the scorer reads them per candidate.
      const e = restored.built.signals.errors[0];
      assert.equal(e.terms, e.terms);
      assert.equal(e.ids, e.ids);
    });

    /** Several articles with what the built-in knowledge lacks: `-->` chains, placeholders, keyword and topic phrases. */
    const small = () =>
      kbOf([
        englishArticle('arrow', [
          'The wombat provisioning job stopped --> The numbat token was rejected by the quokka endpoint',
          // Words and word pairs repeated within a text.
          'The proxy address is already used by the proxy addresses. Please choose another proxy address.',
        ]),
        englishArticle('placeholder', ['The server <ServerName> rejected the marmot relay for {0} at the gateway'], {
          keywords: { en: ['marmot relay policy'] },
        }),
        describedArticle(
          'keywords',
          'Wombat calendar sharing stops working',
          'Free/busy of wombat mailboxes is not shown',
          { keywords: { en: ['wombat sharing policy'] } },
          { id: 'blank', keywords: { en: ['wombat calendar blank'] }, context: { en: ['numbat organization relationship'] } },
        ),
      ]);
    const PASTES = [
      'The wombat provisioning job stopped',
      'The server EX01 rejected the marmot relay for kim at the gateway, marmot relay policy',
      'wombat calendar blank, wombat sharing policy, numbat organization relationship',
      'Wombat calendar sharing stops working',
    ];

    it('restores every structure of several articles, and decides and explains as the built matcher', function () {
      const kb = small();
      const built = new Matcher(kb);
      const restored = restoreMatcher(kb, structuredClone(snapshotMatcher(built)));
      assert.deepEqual(restored.built, built.built);
      for (const p of PASTES) assert.deepEqual(restored.match(p, { explain: true }), built.match(p, { explain: true }), p);
    });

    it('stores every string once, and shares no array with the file it was read from nor the matcher it was taken of', function () {
      const kb = small();
      const built = new Matcher(kb);
      const snapshot = snapshotMatcher(built);
      assert.equal(new Set(snapshot.strings).size, snapshot.strings.length);
      const restored = restoreMatcher(kb, snapshot);
      // A file's bytes are read once: overwriting them afterwards changes neither matcher.
      const zero = (x: unknown): void => {
        if (ArrayBuffer.isView(x)) (x as Int32Array).fill(0);
        else if (x && typeof x === 'object') for (const v of Object.values(x)) zero(v);
      };
      zero(snapshot);
      const fresh = new Matcher(kb);
      assert.deepEqual(restored.built, fresh.built);
      assert.deepEqual(built.built, fresh.built);
      for (const p of PASTES) assert.deepEqual(restored.match(p, { explain: true }), fresh.match(p, { explain: true }), p);
    });

    describe('refuses a snapshot that is not for it', function () {
      let kb: KnowledgeBase;
      let snapshot: MatcherSnapshot;
      beforeEach(function () {
        kb = builtinKnowledge();
        snapshot = snapshotMatcher(builtinMatcher());
      });

      it('another version', function () {
        assert.throws(
          () => restoreMatcher(kb, { ...snapshot, version: SNAPSHOT_VERSION + 1 }),
          new Error(`matching: snapshot version ${SNAPSHOT_VERSION + 1} is not this version's (${SNAPSHOT_VERSION})`),
        );
      });

      it('other index parameters', function () {
        const params = { ...DEFAULT_PARAMETERS, index: { ...DEFAULT_PARAMETERS.index, strongBoost: 3 } };
        assert.throws(
          () => restoreMatcher(kb, snapshot, params),
          new Error(`matching: snapshot built with other index parameters: ${JSON.stringify(DEFAULT_PARAMETERS.index)}`),
        );
      });

      it('an error text of an article the knowledge base does not have (a corrupted file)', function () {
        const corrupted = structuredClone(snapshot);
        corrupted.signals.article[0] = kb.articles.length;
        assert.throws(
          () => restoreMatcher(kb, corrupted),
          new Error(`matching: snapshot of ${kb.articles.length} articles does not fit a knowledge base of ${kb.articles.length}`),
        );
      });

      it('another knowledge base', function () {
        // One more article than the snapshot's: no error text points past it, the count tells.
        const more = kbOf([...kb.articles, englishArticle('extra', ['Extra wombat error.'])]);
        assert.throws(
          () => restoreMatcher(more, snapshot),
          new Error(`matching: snapshot of ${kb.articles.length} articles does not fit a knowledge base of ${kb.articles.length + 1}`),
        );
        const fewer = { ...kb, articles: kb.articles.slice(1) };
        assert.throws(
          () => restoreMatcher(fewer, snapshot),
          new Error(`matching: snapshot of ${kb.articles.length} articles does not fit a knowledge base of ${kb.articles.length - 1}`),
        );
      });
    });
  });

  for (const file of SETS) {
    it(`${file}: the restored matcher decides every paste as the built one (matches, scores, explanations)`, function () {
      const { built, restored } = pairFor(this, knowledgeFor(file));
      const pastes = parseLabelled(fs.readFileSync(path.join(ROOT, 'tests/data', file), 'utf8'), file);
      assert.ok(pastes.length > 0);
      // A held-out part's failures name only their places (helpers/heldOut.ts).
      checkEachPaste(file, pastes, (p) => {
        assert.deepEqual(restored.match(p.text), built.match(p.text), `${p.id ?? p.text.slice(0, 60)}`);
        assert.deepEqual(restored.match(p.text, { explain: true }), built.match(p.text, { explain: true }), `${p.id} explained`);
      });
    });
  }
});
