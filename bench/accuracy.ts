/**
 * Part 2, accuracy: every engine on the labelled dev sets, scored by the same `evaluate` the
 * `kb eval` command uses. A dev set is only meaningful with the knowledge base it was labelled for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { evaluate, parseLabelled, type EvalReport } from '../src/cli/evaluate';
import { ENGINES, type EngineName } from './engines';
import type { KbSet } from './knowledgeSets';

const DATA = path.resolve(__dirname, '../../tests/data');

/** Dev sets and the knowledge set each was labelled against. */
export const DEV_SETS = [
  { file: path.join(DATA, 'dev-builtin.jsonl'), set: 'builtin' },
  { file: path.join(DATA, 'corpus-dev.jsonl'), set: 'corpus' },
] as const;

export interface AccuracyRow extends Omit<EvalReport, 'failures'> {
  devSet: string;
  set: string;
  engine: EngineName;
}

export interface AccuracyResult {
  rows: AccuracyRow[];
  notes: string[];
}

export function benchAccuracy(sets: readonly KbSet[], log: (s: string) => void): AccuracyResult {
  const rows: AccuracyRow[] = [];
  const notes: string[] = [];
  for (const dev of DEV_SETS) {
    const name = path.basename(dev.file);
    const set = sets.find((s) => s.name === dev.set);
    if (!fs.existsSync(dev.file)) {
      notes.push(`accuracy: ${name} is absent, skipped.`);
      continue;
    }
    if (!set) {
      notes.push(`accuracy: ${name} skipped, its knowledge set "${dev.set}" is not available.`);
      continue;
    }
    const pastes = parseLabelled(fs.readFileSync(dev.file, 'utf8'), dev.file);
    for (const engine of ENGINES) {
      log(`accuracy: ${name} with ${engine.name}`);
      const searcher = engine.build(set.kb);
      const { failures: _failures, ...report } = evaluate(pastes, (text) => searcher.search(text));
      rows.push({ devSet: name, set: set.name, engine: engine.name, ...report });
    }
  }
  return { rows, notes };
}
