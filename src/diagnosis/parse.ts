/**
 * Reads registry values out of a pasted console: `reg query` output (with reg.exe's "not found" error in
 * English or German), `Get-ItemProperty` / `Get-ItemPropertyValue` output as a list or a table (with their
 * "does not exist" errors), HealthChecker's TLS section, the `[Net.ServicePointManager]::SecurityProtocol`
 * output and the `path | name | value` lines of the check command in the reference article.
 *
 * It records only what the paste shows: a value, a value shown as absent (`null`), or a key whose values
 * were all listed (so a value not among them is absent). It never assumes what a line does not say.
 * Every loop is one pass over the lines with anchored, linear regexes.
 */
import type { Lang } from '../knowledge/types';
import { canonicalPath, pathKey } from './paths';
import { SECURITY_PROTOCOL_TYPES } from './rules';

/** One value as the paste shows it. */
export interface Observation {
  /** Canonical `HKLM\…` path, or `[Net.ServicePointManager]` for the session setting. */
  path: string;
  name: string;
  /** The number shown, or null when the paste shows the value does not exist. */
  value: number | null;
  /** The line of the paste that showed it (trimmed). */
  line: string;
}

export interface ParsedPaste {
  /** By `pathKey|name` (lower case). A later line showing the same value wins. */
  values: Map<string, Observation>;
  /** Keys (pathKey) whose values the paste lists completely, or shows as not existing. */
  complete: Set<string>;
  /** Keys (pathKey) the paste shows to exist. */
  existing: Set<string>;
  /** German when a German message (reg.exe, PowerShell) was seen; undefined when nothing told. */
  lang?: Lang;
}

export const SESSION_PATH = '[Net.ServicePointManager]';

/** The command a block of output belongs to, from the prompt line above it. */
interface CommandContext {
  tool: 'reg' | 'get-itemproperty' | 'securityprotocol';
  key?: string;
  /** `reg query … /v X`, `-Name X,Y`, `Select-Object X, Y`: only these values were asked for. */
  names?: string[];
}

const REG_ERROR_EN = /^ERROR: The system was unable to find the specified registry key or value\.?\s*$/i;
const REG_ERROR_DE = /^FEHLER: Der angegebene Registrierungsschl(?:ü|ue)ssel bzw\. Wert wurde nicht gefunden\.?\s*$/i;
const REG_TYPE = /\sREG_(?:DWORD|QWORD|SZ|EXPAND_SZ|MULTI_SZ|BINARY|NONE)(?=\s|$)/;
const REG_COMMAND = /\breg(?:\.exe)?\s+query\s+("[^"]+"|\S+)(.*)$/i;
const GIP_COMMAND = /\bGet-ItemProperty(?:Value)?\b(.*)$/i;
const PATH_NOT_FOUND_EN = /Cannot find path '([^']+)' because it does not exist/i;
const PATH_NOT_FOUND_DE = /Der Pfad ["„“']([^"„“”']+)["„“”'] kann nicht gefunden werden/i;
const PROPERTY_MISSING_EN = /Property (\S+) does not exist at path (.+)$/i;
const PROPERTY_MISSING_DE = /Die Eigenschaft ["„“']([^"„“”']+)["„“”'] ist im Pfad ["„“']([^"„“”']+)["„“”'] nicht vorhanden/i;
const LIST_LINE = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*:\s?(.*)$/;
const VALUE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
/** Lines longer than this are no registry output; skipping them keeps every regex's work small. */
const MAX_LINE = 2000;
const PROTOCOL_NAMES = Object.keys(SECURITY_PROTOCOL_TYPES).join('|');
const PROTOCOL_LIST = new RegExp(`^\\s*(?:${PROTOCOL_NAMES})(?:\\s*,\\s*(?:${PROTOCOL_NAMES}))*\\s*$`, 'i');
const SECURITY_PROTOCOL_READ = /\[(?:System\.)?Net\.ServicePointManager\]::SecurityProtocol\s*$/i;
const DASHES = /^\s*-+(\s+-+)*\s*$/;

/** Properties PowerShell adds to every `Get-ItemProperty` result; they are not registry values. */
const PS_PROPERTIES = new Set(['pspath', 'psparentpath', 'pschildname', 'psdrive', 'psprovider']);

