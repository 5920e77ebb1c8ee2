// StrykerJS mutation testing over src/matching: `npm run mutate` (not part of `npm test` or CI: it is slow on
// 2 cores). It mutates the TypeScript sources in a copy of the project (.stryker-tmp/sandbox-…), compiles the
// copy with tsc (the tests run from dist/), and runs the compiled tests that exercise the matcher against each
// mutant. Report: reports/mutation/mutation.html and the table printed at the end.
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

// The sandbox is a copy in another folder, so `../shared` (the corpora the matching tests load) is not beside
// it: name it from this repository's root (tests/helpers/tmp.ts reads the variable). The test runner child
// processes inherit this environment.
const root = path.dirname(fileURLToPath(import.meta.url));
process.env.PASTEFIX_SHARED ??= path.resolve(root, '../shared');

/**
 * Compiled tests of tests/matching, in name order with the dev sets last, without the slow or data-only ones.
 * PASTEFIX_MUTATION_QUICK=1 also leaves out the three that match every labelled set with the larger knowledge bases
 * to compare two ways of getting one result (snapshot: restored vs built; pruning: floors vs none; compiled: index
 * file vs built): they take most of a surviving mutant's time and pin little outside snapshot.ts, compiled.ts and
 * the floors. Fewer tests can only kill fewer mutants, so a quick run's score is a lower bound of the full one's.
 */
function matchingTests() {
  const skip = new Set(['corpus', 'realworldSets']);
  if (process.env.PASTEFIX_MUTATION_QUICK === '1') for (const name of ['snapshot', 'pruning', 'compiled']) skip.add(name);
  const names = fs
    .readdirSync(path.join(root, 'tests/matching'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -'.test.ts'.length))
    .filter((name) => !skip.has(name))
    .sort((a, b) => Number(a === 'devSets') - Number(b === 'devSets') || a.localeCompare(b));
  return names.map((name) => `dist/tests/matching/${name}.test.js`);
}

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/matching/**/*.ts'],
  testRunner: 'mocha',
  mochaOptions: {
    config: '.mocharc.json',
    // The matcher's own tests (tests/matching), the dev sets last: Stryker stops a mutant's run at its first
    // failing test, so most mutants die in the quick unit tests before the dev sets (the slowest, and the widest
    // net) run. Left out: the corpus tests (6 s per run; corpus-dev in the dev sets already matches with the
    // corpus loaded), the real-world sets' data checks (they match nothing), and the fuzz tests (random inputs:
    // a mutant would die in one run and survive the next). The bot, server and OCR tests reach the matcher too,
    // through turns that cost far more than the little they pin beyond these.
    spec: matchingTests(),
    // PASTEFIX_MUTATION_GREP runs only the tests whose full title holds it (mocha --grep), e.g. 'restored structures' for
    // snapshot.ts: the snapshot test's structure checks, without its comparisons on every labelled set (hours per run here).
    ...(process.env.PASTEFIX_MUTATION_GREP ? { grep: process.env.PASTEFIX_MUTATION_GREP } : {}),
  },
  buildCommand: 'npx tsc -p tsconfig.json',
  coverageAnalysis: 'perTest',
  // 2 cores shared by the whole team.
  concurrency: 1,
  // dist/ is rebuilt in the sandbox; the rest is not needed to run the matching tests.
  ignorePatterns: ['/dist', '/bench/results', '/test-artifacts', '/data', '/reports'],
  // `live` (scripts/stryker-live-reporter.mjs): each result as it comes, so a run stopped early still counts.
  reporters: ['clear-text', 'progress', 'html', 'json', 'live'],
  appendPlugins: ['./scripts/stryker-live-reporter.mjs'],
  // A mutant that makes a loop run forever is stopped after the test's usual time plus this.
  timeoutMS: 10000,
  thresholds: { high: 85, low: 75, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
