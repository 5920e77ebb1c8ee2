/**
 * Loading knowledge sources in a worker thread. Parsing YAML and importing Markdown allocate many times what the
 * loaded articles take, and much of it lives long enough to make V8 grow the young generation of the thread that
 * parses; that young generation then stays committed for the life of the process (~30 MB of RSS with the corpus, up
 * to 64 MB with `--max-semi-space-size=32`). Done in a worker, the parsers, their modules and their garbage go with
 * the worker's heap when it ends; this thread receives only the loaded articles. Same answer as `loadKnowledge`
 * (default importer); if the thread can't be started or dies, this thread loads.
 *
 * The thread can also build from what it loaded (`loadInThread`'s `build`: the matcher, src/matching/buildThread.ts),
 * so that this thread only receives the result. This module stays below matching: it is given the builder's file.
 * Then the articles come as JSON in one buffer, moved rather than copied (packedArticles.ts): receiving them as a
 * structured clone and sharing their texts again took the service's thread about three times as long at every reload.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { TextPool } from './compact';
import { unpackArticles, type PackedArticles } from './packedArticles';
import type { KnowledgeBase } from './load';
import type { Article } from './types';

/** What the thread is given (`workerData`). */
export interface LoadRequest {
  paths: string[];
  /** A module whose `buildInThread` (ThreadBuilder) the thread runs on what it loaded. Default: none. */
  build?: string;
}

/**
 * What a `build` module exports: run in the thread on the loaded knowledge base. `value` is sent with the articles
 * (structured clone), the `transfer` buffers moved rather than copied. It reports its own failure in `value`.
 */
export type ThreadBuilder = (kb: KnowledgeBase) => { value: unknown; transfer: ArrayBuffer[] };

/**
 * What it sends back: the knowledge base without `byId` (rebuilt here, it holds the same articles), and what was built.
 * The articles are packed (`packArticles`) when the thread built something from them, else sent as they are.
 */
export type LoadMessage = Omit<KnowledgeBase, 'byId' | 'articles'> & { articles: Article[] | PackedArticles; built?: unknown };

/** A knowledge base loaded in the thread, and what its `build` module made of it (undefined when this thread loaded). */
export interface LoadedInThread {
  kb: KnowledgeBase;
  built?: unknown;
}

const THREAD_FILE = path.join(__dirname, 'loadWorker.js');

/** `loadKnowledge(paths)`, done in a worker thread. Rejects only if loading on this thread throws too. */
export async function loadKnowledgeInThread(paths: string[]): Promise<KnowledgeBase> {
  return (await loadInThread(paths)).kb;
}

/**
 * `loadKnowledge(paths)` done in a worker thread, which then runs `build` (a module's file: ThreadBuilder) on it. If
 * the thread can't be started or dies, this thread loads, and nothing is built. Rejects only if that throws too.
 */
export function loadInThread(paths: string[], build?: string): Promise<LoadedInThread> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (load: () => LoadedInThread) => {
      if (settled) return;
      settled = true;
      try {
        resolve(load());
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const here = () => ({ kb: (require('./load') as typeof import('./load')).loadKnowledge(paths) });
    let thread: Worker;
    try {
      thread = new Worker(THREAD_FILE, { workerData: { paths, ...(build ? { build } : {}) } satisfies LoadRequest });
    } catch {
      settle(here);
      return;
    }
    let message: LoadMessage | undefined;
    thread.once('message', (m: LoadMessage) => (message = m));
    // Answered once the thread has ended, its heap released with it. A thread that fails (out of memory, a missing
    // file of this build) leaves the loading to this thread.
    thread.once('error', () => settle(here));
    thread.once('exit', () => settle(message ? () => received(message!) : here));
  });
}

/**
 * The knowledge base as `loadKnowledge` returns it, `byId` included: packed articles parsed, copied ones with their texts
 * shared again (a copy between threads repeats them).
 */
function received({ built, articles: sent, ...m }: LoadMessage): LoadedInThread {
  const pool = new TextPool();
  const articles: Article[] = Array.isArray(sent) ? sent.map((a) => pool.adopt(a)) : unpackArticles(sent);
  return { kb: { ...m, articles, byId: new Map(articles.map((a) => [a.id, a])) }, built };
}