export function parsePaste(text: string): ParsedPaste {
  const parsed: ParsedPaste = { values: new Map(), complete: new Set(), existing: new Set() };
  const lines = text.split(/\r?\n/);
  const nonEmptyLines = lines.filter((l) => l.trim() !== '').length;
  let command: CommandContext | undefined;
  /** The key reg.exe printed last; its value lines follow. */
  let regKey: string | undefined;
  /** A Get-ItemProperty list (`Name : value` lines) not yet assigned to a key; `column` is where values start. */
  let list: { entries: { name: string; raw: string; line: string }[]; column: number } | undefined;
  /** Column layout of a table whose header and dashes were seen, and how many rows it had. */
  let table: (TableLayout & { rows: number }) | undefined;

  const endList = () => {
    if (!list) return;
    const psPath = list.entries.find((e) => /^PSPath$/i.test(e.name));
    const key = (psPath && canonicalPath(psPath.raw)) ?? (command?.tool === 'get-itemproperty' ? command.key : undefined);
    if (key) {
      for (const entry of list.entries) {
        if (PS_PROPERTIES.has(entry.name.toLowerCase())) continue;
        const value = parseNumber(entry.raw);
        // An empty value is what Select-Object prints for a value that does not exist.
        if (value !== undefined) record(parsed, key, entry.name, value, entry.line);
      }
      if (psPath) parsed.existing.add(pathKey(key)!);
      // Get-ItemProperty without -Name lists every value of the key; with -Name only those asked for.
      if (psPath && command?.tool === 'get-itemproperty' && !command.names) parsed.complete.add(pathKey(key)!);
    }
    list = undefined;
  };
  const endTable = () => {
    // Select-Object prints an empty row for values that don't exist: a table without rows shows them absent.
    if (table && table.rows === 0 && command?.tool === 'get-itemproperty' && command.key) {
      for (const name of table.names)
        if (VALUE_NAME.test(name) && !PS_PROPERTIES.has(name.toLowerCase())) record(parsed, command.key, name, null, name);
    }
    table = undefined;
  };
  const newCommand = (next: CommandContext) => {
    endList();
    endTable();
    command = next;
    regKey = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > MAX_LINE) continue;
    const trimmed = line.trim();
    if (trimmed === '') {
      endList();
      if (table && table.rows > 0) endTable();
      continue;
    }

    // A long list value wraps onto lines indented to the value column.
    if (list && leadingSpaces(line) === list.column && list.entries.length > 0) {
      list.entries[list.entries.length - 1]!.raw += trimmed;
      continue;
    }

    if (REG_ERROR_EN.test(trimmed) || REG_ERROR_DE.test(trimmed)) {
      if (REG_ERROR_DE.test(trimmed)) parsed.lang = 'de';
      if (command?.tool === 'reg' && command.key) {
        if (command.names?.length) for (const name of command.names) record(parsed, command.key, name, null, trimmed);
        else parsed.complete.add(pathKey(command.key)!);
      }
      continue;
    }

    const regCommand = REG_COMMAND.exec(line);
    if (regCommand) {
      const asked = /\s\/v\s+("[^"]+"|\S+)/i.exec(regCommand[2]!);
      newCommand({ tool: 'reg', key: canonicalPath(regCommand[1]!), names: asked ? [asked[1]!.replace(/"/g, '')] : undefined });
      continue;
    }
    const gipCommand = GIP_COMMAND.exec(line);
    if (gipCommand && !/^\s*Get-ItemProperty(?:Value)?\s*:/i.test(line)) {
      newCommand({ tool: 'get-itemproperty', ...gipArguments(gipCommand[1]!) });
      continue;
    }
    if (SECURITY_PROTOCOL_READ.test(trimmed)) {
      newCommand({ tool: 'securityprotocol' });
      continue;
    }

    // Any other line under a table's dashes is one of its rows, whichever reader below takes it.
    if (table) table.rows++;

    const missingPath = PATH_NOT_FOUND_EN.exec(line) ?? PATH_NOT_FOUND_DE.exec(line);
    if (missingPath) {
      if (PATH_NOT_FOUND_DE.test(line)) parsed.lang = 'de';
      const key = canonicalPath(missingPath[1]!);
      if (key) {
        parsed.complete.add(pathKey(key)!);
      }
      continue;
    }
    const missingValue = PROPERTY_MISSING_DE.exec(line) ?? PROPERTY_MISSING_EN.exec(line);
    if (missingValue) {
      if (PROPERTY_MISSING_DE.test(line)) parsed.lang = 'de';
      const key = canonicalPath(missingValue[2]!.trim().replace(/\.$/, ''));
      if (key) {
        parsed.existing.add(pathKey(key)!);
        record(parsed, key, missingValue[1]!.replace(/["'„“”]/g, ''), null, trimmed);
      }
      continue;
    }

    // reg.exe: a key line, then its values indented.
    if (/^HKEY_LOCAL_MACHINE\\/i.test(trimmed) && !trimmed.includes('|')) {
      regKey = canonicalPath(trimmed);
      if (regKey) {
        parsed.existing.add(pathKey(regKey)!);
        // `reg query KEY` without /v lists every value of the key (with /s, of every subkey).
        if (command?.tool === 'reg' && !command.names) parsed.complete.add(pathKey(regKey)!);
      }
      continue;
    }
    const regType = /^\s/.test(line) ? REG_TYPE.exec(line) : null;
    if (regType) {
      const key = regKey ?? command?.key;
      const value = parseNumber(line.slice(regType.index + regType[0].length));
      if (key && typeof value === 'number') {
        parsed.existing.add(pathKey(key)!);
        record(parsed, key, line.slice(0, regType.index).trim(), value, trimmed);
      }
      continue;
    }

    // The check command's `path | name | value` lines, and `SecurityProtocol | Tls12`.
    const cells = trimmed.split('|').map((c) => c.trim());
    if (cells.length === 2 && /SecurityProtocol$/i.test(cells[0]!)) {
      const value = protocolValue(cells[1]!);
      if (value !== undefined) record(parsed, SESSION_PATH, 'SecurityProtocol', value, trimmed);
      continue;
    }
    if (cells.length === 3 && VALUE_NAME.test(cells[1]!) && readRow(parsed, cells[0]!, cells[1]!, cells[2]!, trimmed)) continue;

    // HealthChecker: `RegistryKey  Location  Value` rows (`NULL` for a value that is not there).
    const words = trimmed.split(/\s+/);
    if (words.length >= 3 && VALUE_NAME.test(words[0]!) && /^(SYSTEM|SOFTWARE)\\/i.test(words[1]!)) {
      const lastSpace = trimmed.search(/\s\S+$/);
      const location = trimmed.slice(words[0]!.length, lastSpace).trim();
      if (readRow(parsed, location, words[0]!, words[words.length - 1]!, trimmed)) continue;
    }

    // `[Net.ServicePointManager]::SecurityProtocol` output: the line after the command, or a paste of only that.
    if (PROTOCOL_LIST.test(trimmed) && (command?.tool === 'securityprotocol' || nonEmptyLines === 1)) {
      record(parsed, SESSION_PATH, 'SecurityProtocol', protocolValue(trimmed)!, trimmed);
      command = undefined;
      continue;
    }

    // Tables (`Get-ItemProperty … | Format-Table`, `| Select-Object A, B`): header, dashes, rows.
    const next = lines[i + 1];
    if (next !== undefined && next.length <= MAX_LINE && DASHES.test(next) && !DASHES.test(line)) {
      endList();
      endTable();
      table = { ...tableLayout(line, next), rows: 0 };
      i++;
      continue;
    }
    if (table) {
      readTableRow(parsed, table, line, command);
      continue;
    }

    // `Name : value` lists (Get-ItemProperty's default view, Format-List, HealthChecker's `SecurityProtocol: …`).
    const item = LIST_LINE.exec(line);
    if (item) {
      const [, name, raw] = item as unknown as [string, string, string];
      if (/^SecurityProtocol$/i.test(name)) {
        const value = protocolValue(raw);
        if (value !== undefined) record(parsed, SESSION_PATH, 'SecurityProtocol', value, trimmed);
        continue;
      }
      const column = line.length - raw.length;
      list ??= { entries: [], column };
      list.column = column;
      list.entries.push({ name, raw: raw.trim(), line: trimmed });
      continue;
    }
    // `Get-ItemPropertyValue` prints the bare number under its command.
    if (command?.tool === 'get-itemproperty' && command.key && command.names?.length === 1 && /^\d{1,10}$/.test(trimmed)) {
      record(parsed, command.key, command.names[0]!, Number(trimmed), trimmed);
      parsed.existing.add(pathKey(command.key)!);
    }
  }
  endList();
  endTable();
  return parsed;
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

/** A `path | name | value` or HealthChecker row; false when it is not a registry value. */
function readRow(parsed: ParsedPaste, where: string, name: string, raw: string, line: string): boolean {
  const key = canonicalPath(where);
  const value = parseNumber(raw);
  if (!key || value === undefined) return false;
  if (value !== null) parsed.existing.add(pathKey(key)!);
  record(parsed, key, name, value, line);
  return true;
}

function record(parsed: ParsedPaste, path: string, name: string, value: number | null, line: string): void {
  const key = path === SESSION_PATH ? SESSION_PATH.toLowerCase() : pathKey(path);
  if (!key) return;
  parsed.values.set(`${key}|${name.toLowerCase()}`, { path: canonicalPath(path) ?? path, name, value, line });
}

/** A DWORD as reg.exe (`0x1`), PowerShell (`1`) or HealthChecker (`NULL`) prints it; `''` is absent; undefined for anything else. */
function parseNumber(raw: string): number | null | undefined {
  const s = raw.trim();
  if (s === '' || /^NULL$/i.test(s)) return null;
  if (/^0x[0-9a-f]{1,8}$/i.test(s)) return parseInt(s.slice(2), 16);
  if (/^\d{1,10}$/.test(s)) return Number(s);
  return undefined;
}

/** `Ssl3, Tls` → 240; undefined when it is not a list of SecurityProtocolType names. */
function protocolValue(raw: string): number | undefined {
  if (!PROTOCOL_LIST.test(raw)) return undefined;
  let value = 0;
  for (const name of raw.split(',')) {
    const entry = Object.entries(SECURITY_PROTOCOL_TYPES).find(([n]) => n.toLowerCase() === name.trim().toLowerCase());
    value |= entry![1];
  }
  return value;
}

/** Key and value names from `Get-ItemProperty[Value] [-Path] 'HKLM:\…' [-Name A,B] [| Select-Object A, B]`. */
function gipArguments(rest: string): { key?: string; names?: string[] } {
  const [call = '', ...piped] = rest.split('|');
  const quoted = /(?:-(?:Literal)?Path\s+)?(["'])(.+?)\1/i.exec(call);
  const bare = /(?:-(?:Literal)?Path\s+)?((?:HKLM:|HKEY_LOCAL_MACHINE|Registry::)\S*)/i.exec(call);
  const key = canonicalPath(quoted?.[2] ?? bare?.[1] ?? '');
  const names = /-Name\s+((?:["']?[A-Za-z0-9_]+["']?\s*,\s*)*["']?[A-Za-z0-9_]+["']?)/i.exec(call);
  // Get-ItemPropertyValue takes the value name as its second positional argument.
  const positional = !names && quoted ? /^\s*(["']).+?\1\s+["']?([A-Za-z][A-Za-z0-9_]*)["']?\s*$/.exec(call) : null;
  const select = piped
    .map((p) => /^\s*(?:Select-Object|select|Format-List|fl|Format-Table|ft)\s+(?:-Property\s+)?(.+)$/i.exec(p))
    .find(Boolean);
  const list = (s: string) =>
    s
      .split(',')
      .map((n) => n.trim().replace(/^["']|["']$/g, ''))
      .filter((n) => /^[A-Za-z][A-Za-z0-9_]*$/.test(n));
  const asked = names
    ? list(names[1]!)
    : positional
      ? [positional[2]!]
      : select
        ? list(select[1]!).filter((n) => !PS_PROPERTIES.has(n.toLowerCase()))
        : undefined;
  return { key, names: asked?.length ? asked : undefined };
}

/** A table's columns: spans from the dashes under its header, named by the header's words. */
interface TableLayout {
  names: string[];
  spans: [number, number][];
  /** Index of the PSPath / Location column, the RegistryKey column and the Value column; -1 when absent. */
  location: number;
  registryKey: number;
  value: number;
}

/** Registry output has a handful of columns; a wider "table" is no registry output and is not read. */
const MAX_COLUMNS = 12;

function tableLayout(header: string, dashes: string): TableLayout {
  const spans: [number, number][] = [];
  for (const m of dashes.matchAll(/-+/g)) spans.push([m.index!, m.index! + m[0].length]);
  if (spans.length > MAX_COLUMNS) return { names: [], spans: [], location: -1, registryKey: -1, value: -1 };
  const names = spans.map(([start, end], k) =>
    header.slice(k === 0 ? 0 : start, k === spans.length - 1 ? undefined : Math.max(end, spans[k + 1]![0])).trim(),
  );
  const column = (pattern: RegExp) => names.findIndex((n) => pattern.test(n));
  return {
    names,
    spans,
    location: column(/^(PSPath|Location|Path|Key)$/i),
    registryKey: column(/^RegistryKey$/i),
    value: column(/^Value$/i),
  };
}

/**
 * One table row. A value column is any column named like a registry value; the key comes from a PSPath
 * column, a HealthChecker `Location` column, or the command above the table.
 */
function readTableRow(parsed: ParsedPaste, table: TableLayout, line: string, command: CommandContext | undefined): void {
  if (table.spans.length === 0) return;
  const cells = table.spans.map(([start], k) => {
    // Numbers are right-aligned: a cell runs from its column start to the next column start.
    const end = k + 1 < table.spans.length ? table.spans[k + 1]![0] : undefined;
    return line.slice(start, end).trim();
  });
  const { location, registryKey, value: valueColumn } = table;
  if (registryKey >= 0 && location >= 0 && valueColumn >= 0) {
    const key = canonicalPath(cells[location]!);
    const value = parseNumber(cells[valueColumn]!);
    if (key && value !== undefined) record(parsed, key, cells[registryKey]!, value, line.trim());
    return;
  }
  const key = location >= 0 ? canonicalPath(cells[location]!) : command?.key;
  if (!key) return;
  table.names.forEach((name, k) => {
    if (k === location || PS_PROPERTIES.has(name.toLowerCase()) || !VALUE_NAME.test(name)) return;
    const value = parseNumber(cells[k]!);
    if (value !== undefined) record(parsed, key, name, value, line.trim());
  });
  parsed.existing.add(pathKey(key)!);
}
