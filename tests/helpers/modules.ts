/**
 * Which module files requiring one of our built files loads, read in a fresh Node process (this one has loaded
 * everything already): for tests that a start-up path leaves a package's index and unused parts unloaded.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './tmp';

/** The absolute paths in `require.cache` after requiring `dist/<built>` (e.g. `src/service.js`) in a fresh process. */
export function modulesLoadedBy(built: string): string[] {
  const file = path.join(ROOT, 'dist', built);
  const out = execFileSync(
    process.execPath,
    ['-e', `require(${JSON.stringify(file)}); console.log(JSON.stringify(Object.keys(require.cache)))`],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out) as string[];
}
