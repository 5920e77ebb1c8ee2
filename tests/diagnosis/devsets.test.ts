/**
 * Error pastes are not configurations: nothing in the labelled dev sets (tests/data/*.jsonl, real-world
 * shaped error pastes) may be taken for a TLS configuration, or the bot would answer them with a diagnosis.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { diagnose } from '../../src/diagnosis';
import { parseLabelled } from '../../src/cli/evaluate';
import { failuresIn } from '../helpers/heldOut';

const DATA = path.resolve(__dirname, '../../../tests/data');

describe('diagnosis: error pastes from the dev sets', () => {
  const files = fs.readdirSync(DATA).filter((f) => f.endsWith('.jsonl'));

  it('finds the dev sets', () => assert.ok(files.length >= 2, `dev sets in ${DATA}: ${files.join(', ')}`));

  for (const file of files) {
    it(`${file}: no paste is diagnosed as a TLS configuration`, () => {
      const pastes = parseLabelled(fs.readFileSync(path.join(DATA, file), 'utf8'), file);
      assert.ok(pastes.length > 0);
      // In a held-out part, only how many and where (helpers/heldOut.ts).
      const taken = failuresIn(file, pastes, (p) => (diagnose(p.text).recognised ? (p.id ?? p.text.slice(0, 60)) : undefined));
      assert.deepEqual(taken, []);
    });
  }
});
