/**
 * Text helpers shared by the Markdown and plain-text importers: language detection,
 * ids, error-text clean-up, command recognition and reassembly, product names.
 * Everything here is pure and total: no input makes these functions throw.
 */
import type { Command, Lang, Localized, Placeholder, Product, Shell } from '../types';
import { ENGLISH_HINTS, GERMAN_HINTS, HCW_CODE_IN_TEXT, SIGN_IN_CODE_IN_TEXT } from '../vocabulary';

// ---------------------------------------------------------------- language

const GERMAN_WORDS = new Set(GERMAN_HINTS);
const ENGLISH_WORDS = new Set(ENGLISH_HINTS);

/** The language a text is written in, judged by common function words; English when unsure. */
export function detectLanguage(text: string): Lang {
  let de = 0;
  let en = 0;
  for (const word of text.toLowerCase().match(/[a-zäöüß]+/g) ?? []) {
    if (GERMAN_WORDS.has(word)) de++;
    if (ENGLISH_WORDS.has(word)) en++;
  }
  return de > en ? 'de' : 'en';
}

// ---------------------------------------------------------------- ids

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** `"Fehler beim Zugriff!"` → `fehler-beim-zugriff`; at most `maxWords` words. */
export function kebab(text: string, maxWords = 6): string {
  const words = text
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => TRANSLITERATION[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return words.slice(0, maxWords).join('-');
}

/** Makes `id` unique among `taken` by appending -2, -3, …; records it. */
export function uniqueId(id: string, taken: Set<string>): string {
  const base = id || 'symptom';
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}-${n}`;
  taken.add(candidate);
  return candidate;
}

const ID_STOPWORDS = new Set(
  'a an the of to in on for and or is are was were be been this that these it its your you we our with from by at as error errors message occurred occurs when while attempting try trying an der die das den dem des ein eine einer und oder ist sind wenn bei beim mit von zu zum zur auf für sie ihr ihre'.split(
    ' ',
  ),
);

/**
 * Exchange topics that make readable symptom ids. Ordered: the first topics mentioned
 * in a symptom name it (e.g. `hcw-domain-verification`, `federation-trust`).
 */
const TOPICS: Array<[string, RegExp]> = [
  ['free-busy', /\bfree\s*\/\s*busy\b|frei\s*\/\s*gebucht/i],
  ['cloud-archive', /\bcloud[- ]?(?:based )?archive|cloudarchiv/i],
  ['federation-trust', /federation trust|verbundvertrauensstellung|set-federatedorganizationidentifier/i],
  ['hcw', /\bHCW\b|hybrid configuration wizard|hybridkonfigurations-assistent/i],
  ['domain-verification', /domain verification|verify (?:a|the|your) domain|dom(?:ä|ae)nen(?:ü|ue)berpr(?:ü|ue)fung/i],
];

/**
 * A readable id for a symptom: an error code when the error has one (`hcw8078`,
 * `adsts50011`), else the first significant words of the error's distinctive part,
 * else the Exchange topics its description names. Symptoms written in prose (plain-text
 * articles) read better by topic first: `preferTopics`.
 */
export function symptomIdFor(description: string, error: string | undefined, preferTopics = false): string {
  const code = error ? (HCW_CODE_IN_TEXT.exec(error) ?? SIGN_IN_CODE_IN_TEXT.exec(error)) : null;
  if (code) return code[0].toLowerCase();
  const topics = topicsOf(description);
  if (preferTopics && topics) return topics;
  if (error) {
    const words = kebab(
      distinctivePart(error)
        .split(/\s+/)
        .filter((w) => !ID_STOPWORDS.has(w.toLowerCase().replace(/[^a-z]/g, '')))
        .join(' '),
      5,
    );
    if (words) return words;
  }
  if (topics) return topics;
  return kebab(
    description
      .split(/\s+/)
      .filter((w) => !ID_STOPWORDS.has(w.toLowerCase()))
      .join(' '),
    4,
  );
}

function topicsOf(text: string): string {
  const found: Array<{ at: number; id: string }> = [];
  for (const [id, pattern] of TOPICS) {
    const at = text.search(pattern);
    if (at >= 0) found.push({ at, id });
  }
  return found
    .sort((a, b) => a.at - b.at)
    .slice(0, 2)
    .map((t) => t.id)
    .join('-');
}

/** `System.Management.Automation.…Exception:` removed (one of the WRAPPERS). */
export function withoutAutomationException(text: string): string {
  return text.replace(/System\.Management\.Automation\.([\w.]*)(:?)/gi, (whole, rest: string, colon: string) =>
    colon && rest.length > 'Exception'.length && rest.slice(-'Exception'.length).toLowerCase() === 'exception' ? ' ' : whole,
  );
}

/** Wrapper text that many HCW and PowerShell errors share; it says nothing about the cause. Removed in this order. */
const WRAPPERS: Array<RegExp | ((text: string) => string)> = [
  /Execution of the [\w-]+ cmdlet ha(?:d|s) thrown an exception\.?/gi,
  /This may indicate invalid parameters in your hybrid configuration settings\.?/gi,
  /PowerShell failed to invoke '[\w-]+':/gi,
  /^\s*[\w-]+'\s*:/,
  /An error occurred while attempting to provision Exchange to the Partner STS\.?/gi,
  /Detailed Information:?/gi,
  /An (?:error occurred accessing|unexpected result was received from) Windows Live\.?"?/gi,
  /'?Subtask \w+ execution failed:[^.]*?(?=\.|$)\.?/gi,
  /^\s*(?:\[[^\]]*\]\s*)?ERROR\s*:\s*/i,
  /Updating hybrid configuration failed with error\s*'?/gi,
  // `System\.Management\.Automation\.[\w.]+Exception:`, which walked a long dotted run from each of its
  // `System.`s (quadratic). Every one of a run reaches the same end, so the run is read once, from its first.
  withoutAutomationException,
  /Microsoft\.Exchange\.Data\.Common\.LocalizedException:/gi,
];

/** The part of an error text that tells it apart from its siblings (wrappers removed). */
export function distinctivePart(error: string): string {
  let rest = error;
  for (const wrapper of WRAPPERS) rest = typeof wrapper === 'function' ? wrapper(rest) : rest.replace(wrapper, ' ');
  rest = rest
    .replace(/["'“”„.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return rest || error;
}

// ---------------------------------------------------------------- error texts

/** A .NET stack frame on a line of its own (`at Microsoft.Exchange….RunCommand(String cmdlet)`). */
export const FRAME_LINE =
  /^\s*(?:at\s+[A-Za-z_](?=([\w.`<>[\],]*))\1(?:\([^)]*(?:\)\s*(?:[\w'.]+\s*)?)?|\s*(?:[\w'.]+\s*)?)$|---\s*End of inner exception stack trace\s*---\s*$)/;
