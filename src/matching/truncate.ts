/**
 * Very long pastes (whole logs) are cut to the lines that look like errors, so matching stays fast
 * and bounded; the bot tells the user it did so. Errors are found wherever they are in the log: a log of
 * warnings with the real error at its end keeps that error, not the first warnings that fit.
 */
const ERRORISH = /error|exception|fail|fehler|denied|verweigert|cannot|could not|unable|nicht|hcw\d|0x[0-9a-f]{4,}/i;
/** Warnings are kept only in the room errors leave. */
const WARNISH = /warn/i;

/** The error-looking lines of `text` (each with the line after it, which often holds the detail), at most `limit` characters. */
export function cutToErrorPart(text: string, limit: number): string {
  const lines = text.split(/\r?\n/);
  const errors: number[] = [];
  const warnings: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const head = line.length > 2000 ? line.slice(0, 2000) : line;
    if (ERRORISH.test(head)) errors.push(i);
    else if (WARNISH.test(head)) warnings.push(i);
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
  if (!chosen.size) return text.slice(0, limit); // no error-looking line at all (one huge line, say): its beginning
  const shown = new Set<number>();
  for (const i of chosen) shown.add(i).add(Math.min(i + 1, lines.length - 1));
  return [...shown]
    .sort((a, b) => a - b)
    .map((i) => lines[i].slice(0, limit))
    .join('\n')
    .slice(0, limit);
}
