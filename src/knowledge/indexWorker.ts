/**
 * The worker thread of indexThread.ts: checks one compiled index file and sends the result back, the file's bytes
 * transferred (no copy) and the articles' bodies copied into a buffer of their own, then ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkKnowledgeIndex } from './compiled';
import type { IndexCheckMessage, IndexCheckRequest } from './indexThread';

const { file, identity } = workerData as IndexCheckRequest;
const check = checkKnowledgeIndex(file, identity);
if (!check.ok) {
  parentPort!.postMessage(check satisfies IndexCheckMessage);
} else {
  const { body, header } = check;
  // A small file's bytes may share a pooled ArrayBuffer with other buffers, which can't be moved: copy those.
  const own = body.buffer.byteLength > 64 * 1024;
  const bytes = own ? (body.buffer as ArrayBuffer) : new Uint8Array(body).buffer;
  // The articles' bodies, which the knowledge base keeps, copied here into a buffer of their own (see CheckedIndex).
  const from = body.byteOffset + header.bodies.offset;
  const bodies = (body.buffer as ArrayBuffer).slice(from, from + header.bodies.length);
  const message: IndexCheckMessage = {
    ok: true,
    header: check.header,
    bytes,
    offset: own ? body.byteOffset : 0,
    length: body.length,
    bodies,
  };
  parentPort!.postMessage(message, [bytes, bodies]);
}
