/**
 * Compares what a paste shows (parse.ts) with the rules (rules.ts): per rule OK, wrong, missing or not in
 * the paste, and the exact commands that set exactly the wrong and missing values.
 */
import type { Lang } from '../knowledge/types';
import { parsePaste, SESSION_PATH, type ParsedPaste } from './parse';
import { pathKey, powershellPath } from './paths';
import { accepts, RECOGNISED_ONLY_KEYS, RULES, type Rule } from './rules';

export interface Finding {
  rule: Rule;
  /** The value shown; null when the paste shows it is absent, or does not show it at all (then `ok` is null). */
  found: number | null;
  /** true: as expected; false: wrong or missing; null: the paste doesn't show this setting. */
  ok: boolean | null;
  /** The line of the paste that showed it. */
  line?: string;
}

export interface FixCommand {
  /** Where to run it: reg.exe commands run in both; the session command in PowerShell only. */
  shell: 'powershell';
  code: string;
  /** The rules this command fixes. */
  rules: string[];
}

export interface Diagnosis {
  /** True when the paste shows any TLS setting PasteFix knows: then it is a configuration, not an error. */
  recognised: boolean;
  findings: Finding[];
  /** One per wrong or missing setting, in rule order. */
  commands: FixCommand[];
  /** Commands that read the settings the paste doesn't show, one per registry key (and the session). */
  readCommands: string[];
  /** Some fix changes SCHANNEL or WinHTTP, which Windows reads at start only. */
  rebootNeeded: boolean;
  /** Language of the paste's own messages, when they told. */
  lang?: Lang;
}

/**
 * False when `text` cannot show a configuration `diagnose` recognises with the built-in rules — a cheap test, so
 * an error paste (nearly every paste) is not read line by line for registry output. A recognised value is
 * under one of the rules' registry keys (or the recognised-only ones), and every backslash of such a key comes
 * from the paste (the parser only trims, strips quotes, collapses doubled backslashes and adds `HKLM\` before a
 * bare `SYSTEM\…`): a paste with fewer backslashes can't name one. The session setting needs the word
 * `SecurityProtocol`, except in a paste of one line (a bare `Tls12`).
 */
export function mayShowConfiguration(text: string): boolean {
  let backslashes = 0;
  for (let i = text.indexOf('\\'); i >= 0 && backslashes < MIN_KEY_BACKSLASHES; i = text.indexOf('\\', i + 1)) backslashes++;
  if (backslashes >= MIN_KEY_BACKSLASHES) return true;
  return /securityprotocol/i.test(text) || !twoLines(text);
}

/** True when two lines hold more than white space (as parse.ts counts lines: split at line feeds). */
function twoLines(text: string): boolean {
  const first = text.search(/\S/);
  const lineEnd = first < 0 ? -1 : text.indexOf('\n', first);
  return lineEnd >= 0 && /\S/.test(text.slice(lineEnd + 1));
}

/** The fewest backslashes a paste needs to name a registry key of a rule (one less than the key, for `HKLM\`). */
const MIN_KEY_BACKSLASHES =
  Math.min(...[...RULES.filter((r) => r.kind !== 'session').map((r) => r.path), ...RECOGNISED_ONLY_KEYS].map(backslashCount)) - 1;

function backslashCount(path: string): number {
  return path.split('\\').length - 1;
}

export function diagnose(text: string, rules: readonly Rule[] = RULES): Diagnosis {
  const parsed = parsePaste(text);
  const findings = rules.map((rule) => judge(rule, parsed));
  const recognised =
    findings.some((f) => f.ok !== null) ||
    [...parsed.values.values()].some((o) => o.value !== null && RECOGNISED_ONLY_KEYS.some((k) => pathKey(k) === pathKey(o.path)));
  const wrong = findings.filter((f) => f.ok === false);
  const commands = wrong.map((f) => fixCommand(f.rule, parsed));
  const unseenKeys = [...new Set(findings.filter((f) => f.ok === null).map((f) => f.rule.path))];
  return {
    recognised,
    findings,
    commands,
    readCommands: recognised ? unseenKeys.map(readCommand) : [],
    rebootNeeded: wrong.some((f) => f.rule.reboot),
    lang: parsed.lang,
  };
}

function judge(rule: Rule, parsed: ParsedPaste): Finding {
  const key = rule.kind === 'session' ? SESSION_PATH.toLowerCase() : pathKey(rule.path)!;
  const seen = parsed.values.get(`${key}|${rule.name.toLowerCase()}`);
  if (seen) return { rule, found: seen.value, ok: seen.value !== null && accepts(rule, seen.value), line: seen.line };
  // The paste lists the whole key (or shows it doesn't exist) and this value isn't in it.
  if (parsed.complete.has(key)) return { rule, found: null, ok: false };
  return { rule, found: null, ok: null };
}

/**
 * The command that sets exactly this value. New-ItemProperty needs its key to exist; when the paste doesn't
 * show that it does, `reg add` is used, which creates a missing key and leaves everything else in it alone.
 */
function fixCommand(rule: Rule, parsed: ParsedPaste): FixCommand {
  if (rule.kind === 'session') {
    return {
      shell: 'powershell',
      code: '[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12',
      rules: [rule.id],
    };
  }
  const code = parsed.existing.has(pathKey(rule.path)!)
    ? `New-ItemProperty -Path '${powershellPath(rule.path)}' -Name ${rule.name} -Value ${rule.expected} -PropertyType DWord -Force`
    : `reg add "${rule.path}" /v ${rule.name} /t REG_DWORD /d ${rule.expected} /f`;
  return { shell: 'powershell', code, rules: [rule.id] };
}

/** Lists every value of the key (and says so when the key is missing), in a shape the parser reads back. */
function readCommand(path: string): string {
  return path === SESSION_PATH ? '[Net.ServicePointManager]::SecurityProtocol' : `reg query "${path}"`;
}
