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
 * A code that names one problem in a heading or a sentence about it: an HCW code, a sign-in code, an error result code
 * (`0x8004010F`), an event id written as such (`Event ID 15021`, `event 3028`). The importer gives a problem described
 * under its own heading this code as a keyword (global: use with `matchAll`).
 */
export const PROBLEM_CODE_IN_TEXT = /\b(?:HCW\d{3,5}|A?ADSTS\d{4,6}|0x[0-9A-F]{8})\b|\bEvent(?:[ \t]+ID)?[ \t]+(\d{3,5})\b/gi;

/** Event Viewer's field names (English), the first of RECORD_FIELD_NAMES: the paste side reads these alone (EVENT_FIELD_IN_TEXT). */
const EVENT_FIELD_NAMES: readonly string[] = [
  'Log Name',
  'Source',
  'Date',
  'Event ID',
  'Task Category',
  'Level',
  'Opcode',
  'Keywords',
  'User',
  'Computer',
  'Description',
];

/**
 * `names` before a colon, at a line's start or after a space (global: use with `matchAll`). No name is the start of
 * another, so at most one matches at a place: their order does not change what is matched.
 */
function fieldsInText(names: readonly string[]): RegExp {
  return new RegExp(`(?<=^|[ \\t])(${names.join('|')})[ \\t]*:`, 'gim');
}

/**
 * The field names of an event record as English Event Viewer copies it (`Log Name:`, `Event ID:`, `Task Category:`…),
 * each before its colon, at a line's start or after a space (a record pasted as one line): the record's frame, not
 * anyone's words. In any case (global: use with `matchAll`): the lexicon translates a German record's names
 * (`Protokollname`, `Aufgabenkategorie`; knowledge/lexicon/de-en.yaml) to these, some in lower case (`task category:`).
 */
export const EVENT_FIELD_IN_TEXT = fieldsInText(EVENT_FIELD_NAMES);

/**
 * The field names of the event records articles quote, in every shape they come in: Event Viewer's copy (EVENT_FIELD_IN_TEXT's
 * names), `Get-EventLog`'s list (`Time: ID: Level: Source: Machine: Message:`), Exchange 2003's (`Event Type: Event Source:
 * Event Category: Event ID: Description:`), the event reference's (`Product: Event ID: Source: Version: Component: Symbolic
 * Name: Message:`), `EventID:`, and the flag a Watson crash report ends with (`ErrorReportingEnabled: False`). Matched in
 * any case; the names that are also everyday words count only as RECORD_FIELD_SPELLINGS writes them (`process id:` inside
 * a message is no field).
 */
export const RECORD_FIELD_NAMES: readonly string[] = [
  ...EVENT_FIELD_NAMES,
  'Event Type',
  'Event Source',
  'Event Category',
  'EventID',
  'Time',
  'ID',
  'Machine',
  'Product',
  'Version',
  'Component',
  'Symbolic Name',
  'Message',
  'ErrorReportingEnabled',
];
/** RECORD_FIELD_NAMES before a colon, at a line's start or after a space (global: use with `matchAll`). */
export const RECORD_FIELD_IN_TEXT = fieldsInText(RECORD_FIELD_NAMES);

/** RECORD_FIELD_IN_TEXT's names that are a field only as written here (capitalised): elsewhere they are words of a message. */
export const RECORD_FIELD_SPELLINGS: ReadonlyMap<string, readonly string[]> = new Map([
  ['time', ['Time']],
  ['id', ['ID']],
  ['eventid', ['EventID', 'EventId']],
  ['machine', ['Machine']],
  ['product', ['Product']],
  ['version', ['Version']],
  ['component', ['Component']],
  ['message', ['Message']],
  ['errorreportingenabled', ['ErrorReportingEnabled']],
]);

/**
 * Words for the objects an admin names (`user`, `mailbox`, `room`, `Postfach`): an error's text that writes such a word
 * right before a double-quoted name (`for user "room alias"`) quotes the article's example of that name (signals.ts).
 */
export const NAMED_OBJECT_WORDS: readonly string[] = (
  'user mailbox identity group room recipient folder domain contact member alias account database server ' +
  'benutzer postfach gruppe identität domäne ordner'
).split(' ');

/**
 * Top-level names that make a dotted run a host or domain name (`mail.contoso.com`, `ex01.contoso.local`,
 * `contoso.onmicrosoft.com`): public ones common in admins' pastes, the internal ones of AD forests, and `suffix`, the
 * placeholder an article's error text writes for the paste's own (`DOMAINCONTROLLER.domain.suffix`).
 */
export const HOST_TLDS: ReadonlySet<string> = new Set(
  'com net org local lan corp intern internal intra onmicrosoft suffix de at ch uk eu fr nl us io info biz edu gov'.split(' '),
);

/**
 * Frequent words that tell a German text from an English one (lower case, with umlauts): function words and
 * the words of Exchange's own error messages (`Fehler beim Zugriff`, `An error occurred while attempting`).
 */
export const GERMAN_HINTS: readonly string[] = (
  'der die das und nicht ist sie wenn mit auf für den dem des ein eine einer eines zu von bei beim wird werden wurde sich auch oder aus ' +
  'ihre ihren ihr wir ich diese dieser dieses kann können um nach zum zur über unsere geht keine kein hallo danke bitte ' +
  'fehler versuch verbindung geschlossen unerwarteter informationen detaillierte zugriff ' +
  // Function words no English sentence holds: a short German sentence with English product words (`Die Optionen im
  // Dialogfeld Ressourcenplanung in Outlook sind deaktiviert`: `die` against `in`) was read as English.
  'im sind haben hat wurden aber noch seit dass als nur mehr'
).split(' ');

/**
 * German modal verbs (and `lässt sich`, "can be") that stand apart from their negation and their verb (`Benutzer können
 * das Postfach nicht öffnen`, `…, das sich nicht öffnen lässt`): with a negation in the same sentence they say `cannot`.
 */
export const GERMAN_MODALS: readonly string[] = 'kann können konnte konnten lässt lassen ließ ließen'.split(' ');