// FRAME_LINE tests what `^\s*(?:at\s+[A-Za-z_][\w.`<>[\],]*(?:\([^)]*\)?)?\s*[\w'.]*|---…---)\s*$` tested, in
// linear time: the name is taken whole (`(?=(…*))\1`, as JavaScript has no possessive `*+`; a shorter name
// never helps), and the spaces around the last word can be split only one way (three `\s*` next to each
// other made a long run of spaces cubic).
/** A .NET stack frame inside a line. */
const FRAME_INLINE = /(?<!\s)\s+at\s+[A-Za-z_][\w`<>[\],]*\.[\w.`<>[\],]+\s*\([^)]*(\))?/g;
// (From where a run of spaces begins only; and a frame whose `(` is never closed is kept and skipped whole,
// as every later one lacks its `)` too: tried again from each, it made the text quadratic.)
export const withoutInlineFrames = (text: string) => text.replace(FRAME_INLINE, (frame, close?: string) => (close ? ' ' : frame));
/** `text.replace(/<[^>]*>/g, ' ')`, but a `<` that is never closed is skipped with all that follows (not retried from each later `<`). */
export const withoutTags = (text: string) => text.replace(/<[^>]*(>)?/g, (tag, close?: string) => (close ? ' ' : tag));

/**
 * Turns an error block as an article shows it into one error text: stack frames
 * dropped, hard-wrapped lines joined with single spaces, web-copy artifacts removed.
 */
