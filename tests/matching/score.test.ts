import assert from 'node:assert/strict';
import type { Article } from '../../src/knowledge/types';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { cleanPaste } from '../../src/matching/normalize';
import {
  buildQueryView,
  looksLikeName,
  misread,
  otherCodeOfFamily,
  pasteIds,
  recyclePasteIds,
  scoreAbove,
  scoreSignal,
  touchedUnits,
  type ScoreParameters,
  type Settled,
} from '../../src/matching/score';
import { propertiesOf } from '../../src/matching/readPaste';
import { buildSignals, contentTerms, gramCode } from '../../src/matching/signals';
import { englishArticle as article } from '../helpers/articles';
import { fixture } from '../helpers/fixture';

/**
 * The scorer's rules, each checked through the knob that sets it: a test passes its own parameters, so it
 * pins what a knob does, not the value it has today (parameters.ts; tuned elsewhere).
 */

/** Default knobs with `over` applied; evidence is never short (its own rule is tested apart). */
const knobs = (over: Partial<ScoreParameters> = {}): ScoreParameters => ({ ...DEFAULT_PARAMETERS.score, evidenceWords: 1e-9, ...over });

/**
 * Scores `paste` against error text `id` (index in `articles`' error texts) of an index of `articles`; `.touched`: which
 * of its units the paste holds.
 */
function scorer(articles: Article[]) {
  const index = fixture(() => buildSignals(articles));
  // The paste's property lines as readPaste reads them (propertiesOf).
  const score = (id: number, paste: string, p: ScoreParameters = knobs(), quoted: string[] = []) =>
    scoreSignal(id, buildQueryView(contentTerms(paste), new Set(quoted), false, undefined, propertiesOf(paste.split('\n'))), index(), p);
  const touched = (id: number, paste: string, p: ScoreParameters = knobs()) =>
    touchedUnits(id, buildQueryView(contentTerms(paste)), index(), p);
  return Object.assign(score, { touched });
}

