/**
 * The worker thread of loadThread.ts: loads the knowledge sources it is given, builds from them if asked, and sends the
 * result back, then ends (and with it the heap the parsers and the builder used). With a build, the articles go as JSON
 * in one buffer (loadThread.ts says why).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packArticles } from './packedArticles';
import { loadKnowledge } from './load';
import type { LoadMessage, LoadRequest, ThreadBuilder } from './loadThread';

const { paths, build } = workerData as LoadRequest;
const kb = loadKnowledge(paths);
const { articles, problems, lexicon } = kb;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const built = build ? (require(build) as { buildInThread: ThreadBuilder }).buildInThread(kb) : undefined;
const packed = built ? packArticles(articles) : undefined;
parentPort!.postMessage({ articles: packed ?? articles, problems, lexicon, built: built?.value } satisfies LoadMessage, [
  ...(built?.transfer ?? []),
  ...(packed ? [packed.bytes.buffer as ArrayBuffer] : []),
]);
