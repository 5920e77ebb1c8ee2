/**
 * PowerShell `Format-List` records (`Name : value` lines) that articles show as what a cmdlet printed: a move
 * report entry, a `Test-*` result. Most of their properties are sample noise (run ids, times, sizes, flags); the
 * error is in a few of them (`Message`, `FailureType`, `ErrorDetail`), and that is what an error text keeps.
 */
import { isSpecificMessage } from './announced';

/**
 * A property that carries the error: by its name, or by how its name ends (`TransportMessage`, `ErrorCode`). Not
 * every name ending in `error` does: `MapiLowLevelError : 0` is in every move report.
 */
const ERROR_FIELD =
  /^(?:id|status|description|details?|failure|reason|error|lasterror|httperror)$|(?:message|exception|failuretype|failurereason|errordetail|errorcode|errorrecord)$/;
/** `Name : value` or `Name: value` at a line's start (a record's property; long or odd names are no property). */
const FIELD = /^\s*([A-Za-z][\w ]{0,40}?)\s*:(?:\s|$)/;
/** Properties that make a record an event-log entry, which is identified by all of its source, id and text. */
const EVENT_FIELD = /^(?:log ?name|event ?id|event \w+|level)$/i;

/**
 * A record cut to its error properties; any other text as it is. A record is three or more properties making up
 * most of its lines; a property left empty is no error (`Failure :`) unless its value is on the lines below it.
 * An event-log entry is kept whole, and so is a record whose error properties say too little on their own
 * (`Last error : Retryable error`): the rest of it is then what tells it apart.
 */
export function errorFields(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim());
  const fields = lines.map((line) => FIELD.exec(line));
  const named = fields.filter((f) => f !== null);
  if (named.length < 3 || named.length < lines.length * 0.6) return text;
  if (named.some((f) => EVENT_FIELD.test(f[1].trim()))) return text;
  const kept: string[] = [];
  let keep = false;
  lines.forEach((line, i) => {
    const field = fields[i];
    if (field) {
      const value = line.slice(field[0].length).trim() || (i + 1 < lines.length && !fields[i + 1] ? '…' : '');
      keep = ERROR_FIELD.test(field[1].replace(/\s+/g, '').toLowerCase()) && value !== '';
    }
    if (keep) kept.push(line);
  });
  const cut = kept.join('\n');
  return kept.length > 0 && isSpecificMessage(cut) ? cut : text;
}
