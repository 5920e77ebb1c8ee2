// StrykerJS mutation testing over src/matching: `npm run mutate` (not part of `npm test` or CI: it is slow on
// 2 cores). It mutates the TypeScript sources in a copy of the project (.stryker-tmp/sandbox-…), compiles the
// copy with tsc (the tests run from dist/), and runs the compiled tests that exercise the matcher against each
// mutant. Report: reports/mutation/mutation.html and the table printed at the end.
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

// The sandbox is a copy in another folder, so `../shared` (the corpora the matching tests load) is not beside
// it: name it from this repository's root (tests/helpers/tmp.ts reads the variable). The test runner child
// processes inherit this environment.
const root = path.dirname(fileURLToPath(import.meta.url));
process.env.PASTEFIX_SHARED ??= path.resolve(root, '../shared');

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/matching/**/*.ts'],
  testRunner: 'mocha',
  mochaOptions: {
    config: '.mocharc.json',
    // The matcher's own tests and the property tests that feed it random pastes; the bot, server and OCR
    // tests reach the matcher too, but add minutes per mutant and little that these don't already pin.
    spec: ['dist/tests/matching/**/*.test.js', 'dist/tests/fuzz/matching.test.js'],
  },
  buildCommand: 'npx tsc -p tsconfig.json',
  coverageAnalysis: 'perTest',
  // 2 cores shared by the whole team.
  concurrency: 1,
  // dist/ is rebuilt in the sandbox; the rest is not needed to run the matching tests.
  ignorePatterns: ['/dist', '/bench/results', '/test-artifacts', '/data', '/reports'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  // A mutant that makes a loop run forever is stopped after the test's usual time plus this.
  timeoutMS: 10000,
  thresholds: { high: 85, low: 75, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
