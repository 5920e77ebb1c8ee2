/**
 * Runs one benchmark part in a fresh Node process (dist/bench/child.js), so a big knowledge base or a
 * baseline's index never slows down or inflates the measurements of another.
 */
import { fork } from 'node:child_process';
import path from 'node:path';

const CHILD = path.join(__dirname, 'child.js');

/** A message from the child: its result, or why it failed. */
export type ChildMessage<T> = { ok: true; result: T } | { ok: false; error: string };

export function runPart<T>(part: string, args: unknown, execArgv: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [part, JSON.stringify(args)], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.once('message', (m: ChildMessage<T>) => {
      settled = true;
      if (m.ok) resolve(m.result);
      else reject(new Error(`bench: ${part} child failed: ${m.error}`));
    });
    child.once('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`bench: ${part} child exited with code ${code} before reporting`));
    });
  });
}
