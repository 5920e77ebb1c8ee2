/**
 * Turning Tesseract's lines back into the text that was on the screen. A console wraps a long line
 * at its last column, in the middle of a word (`Partner S` / `TS.`); Tesseract returns the pieces as
 * lines of their own. Lines that end at the same rightmost column as at least one other line were cut
 * there by the console: they are joined to the next line without a space. Word-wrapped text (dialogs,
 * the event viewer) ends lines at different columns and is left as it is.
 */
export interface OcrLine {
  text: string;
  /** Left and right edge in pixels. */
  x0: number;
  x1: number;
}

export function joinWrappedLines(lines: readonly OcrLine[]): string {
  const texts = lines.map((l) => l.text.replace(/\s+$/, ''));
  const filled = lines.filter((l) => l.text.trim().length > 0);
  if (filled.length < 2) return texts.join('\n');
  const right = Math.max(...filled.map((l) => l.x1));
  const charWidths = filled.map((l) => (l.x1 - l.x0) / Math.max(1, l.text.trim().length)).sort((a, b) => a - b);
  const charWidth = charWidths[Math.floor(charWidths.length / 2)]!;
  const atEdge = (l: OcrLine) => l.text.trim().length >= 20 && right - l.x1 <= charWidth * 0.6;
  if (filled.filter(atEdge).length < 2) return texts.join('\n');
  let out = '';
  for (let i = 0; i < lines.length; i++) {
    out += texts[i];
    if (i < lines.length - 1) out += atEdge(lines[i]!) ? '' : '\n';
  }
  return out;
}
