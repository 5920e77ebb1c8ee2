/**
 * The compiled knowledge index, put together: the knowledge base and the matcher's snapshot in one file
 * (the file format is src/knowledge/compiled.ts, the snapshot src/matching/snapshot.ts). `kb build` writes
 * it; the service opens it at start-up (KNOWLEDGE_INDEX) and falls back to the sources when it can't be used.
 */
import { decodeKnowledgeIndex, readKnowledgeIndex, writeKnowledgeIndex, type IndexCheck, type IndexRead } from '../knowledge/compiled';
import type { KnowledgeBase } from '../knowledge/load';
import { indexIdentity as identity } from './indexIdentity';
import { Matcher } from './matcher';
import { DEFAULT_PARAMETERS } from './parameters';
import { restoreMatcher, snapshotMatcher, type MatcherSnapshot } from './snapshot';

/** Builds the matcher for `kb` (loaded from `paths`) and writes both to `file`. */
export function compileKnowledgeIndex(file: string, paths: readonly string[], kb: KnowledgeBase): { bytes: number; files: number } {
  const matcher = new Matcher(kb);
  return writeKnowledgeIndex(file, identity(paths), { kb, matcher: snapshotMatcher(matcher) });
}

export type OpenedIndex = { ok: true; kb: KnowledgeBase; matcher: Matcher; files: number } | { ok: false; reason: string };

/** The knowledge base and matcher from `file` when it was built from `paths` and is up to date; else why not. */
export function openKnowledgeIndex(file: string, paths: readonly string[]): OpenedIndex {
  return restore(readKnowledgeIndex(file, identity(paths)));
}

/**
 * `openKnowledgeIndex` for a file checked already, against `indexIdentity(paths)` (at start-up in a worker thread:
 * src/knowledge/indexThread.ts).
 */
export function openCheckedKnowledgeIndex(check: IndexCheck): OpenedIndex {
  return restore(check.ok ? decodeKnowledgeIndex(check) : check);
}

function restore(read: IndexRead): OpenedIndex {
  if (!read.ok) return read;
  const { kb } = read.contents;
  try {
    // The snapshot was just read from the file, its typed arrays in a buffer nothing else holds: the matcher takes them.
    const matcher = restoreMatcher(kb, read.contents.matcher as MatcherSnapshot, DEFAULT_PARAMETERS, { adopt: true });
    return { ok: true, kb, matcher, files: read.files };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}

/** The warning logged when an index file is not used. */
export function indexNotUsed(file: string, reason: string): string {
  return `knowledge index ${file} not used: ${reason}; loading the knowledge from its sources`;
}
