/**
 * The worker thread of loadThread.ts: loads the knowledge sources it is given and sends the result back, then ends
 * (and with it the heap the parsers used).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadKnowledge } from './load';
import type { LoadMessage, LoadRequest } from './loadThread';

const { paths } = workerData as LoadRequest;
const { articles, problems, lexicon } = loadKnowledge(paths);
parentPort!.postMessage({ articles, problems, lexicon } satisfies LoadMessage);
