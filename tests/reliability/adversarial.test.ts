/**
 * One paste must not freeze the service (issue 11): every function that processes user text takes time
 * in proportion to the text's length, however hostile the text. fast-check builds 200,000-character pastes
 * of the shapes that make backtracking regular expressions quadratic (long runs of one character, of `a.`,
 * of `-`, of quotes, nested brackets, mixes, with a character at the end that makes the match fail) and
 * each entry point's time on them is compared with its time on a plain paste of the same length, measured
 * in the same run: a quadratic pattern is hundreds of times slower at this size, a linear one is not.
 * No absolute times: the machines are shared and noisy.
 *
 * New text processing joins ENTRY_POINTS; a new masking rule is covered through `maskSensitive`.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { errorLine, gapKey } from '../../src/cli/gaps';
import { parseIntent } from '../../src/bot/intents';
import { maskSensitive, pasteForLog } from '../../src/bot/mask';
import { diagnose } from '../../src/diagnosis/diagnose';
import { valuesInPaste } from '../../src/diagnosis/fill';
import { parsePaste } from '../../src/diagnosis/parse';
import { importArticle } from '../../src/knowledge/import';
import { assembleCommands, cleanErrorText, distinctivePart, normalizeCommand, symptomIdFor, tidy } from '../../src/knowledge/import/text';
import { eventFrameTerms } from '../../src/matching/eventFrame';
import { foreignProgram } from '../../src/matching/foreignProgram';
import { Matcher } from '../../src/matching/matcher';
import { cleanPaste, tokenize } from '../../src/matching/normalize';
import { pasteOnPremises } from '../../src/matching/product';
import { pasteScenario } from '../../src/matching/scenario';
import { cutToErrorPart } from '../../src/matching/truncate';
import { realMatcher } from '../bot/support/harness';
import { errorFragments } from '../fuzz/arbitraries';

/** Length of every paste here: the longest paste the matcher takes in whole. */
export const PASTE_CHARS = 200_000;
/**
 * How much slower than on a plain paste of the same length one call may be. Quadratic at this size is
 * 1,000× and more (800–3,000× measured before the rewrites); linear work can still differ by some 15× (200,000
 * one-character lines against 10,000 lines), and on a loaded 2-core machine one import measured 26×: 40 keeps
 * the test steady there while any quadratic pattern still fails it by an order of magnitude.
 */
const SLOWER_AT_MOST = 40;

export interface EntryPoint {
  name: string;
  run: (text: string) => unknown;
}

/** An article whose only error text is `text`: the matcher's index is built from article text too. */
function matcherWithError(text: string): Matcher {
  const kb = realMatcher().kb;
  const article = kb.articles[0]!;
  const symptom = { ...article.symptoms[0]!, errors: { en: [text] } };
  const articles = [{ ...article, symptoms: [symptom] }];
  return new Matcher({ ...kb, articles, byId: new Map(articles.map((a) => [a.id, a])) });
}

/** Markdown with the text in the places the importer reads differently: prose, a list, a code block, a lead-in. */
function asMarkdown(text: string): string {
  const part = text.slice(0, text.length / 4);
  return `# Title\n\n## Symptoms\n\nWhen you run the wizard, you get the following error: ${part}\n\n- ${part}\n\n\`\`\`\n${part}\n\`\`\`\n\n## Resolution\n\n1. ${part}\n`;
}

/** Everything that runs on text a user or an article file supplies. */
export const ENTRY_POINTS: EntryPoint[] = [
  { name: 'normalize: cleanPaste', run: cleanPaste },
  { name: 'normalize: tokenize', run: tokenize },
  { name: 'truncate: cutToErrorPart', run: (t) => cutToErrorPart(t, PASTE_CHARS) },
  { name: 'mask: maskSensitive', run: maskSensitive },
  { name: 'mask: pasteForLog', run: pasteForLog },
  { name: 'intents: parseIntent', run: parseIntent },
  { name: 'gaps: errorLine and gapKey', run: (t) => gapKey(errorLine(t)) },
  { name: 'matcher: match', run: (t) => realMatcher().match(t) },
  // Read only once a paste has found an error text, so `match` on a hostile paste alone never reaches them.
  {
    name: 'matcher: where a paste happened (program, product, event record, scenario)',
    run: (t) => [foreignProgram(t), pasteOnPremises(t), eventFrameTerms(t, 3), pasteScenario(t.split('\n'), [])],
  },
  { name: 'diagnosis: parsePaste and diagnose', run: (t) => [parsePaste(t), diagnose(t)] },
  { name: 'diagnosis: values for placeholders', run: valuesInPaste },
  { name: 'matcher: index of an article error text', run: matcherWithError },
  { name: 'import: Markdown article', run: (t) => importArticle('article.md', asMarkdown(t)) },
  { name: 'import: plain-text article', run: (t) => importArticle('article.txt', t) },
  { name: 'import: error text clean-up', run: (t) => [cleanErrorText(t), distinctivePart(t), symptomIdFor(t, t)] },
  { name: 'import: commands', run: (t) => [normalizeCommand(t), assembleCommands(t.split('\n')), tidy(t)] },
];