export function cleanErrorText(raw: string): string {
  const all = raw.replace(/\r\n?/g, '\n').replace(CLIXML_BREAK, '\n').split('\n');
  // Blank lines at the start go (found first and cut once: shifting them off one by one was quadratic).
  const first = all.findIndex((line) => line.trim());
  const lines = first < 0 ? [] : all.slice(first);
  // the command that printed the error, not part of the error
  if (lines.length > 1 && PROMPT_LINE.test(lines[0])) lines.shift();
  const kept = endParagraphs(lines.filter((line) => !FRAME_LINE.test(line)));
  let text = (kept.length > 0 ? kept : lines).join(' ');
  const withoutFrames = withoutInlineFrames(text);
  if (withoutFrames.trim()) text = withoutFrames;
  // a block that is nothing but a stack trace (wrapped frames, an XML wrapper): the frames are the error
  if (wordsOf(text) === 0 || /^\s*at\s+[A-Za-z_][\w`]*\./.test(withoutTags(lines.join(' ')))) text = lines.join(' ');
  text = text
    .replace(/[\u00a0\t]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // a bullet marker glued to the end of the block when a web page was copied
    .replace(/(?<!\s)\s+[-–•]$/, '')
    // an address written as a sample (`IP1.IP2.IP3.IP4`, `xxx.xxx.xxx.xxx`) is a placeholder: any address goes there
    .replace(SAMPLE_IP, '<IP address>')
    .trim();
  return text;
}

/**
 * A paragraph break inside an error block (a blank line in a quote or a code block) ends what stands before it: the
 * article shows separate lines of one report (an NDR's recipient address, then its `Remote Server returned …` line), and
 * a paste may hold other lines between them. Joined into one line they read as one sentence, whose words the matcher
 * expects in a row; a sentence end (`.`) where the paragraph has none keeps them apart. A paragraph that ends with
 * punctuation, a colon (`Description:`) or an arrow (`--->`), or one a record's field follows (`Source: …`), says itself how it goes on.
 */
function endParagraphs(lines: string[]): string[] {
  let next = '';
  const ended = [...lines];
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!lines[i].trim()) continue;
    if (next && !lines[i + 1].trim() && OPEN_END.test(lines[i]) && !FIELD_LABEL.test(next)) ended[i] = `${lines[i].trimEnd()}.`;
    next = lines[i];
  }
  return ended;
}

/** A line that ends in a letter, a digit or a closing quote or bracket: no punctuation says how it goes on. */
const OPEN_END = /[\p{L}\p{N}'"`’”)\]][ \t]*$/u;
/** A record's field (`Source: …`, `Event ID: 4002`, `ErrorSummary: …`): the field name already says where the one before it ends. */
const FIELD_LABEL = /^[ \t]*[A-Z][\w-]*(?: [A-Za-z]+){0,2}[ \t]*:(?=\s|$)/;

/** An IPv4 address written as a sample: four `IPn` or `x` parts. */
const SAMPLE_IP = /\b(?:IP\d|x{1,3})(?:\.(?:IP\d|x{1,3})){3}\b/gi;

/** `_x000A_`: a line break as PowerShell's CliXml export (`Export-CliXml`) writes it, sometimes cut short by a line wrap. */
const CLIXML_BREAK = /_x000[AD]_?/g;
/** A PowerShell prompt with the command typed at it (`[PS] C:\>Set-FederationTrust …`); Markdown escaping often eats the backslash. */
const PROMPT_LINE = /^\s*(?:\[PS\]\s*|PS\s+)[A-Za-z]:\\?[^>\n]*>/;

/** Words of three letters or more outside XML tags: whether anything but markup is left once the frames are gone. */
function wordsOf(text: string): number {
  return (withoutTags(text).match(/[A-Za-z]{3,}/g) ?? []).length;
}

