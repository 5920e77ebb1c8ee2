import { EVENT_FIELD_IN_TEXT } from '../knowledge/vocabulary';
import { termsOf, type Token } from './normalize';
import { FRAME_LINE } from './signals';

/**
 * An event record pasted with its field names (`Log Name:`, `Source:`, `Event ID:`, `Task Category:`, `Level:`,
 * `Keywords:`, `User:`, `Computer:`, `Description:`): the names are the record's frame, the same in every record, not
 * the admin's words. Read as words of a description they would fit articles about logs, users or computers; so the
 * words the paste writes only as such field names count for nothing where the paste is read as a description (its
 * prose, and the rest of the paste that decides between articles holding the same error). The values stay: `Source:
 * MSExchange Availability` and `Event ID: 4001` say which event it is.
 */

const NONE: ReadonlySet<string> = new Set();

/**
 * The terms `text` writes only as event record field names (EVENT_FIELD_IN_TEXT), when it names at least `minFields`
 * different ones (a record's frame; one `User:` or `Source:` alone may be anyone's label); empty otherwise.
 */
export function eventFrameTerms(text: string, minFields: number): ReadonlySet<string> {
  // Most pastes are no event record: one cheap test before the pattern walks them.
  if (!text.includes(':') || !/Event ID|Log Name|Task Category|Source|Level|Computer/i.test(text)) return NONE;
  const names = new Set<string>();
  for (const m of text.matchAll(EVENT_FIELD_IN_TEXT)) names.add(m[1].toLowerCase());
  if (names.size < minFields) return NONE;
  const elsewhere = new Set(termsOf(text.replace(EVENT_FIELD_IN_TEXT, ' ')));
  const frame = new Set<string>();
  for (const name of names) for (const t of termsOf(name)) if (!elsewhere.has(t)) frame.add(t);
  return frame;
}

/**
 * The terms `tokens` hold only on stack-trace frame lines of `lines` (`at …Task.ThrowError(Exception exception, Object
 * target…)`): the names of code — methods, their parameters (`target`, `string`) — not the admin's words, however well
 * they happen to fit an article's title (`target` of "the target user"). Empty when no line is a frame.
 */
export function stackFrameTerms(lines: readonly string[], tokens: readonly Token[]): ReadonlySet<string> {
  let frames: Set<number> | undefined;
  for (let i = 0; i < lines.length; i++) if (FRAME_LINE.test(lines[i])) (frames ??= new Set()).add(i);
  if (!frames) return NONE;
  const elsewhere = new Set<string>();
  for (const t of tokens) if (!frames.has(t.line)) elsewhere.add(t.term);
  const only = new Set<string>();
  for (const t of tokens) if (frames.has(t.line) && !elsewhere.has(t.term)) only.add(t.term);
  return only;
}
