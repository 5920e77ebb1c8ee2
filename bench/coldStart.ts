/**
 * Part 1, cold start: from spawning `node dist/src/index.js` with a knowledge base until `/healthz`
 * answers 200 — loading the articles, building the matcher, starting restify.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, spawnService, waitForHealth } from './servers';

export interface ColdStartArgs {
  set: string;
  /** Articles in the set. */
  articles: number;
  paths: string[];
  /** All-YAML alternative to `paths`, used when the service does not read raw support articles. */
  yamlPaths?: string[];
}

export interface ColdStartResult {
  set: string;
  /** Spawn → first 200 of /healthz, milliseconds. */
  ms: number;
  /** Articles the service reported. */
  articles: number;
  /** True when the corpus had to be given as YAML (the service ignored the raw Markdown). */
  viaYaml: boolean;
  /**
   * True when the service started from a compiled index (`KNOWLEDGE_INDEX`) instead of reading the sources.
   * A set may have both rows; the cold-start target at 10,000 articles is judged on this one.
   */
  compiledIndex?: boolean;
}

/** Cold start of the real service with each set, one after the other. */
export async function benchColdStart(sets: ColdStartArgs[], timeoutMs: number, log: (s: string) => void): Promise<ColdStartResult[]> {
  const out: ColdStartResult[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-bench-data-'));
  try {
    for (const set of sets) {
      log(`cold start: ${set.set}`);
      let result = { ...(await coldStart(set.paths, dataDir, timeoutMs)), set: set.set, viaYaml: false };
      if (result.articles < set.articles && set.yamlPaths) {
        result = { ...(await coldStart(set.yamlPaths, dataDir, timeoutMs)), set: set.set, viaYaml: true };
      }
      out.push(result);
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return out;
}

async function coldStart(paths: string[], dataDir: string, timeoutMs: number): Promise<{ ms: number; articles: number }> {
  const port = await freePort();
  const since = process.hrtime.bigint();
  const service = spawnService({ knowledgePaths: paths, dataDir, port });
  try {
    return await waitForHealth(service, since, timeoutMs);
  } finally {
    await service.stop();
  }
}