/** German negations of a verb or a noun (`nicht`, `keine Mails`). */
export const GERMAN_NEGATIONS: readonly string[] = 'nicht kein keine keinen keinem keiner'.split(' ');

/**
 * English verbs of seeing, receiving and finding: a German verb the lexicon reads as one of these, negated in the same clause
 * with no modal verb (`Benutzer sehen keine Frei/Gebucht-Informationen`, `… erhalten keine Abwesenheitsnotizen`), says what
 * English writes `cannot see`, `cannot receive` (an admin reports what users can't get, not what they choose not to do).
 */
export const NEGATED_AS_CANNOT: readonly string[] = 'receive find'.split(' ');

/**
 * Words that open a direction between the two sides of a hybrid deployment (direction.ts), English and German (the lexicon
 * leaves German prepositions as written): `from`/`von`/`vom`/`aus` before the side mail, replies or moves come from,
 * `to`/`into`/`nach`/`zu`/`zum`/`zur`/`ins` before the side they go to (`nach der Migration` names no side: no direction).
 * `for`/`für` before a side says where something goes only in a sentence none of those say a direction in (`free/busy
 * information for our on-prem users`: what cloud users look up lies on-premises; not `a deferral for mails from EXO users to
 * on-prem`, whose `from` and `to` say it).
 */
export const DIRECTION_FROM: readonly string[] = 'from von vom aus'.split(' ');
export const DIRECTION_TO: readonly string[] = 'to into nach zu zum zur ins'.split(' ');
export const DIRECTION_FOR: readonly string[] = 'for für'.split(' ');

/**
 * The two sides of a hybrid deployment as words (direction.ts): each entry a side and its words in a row, lower case, as
 * the words of a text split at every other character (`on-premises` is `on premises`). German `lokal…` as written too. Admins
 * also write a side short: `premise` (`from my 365 accounts to premise`), `365` alone, `Office365`.
 */
export const SIDE_WORDS: readonly (readonly ['on-premises' | 'cloud', readonly string[]])[] = [
  ...[
    'on premises',
    'on premise',
    'on prem',
    'onpremises',
    'onpremise',
    'onprem',
    'premises',
    'premise',
    'lokal',
    'lokale',
    'lokalen',
    'lokaler',
    'lokales',
  ].map((w) => ['on-premises', w.split(' ')] as const),
  ...['exchange online', 'office 365', 'microsoft 365', 'office365', 'microsoft365', 'o365', 'm365', '365', 'exo', 'cloud'].map(
    (w) => ['cloud', w.split(' ')] as const,
  ),
];

/**
 * Particles of German separable verbs (`kommt … an`, `richtet … ein`, `schlägt … fehl`, `startet … neu`, `stimmt … überein`):
 * in a main clause the particle ends the clause, apart from its verb. A lexicon entry that lists the verb with its particle
 * (`kommt an`) and the joined verb (`ankommen`) is read so with words between the two (bridge.ts `separatedVerbs`).
 */
export const SEPARABLE_PARTICLES: readonly string[] = 'an ab auf aus ein fehl hinzu her herunter zurück zu fest neu überein'.split(' ');

export const ENGLISH_HINTS: readonly string[] = (
  'the and not is you if with on for a an to of at be are this that or from your we can by when in it as which these have has was were will ' +
  'i our does no hello thanks please error occurred while attempting connection closed unexpected information detailed accessing'
).split(' ');

/**
 * Verbs of PowerShell cmdlets (the approved verbs admins meet in Exchange, plus `Run` of scripts): a
 * `Verb-Noun` word with another first part (`On-Premises`, `Non-Delivery`) is not a command.
 * `Write-*` only prints (`Write-ErrorMessage` wraps every Exchange Online error), so it names no scenario.
 */
const COMMAND_VERBS: ReadonlySet<string> = new Set(
  (
    'add approve block clear complete connect convert copy disable disconnect dismount enable export get grant import initialize ' +
    'install invoke mount move new publish redirect register remove repair reset restart restore resume retry revoke run search ' +
    'send set start stop suspend sync test uninstall unregister update upgrade'
  ).split(' '),
);

/** Verbs of cmdlets that open or close a session to a service (`Connect-ExchangeOnline`): their noun is the service. */
const SESSION_VERBS: ReadonlySet<string> = new Set(['connect', 'disconnect']);

/**
 * Where a text says something happened, as scenario anchors (`cmdlet:move-request`, `script:run-exchangeanalyzer.ps1`,
 * `service:oauth`): the commands that ran (cmdlet nouns, so `Get-MoveRequest` and `New-MoveRequest` agree; a
 * one-word noun with its verb, `cmdlet:set-mailbox`, and so a session cmdlet's, `cmdlet:connect-exchange-online`),
 * the scripts, the tool (the Hybrid Configuration Wizard),
 * the service or endpoint (the MRS proxy, Autodiscover, remote PowerShell, OAuth, free/busy, OWA, the admin
 * center), a migration named in words (`the migration fails`: an article that names none is about another task) and
 * event log ids. The matcher compares a paste's
 * with an article's (src/matching/scenario.ts). A host name says nothing (`owa.contoso.com` is any server); a
 * URL's path names its endpoint. `asPaste`: the text is a paste's, where a sentence that says the task works there (`works
 * fine in OWA`) names no place of the error (worksThere); an article's text names its places in every sentence.
 */
