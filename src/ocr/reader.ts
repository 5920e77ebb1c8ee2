/**
 * Reads the text in a screenshot: checks the file against the limits, then hands it to one OCR
 * thread (see worker.ts) that is started once and reused. Images are read one at a time, in arrival
 * order; a few may wait, more are refused (`busy`), so a burst of screenshots can't pile up memory.
 * An image that takes longer than the time limit ends the thread (the only way to stop Tesseract
 * mid-page); the next image starts a fresh one. Starting the thread (loading the trained data, a few
 * seconds) is not counted against an image's time limit; it has a limit of its own.
 *
 * Nothing is written to disk: the bytes live in memory until the text is returned.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { imageInfo } from './imageInfo';
import { DEFAULT_OCR_LIMITS, type OcrLimits } from './limits';
import type { PrepareOptions } from './preprocess';
import type { OcrRequest, OcrResponse, ReadyMessage } from './worker';

export type OcrErrorCode = 'unsupported' | 'too-large' | 'too-many-pixels' | 'timeout' | 'busy' | 'failed';

/** An image that could not be read; `code` says why, the message names the offending value. */
export class OcrError extends Error {
  override name = 'OcrError';
  constructor(
    readonly code: OcrErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface OcrText {
  /** The recognised text, lines as Tesseract found them. */
  text: string;
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number;
  /** Pre-processing done, e.g. `["ink", "scale 3"]`. */
  steps: string[];
  /** Time spent decoding and preparing, and recognising, in ms (inside the OCR thread). */
  prepareMs: number;
  recognizeMs: number;
}

/** What the bot needs from the reader (tests may pass a stand-in). */
export interface ImageReader {
  read(bytes: Uint8Array): Promise<OcrText>;
}

export interface OcrReaderOptions {
  limits?: Partial<OcrLimits>;
  /** Images that may wait while one is read; more are refused with `busy`. Default 8. */
  maxQueued?: number;
  /** Longest time for the thread to start and load the trained data, in ms. Default 60 s. */
  startTimeoutMs?: number;
  /** Pre-processing switches (the benchmark compares them). Default: all on. */
  prepare?: PrepareOptions;
}

interface Job {
  request: OcrRequest;
  resolve: (text: OcrText) => void;
  reject: (err: Error) => void;
}

const WORKER_FILE = path.join(__dirname, 'worker.js');

export class OcrReader implements ImageReader {
  readonly limits: OcrLimits;
  private readonly maxQueued: number;
  private worker: { thread: Worker; ready: boolean; timer: NodeJS.Timeout } | undefined;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | undefined;
  private nextId = 1;
  private closed = false;
  /** Threads started so far (a time-out costs one). */
  started = 0;

  constructor(private readonly options: OcrReaderOptions = {}) {
    this.limits = { ...DEFAULT_OCR_LIMITS, ...options.limits };
    this.maxQueued = options.maxQueued ?? 8;
  }

  /** Starts the thread and loads the trained data now, so that the first screenshot is not slower. */
  warmUp(): void {
    if (!this.closed) this.thread();
  }

  read(bytes: Uint8Array): Promise<OcrText> {
    if (this.closed) return Promise.reject(new OcrError('failed', 'ocr: the reader is closed'));
    const limits = this.limits;
    if (bytes.byteLength > limits.maxBytes) {
      return Promise.reject(
        new OcrError('too-large', `ocr: the image has ${megabytes(bytes.byteLength)}, more than the ${megabytes(limits.maxBytes)} allowed`),
      );
    }
    const info = imageInfo(bytes);
    if (!info)
      return Promise.reject(new OcrError('unsupported', `ocr: the image is not a PNG or JPEG file (it starts with ${hexStart(bytes)})`));
    if (info.width > limits.maxSide || info.height > limits.maxSide || info.width === 0 || info.height === 0) {
      return Promise.reject(
        new OcrError(
          'too-many-pixels',
          `ocr: the image is ${info.width} × ${info.height} pixels; each side must be 1 to ${limits.maxSide}`,
        ),
      );
    }
    if (this.queue.length >= this.maxQueued) {
      return Promise.reject(
        new OcrError('busy', `ocr: too many images to read at once (${this.queue.length} waiting); try again in a moment`),
      );
    }
    return new Promise<OcrText>((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, bytes, info, prepare: this.options.prepare }, resolve, reject });
      this.pump();
    });
  }

  /** Ends the thread; images still waiting are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new OcrError('failed', 'ocr: the reader was closed'));
    if (this.current) this.finish(this.current.job.request.id, new OcrError('failed', 'ocr: the reader was closed'));
    const worker = this.worker;
    this.worker = undefined;
    if (worker) {
      clearTimeout(worker.timer);
      await worker.thread.terminate();
    }
  }

  private thread(): NonNullable<OcrReader['worker']> {
    if (this.worker) return this.worker;
    const thread = new Worker(WORKER_FILE);
    this.started++;
    const startMs = this.options.startTimeoutMs ?? 60_000;
    const worker = {
      thread,
      ready: false,
      timer: setTimeout(() => this.lost(worker, `ocr: the OCR thread did not start within ${startMs / 1000} s`), startMs),
    };
    thread.on('message', (message: OcrResponse | ReadyMessage) => {
      if ('ready' in message) {
        clearTimeout(worker.timer);
        if (!message.ready) return this.lost(worker, `ocr: the OCR thread could not start: ${message.error}`);
        worker.ready = true;
        return this.pump();
      }
      if (message.ok) this.finish(message.id, undefined, message);
      else this.finish(message.id, new OcrError('failed', `ocr: the image could not be read: ${message.error}`));
    });
    thread.on('error', (err) => this.lost(worker, `ocr: the OCR thread failed: ${err.message}`));
    thread.on('exit', (code) => this.lost(worker, `ocr: the OCR thread stopped (exit code ${code})`));
    thread.unref();
    this.worker = worker;
    return worker;
  }

  /**
   * The thread died, could not start or was ended: the image being read fails (or, if the thread never
   * started, the images waiting fail: a second thread would most likely fail alike); the next image
   * starts a new thread.
   */
  private lost(worker: NonNullable<OcrReader['worker']>, message: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    clearTimeout(worker.timer);
    void worker.thread.terminate();
    if (this.current) this.finish(this.current.job.request.id, new OcrError('failed', message));
    else if (!worker.ready) for (const job of this.queue.splice(0)) job.reject(new OcrError('failed', message));
  }

  private pump(): void {
    if (this.current || this.closed || this.queue.length === 0) return;
    const worker = this.thread();
    if (!worker.ready) return; // pumped again when it is
    const job = this.queue.shift()!;
    const timer = setTimeout(() => {
      const seconds = this.limits.timeoutMs / 1000;
      this.finish(job.request.id, new OcrError('timeout', `ocr: reading the image took longer than ${seconds} s; it was stopped`));
      // Tesseract can't be interrupted mid-page: end the thread; the next image starts a new one.
      this.lost(worker, 'ocr: ended after a time-out');
    }, this.limits.timeoutMs);
    this.current = { job, timer };
    worker.thread.postMessage(job.request);
  }

  private finish(id: number, error?: Error, response?: Extract<OcrResponse, { ok: true }>): void {
    const current = this.current;
    if (!current || current.job.request.id !== id) return; // already timed out
    clearTimeout(current.timer);
    this.current = undefined;
    if (error) current.job.reject(error);
    else {
      const { text, confidence, steps, prepareMs, recognizeMs } = response!;
      current.job.resolve({ text, confidence, steps, prepareMs, recognizeMs });
    }
    this.pump();
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}

function hexStart(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(0, 4)).toString('hex') || 'nothing';
}