const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} != ${expected}`);

describe('matching/score', () => {
  describe('misread and looksLikeName', () => {
    it('misread: one letter substituted, added or dropped, from 3 letters on', () => {
      for (const [a, b] of [
        ['fir', 'fur'],
        ['sendd', 'send'],
        ['snd', 'sand'],
        ['abcx', 'abcy'],
        ['xbcd', 'abcd'],
      ])
        assert.ok(misread(a, b) && misread(b, a), `${a} ${b}`);
      for (const [a, b] of [
        ['ab', 'ac'],
        ['ab', 'abc'],
        ['abcd', 'abxyd'],
        ['abcd', 'dcba'],
        ['send', 'sand2'],
        ['abcxy', 'abcyx'],
      ])
        assert.ok(!misread(a, b) && !misread(b, a), `${a} ${b}`);
    });

    it('misread: a word of 4 letters or more glued to its neighbour or split from it, at either end', () => {
      assert.ok(misread('verbindungwurde', 'verbindung') && misread('wurdeverbindung', 'verbindung'));
      assert.ok(misread('grund', 'zugrund') && misread('zugrund', 'grund'));
      // Three letters are too short to be sure of: `son` in `sonstwo`.
      assert.ok(!misread('son', 'sonstwo') && !misread('wos', 'sonstwos'));
    });

    it('looksLikeName: numbers and names with digits vary, status codes and error codes do not', () => {
      for (const t of ['99', '600', '1000', '0', 'ex01', 'srv2019', 'v2']) assert.ok(looksLikeName(t), t);
      for (const t of [
        '100',
        '403',
        '550',
        '599',
        'hcw8078',
        'smtp5x7x64',
        '0x80040155',
        'aadsts50011',
        'server',
        'xhcw8078y1'.slice(1, 8),
      ])
        assert.ok(!looksLikeName(t), t);
      // Anchored: a code inside a longer name is a name.
      assert.ok(looksLikeName('myhcw8078') && looksLikeName('hcw8078b2') && looksLikeName('x0x8004') && looksLikeName('1403'));
    });

    it('otherCodeOfFamily: the same letters with another number, not another family, not the same code, not a word', () => {
      assert.ok(otherCodeOfFamily('prx4', 'prx5') && otherCodeOfFamily('imc53', 'imc54'));
      for (const [a, b] of [
        ['prx5', 'prx5'],
        ['imc5', 'prx5'],
        ['prx5', 'server'],
        ['server', 'prx5'],
        ['ex01', 'prx5'],
      ])
        assert.ok(!otherCodeOfFamily(a, b), `${a} ${b}`);
    });
  });

  describe('the paste in the ids of an index', () => {
    // Vocabulary: alpha 0, bravo 1, charlie 2, delta 3, echo 4 (size 5); the paste lacks echo and has zulu, which the
    // index doesn't know: zulu's local id 5 is also the gram code of the pair alpha alpha, and so on.
    const index = fixture(() => buildSignals([article('x', ['alpha bravo charlie delta echo'])]));
    const paste = 'alpha bravo charlie zulu delta alpha bravo delta';

    it('gives known words their vocabulary ids and unknown ones ids of their own from the size up', () => {
      const { vocab } = index();
      const ids = pasteIds(buildQueryView(contentTerms(paste), new Set(['zulu', 'yankee'])), vocab);
      assert.equal(ids.size, 5);
      assert.deepEqual(Array.from(ids.has), [1, 1, 1, 1, 0]);
      assert.deepEqual(ids.unknown, ['zulu', 'yankee']);
      assert.deepEqual(
        [0, 4, 5, 6].map((id) => ids.term(id)),
        ['alpha', 'echo', 'zulu', 'yankee'],
      );
      assert.deepEqual([...ids.quoted].sort(), [5, 6]);
    });

    it('keeps as contexts only the words, pairs and triples of known words, each with what follows it, in order, each once', () => {
      const { vocab } = index();
      const ids = pasteIds(buildQueryView(contentTerms(paste)), vocab);
      const size = vocab.terms.length;
      const followers = (code: number) => {
        const out: string[] = [];
        for (let e = ids.next.first(code); e >= 0; e = ids.next.link[e]) out.push(ids.term(ids.next.value[e]));
        return out;
      };
      // Every gram of the vocabulary: what follows it in the paste, and whether the paste holds it as a word pair.
      const contexts: Record<string, string[]> = {};
      const pairs: string[] = [];
      for (let a = 0; a < size; a++)
        for (let b = -1; b < size; b++)
          for (let c = -1; c < (b < 0 ? 0 : size); c++) {
            const code = gramCode(size, a, b, c);
            const name = [a, b, c]
              .filter((x) => x >= 0)
              .map((x) => vocab.terms[x])
              .join(' ');
            if (followers(code).length) contexts[name] = followers(code);
            if (c < 0 && b >= 0 && ids.pairs.has(code)) pairs.push(name);
          }
      assert.deepEqual(contexts, {
        alpha: ['bravo'],
        bravo: ['charlie', 'delta'],
        charlie: ['zulu'],
        delta: ['alpha'],
        'alpha bravo': ['charlie', 'delta'],
        'bravo charlie': ['zulu'],
        'delta alpha': ['bravo'],
        'alpha bravo charlie': ['zulu'],
        'delta alpha bravo': ['delta'],
      });
      assert.deepEqual(pairs.sort(), ['alpha bravo', 'bravo charlie', 'bravo delta', 'delta alpha']);
    });

    it('marks the words of the paste read last in one array per vocabulary, and of an earlier paste again when it is read again', () => {
      const { vocab } = index();
      const first = buildQueryView(contentTerms('alpha bravo zulu'));
      const second = buildQueryView(contentTerms('charlie delta alpha'));
      const a = pasteIds(first, vocab);
      assert.deepEqual(Array.from(a.has), [1, 1, 0, 0, 0]);
      const b = pasteIds(second, vocab);
      assert.equal(b.has, a.has);
      assert.deepEqual(Array.from(b.has), [1, 0, 1, 1, 0]);
      assert.equal(pasteIds(first, vocab), a);
      assert.deepEqual(Array.from(a.has), [1, 1, 0, 0, 0]);
      // Another vocabulary has its own array.
      const other = buildSignals([article('y', ['zulu bravo'])]).vocab;
      assert.notEqual(pasteIds(first, other).has, a.has);
      assert.deepEqual(Array.from(pasteIds(first, other).has), [1, 1]);
    });

    it('is built once per paste and vocabulary', () => {
      const view = buildQueryView(contentTerms(paste));
      const ids = pasteIds(view, index().vocab);
      assert.equal(pasteIds(view, index().vocab), ids);
      const other = buildSignals([article('y', ['zulu bravo'])]).vocab;
      assert.deepEqual(pasteIds(view, other).unknown, ['alpha', 'charlie', 'delta']);
    });

    it('hands the arrays of the pastes read before a recycle to the next ones, and reads an earlier paste anew when it comes back', () => {
      const { vocab } = index();
      const followers = (ids: ReturnType<typeof pasteIds>, word: string) => {
        const out: string[] = [];
        for (let e = ids.next.first(vocab.ids.get(word)!); e >= 0; e = ids.next.link[e]) out.push(ids.term(ids.next.value[e]));
        return out;
      };
      const first = buildQueryView(contentTerms(paste));
      const a = pasteIds(first, vocab);
      assert.deepEqual(followers(a, 'bravo'), ['charlie', 'delta']);
      recyclePasteIds(vocab);
      // Nothing is marked after a recycle; the next paste's arrays are the first one's.
      assert.deepEqual(Array.from(a.has), [0, 0, 0, 0, 0]);
      const b = pasteIds(buildQueryView(contentTerms('delta bravo alpha')), vocab);
      assert.equal(b.next.value.buffer, a.next.value.buffer);
      assert.deepEqual(followers(b, 'bravo'), ['alpha']);
      // The first paste, read again: new ids, the same as the first time.
      const again = pasteIds(first, vocab);
      assert.notEqual(again, a);
      assert.deepEqual(followers(again, 'bravo'), ['charlie', 'delta']);
      assert.deepEqual(Array.from(again.has), [1, 1, 1, 1, 0]);
    });
  });

  describe('coverage', () => {
    // One article, one unit: every word is in one error text only, so all weigh the same.
    const one = scorer([article('x', ['alpha bravo charlie delta'])]);

    it('scores an error pasted whole as 1 and a paste without its words as 0', () => {
      assert.equal(one(0, 'alpha bravo charlie delta').score, 1);
      assert.equal(one(0, 'alpha bravo').wholeCoverage, undefined);
      const none = one(0, 'echo foxtrot');
      assert.deepEqual([none.score, none.evidenceWords, none.evidenceFactor, none.found.length], [0, 0, 0, 0]);
    });

    it('mixes the share of words and the share of word pairs by termShare', () => {
      // 3 of 4 words, 2 of 3 pairs.
      close(one(0, 'alpha bravo charlie', knobs({ termShare: 1 })).score, 3 / 4);
      close(one(0, 'alpha bravo charlie', knobs({ termShare: 0 })).score, 2 / 3);
      close(one(0, 'alpha bravo charlie', knobs({ termShare: 0.5 })).score, 0.5 * (3 / 4) + 0.5 * (2 / 3));
      assert.equal(one(0, 'alpha bravo charlie').found.length, 3);
    });

    it('counts a part as pasted only with `touched` of its weight and `touchedPairs` of its pairs', () => {
      assert.equal(one(0, 'alpha bravo charlie', knobs({ touched: 0.9 })).score, 0);
      assert.ok(one(0, 'alpha bravo charlie', knobs({ touched: 0.75 })).score > 0);
      assert.equal(one(0, 'alpha bravo charlie', knobs({ touchedPairs: 0.7 })).score, 0);
      assert.ok(one(0, 'alpha bravo charlie', knobs({ touchedPairs: 2 / 3 })).score > 0);
      assert.deepEqual(one.touched(0, 'alpha bravo charlie'), [true]);
      assert.deepEqual(one.touched(0, 'alpha bravo charlie', knobs({ touched: 0.9 })), [false]);
    });

    it('discounts a part not pasted at all to min(untouchedFactor, untouchedCap × pasted / unpasted)', () => {
      const two = scorer([article('x', ['alpha bravo. charlie delta.'])]);
      const p = (over: Partial<ScoreParameters>) => knobs({ termShare: 1, ...over });
      // Two equal parts, the first pasted: words found 2 of 2 + d × 2.
      close(two(0, 'alpha bravo', p({ untouchedFactor: 0.1, untouchedCap: 0.15 })).score, 1 / 1.1);
      close(two(0, 'alpha bravo', p({ untouchedFactor: 0.5, untouchedCap: 1 })).score, 1 / 1.5);
      close(two(0, 'alpha bravo', p({ untouchedFactor: 1, untouchedCap: 0.2 })).score, 1 / 1.2);
      // The discount is earned by evidence: with substantialPart out of reach, the unpasted part counts in full.
      close(two(0, 'alpha bravo', p({ substantialPart: Infinity })).score, 0.5);
      assert.deepEqual(two.touched(0, 'alpha bravo'), [true, false]);
    });

    it('earns no discount from a part that several articles share', () => {
      const shared = scorer([
        article('x', ['Access is denied. Gizmo sprocket failed.']),
        article('y', ['Access is denied. Widget broke.']),
      ]);
      // Unpasted parts would count nothing at all...
      const p = knobs({ termShare: 1, untouchedFactor: 0, untouchedCap: 0 });
      // ...but "access denied" is generic: pasted alone, it earns no discount, and the unpasted part counts in full.
      const s = shared(0, 'Access is denied', p);
      assert.ok(s.score > 0 && s.score < 0.5, String(s.score));
      const own = shared(0, 'Gizmo sprocket failed', p);
      close(own.score, 1);
    });

    it('scores each error text of an index on its own units, however many it has', () => {
      // Words of letters only (a number is no content term): aa, ab, … ; 300 one-word sentences.
      const words = Array.from({ length: 300 }, (_, i) => `q${String.fromCharCode(97 + Math.floor(i / 26), 97 + (i % 26))}`);
      const long = words.join('. ');
      const three = scorer([
        article('a', ['Gizmo sprocket failed badly.']),
        article('b', ['Marmot gateway refused handshake. Quokka vault closed.']),
        article('c', [long]),
      ]);
      assert.equal(three(1, 'Marmot gateway refused handshake. Quokka vault closed.').score, 1);
      assert.equal(three(1, 'Gizmo sprocket failed badly.').score, 0);
      assert.deepEqual(three.touched(1, 'Quokka vault closed.'), [false, true]);
      const whole = three(2, long);
      assert.deepEqual([whole.score, whole.found.length], [1, 300]);
      assert.equal(three.touched(2, long).length, 300);
    });

    it('keeps the words found of every text scored, however many are scored', () => {
      const words = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa';
      const first = one(0, 'alpha bravo charlie delta');
      const s = scorer([article('x', [words])]);
      const all = Array.from({ length: 400 }, () => s(0, words));
      for (const r of all) assert.equal(r.found.length, 16);
      // Earlier results still hold their own words.
      assert.deepEqual(Array.from(first.found).sort(), Array.from(one(0, 'alpha bravo charlie delta').found).sort());
      assert.equal(new Set(all.map((r) => Array.from(r.found).join())).size, 1);
    });

    it('needs evidence: full confidence from evidenceWords words found in one error text only, the square root below', () => {
      const s = one(0, 'alpha bravo charlie delta', knobs({ evidenceWords: 8 }));
      // Four words of one error text each: half the evidence asked for.
      close(s.evidenceWords, 4);
      close(s.evidenceFactor, Math.sqrt(0.5));
      close(s.score, Math.sqrt(0.5));
      assert.equal(one(0, 'alpha bravo charlie delta', knobs({ evidenceWords: 4 })).evidenceFactor, 1);
      assert.equal(one(0, 'alpha bravo charlie delta', knobs({ evidenceWords: 2 })).evidenceFactor, 1);
    });
  });

  describe('nested errors: the inner message', () => {
    const wrap = (inner: string) => `Provisioning the gizmo failed. Detailed information: "${inner}"`;
    const nested = scorer([
      article('a', [wrap('The marmot gateway refused the sprocket handshake.')]),
      article('b', ['Syncing the widget failed. Detailed information: "The marmot gateway refused the sprocket handshake."']),
      article('c', [
        'Provisioning the doohickey failed. Detailed information: "Accessing the quokka vault failed." "The quokka gateway closed the channel."',
      ]),
    ]);

    it('mixes the inner message and the whole text by detailShare', () => {
      const whole = nested(0, wrap('The marmot gateway refused the sprocket handshake.'));
      assert.equal(whole.score, 1);
      assert.deepEqual([whole.detailCoverage, whole.wholeCoverage], [1, 1]);
      // The wrapper alone: nothing of the inner message.
      const wrapper = nested(0, 'Provisioning the gizmo failed. Detailed information:', knobs({ detailShare: 1 }));
      assert.equal(wrapper.score, 0);
      const half = nested(0, 'Provisioning the gizmo failed. Detailed information:', knobs({ detailShare: 0.5 }));
      assert.equal(half.detailCoverage, 0);
      close(half.score, 0.5 * half.wholeCoverage!);
      // Without an inner message there is no whole text apart from it.
      assert.notEqual(nested(0, 'gizmo').wholeCoverage, undefined);
    });

    it('below a floor, settles a text whose inner message the paste cannot touch at 1 − detailShare, never below its score', () => {
      const index = buildSignals([article('a', [wrap('The marmot gateway refused the sprocket handshake.')])]);
      const view = (paste: string) => buildQueryView(contentTerms(paste), new Set());
      const p = knobs();
      // The wrapper with another inner message, in a paste longer than the error text (no fragment of it).
      const other = view(`${wrap('The wombat relay dropped the cog.')} while syncing quarterly ledger archives overnight again`);
      const full = scoreSignal(0, other, index, p);
      assert.equal(full.detailCoverage, 0);
      assert.ok(full.score > 0 && full.score <= 1 - p.detailShare, `${full.score}`);
      close(scoreSignal(0, other, index, p, 0.5) as number, 1 - p.detailShare);
      // A floor below that bound: the text is scored as without a floor.
      const below = scoreSignal(0, other, index, p, 0.2);
      assert.equal(typeof below === 'number' ? below : below.score, full.score);
      // The inner message pasted: scored to the end as before.
      const same = view(`${wrap('The marmot gateway refused the sprocket handshake.')} while syncing quarterly ledger archives`);
      assert.equal((scoreSignal(0, same, index, p, 0.5) as { score: number }).score, 1);
    });

    it('below a floor, settles a text the paste contradicts at its score with the factor, and says so', () => {
      const index = buildSignals([article('a', ['The marmot gateway refused the sprocket handshake on a send.'])]);
      const p = knobs();
      const view = buildQueryView(contentTerms('The marmot gateway refused the sprocket handshake on a receive.'));
      const full = scoreSignal(0, view, index, p);
      assert.equal(full.contradiction?.expected, 'send');
      const settled: Settled = { contradicted: false, score: 0 };
      assert.equal(scoreSignal(0, view, index, p, full.score + 0.01, settled), full.score);
      assert.equal(settled.contradicted, true);
      // The same without a number returned: null, the score in `settled`.
      settled.contradicted = false;
      assert.equal(scoreAbove(0, view, index, p, full.score + 0.01, settled), null);
      assert.deepEqual(settled, { contradicted: true, score: full.score });
      assert.equal(scoreAbove(0, view, index, p, full.score - 0.01, settled)?.score, full.score);
      assert.equal(settled.contradicted, false);
      // A floor it reaches: scored to the end, not settled.
      const reached = scoreSignal(0, view, index, p, full.score - 0.01, settled);
      assert.equal(typeof reached === 'number' ? reached : reached.score, full.score);
      assert.equal(settled.contradicted, false);
    });

    it('caps an inner message that other errors share, pasted without its wrapper, at innerOnly', () => {
      const alone = nested(0, 'The marmot gateway refused the sprocket handshake.', knobs({ innerOnly: 0.6 }));
      assert.deepEqual([alone.score, alone.innerOnly], [0.6, true]);
      const below = nested(0, 'The marmot gateway refused the sprocket handshake.', knobs({ innerOnly: 0.999 }));
      assert.equal(below.innerOnly, undefined);
      assert.ok(below.score <= 0.999);
      // With its wrapper it is not capped.
      const both = nested(0, wrap('The marmot gateway refused the sprocket handshake.'), knobs({ innerOnly: 0.6 }));
      assert.deepEqual([both.score, both.innerOnly], [1, undefined]);
    });

    it('takes the exception class just before an inner message as part of it, not of the wrapper', () => {
      const inner = 'Acme.MarmotGatewayException: The marmot gateway refused the sprocket handshake.';
      const t = scorer([
        article('a', [`The quokka proxy failed. The unhandled exception was: ${inner}`]),
        article('b', [`The wombat relay failed. The unhandled exception was: ${inner}`]),
      ]);
      // The class with its message, nothing of the wrapper: the same message other failures print, capped as the message alone.
      assert.deepEqual([t(0, inner, knobs({ innerOnly: 0.6 })).score, t(0, inner, knobs({ innerOnly: 0.6 })).innerOnly], [0.6, true]);
      // A word of the wrapper pasted too: not capped.
      assert.equal(t(0, `The quokka proxy failed: ${inner}`, knobs({ innerOnly: 0.6 })).innerOnly, undefined);
    });

    it('raises a distinctive inner part pasted alone to the fragment score, never a wrapper or a paste with more in it', () => {
      const part = nested(2, 'Accessing the quokka vault failed.', knobs({ fragment: 0.42 }));
      assert.deepEqual([part.score, part.fragment], [0.42, true]);
      // Not when the paste holds much else (fragmentShare of its words must be the error's)...
      assert.equal(nested(2, 'Accessing the quokka vault failed. zebra yak walrus', knobs({ fragment: 0.42 })).fragment, undefined);
      // ...nor without enough evidence of its own...
      assert.equal(nested(2, 'Accessing the quokka vault failed.', knobs({ fragment: 0.42, fragmentEvidence: 100 })).fragment, undefined);
      // ...nor for the wrapper.
      assert.equal(nested(2, 'Provisioning the doohickey failed.', knobs({ fragment: 0.42 })).fragment, undefined);
      // A score above the fragment score is kept.
      assert.ok(nested(2, 'Accessing the quokka vault failed.', knobs({ fragment: 0.01 })).score > 0.01);
    });

    it('takes a part as a fragment only when fragmentShare of the words pasted are the error words', () => {
      const p = knobs({ fragment: 0.42, fragmentShare: 0.8 });
      // 4 of 5 words: exactly the share.
      assert.equal(nested(2, 'Zebra. Accessing the quokka vault failed.', p).fragment, true);
      // 4 of 6.
      assert.equal(nested(2, 'Zebra yak. Accessing the quokka vault failed.', p).fragment, undefined);
    });

    it('counts as fragment evidence only the inner parts the paste holds, not stray words of the rest', () => {
      const part = 'Accessing the quokka vault failed.';
      // The most evidence asked for with which the part alone is still a fragment (a bisection over fragmentEvidence).
      let lo = 0;
      let hi = 100;
      for (let k = 0; k < 60; k++) {
        const mid = (lo + hi) / 2;
        if (nested(2, part, knobs({ fragment: 0.42, fragmentEvidence: mid })).fragment) lo = mid;
        else hi = mid;
      }
      assert.equal(nested(2, part, knobs({ fragment: 0.42, fragmentEvidence: lo })).fragment, true);
      // One more word of the last quoted part, too little of it to hold it: no more evidence.
      const more = nested(2, `${part} gateway`, knobs({ fragment: 0.42, fragmentEvidence: hi }));
      assert.deepEqual([more.found.length, more.fragment], [5, undefined]);
      assert.equal(nested(2, `${part} gateway`, knobs({ fragment: 0.42, fragmentEvidence: lo })).fragment, true);
    });
  });

  describe('an error that carries a code', () => {
    const s = scorer([article('coded', ['HCW9001 = The marmot gateway refused the sprocket handshake on the quokka channel.'])]);

    it('caps its message pasted without the code at withoutCode, and says so', () => {
      const alone = s(0, 'The marmot gateway refused the sprocket handshake on the quokka channel.', knobs({ withoutCode: 0.6 }));
      assert.deepEqual([alone.score, alone.withoutCode], [0.6, true]);
      // With the code it is not capped.
      const coded = s(0, 'HCW9001 The marmot gateway refused the sprocket handshake on the quokka channel.', knobs({ withoutCode: 0.6 }));
      assert.deepEqual([coded.score, coded.withoutCode], [1, undefined]);
      // A score at or below the cap is kept as it is.
      const low = s(0, 'The marmot gateway refused the sprocket handshake on the quokka channel.', knobs({ withoutCode: 0.999 }));
      assert.equal(low.withoutCode, undefined);
    });

    it('does not count an exception class name as a code: it names a family', () => {
      const t = scorer([article('family', ['GizmoPermanentException: The marmot gateway refused the sprocket handshake.'])]);
      const r = t(0, 'The marmot gateway refused the sprocket handshake.', knobs({ withoutCode: 0.6, innerOnly: 1 }));
      assert.equal(r.withoutCode, undefined);
    });
  });

  describe('contradiction: the paste goes on differently where the error goes on', () => {
    const s = scorer([
      article('send', ['The relay closed the tunnel: an unexpected fault occurred on a send.']),
      article('x', ['Something unrelated about quokka feeding schedules.']),
    ]);
    const error = 'The relay closed the tunnel: an unexpected fault occurred on a send.';

    it('multiplies the score by the contradiction factor, and says where', () => {
      const paste = 'The relay closed the tunnel: an unexpected fault occurred on a receive.';
      const half = s(0, paste, knobs({ contradiction: 0.5 }));
      const quarter = s(0, paste, knobs({ contradiction: 0.25 }));
      assert.deepEqual(half.contradiction, { context: 'fault occurred', expected: 'send', pasted: 'receive' });
      close(quarter.score, half.score / 2);
      assert.equal(s(0, error).contradiction, undefined);
    });

    it('allows a skipped word or two, quoted values, names, numbers and misread words where the error goes on', () => {
      assert.equal(s(0, 'The relay closed the tunnel: an unexpected fault on a send.').contradiction, undefined);
      assert.equal(s(0, 'The relay closed the tunnel: an unexpected fault occurred on a send.').contradiction, undefined);
      assert.equal(
        s(0, "The relay closed the tunnel: an unexpected fault occurred on a 'receive'.", knobs(), ['receive']).contradiction,
        undefined,
      );
      assert.equal(s(0, 'The relay closed the tunnel: an unexpected fault occurred on a ex01.').contradiction, undefined);
      assert.equal(s(0, 'The relay closed the tunnel: an unexpected fault occurred on a sendd.').contradiction, undefined);
      assert.equal(s(0, 'The relay closed the tunnel: an unexpected fault occurred on a 403.').contradiction?.pasted, '403');
    });

    it("is no contradiction where a reply's status text stands between the status code and the error's message", () => {
      const ndr = scorer([
        article('banned', ['5.7.931 Access denied, marmot traffic not accepted from this wombat.']),
        article('x', ['Something unrelated about quokka feeding schedules.']),
      ]);
      // As a paste is read: its status codes one word each (cleanPaste), as the error text's are.
      const read = (paste: string) => ndr(0, cleanPaste(paste).join('\n')).contradiction;
      // The server's `Service unavailable.` after the code, then the error's own message: the same bounce.
      assert.equal(
        read("Remote Server returned '550 5.7.931 Service unavailable. Access denied, marmot traffic not accepted from this wombat.'"),
        undefined,
      );
      // Another message after the status text is another bounce.
      assert.deepEqual(read('550 5.7.931 Service unavailable. Relay refused, marmot traffic not accepted from this wombat.'), {
        context: 'smtp5x7x931',
        expected: 'access',
        pasted: 'service',
      });
      // More than three words before the message are no status text, and words put in elsewhere than after a code none either.
      assert.equal(
        read('550 5.7.931 Service temporarily not available here. Access denied, marmot traffic not accepted from this wombat.')?.expected,
        'access',
      );
      assert.equal(read('5.7.931 Access denied, marmot odd traffic not accepted from this wombat.')?.expected, 'traffic');
    });

    it('is no contradiction where the paste stops following the error at a sentence end and goes on in its own words', () => {
      const sentences = scorer([article('a', ['The gizmo sprocket failed badly. Restart the widget daemon now.'])]);
      assert.equal(sentences(0, 'The gizmo sprocket failed badly. Then I rebooted everything.').contradiction, undefined);
      assert.equal(sentences(0, 'The gizmo sprocket failed quietly.').contradiction?.expected, 'badly');
    });

    it('is a contradiction where the paste follows four words of a sentence in a row and goes on differently, however little of it it holds', () => {
      // The sentence's common words (`delivered because`) are most of what the paste holds of it: too little to count it
      // as pasted, but four words in a row and then other words is the same sentence going on differently (another NDR).
      const ndr = scorer([
        article('depot', [
          'Your parcel could not be delivered because delivery to this marmot depot is restricted to authenticated kookaburra senders. ' +
            'Depot returned 550 5.9.321 MARMOT.DEPOT.QuokkaSendersOnly; quokka check failed',
        ]),
        article('f1', ['Your parcel could not be delivered because the label is torn.']),
        article('f2', ['The parcel was not delivered because nobody was home.']),
        article('f3', ['Delivery failed because the parcel is too heavy.']),
        article('f4', ['Your message could not be delivered because the mailbox is full.']),
      ]);
      const status = ' Depot returned 550 5.9.321 MARMOT.DEPOT.QuokkaSendersOnly; quokka check failed';
      assert.deepEqual(ndr(0, 'Your parcel was not delivered because the wombat provider rejected it.' + status).contradiction, {
        context: 'delivered because',
        expected: 'delivery',
        pasted: 'wombat',
      });
      // Three words and a sentence end: the paste stopped following the error and went on in its own words.
      assert.equal(ndr(0, 'Your parcel was not delivered. The wombat provider rejected it.' + status).contradiction, undefined);
    });

    it('is no contradiction where the paste says the context twice and one of them goes on as the error, with its value or word for word', () => {
      const setup = scorer([
        article('interim', [
          'Installation cannot go on. The wizard found this patch clashes with the marmot gateway 2013 build 23 layout.',
        ]),
        article('x', ['Something unrelated about quokka feeding schedules.']),
      ]);
      const error = 'Installation cannot go on. The wizard found this patch clashes with the marmot gateway 2019 build 12 layout.';
      // A log that names the product on other lines too (`marmot gateway - patch …`): the line with the error goes on as it does.
      const log = `Product: marmot gateway - patch could not be installed.\n${error}`;
      assert.equal(setup(0, log).contradiction, undefined);
      assert.equal(setup(0, `${error}\nProduct: marmot gateway - patch could not be installed.`).contradiction, undefined);
      // Only the other line: the paste goes on differently where the error goes on.
      assert.deepEqual(
        setup(0, 'The wizard found this patch clashes with the marmot gateway - patch could not be installed.').contradiction,
        {
          context: 'marmot gateway',
          expected: '2013',
          pasted: 'patch',
        },
      );
      // A misread word (`sendd`) is no such evidence: the other line still contradicts.
      const t = scorer([
        article('send', ['The relay closed the tunnel: an unexpected fault occurred on a send.']),
        article('x', ['Something unrelated about quokka feeding schedules.']),
      ]);
      const both = 'The relay closed the tunnel: an unexpected fault occurred on a receive. An unexpected fault occurred on a sendd.';
      assert.equal(t(0, both).contradiction?.pasted, 'receive');
    });

    it('reads past another number or name where the error has one: the words after it say how the paste goes on', () => {
      const crash = scorer([
        article('sprocket', ['The quokka relay crashed in build 2375 b7x sprocket worker on the marmot gateway.']),
        article('x', ['Something unrelated about quokka feeding schedules.']),
      ]);
      // Another build and another program after it: the context before the program (`2375 b7x`) is not in the paste.
      assert.deepEqual(crash(0, 'The quokka relay crashed in build 8812 k9z wombat worker on the marmot gateway.').contradiction, {
        context: "build '…'",
        expected: 'sprocket',
        pasted: 'wombat',
      });
      // Another build, the same program: the value varies from paste to paste.
      assert.equal(crash(0, 'The quokka relay crashed in build 8812 k9z sprocket worker on the marmot gateway.').contradiction, undefined);
      // The paste has the word elsewhere, going on as the error does: it follows the error there.
      const twice = 'Build 8812 wombat. The quokka relay crashed in build sprocket worker on the marmot gateway.';
      assert.equal(crash(0, twice).contradiction, undefined);
    });

    it('reads past another number or name that opens its unit after a colon, from the word that ends the unit before', () => {
      const crash = scorer([
        article('sprocket', ['The quokka relay crashed with parameters: 2375 b7x sprocket worker, on the marmot gateway.']),
        article('later', ['The quokka relay crashed in the walrus gateway. 2375 b7x sprocket worker stopped.']),
        article('x', ['Something unrelated about quokka feeding schedules.']),
      ]);
      assert.deepEqual(crash(0, 'The quokka relay crashed with parameters: 8812 k9z wombat worker, on the marmot gateway.').contradiction, {
        context: "parameters '…'",
        expected: 'sprocket',
        pasted: 'wombat',
      });
      assert.equal(
        crash(0, 'The quokka relay crashed with parameters: 8812 k9z sprocket worker, on the marmot gateway.').contradiction,
        undefined,
      );
      // After a sentence end the paste may go on in its own words: a value there is not read past.
      assert.equal(crash(1, 'The quokka relay crashed in the walrus gateway. 8812 k9z wombat worker stopped.').contradiction, undefined);
    });

    it("reads a property's value (`Name : Value`) only against the paste's own lines that show that property", () => {
      const listing = scorer([
        article('hold', ['QuokkaHoldState : Blocked']),
        article('x', ['Something unrelated about quokka feeding schedules.']),
      ]);
      // The name in a sentence says nothing of the value the paste's listing shows.
      assert.equal(
        listing(0, 'Get-Wombat jdoe | fl QuokkaHoldState in the cloud says Allowed, on-premises Blocked.').contradiction,
        undefined,
      );
      // The property set otherwise: another state.
      assert.deepEqual(listing(0, 'Name : jsmith\nQuokkaHoldState : Allowed').contradiction, {
        context: 'quokkaholdstate :',
        expected: 'blocked',
        pasted: 'allowed',
      });
      assert.deepEqual(listing(0, 'Name : jsmith QuokkaHoldState : Allowed Alias : jsmith').contradiction?.pasted, 'allowed');
      // The same value, a number there (a value that varies), or two listings of which one has the error's value.
      assert.equal(listing(0, 'QuokkaHoldState : Blocked').contradiction, undefined);
      assert.equal(listing(0, 'QuokkaHoldState : 1207').contradiction, undefined);
      assert.equal(listing(0, 'QuokkaHoldState : Allowed\nQuokkaHoldState : Blocked').contradiction, undefined);
    });
  });
});
