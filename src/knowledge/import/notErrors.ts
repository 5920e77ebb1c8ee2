/**
 * Text an article shows in the places errors stand (a paragraph that is one code span, a table cell, a code block)
 * that is no error an admin could paste: an expression that runs a cmdlet, a lone name (an AD attribute, a tool,
 * an address). As an error text it would match every paste that holds the name.
 */
/** `(Get-X -Identity <id>).Count`, `[int]$key = …`: PowerShell that starts with no cmdlet verb, still a command. */
const EXPRESSION = /^\(\s*[A-Z][a-z]+-[A-Z]\w*\b|^\[[\w.]+\]\s*\$\w+\s*=/;
/** A word that makes a lone name an error: an exception class (`TooManyBadItemsException`), an error id (`DataStrings.InvalidX`). */
const ERROR_NAME = /exception|error|fail|invalid|denied|refused|unable|cannot/i;
/** A status or event code (`5.4.6`, `0x80070005`, `HCW8078`, `HTTP 500`). */
const CODE = /\d{3}|\b\d\.\d{1,2}\.\d{1,3}\b|0x[0-9a-f]+/i;

export function isNoErrorText(text: string): boolean {
  const t = text.trim();
  // (not `looksLikeCommand`: `PowerShell failed to invoke …` and `Set-X is failing with error …` are errors)
  if (EXPRESSION.test(t)) return true;
  // one token: no message, just a name
  return !/\s/.test(t) && !ERROR_NAME.test(t) && !CODE.test(t);
}
