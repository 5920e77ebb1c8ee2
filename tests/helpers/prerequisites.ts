/**
 * Tests that need something from outside the repository (../shared, Chromium) skip with a clear note
 * where it is missing: a clone elsewhere still runs everything else. Under `CI=true` a missing
 * prerequisite fails the test instead: CI installs what it can and must not turn green by skipping.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sharedDir } from './tmp';

/** True under CI (`.ci/run` sets CI=true), where nothing may be skipped. */
export const IN_CI = process.env.CI === 'true';

/**
 * Skips the calling suite or test (from a hook or test body) with `(skipped: <what>)` — or, under CI,
 * throws `CI=true: <what>` so the run fails.
 */
export function skipOrFailWithout(ctx: Mocha.Context, what: string): never {
  if (IN_CI) throw new Error(`CI=true: a prerequisite is missing: ${what}`);
  console.log(`      (skipped: ${what})`);
  ctx.skip();
}

/**
 * `../shared` (or a folder in it, e.g. `corpus-more`), or skip/fail as above when this clone has none.
 * @param sub folder inside ../shared that must exist. Default: `corpus`.
 */
export function requireShared(ctx: Mocha.Context, sub = 'corpus'): string {
  const shared = sharedDir();
  const dir = shared && path.join(shared, sub);
  if (!dir || !fs.existsSync(dir)) skipOrFailWithout(ctx, `../shared/${sub} is absent in this clone`);
  return dir;
}
