/**
 * Where the OCR's trained data lives: the npm packages `@tesseract.js-data/eng` and
 * `@tesseract.js-data/deu`, installed with the service. Nothing is downloaded at run time.
 */
import path from 'node:path';

/** The `langPath` the OCR thread passes to tesseract.js: not a URL and not a folder, only a name tesseractThread.ts knows. */
export const TRAINED_DATA_PATH = 'pastefix-trained-data';

/** `pastefix-trained-data/deu.traineddata.gz` → the file in the package `@tesseract.js-data/deu`. */
export function trainedDataFile(requested: string): string {
  const match = /^pastefix-trained-data\/(eng|deu)\.traineddata\.gz$/.exec(requested);
  if (!match) throw new Error(`ocr: tesseract.js asked for "${requested}"; only the packaged eng and deu trained data are available`);
  const code = match[1]!;
  const dir = path.dirname(require.resolve(`@tesseract.js-data/${code}/package.json`));
  // "best_int": the LSTM models of Tesseract's default engine (OEM 1), integer-quantised: fast, small.
  return path.join(dir, '4.0.0_best_int', `${code}.traineddata.gz`);
}
