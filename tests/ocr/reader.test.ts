import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { OcrError, OcrReader } from '../../src/ocr/reader';
import { trainedDataFile } from '../../src/ocr/trainedData';
import { closeScreenshotBrowser, screenshotPng, referenceScreenshots } from '../helpers/screenshots';
import { sharedOcrReader } from '../helpers/ocr';
import { skipWithoutChromium } from '../web/support/browser';

/** A PNG header claiming `width` × `height` (nothing is decoded before the size check). */
function pngHeader(width: number, height: number): Buffer {
  const head = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(head, 0);
  head.writeUInt32BE(13, 8);
  head.write('IHDR', 12, 'latin1');
  head.writeUInt32BE(width, 16);
  head.writeUInt32BE(height, 20);
  return head;
}

async function rejection(promise: Promise<unknown>): Promise<OcrError> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof OcrError, String(err));
    return err;
  }
  assert.fail('expected the read to fail');
}

// The shared Chromium that rendered the screenshots, closed after all tests (a root hook).
after(() => closeScreenshotBrowser());

describe('ocr: the reader', function () {
  this.timeout(180_000);

  it('refuses, before decoding, an image over 4 MB, over 4,000 px a side, or not a PNG or JPEG', async () => {
    const reader = new OcrReader();
    try {
      const big = Buffer.alloc(4 * 1024 * 1024 + 1);
      pngHeader(100, 100).copy(big);
      let err = await rejection(reader.read(big));
      assert.equal(err.code, 'too-large');
      assert.equal(err.message, 'ocr: the image has 4 MB, more than the 4 MB allowed');
      err = await rejection(reader.read(Buffer.alloc(5 * 1024 * 1024)));
      assert.equal(err.message, 'ocr: the image has 5 MB, more than the 4 MB allowed');
      err = await rejection(reader.read(pngHeader(4001, 300)));
      assert.equal(err.code, 'too-many-pixels');
      assert.equal(err.message, 'ocr: the image is 4001 × 300 pixels; each side must be 1 to 4000');
      err = await rejection(reader.read(Buffer.from('GIF89a')));
      assert.equal(err.code, 'unsupported');
      assert.equal(err.message, 'ocr: the image is not a PNG or JPEG file (it starts with 47494638)');
      assert.equal(reader.started, 0, 'no OCR thread was started for them');
    } finally {
      await reader.close();
    }
  });

  it('takes the trained data from the npm packages only: any other file is refused', () => {
    assert.match(
      trainedDataFile('pastefix-trained-data/deu.traineddata.gz'),
      /@tesseract\.js-data[/\\]deu[/\\]4\.0\.0_best_int[/\\]deu\.traineddata\.gz$/,
    );
    assert.throws(() => trainedDataFile('https://cdn.jsdelivr.net/npm/@tesseract.js-data/fra/4.0.0_best_int/fra.traineddata.gz'), {
      message:
        'ocr: tesseract.js asked for "https://cdn.jsdelivr.net/npm/@tesseract.js-data/fra/4.0.0_best_int/fra.traineddata.gz"; only the packaged eng and deu trained data are available',
    });
  });

  describe('with Tesseract', () => {
    before(function () {
      skipWithoutChromium(this);
    });

    it('reads a screenshot in its thread and writes no file (no cache, no download) in the working folder', async () => {
      const cwd = process.cwd();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-ocr-cwd-'));
      process.chdir(dir);
      try {
        const spec = referenceScreenshots().find((s) => s.name === 'hcw-en-small')!;
        const text = await sharedOcrReader().read(await screenshotPng(spec));
        assert.match(text.text, /Partner STS/);
        assert.ok(text.recognizeMs > 0);
        assert.deepEqual(fs.readdirSync(dir), []);
      } finally {
        process.chdir(cwd);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('stops an image that takes longer than the time limit, and reads the next one in a fresh thread', async () => {
      const reader = new OcrReader({ limits: { timeoutMs: 1 } });
      try {
        const png = new PNG({ width: 300, height: 60 });
        png.data.fill(255);
        const blank = PNG.sync.write(png);
        const err = await rejection(reader.read(blank));
        assert.equal(err.code, 'timeout');
        assert.equal(err.message, 'ocr: reading the image took longer than 0.001 s; it was stopped');
        reader.limits.timeoutMs = 120_000;
        const text = await reader.read(blank);
        assert.equal(text.text.trim(), '');
        assert.equal(reader.started, 2);
      } finally {
        await reader.close();
      }
    });

    it('refuses images beyond the queue, and those waiting when it is closed', async () => {
      const reader = new OcrReader({ maxQueued: 1 });
      try {
        const png = await screenshotPng(referenceScreenshots()[0]!);
        const first = reader.read(png); // waits for the thread to start
        first.catch(() => undefined); // asserted below
        const err = await rejection(reader.read(png));
        assert.equal(err.code, 'busy');
        assert.equal(err.message, 'ocr: too many images to read at once (1 waiting); try again in a moment');
        await reader.close();
        const closed = await rejection(first);
        assert.equal(closed.message, 'ocr: the reader was closed');
      } finally {
        await reader.close();
      }
    });
  });
});
