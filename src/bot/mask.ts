/**
 * Removes what must never be stored from pasted text before it is logged: passwords, tokens and
 * other secrets are replaced, e-mail addresses and GUIDs are masked (they identify people and tenants).
 */

const RULES: Array<[RegExp, string]> = [
  // JSON Web Tokens and other bearer/basic credentials.
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '<token>'],
  [/\b(Bearer|Basic|Negotiate|NTLM)\s+[\w\-.~+/=]{8,}/gi, '$1 <secret>'],
  // key=value and key: value secrets, also inside connection strings (AccountKey=…;) and URLs (?sig=…).
  [
    /\b(password|passwd|pwd|pass|secret|client[_-]?secret|token|access[_-]?token|refresh[_-]?token|api[_-]?key|apikey|account[_-]?key|shared[_-]?access[_-]?key|sig)(\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s;&,]+)/gi,
    '$1$2<secret>',
  ],
  // PowerShell: -Password 'x', ConvertTo-SecureString 'x' -AsPlainText, -ArgumentList 'user','x'.
  [/(-(?:Password|Secret|ClientSecret|Token|AccessToken|ApiKey)\s+)("[^"]*"|'[^']*'|[^\s$(][^\s]*)/gi, '$1<secret>'],
  [/(ConvertTo-SecureString\s+(?:-String\s+)?)("[^"]*"|'[^']*'|\S+)/gi, '$1<secret>'],
  // Credentials in URLs: https://user:pass@host
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/:@]+:[^\s/@]+@/gi, '$1<secret>@'],
  [/\{[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}\}/gi, '<guid>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<guid>'],
  [/[\w.!#$%&'*+/=?^`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi, '<email>'],
];

/** The text with secrets replaced and e-mail addresses and GUIDs masked. */
export function maskSensitive(text: string): string {
  let out = text;
  for (const [pattern, replacement] of RULES) out = out.replace(pattern, replacement);
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
