/**
 * One OCR reader for all tests (OCR is heavy on a shared 2-core machine: one thread, reused), with
 * the service's limits except a longer time limit: the machine running the tests may be busy, and
 * the time limit itself is tested on its own.
 */
import { OcrReader } from '../../src/ocr/reader';

let shared: OcrReader | undefined;

export function sharedOcrReader(): OcrReader {
  shared ??= new OcrReader({ limits: { timeoutMs: 120_000 } });
  return shared;
}
