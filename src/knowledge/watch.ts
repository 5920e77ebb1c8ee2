/**
 * Live knowledge: the knowledge files are watched, and an edit is live without a restart.
 *
 * On a change (debounced: editors write a file in several steps) the whole knowledge base is loaded
 * again and checked. It replaces the running one — in one assignment, so a turn sees either the old
 * or the new, never a mix — only when it is at least as good:
 *
 * - it brings no new problem (each is logged as `file:line: field: message`; problems that were
 *   already there at the last good load don't block a reload, so one broken file doesn't freeze the rest);
 * - it still has articles, if the running one had any (a deleted folder or a half-finished checkout
 *   must not empty the bot).
 *
 * Otherwise the last good knowledge base stays live and the problems are logged; fixing the file is
 * the next change. The value built from a knowledge base (the matcher) is built before the swap, so a
 * failure there also leaves the running one in place. This module stays below matching: it is generic
 * in what it builds (and a load may bring it built: the service builds the matcher in the loading thread).
 *
 * The sources are loaded in a worker thread, as at start-up (loadThread.ts): the parsers' code, their compiled
 * regular expressions and their garbage never reach this thread. Here they would stay until a full collection, and
 * V8 compiles regular expressions without their optimizations, for good, once a thread holds more than 16 MB of code
 * (one reload of the team's knowledge on this thread added ~10 MB). A change while a reload runs is loaded once more
 * right after it: at most one reload waits, however many changes come meanwhile.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { KnowledgeBase } from './load';
import { loadKnowledgeInThread } from './loadThread';
import { formatProblem } from './sources';
import type { KnowledgeProblem } from './types';

export interface WatchOptions<T> {
  /** The knowledge base loaded at start-up (already logged by the caller). */
  initial: KnowledgeBase;
  /**
   * Loads the knowledge base again from the same paths, and may build from it too (off this thread: the service's loads
   * build the matcher in the loading thread, src/matching/buildThread.ts). Default: `loadKnowledgeInThread(paths)`.
   */
  load?: () => Promise<Reloaded<T>>;
  /**
   * Builds what the service runs on from a knowledge base (the matcher), given at a reload what it replaces (the live
   * one, which the new one may take parts of: MatcherOptions.previous); may throw.
   */
  build: (kb: KnowledgeBase, previous?: T) => T;
  /** What `initial` was already built into (a matcher restored from a compiled index). Default: `build(initial)`. */
  initialValue?: T;
  logger: Logger;
  /** Quiet time after the last file event before reloading, in ms. Default 300. */
  debounceMs?: number;
  /** Watch the files. Default true; false gives a holder that only reloads on `reload()`. */
  watch?: boolean;
}

/** A knowledge base loaded again, and what was built from it already, if anything. */
export interface Reloaded<T> {
  kb: KnowledgeBase;
  /**
   * What `build(kb, previous)` would give, built elsewhere (or finished here from what was built elsewhere), given the
   * live value it replaces; may throw as `build` does. Default: `build(kb, previous)` is called.
   */
  built?: (previous: T) => T;
}

/** How a reload ended. */
export type ReloadOutcome =
  | { status: 'reloaded'; articles: number }
  | { status: 'kept'; reason: 'problems'; problems: KnowledgeProblem[] }
  | { status: 'kept'; reason: 'empty' | 'build-failed'; message: string };

export interface LiveKnowledge<T> {
  /** What to use for this turn: take it once per turn. */
  current(): T;
  /** The knowledge base `current()` was built from. */
  kb(): KnowledgeBase;
  /**
   * Loads and, if good, swaps (the watcher calls this after a change). Called while a reload runs, it answers with the
   * one reload that follows it, shared by all such calls: the files may have changed after the running one read them.
   */
  reload(): Promise<ReloadOutcome>;
  /** Resolves after the next reload attempt finishes (tests, tools). */
  nextReload(): Promise<ReloadOutcome>;
  /** Stops watching. */
  close(): void;
}

