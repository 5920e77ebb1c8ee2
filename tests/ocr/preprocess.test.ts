import assert from 'node:assert/strict';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { imageInfo } from '../../src/ocr/imageInfo';
import { joinWrappedLines } from '../../src/ocr/lines';
import { decode, inkFromBackground, medianLineHeight, prepare, scaleUp } from '../../src/ocr/preprocess';

/** An RGBA image of `width` × `height` in `bg`, with `fg` rectangles ("glyphs") drawn in. */
function image(width: number, height: number, bg: number[], draw: { x: number; y: number; w: number; h: number; fg: number[] }[] = []) {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([...bg, 255], i * 4);
  for (const r of draw)
    for (let y = r.y; y < r.y + r.h; y++) for (let x = r.x; x < r.x + r.w; x++) data.set([...r.fg, 255], (y * width + x) * 4);
  return { width, height, data };
}

function pngOf(img: { width: number; height: number; data: Uint8Array }): Buffer {
  const png = new PNG({ width: img.width, height: img.height });
  png.data = Buffer.from(img.data);
  return PNG.sync.write(png);
}

describe('ocr: image headers', () => {
  it('reads the format and size of a PNG and a JPEG from their headers', () => {
    const img = image(37, 21, [1, 36, 86]);
    assert.deepEqual(imageInfo(pngOf(img)), { format: 'png', width: 37, height: 21 });
    const jpg = jpeg.encode({ width: 37, height: 21, data: Buffer.from(img.data) }, 80).data;
    assert.deepEqual(imageInfo(jpg), { format: 'jpeg', width: 37, height: 21 });
  });

  it('knows no other format', () => {
    assert.equal(imageInfo(Buffer.from('GIF89a\x01\x00\x01\x00')), undefined);
    assert.equal(imageInfo(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), undefined);
    assert.equal(imageInfo(new Uint8Array(0)), undefined);
  });
});

describe('ocr: pre-processing', () => {
  it('turns light text on a console blue into dark text on white, and dark text on white stays dark on white', () => {
    const glyph = { x: 4, y: 4, w: 6, h: 8 };
    const consoleLike = inkFromBackground(image(60, 16, [1, 36, 86], [{ ...glyph, fg: [238, 237, 240] }]));
    const dialogLike = inkFromBackground(image(60, 16, [255, 255, 255], [{ ...glyph, fg: [0, 0, 0] }]));
    for (const gray of [consoleLike, dialogLike]) {
      assert.equal(gray.data[0], 255, 'background → white');
      assert.equal(gray.data[6 * 60 + 6], 0, 'text → black');
    }
  });

  it('reads red error text on black next to a blue row as ink in both rows (each row has its own background)', () => {
    const img = image(
      40,
      20,
      [1, 36, 86],
      [
        { x: 0, y: 10, w: 40, h: 10, fg: [0, 0, 0] }, // the error line's black band
        { x: 5, y: 2, w: 4, h: 6, fg: [238, 237, 240] }, // white text on blue
        { x: 5, y: 12, w: 4, h: 6, fg: [255, 0, 0] }, // red text on black
      ],
    );
    const gray = inkFromBackground(img);
    assert.equal(gray.data[4 * 40 + 30], 255, 'blue row background');
    assert.equal(gray.data[14 * 40 + 30], 255, 'black row background');
    assert.ok(gray.data[4 * 40 + 6]! < 40, 'white text on blue');
    assert.ok(gray.data[14 * 40 + 6]! < 40, 'red text on black');
  });

  it('measures the height of text lines and scales small text up, large text not', () => {
    const lines = (lineHeight: number) =>
      Array.from({ length: 6 }, (_, i) => ({ x: 10, y: 5 + i * (lineHeight + 4), w: 90, h: lineHeight, fg: [0, 0, 0] }));
    const small = image(400, 120, [255, 255, 255], lines(12));
    assert.equal(medianLineHeight(inkFromBackground(small)), 12);
    assert.deepEqual(prepare(small).steps, ['ink'], 'scaling is off by default');
    const prepared = prepare(small, { scale: true });
    assert.deepEqual(prepared.steps, ['ink', 'scale 2']);
    assert.equal(prepared.image.width, 800);
    const large = image(400, 300, [255, 255, 255], lines(36));
    assert.deepEqual(prepare(large, { scale: true }).steps, ['ink']);
    assert.deepEqual(prepare(small, { ink: false, scale: false }).steps, []);
  });

  it('scales bilinearly by a whole factor', () => {
    const gray = { width: 2, height: 1, data: new Uint8Array([0, 255]) };
    const up = scaleUp(gray, 2);
    assert.equal(up.width, 4);
    assert.equal(up.height, 2);
    assert.deepEqual([...up.data.subarray(0, 4)], [0, 64, 191, 255]);
  });

  it('decodes PNG and JPEG to the same pixels (within JPEG loss)', () => {
    const img = image(16, 8, [200, 10, 10]);
    const fromPng = decode(pngOf(img), imageInfo(pngOf(img))!);
    assert.deepEqual([...fromPng.data.subarray(0, 4)], [200, 10, 10, 255]);
    const jpg = jpeg.encode({ width: 16, height: 8, data: Buffer.from(img.data) }, 95).data;
    const fromJpeg = decode(jpg, imageInfo(jpg)!);
    assert.ok(Math.abs(fromJpeg.data[0]! - 200) < 8);
  });
});

describe('ocr: lines a console wrapped', () => {
  it("joins lines cut at the console's last column, without a space", () => {
    const text = joinWrappedLines([
      {
        text: 'Set-FederatedOrganizationIdentifier : An error occurred while attempting to provision Exchange to the Partner S',
        x0: 6,
        x1: 874,
      },
      {
        text: 'TS. Detailed Information "An error occurred accessing Windows Live. Detailed information: "The underlying conne',
        x0: 6,
        x1: 874,
      },
      { text: 'ction was closed: An unexpected error occurred on a send."".', x0: 6, x1: 470 },
      { text: 'At line:1 char:1', x0: 6, x1: 130 },
    ]);
    assert.equal(
      text,
      'Set-FederatedOrganizationIdentifier : An error occurred while attempting to provision Exchange to the Partner STS. Detailed Information "An error occurred accessing Windows Live. Detailed information: "The underlying connection was closed: An unexpected error occurred on a send."".\nAt line:1 char:1',
    );
  });

  it('leaves word-wrapped text (a dialog) as it is', () => {
    const lines = [
      { text: 'Updating hybrid configuration failed with error Subtask Configure execution failed: Creating', x0: 60, x1: 548 },
      { text: 'Organization Relationships.', x0: 60, x1: 200 },
      { text: 'PowerShell failed to invoke Set-FederatedOrganizationIdentifier: An error occurred while', x0: 60, x1: 531 },
      { text: 'attempting to provision Exchange to the Partner STS.', x0: 60, x1: 330 },
    ];
    assert.equal(joinWrappedLines(lines), lines.map((l) => l.text).join('\n'));
  });
});
