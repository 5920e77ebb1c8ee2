// ESLint (flat config) with typescript-eslint. Formatting is Prettier's (.prettierrc.json); ESLint checks code.
// typescript-eslint needs TypeScript's JS API, which keeps `typescript` on 6.0.x (its range is <6.1; see DEVELOPERS.md).
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** What the browser scripts in web/ use (plain scripts, no bundler). */
const BROWSER_GLOBALS = Object.fromEntries(
  [
    'window',
    'document',
    'navigator',
    'location',
    'fetch',
    'URL',
    'URLSearchParams',
    'console',
    'setTimeout',
    'clearTimeout',
    'WebChat',
  ].map((name) => [name, 'readonly']),
);

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', 'bench/results/', 'test-artifacts/', 'data/', '.stryker-tmp/', 'reports/'] },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A promise nobody awaits loses its error and outlives the turn: the bugs that matter in a bot.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Arguments prefixed with _ are unused on purpose (handler signatures).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests and fixtures type JSON answers loosely on purpose.
      '@typescript-eslint/no-explicit-any': 'off',
      // Control characters are what these expressions look for (binary files, terminal escapes, separators).
      'no-control-regex': 'off',
      'max-len': ['error', { code: 140, ignoreUrls: true, ignoreRegExpLiterals: true, ignoreStrings: true, ignoreTemplateLiterals: true }],
    },
  },
  {
    files: ['web/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2020, sourceType: 'script', globals: BROWSER_GLOBALS },
    rules: { 'max-len': ['error', { code: 140, ignoreUrls: true, ignoreStrings: true }] },
  },
  {
    files: ['*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module' },
  },
);
