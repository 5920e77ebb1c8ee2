/**
 * The compiled knowledge index, put together: the knowledge base and the matcher's snapshot in one file
 * (the file format is src/knowledge/compiled.ts, the snapshot src/matching/snapshot.ts). `kb build` writes
 * it; the service opens it at start-up (KNOWLEDGE_INDEX) and falls back to the sources when it can't be used.
 */
import path from 'node:path';
import { codeFingerprint, readKnowledgeIndex, writeKnowledgeIndex, type IndexIdentity } from '../knowledge/compiled';
import type { KnowledgeBase } from '../knowledge/load';
import { Matcher } from './matcher';
import { restoreMatcher, snapshotMatcher, type MatcherSnapshot } from './snapshot';

/** The compiled code an index depends on: how knowledge is loaded and how the matcher indexes it. */
const CODE_DIRS = [path.resolve(__dirname, '../knowledge'), __dirname];
let fingerprint: string | undefined;

function identity(paths: readonly string[]): IndexIdentity {
  fingerprint ??= codeFingerprint(CODE_DIRS);
  return { paths: paths.map((p) => path.resolve(p)), code: fingerprint };
}

/** Builds the matcher for `kb` (loaded from `paths`) and writes both to `file`. */
export function compileKnowledgeIndex(file: string, paths: readonly string[], kb: KnowledgeBase): { bytes: number; files: number } {
  const matcher = new Matcher(kb);
  return writeKnowledgeIndex(file, identity(paths), { kb, matcher: snapshotMatcher(matcher) });
}

export type OpenedIndex = { ok: true; kb: KnowledgeBase; matcher: Matcher; files: number } | { ok: false; reason: string };

/** The knowledge base and matcher from `file` when it was built from `paths` and is up to date; else why not. */
export function openKnowledgeIndex(file: string, paths: readonly string[]): OpenedIndex {
  const read = readKnowledgeIndex(file, identity(paths));
  if (!read.ok) return read;
  const { kb } = read.contents;
  try {
    return { ok: true, kb, matcher: restoreMatcher(kb, read.contents.matcher as MatcherSnapshot), files: read.files };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

/** The warning logged when an index file is not used. */
export function indexNotUsed(file: string, reason: string): string {
  return `knowledge index ${file} not used: ${reason}; loading the knowledge from its sources`;
}
