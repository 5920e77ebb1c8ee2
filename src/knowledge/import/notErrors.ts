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

/**
 * One address and nothing else: an IMCEA-encapsulated one (`IMCEAEX-_O=…_CN=…@contoso.com`), a legacy distinguished name
 * (`/o=…/cn=…`, `X500:/o=…`), an e-mail address or a URL. The digits in it (a GUID in a CN, a port) are no status code: it is a
 * value an article shows as an example (`the recipient address in the NDR resembles the following`), and matching reads an
 * address only as its kind (normalize.ts), so as an error text it would be one word every such paste holds.
 */
const ADDRESS =
  /^(?:IMCEA[A-Za-z]{2,8}-\S+|(?:X500:)?\/o=[^/\n'"]{1,100}(?:\/(?:ou|cn)=[^/\n'"]{1,100})*|[^\s@]+@[^\s@]+\.[A-Za-z]{2,}|https?:\/\/\S+)$/i;

export function isNoErrorText(text: string): boolean {
  const t = text.trim();
  // (not `looksLikeCommand`: `PowerShell failed to invoke …` and `Set-X is failing with error …` are errors)
  if (EXPRESSION.test(t)) return true;
  if (ADDRESS.test(t)) return true;
  // one token: no message, just a name
  return !/\s/.test(t) && !ERROR_NAME.test(t) && !CODE.test(t);
}
