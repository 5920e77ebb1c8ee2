/**
 * Text for a terminal: pasted errors and knowledge files can hold escape sequences (ESC, BEL, a bare
 * carriage return, C1 controls, bidirectional overrides) that would retitle or clear the terminal, or
 * fake report lines. The `kb` command prints every text through `escapeControls`.
 */

/** C0 controls, DEL, C1 controls, and the Unicode bidi overrides, isolates and line separators. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const KEEP_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escapeOne(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Every control character as a visible escape (`\x1b`, `\r`, `\u202e`). With `layout`, line feeds and
 * tabs stay: for whole reports whose own lines are built by us; values (a paste's line, an id) go without.
 */
export function escapeControls(text: string, options: { layout?: boolean } = {}): string {
  return text.replace(options.layout ? KEEP_LAYOUT : CONTROL, escapeOne);
}
