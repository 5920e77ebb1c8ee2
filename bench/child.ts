/**
 * Entry of the benchmark's child processes (see processes.ts): `node dist/bench/child.js PART ARGS-JSON`.
 * Runs one part and sends its result to the parent.
 */
import { matchingChild } from './matching';
import { memoryChild } from './memory';
import type { ChildMessage } from './processes';

const PARTS: Record<string, (args: never) => unknown> = {
  matching: matchingChild,
  memory: memoryChild,
};

async function main(): Promise<void> {
  const [part, json] = process.argv.slice(2);
  const run = PARTS[part];
  let message: ChildMessage<unknown>;
  try {
    if (!run) throw new Error(`unknown part "${part}"`);
    message = { ok: true, result: await run(JSON.parse(json ?? '{}') as never) };
  } catch (err) {
    message = { ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  process.send!(message, () => process.exit(0));
}

void main();
