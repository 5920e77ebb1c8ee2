import type { Article } from '../knowledge/types';
import {
  ACCOUNT_CLASHES,
  ACCOUNT_KINDS,
  apiAnchors,
  articleAnchors,
  CONSOLE_FOREIGN_TOOLS,
  EWS_IN_TITLE,
  NOT_RECOGNIZED,
  POWERSHELL_CONSOLE,
  scenarioAnchors,
} from '../knowledge/vocabulary';
import { STOPWORDS } from './stopwords';

/**
 * The scenario rule: a generic line (`Access is denied`, `(403) Forbidden`, `Object reference not set…`) means
 * different problems in different places. An article's scenario is what its own text names — the cmdlets,
 * scripts, tools, services and event ids in its title, symptom descriptions, keywords and error texts
 * (imported articles have nothing else). A paste's is what it names besides the error it matched: the
 * command at the prompt, the script, the HCW log, the endpoint. When the paste says where it happened and
 * none of that is the article's scenario, the article is about another scenario: offered, never answered.
 */

/** An article's scenario: the anchors of its own text, and that text squashed (letters and digits only, lower case). */
export interface ArticleScenario {
  anchors: Set<string>;
  /** `owners can't manage the distribution group` → `…managethedistributiongroup…`: a cmdlet noun named in words. */
  squashed: string;
  /**
   * Per cmdlet noun asked (`agrees`), whether `squashed` holds it: every hit of the article asks again for each of the
   * paste's anchors, and a search of the whole text each time was a few percent of a log's match at 10,000 articles.
   */
  nouns: Map<string, boolean>;
  /** The kinds of account its title or cause names as its condition, and those its text names anywhere (`articleAccounts`). */
  accounts?: ArticleAccounts;
}

/**
 * The scenario of an article: anchors (vocabulary.ts `articleAnchors`: `scenarioAnchors` and the wider words of
 * SCENARIO_NAMED_BY_ARTICLES) of its title, keywords, symptoms, cause and steps.
 */
export function articleScenario(a: Article): ArticleScenario {
  const where = [
    a.title.de,
    a.title.en,
    ...(a.keywords?.de ?? []),
    ...(a.keywords?.en ?? []),
    ...a.symptoms.flatMap((s) => [
      s.description.de,
      s.description.en,
      ...(s.errors.de ?? []),
      ...(s.errors.en ?? []),
      ...(s.keywords?.de ?? []),
      ...(s.keywords?.en ?? []),
      ...(s.context?.de ?? []),
      ...(s.context?.en ?? []),
    ]),
  ];
  const why = [a.cause.de, a.cause.en, ...a.steps.flatMap((st) => [st.text.de, st.text.en, ...(st.commands ?? []).map((c) => c.code)])];
  const join = (texts: (string | undefined)[]) => texts.filter((t): t is string => !!t).join('\n');
  const text = join([...where, ...why]);
  const anchors = articleAnchors(text);
  // Exchange Setup is the article's place only where its title or symptoms put the error: a cause or a step that
  // speaks of an upgrade (`the file was overwritten during the upgrade`, `install the latest CU`) says when or how to fix.
  if (anchors.has(SETUP) && !articleAnchors(join(where)).has(SETUP)) anchors.delete(SETUP);
  if (EWS_IN_TITLE.test(join([a.title.en, a.title.de]))) anchors.add('api:ews');
  return { anchors, squashed: text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''), nouns: new Map() };
}

const SETUP = 'service:setup';

/** The paste's lines that name a scenario: their anchors and content terms. */
export interface PasteScenario {
  /** `record`: the anchor of the cmdlet a PowerShell error record starts with (`Set-Mailbox : …`), when the line is one. */
  lines: { anchors: Set<string>; terms: string[]; record?: string }[];
  /** The programming interfaces a client program called that the paste names anywhere (vocabulary.ts `apiAnchors`: `api:ews`). */
  apis?: string[];
}

/** A PowerShell error record's first line: the cmdlet that printed it, a colon, the message (`Set-Mailbox : The operation…`). */
const RECORD = /^\s*([A-Z][a-z]+-[A-Z][A-Za-z0-9]+) : /;

/**
 * Reads the anchors of each line of the paste (`terms`: its content terms, line by line), and the interfaces its text as
 * pasted (`text`, with its URLs) names. `asPaste` false: also the places named in sentences that say the task works there
 * (vocabulary.ts worksThere; `--explain` compares).
 */