export function scenarioAnchors(text: string, asPaste = true): Set<string> {
  const out = new Set<string>();
  // Each pattern below is tried only on text holding a word every match of it contains (`SCENARIO_SERVICES`' hints): the
  // matcher reads every line of every paste, and most lines name nothing. Case-insensitive patterns (without the `u`
  // flag) match ASCII letters only as ASCII letters, so the lower-case text holds the hint wherever they match.
  const lower = text.toLowerCase();
  if (text.includes('-'))
    for (const m of text.matchAll(/\b([A-Z][a-z]+)-([A-Z][A-Za-z0-9]+)\b(\.ps1\b)?/g)) {
      if (m[3]) out.add(`script:${m[0].toLowerCase()}`);
      // The noun in its parts (`distribution-group-member`, `o-auth-connectivity`): an article may name its object in words.
      else if (COMMAND_VERBS.has(m[1].toLowerCase())) {
        const noun = m[2].match(/[A-Z]+(?![a-z])|[A-Z][a-z0-9]*/g) ?? [];
        // A one-word noun (`Mailbox`, `Recipient`) is every article's object, and a session cmdlet's noun
        // (`Connect-ExchangeOnline`, `Connect-AzureAD`) the service every article about it names: only the verb with it
        // names the command.
        const verb = m[1].toLowerCase();
        out.add(`cmdlet:${(noun.length > 1 && !SESSION_VERBS.has(verb) ? noun : [m[1], ...noun]).join('-').toLowerCase()}`);
      }
    }
  if (lower.includes('.ps1')) for (const m of text.matchAll(/(?<![\w-])([\w-]+\.ps1)\b/gi)) out.add(`script:${m[1].toLowerCase()}`);
  // One scan for any hint first: most lines hold none.
  const hinted = hintedServices(lower);
  if (hinted) addServices(text, hinted, out, asPaste);
  addApis(text, lower, out);
  // `Event ID: 1310` as Event Viewer copies it pads the colon with spaces to line up the fields; German Event Viewer
  // writes `Ereignis-ID:` (an English event under German field names: its id says where as much)
  if (lower.includes('event') || lower.includes('ereignis'))
    for (const m of text.matchAll(/\b(?:Event ?ID|Ereignis-ID)\b[^\w\n]{0,3}[ \t]{0,20}(\d{3,5})\b/gi)) out.add(`event:${m[1]}`);
  return out;
}

/**
 * Adds the services (`service:…`) in `hinted` (a bit per SCENARIO_SERVICES entry) whose pattern matches the text
 * without its URLs and host names.
 */
function addServices(text: string, hinted: number, out: Set<string>, asPaste: boolean): void {
  // Each replacement only on text that holds what it replaces (`://`, a dot).
  let words: string | undefined;
  for (let s = 0; s < SCENARIO_SERVICES.length; s++) {
    if (!(hinted & (1 << s))) continue;
    // URLs and host names out (their paths kept as words), so `https://owa.contoso.com/EWS/mrsproxy.svc` names the MRS proxy only.
    // (They are replaced by a space, so every word a service's pattern needs was in the text itself.)
    if (words === undefined) {
      words = text.includes('://') ? text.replace(URL_START, ' ') : text;
      if (words.includes('.')) words = words.replace(DOTTED_RUN, keepEndpoint);
      // A program's name in lower case with hyphens (`email-oauth2-proxy`, `sasl-xoauth2`) names that program, not a service.
      if (words.includes('-')) words = words.replace(KEBAB_NAME, programName);
    }
    const [service, pattern] = SCENARIO_SERVICES[s];
    // A global pattern's match counts unless a negation stands right before it (DENIED_BEFORE); any match, unless its
    // sentence says the task works there (worksThere).
    for (const m of words.matchAll(GLOBAL_SERVICES[s])) {
      if (pattern.global && DENIED_BEFORE.test(words.slice(Math.max(0, m.index - 40), m.index))) continue;
      if (asPaste && worksThere(words, m.index)) continue;
      // A name with a kind of its own (`script:healthchecker.ps1`) is the anchor as it stands.
      out.add(service.includes(':') ? service : `service:${service}`);
      break;
    }
  }
}

/**
 * Programming interfaces a client program calls, by the names a paste shows when such a program printed the error (read on
 * the text as written: their names are dotted class names and host names, which addServices reads past). EWS: the EWS
 * Managed API's namespace and classes (`Microsoft.Exchange.WebServices.Data.ExchangeService`), its calls from PowerShell
 * (`Exception calling "Bind" with "2" argument(s)`), the protocol's operations (`FindItem`, `GetFolder`,
 * `GetUserAvailability`), an `EWS request`, `EWS script`, `EWS Managed API`. Graph: its host (`graph.microsoft.com/v1.0/…`),
 * a path of its API (`/v1.0/users/…`), the SDK's namespace (`Microsoft.Graph`), `Graph API`, `Microsoft Graph`. Not the
 * EWS virtual directory nor `/EWS/Exchange.asmx`: Outlook, OWA's availability lookups, the HCW and mailbox moves reach
 * Exchange through them too, and articles about those name them.
 */
export const CLIENT_APIS: readonly [string, RegExp][] = [
  [
    'api:ews',
    new RegExp(
      String.raw`\bMicrosoft\.Exchange\.WebServices\b|\bExchangeService\b|\b(?:EWS|Exchange Web Services)(?: \(EWS\))? (?:Managed API|API|SDK|requests?|calls?|clients?|applications?|apps?|scripts?|operations?|impersonation)\b|` +
        String.raw`\b(?:FindItems?|FindFolders?|GetItem|CreateItem|UpdateItem|DeleteItem|SyncFolderItems|SyncFolderHierarchy|GetFolder|ResolveNames|ExpandDL|GetUserAvailability|GetStreamingEvents)\b|` +
        String.raw`\bException calling "(?:Bind|FindItems|FindFolders|AutodiscoverUrl|SendAndSaveCopy|LoadPropertiesForItems)"`,
      'i',
    ),
  ],
  [
    'api:graph',
    /\bgraph\.microsoft\.com\b|\/(?:v1\.0|beta)\/(?:me|users|groups)\b|\bMicrosoft\.Graph\b|\bMicrosoft Graph\b|\bGraph (?:API|SDK|requests?|calls?|endpoints?)\b/i,
  ],
];

/** A word one of CLIENT_APIS' patterns needs (lower case): a line holding none is not searched with them. */
const API_HINT =
  /ews|exchange web services|webservices|exchangeservice|item|folder|resolvenames|expanddl|availability|streaming|exception calling|graph|\/v1\.0\/|\/beta\//;

/** Adds the anchors of CLIENT_APIS that `text` names (`lower`: the text in lower case). */
function addApis(text: string, lower: string, out: Set<string>): void {
  if (!API_HINT.test(lower)) return;
  for (const [api, pattern] of CLIENT_APIS) if (pattern.test(text)) out.add(api);
}

