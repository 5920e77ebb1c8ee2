/**
 * Long pastes (whole logs) are cut to the lines that look like errors before anything expensive reads
 * them, so the work per paste is bounded whatever its length or shape; the bot tells the user it did so.
 * Errors are found wherever they are in the log: a log of warnings with the real error at its end keeps
 * that error, not the first warnings that fit. The cut itself is one linear pass (a split and one
 * literal-alternation test per line).
 */
const ERRORISH = /error|exception|fail|fehler|denied|verweigert|cannot|could not|unable|nicht|hcw\d|0x[0-9a-f]{4,}/i;
/** Warnings are kept only in the room errors leave. */
const WARNISH = /warn/i;

/** The patterns the cut runs on every line (exported for the test that checks they are compiled when this module loads). */
export const CUT_PATTERNS: readonly RegExp[] = [ERRORISH, WARNISH];

/**
 * Both patterns are compiled to machine code now, for both kinds of string V8 keeps (one byte a character, and two
 * bytes once a text holds a character above U+00FF, such as a dash pasted from Word), while the process holds little
 * compiled code. V8 compiles a pattern the first time it meets each kind; and while a process holds more than 16 MB of
 * compiled code (V8's TooMuchRegExpCode), it compiles patterns without their optimizations, and keeps that slower code
 * for the life of the process. A knowledge reload loads in this thread and keeps two knowledge bases until the next full garbage
 * collection: after two reloads in a row, a 240 KB log's first two-byte paste made its match 8.6 ms instead of 1.5 ms,
 * from then on. A test on a text of 1000 characters or more is compiled to machine code at once.
 */
for (const pattern of CUT_PATTERNS) {
  pattern.test('-'.repeat(1000));
  pattern.test('\u2013'.repeat(1000));
}

/**
 * Longest line a cut keeps in one piece. A longer one (a log glued onto one line, a blob of data) is read
 * as pieces of at most this length, broken at a space where there is one: an error in the middle of a
 * 100,000-character line is found, and one line can't fill the whole cut.
 */
export const CUT_LINE_CHARS = 2000;

/** The error-looking lines of `text` (each with the line after it, which often holds the detail), at most `limit` characters. */
export function cutToErrorPart(text: string, limit: number): string {
  const lines = piecesOf(linesOf(text));
  const errors: number[] = [];
  const warnings: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    if (ERRORISH.test(line)) errors.push(i);
    else if (WARNISH.test(line)) warnings.push(i);
  }
  const size = (i: number) => Math.min(lines[i].length, limit) + 1 + Math.min((lines[i + 1] ?? '').length, limit) + 1;
  const chosen = new Set<number>();
  let used = 0;
  const take = (i: number): boolean => {
    if (chosen.has(i)) return true;
    const s = size(i);
    if (used + s > limit) return false;
    chosen.add(i);
    used += s;
    return true;
  };
  // More errors than fit: the first and the last ones (a log's final error is often the one that matters).
  let front = 0;
  let back = errors.length - 1;
  while (front <= back) {
    if (!take(errors[front++])) break;
    if (front <= back && !take(errors[back--])) break;
  }
  for (const i of warnings) if (!take(i)) break;
  if (!chosen.size) return text.slice(0, limit); // no error-looking line at all: its beginning
  const shown = new Set<number>();
  for (const i of chosen) shown.add(i).add(Math.min(i + 1, lines.length - 1));
  return [...shown]
    .sort((a, b) => a - b)
    .map((i) => lines[i].slice(0, limit))
    .join('\n')
    .slice(0, limit);
}

/** A carriage return's code. */
const CR = 13;

/**
 * `text`'s lines, as `text.split(/\r?\n/)` gives them: split at each line feed, then one carriage return dropped from the
 * end of every line but the last. (A split at one character is a plain search; one at a pattern runs the pattern at every
 * position: a 240 KB log's cut took a fifth less time, its whole match 7–14% less.)
 */
function linesOf(text: string): string[] {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i];
    if (line.charCodeAt(line.length - 1) === CR) lines[i] = line.slice(0, -1);
  }
  return lines;
}

/** The lines, each longer than `CUT_LINE_CHARS` read as pieces of at most that length. */
function piecesOf(lines: string[]): string[] {
  if (lines.every((l) => l.length <= CUT_LINE_CHARS)) return lines;
  const out: string[] = [];
  for (const line of lines) {
    let start = 0;
    while (line.length - start > CUT_LINE_CHARS) {
      // Break after the last space of the piece's second half, so words stay whole; no space: at the limit.
      // (Searched in that half only: a search back from the limit would cross a whole line without spaces each time.)
      const half = start + CUT_LINE_CHARS / 2;
      const space = line.slice(half, start + CUT_LINE_CHARS).lastIndexOf(' ');
      const end = space >= 0 ? half + space + 1 : start + CUT_LINE_CHARS;
      out.push(line.slice(start, end));
      start = end;
    }
    out.push(line.slice(start));
  }
  return out;
}
