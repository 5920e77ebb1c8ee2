/**
 * The limits on a screenshot. They bound what one image may cost (memory, CPU on a shared machine)
 * and are checked before any pixel is decoded.
 */
export interface OcrLimits {
  /** Largest image file in bytes. Default 4 MB (a full-HD PNG screenshot is well below 1 MB). */
  maxBytes: number;
  /** Longest side in pixels, width or height. Default 4,000 (a 4K screen is 3,840 wide). */
  maxSide: number;
  /** Longest time to read one image, decoding and recognition, in ms. Default 10 s; then the reader is restarted. */
  timeoutMs: number;
}

export const DEFAULT_OCR_LIMITS: Readonly<OcrLimits> = {
  maxBytes: 4 * 1024 * 1024,
  maxSide: 4000,
  timeoutMs: 10_000,
};
