/**
 * The Exchange and Microsoft 365 vocabulary that several parts of PasteFix recognise in text: cmdlet names,
 * Hybrid Configuration Wizard codes, host names' top-level domains, and the words that tell German from
 * English. One definition each, so normalising, importing, masking, `kb gaps` and the matcher agree (they
 * had drifted apart as copies). Pure data and patterns; it lives in `knowledge/`, the bottom layer, so
 * every other layer may use it.
 */

/** A PowerShell cmdlet name as a whole string: `Set-FederatedOrganizationIdentifier`, `Get-Mailbox`. */
export const CMDLET_NAME = /^[A-Z][a-z]+-[A-Z][A-Za-z0-9]+$/;

/** True for a cmdlet name (the whole string). */
export function isCmdletName(text: string): boolean {
  return CMDLET_NAME.test(text);
}

/** A cmdlet name inside text (global: use with `matchAll` or `replace`). */
export const CMDLET_IN_TEXT = /\b[A-Z][a-z]+-[A-Z][A-Za-z0-9]+\b/g;

/** A Hybrid Configuration Wizard code inside text (`HCW8078`, `HCW101`): three to five digits, any case. */
export const HCW_CODE_IN_TEXT = /\bHCW\d{3,5}\b/i;

/** The same code as a folded term (`hcw8078`), as the matcher's tokenizer writes it. */
export const HCW_CODE_TERM = /^hcw\d{3,5}$/;

/** An Entra ID sign-in error code inside text (`AADSTS50011`, also written `ADSTS50011`). */
export const SIGN_IN_CODE_IN_TEXT = /\bA?ADSTS\d{4,6}\b/i;

/**
 * Top-level names that make a dotted run a host or domain name (`mail.contoso.com`, `ex01.contoso.local`,
 * `contoso.onmicrosoft.com`): public ones common in admins' pastes, and the internal ones of AD forests.
 */
export const HOST_TLDS: ReadonlySet<string> = new Set(
  'com net org local lan corp intern internal intra onmicrosoft de at ch uk eu fr nl us io info biz edu gov'.split(' '),
);

/**
 * Frequent words that tell a German text from an English one (lower case, with umlauts): function words and
 * the words of Exchange's own error messages (`Fehler beim Zugriff`, `An error occurred while attempting`).
 */
export const GERMAN_HINTS: readonly string[] = (
  'der die das und nicht ist sie wenn mit auf für den dem des ein eine einer eines zu von bei beim wird werden wurde sich auch oder aus ' +
  'ihre ihren ihr wir ich diese dieser dieses kann können um nach zum zur über unsere geht keine kein hallo danke bitte ' +
  'fehler versuch verbindung geschlossen unerwarteter informationen detaillierte zugriff'
).split(' ');

export const ENGLISH_HINTS: readonly string[] = (
  'the and not is you if with on for a an to of at be are this that or from your we can by when in it as which these have has was were will ' +
  'i our does no hello thanks please error occurred while attempting connection closed unexpected information detailed accessing'
).split(' ');
