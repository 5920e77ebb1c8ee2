/**
 * Checking a compiled index in a worker thread: reading the file, its checksum and the stat of every source file
 * (checkKnowledgeIndex) are I/O and hashing that need none of the service's modules, so at start-up they run beside
 * the main thread while it loads botbuilder, restify and the rest, instead of after it. The answer is the same as
 * `checkKnowledgeIndex` on the main thread gives; if the thread can't be started or dies, the main thread checks.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkKnowledgeIndex, type Header, type IndexCheck, type IndexIdentity } from './compiled';

/** What the thread is given (`workerData`). */
export interface IndexCheckRequest {
  file: string;
  identity: IndexIdentity;
}

/**
 * What it sends back: the check, the file's bytes moved over (not copied) as an ArrayBuffer, and the articles' bodies
 * copied into one of their own (the copy the knowledge base keeps, made here rather than on the main thread).
 */
export type IndexCheckMessage =
  { ok: true; header: Header; bytes: ArrayBuffer; offset: number; length: number; bodies: ArrayBuffer } | { ok: false; reason: string };

const THREAD_FILE = path.join(__dirname, 'indexWorker.js');

/** `checkKnowledgeIndex(file, identity)`, done in a worker thread. Never rejects. */
export function checkKnowledgeIndexInThread(file: string, identity: IndexIdentity): Promise<IndexCheck> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (check: () => IndexCheck) => {
      if (settled) return;
      settled = true;
      resolve(check());
    };
    const request: IndexCheckRequest = { file, identity };
    let thread: Worker;
    try {
      thread = new Worker(THREAD_FILE, { workerData: request });
    } catch {
      settle(() => checkKnowledgeIndex(file, identity));
      return;
    }
    thread.once('message', (m: IndexCheckMessage) =>
      settle(() =>
        m.ok ? { ok: true, header: m.header, body: Buffer.from(m.bytes, m.offset, m.length), bodies: Buffer.from(m.bodies) } : m,
      ),
    );
    // A thread that fails (out of memory, a missing file of this build) leaves the check to this thread.
    thread.once('error', () => settle(() => checkKnowledgeIndex(file, identity)));
    thread.once('exit', () => settle(() => checkKnowledgeIndex(file, identity)));
  });
}
