/**
 * What a compiled index must have been built for: the same knowledge paths and the same code. Apart from the
 * matcher, so the service can start checking its index file before it loads the matcher's modules.
 */
import path from 'node:path';
import { codeFingerprint, type IndexIdentity } from '../knowledge/compiled';

/** The compiled code an index depends on: how knowledge is loaded and how the matcher indexes it. */
const CODE_DIRS = [path.resolve(__dirname, '../knowledge'), __dirname];
let fingerprint: string | undefined;

/** The identity an index for `paths` must carry to be used by this build. */
export function indexIdentity(paths: readonly string[]): IndexIdentity {
  fingerprint ??= codeFingerprint(CODE_DIRS);
  return { paths: paths.map((p) => path.resolve(p)), code: fingerprint };
}
