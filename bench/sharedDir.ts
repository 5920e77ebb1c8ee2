/**
 * Where the shared material is (seed/, corpus/, corpus-more/): the folder `PASTEFIX_SHARED` names when it is set,
 * else `../shared` beside the project. A worktree, a clone elsewhere or Stryker's sandbox has no `../shared` beside
 * it: set the variable there. The benchmark and the tests look it up here; scripts/match-outputs.mjs does the same
 * lookup itself (it runs against any build's dist/, older ones without this file included).
 */
import fs from 'node:fs';
import path from 'node:path';

/** The project root (this file runs as dist/bench/sharedDir.js). */
const PROJECT_ROOT = path.resolve(__dirname, '../..');

/** The shared folder's path (it may be absent: check for what you need in it). */
export function sharedPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.PASTEFIX_SHARED ? path.resolve(env.PASTEFIX_SHARED) : path.resolve(PROJECT_ROOT, '../shared');
}

/** The shared folder when it holds corpus/ (what the benchmark's corpus parts and the tests that read it need), else undefined. */
export function sharedWithCorpus(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = sharedPath(env);
  return fs.existsSync(path.join(dir, 'corpus')) ? dir : undefined;
}

/** Says that `what` is missing from the shared folder and how to point at it. */
export function sharedAbsent(what: string): string {
  return `${what} is absent (the shared folder is PASTEFIX_SHARED when set, else ../shared beside the project; set PASTEFIX_SHARED=/path/to/shared from a worktree or a clone elsewhere)`;
}