export function pasteScenario(
  lines: readonly string[],
  terms: readonly { term: string; line: number }[],
  text = '',
  asPaste = true,
): PasteScenario {
  const out: PasteScenario['lines'] = [];
  const byLine = new Map<number, string[]>();
  lines.forEach((text, i) => {
    const anchors = scenarioAnchors(text, asPaste);
    if (!anchors.size) return;
    const lineTerms: string[] = [];
    byLine.set(i, lineTerms);
    const cmdlet = RECORD.exec(text)?.[1];
    const record = cmdlet === undefined ? undefined : [...scenarioAnchors(cmdlet)].find((a) => a.startsWith('cmdlet:'));
    out.push({ anchors, terms: lineTerms, ...(record ? { record } : {}) });
  });
  for (const t of terms) byLine.get(t.line)?.push(t.term);
  return { lines: out, apis: apiAnchors(text) };
}

/** A line of `terms` words, `found` of them the matched error text's, is that error's own line: half its words or more. */
export function isErrorsLine(terms: number, found: number): boolean {
  return terms > 0 && 2 * found >= terms;
}

/**
 * The paste's anchors that say where it happened, beside the lines that are the matched error, told by `own` (line k of
 * `paste.lines`: half its words or more are the error text's, `isErrorsLine`): `The term 'Get-OrganizationConfig' is not
 * recognized…` says what failed, not where. The caller (errorCaps.ts checkScenario) counts the words found by their ids.
 */
export function whereBeside(paste: PasteScenario, own: (k: number) => boolean): string[] {
  // The interface a client program called is where wherever the paste names it, on the error's own line too (`EWS FindItem
  // request failed: …`, `Exception calling "Bind" …: "…"`): an article whose error text names it agrees.
  const where = new Set<string>(paste.apis);
  for (let k = 0; k < paste.lines.length; k++) {
    const line = paste.lines[k];
    if (own(k)) {
      // The cmdlet that printed the record is where, even on the error's own line.
      if (line.record) where.add(line.record);
      continue;
    }
    for (const a of line.anchors) where.add(a);
  }
  return [...where];
}

/**
 * A paste copied from a PowerShell console (vocabulary.ts POWERSHELL_CONSOLE), with the commands it says PowerShell did not
 * recognize (`The term 'Get-OrganizationConfig' is not recognized…`): `names` in lower case, `anchors` their cmdlet anchors.
 * Undefined for any other paste.
 */
export interface PasteConsole {
  names: string[];
  anchors: Set<string>;
}

export function pasteConsole(text: string): PasteConsole | undefined {
  if (!POWERSHELL_CONSOLE.test(text)) return undefined;
  const names = new Set<string>();
  const anchors = new Set<string>();
  for (const m of text.matchAll(NOT_RECOGNIZED)) {
    const name = m[1] ?? m[2];
    names.add(name.toLowerCase());
    for (const a of scenarioAnchors(name)) if (a.startsWith('cmdlet:')) anchors.add(a);
  }
  return { names: [...names], anchors };
}

/**
 * "Which program": a console paste whose error the article gives for a tool of its own (CONSOLE_FOREIGN_TOOLS: the HCW,
 * Setup, OWA, the admin center, a move) — the tool the console paste names nowhere, and none of the paste's places agrees
 * with the article but a command PowerShell did not recognize: that command ran nowhere, so it says what failed, not where.
 * The article fits still when its cause names that command (it says why the command is missing). Returns the tool, or
 * undefined when the article may be the paste's. `cause`: the article's cause text, read only when the rest holds.
 */
export function consoleElsewhere(
  where: readonly string[],
  console: PasteConsole,
  named: (anchor: string) => boolean,
  article: ArticleScenario,
  cause: () => string,
): string | undefined {
  const tool = CONSOLE_FOREIGN_TOOLS.find((t) => article.anchors.has(t));
  if (tool === undefined || named(tool)) return undefined;
  if (where.some((a) => !console.anchors.has(a) && agrees(a, article))) return undefined;
  const lower = cause().toLowerCase();
  if (console.names.some((n) => lower.includes(n))) return undefined;
  return tool;
}

/** The places a paste names (the anchors of its lines, the interfaces a client called), each once. */
export function namedPlaces(scenario: PasteScenario): string[] {
  const out = new Set<string>(scenario.apis);
  for (const line of scenario.lines) for (const a of line.anchors) out.add(a);
  return [...out];
}

/** `where` (whereBeside) when none of it is the article's scenario; undefined when it is empty or one anchor agrees. */
export function outsideScenario(where: readonly string[], article: ArticleScenario): string[] | undefined {
  if (!where.length || where.some((a) => agrees(a, article))) return undefined;
  return [...where];
}

/**
 * The anchor is the article's, or (a cmdlet) its noun's object is named in the article's words: `Add-DistributionGroupMember`
 * agrees with an article about managing a distribution group (the noun's first two parts suffice: `distributiongroup`).
 */
function agrees(anchor: string, article: ArticleScenario): boolean {
  if (article.anchors.has(anchor)) return true;
  const noun = nounOf(anchor);
  if (noun === null) return false;
  const nouns = article.nouns;
  let held = nouns.get(noun);
  if (held === undefined) {
    held = article.squashed.includes(noun);
    // Bounded, as NOUNS: arbitrary pastes can't grow it.
    if (nouns.size >= 256) nouns.clear();
    nouns.set(noun, held);
  }
  return held;
}

