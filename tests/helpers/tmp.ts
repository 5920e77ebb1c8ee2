import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedWithCorpus } from '../../bench/sharedDir';

/** A fresh temporary folder with the given files (relative path → content); removed by the returned cleanup. */
export function tempFolder(files: Record<string, string> = {}): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The project root (tests run from dist/tests/...). */
export const ROOT = path.resolve(__dirname, '../../..');

/**
 * ../shared beside the project, or null when this clone has none (tests that need it skip).
 * `PASTEFIX_SHARED` names it explicitly (bench/sharedDir.ts): Stryker runs the tests from a copy of the project in
 * `.stryker-tmp/sandbox-…`, where `../shared` is not beside it (stryker.config.mjs sets the variable).
 */
export function sharedDir(): string | null {
  return sharedWithCorpus() ?? null;
}