/** Identity of an error text for de-duplication within one article. */
export function errorKey(error: string): string {
  return error
    .toLowerCase()
    .replace(/[^a-z0-9äöüß]+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------- prose artifacts

/** PowerShell's approved verbs (those that show up in Exchange cmdlets). */
const VERBS =
  'Add|Clear|Close|Connect|Convert|Copy|Disable|Disconnect|Dismount|Enable|Export|Find|Get|Grant|Import|Install|Invoke|Join|Mount|Move|New|Out|Publish|Read|Redirect|Register|Remove|Reset|Restart|Restore|Resume|Revoke|Search|Select|Send|Set|Start|Stop|Suspend|Test|Uninstall|Unregister|Update|Write';
/** `cmdletSet-Foo` / `SieSet-Foo`: inline code glued to the word before it by a web-page copy. */
const GLUED_CMDLET = new RegExp(`([a-zäöüß])((?:${VERBS})-[A-Z][A-Za-z]+)`, 'g');

/** Repairs extraction artifacts of text copied from web pages (see the seed article). */
export function fixProseArtifacts(text: string): string {
  return text
    .replace(/\b(Add|Remove|Get)-PSSnap in\b/g, '$1-PSSnapin')
    .replace(GLUED_CMDLET, '$1 $2')
    .replace(/\u00a0/g, ' ');
}

// ---------------------------------------------------------------- commands

const CMDLET = new RegExp(`^(?:${VERBS})-[A-Za-z][\\w]*\\b`, 'i');
/** A tool's name first; `setup` only before a switch (`Setup /PrepareAD`; `Setup encountered a problem …` is its error). */
const NATIVE =
  /^(?:setup(?=$|\s+[/-])|netsh|nslookup|iisreset|ipconfig|certutil|reg|sc|net|cd|dism|cscript|wevtutil|w32tm|powershell(?:\.exe)?|ping|tracert|telnet|curl|dsquery|repadmin|dcdiag|schtasks|ldifde|csvde|icacls|setspn|netdom|nltest|klist|msiexec)\b/i;

/** Whether a line reads like a command someone types (not output, not prose, not an error record). */
export function looksLikeCommand(line: string): boolean {
  const text = stripPrompt(line.trim());
  if (!text) return false;
  // `Set-Mailbox : Couldn't find…` and `Set-X': An error…` are error records, not commands
  if (/^[A-Za-z]+-[A-Za-z]+\s*(?::\s|'\s*:)/.test(text)) return false;
  return (
    CMDLET.test(text) ||
    /^\$[\w:]+\s*(?:=|\.|\||\[|$)/.test(text) ||
    /^\[[\w.]+\]::/.test(text) ||
    /^\.\\|^&\s/.test(text) ||
    // `setup.exe /m:upgrade`, `PSTCapture.msi /lxv …`, and with its path: `D:\setup.exe /m:upgrade …` (a path followed by
    // prose is no command line: `C:\…\w3wp.exe crashed`)
    /^[\w.-]+\.(?:exe|cmd|bat|ps1|msi)\b/i.test(text) ||
    /^[A-Za-z]:\\(?:[^\s\\]+\\)*[\w.-]+\.(?:exe|cmd|bat|ps1|msi)(?:$|\s+[/-]\w)/i.test(text) ||
    NATIVE.test(text)
  );
}

/** `[PS] C:\>Get-X` / `PS C:\> Get-X` / `C:\>setup` → the command alone. */
function stripPrompt(line: string): string {
  return line.replace(/^(?:\[PS\]\s*|PS\s+)?[A-Za-z]:\\[^>]*>\s*/, '').replace(/^PS>\s*/, '');
}

/** Common PowerShell parameters people type in any case; the canonical spelling is shown. */
const COMMON_PARAMETERS = ['Verbose', 'Debug', 'WhatIf', 'Confirm', 'ErrorAction', 'WarningAction', 'ErrorVariable', 'OutVariable'];

/**
 * One command on one line: continuation lines joined, prompt and artifacts removed,
 * common parameters (`-verbose`) in their canonical case (PowerShell ignores case, so
 * this changes nothing but makes two spellings of one command compare equal).
 */
export function normalizeCommand(code: string): string {
  let text = fixProseArtifacts(stripPrompt(code.trim()))
    // Markdown escapes left in code by article authors (`\$true`, `\|`, `\<name\>`); backslash is no escape in PowerShell
    .replace(/(?<=^|[\s"'(=,{;|<])\\([$|<>*_])/g, '$1')
    .replace(/\\([<>|])/g, '$1')
    // en and em dashes from word processors in front of parameter names
    .replace(/(^|\s)[\u2013\u2014]([A-Za-z])/g, '$1-$2')
    // `Get-WebServicesVirtualDirectory-Identity`: a cmdlet name has one hyphen, the second starts a parameter
    .replace(new RegExp(`^((?:${VERBS})-[A-Za-z]+)-([A-Z][A-Za-z]+)\\b`), '$1 -$2')
    .replace(/\s+/g, ' ')
    .trim();
  for (const name of COMMON_PARAMETERS) {
    text = text.replace(new RegExp(`(^|\\s)-${name}(?=$|[\\s:])`, 'gi'), `$1-${name}`);
  }
  return text;
}

/** Whether `line` continues the command in `previous` (PowerShell line-continuation rules and web-copy habits). */
function continuesCommand(previous: string, line: string): boolean {
  const prev = previous.trimEnd();
  const next = line.trim();
  if (!next) return false;
  if (/[`|,{(]$/.test(prev)) return true;
  if (/^-[A-Za-z]/.test(next) && !/^-{2,}/.test(next)) return true;
  if (/^\|/.test(next)) return true;
  if (unbalancedQuotes(prev)) return true;
  return false;
}

function unbalancedQuotes(text: string): boolean {
  let single = false;
  let double = false;
  for (const ch of text) {
    if (ch === "'" && !double) single = !single;
    else if (ch === '"' && !single) double = !double;
  }
  return single || double;
}

/**
 * Splits the lines of a code block (or of copied text) into whole commands: a command
 * whose parameters continue on the following lines becomes one line again. Lines that
 * are not commands and do not continue one are left out (comments, output, prose).
 */
export function assembleCommands(lines: string[]): string[] {
  return scanCommands(lines).commands;
}

/**
 * The lines of a code block that are neither commands, their continuations nor comments:
 * what the commands printed (`Get-X | fl` followed by its output, or output alone).
 */
export function outputLines(lines: string[]): string[] {
  return scanCommands(lines).output;
}

function scanCommands(lines: string[]): { commands: string[]; output: string[] } {
  const commands: string[] = [];
  const output: string[] = [];
  let current: string | null = null;
  const flush = (): void => {
    if (current !== null) {
      const command = normalizeCommand(current);
      if (command) commands.push(command);
    }
    current = null;
  };
  for (const raw of lines) {
    const line = raw.trimEnd();
    const trimmed = line.trim();
    if (!trimmed) {
      if (current !== null && !unbalancedQuotes(current)) flush();
      if (current === null) output.push('');
      continue;
    }
    if (trimmed.startsWith('#') && current === null) continue;
    if (current !== null && continuesCommand(current, trimmed)) {
      const prev: string = current.trimEnd();
      if (prev.endsWith('`')) current = `${prev.slice(0, -1).trimEnd()} ${trimmed}`;
      else if (prev.endsWith(',') && !/^-/.test(trimmed)) current = `${prev}${trimmed}`;
      else current = `${prev} ${trimmed}`;
      continue;
    }
    flush();
    if (looksLikeCommand(trimmed)) current = trimmed;
    else output.push(line);
  }
  flush();
  return { commands, output };
}

/**
 * The shell a command runs in, judged from the command, the code block's language and the
 * text around it: `context` is the nearest text first (the step, then its section); the
 * first text that names a shell decides.
 */
export function shellFor(code: string, language: string, context: string | string[]): Shell {
  const lang = language.toLowerCase();
  const powershellish =
    CMDLET.test(code) || /^\$/.test(code) || /^\[[\w.]+\]::/.test(code) || /\|\s*(?:fl|ft|format-|where|select)/i.test(code);
  if (!powershellish && (/^(?:console|cmd|bat|batch|dos)$/.test(lang) || NATIVE.test(code) || /^[\w.-]+\.(?:exe|cmd|bat)\b/i.test(code))) {
    return 'cmd';
  }
  if (/^(?:bash|sh|shell)$/.test(lang)) return 'bash';
  for (const text of Array.isArray(context) ? context : [context]) {
    const online = text.search(/exchange online powershell|connect(?:ed)? to exchange online|Connect-ExchangeOnline/i);
    const onPremises = text.search(
      /exchange management shell|\bEMS\b|exchange-verwaltungsshell|verwaltungsshell|Add-PSSnapin Microsoft\.Exchange/i,
    );
    if (online >= 0 && (onPremises < 0 || online < onPremises)) return 'exchange-online-powershell';
    if (onPremises >= 0) return 'exchange-management-shell';
  }
  return 'powershell';
}

const PLACEHOLDER_TEXT: Record<Lang, (name: string) => string> = {
  en: (name) => `Replace <${name}> with the value for your organization.`,
  de: (name) => `<${name}> durch den Wert Ihrer Organisation ersetzen.`,
};

/** The `<name>` placeholders of a command, each once, in order (names trimmed: `< X >` is `X`). */
export function placeholdersOf(code: string, lang: Lang): Placeholder[] {
  const names: string[] = [];
  // the same reading of `<…>` as the schema's check, so every placeholder it finds is explained
  for (const match of code.matchAll(/<([^<>]+)>/g)) {
    const name = match[1].trim();
    if (name && !names.includes(name)) names.push(name);
  }
  return names.map((name) => ({ name, description: { [lang]: PLACEHOLDER_TEXT[lang](name) } as Localized }));
}

/** Shells in which `<` is never an operator (PowerShell reserves it), so every `<…>` is a placeholder. */
const PLACEHOLDER_SAFE_SHELLS: ReadonlySet<Shell> = new Set(['powershell', 'exchange-management-shell', 'exchange-online-powershell']);

/**
 * `<name_of_room_mailbox >`, `< X >` → `<name_of_room_mailbox>`, `<X>`: articles pad placeholders with spaces,
 * which users would copy. Only in PowerShell: in cmd and bash `sort < in.txt > out.txt` is two redirections.
 */
export function tidyPlaceholders(code: string, shell: Shell): string {
  if (!PLACEHOLDER_SAFE_SHELLS.has(shell)) return code;
  return code.replace(/<([^<>]+)>/g, (whole, name: string) => (name.trim() ? `<${name.trim()}>` : whole));
}

/** A command ready for an article: shell decided, placeholders tidied and listed. */
export function makeCommand(code: string, language: string, context: string | string[], lang: Lang): Command {
  const shell = shellFor(code, language, context);
  const command: Command = { shell, code: tidyPlaceholders(code, shell) };
  const placeholders = placeholdersOf(command.code, lang);
  if (placeholders.length > 0) command.placeholders = placeholders;
  return command;
}

// ---------------------------------------------------------------- products

/** `Exchange Server 2013 Enterprise`, `Exchange Online`, … → products with their versions, merged by name. */
export function productsFrom(names: string[]): Product[] {
  const products: Product[] = [];
  for (const raw of names) {
    const text = raw
      .replace(/^Exchanger\b/, 'Exchange')
      .replace(/\s+/g, ' ')
      .trim();
    if (!text) continue;
    // (`text` has single spaces: `\s+` was one space, and a long run of spaces could make it quadratic.)
    const match = /^(.*?) ((?:SE|LTSC|\d{4})\b.*)$/.exec(text);
    let name = text;
    let version = '';
    if (match) {
      name = match[1].trim();
      version = match[2]
        .replace(/\bService Pack\s*(\d+)/i, 'SP$1')
        .replace(/\b(?:Enterprise|Standard|Edition|Professional|MSI)\b/gi, '')
        .replace(/\s+/g, ' ')
        .trim();
    }
    let product = products.find((p) => p.name.toLowerCase() === name.toLowerCase());
    if (!product) {
      product = { name, versions: [] };
      products.push(product);
    }
    if (version && !product.versions.includes(version)) product.versions.push(version);
  }
  return products;
}

// ---------------------------------------------------------------- prose

/** Collapses runs of spaces inside lines and of blank lines, trims. */
export function tidy(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => {
      const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '   ') ?? '';
      return indent + line.trim().replace(/[ \t]+/g, ' ');
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A localized text in one language, or undefined when empty. */
export function localized(lang: Lang, text: string): Localized {
  return { [lang]: text } as Localized;
}
