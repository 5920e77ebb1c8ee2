/**
 * Turning what people paste into comparable tokens.
 *
 * The same `tokenize` runs over article error texts at index time and over pastes at query time, so
 * every folding here (case, umlauts, HTML entities, quotes, wrapped lines) makes both sides meet.
 */

import { HOST_TLDS, isCmdletName } from '../knowledge/vocabulary';
import { replaceHostNames, type HostNameShape } from './hostNames';
import { DEFAULT_PARAMETERS } from './parameters';
import { plainConstructor } from './plain';

/** A token of the paste, and the line it came from (for quoting the recognised line back). */
export interface Token {
  /** Folded form used for matching. */
  term: string;
  /** 0-based index of the source line in the cleaned paste. */
  line: number;
  /** Inside single quotes on its line ('Alex Wilber', 'contoso.com'): a name or value that varies between pastes. */
  quoted?: true;
  /**
   * Right after a quoted value whose words clean-up dropped ('fabrikam.com', a URL): the value stood before this
   * token (score.ts reads what a paste says after a value).
   */
  afterValue?: true;
  /**
   * The last word of what a line ends with as quoted: a message in double quotes (markQuoteEnd) or a sentence
   * (SENTENCE_AT_LINE_END). What follows is not the error's.
   */
  quoteEnd?: true;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  szlig: 'ß',
  laquo: '«',
  raquo: '»',
  bdquo: '„',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

/** Decodes the HTML entities that web pages leave in copied text (`&quot;`, `&#39;`, `&#x27;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name] ?? whole;
  });
}

/**
 * E-mail addresses: `\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b`, tried only where a run of `[\w.+-]` begins (every
 * start inside a run reaches the same `@`, so one try per run finds the same address). Tried at every
 * character, a long run without `@` (`a.a.a.a…`) took quadratic time. The run's leading `.+-` stay, as the
 * address began at the first word character; `cleanPaste` puts them back.
 */
export const EMAIL = /(?<![\w.+-])([.+-]*)(?=\w)[\w.+-]*@[\w-]+(?:\.[\w-]+)+\b/g;

/** Host and domain names (`mail.contoso.com`, `contoso.onmicrosoft.com`): see hostNames.ts for why not a regex. */
const HOST_NAMES: HostNameShape = {
  tlds: HOST_TLDS,
  labels: 'strict',
};

/** A URL, up to a space or a single quote: `'https://…/mrsproxy.svc'` closes its quote (tokenize reads what is quoted). */
const URL_PATTERN = /\bhttps?:\/\/[^\s']+/gi;

/**
 * An Exchange address written as a directory path. An IMCEA-encapsulated one
 * (`IMCEAEX-_O=MMS_OU=EXCHANGE+20ADMINISTRATIVE+20GROUP…@…`) runs up to a space or a quote, an article's placeholders
 * in it (`cn=<username>@<server name>.local`), a sentence's last stop not its own. A legacy distinguished name
 * (`/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=jdoe`, also after `X500:`) runs
 * part by part up to a slash, its last `cn=` up to a space. Each is one value, as an e-mail address is: its `O=`, `OU=`
 * and `CN=` parts are one organisation's names, not words of a message. Only the kind stays (`IMCEAEX`, `X500`), which
 * says what sort of address the error names. Each pattern starts only at `IMCEA` or `/o=`.
 */
const IMCEA_ADDRESS = /\b(IMCEA[A-Za-z]{2,8})-(?:<[^<>\n]{1,40}>|[^\s'"<>])*(?:<[^<>\n]{1,40}>|[^\s'"<>.,;:!?)\]])/g;
const LEGACY_DN = /(?<![\w/])(X500:)?\/o=[^/\n'"]{1,100}(?:\/(?:ou|cn)=[^/\n'"]{1,100})*\/cn=[^\s/'"]*[^\s/'".,;:!?)\]]/gi;

/**
 * Whose directory-path addresses `text` holds (IMCEA_ADDRESS, LEGACY_DN): `cloud` for Exchange Online's own organisation
 * (`O=ExchangeLabs`, the same in every tenant's legacy distinguished names), `premises` for another organisation's name (an
 * on-premises one: `_o=Fabrikam_ou=…`, `/o=Contoso/ou=…`); a placeholder (`/o=<organization>`) is neither. Clean-up keeps
 * only an address's kind; this reads the one part that is no organisation's own name.
 */
export function directoryOrganisations(text: string): { cloud: boolean; premises: boolean } {
  const out = { cloud: false, premises: false };
  if (!text.includes('IMCEA') && !/\/o=/i.test(text)) return out;
  for (const m of text.matchAll(IMCEA_ADDRESS)) readOrganisation(/_o=([^_\s'"]*)/i.exec(m[0])?.[1], out);
  for (const m of text.matchAll(LEGACY_DN)) readOrganisation(/\/o=([^/\n'"]*)/i.exec(m[0])?.[1], out);
  return out;
}

function readOrganisation(name: string | undefined, out: { cloud: boolean; premises: boolean }): void {
  if (name === undefined || name === '' || /[<>{}[\]*]/.test(name)) return;
  if (/^exchangelabs$/i.test(name)) out.cloud = true;
  else out.premises = true;
}

/** `text` with its directory-path addresses (IMCEA_ADDRESS, LEGACY_DN) read as one value each: only their kind stays. */
export function withoutDirectoryAddresses(text: string): string {
  let t = text;
  // The kind ends where the address did: a quote right after it still closes the one before it (`"X500:/o=…"`).
  if (t.includes('IMCEA')) t = t.replace(IMCEA_ADDRESS, ' $1');
  if (t.includes('=') && /\/o=/i.test(t)) t = t.replace(LEGACY_DN, (_, x500: string | undefined) => (x500 ? ' X500' : ' '));
  return t;
}

/**
 * A distinguished name's domain components (`DC=contoso,DC=com`, `DC=XYZ,DC=COM`): the directory's domain name written as a
 * path, which varies like a host name and says nothing of which error it is. Dropped on both sides, as host names are: an
 * article's `…,CN=Deleted Objects,DC=contoso,DC=com on the…` is a paste's `…,DC=zorg,DC=local on the…`. Starts only at `DC=`;
 * a sentence's last stop (`…,DC=com.`) is not the name's.
 */
const DOMAIN_COMPONENT = String.raw`DC=[^,;\s'"\\<>]*[^,;\s'"\\<>.:!?)\]]`;
const DOMAIN_COMPONENTS = new RegExp(String.raw`\b${DOMAIN_COMPONENT}(?:, ?${DOMAIN_COMPONENT})*`, 'gi');

const GUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}[ t]\d{1,2}:\d{2}(:\d{2}([.,]\d+)?)?(z|[+-]\d{2}:?\d{2})?/gi;
const TIME = /\b\d{1,2}:\d{2}:\d{2}([.,]\d+)?\b/g;

// Values that differ from one paste to the next and never identify a problem.
const VOLATILE: RegExp[] = [
  GUID, // GUIDs
  ISO_TIME, // ISO timestamps
  /\b\d{1,2}[./]\d{1,2}[./](\d{4}|\d{2}(?= \d{1,2}:))( \d{1,2}:\d{2}(:\d{2})?( ?[ap]m)?)?/gi, // local dates (not 5.7.64)
  TIME, // times
  EMAIL, // e-mail addresses
  URL_PATTERN, // URLs
  /\b(?:\d{1,3}\.){3}\d{1,3}\b/g, // IPv4
];

/** "can't", "isn't": the negation is a word of its own ("cannot", "is not"), not a stray "t". Pastes and article prose alike. */
export function splitNegations(text: string): string {
  return text
    .replace(/\b(can|won)['’]t\b/gi, (_, w: string) => (w.toLowerCase() === 'can' ? 'cannot' : 'will not'))
    .replace(/n['’]t\b/gi, ' not');
}

/** SMTP status codes (5.7.64, 4.4.7) name a failure: each is kept as one word (`smtp5x7x64`). Pastes and article prose alike. */
export function markSmtpCodes(text: string): string {
  return text
    .replace(/\b([245])(\d\d) \1\.([0-7]) (\d{1,3})\b/g, '$1$2 $1.$3.$4')
    .replace(/\b([245])\.([0-7])\.(\d{1,3})\b/g, 'smtp$1x$2x$3');
}

/** The status codes in words read by markSmtpCodes as they were written (`smtp5x7x931` → `5.7.931`), to show them to a user. */
export function unmarkSmtpCodes(words: string): string {
  return words.includes('smtp') ? words.replace(/\bsmtp(\d)x(\d)x(\d+)\b/g, '$1.$2.$3') : words;
}

/**
 * Cleans a paste for tokenizing, keeping its lines: decodes entities, removes volatile values,
 * re-joins words split by a hyphen at a line end.
 */
export function cleanPaste(text: string): string[] {
  // Each pass below is skipped when the paste lacks a character every one of its matches holds (&, a carriage return,
  // an apostrophe, "-" before a line end, "://"): the same text, without scanning it again for nothing.
  let t = (text.includes('&') ? decodeEntities(text) : text).normalize('NFKC');
  if (t.includes('\r')) t = t.replace(/\r\n?/g, '\n');
  t = markSmtpCodes(t.includes("'") || t.includes('’') ? splitNegations(t) : t);
  // Exchange Online's message trace writes a delivery's last error as fields (`{LED=450 4.4.316 Connection refused};{MSG=Socket
  // error code 10061}`): its MSG is the `[Message=…]` of the same error in a bounce or a queue.
  if (t.includes('{MSG=')) t = t.replace(/\{MSG=/g, '{Message=');
  // The Hybrid Configuration Wizard's log times each call it finishes (`[Client=UX, …, Thread=19] FINISH Time=184.1ms Results=…`),
  // where the articles quote the line without it (`…Thread=<ID>] Results=…`): the timing is the log's, not the error's.
  if (t.includes('FINISH Time=')) t = t.replace(/\] FINISH Time=[\d.]+ ?ms /g, '] ');
  // A code run into the word before it (`possible mail loopATTR34`: copying from a web page lost the line break) is a word of its own.
  t = t.replace(/\b([a-z]{2,})([A-Z]{2,}\d+)\b/g, '$1 $2');
  t = withoutDirectoryAddresses(t);
  for (const re of VOLATILE) {
    // Every address holds an @: most pastes have none, and the address pattern's lookbehind at every character
    // was a quarter of this function's time on a PowerShell error record.
    if (re === EMAIL && !t.includes('@')) continue;
    if (re === URL_PATTERN && !t.includes('://')) continue;
    // A GUID's hyphens, an ISO date's and a time's colons stand at fixed distances: most pastes have no such pair.
    if (re === GUID && !hasSpaced(t, '-', 5, 3)) continue;
    if (re === ISO_TIME && !hasSpaced(t, '-', 3, 1)) continue;
    if (re === TIME && !hasSpaced(t, ':', 3, 1)) continue;
    t = t.replace(re, re === EMAIL ? '$1 ' : ' ');
  }
  t = replaceHostNames(t, HOST_NAMES, ' ');
  if (t.includes('=') && /dc=/i.test(t)) t = t.replace(DOMAIN_COMPONENTS, ' ');
  // "connec-\ntion" → "connection", but keep "-Enabled" parameter lines intact.
  if (t.includes('-\n')) t = t.replace(/([a-zäöüß])-\n\s*([a-zäöüß])/g, '$1$2');
  return stripLineLabels(t.split('\n'));
}

/**
 * Where a line's label ends (after its colon), -1 when it has none: one word of two or more ASCII letters and a colon at
 * the line's start (after spaces), then a space or the line's end (`Error: `, `VERBOSE:`). A scan, not a regular
 * expression: it runs on every line of every paste and most lines have no label.
 */
function labelEnd(line: string): number {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  const start = i;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i) | 32;
    if (c < 97 || c > 122) break;
  }
  if (i - start < 2 || line.charCodeAt(i) !== 58) return -1;
  const next = line.charCodeAt(i + 1);
  return Number.isNaN(next) || next === 32 || next === 9 ? i + 1 : -1;
}

/**
 * Lines in a row that all start with the same label (`Error: ` before each wrapped line of a PowerShell record that a
 * script logged, `VERBOSE: `), at least `minLines` of them, are read without it: the label is the log's, and the message it
 * wraps goes on from one line to the next (`…tagged with` / `following Send Connectors…`) as the tool printed it. A label
 * on one or two lines is a field (`Error: 0x80070005`) and stays. Lines are changed in place; linear in the text.
 */
export function stripLineLabels(lines: string[], minLines = DEFAULT_PARAMETERS.paste.labelLines): string[] {
  if (lines.length < minLines) return lines;
  for (let i = 0; i < lines.length;) {
    const end = labelEnd(lines[i]);
    if (end < 0) {
      i++;
      continue;
    }
    const label = lines[i].slice(0, end).trimStart();
    let j = i + 1;
    while (j < lines.length && labelEnd(lines[j]) >= 0 && lines[j].trimStart().startsWith(label)) j++;
    if (j - i >= minLines) for (let k = i; k < j; k++) lines[k] = ' '.repeat(labelEnd(lines[k])) + lines[k].slice(labelEnd(lines[k]));
    i = j;
  }
  return lines;
}

/**
 * True when `text` holds `count` + 1 of the character `c`, each `gap` after the one before (`hasSpaced(t, '-', 5, 3)`:
 * the hyphens of a GUID, `8-4-4-4-12`). Every match of the pattern it guards holds such a run.
 */
export function hasSpaced(text: string, c: string, gap: number, count: number): boolean {
  const code = c.charCodeAt(0);
  const reach = gap * count;
  for (let i = text.indexOf(c); i >= 0 && i + reach < text.length; i = text.indexOf(c, i + 1)) {
    let k = 1;
    while (k <= count && text.charCodeAt(i + k * gap) === code) k++;
    if (k > count) return true;
  }
  return false;
}

/**
 * Folds a word: lower case, umlauts and their ASCII spellings to one form (`für`, `fuer`, `fur` → `fur`),
 * accents removed, a hex number written as its value (`hexValue`). Applied identically to articles and pastes.
 * `ae`, `oe`, `ue` are read as an umlaut's ASCII spelling only where German writes one: at the word's start or after a
 * consonant other than `q`, and before a consonant (`Aenderung`, `Loeschen`, `Ueberpruefung`). Elsewhere they are the
 * letters themselves: English `request`, `query`, `due`, `value` keep them (`due` folded to German `du`, a stop word),
 * and so do German diphthongs (`neue`, `Dauer`), which no umlaut spells.
 */
export function foldWord(word: string): string {
  let folded = FOLDED.get(word);
  if (folded === undefined) {
    folded = word
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .replace(ASCII_UMLAUT, '$1')
      .replace(/ä/g, 'a')
      .replace(/ö/g, 'o')
      .replace(/ü/g, 'u')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    folded = hexValue(folded);
    // Words repeat (near-duplicate articles, log lines): fold each once. Bounded, so arbitrary input can't grow it.
    if (FOLDED.size >= FOLD_CACHE_SIZE) FOLDED.clear();
    FOLDED.set(word, folded);
  }
  return folded;
}

const HEX = /^0x[0-9a-f]+$/;
const BARE_HRESULT = /^80[0-9a-f]{6}$/;

/**
 * One value, one term: a hex number of up to eight digits with leading zeros (`0x000004dc`, `0x0004dc`) is the number
 * without them (`0x4dc`; zero is `0x0`; longer ones, offsets and addresses, stay as they are for termsOf to drop), and an
 * HRESULT written without its `0x` (`80070005`, `800CCC0E`: eight hex digits from `80`) is the HRESULT with it. Tools pad
 * result codes to different widths and some print them bare; the digits that agree are the same code. `w` is folded.
 */
function hexValue(w: string): string {
  const n = w.length;
  if (n >= 4 && n <= 10 && w.charCodeAt(0) === 48 && w.charCodeAt(1) === 120 && w.charCodeAt(2) === 48 && HEX.test(w)) {
    let i = 2;
    while (i < n - 1 && w.charCodeAt(i) === 48) i++;
    return `0x${w.slice(i)}`;
  }
  if (n === 8 && w.charCodeAt(0) === 56 && w.charCodeAt(1) === 48 && BARE_HRESULT.test(w)) return `0x${w}`;
  return w;
}

/** An umlaut's ASCII spelling (`ae`, `oe`, `ue`): not after a vowel or `q`, and followed by a consonant. One pass. */
const ASCII_UMLAUT = /(?<![aeiouyäöüq])([aou])e(?=[^\P{L}aeiouyäöü])/gu;

const FOLD_CACHE_SIZE = 100_000;
const FOLDED = new Map<string, string>();

const WORD = /[\p{L}\p{N}]+/gu;

const isDigitCode = (c: number) => c >= 48 && c <= 57;

/**
 * What termsOf drops: a run of six or more digits (`^\d{6,}$`), a hex number of nine or more digits (`^0x[0-9a-f]{9,}$`)
 * or a single letter (`^[a-z]$`). Read by character codes: three regular expressions per word were a tenth of
 * tokenizing a paste.
 */
export function droppedTerm(w: string): boolean {
  const n = w.length;
  if (n === 1) {
    const c = w.charCodeAt(0);
    return c >= 97 && c <= 122;
  }
  if (n < 6) return false;
  let i = 0;
  while (i < n && isDigitCode(w.charCodeAt(i))) i++;
  if (i === n) return true;
  if (n < 11 || i !== 1 || w.charCodeAt(0) !== 48 || w.charCodeAt(1) !== 120) return false;
  for (i = 2; i < n; i++) {
    const c = w.charCodeAt(i);
    if (!isDigitCode(c) && !(c >= 97 && c <= 102)) return false;
  }
  return true;
}
/** A single quote that opens or closes a value (not the apostrophe in "user's"). */
const VALUE_QUOTE = /(?<![\p{L}\p{N}])'|'(?![\p{L}\p{N}])/u;

/** Splits one line into folded terms. Numbers stay (403, 1007, 8078 identify errors); long digit runs go. */
export function termsOf(line: string): string[] {
  const out: string[] = [];
  // match() rather than matchAll(): the words only, without a match object each (building an index folds millions).
  for (const word of line.match(WORD) ?? []) {
    const w = foldWord(word);
    if (!droppedTerm(w)) out.push(w);
  }
  return out;
}

/**
 * A dotted .NET type or assembly name, alone or before the rest of an assembly's display name (`'Microsoft.Exchange.Common,
 * Version=15.0.0.0, Culture=neutral, …'`): three parts or more, a capital among them. Quoted in a paste it names what
 * failed to load or cast — the error's own words, as signals.ts keeps such a name in an article's error text — not an
 * example value that varies between pastes: `Microsoft.Exchange.Compliance` where the error has `Microsoft.Exchange.Common`
 * is another assembly (score.ts reads the paste going on differently there).
 */
const TYPE_NAME = /^[A-Za-z]\w*(?:\.[A-Za-z]\w*){2,}$/;
function isTypeName(part: string): boolean {
  const comma = part.indexOf(',');
  const name = (comma < 0 ? part : part.slice(0, comma)).trim();
  return TYPE_NAME.test(name) && /[A-Z]/.test(name);
}

/**
 * An LDAP distinguished name written without quotes (`The object CN=HealthMailbox…,CN=Users,DC=contoso,DC=com failed…`):
 * relative names (`CN=`, `OU=`, `O=`; a value runs to the next comma, `\,` escaped) and then the domain components
 * (DOMAIN_COMPONENTS' shape), which end it. Starts only at `CN=` or `OU=` that no word, quote, slash or `=` precedes (a
 * quoted DN is read as quoted already; `/cn=` is a legacy DN's).
 */
const DN_VALUE = String.raw`(?:\\.|[^,=\n'"<>\\]){1,120}`;
const UNQUOTED_DN = new RegExp(
  String.raw`(?<![\p{L}\p{N}'"/\\,=‘’])(?:CN|OU)=${DN_VALUE}(?:, ?(?:CN|OU|O)=${DN_VALUE}){0,30}, ?${DOMAIN_COMPONENT}(?:, ?${DOMAIN_COMPONENT}){0,10}`,
  'giu',
);
const VALUE_QUOTES = new RegExp(VALUE_QUOTE.source, 'gu');

/**
 * `text` with each unquoted distinguished name (UNQUOTED_DN) put in single quotes: one value, as a quoted one is. Its
 * `CN=`/`OU=` words stay the paste's (quoted), and the word after it is what the paste says after a value (score.ts
 * otherAfterValue: `…The object CN=…,DC=com failed MTA-STS validation` is not `…The object <DN> does not exist`). Before,
 * clean-up dropped the domain components and left `cn healthmailbox… cn users` as words of the message, where the error
 * has a placeholder: nothing after it was compared. A name inside a single-quoted stretch of its line stays as it is.
 * Pastes only (tokenize): an article's error text keeps its own DN words (signals.ts reads quoted ones as values).
 */
export function quoteDistinguishedNames(text: string): string {
  if (!text.includes('=') || !/\bDC=/i.test(text)) return text;
  return text.replace(UNQUOTED_DN, (dn: string, at: number) => {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const quotes = text.slice(lineStart, at).match(VALUE_QUOTES)?.length ?? 0;
    return quotes % 2 === 0 ? `'${dn}'` : dn;
  });
}

/** Tokens of a whole paste, each with its line. */
export function tokenize(text: string): { lines: string[]; tokens: Token[] } {
  const lines = cleanPaste(quoteDistinguishedNames(text));
  const tokens: Token[] = [];
  // Plain loops, each word pushed as it is folded: a closure per line and an array of terms per part were a fifth of
  // tokenizing a 10 KB log.
  for (let line = 0; line < lines.length; line++) {
    const l = lines[line];
    const from = tokens.length;
    // Only a line with a single quote has quoted parts (most lines of a paste have none: no split there).
    if (!l.includes("'")) pushTerms(l, line, false, tokens);
    else pushQuotedParts(l, line, tokens);
    if (DOUBLE_QUOTE.test(l)) markQuoteEnd(l, tokens, from);
    if (tokens.length > from && SENTENCE_AT_LINE_END.test(l)) tokens[tokens.length - 1].quoteEnd = true;
  }
  return { lines, tokens };
}

/** The terms of a line with single quotes: those inside a pair of them are a value (`quoted`), unless a cmdlet's or type's name. */
function pushQuotedParts(l: string, line: number, tokens: Token[]): void {
  const parts = l.split(VALUE_QUOTE);
  let emptyValue = false;
  for (let i = 0; i < parts.length; i++) {
    // Odd parts are inside quotes, unless the last quote on the line is never closed. A quoted cmdlet
    // name ('Connect-ExchangeOnline') is part of the message, not a value; so is a .NET type or assembly name.
    const quoted = i % 2 === 1 && i < parts.length - 1 && !isCmdletName(parts[i]) && !isTypeName(parts[i]);
    const before = tokens.length;
    pushTerms(parts[i], line, quoted, tokens);
    if (emptyValue && tokens.length > before) {
      tokens[before].afterValue = true;
      emptyValue = false;
    }
    if (quoted && tokens.length === before) emptyValue = true;
  }
}

/**
 * A line that ends with a sentence end (a stop, `!` or `?`, a closing bracket or quote after it; not an ellipsis, which says
 * the line was cut): what the paste quoted on it ends there, and the next line is the writer's own words
 * (`… 550 5.7.64 TenantAttribution: Relay Access Denied.` and then `Why is that happening`), as after a message in double
 * quotes (markQuoteEnd). Where the error has a sentence end there too, nothing changes: a paste may go on in its own words
 * after one anyway (score.ts).
 */
const SENTENCE_AT_LINE_END = /(?<!\.\.)[.!?]["'”)\]]?\s*$/;

/** A double quote, straight or typographic (`„…“` in German). */
const DOUBLE_QUOTE = /["\u201c\u201d\u201e]/;
function isDoubleQuote(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x201d || c === 0x201e;
}
/** The fewest words a double-quoted stretch holds to be a message the paste quotes, not a value (`"kim"`, `"Mailbox Database 01"`). */
const QUOTED_WORDS = 3;

/**
 * Marks `quoteEnd` on the line's last token (tokens from `from` on are the line's) when the line ends with a message in
 * double quotes: an even number of them on it, nothing but punctuation after the last, and at least QUOTED_WORDS words
 * between it and the one before. What comes after is the paste's own words (`"550 5.7.64 … Relay Access Denied".` and
 * then `Why is that happening`), not the rest of the error: score.ts reads no contradiction across it.
 */
function markQuoteEnd(line: string, tokens: Token[], from: number): void {
  let close = -1;
  let open = -1;
  let count = 0;
  for (let i = 0; i < line.length; i++)
    if (isDoubleQuote(line.charCodeAt(i))) {
      count++;
      open = close;
      close = i;
    }
  if (count < 2 || count % 2 === 1 || tokens.length === from) return;
  if (termsOf(line.slice(close + 1)).length > 0 || termsOf(line.slice(open + 1, close)).length < QUOTED_WORDS) return;
  tokens[tokens.length - 1].quoteEnd = true;
}

/** A token as a literal `{ term, line }` is, made by `new` (plain.ts: never allocated in the old generation). */
const PlainToken = plainConstructor(function (this: Token, term: string, line: number) {
  this.term = term;
  this.line = line;
});

/** A token inside quotes, `{ term, line, quoted: true }`, made by `new` (plain.ts). */
const QuotedToken = plainConstructor(function (this: Token, term: string, line: number) {
  this.term = term;
  this.line = line;
  this.quoted = true;
});

/** Appends the terms of `part` (as termsOf reads them) to `tokens`, each with its line. */
function pushTerms(part: string, line: number, quoted: boolean, tokens: Token[]): void {
  const words = part.match(WORD);
  if (words === null) return;
  for (let k = 0; k < words.length; k++) {
    const term = foldWord(words[k]);
    if (droppedTerm(term)) continue;
    tokens.push(quoted ? new QuotedToken(term, line) : new PlainToken(term, line));
  }
}
