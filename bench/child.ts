/**
 * Entry of the benchmark's child processes (see processes.ts): `node dist/bench/child.js PART ARGS-JSON`.
 * Runs one part and sends its result to the parent.
 */
import type { ChildMessage } from './processes';

/** Each part's modules are loaded only in its own child: the memory part measures what its process loaded. */
const PARTS: Record<string, () => (args: never) => unknown> = {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  matching: () => (require('./matching') as typeof import('./matching')).matchingChild,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  memory: () => (require('./memory') as typeof import('./memory')).memoryChild,
};

async function main(): Promise<void> {
  const [part, json] = process.argv.slice(2);
  const run = PARTS[part];
  let message: ChildMessage<unknown>;
  try {
    if (!run) throw new Error(`unknown part "${part}"`);
    message = { ok: true, result: await run()(JSON.parse(json ?? '{}') as never) };
  } catch (err) {
    message = { ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  process.send!(message, () => process.exit(0));
}

void main();
