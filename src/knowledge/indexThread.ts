/**
 * Checking a compiled index in a worker thread: reading the file, its checksum and the stat of every source file
 * (checkKnowledgeIndex) are I/O and hashing that need none of the service's modules, so at start-up they run beside
 * the main thread while it loads botbuilder, restify and the rest, instead of after it. The answer is the same as
 * `checkKnowledgeIndex` on the main thread gives; if the thread can't be started or dies, the main thread checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkOpenKnowledgeIndex, type Header, type IndexCheck, type IndexIdentity } from './compiled';

/** What the thread is given (`workerData`): the file, opened by the calling thread (see checkOpenKnowledgeIndex). */
export interface IndexCheckRequest {
  file: string;
  fd: number;
  identity: IndexIdentity;
}

/**
 * What it sends back: the check, with the bytes of the JSON sections and of the typed arrays moved over (not copied)
 * as ArrayBuffers.
 */
export type IndexCheckMessage =
  | { ok: true; file: string; header: Header; json: ArrayBuffer; binary: ArrayBuffer; fd: number; bodiesAt: number }
  | { ok: false; reason: string };

const THREAD_FILE = path.join(__dirname, 'indexWorker.js');

/** `checkKnowledgeIndex(file, identity)`, done in a worker thread. Never rejects. */
export function checkKnowledgeIndexInThread(file: string, identity: IndexIdentity): Promise<IndexCheck> {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    return Promise.resolve({ ok: false, reason: `cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` });
  }
  return new Promise((resolve) => {
    let settled = false;
    const settle = (check: () => IndexCheck) => {
      if (settled) return;
      settled = true;
      const result = check();
      if (!result.ok) fs.closeSync(fd);
      resolve(result);
    };
    const request: IndexCheckRequest = { file, fd, identity };
    let thread: Worker;
    try {
      thread = new Worker(THREAD_FILE, { workerData: request });
    } catch {
      settle(() => checkOpenKnowledgeIndex(file, fd, identity));
      return;
    }
    thread.once('message', (m: IndexCheckMessage) =>
      settle(() => (m.ok ? { ...m, json: Buffer.from(m.json), binary: Buffer.from(m.binary) } : m)),
    );
    // A thread that fails (out of memory, a missing file of this build) leaves the check to this thread.
    thread.once('error', () => settle(() => checkOpenKnowledgeIndex(file, fd, identity)));
    thread.once('exit', () => settle(() => checkOpenKnowledgeIndex(file, fd, identity)));
  });
}
