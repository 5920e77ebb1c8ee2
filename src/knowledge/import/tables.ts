/**
 * Error texts in Markdown tables. Support articles list status codes with their messages in tables
 * (`| 5.7.999 | \`Widget rejected\` | The widget was banned. |`) and show event-log entries as
 * two-column tables (`| Event ID | 1234 |`, `| Description | … |`): what an admin sees in the bounce or
 * the event log, so each is an error text like a quoted one.
 */
import type { TableCell } from './blocks';

/** An error text found in a table and, when the table says it, what it means (the row's cause cell). */
export interface TableError {
  error: string;
  description: string;
}

/**
 * A cell that is an error code: an SMTP status (`5.7.606`, `550 5.7.1`, a range `5.7.606-649`), an HCW code,
 * an HRESULT or a sign-in error code.
 */
const CODE_CELL = /^(?:(?:\d{3}\s+)?[245]\.\d{1,2}\.\d{1,3}(?:\s*[-–]\s*\d{1,3})?|HCW\d{3,5}|0x[0-9a-f]{8}|AADSTS\d{4,})$/i;
/** An enhanced status code alone (`5.7.708`). */
const STATUS_CODE = /^[245]\.\d{1,2}\.\d{1,3}$/;
/** Header of a column that holds the message itself. */
const MESSAGE_HEADER = /^(?:error(?: message| text)?|message|(?:error )?text|response)$/i;
/** Header of a column that says what the code means. */
const CAUSE_HEADER = /\b(?:cause|reason|meaning|explanation)\b/i;

/** Error texts of a table: one per row of a code table, one per event-log table; none for other tables. */
export function tableErrors(rows: TableCell[][]): TableError[] {
  return codeTableErrors(rows) ?? eventTableError(rows);
}

function cellText(cell: TableCell | undefined): string {
  return (cell?.codeOnly ?? cell?.text ?? '').trim();
}

/** A table with a column of error codes and a column of their messages (a code span, or a column headed so). */
function codeTableErrors(rows: TableCell[][]): TableError[] | null {
  const [header, ...body] = rows;
  if (!header || body.length === 0) return null;
  const width = header.length;
  const most = (test: (cell: TableCell | undefined) => boolean) => (column: number) =>
    body.filter((row) => test(row[column])).length * 2 >= body.length;
  const columns = [...Array(width).keys()];
  const codeColumn = columns.find(most((cell) => CODE_CELL.test(cellText(cell))));
  if (codeColumn === undefined) return null;
  const others = columns.filter((c) => c !== codeColumn);
  const messageColumn =
    others.find(most((cell) => cell?.codeOnly != null)) ?? others.find((c) => MESSAGE_HEADER.test(header[c]?.text.trim() ?? ''));
  if (messageColumn === undefined) return null;
  const causeColumn = others.find((c) => c !== messageColumn && CAUSE_HEADER.test(header[c]?.text ?? ''));
  const found: TableError[] = [];
  for (const row of body) {
    const code = cellText(row[codeColumn]);
    const message = cellText(row[messageColumn]);
    const description = causeColumn === undefined ? '' : cellText(row[causeColumn]);
    // A row of several status codes (`5.7.705 <br/> 5.7.708`) whose message cell prints each with its own message
    // (`5.7.705 Access denied, tenant…`, `5.7.708 Access denied, traffic…`): one error text per code, its own message.
    const codes = code.split(/\s+/);
    if (codes.length > 1 && message && codes.every((c) => STATUS_CODE.test(c) && message.includes(c))) {
      const starts = codes.map((c) => message.indexOf(c));
      for (const start of starts) {
        let end = Math.min(message.length, ...starts.filter((s) => s > start));
        // without the separator before the next code (a loop: `[\s,;]+$` retries from every character of a long run)
        while (end > start && ', ;\t\n'.includes(message[end - 1])) end--;
        found.push({ error: message.slice(start, end), description });
      }
      continue;
    }
    // Codes that bounce with the same message (`5.4.6 or 5.4.14`; `5.7.13 or 135`, the last part written alone): one error
    // text per code, as a bounce prints it.
    const alternatives = alternativeCodes(code);
    if (alternatives && message) {
      for (const c of alternatives) found.push({ error: message.includes(c) ? message : `${c} ${message}`, description });
      continue;
    }
    if (!CODE_CELL.test(code) || !message) continue;
    // a range (`5.7.606-649`) is shown with its first code: the code bounces print, not a word `649` no bounce has
    const first = code.replace(/\s*[-–]\s*\d{1,3}$/, '');
    // the message may print the code itself (`550 5.5.0 Requested action not taken…`): then it is the whole error
    const error = message.includes(first) ? message : `${first} ${message}`;
    found.push({ error, description });
  }
  return found;
}

/**
 * The codes of a cell that names alternatives (`5.4.6 or 5.4.14`, `5.7.13, 5.7.14`), each a status code or the last part of
 * one written alone after the first (`5.7.13 or 135` is 5.7.13 and 5.7.135); undefined for any other cell.
 */
function alternativeCodes(cell: string): string[] | undefined {
  const parts = cell.split(/\s*(?:,|\bor\b)\s*/i);
  if (parts.length < 2 || !STATUS_CODE.test(parts[0])) return undefined;
  const prefix = parts[0].slice(0, parts[0].lastIndexOf('.') + 1);
  const codes = parts.map((p) => (/^\d{1,3}$/.test(p) ? prefix + p : p));
  return codes.every((c) => STATUS_CODE.test(c)) ? codes : undefined;
}

/** Rows of an event-log entry shown as a two-column table that carry the error (the rest is dates and names). */
const EVENT_FIELDS = /^(?:event )?(?:source|id|description|message|details?)$/i;

/**
 * An event-log entry as a two-column table (`Event ID | 1234`, `Description | …`): one error text of its
 * source, id and description. Informational entries (`Event Type | Information`) are no error.
 */
function eventTableError(rows: TableCell[][]): TableError[] {
  if (rows.length < 3 || rows.some((row) => row.length !== 2)) return [];
  const fields = rows.map(([key, value]) => ({ key: key.text.replace(/:$/, '').trim(), value: value.text.trim() }));
  const field = (name: RegExp) => fields.find((f) => name.test(f.key))?.value ?? '';
  const description = field(/^(?:description|message)$/i);
  if (!/^event id$/i.test(fields.find((f) => /^event id$/i.test(f.key))?.key ?? '') || !description) return [];
  if (/^information/i.test(field(/^(?:event )?type$/i))) return [];
  const error = fields
    .filter((f) => EVENT_FIELDS.test(f.key) && f.value)
    .map((f) => `${f.key}: ${f.value}`)
    .join('\n');
  return [{ error, description: '' }];
}
