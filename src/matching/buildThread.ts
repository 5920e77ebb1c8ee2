/**
 * Loading the knowledge sources and building the matcher in a worker thread (knowledge reloads, and a start without a
 * compiled index). Building the matcher takes seconds of CPU for the team's 700 articles on a busy machine; on the
 * service's thread it held up every turn meanwhile. The thread that loads the sources (src/knowledge/loadThread.ts)
 * builds it too and sends its snapshot (snapshot.ts, what a compiled index holds) with the articles, its typed arrays
 * moved rather than copied; this thread only restores it (a tenth of a build or less). The restored matcher makes the
 * same decisions as one built here (tests/matching/snapshot.test.ts, `scripts/match-outputs.mjs --restored`).
 *
 * If the thread can't be started or dies, this thread loads and builds as before; a build that fails in the thread is
 * reported as one that fails here would be (`built()` throws its message).
 */
import type { KnowledgeBase } from '../knowledge/load';
import { loadInThread, type ThreadBuilder } from '../knowledge/loadThread';
import type { Matcher } from './matcher';
import type { MatcherSnapshot } from './snapshot';

/** What the thread sends besides the articles: the built matcher's snapshot, or why building it failed. */
type Built = { snapshot: MatcherSnapshot } | { error: string };

/** A knowledge base loaded in a worker thread, and its matcher (restored from the thread's build, or built here). */
export interface LoadedMatcher {
  kb: KnowledgeBase;
  /**
   * The matcher of `kb` (restored or built on the call), given the one it replaces, if any (`MatcherOptions.previous`).
   * Throws when building it failed (in the thread or here).
   */
  built: (previous?: Matcher) => Matcher;
}

/** `loadKnowledge(paths)` and `new Matcher(kb)` (default parameters), both done in a worker thread. */
export async function loadMatcherInThread(paths: string[]): Promise<LoadedMatcher> {
  const { kb, built } = await loadInThread(paths, __filename);
  // Loaded only when the knowledge is: the entry starts this thread before it loads the matcher's modules.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { Matcher } = require('./matcher') as typeof import('./matcher');
  const { restoreMatcher } = require('./snapshot') as typeof import('./snapshot');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const result = built as Built | undefined;
  return {
    kb,
    built: (previous) => {
      if (!result) return new Matcher(kb, undefined, undefined, { previous });
      if ('error' in result) throw new Error(result.error);
      // The snapshot's typed arrays were moved here and nothing else holds them: the matcher takes them as they are.
      return restoreMatcher(kb, result.snapshot, undefined, { adopt: true, previous });
    },
  };
}

/** Run in the loading thread (ThreadBuilder): the matcher's snapshot, its typed arrays' buffers to move. */
export const buildInThread: ThreadBuilder = (kb) => {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { Matcher } = require('./matcher') as typeof import('./matcher');
  const { snapshotMatcher } = require('./snapshot') as typeof import('./snapshot');
  /* eslint-enable @typescript-eslint/no-require-imports */
  let snapshot: MatcherSnapshot;
  try {
    snapshot = snapshotMatcher(new Matcher(kb));
  } catch (err) {
    return { value: { error: (err as Error).message } satisfies Built, transfer: [] };
  }
  return { value: { snapshot } satisfies Built, transfer: [...buffersOf(snapshot, new Set())] };
};

/** The buffers under `value`'s typed arrays, each once. */
function buffersOf(value: unknown, out: Set<ArrayBuffer>): Set<ArrayBuffer> {
  if (ArrayBuffer.isView(value)) out.add(value.buffer as ArrayBuffer);
  else if (Array.isArray(value)) for (const v of value) buffersOf(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) buffersOf(v, out);
  return out;
}