export function watchKnowledge<T>(paths: string[], options: WatchOptions<T>): LiveKnowledge<T> {
  const { logger } = options;
  const debounceMs = options.debounceMs ?? 300;
  let live = { kb: options.initial, value: options.initialValue ?? options.build(options.initial) };
  let accepted = problemKeys(options.initial.problems);
  let waiting: ((outcome: ReloadOutcome) => void)[] = [];
  let timer: NodeJS.Timeout | undefined;

  const load = options.load ?? (async (): Promise<Reloaded<T>> => ({ kb: await loadKnowledgeInThread(paths) }));
  let running: Promise<ReloadOutcome> | undefined;
  let following: Promise<ReloadOutcome> | undefined;

  const reload = (): Promise<ReloadOutcome> => {
    if (!running) {
      running = attempt().finally(() => (running = undefined));
      return running;
    }
    following ??= running.then(() => {
      following = undefined;
      return reload();
    });
    return following;
  };

  const attempt = async (): Promise<ReloadOutcome> => {
    const outcome = await tryReload();
    for (const resolve of waiting.splice(0)) resolve(outcome);
    return outcome;
  };

  const tryReload = async (): Promise<ReloadOutcome> => {
    let next: KnowledgeBase;
    let built: ((previous: T) => T) | undefined;
    try {
      ({ kb: next, built } = await load());
    } catch (err) {
      logger.error({ err }, 'knowledge reload failed; the last good knowledge base stays live');
      return { status: 'kept', reason: 'build-failed', message: (err as Error).message };
    }
    const fresh = next.problems.filter((p) => p.severity !== 'warning' && !accepted.has(problemKey(p)));
    if (fresh.length > 0) {
      for (const p of fresh) logger.error({ file: p.file, line: p.line, field: p.field }, `knowledge change refused: ${formatProblem(p)}`);
      logger.error(
        { problems: fresh.length, articles: live.kb.articles.length },
        'knowledge change refused; the last good knowledge base stays live',
      );
      return { status: 'kept', reason: 'problems', problems: fresh };
    }
    if (next.articles.length === 0 && live.kb.articles.length > 0) {
      const message = 'the change leaves no articles';
      logger.error({ articles: live.kb.articles.length }, `knowledge change refused: ${message}; the last good knowledge base stays live`);
      return { status: 'kept', reason: 'empty', message };
    }
    let value: T;
    try {
      value = built ? built(live.value) : options.build(next, live.value);
    } catch (err) {
      logger.error({ err }, 'knowledge change refused: building the matcher failed; the last good knowledge base stays live');
      return { status: 'kept', reason: 'build-failed', message: (err as Error).message };
    }
    live = { kb: next, value };
    accepted = problemKeys(next.problems);
    for (const p of next.problems) logger.warn({ file: p.file, line: p.line, field: p.field }, formatProblem(p));
    logger.info({ articles: next.articles.length, problems: next.problems.length }, 'knowledge reloaded');
    return { status: 'reloaded', articles: next.articles.length };
  };

  // One watcher per folder, not fs.watch's `recursive`: on Linux Node emulates that with a watcher and a stat per
  // file (10,000 articles: 10,000 inotify watches and about a second of start-up). A folder's own watcher sees its
  // files written, renamed and removed; folders made later are picked up at the next reload.
  const watchers = new Map<string, fs.FSWatcher>();
  const watchFolder = (dir: string, file?: string) => {
    const key = `${dir}\0${file ?? ''}`;
    if (watchers.has(key)) return;
    try {
      const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
        if (file && name && path.basename(String(name)) !== file) return;
        schedule();
      });
      watcher.on('error', (err) => {
        logger.warn({ err, path: dir }, 'knowledge watch stopped for this path');
        watcher.close();
        watchers.delete(key);
      });
      watchers.set(key, watcher);
    } catch (err) {
      logger.warn({ err, path: dir }, 'cannot watch this knowledge path; changes there need a restart');
    }
  };
  const watchAll = () => {
    for (const [key, watcher] of watchers) {
      if (!fs.existsSync(key.split('\0')[0])) {
        watcher.close();
        watchers.delete(key);
      }
    }
    for (const target of watchTargets(paths)) {
      for (const dir of target.recursive ? foldersUnder(target.dir) : [target.dir]) watchFolder(dir, target.file);
    }
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (watching) watchAll();
      void reload();
    }, debounceMs);
    timer.unref();
  };

  const watching = options.watch ?? true;
  if (watching) {
    watchAll();
    logger.info({ paths, debounceMs, folders: watchers.size }, 'watching knowledge for changes');
  }

  return {
    current: () => live.value,
    kb: () => live.kb,
    reload,
    nextReload: () => new Promise((resolve) => waiting.push(resolve)),
    close() {
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
      waiting = [];
    },
  };
}

/**
 * Folders are watched recursively; a single file through its folder (editors replace files by
 * renaming, which a watch on the file itself would not survive).
 */
function watchTargets(paths: string[]): { dir: string; recursive: boolean; file?: string }[] {
  return paths.map((p) => {
    try {
      if (fs.statSync(p).isDirectory()) return { dir: p, recursive: true };
    } catch {
      // Missing now: watch where it would appear.
    }
    return { dir: path.dirname(p), recursive: false, file: path.basename(p) };
  });
}

/** `dir` and every folder below it, hidden ones (`.git`) passed over as the loader passes them over. */
function foldersUnder(dir: string): string[] {
  const out = [dir];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) out.push(...foldersUnder(path.join(dir, e.name)));
  return out;
}

function problemKey(p: KnowledgeProblem): string {
  // Without the line: editing elsewhere in a file that was already broken moves its problem, not adds one.
  return `${p.file}\0${p.field ?? ''}\0${p.message}`;
}

function problemKeys(problems: KnowledgeProblem[]): Set<string> {
  return new Set(problems.filter((p) => p.severity !== 'warning').map(problemKey));
}
