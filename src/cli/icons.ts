/**
 * The two Teams app icons, drawn in code so they can be rebuilt byte for byte:
 * `node dist/src/cli/icons.js` rewrites manifest/color.png and manifest/outline.png.
 *
 * Teams wants a 192×192 full-colour icon and a 32×32 outline icon that is white on a
 * transparent background. Both show the same glyph: a clipboard (the paste) with a tick (the fix).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/** Side of the colour icon in pixels (Teams: 192). */
export const COLOR_ICON_SIZE = 192;
/** Side of the outline icon in pixels (Teams: 32). */
export const OUTLINE_ICON_SIZE = 32;
/** Background of the colour icon; also the manifest's accentColor. */
export const ACCENT_COLOR = '#0F6CBD';

type Point = readonly [number, number];

/** Samples per pixel side for anti-aliasing (4 → 16 samples a pixel). */
const SUPERSAMPLE = 4;

function insideRoundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, radius: number): boolean {
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function distanceToSegment(x: number, y: number, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

const BOARD = { left: 0.14, top: 0.1, right: 0.86, bottom: 0.97, radius: 0.1, stroke: 0.09 };
const CLIP = { left: 0.31, top: 0.02, right: 0.69, bottom: 0.26, radius: 0.06 };
/** Gap cut into the board around the clip, so the clip reads as a clip and not as a battery cap. */
const CLIP_GAP = 0.05;
const TICK: readonly Point[] = [
  [0.32, 0.6],
  [0.46, 0.75],
  [0.69, 0.46],
];
const TICK_HALF_WIDTH = 0.055;

/** The glyph in unit coordinates (0..1 both ways, y down): is this point ink? */
function glyph(x: number, y: number): boolean {
  const b = BOARD;
  const c = CLIP;
  const inClip = insideRoundedRect(x, y, c.left, c.top, c.right, c.bottom, c.radius);
  const nearClip = insideRoundedRect(
    x,
    y,
    c.left - CLIP_GAP,
    c.top - CLIP_GAP,
    c.right + CLIP_GAP,
    c.bottom + CLIP_GAP,
    c.radius + CLIP_GAP,
  );
  const inBoard =
    insideRoundedRect(x, y, b.left, b.top, b.right, b.bottom, b.radius) &&
    !insideRoundedRect(x, y, b.left + b.stroke, b.top + b.stroke, b.right - b.stroke, b.bottom - b.stroke, b.radius - b.stroke / 2) &&
    !nearClip;
  const inTick =
    distanceToSegment(x, y, TICK[0]!, TICK[1]!) <= TICK_HALF_WIDTH || distanceToSegment(x, y, TICK[1]!, TICK[2]!) <= TICK_HALF_WIDTH;
  return inBoard || inClip || inTick;
}

/** Share of a pixel covered by the glyph (0..1), the glyph scaled into the square [offset, offset+scale]. */
function coverage(px: number, py: number, size: number, offset: number, scale: number): number {
  let hits = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy++) {
    for (let sx = 0; sx < SUPERSAMPLE; sx++) {
      const u = ((px + (sx + 0.5) / SUPERSAMPLE) / size - offset) / scale;
      const v = ((py + (sy + 0.5) / SUPERSAMPLE) / size - offset) / scale;
      if (glyph(u, v)) hits++;
    }
  }
  return hits / (SUPERSAMPLE * SUPERSAMPLE);
}

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function encode(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}

/** The 192×192 colour icon: white glyph on the accent colour, glyph within the central 60 % as Teams advises. */
export function renderColorIcon(): Buffer {
  const size = COLOR_ICON_SIZE;
  const [r, g, b] = hexToRgb(ACCENT_COLOR);
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(x, y, size, 0.2, 0.6);
      const i = (y * size + x) * 4;
      png.data[i] = Math.round(r + (255 - r) * c);
      png.data[i + 1] = Math.round(g + (255 - g) * c);
      png.data[i + 2] = Math.round(b + (255 - b) * c);
      png.data[i + 3] = 255;
    }
  }
  return encode(png);
}

/** The 32×32 outline icon: white glyph, transparent elsewhere; edge pixels are white with partial alpha. */
export function renderOutlineIcon(): Buffer {
  const size = OUTLINE_ICON_SIZE;
  const png = new PNG({ width: size, height: size });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const alpha = Math.round(255 * coverage(x, y, size, 0, 1));
      const i = (y * size + x) * 4;
      // Fully transparent pixels are written as transparent black, the PNG norm; ink is pure white.
      const white = alpha > 0 ? 255 : 0;
      png.data[i] = white;
      png.data[i + 1] = white;
      png.data[i + 2] = white;
      png.data[i + 3] = alpha;
    }
  }
  return encode(png);
}

/** Writes both icons into `dir` (default: the repository's manifest/ folder). */
export function writeIcons(dir: string): void {
  writeFileSync(path.join(dir, 'color.png'), renderColorIcon());
  writeFileSync(path.join(dir, 'outline.png'), renderOutlineIcon());
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', '..', '..', 'manifest');
  writeIcons(dir);
  console.log(`icons: wrote ${path.join(dir, 'color.png')} and ${path.join(dir, 'outline.png')}`);
}