/**
 * The anchors of CLIENT_APIS that a paste names anywhere, read on its text as pasted: a paste's lines as the matcher reads
 * them have lost their URLs and host names (`https://graph.microsoft.com/v1.0/me/sendMail`).
 */
export function apiAnchors(text: string): string[] {
  const out = new Set<string>();
  addApis(text, text.toLowerCase(), out);
  return [...out];
}

const URL_START = /\bhttps?:\/\/[^\s/'"<>]*/gi;
const DOTTED_RUN = /(?<![\w.-])[\w-]+(?:\.[\w-]+)+(?![\w-])/g;
const ENDPOINT = /\.(?:svc|asmx|aspx|ps1|exe|log)$/i;
/** A dotted run that names an endpoint (`mrsproxy.svc`) stays; any other (a host name) becomes a space. */
const keepEndpoint = (run: string) => (ENDPOINT.test(run) ? run : ' ');
/** Lower-case words joined by hyphens, not part of a path or a dotted name (`powershell-liveid` in a URL stays). */
const KEBAB_NAME = /(?<![\w./\\-])[a-z][a-z\d]*(?:-[a-z\d]+)+(?![\w/\\-]|\.\w)/g;
/** Such a run of three words or more, or with a digit (`sasl-xoauth2`), is a program's name: a space. (`app-only` stays.) */
const programName = (run: string) => (run.split('-').length >= 3 || /\d/.test(run) ? ' ' : run);

/**
 * A sentence that says something works (`the Archive works fine in OWA`, `I can forward the email if I do it manually via
 * Outlook on the Web`) and names no failure: the place it names is where the admin's task succeeds, not where the
 * error happened. Any failure word, or a `but`, in the sentence keeps the place (`works fine in OWA but fails…`, `no
 * longer works in OWA`), and so does what one sees or reproduces there (`I can see the error in OWA`).
 */
const WORKS = /\b(?:works?|worked|working)\b|\b(?:I|we|you|users?|they) (?:can|could)\b(?!['’]t|not)/i;
const FAILS =
  /\b(?:not|no|never|nothing|cannot|can['’]t|couldn['’]t|doesn['’]t|don['’]t|didn['’]t|won['’]t|isn['’]t|aren['’]t|but|however|only|except|unable|fail\w*|error\w*|broken|stops?|stopped|issues?|problems?|see|seen|reproduce\w*|repro|shows?|showing|says?|gets?|getting|got|receiv\w*|bounce\w*|reject\w*|denied|blocked|hangs?|stuck)\b/i;
/** The sentence around `at` in `text` (up to `.`, `!`, `?` followed by a space, or a line end) says it works there. */
function worksThere(text: string, at: number): boolean {
  let from = at;
  while (from > 0 && text[from - 1] !== '\n' && !(/[.!?]/.test(text[from - 1]) && /\s/.test(text[from] ?? ''))) from--;
  let to = at;
  while (to < text.length && text[to] !== '\n' && !(/[.!?]/.test(text[to]) && /\s|$/.test(text[to + 1] ?? ''))) to++;
  const sentence = text.slice(from, to);
  return WORKS.test(sentence) && !FAILS.test(sentence);
}

/**
 * A negation right before a place's words (`we are not using Azure AD Connect`, `without running setup`), or a future
 * (`the users who will be migrated`): what the paste says it doesn't have, or hasn't done yet, is no place it
 * happened. The patterns that honour it are global (`g`): addServices looks before each of their matches (a
 * lookbehind in the pattern would be tried at every position of every line).
 */
const DENIED_BEFORE =
  /\b(?:(?:no|not|without|never|(?:do|does|did|is|are|was|were|has|have|had)n[’']t)\s+(?:(?:using|use|used|run|ran|running|have|a|an|the|any)\s+){0,2}|(?:will|to|going to) be\s+)$/i;

/**
 * Services, tools and endpoints by the words and URL paths that name them (also inside cmdlet names: `Test-OAuthConnectivity`),
 * and words (lower case) one of which every match of the pattern contains: a text holding none is not searched with it.
 */
export const SCENARIO_SERVICES: readonly [string, RegExp, readonly string[]][] = [
  // (`hybrid` alone is no hint: a log line says `Reading hybrid configuration` on every line, and every match holds one of these.)
  [
    'hcw',
    /Hybrid ?Configuration ?Wizard|\bHCW\d*\b|Microsoft\.Online\.CSE\.Hybrid|Hybridkonfigurations-?Assistent/i,
    ['wizard', 'hcw', 'cse.hybrid', 'hybridkonfigurations'],
  ],
  [
    'mrs',
    /mrsproxy|\bMRS\b|MoveRequest|MigrationBatch|\bmov(?:e|es|ing) (?:the )?mailbox|\bmailbox (?:move|migration)s?\b|\bmove requests?\b|\bmigration batch/i,
    ['mrs', 'mov', 'migration', 'mailbox'],
  ],
  ['migration', /\bmigrat(?:e|es|ed|ing|ion|ions)\b/gi, ['migrat']],
  ['oauth', /OAuth/i, ['oauth']],
  ['autodiscover', /Autodiscover/i, ['autodiscover']],
  [
    'remote-powershell',
    /powershell-liveid|remote (?:Windows )?PowerShell|PSSession|remote (?:shell )?session|\/PowerShell\/?(?![\w-])/i,
    ['powershell', 'remote', 'pssession'],
  ],
  ['freebusy', /free ?\/? ?busy|Frei\/Gebucht|availability service/i, ['free', 'frei', 'availability']],
  ['owa', /\bOWA\b|Outlook on the web|Outlook Web App/i, ['owa', 'outlook']],
  // (Not `control` alone: every `-DomainController` holds it.)
  ['admin-center', /\bECP\b|\bEAC\b|admin center|Control Panel/i, ['ecp', 'eac', 'admin center', 'control panel']],
  // Exchange Setup and what it prints: its console and log (`The following error was generated when "$error.Clear(); …" was
  // run`, `Mailbox role: Transport service FAILED`, `Step 1 of 13`), its switches (`/PrepareAD`, `/Mode:Upgrade`), its
  // readiness checks (`Failed [Rule:…]`, `ms.exch.setupreadiness.…`), and words that say the error came while
  // installing (`during the installation`, `the last deployment step`). Not `setup` alone nor after a word that makes
  // it a configuration or a handshake (`our hybrid Exchange setup`, `Proxy session setup failed`), nor an update named
  // as a time (`since CU23`).
  [
    'setup',
    new RegExp(
      String.raw`(?:\bsetup\.exe\b|\bExchangeSetup(?:Logs?)?\b|\bExchange (?:Server )?setup\b(?<!\b(?:hybrid|our|my|your|an?|this|current|existing)\s+Exchange (?:Server )?setup)|\b(?:run|running|ran|rerun|resume|resuming|restart|restarting|start|started) (?:the )?setup\b|` +
        String.raw`\bsetup (?:fails|failed|failing|stops|stopped|aborts|aborted|hangs|crashes|crashed|log|logs|wizard|encountered)\b(?<!\b(?:session|connection|channel|tunnel|call|link|hybrid|TLS)\s+setup \w+)|` +
        String.raw`\bPrepare(?:AD|Schema|AllDomains|Domain)\b|Organization Preparation|IAcceptExchangeServerLicenseTerms|\/Mode: ?(?:Upgrade|Install|Uninstall|RecoverServer)\b|` +
        String.raw`\berror was generated when\b|Readiness Checks|\bsetupreadiness\b|\bFailed \[Rule:|Prerequisite Analysis|\bStep \d+ of \d+\b|\b(?:Mailbox|Client Access|Edge Transport|Hub Transport|Management Tools) role: |` +
        String.raw`\b(?:installation|deployment|setup|upgrade) step|\b(?:during|while|when) (?:the |an |a )?(?:install(?:ing|ation)?|setup|upgrad(?:e|ing)|deploy(?:ing|ment))\b|` +
        String.raw`\binstall(?:ing)? (?:the )?(?:Exchange|CU ?\d*|cumulative update)\b)`,
      'gi',
    ),
    [
      'setup',
      'prepar',
      'iaccept',
      '/mode:',
      'generated',
      'readiness',
      '[rule:',
      'prerequisite',
      'step ',
      'role: ',
      'install',
      'upgrad',
      'deploy',
    ],
  ],
  // Sign-in without a user: app-only authentication with a certificate or secret, a managed identity, an automation runbook.
  // (`Connect-ExchangeOnline -AppId …` names its session cmdlet already.)
  [
    'app-only',
    new RegExp(String.raw`(?:\bapp-?only\b|managed ?identit(?:y|ies)\b|\bservice principals?\b|Azure Automation|\brunbooks?\b)`, 'gi'),
    ['only', 'managed', 'principal', 'automation', 'runbook'],
  ],
  // The directory synchronisation engine: Entra (Azure AD) Connect and its sync service, DirSync, cloud sync.
  [
    'sync',
    new RegExp(
      String.raw`(?:\b(?:Azure AD|Azure Active Directory|Microsoft Entra|Entra(?: ID)?|AAD) Connect\b|\bADSync\b|\bDirSync\b|\bsync engine\b|Synchronization Service Manager|\bmiisclient\b|\b(?:Entra|Azure AD) Cloud Sync\b)`,
      'gi',
    ),
    ['azure', 'entra', 'aad', 'sync', 'miisclient'],
  ],
  // A mail client's own connection to its mailbox server: POP, IMAP, SMTP submission (its ports, SMTP AUTH), ActiveSync, and
  // a mail client's account settings (`the connection encryption type`). Not servers talking to each other (hybrid, connectors).
  // (Case-sensitive where the word is common in lower case: `a pop-up`.)
  [
    'mail-client',
    /\bPOP3?\b|\b[Pp]op3\b|\b(?:IMAP|[Ii]map)4?\b|(?<![A-Za-z])(?:[Pp]orts?|PORT)\s*[:=]?\s*(?:110|143|465|587|993|995)\b|\bSMTP[ _-]?AUTH\b|\b[Cc]lient [Ss]ubmission\b|\bActiveSync\b|\b[Ee]ncryption (?:type|method)\b/g,
    ['pop', 'imap', 'port', 'smtp', 'submission', 'activesync', 'encryption'],
  ],
  // Scripts named in words: the Exchange Health Checker and SetupAssist (as their `.ps1` files: the same anchor).
  ['script:healthchecker.ps1', /\bHealth ?Checker\b/gi, ['health']],
  ['script:setupassist.ps1', /\bSetup ?Assist\b/gi, ['setup']],
];

/**
 * A run of another program than the Hybrid Configuration Wizard that changes which Exchange a server has: an uninstall, a
 * decommission, or an update's installer (`failed to install update KB5000871`, `the security update failed`). Exchange
 * Setup itself is the `service:setup` anchor. Read on a paste only (errorCaps.ts `capWizardElsewhere`).
 */
export const INSTALLER_RUN =
  /\b(?:uninstall(?:s|ed|ing|ation)?|decommission(?:s|ed|ing)?)\b|\b(?:fail(?:s|ed|ure|ing)? to install|install(?:ing|ation of)?)\s+(?:the\s+)?(?:(?:security|cumulative)\s+)?(?:update|SU|CU ?\d*|KB ?\d{6,7})\b|\b(?:KB ?\d{6,7}|security update|cumulative update|SU|CU ?\d+)\s+(?:fail(?:s|ed)|(?:did not|didn't|could not|couldn't) install)\b/i;

/** INSTALLER_RUN, every match (installerRun reads each). */
const INSTALLER_RUNS = new RegExp(INSTALLER_RUN.source, 'gi');

/**
 * A negation that says a run did not happen, between the start of its clause and the run (`we haven't uninstalled or
 * decommissioned`, `without uninstalling`, `nothing was uninstalled`). Not `can't`, `couldn't`, `unable`: a run that fails
 * (`I can't uninstall Exchange 2010`) is still that run.
 */
const RUN_DENIED = /\b(?:not|never|without|nothing|none|no)\b|\b(?:do|does|did|has|have|had|is|are|was|were)n[’']?t\b/i;

/** Where a clause starts: a sentence's or a list's punctuation, or `but`. */
const CLAUSE_START = /[.;:!?,\n]|\bbut\b/gi;

/**
 * The clause of `text` before `at`: back to where the last clause starts (`starts`, a global pattern; default punctuation or
 * `but`), at most 60 characters. A negation there says the statement at `at` did not happen (installerRun, causeDone.ts).
 */
export function clauseBefore(text: string, at: number, starts: RegExp = CLAUSE_START): string {
  const before = text.slice(Math.max(0, at - 60), at);
  let start = 0;
  for (const c of before.matchAll(starts)) start = c.index + c[0].length;
  return before.slice(start);
}

/**
 * The first run of another program (INSTALLER_RUN) the paste says happened, as written; undefined when it names none, or
 * only runs its own clause denies (`we did not uninstall anything`).
 */
export function installerRun(text: string): string | undefined {
  for (const m of text.matchAll(INSTALLER_RUNS)) {
    if (!RUN_DENIED.test(clauseBefore(text, m.index))) return m[0];
  }
  return undefined;
}

/** SCENARIO_SERVICES' patterns, each global (addServices reads every match's sentence). */
const GLOBAL_SERVICES: readonly RegExp[] = SCENARIO_SERVICES.map(([, p]) => (p.global ? p : new RegExp(p.source, `${p.flags}g`)));

/**
 * What counts as an article naming a place whose words in a paste are narrower (SCENARIO_SERVICES): an article names
 * Exchange Setup when it speaks of installing, upgrading or preparing at all (`install the cumulative update`, `run
 * Setup /PrepareAD`), app-only sign-in when it names an app's credentials (`-AppId`, `-CertificateThumbprint`,
 * application permissions), the sync engine when it speaks of directory synchronisation or synced objects, Graph when it
 * speaks of a REST API. Read on an article's own text only (articleAnchors), as anchors added to its scenarioAnchors.
 */
export const SCENARIO_NAMED_BY_ARTICLES: readonly [string, RegExp][] = [
  [
    'service:setup',
    /\bsetup\b|\b(?:un)?install\w*|\bupgrad\w*|cumulative update|\bCU ?\d+\b|\bPrepare(?:AD|Schema|AllDomains|Domain)\b|Organization Preparation|\bdeploy(?:s|ed|ing)?\b|\bdeploy(?:ing|ment of) Exchange\b/i,
  ],
  [
    'service:app-only',
    /\bapp-?only\b|managed ?identit(?:y|ies)\b|\bservice principals?\b|Azure Automation|\brunbooks?\b|certificate-based auth|\bCBA\b|application permissions?\b|app registrations?\b|-AppId\b|-CertificateThumbprint\b|-CertificateFilePath\b/i,
  ],
  // Graph's older sibling, the Outlook REST API, answers the same client programs (`REST API is not yet supported for this mailbox`).
  ['api:graph', /\bREST API\b|\bOutlook REST\b/i],
  [
    'service:sync',
    /\b(?:Azure AD|Azure Active Directory|Microsoft Entra|Entra(?: ID)?|AAD) Connect\b|\bADSync\b|\bDirSync\b|sync engine|Synchronization Service|directory synchroni[sz]ation|\bsynced\b|synchroni[sz]ed (?:from|with|to)\b|\bCloud Sync\b/i,
  ],
];

/**
 * EWS named in an article's title at all (`EWS isn't supported when accessing Teams data`): the article is about calls to it.
 * Elsewhere in an article the bare name is mostly the server's side (its URL, virtual directory or logs): not this.
 */
/**
 * A PowerShell console's output (scenario.ts `pasteConsole`): its prompt (`PS C:\Users\admin>`, the EMS's `[PS] C:\…>`), a
 * record's location line (`At line:1 char:1`, German `In Zeile:1 Zeichen:1`) or frame (`+ CategoryInfo :`), or an error
 * record's first line (`Get-Mailbox : …`). Only at a line's start.
 */
export const POWERSHELL_CONSOLE =
  /^[ \t]*(?:\[PS\] |PS )[A-Za-z]:\\[^>\n]{0,200}>|^[ \t]*(?:At line|In Zeile):\d+ (?:char|Zeichen):\d+|^[ \t]*\+ (?:CategoryInfo|FullyQualifiedErrorId)\b|^[ \t]*[A-Z][a-z]{1,20}-[A-Z][A-Za-z0-9]{1,60} : /m;

/** PowerShell's message for a command it doesn't know, English and German: the command's name (group 1 or 2). */
export const NOT_RECOGNIZED =
  /\bThe term '([A-Za-z]{2,20}-[A-Za-z0-9]{2,60})' is not recognized\b|\bDie Benennung "([A-Za-z]{2,20}-[A-Za-z0-9]{2,60})" wurde nicht als Name/gi;

/**
 * Places that are a tool of their own, which runs cmdlets in its own session (the HCW, Exchange Setup, OWA, the admin
 * center, mailbox moves): a console paste that names none of them is not that tool's error (scenario.ts `consoleElsewhere`).
 */
export const CONSOLE_FOREIGN_TOOLS: readonly string[] = [
  'service:hcw',
  'service:setup',
  'service:owa',
  'service:admin-center',
  'service:mrs',
];

/**
 * Kinds of account an error can concern, by the words a paste or an article uses for them (scenario.ts `accountKinds`): a
 * guest (B2B, external user, `UserType : Guest`), a user without a license, a recipient without a mailbox (a mail user), a
 * shared mailbox, a room or equipment (resource) mailbox, a mailbox still on-premises. English and German; the recipient
 * type names Get-Mailbox and Get-Recipient print (`SharedMailbox`, `RoomMailbox`, `MailUser`, `GuestMailUser`) too.
 */
export const ACCOUNT_KINDS: readonly [string, RegExp][] = [
  [
    'guest',
    /\bguest(?:s|[ -](?:users?|accounts?))\b|\bB2B\b|\bexternal (?:users?|guests?)\b|#EXT#|\bUserType\s{0,5}:\s{0,5}Guest\b|\bGuestMailUser\b|\bGast(?:benutzer|konto|konten)/i,
  ],
  [
    'unlicensed',
    /\bunlicensed\b|\b(?:no|without an?) licen[cs]e|\blicen[cs]es? (?:was |were |has been |have been |is |are )?removed\b|\bohne Lizenz|\bnicht lizenziert/i,
  ],
  [
    'no-mailbox',
    /\b(?:doesn't|does not|don't|do not|didn't|did not) have an? (?:Exchange Online |cloud )?mailbox\b|\bno mailbox\b|\bwithout an? mailbox\b|\bmailbox-?less\b|(?<![\w-])(?:mail[ -]users?|MailUser)\b|\b(?:kein|ohne) Postfach\b/i,
  ],
  ['shared', /\bshared mailbox|\bSharedMailbox\b|\bfreigegebene[mnrs]? Postf[äa]ch/i],
  ['resource', /\b(?:room|resource|equipment) mailbox|\b(?:Room|Equipment)Mailbox\b|\b(?:Raum|Ressourcen)postf[äa]ch/i],
  [
    'on-premises',
    /\bon[ -]?prem(?:ises)?[ -](?:(?:user|shared|room|resource|equipment)[ -]?)?mailbox|\bmailbox(?:es)? (?:is |are |that (?:is|are) |still )?(?:located |hosted |homed )?(?:on[ -]?prem(?:ises)?\b|on an? (?:dedicated )?(?:Microsoft )?Exchange Server\b)|\blokale[ns]? Postf[äa]ch/i,
  ],
];

/**
 * Kinds of ACCOUNT_KINDS that can't be the same account: a guest has no mailbox of the tenant (not a shared, resource or
 * on-premises one), a recipient without a mailbox has no shared or resource one, a shared mailbox is no room. Any other two
 * may be one account (a shared mailbox needs no license, a user whose mailbox is on-premises has none in the cloud).
 */
export const ACCOUNT_CLASHES: readonly [string, string][] = [
  ['guest', 'shared'],
  ['guest', 'resource'],
  ['guest', 'on-premises'],
  ['no-mailbox', 'shared'],
  ['no-mailbox', 'resource'],
  ['shared', 'resource'],
];

export const EWS_IN_TITLE = /\bEWS\b|\bExchange Web Services\b/i;

/** The anchors an article's own text names (SCENARIO_NAMED_BY_ARTICLES) besides its scenarioAnchors. */
export function articleAnchors(text: string): Set<string> {
  const out = scenarioAnchors(text, false);
  for (const [anchor, pattern] of SCENARIO_NAMED_BY_ARTICLES) if (pattern.test(text)) out.add(anchor);
  return out;
}

/**
 * Any service's hint, longest first (letters, or a word with its punctuation where the word alone is common: `[rule:`
 * of a setup check, not every transport rule).
 */
const HINTS = [...new Set(SCENARIO_SERVICES.flatMap(([, , hints]) => hints))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const ANY_SERVICE_HINT = new RegExp(HINTS.map((h) => h.replace(/[^a-z]/g, (c) => `\\${c}`)).join('|'), 'g');
/**
 * Per hint, the services (a bit per SCENARIO_SERVICES entry) of every hint it begins with (itself included): where the
 * scan finds the longer hint, the shorter one is there too.
 */
const HINT_SERVICES = new Map(
  HINTS.map((h) => {
    let bits = 0;
    SCENARIO_SERVICES.forEach(([, , hints], s) => {
      if (hints.some((x) => h.startsWith(x))) bits |= 1 << s;
    });
    return [h, bits];
  }),
);

/**
 * The services whose hints `lower` holds, a bit per SCENARIO_SERVICES entry (0: none). One scan for every hint at once:
 * it runs on every line of every paste, and a search per hint (twenty) was most of reading a log line's anchors.
 * After each find the scan resumes one character on, so hints that overlap are all found.
 */
export function hintedServices(lower: string): number {
  let bits = 0;
  ANY_SERVICE_HINT.lastIndex = 0;
  for (let m = ANY_SERVICE_HINT.exec(lower); m !== null; m = ANY_SERVICE_HINT.exec(lower)) {
    bits |= HINT_SERVICES.get(m[0]) ?? 0;
    ANY_SERVICE_HINT.lastIndex = m.index + 1;
  }
  return bits;
}

/**
 * Programs other than Microsoft's that talk to Exchange and print their own errors (foreignProgram.ts): EWS, Graph,
 * IMAP and SMTP client libraries, mailers, mail relays and help-desk systems that fetch mail, lower case, as a word
 * in the paste (`exchangelib`, `php-ews`). A paste that names one is that program's report.
 */
export const CLIENT_PROGRAMS: readonly string[] = (
  'exchangelib php-ews ews-java-api ews-javascript-api node-ews ews-cpp davmail zammad mailkit mimekit nodemailer phpmailer ' +
  'swiftmailer symfony/mailer javamail jakarta.mail smtplib imaplib imapclient imap-tools imapflow node-imap go-imap gomail ' +
  'sasl-xoauth2 msmtp ssmtp fetchmail getmail imapsync offlineimap mbsync thunderbird roundcube nextcloud odoo redmine glpi ' +
  'otrs znuny osticket freshdesk zendesk o365-python python-o365 pyexchange viewpoint-ews'
).split(' ');

/**
 * Root namespaces of Microsoft's .NET code (`Microsoft.Exchange.…`, `System.Net.…`): a stack frame under any other
 * root (`MailKit.Net.Smtp.SmtpClient…`) is another program's code.
 */
export const MICROSOFT_NAMESPACES: ReadonlySet<string> = new Set(['Microsoft', 'System', 'Windows', 'MS', 'Internal', 'Interop', 'ASP']);

/**
 * Words an article's prose uses when it is about programs that send mail or call Exchange's interfaces: apps and
 * applications, line-of-business software, printers and scanners, scripts, SMTP AUTH and client submission, POP and
 * IMAP, EWS requests and applications, REST and Graph APIs, developers and SDKs, relays, mail clients, third-party
 * software. Such an article agrees with a paste printed by such a program (foreignProgram.ts). Read after
 * PROGRAM_KIND_NOISE is blanked out.
 */
export const PROGRAM_KINDS =
  /\b(?:non-Microsoft|third[- ]party (?:applications?|apps?|clients?|programs?|software|tools?|mail\w*|e-?mail\w*|services?|solutions?|products?|providers?)|applications?|apps?|line[- ]of[- ]business|LOB|printers?|scanners?|multifunction|scripts?|SMTP AUTH|client submission|POP3?|IMAP4?|(?:EWS|Exchange Web Services)(?: \(EWS\))? (?:requests?|applications?|apps?|clients?|calls?|API|Managed API|operations?|methods?|impersonation)|REST API|RESTful|(?:Graph|Outlook|Office JavaScript|messaging application programming|web) APIs?|Graph SDK|calls? (?:to|from) (?:Microsoft )?Graph|developers?|SDKs?|client librar(?:y|ies)|relay(?:s|ed|ing)?|(?:e-?mail|mail|IMAP|POP|SMTP|non-Outlook) clients?)\b/i;

/**
 * Microsoft's own programs and logs named with PROGRAM_KINDS' words (`Outlook Web App`, `Microsoft 365 Apps`, the
 * Application event log, IIS application pools, the HCW's and Hybrid Agent's applications, Exchange's `.ps1`
 * scripts, an internal relay domain): they say nothing about other programs.
 */
export const PROGRAM_KIND_NOISE =
  /\b(?:Outlook Web App|Microsoft 365 Apps?|Office (?:365 )?Apps?|Apps? for (?:enterprise|business)|Application (?:event )?logs?|Applications and Services(?: Logs?)?|Log Name: Application|application pools?|AppPool|(?:HCW|hybrid|hybrid agent) app(?:lication)?|Outlook (?:mobile )?app|Teams app|Authenticator app|internal ?relay|(?:[\w-]+\.ps1|PowerShell|maintenance) scripts?)\b/gi;

/**
 * The paste says it runs on an on-premises Exchange server (product.ts): a version (`Exchange 2013`, `Exchange Server 2016`,
 * `Exchange 2010 SP3`, `Exchange-Server 2016`), the words `on-premises Exchange` / `Exchange on-premises` (German `lokaler
 * Exchange`), the Exchange Management Shell (`Exchange-Verwaltungsshell`) or its prompt (`[PS] C:\Windows\system32>`).
 */
export const ON_PREMISES_PASTE =
  /\bExchange(?:[- ]Server)? (?:2003|2007|2010|2013|2016|2019|SE)\b|\bon[- ]?prem(?:ise|ises)?\s{1,3}Exchange\b|\bExchange\s{1,3}(?:Server\s{1,3})?on[- ]?prem(?:ise|ises)?\b|\bExchange Management Shell\b|\blokale[nmrs]?\s{1,3}Exchange(?:-Server)?\b|\bExchange-Verwaltungsshell\b|^[ \t]*\[PS\] [A-Za-z]:\\[^>\n]{0,200}>/im;

/**
 * The paste names the cloud side too (a hybrid setup, a tenant, Exchange Online, Office 365): then it is not plainly on-premises.
 */
export const CLOUD_PASTE =
  /\b(?:Exchange Online|EXO|Office ?365|O365|Microsoft 365|M365|hybrid|HCW|cloud|tenant|Azure|Entra|onmicrosoft\.com|protection\.outlook\.com|office365\.com|outlook\.office\.com)\b/i;

/**
 * The paste was printed in Exchange Online (product.ts, the other direction): the EXO module (`Connect-ExchangeOnline`,
 * `ExchangeOnlineManagement`), its endpoint (`outlook.office365.com/powershell-liveid`, `PSComputerName : outlook.office365.com`),
 * a datacenter server (`….prod.outlook.com`, `….protection.outlook.com`: the NDR's or the AD error's own host), a tenant
 * domain (`contoso.onmicrosoft.com`; the hybrid routing domain `mail.onmicrosoft.com` is ON_PREMISES_SIDE's), the cloud's
 * admin centers, the words `Exchange Online`, or a datacenter build (`X-ServerApplication: Exchange/15.20.1665.000`, a
 * header's `id 15.20.7633.17`: Exchange Online runs 15.20 and later; Exchange Server 2019 and SE are 15.2, `15.2.1544.4`
 * or `15.02.1544.004`).
 */
export const CLOUD_ONLY_PASTE =
  /\bConnect-ExchangeOnline\b|\bExchangeOnlineManagement\b|\/powershell-liveid\b|\bPSComputerName\s{0,20}:\s{0,5}outlook\.office365\.com\b|\.prod\.outlook\.com\b|\.protection\.outlook\.com\b|\.onmicrosoft\.com\b|\b(?:Microsoft|Office) 365 admin center\b|\badmin\.(?:exchange\.)?microsoft\.com\b|\/\/outlook\.office365\.com\/|\bExchange Online\b|\b15\.2\d\.\d{3,5}\.\d{1,3}\b/i;

/**
 * A diagnostic code that only Exchange Online Protection writes into its SMTP replies (`550 5.7.64 Relay Access Denied ATTR36`,
 * `…possible mail loop ATTR34`): such a reply came from Microsoft's cloud, whatever else the paste names (errorCaps.ts, a bare reply).
 */
export const CLOUD_REPLY_CODE = /\bATTR\d{1,3}\b/;

/**
 * The paste names an on-premises or hybrid side too (a server version, the EMS, `on-premises`, hybrid, the HCW, the sync
 * engine, the hybrid routing domain): then it is not plainly Exchange Online.
 */
export const ON_PREMISES_SIDE =
  /\bExchange[- ]Server\b|\bon[- ]?prem(?:ise|ises)?\b|\bhybrid|\bHCW\b|\bmail\.onmicrosoft\.com\b|\b(?:Azure AD|Entra|AAD) Connect\b|\bDirSync\b|\bADSync\b|\blokale[nmrs]?\s{1,3}Exchange|\bExchange-Verwaltungsshell\b/i;
