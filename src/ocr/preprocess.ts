/**
 * Turning a screenshot into what Tesseract reads best: dark text on a white background, with letters
 * at least about 20 px high. Screenshots break both: consoles are light text on dark blue or black (and
 * errors red on it), and a snipped dialog at 100 % scaling has letters 7–9 px high. Measured on the
 * rendered screenshots in `npm run bench` (part `ocr`): see the README's Performance section.
 *
 * - Ink is how far a pixel's colour lies from its row's background colour (the most common one),
 *   not its brightness: white, yellow or red text on blue or black, and black text on white or grey,
 *   all come out black on white, without a separate "invert" rule that could guess wrong.
 * - Scaling small text up (bilinear, until a line is about `TARGET_LINE_PX` high) is available but off:
 *   measured on 100 % screenshots (12–13 px lines) it read no better than the ink step alone, one German
 *   console worse (`fir` for `für`), at twice the time (bench part `ocr`, README Performance).
 */
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import type { ImageInfo } from './imageInfo';

/** A greyscale bitmap, one byte a pixel, 0 = black. */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** An RGBA bitmap as the decoders give it. */
interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

/** How high a line of text (ascender to descender) should at least be when scaling: 12–13 px lines are doubled. */
export const TARGET_LINE_PX = 24;
/** Largest factor small text is scaled up by. */
export const MAX_SCALE = 4;
/** Largest bitmap after scaling, in pixels: bounds memory (one byte a pixel) and recognition time. */
export const MAX_SCALED_PIXELS = 24_000_000;
/** A colour distance from the background above this is fully ink (0 … 441 for RGB). */
const FULL_INK_DISTANCE = 150;

export interface Prepared {
  image: Gray;
  /** What was done, for the log and the benchmark: e.g. `["ink", "scale 3"]`. */
  steps: string[];
  /** The median height of a text line before scaling, if any text line was found. */
  lineHeight?: number;
}

export interface PrepareOptions {
  /** Map colours to ink by their distance from the background. Default true. */
  ink?: boolean;
  /** Scale small text up. Default false (it did not help on the measured screenshots, see above). */
  scale?: boolean;
}

export function decode(bytes: Uint8Array, info: ImageInfo): Rgba {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (info.format === 'png') {
    const png = PNG.sync.read(buf);
    return { width: png.width, height: png.height, data: png.data };
  }
  const img = jpeg.decode(buf, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256, maxResolutionInMP: 16 });
  return { width: img.width, height: img.height, data: img.data };
}

export function prepare(rgba: Rgba, options: PrepareOptions = {}): Prepared {
  const steps: string[] = [];
  const gray = options.ink === false ? luminance(rgba) : inkFromBackground(rgba);
  if (options.ink !== false) steps.push('ink');
  const lineHeight = medianLineHeight(gray);
  let image = gray;
  if (options.scale === true && lineHeight !== undefined) {
    const byArea = Math.floor(Math.sqrt(MAX_SCALED_PIXELS / (gray.width * gray.height)));
    const factor = Math.min(MAX_SCALE, byArea, Math.round(TARGET_LINE_PX / lineHeight));
    if (factor >= 2) {
      image = scaleUp(gray, factor);
      steps.push(`scale ${factor}`);
    }
  }
  return { image, steps, lineHeight };
}

/** Plain brightness (for comparison in the benchmark). */
export function luminance(rgba: Rgba): Gray {
  const out = new Uint8Array(rgba.width * rgba.height);
  const d = rgba.data;
  for (let i = 0, p = 0; i < out.length; i++, p += 4) out[i] = (d[p]! * 77 + d[p + 1]! * 150 + d[p + 2]! * 29) >> 8;
  return { width: rgba.width, height: rgba.height, data: out };
}

/**
 * 255 where a pixel has its row's background colour, towards 0 the further its colour is from it.
 * Per row, because screenshots stack backgrounds: a window's white title bar over a console's blue,
 * the console's command line on blue between error lines on black, a dialog's grey button bar under
 * its white text. A row's background is its most common colour, a second one that covers at least
 * `SECOND_BACKGROUND_SHARE` of the row (an error line's black behind its text, blue after it), and the
 * colours its two ends start with.
 */
