/**
 * tesseract.js's own thread script (its `worker-script/node`), with our I/O adapter: the trained data
 * is read from the npm packages `@tesseract.js-data/eng` and `@tesseract.js-data/deu`, and any attempt
 * to fetch, cache or delete a file fails loudly instead of going to the network or the disk.
 *
 * Why not tesseract.js's options alone: its `langPath` is one folder, but the two languages come in two
 * packages; and passing the data as bytes (`{code, data}`) is broken in 7.0.0 (it initialises Tesseract
 * with the bytes as the language name). `workerPath` (pointing here) is tesseract.js's documented hook.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { parentPort } from 'node:worker_threads';
import { trainedDataFile } from './trainedData';

interface Dispatcher {
  dispatchHandlers(packet: unknown, send: (message: unknown) => void): void;
  setAdapter(adapter: Record<string, unknown>): void;
}

// tesseract.js ships these files (they are its default worker script's parts); they have no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const worker = require('tesseract.js/src/worker-script') as Dispatcher;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const getCore = require('tesseract.js/src/worker-script/node/getCore') as unknown;

const refuse = (what: string) => (target: unknown) =>
  Promise.reject(new Error(`ocr: tesseract.js tried to ${what} "${String(target)}"; nothing is fetched or written`));

worker.setAdapter({
  getCore,
  gunzip: zlib.gunzipSync,
  fetch: refuse('fetch'),
  readCache: (file: string) => fs.promises.readFile(trainedDataFile(file)),
  writeCache: refuse('write'),
  deleteCache: () => Promise.resolve(),
  checkCache: () => Promise.resolve(false),
});

parentPort?.on('message', (packet: unknown) => {
  worker.dispatchHandlers(packet, (message) => parentPort!.postMessage(message));
});
