/**
 * The OCR thread (worker_threads): decodes and prepares a screenshot and runs Tesseract on it, so
 * neither blocks the service's event loop. Started once by `OcrReader` and reused; tesseract.js runs
 * its WebAssembly engine in a thread of its own, started from here.
 *
 * The trained data comes from the npm packages `@tesseract.js-data/eng` and `@tesseract.js-data/deu`,
 * read by tesseractThread.ts, which refuses any fetch or file write tesseract.js might attempt.
 */
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { createWorker, OEM, PSM, type Worker as TesseractWorker } from 'tesseract.js';
import { joinWrappedLines } from './lines';
import { decode, encodePng, prepare, type PrepareOptions } from './preprocess';
import type { ImageInfo } from './imageInfo';
import { TRAINED_DATA_PATH } from './trainedData';

export interface OcrRequest {
  id: number;
  bytes: Uint8Array;
  info: ImageInfo;
  prepare?: PrepareOptions;
}

export type OcrResponse =
  | { id: number; ok: true; text: string; confidence: number; steps: string[]; prepareMs: number; recognizeMs: number }
  | { id: number; ok: false; error: string };

let tesseract: Promise<TesseractWorker> | undefined;

function engine(): Promise<TesseractWorker> {
  tesseract ??= (async () => {
    const worker = await createWorker(['eng', 'deu'], OEM.LSTM_ONLY, {
      workerPath: path.join(__dirname, 'tesseractThread.js'),
      langPath: TRAINED_DATA_PATH,
      cacheMethod: 'none',
      gzip: true,
    });
    // One column of lines: a console's or a dialog's text in reading order. The automatic layout
    // analysis (PSM 3) cut wrapped console lines into columns and shuffled their order.
    // Screens are 96 dpi; a fixed resolution also stops Tesseract estimating it (and printing that it did) for every image.
    await worker.setParameters({
      tessedit_pageseg_mode: PSM.SINGLE_COLUMN,
      preserve_interword_spaces: '1',
      user_defined_dpi: '96',
    });
    return worker;
  })();
  return tesseract;
}

async function handle(request: OcrRequest): Promise<OcrResponse> {
  const started = performance.now();
  const prepared = prepare(decode(request.bytes, request.info), request.prepare);
  const png = encodePng(prepared.image);
  const prepareMs = performance.now() - started;
  const worker = await engine();
  const recognizeStarted = performance.now();
  const result = await worker.recognize(png, {}, { text: true, blocks: true });
  const lines = (result.data.blocks ?? []).flatMap((b) => b.paragraphs.flatMap((p) => p.lines));
  return {
    id: request.id,
    ok: true,
    text: lines.length > 0 ? joinWrappedLines(lines.map((l) => ({ text: l.text, x0: l.bbox.x0, x1: l.bbox.x1 }))) : result.data.text,
    confidence: result.data.confidence,
    steps: prepared.steps,
    prepareMs,
    recognizeMs: performance.now() - recognizeStarted,
  };
}

/** Sent once when the thread starts: Tesseract loaded and ready (or why it could not start). */
export type ReadyMessage = { ready: true } | { ready: false; error: string };

engine().then(
  () => parentPort?.postMessage({ ready: true } satisfies ReadyMessage),
  (err: unknown) =>
    parentPort?.postMessage({ ready: false, error: err instanceof Error ? err.message : String(err) } satisfies ReadyMessage),
);

parentPort?.on('message', (request: OcrRequest) => {
  handle(request).then(
    (response) => parentPort!.postMessage(response),
    (err: unknown) =>
      parentPort!.postMessage({ id: request.id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies OcrResponse),
  );
});