/** Repeated pieces that make backtracking patterns try every start of a long run. */
const UNITS = [
  'a',
  'a.',
  'a-',
  '-',
  '.',
  ' ',
  '\t',
  '\n',
  '"',
  "'",
  '`',
  ':',
  ',',
  '<',
  '>',
  '(',
  '[',
  '{',
  '_',
  '@',
  '=',
  '+',
  '\\',
  '\u2028',
  'eyJ-',
  'a@',
  '1.',
  '0x',
  'A+',
  'Q.',
  'at ',
  'at a.',
  ' -',
  '- ',
  '\t\n',
  'ERROR ',
  'Fehler: ',
  'Exception.',
  'x=',
  '&#',
  'aé',
  'a ',
  'System.Management.Automation.',
  'do the following ',
  'xn--a.',
  'ab-cd.',
  '"a":',
  "'a',",
  'HKLM\\',
  'reg query ',
  'Property a does not exist at path ',
  'IMCEAEX-',
  '/ou=a',
];
/** What follows the run: the character that makes a pattern fail only at the very end. */
const TAILS = ['', '!', '\u0000', '@', ':', '\n', '.com', 'x', '\n:', '"', ')', '-', 'Exception:'];

/** What comes before the run: the start of something a pattern looks for, so that it walks the whole run. */
const PREFIXES = [
  '',
  '',
  '',
  'reg query ',
  'Get-ItemProperty ',
  'Select-Object ',
  'password=',
  '-ArgumentList',
  '-Password ',
  'Error:',
  'at a',
  '<',
  '"',
  '(',
  'https://',
  'eyJ',
  'a@',
  'System.Management.Automation.',
  '-----BEGIN RSA PRIVATE KEY-----',
  'IMCEAEX-',
  'X500:/o=a',
];

/** What a hostile paste is made of (small, so that a failure report shows it instead of 200,000 characters). */
type Shape = { prefix?: string; run: string[]; tail: string } | { nested: string };

const shapes: fc.Arbitrary<Shape> = fc.oneof(
  // A run of one unit, or of a few units mixed, after a prefix and with a tail.
  fc.record({
    prefix: fc.constantFrom(...PREFIXES),
    run: fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 3 }),
    tail: fc.constantFrom(...TAILS),
  }),
  // Nested brackets and quotes: all the openers, then all the closers.
  fc.record({ nested: fc.constantFrom('()', '[]', '{}', '<>', '""', "''", '``') }),
);

/** The hostile paste of a shape, exactly PASTE_CHARS characters. */
function hostilePaste(shape: Shape): string {
  if ('nested' in shape) return shape.nested[0]!.repeat(PASTE_CHARS / 2) + shape.nested[1]!.repeat(PASTE_CHARS / 2);
  const unit = shape.run.join('');
  const prefix = shape.prefix ?? '';
  return prefix + unit.repeat(Math.ceil(PASTE_CHARS / unit.length)).slice(0, PASTE_CHARS - prefix.length - shape.tail.length) + shape.tail;
}

/**
 * Plain pastes of PASTE_CHARS characters, built from the built-in articles' error texts: a log, many short
 * lines, one long line. A function may fairly take longer on many lines or on one long one; the slowest
 * of them is the measure.
 */
function plainPastes(): string[] {
  const errors = errorFragments();
  const fill = (chunk: string) => chunk.repeat(Math.ceil(PASTE_CHARS / chunk.length)).slice(0, PASTE_CHARS);
  return [
    fill(errors.map((e, i) => `2026-11-28 10:${String(i % 60).padStart(2, '0')}:00 ${e}`).join('\n')),
    fill(errors.map((e) => e.split(' ').slice(0, 2).join(' ')).join('\n')),
    fill(errors.join(' ')),
    fill(errors.flatMap((e) => e.split(' ')).join('\n')),
  ];
}

function timeOf(run: (text: string) => unknown, text: string, times: number): number {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run(text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** A plain pass over the text: reading each of its characters once. */
const onePass = (text: string) => [...text].length;

/** The shortest of a few runs (the least disturbed by other processes). */
const BASELINE_RUNS = 3;

describe('reliability: hostile pastes take time in proportion to their length', function () {
  this.timeout(600_000);
  const plain = plainPastes();

  before(() => realMatcher());

  for (const entry of ENTRY_POINTS) {
    it(`${entry.name}: at most ${SLOWER_AT_MOST}× its time on a plain paste`, () => {
      for (const p of plain) entry.run(p); // warm up (compilation, caches)
      // Entry points that barely look at a plain paste are held to one plain pass over the text instead.
      const base = Math.max(...plain.map((p) => timeOf(entry.run, p, BASELINE_RUNS)), timeOf(onePass, plain[0]!, BASELINE_RUNS));
      fc.assert(
        fc.property(shapes, (shape) => {
          const text = hostilePaste(shape);
          // One run normally; only a slow one is measured again, so that a busy machine can't fail the test.
          let spent = timeOf(entry.run, text, 1);
          if (spent > SLOWER_AT_MOST * base) spent = Math.min(spent, timeOf(entry.run, text, BASELINE_RUNS));
          assert.ok(
            spent <= SLOWER_AT_MOST * base,
            `${entry.name}: ${spent.toFixed(1)} ms, ${(spent / base).toFixed(0)}× the ${base.toFixed(1)} ms of a plain paste`,
          );
        }),
        {
          numRuns: 16,
          examples: [
            ...UNITS.slice(0, 12).map((u): [Shape] => [{ run: [u], tail: '!' }]),
            [{ prefix: '-ArgumentList', run: [' '], tail: 'x' }],
          ],
        },
      );
    });
  }
});