/**
 * A cmdlet anchor's noun as `agrees` looks for it (its first two parts, run together: `cmdlet:distribution-group-member`
 * → `distributiongroup`), null for any other anchor. A one-word noun's anchor holds its verb (`cmdlet:get-mailbox` →
 * `getmailbox`): the noun alone is too common a word to stand for the command. Kept per anchor: every anchor of a paste
 * is compared with every article it matched.
 */
export function nounOf(anchor: string): string | null {
  let noun = NOUNS.get(anchor);
  if (noun === undefined) {
    const parts = /^cmdlet:(.+)$/.exec(anchor)?.[1].split('-') ?? [];
    noun = parts.length >= 2 ? parts.slice(0, 2).join('') : null;
    // Bounded, so arbitrary pastes can't grow it.
    if (NOUNS.size >= 10_000) NOUNS.clear();
    NOUNS.set(anchor, noun);
  }
  return noun;
}

const NOUNS = new Map<string, string | null>();

/**
 * A deployment the paste says it doesn't have: `We have no hybrid`, `not a hybrid setup`, `not going to have hybrid`,
 * `ohne Hybrid` (or ON_PREMISES_ONLY below). An article
 * whose title names that deployment (`… in a hybrid deployment`) is about a setup the paste rules out: the same error
 * there has another cause, so it is offered, not answered. Only deployments, words an admin states about the whole
 * setup; a negation before any other word (`does not have access to free/busy data`) says nothing about the setup.
 */
const DEPLOYMENTS = ['hybrid'] as const;
const DENIED = new RegExp(
  String.raw`\b(?:no|not|without|non|kein\w{0,3}|ohne|nicht)[\s-]{1,5}(?:(?:a|an|any|the|in|using|running|part|of|set|up|going|to|have|use|ein\w{0,3}|im)\s{1,5}){0,3}(` +
    DEPLOYMENTS.join('|') +
    String.raw`)\b(?![\s-]{0,5}(?:configuration|wizard|agent|konfiguration))`,
  'gi',
);

const DEPLOYMENT_NAMED = new RegExp(DEPLOYMENTS.join('|'), 'i');

/**
 * A setup the paste says is on-premises and nothing else (`a pure on-premises Exchange 2019 environment`, `completely an on
 * premises environment`, `an on-prem only organization`): it has no hybrid. Only with a word for the whole setup after it:
 * `only on-premises mailboxes fail` says which users, not which setup.
 */
const ON_PREMISES_ONLY =
  /\b(?:(?:pure(?:ly)?|complete(?:ly)?|entire(?:ly)?|full(?:y)?|100\s?%)\s{1,3}(?:an?\s{1,3})?on[\s-]?prem(?:ise|ises)?|on[\s-]?prem(?:ise|ises)?[\s-]{1,3}only)\s{1,3}(?:exchange(?:\s{1,3}(?:server\s{1,3})?(?:20\d\d|se)(?:\s{1,3}cu\d{1,2})?)?\s{1,3})?(?:environment|setup|set-up|organi[sz]ation|org|deployment|installation|infrastructure)\b/i;
const ON_PREMISES_HINT = /prem/i;

/**
 * What a paste says a user or object does not have: `doesn't have Full Access permission`, `has no Send As right`. The two
 * to three words after it; an article whose title names the first two as its condition (`… when Full Access permission is
 * granted …`) is about a setup the paste rules out, as a denied deployment is.
 */
