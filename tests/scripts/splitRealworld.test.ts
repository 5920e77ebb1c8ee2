/**
 * tests/data/split-realworld.mjs run by hand says nothing of a held-out input: a batch without a seed or a line that
 * is not JSON is named by id or text in a readable part only (tests/data/README.md: nobody reads the held-out parts).
 * Runs on made-up inputs only.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, tempFolder } from '../helpers/tmp';

type Paste = { id: string; batch?: number };
interface SplitScript {
  splitBatches(set: { seeds: Record<number, number> }, pastes: Paste[], heldOut?: Set<Paste>): unknown;
  read(file: string): Paste[];
}

const script = (): Promise<SplitScript> => import(path.join(ROOT, 'tests/data/split-realworld.mjs')) as Promise<SplitScript>;
const SET = { seeds: { 1: 7 } };

describe('scripts/split-realworld.mjs and the held-out parts', function () {
  it('a batch without a seed: named with the input id in a readable part, without it in a held-out one', async function () {
    const { splitBatches } = await script();
    const readable = { id: 'qa-readable-input', batch: 2 };
    const hidden = { id: 'qa-secret-input', batch: 3 };
    assert.throws(() => splitBatches(SET, [readable]), /batch 2 \(input "qa-readable-input"\) has no recorded seed/);
    assert.throws(
      () => splitBatches(SET, [{ id: 'a' }, hidden], new Set([hidden])),
      (e: Error) => e.message.includes('batch 3 (an input of the held-out part, no id shown)') && !e.message.includes('secret'),
    );
  });

  it('a line that is not JSON: with the parser words in a readable file, by line number only in a held-out one', async function () {
    const { read } = await script();
    const broken = '{"id": "qa-secret-input", "text": "secret words\n';
    const { dir, cleanup } = tempFolder({ 'x-tuning.jsonl': `// header\n${broken}`, 'x-heldout.jsonl': `// header\n${broken}` });
    try {
      assert.throws(() => read(path.join(dir, 'x-tuning.jsonl')), /x-tuning\.jsonl line 2 is not JSON: /);
      assert.throws(
        () => read(path.join(dir, 'x-heldout.jsonl')),
        (e: Error) => e.message === 'split-realworld: x-heldout.jsonl line 2 is not JSON (held out: its text is not shown)',
      );
    } finally {
      cleanup();
    }
  });
});
