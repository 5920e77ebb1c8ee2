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

export interface AccuracyRow extends Omit<EvalReport, 'failures' | 'outcomes' | 'calibration'> {
  /** Clarifications that offered a right article among the choices (counted as not right by `evaluate`). */
  clarifiedRight: number;
  devSet: string;
  set: string;
  engine: EngineName;
}

export interface AccuracyResult {
  rows: AccuracyRow[];
  notes: string[];
}

/**
 * Every engine on every available dev set. With `maxPastes`, a larger dev set is cut to that many pastes,
 * evenly spread over it (the same ones for every engine): Fuse.js needs about a second per paste.
 */
export function benchAccuracy(sets: readonly KbSet[], log: (s: string) => void, maxPastes = Infinity): AccuracyResult {
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
    const all = parseLabelled(fs.readFileSync(dev.file, 'utf8'), dev.file);
    const pastes = spread(all, maxPastes);
    if (pastes.length < all.length)
      notes.push(`accuracy: ${name} cut to ${pastes.length} of its ${all.length} pastes, evenly spread, to bound the run time.`);
    for (const engine of ENGINES) {
      log(`accuracy: ${name} with ${engine.name}`);
      const searcher = engine.build(set.kb);
      const { failures, outcomes: _outcomes, calibration: _calibration, ...report } = evaluate(pastes, (text) => searcher.search(text));
      const clarifiedRight = failures.filter(
        (f) => f.outcome.decision === 'clarify' && f.outcome.ranked.some((id) => f.paste.expect.includes(id)),
      ).length;
      rows.push({ devSet: name, set: set.name, engine: engine.name, ...report, clarifiedRight });
    }
  }
  return { rows, notes };
}

/** At most `max` items, evenly spread over the list, in order. */
export function spread<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  return Array.from({ length: max }, (_, i) => items[Math.floor((i * items.length) / max)]);
}