const LACKED =
  /\b(?:(?:does|do|did)(?:n't|n’t|nt| not)\s{1,3}have|(?:has|have|had)\s{1,3}no|without)\s{1,3}(?:(?:a|an|any|the)\s{1,3})?([A-Za-z][\w-]{1,30}\s{1,3}[A-Za-z][\w-]{1,30})\b/gi;

/** The deployments (`hybrid`) the paste's text says it does not have, and (two words each) what it says a user lacks. */
export function deniedDeployments(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(LACKED)) {
    const words = m[1].toLowerCase().split(/\s+/);
    // A deployment (`no hybrid Exchange`) is read below, as one word.
    if (!words.some((w) => STOPWORDS.has(w)) && !(DEPLOYMENTS as readonly string[]).includes(words[0])) out.add(words.join(' '));
  }
  if (ON_PREMISES_HINT.test(text) && ON_PREMISES_ONLY.test(text)) out.add('hybrid');
  // Every match names a deployment in ASCII letters (any case): a text without one is not searched.
  if (!DEPLOYMENT_NAMED.test(text)) return out;
  for (const m of text.matchAll(DENIED)) out.add(m[1].toLowerCase());
  return out;
}

/**
 * Every match of LACKED holds one of its verbs or `without`, every match of DENIED a deployment, every match of ON_PREMISES_ONLY
 * `prem` (deniedInLines).
 */
const DENIAL_HINT = new RegExp(String.raw`\bha[sdv]|without|prem|${DEPLOYMENTS.join('|')}`, 'i');

/**
 * `deniedDeployments` of a paste's lines as one text (a denial may run over a line break). The lines are joined only when
 * one of them holds a word every denial needs: most pastes hold none, and deny nothing.
 */
export function deniedInLines(lines: readonly string[]): Set<string> {
  for (const line of lines) if (DENIAL_HINT.test(line)) return deniedDeployments(lines.join('\n'));
  return new Set();
}

/**
 * The first of `denied` that the article's title names (undefined when none): the article is about a setup the paste rules
 * out. Two words (what a user lacks) count where the title names them together with no negation in the three words before
 * (`Can't send … when Full Access permission is granted`, not `… don't have Full Access`).
 */
export function deniedInTitle(denied: ReadonlySet<string>, title: readonly (string | undefined)[]): string | undefined {
  if (!denied.size) return undefined;
  const list = title
    .join(' ')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u);
  const words = new Set(list);
  return [...denied].find((d) => {
    const [a, b] = d.split(' ');
    if (b === undefined) return words.has(a);
    for (let i = 0; i + 1 < list.length; i++)
      if (list[i] === a && list[i + 1] === b && !list.slice(Math.max(0, i - 3), i).some((w) => TITLE_NEGATION.has(w))) return true;
    return false;
  });
}

/** Words that deny what follows them in a title (apostrophes removed: `dont`, `cant`). */
const TITLE_NEGATION = new Set(['no', 'not', 'without', 'dont', 'doesnt', 'cant', 'cannot', 'isnt', 'arent', 'wont', 'lacks', 'missing']);

/**
 * "Who": the kinds of account (vocabulary.ts ACCOUNT_KINDS: a guest, a user without a license, a recipient without a
 * mailbox, a shared, resource or on-premises mailbox) a text names.
 */
export function accountKinds(text: string): Set<string> {
  const out = new Set<string>();
  if (!ACCOUNT_HINT.test(text)) return out;
  for (const [kind, pattern] of ACCOUNT_KINDS) if (pattern.test(text)) out.add(kind);
  return out;
}

/** A word one of ACCOUNT_KINDS' patterns needs: a text holding none is not searched with them. */
const ACCOUNT_HINT = /guest|b2b|external|#ext#|licen[cs]|mailbox|mail[ -]?user|postf|gast/i;

/** The kinds of account an article's title or cause names (its condition), and those its whole text names. */
export interface ArticleAccounts {
  condition: ReadonlySet<string>;
  named: ReadonlySet<string>;
}

/** The article's ArticleAccounts, read once and kept on its scenario. */
export function articleAccounts(a: Article, scenario: ArticleScenario): ArticleAccounts {
  if (scenario.accounts) return scenario.accounts;
  const join = (texts: (string | undefined)[]) => texts.filter((t): t is string => !!t).join('\n');
  const condition = accountKinds(join([a.title.en, a.title.de, a.cause.en, a.cause.de]));
  // Only an article with a condition is ever compared: the rest of its text is read for those alone.
  const named = condition.size
    ? accountKinds(
        join([
          ...(a.keywords?.en ?? []),
          ...(a.keywords?.de ?? []),
          ...a.symptoms.flatMap((s) => [s.description.en, s.description.de, ...(s.errors.en ?? []), ...(s.errors.de ?? [])]),
          ...a.steps.flatMap((st) => [st.text.en, st.text.de, ...(st.commands ?? []).map((c) => c.code)]),
        ]),
      )
    : condition;
  return (scenario.accounts = { condition, named: new Set([...condition, ...named]) });
}

const CLASHES = new Set(ACCOUNT_CLASHES.flatMap(([a, b]) => [`${a} ${b}`, `${b} ${a}`]));

/**
 * The kind of account the paste names (`pasted`, accountKinds) and the one the article's title or cause names as its
 * condition that can't be the same account (ACCOUNT_CLASHES: a guest and an on-premises mailbox), when every kind the paste
 * names clashes with every kind of the article's condition and its text names none of the paste's: the same error for
 * another account, whose cause the article does not give (offered, not answered). Undefined when any two may be one account.
 */
export function otherAccount(pasted: ReadonlySet<string>, article: ArticleAccounts): [string, string] | undefined {
  if (!pasted.size || !article.condition.size) return undefined;
  for (const p of pasted) {
    if (article.named.has(p)) return undefined;
    for (const c of article.condition) if (!CLASHES.has(`${p} ${c}`)) return undefined;
  }
  return [[...pasted][0], [...article.condition][0]];
}
