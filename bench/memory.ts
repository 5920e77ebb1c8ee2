/**
 * Part 1, memory: per knowledge base size, a fresh process loads the articles from disk the way the
 * service does (YAML, raw support articles through the importer, in a worker thread), builds the matcher, and
 * reports heap and RSS; then it builds the baselines' indexes too, to compare their heap cost.
 */
import { loadKnowledgeInThread } from '../src/knowledge/loadThread';
import { Matcher } from '../src/matching/matcher';
import { fuse, minisearch, type EngineName } from './engines';
import { runPart } from './processes';
import { benchQueries } from './queries';

export interface MemoryArgs {
  set: string;
  paths: string[];
  raw: boolean;
}

export interface Memory {
  rssMB: number;
  heapMB: number;
}

export interface MemoryResult {
  set: string;
  articles: number;
  /** Loading the articles from disk, milliseconds. */
  loadMs: number;
  /** `new Matcher` right after loading, milliseconds. */
  buildMs: number;
  /** The bare process (modules loaded, nothing else). */
  empty: Memory;
  /** Articles loaded. */
  loaded: Memory;
  /** Articles loaded + matcher built and used: what the service holds. */
  service: Memory;
  /** Heap each engine's index adds on top of the loaded articles, MB. */
  indexHeapMB: Record<EngineName, number>;
}

export async function benchMemory(sets: MemoryArgs[], log: (s: string) => void): Promise<MemoryResult[]> {
  const out: MemoryResult[] = [];
  for (const set of sets) {
    log(`memory: ${set.set}`);
    out.push(await runPart<MemoryResult>('memory', set, ['--expose-gc']));
  }
  return out;
}

function measure(): Memory {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('memory needs node --expose-gc');
  gc();
  gc();
  const m = process.memoryUsage();
  return { rssMB: m.rss / 2 ** 20, heapMB: m.heapUsed / 2 ** 20 };
}

/** In the child (started with --expose-gc). */
export async function memoryChild(args: MemoryArgs): Promise<MemoryResult> {
  const empty = measure();
  let start = process.hrtime.bigint();
  // As the service loads its sources (the importer reads the raw articles of every set, `raw` or not).
  const kb = await loadKnowledgeInThread(args.paths);
  const loadMs = Number(process.hrtime.bigint() - start) / 1e6;
  const loaded = measure();

  start = process.hrtime.bigint();
  const matcher = new Matcher(kb);
  const buildMs = Number(process.hrtime.bigint() - start) / 1e6;
  for (const q of benchQueries()) matcher.match(q.text);
  const service = measure();

  const keep: unknown[] = [matcher];
  const indexHeapMB = { pastefix: service.heapMB - loaded.heapMB } as Record<EngineName, number>;
  let before = service.heapMB;
  for (const engine of [fuse, minisearch]) {
    keep.push(engine.build(kb));
    const after = measure().heapMB;
    indexHeapMB[engine.name] = after - before;
    before = after;
  }
  if (keep.length !== 3) throw new Error('unreachable');
  return { set: args.set, articles: kb.articles.length, loadMs, buildMs, empty, loaded, service, indexHeapMB };
}
