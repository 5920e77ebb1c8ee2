/**
 * Removes what must never be stored from pasted text before it is logged: passwords, tokens, keys and
 * other secrets are replaced, e-mail addresses and GUIDs are masked (they identify people and tenants).
 * The README's "Feedback and gaps" and the privacy page list what is masked; keep them in step.
 */

/**
 * A quoted value (JSON's `"…"` with `\"` escapes, or `'…'`) on one line, or a bare one up to a separator.
 * Every rule below is linear in the text: no nested quantifiers, and where alternatives repeat they
 * start with different characters, so a long run of one character can't make the engine retry.
 */
const VALUE = String.raw`("(?:[^"\\\n]|\\.)*"|'[^'\n]*'|[^\s;&,]+)`;
/** Keys whose value is a secret; `pass…word` and the German `…wort` also as the end of a longer key (`AdminPassword`). */
const SECRET_KEY = String.raw`(passwor[dt]|kennwort|\b(?:passwd|pwd|pass|secret|client[_-]?secret|token|access[_-]?token|refresh[_-]?token|api[_-]?key|apikey|account[_-]?key|shared[_-]?access[_-]?key|sig))`;
/** A PowerShell argument: quoted, or bare up to a space, comma or bracket. */
const PS_ARG = String.raw`(?:'[^'\n]*'|"[^"\n]*"|[^\s,'"()]+)`;

/**
 * A rule, and text every match of it contains (lower case; any one of them): a paste without any is not
 * searched with its pattern at all. Most pastes hold no secret, and the lookbehind rules cost tens of µs each
 * on a 1 KB paste. Replacements (`<secret>`, `<token>`, …) never complete another rule's match, so the hints are
 * read off the paste once.
 */
type Rule = [pattern: RegExp, replacement: string, needs?: readonly string[]];

/** Words every secret key the rules know contains (see SECRET_KEY). */
const SECRET_WORDS = ['pass', 'kennwort', 'pwd', 'secret', 'token', 'api', 'account', 'shared', 'sig'];

const RULES: Rule[] = [
  // PEM private keys, also cut off by the paste (then everything that looks like the key's body goes).
  [
    /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?:[A-Za-z0-9+/=:,\s]|-(?!----END ))*(?:-----END [A-Z0-9 ]*PRIVATE KEY-----)?/g,
    '<private key>',
    ['private key-----'],
  ],
  // JSON Web Tokens and other bearer/basic credentials.
  // Tried once per run of [\w-] (from its first \beyJ): every eyJ of one run reaches the same dot, and trying each
  // one made a long run of `eyJ-eyJ-…` quadratic. The text before it in the run stays ($1).
  [/(?<![\w-])(?=([\w-]*?)\beyJ)\1eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '$1<token>', ['eyj']],
  [/\b(Bearer|Basic|Negotiate|NTLM)\s+[\w\-.~+/=]{8,}/gi, '$1 <secret>', ['bearer', 'basic', 'negotiate', 'ntlm']],
  // key=value and key: value secrets, also in JSON ("password": "x"), connection strings (AccountKey=…;) and URLs (?sig=…).
  [new RegExp(`${SECRET_KEY}(["']?\\s*[=:]\\s*)${VALUE}`, 'gi'), '$1$2<secret>', SECRET_WORDS],
  // PowerShell: -Password 'x', ConvertTo-SecureString 'x' -AsPlainText, -ArgumentList 'user','x'.
  [/(-(?:Password|Secret|ClientSecret|Token|AccessToken|ApiKey)\s+)("[^"]*"|'[^']*'|[^\s$(][^\s]*)/gi, '$1<secret>', SECRET_WORDS],
  [/(ConvertTo-SecureString\s+(?:-String\s+)?)("[^"]*"|'[^']*'|\S+)/gi, '$1<secret>', ['convertto-securestring']],
  // (`\s*(?:\(\s*)?`, not `\s*\(?\s*`: two \s* side by side split a long run of spaces every way, quadratic.)
  [new RegExp(`(-ArgumentList\\s*(?:\\(\\s*)?${PS_ARG}\\s*,\\s*)${PS_ARG}`, 'gi'), '$1<secret>', ['-argumentlist']],
  // Credentials in URLs: https://user:pass@host
  // (Tried once per run of scheme characters, from its first \b and letter, for the reason above.)
  [/(?<![a-z0-9+.-])(?=([a-z0-9+.-]*?)\b[a-z])\1([a-z][a-z0-9+.-]*:\/\/)[^\s/:@]+:[^\s/@]+@/gi, '$1$2<secret>@', ['://']],
  [/\{[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}/gi, '<guid>', ['{']],
  // A GUID with dashes, or without: exactly 32 hex digits (a 40-digit certificate thumbprint is not one). One scan for
  // both (each scan of a paste costs about as much as the other rules together): every match of either is a whole run
  // of word characters or five of them joined by dashes, so no match of one can overlap or make a match of the other.
  [/\b(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})\b/gi, '<guid>'],
  // Only from the start of a run of address characters (where the leftmost match begins anyway): tried
  // inside the run too, a long run without `@` took quadratic time.
  [/(?<![\w.!#$%&'*+/=?^`{|}~-])[\w.!#$%&'*+/=?^`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi, '<email>', ['@']],
];

/** The text with secrets replaced and e-mail addresses and GUIDs masked. */
export function maskSensitive(text: string): string {
  const lower = text.toLowerCase();
  let out = text;
  for (const [pattern, replacement, needs] of RULES) {
    if (needs && !needs.some((word) => lower.includes(word))) continue;
    out = out.replace(pattern, replacement);
  }
  return out;
}

/** Longest paste kept in the log, in characters: enough to group and read an error, no more. */
export const LOGGED_PASTE_CHARS = 4000;

/** Masked and cut to `LOGGED_PASTE_CHARS` (marked with "…" when cut). */
export function pasteForLog(text: string): string {
  // Cut generously at a line end before masking so no secret is split into an unrecognisable piece.
  let head = text;
  if (head.length > LOGGED_PASTE_CHARS * 2) {
    head = head.slice(0, LOGGED_PASTE_CHARS * 2);
    const lineEnd = head.lastIndexOf('\n');
    if (lineEnd > LOGGED_PASTE_CHARS) head = head.slice(0, lineEnd);
  }
  const masked = maskSensitive(head);
  return masked.length > LOGGED_PASTE_CHARS ? `${masked.slice(0, LOGGED_PASTE_CHARS)}…` : masked;
}
