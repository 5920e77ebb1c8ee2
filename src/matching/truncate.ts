/**
 * Very long pastes (whole logs) are cut to the lines that look like errors, so matching stays fast
 * and bounded; the bot tells the user it did so.
 */
const ERRORISH = /error|exception|fail|fehler|denied|verweigert|cannot|could not|unable|nicht|hcw\d|0x[0-9a-f]{4,}|warn/i;

/** The error-looking lines of `text` (each with the line after it, which often holds the detail), at most `limit` characters. */
export function cutToErrorPart(text: string, limit: number): string {
  const lines = text.split(/\r?\n/);
  const keep: string[] = [];
  let size = 0;
  for (let i = 0; i < lines.length && size < limit; i++) {
    const line = lines[i];
    if (line === '' || !ERRORISH.test(line.length > 2000 ? line.slice(0, 2000) : line)) continue;
    for (const l of [lines[i], lines[i + 1] ?? '']) {
      const piece = l.slice(0, limit - size);
      keep.push(piece);
      size += piece.length + 1;
    }
    i++;
  }
  // A paste with no error-looking line at all (one huge line, say) keeps its beginning.
  return keep.length ? keep.join('\n') : text.slice(0, limit);
}
