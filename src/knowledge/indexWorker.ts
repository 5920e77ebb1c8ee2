/**
 * The worker thread of indexThread.ts: checks one compiled index file and sends the result back, the buffers of its
 * JSON sections and typed arrays transferred (no copy), then ends. The file is opened (and closed) by the main thread:
 * Node closes the descriptors a worker thread opened when it ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkOpenKnowledgeIndex } from './compiled';
import type { IndexCheckMessage, IndexCheckRequest } from './indexThread';

const { file, fd, identity } = workerData as IndexCheckRequest;
const check = checkOpenKnowledgeIndex(file, fd, identity);
if (!check.ok) {
  parentPort!.postMessage(check satisfies IndexCheckMessage);
} else {
  // checkKnowledgeIndex reads both into buffers of their own (whole ArrayBuffers, so they can be moved).
  const json = check.json.buffer as ArrayBuffer;
  const binary = check.binary.buffer as ArrayBuffer;
  const message: IndexCheckMessage = {
    ok: true,
    file: check.file,
    header: check.header,
    json,
    binary,
    fd: check.fd,
    bodiesAt: check.bodiesAt,
  };
  parentPort!.postMessage(message, [json, binary]);
}