export function inkFromBackground(rgba: Rgba): Gray {
  const { width, height, data: d } = rgba;
  const out = new Uint8Array(width * height);
  const counts = new Uint32Array(4096);
  for (let y = 0; y < height; y++) {
    counts.fill(0);
    const rowStart = y * width * 4;
    const rowEnd = rowStart + width * 4;
    for (let p = rowStart; p < rowEnd; p += 4) counts[bucket(d, p)]!++;
    let first = 0;
    let second = -1;
    for (let i = 1; i < counts.length; i++) {
      if (counts[i]! > counts[first]!) {
        second = first;
        first = i;
      } else if (second < 0 || counts[i]! > counts[second]!) second = i;
    }
    const chosen = new Set([first]);
    if (second >= 0 && counts[second]! >= width * SECOND_BACKGROUND_SHARE) chosen.add(second);
    // The colour at either end of the row, where it runs at least EDGE_RUN_PX in: a console's padding
    // beside an error line's black band, the blue after a short error line.
    for (const edge of [rowStart, rowEnd - 4]) if (edgeRun(d, rowStart, rowEnd, edge) >= EDGE_RUN_PX) chosen.add(bucket(d, edge));
    const backgrounds = [...chosen].map((b) => averageOf(d, rowStart, rowEnd, b));
    for (let p = rowStart, i = y * width; p < rowEnd; p += 4, i++) {
      let nearest = Infinity;
      for (const [br, bg, bb] of backgrounds) {
        const dr = d[p]! - br;
        const dg = d[p + 1]! - bg;
        const db = d[p + 2]! - bb;
        nearest = Math.min(nearest, dr * dr + dg * dg + db * db);
      }
      out[i] = 255 - Math.min(255, Math.round((Math.sqrt(nearest) * 255) / FULL_INK_DISTANCE));
    }
  }
  return { width, height, data: out };
}

/** How far a colour must run in from a row's end to count as background there (a letter's stroke is thinner). */
const EDGE_RUN_PX = 4;

/** How many pixels of `edge`'s colour run from that end of the row inwards. */
function edgeRun(d: Uint8Array, rowStart: number, rowEnd: number, edge: number): number {
  const colour = bucket(d, edge);
  const step = edge === rowStart ? 4 : -4;
  let n = 0;
  for (let p = edge; p >= rowStart && p < rowEnd && bucket(d, p) === colour; p += step) n++;
  return n;
}

/** A row's second colour covering this share of it is a background too (text rarely covers a third of a row). */
const SECOND_BACKGROUND_SHARE = 0.3;

/** A colour quantised to 4 bits a channel. */
const bucket = (d: Uint8Array, p: number) => ((d[p]! >> 4) << 8) | ((d[p + 1]! >> 4) << 4) | (d[p + 2]! >> 4);

/** The mean colour of the pixels in `d[from, to)` that fall in `wanted`'s bucket. */
function averageOf(d: Uint8Array, from: number, to: number, wanted: number): [number, number, number] {
  let r = 0;
  let g = 0;
  let b = 0;
  let n = 0;
  for (let p = from; p < to; p += 4) {
    if (bucket(d, p) !== wanted) continue;
    r += d[p]!;
    g += d[p + 1]!;
    b += d[p + 2]!;
    n++;
  }
  return n === 0 ? [255, 255, 255] : [r / n, g / n, b / n];
}

/**
 * The median height of the bands of rows that hold ink, separated by blank rows: in a screenshot
 * these are the text lines. Bands under 3 px (rules, borders) and over a quarter of the image
 * (pictures, filled areas) are not text.
 */
export function medianLineHeight(gray: Gray): number | undefined {
  const { width, height, data } = gray;
  const minInk = Math.max(2, Math.floor(width / 400));
  const heights: number[] = [];
  let run = 0;
  for (let y = 0; y <= height; y++) {
    let ink = 0;
    if (y < height) for (let x = 0, i = y * width; x < width && ink < minInk; x++, i++) if (data[i]! < 128) ink++;
    if (ink >= minInk) {
      run++;
    } else if (run > 0) {
      if (run >= 3 && run <= height / 4) heights.push(run);
      run = 0;
    }
  }
  if (heights.length === 0) return undefined;
  heights.sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)];
}

/** Bilinear scaling by a whole factor. */
export function scaleUp(gray: Gray, factor: number): Gray {
  const { width, height, data } = gray;
  const w = width * factor;
  const h = height * factor;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const sy = Math.max(0, (y + 0.5) / factor - 0.5);
    const y0 = Math.min(height - 1, Math.floor(sy));
    const y1 = Math.min(height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < w; x++) {
      const sx = Math.max(0, (x + 0.5) / factor - 0.5);
      const x0 = Math.min(width - 1, Math.floor(sx));
      const x1 = Math.min(width - 1, x0 + 1);
      const fx = sx - x0;
      const top = data[y0 * width + x0]! * (1 - fx) + data[y0 * width + x1]! * fx;
      const bottom = data[y1 * width + x0]! * (1 - fx) + data[y1 * width + x1]! * fx;
      out[y * w + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  }
  return { width: w, height: h, data: out };
}

/** A greyscale PNG of the bitmap, the input Tesseract takes. */
export function encodePng(gray: Gray): Buffer {
  const png = new PNG({ width: gray.width, height: gray.height, colorType: 0, inputColorType: 0, inputHasAlpha: false });
  png.data = Buffer.from(gray.data.buffer, gray.data.byteOffset, gray.data.byteLength);
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false, deflateLevel: 1 });
}
