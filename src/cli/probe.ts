import type { KnowledgeBase } from '../knowledge/load';
import {
  CLOUD_ONLY_PASTE,
  CLOUD_PASTE,
  ON_PREMISES_PASTE,
  ON_PREMISES_SIDE,
  PROBLEM_CODE_IN_TEXT,
  scenarioAnchors,
} from '../knowledge/vocabulary';
import { CHAIN_MARKER } from '../matching/chains';
import { namesCloud, namesProduct, onlineOnly, serverOnly, versionScope } from '../matching/product';
import { accountKinds, articleAccounts, articleScenario, otherAccount } from '../matching/scenario';
import { looksLikeName } from '../matching/score';
import { contentTerms } from '../matching/signals';

/**
 * Near-miss probes: look-alike pastes built by rules from the knowledge's own error texts (issue 12), each with
 * the articles that may be answered. They find the rules that answer a paste for what it shares with an article
 * (a wrapper, an exception class, a generic line, a status code) when what tells errors apart is not the article's.
 * Nothing here is hand-written input: every probe is two error texts of different articles put together.
 */

/** How a probe was made; the README's "How matching works" names them. */
export type ProbeRule =
  | 'inner-swap'
  | 'class-message'
  | 'generic-in-context'
  | 'wrapper-only'
  | 'code-swap'
  | 'context-swap'
  | 'product-swap'
  | 'version-swap'
  | 'overview-frame'
  | 'near-twin'
  | 'client-swap'
  | 'account-swap'
  | 'value-swap'
  | 'value-tail';

export interface Probe {
  rule: ProbeRule;
  text: string;
  /** The article whose error text gave the probe its wrapper, class or context: answering it is false. */
  from: string;
  /** Articles that may be answered (their own error text holds what the probe now says); empty: none may. */
  allowed: string[];
  /**
   * The error text the probe was changed from (value-swap): where that text is answered with an allowed article, the probe
   * must be too — another value in a value's place is the same error (runProbes counts it `lost` otherwise).
   */
  keeps?: string;
}

/** One error text cut at its last chain marker: what announces the inner message, and the inner message. */
interface Split {
  article: string;
  wrapper: string;
  inner: string;
  /** The marker is an exception or error class name (`MigrationPermanentException:`). */
  classMarker: boolean;
  /** The wrapper chains a message of its own before the last marker (`…error message: Access is denied. … OpenError:`). */
  ownMessage: boolean;
}

/** A class name as chain marker: `FooException:` (not a sentence's `error:`). */
const CLASS_MARKER = /[A-Z][\w.]*[a-z](?:Exception|Error)\s*:$/;
/** Longer wrappers are left out (see splitChain). */
const MAX_WRAPPER_WORDS = 40;
/** SMTP enhanced status codes (`5.7.133`). */
const STATUS = /\b[245]\.\d\.\d{1,3}\b/g;
/** One of them somewhere in a text. */
const HAS_STATUS = /\b[245]\.\d\.\d{1,3}\b/;
/** Lines many tools print: pasted in another tool's context they tell nothing about which error it is. */
const GENERIC_LINES = [
  'Access is denied.',
  'The remote server returned an error: (403) Forbidden.',
  'The remote server returned an error: (401) Unauthorized.',
  'Object reference not set to an instance of an object.',
  'The underlying connection was closed: An unexpected error occurred on a send.',
  'The operation has timed out.',
];

/**
 * Lines that say which product printed a paste (product.ts): an Exchange Online session or datacenter host, an on-premises
 * server's shell prompt or version. Put before an error text of an article of the other product only, they make the same
 * error in another product, whose cause and fix that article does not give.
 */
const CLOUD_LINES = [
  'PS C:\\> Connect-ExchangeOnline -UserPrincipalName admin@contoso.onmicrosoft.com',
  '    + PSComputerName        : outlook.office365.com',
  'Generating server: BN8PR11MB3601.namprd11.prod.outlook.com',
];
const ON_PREMISES_LINES = ['[PS] C:\\Windows\\system32>', 'Exchange Server 2019 CU14'];

/** What a server of each Exchange Server version says it is (version-swap), newest first. */
const VERSION_LINES: readonly [number, string][] = [
  [2019, 'Exchange Server 2019 CU14'],
  [2016, 'Exchange Server 2016 CU23'],
  [2013, 'Exchange Server 2013 CU23'],
  [2010, 'Exchange Server 2010 SP3'],
];

/**
 * What a client program prints around an error that an interface it called returned (vocabulary.ts CLIENT_APIS): a frame of
 * the EWS Managed API after it, a Graph request before it. Around the error text of an article whose own text names no such
 * interface, they make the same error met by a client program, whose cause that article does not give.
 */
const CLIENT_LINES: readonly { api: string; before?: string; after?: string }[] = [
  {
    api: 'api:ews',
    after: '   at Microsoft.Exchange.WebServices.Data.ServiceRequestBase.GetEwsHttpWebResponse(IEwsHttpWebRequest request)',
  },
  { api: 'api:graph', before: 'POST https://graph.microsoft.com/v1.0/users/admin@contoso.com/sendMail' },
];

/**
 * What Get-User / Get-Recipient print for a kind of account (vocabulary.ts ACCOUNT_KINDS). Before the error text of an article
 * whose title or cause names a kind of account that can't be this one (a guest against a mailbox on-premises), they make the
 * same error for another account, whose cause that article does not give.
 */
const ACCOUNT_LINES: readonly { kind: string; line: string }[] = [
  { kind: 'guest', line: 'UserType : Guest' },
  { kind: 'shared', line: 'RecipientTypeDetails : SharedMailbox' },
  { kind: 'resource', line: 'RecipientTypeDetails : RoomMailbox' },
  { kind: 'no-mailbox', line: 'RecipientTypeDetails : MailUser' },
];

/** PROBLEM_CODE_IN_TEXT without its global flag (a test). */
const PROBLEM_CODE = new RegExp(PROBLEM_CODE_IN_TEXT.source, 'i');

/** Lower-case words only: what "holds the same text" compares. */
export function normalized(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function words(text: string): number {
  return normalized(text).split(' ').filter(Boolean).length;
}

/**
 * Cuts at the last chain marker (chains.ts: the innermost message tells errors apart); undefined when either side is
 * too short to be a wrapper or a message.
 */
export function splitChain(text: string): Omit<Split, 'article'> | undefined {
  const markers = [...text.matchAll(CHAIN_MARKER)];
  // Texts that chain more than twice hold messages of their own before the last one: cut, they still say which
  // error they are, and a probe made of them would count a right answer as false.
  if (markers.length === 0 || markers.length > 2) return undefined;
  const last = markers[markers.length - 1];
  const end = last.index + last[0].length;
  const wrapper = text.slice(0, end).trim();
  const inner = text
    .slice(end)
    .trim()
    .replace(/^["“„'«]+|["”“'»]+$/g, '')
    .trim();
  // A long wrapper (an event log record) says which error it is without its inner message.
  if (words(wrapper) < 3 || words(wrapper) > MAX_WRAPPER_WORDS || words(inner) < 3) return undefined;
  // The inner message said before in the wrapper too: replacing it leaves the article's error in the probe.
  if (normalized(wrapper).includes(normalized(inner))) return undefined;
  // Between two markers: three words or more are a message of the wrapper's own.
  const between = markers.length === 2 ? text.slice(markers[0].index + markers[0][0].length, last.index) : '';
  return { wrapper, inner, classMarker: CLASS_MARKER.test(wrapper), ownMessage: words(between) >= 3 };
}

/** Every error text of every article, in load order, with its article id. */
function errorTexts(kb: KnowledgeBase): { article: string; text: string }[] {
  const out: { article: string; text: string }[] = [];
  for (const a of kb.articles)
    for (const s of a.symptoms)
      for (const list of Object.values(s.errors)) for (const text of list ?? []) out.push({ article: a.id, text });
  return out;
}

/**
 * Builds the probes. `partners`: of every hundred other error texts, about how many each error text is combined with. Which
 * ones is a hash of the two texts (`paired`), not their places in the list: a new error text adds its own probes and moves
 * no other one, so runs compare across imports. A probe whose text some article holds whole is left out: it is no near
 * miss then.
 */
export function buildProbes(kb: KnowledgeBase, partners = 2): Probe[] {
  const texts = errorTexts(kb);
  const byArticle = new Map<string, string[]>();
  for (const t of texts) byArticle.set(t.article, [...(byArticle.get(t.article) ?? []), normalized(t.text)]);
  /** Articles with an error text holding every one of `parts`. */
  const holding = (...parts: string[]): string[] => {
    const n = parts.map(normalized);
    return [...byArticle].filter(([, list]) => list.some((t) => n.every((p) => t.includes(p)))).map(([id]) => id);
  };
  const messages = new Map<string, Set<string>>();
  for (const t of texts) {
    const m = recordMessage(t.text);
    if (m.split(' ').length >= 3) messages.set(m, (messages.get(m) ?? new Set()).add(t.article));
  }
  // Each error text's message as a set of words (recordMessage), for its near twins.
  const messageWords = texts.map((t) => ({ article: t.article, words: new Set(recordMessage(t.text).split(' ').filter(Boolean)) }));
  /**
   * Articles holding `text`, or the same message as its own (recordMessage: another record or placeholder around it), or a
   * near twin of that message (nearTwin: `No active public folder mailboxes were found.` for `…were found for organization
   * <X>.`, one message quoted with and without a clause).
   */
  const holdingError = (text: string): string[] => {
    const own = new Set(recordMessage(text).split(' ').filter(Boolean));
    const twins = own.size >= TWIN_MIN_WORDS ? messageWords.filter((m) => nearTwin(own, m.words)).map((m) => m.article) : [];
    return [...new Set([...holding(text), ...(messages.get(recordMessage(text)) ?? []), ...twins])];
  };
  const splits: Split[] = [];
  for (const t of texts) {
    const s = splitChain(t.text);
    if (s) splits.push({ article: t.article, ...s });
  }
  const probes: Probe[] = [];
  const seen = new Set<string>();
  const add = (p: Probe): void => {
    const key = normalized(p.text);
    if (seen.has(key)) return;
    // A probe some article holds whole (with its context) is that article's error, no near miss — but for a
    // wrapper alone, being part of several articles' texts is the point, and a near twin is its article's text.
    if (p.rule !== 'wrapper-only' && p.rule !== 'near-twin' && p.rule !== 'value-swap' && holding(p.text).length > 0) return;
    seen.add(key);
    probes.push(p);
  };
  /** The places in a list of texts whose text is paired with the i-th one's (another article's, paired by hash). */
  const others = (i: number, n: number, article: (k: number) => string, text: (k: number) => string): number[] => {
    const out: number[] = [];
    for (let j = 0; j < n; j++) if (article(j) !== article(i) && paired(text(i), text(j), partners)) out.push(j);
    return out;
  };
  // Only a wrapper that another article's error text holds too is a wrapper: one that only its article holds
  // (a cmdlet's own message before `CategoryInfo : OpenError:`) still says which error it is.
  const shared = splits.map((s) => holding(s.wrapper).length >= 2);
  splits.forEach((a, i) => {
    if (!shared[i]) {
      // A wrapper that holds a message of its own is still the article's error with another inner message after it.
      if (a.ownMessage) return;
      // A wrapper only its article prints (its own outer message, the cmdlet or tool that failed) around another
      // article's inner message: the same message in another scenario, which neither article's fix is sure to fit.
      for (const j of others(
        i,
        splits.length,
        (k) => splits[k].article,
        (k) => splits[k].wrapper + splits[k].inner,
      )) {
        const b = splits[j];
        const holders = holding(b.inner);
        // Only an inner message several articles' errors carry: a distinctive one says which error it is in any wrapper.
        if (holders.length < 2 || holders.includes(a.article) || normalized(b.wrapper) === normalized(a.wrapper)) continue;
        add({ rule: 'context-swap', text: `${a.wrapper} ${b.inner}`, from: a.article, allowed: [] });
      }
      return;
    }
    for (const j of others(
      i,
      splits.length,
      (k) => splits[k].article,
      (k) => splits[k].wrapper + splits[k].inner,
    )) {
      const b = splits[j];
      if (holding(b.inner).includes(a.article)) continue;
      // The inner message is b's: the articles whose text holds it may be answered, never a's.
      const allowed = holding(b.inner).filter((id) => id !== a.article);
      add({ rule: a.classMarker ? 'class-message' : 'inner-swap', text: `${a.wrapper} ${b.inner}`, from: a.article, allowed });
    }
    for (const line of GENERIC_LINES) {
      if (holding(line).includes(a.article)) continue;
      // A generic line in a's context: only an article whose one text holds both may be answered.
      add({ rule: 'generic-in-context', text: `${a.wrapper} ${line}`, from: a.article, allowed: holding(a.wrapper, line) });
    }
  });
  // A wrapper that several articles use around different inner messages, pasted alone: which error it is, is not there.
  const wrappers = new Map<string, Split[]>();
  for (const s of splits) wrappers.set(normalized(s.wrapper), [...(wrappers.get(normalized(s.wrapper)) ?? []), s]);
  for (const list of wrappers.values())
    if (new Set(list.map((s) => s.article)).size >= 2)
      add({ rule: 'wrapper-only', text: list[0].wrapper, from: list[0].article, allowed: [] });
  // An NDR status code with another code's text.
  const coded = texts.filter((t) => (t.text.match(STATUS) ?? []).length === 1);
  coded.forEach((a, i) => {
    const code = a.text.match(STATUS)![0];
    for (const j of others(
      i,
      coded.length,
      (k) => coded[k].article,
      (k) => coded[k].text,
    )) {
      const other = coded[j].text.match(STATUS)![0];
      if (other === code || holding(other, a.text.replace(STATUS, '')).length > 0) continue;
      // The code is the other one's now: an article holding it may be answered (an NDR table lists many codes).
      add({ rule: 'code-swap', text: a.text.replace(code, other), from: a.article, allowed: holding(other) });
    }
  });
  // An overview's text without a code (the format every bounce prints) above another article's bounce with a code the
  // overview lists: the bounce's own article may be answered (or an overview row holding the bounce's text), never the
  // overview for its format. About one pair in three (at the default partners), by the hash of the two texts.
  const codesOf = new Map<string, Set<string>>();
  for (const t of texts) for (const c of t.text.match(STATUS) ?? []) codesOf.set(t.article, (codesOf.get(t.article) ?? new Set()).add(c));
  const overviews = new Set([...codesOf].filter(([, c]) => c.size >= 3).map(([id]) => id));
  const frames = texts.filter((t) => overviews.has(t.article) && !HAS_STATUS.test(t.text) && words(t.text) >= 3);
  for (const frame of frames) {
    for (const b of coded) {
      if (overviews.has(b.article) || !paired(frame.text, b.text, Math.min(100, OVERVIEW_PAIRS * partners))) continue;
      const code = b.text.match(STATUS)![0];
      if (!codesOf.get(frame.article)!.has(code)) continue;
      add({ rule: 'overview-frame', text: `${frame.text}\n${b.text}`, from: frame.article, allowed: holding(b.text) });
    }
  }
  // An article's error text pasted from the other product: an Exchange Server-only article's error in an Exchange Online
  // session, an Exchange Online-only article's error on an on-premises server (one probe per article, its first error text,
  // the line picked by a hash of the article and its text).
  // Articles whose own text names the other side (a hybrid or migration article, the version) are left out.
  for (const a of kb.articles) {
    const first = a.symptoms.flatMap((s) => s.errors.en ?? s.errors.de ?? [])[0];
    if (first === undefined || words(first) < 3) continue;
    // An error text that names a product itself (`Outbound to Office 365`, `On-Premises`, a version) says where it is.
    if (CLOUD_PASTE.test(first) || CLOUD_ONLY_PASTE.test(first) || ON_PREMISES_PASTE.test(first) || ON_PREMISES_SIDE.test(first)) continue;
    const squashed = articleScenario(a).squashed;
    const lines = serverOnly(a) && !namesCloud(squashed) ? CLOUD_LINES : onlineOnly(a) ? ON_PREMISES_LINES : undefined;
    if (!lines) continue;
    const line = lines[textHash(`${a.id}\n${first}`) % lines.length];
    if (lines === ON_PREMISES_LINES && namesProduct(squashed, line)) continue;
    const sameProduct = (id: string) => {
      const b = kb.articles.find((x) => x.id === id);
      return b !== undefined && (lines === CLOUD_LINES ? !serverOnly(b) : !onlineOnly(b));
    };
    add({ rule: 'product-swap', text: `${line}\n${first}`, from: a.id, allowed: holdingError(first).filter(sameProduct) });
  }
  // An article's error text on another Exchange Server version than the ones the article says are its scenario (its title
  // names them, or it speaks of a coexistence: product.ts versionScope), one probe per such article, its first error text,
  // the newest version outside its scope: only an article that holds the text and is not scoped away from it may be answered.
  const scopes = new Map(kb.articles.map((a) => [a.id, versionScope(a)]));
  const onVersion = (id: string, year: number): boolean => {
    const scope = scopes.get(id);
    if (!scope || scope.years.has(year) || (scope.from !== undefined && year >= scope.from)) return true;
    const b = kb.articles.find((x) => x.id === id);
    return b !== undefined && namesProduct(articleScenario(b).squashed, `Exchange ${year}`);
  };
  for (const a of kb.articles) {
    if (!scopes.get(a.id)) continue;
    const first = a.symptoms.flatMap((s) => s.errors.en ?? s.errors.de ?? [])[0];
    if (first === undefined || words(first) < 3 || ON_PREMISES_PASTE.test(first) || /\b1[45]\.\d/.test(first)) continue;
    const year = VERSION_LINES.map(([y]) => y).find((y) => !onVersion(a.id, y));
    if (year === undefined) continue;
    const line = VERSION_LINES.find(([y]) => y === year)![1];
    add({ rule: 'version-swap', text: `${line}\n${first}`, from: a.id, allowed: holding(first).filter((id) => onVersion(id, year)) });
  }
  // An article's error text printed by a client program that called an interface the article's own text names nowhere (one
  // probe per article, its first error text, EWS or Graph by a hash of the article and its text): only an article that holds
  // the text and names that interface may be answered.
  const scenarios = new Map(kb.articles.map((a) => [a.id, articleScenario(a).anchors]));
  for (const a of kb.articles) {
    const first = a.symptoms.flatMap((s) => s.errors.en ?? s.errors.de ?? [])[0];
    // An error text that says where it happened itself (a cmdlet's record, an HCW code, an event's source, Setup's log) is
    // that place's error wherever it is pasted; so is one with a code only one problem has.
    if (first === undefined || words(first) < 3 || scenarioAnchors(first).size > 0 || PROBLEM_CODE.test(first)) continue;
    const client = CLIENT_LINES[textHash(`${a.id}\n${first}`) % CLIENT_LINES.length];
    if (scenarios.get(a.id)!.has(client.api)) continue;
    const text = [client.before, first, client.after].filter((t) => t !== undefined).join('\n');
    add({ rule: 'client-swap', text, from: a.id, allowed: holding(first).filter((id) => scenarios.get(id)!.has(client.api)) });
  }
  // An article's error text for another kind of account than the one its title or cause names (one probe per such article,
  // its first error text, the first kind that clashes from one picked by a hash of the article and its text): only an article
  // that holds the text and may be about that account may be answered.
  const accounts = new Map(kb.articles.map((a) => [a.id, articleAccounts(a, articleScenario(a))]));
  for (const a of kb.articles) {
    const first = a.symptoms.flatMap((s) => s.errors.en ?? s.errors.de ?? [])[0];
    if (first === undefined || words(first) < 3 || accountKinds(first).size > 0 || PROBLEM_CODE.test(first)) continue;
    const own = accounts.get(a.id)!;
    const start = textHash(`${a.id}\n${first}`);
    const clash = (k: number) => ACCOUNT_LINES[(start + k) % ACCOUNT_LINES.length];
    const k = ACCOUNT_LINES.findIndex((_, i) => otherAccount(new Set([clash(i).kind]), own) !== undefined);
    if (k < 0) continue;
    const { kind, line } = clash(k);
    const allowed = holding(first).filter((id) => otherAccount(new Set([kind]), accounts.get(id)!) === undefined);
    add({ rule: 'account-swap', text: `${line}\n${first}`, from: a.id, allowed });
  }
  // Another value in each value's place (value-swap: the same error, to be answered as the text itself is), and the words
  // after a value changed to another article's words after one of its values (value-tail: the same beginning around a value,
  // another error: only an article holding those words may be answered, never the one the beginning came from).
  const valued = texts.map((t) => ({ ...t, spans: valueSpans(t.text) })).filter((t) => t.spans.length > 0);
  valued.forEach((a, i) => {
    add({ rule: 'value-swap', text: withValues(a.text, a.spans), from: a.article, allowed: holding(a.text), keeps: a.text });
    // Cut after the first value inside a sentence: four words or more before it, three or more after it before the
    // sentence (or the chain's part) ends — what the contradiction rule compares.
    // A value that is a whole word on both sides (not `<domain>` of `'<domain>.mail.onmicrosoft.com'`): cut inside a word,
    // the probe goes on with the rest of a's word or starts b's tail with the rest of b's (`.mail.onmicrosoft.com'`).
    const cut = a.spans.find(
      (s) => s.word && endsWord(a.text, s.to) && words(a.text.slice(0, s.from)) >= 4 && words(sentenceAfter(a.text, s.to)) >= 3,
    );
    if (cut === undefined) return;
    // Every value up to the cut another one, as in value-swap: a paste has a host where the text has `<FQDN of domain
    // controller>`, never the placeholder's words (which the matcher reads as words the text has there).
    const head = withValues(
      a.text.slice(0, cut.to),
      a.spans.filter((s) => s.to <= cut.to),
    );
    for (const j of others(
      i,
      valued.length,
      (k) => valued[k].article,
      (k) => valued[k].text,
    )) {
      const b = valued[j];
      // Three words the matcher reads as words (not stop words, names, placeholders or dotted names: ` from '{host name}'`,
      // `, M.E.Store.Worker, …`): what goes on differently. Fewer, and the probe is a's text cut after a value.
      const after = b.spans.find((s) => s.word && endsWord(b.text, s.to) && tailWords(sentenceAfter(b.text, s.to)) >= 3);
      if (after === undefined) continue;
      const tail = b.text.slice(after.to);
      // The words after the value are the same (two texts of one template): no other error.
      if (normalized(tail).startsWith(normalized(a.text.slice(cut.to)).split(' ').slice(0, 3).join(' '))) continue;
      // An article whose text holds the tail's inner message may be answered too (inner-swap: the innermost message
      // says which error it is): `…'<agent>' because the following error occurred: …ObjectNotFoundException: No active
      // public folder mailboxes were found…` is that article's error.
      const inner = splitChain(tail)?.inner;
      const allowed = [...new Set([...holding(tail), ...(inner === undefined ? [] : holding(inner))])].filter((id) => id !== a.article);
      add({ rule: 'value-tail', text: `${head}${tail}`, from: a.article, allowed });
    }
  });
  // Near twins: an error text whose words another article's text holds all of, with one or two words more that are no code
  // (`The connection to Microsoft Exchange is unavailable…` and `…to the Microsoft Exchange Server is unavailable…`, one
  // prompt quoted from two Outlook versions). Pasted alone, the shorter one says nothing of which article's cause it is:
  // none may be answered (both offered). The longer one pasted holds a word the shorter lacks: that tells them apart.
  const wordSets = texts.map((t) => new Set(normalized(t.text).split(' ').filter(Boolean)));
  const byWord = new Map<string, number[]>();
  wordSets.forEach((set, i) => {
    for (const w of set) byWord.set(w, [...(byWord.get(w) ?? []), i]);
  });
  texts.forEach((a, i) => {
    const own = wordSets[i];
    if (own.size < TWIN_MIN_WORDS) return;
    // Another article's text holding a's whole: a tie, not a near twin.
    if (holding(a.text).some((id) => id !== a.article)) return;
    const shared = new Map<number, number>();
    for (const w of own) for (const j of byWord.get(w) ?? []) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, n] of shared) {
      const other = wordSets[j];
      if (texts[j].article === a.article || n < own.size || other.size - n > TWIN_MORE_WORDS) continue;
      if ([...other].some((w) => !own.has(w) && /\d/.test(w))) continue;
      add({ rule: 'near-twin', text: a.text, from: a.article, allowed: [] });
      break;
    }
  });
  return probes;
}

/** Where a value stands in an error text, and what stands there in a probe (valueSpans). */
interface ValueSpan {
  from: number;
  to: number;
  other: string;
  /** The value stands as a word of a sentence (after a space, a quote or a parenthesis; not `Server=<Server>`). */
  word: boolean;
}

/** The words of `text` from `at` to the end of their sentence or chain part (`. `, `: `, `-->`, `+ CategoryInfo`). */
function sentenceAfter(text: string, at: number): string {
  const rest = text.slice(at);
  const end = rest.search(/[.!?:](?:\s|$)|-->|\s\+\s/);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The word of a value ends at `at`: what follows up to the next space has no letter or digit (`'`, `,`, `.` — not `.com`). */
function endsWord(text: string, at: number): boolean {
  return /^[^\s\p{L}\p{N}]*(?:\s|$)/u.test(text.slice(at));
}

/** Placeholders (`<ServerName>`, `{host name}`) and dotted names (types, hosts, versions): no words of a message. */
const NOT_WORDS = /<[^<>\n]{1,40}>|\{[^{}\n]{1,40}\}|\S+\.\S*[\p{L}\p{N}]/gu;

/** How many words of `text` the matcher reads as a message's words: not stop words, names, placeholders or dotted names. */
export function tailWords(text: string): number {
  return contentTerms(text.replace(NOT_WORDS, ' ')).filter((t) => !looksLikeName(t)).length;
}

/** A GUID, an e-mail address, an IPv4 address, a version or dotted date (`15.01.2375.031`, `17.06.2018`), a host name. */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const VERSION = /^(?:\d{2}\.\d{1,2}\.\d{1,4}(?:\.\d{1,4})?|\d\.\d{1,2}\.\d{1,4}\.\d{1,4})$/;
const HOST = /^[a-z0-9][\w-]*(?:\.[\w-]+)*\.(?:com|net|org|local|lan|corp|internal)$/i;
/** Microsoft's own hosts say which service printed the error (product.ts): no example value. */
const SERVICE_HOST = /microsoft|office|outlook|windows|azure|live\.com|msft|sharepoint|skype|lync/i;
/** A short single-quoted value ('Pat Kim', 'contoso.com'), a placeholder (`<ServerName>`). */
const QUOTED = /'([^'\s][^'\n]{0,40})'/g;
const PLACEHOLDER = /<[A-Za-z][^<>\n]{0,40}>/g;
const TYPE_NAME = /^[A-Za-z]\w*(?:\.[A-Za-z]\w*){2,}$/;
/** Punctuation around a word (`(15.01.2375.031,`). */
const EDGE = /^[("'[{<]+|[)"'\]}>,;:.!?]+$/g;

/**
 * The values of an error text that vary from paste to paste (score.ts looksLikeName, signals.ts placeholders and quoted
 * example values), each with another value of its kind: plain numbers are left (an event id, `ec=1129` say which error),
 * as are status codes and Microsoft's hosts. In text order, not overlapping.
 */
export function valueSpans(text: string): ValueSpan[] {
  const spans: ValueSpan[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const value = m[1];
    // A distinguished name's words, a cmdlet and a .NET type name are part of the message (signals.ts reads them so).
    if (value.includes('=') || /^[A-Z][a-z]+-[A-Z]/.test(value) || TYPE_NAME.test(value) || value.split(/\s+/).length > 3) continue;
    const other = value === 'Alex Wilber' ? "'Pat Kim'" : "'Alex Wilber'";
    spans.push({ from: m.index, to: m.index + m[0].length, other, word: standsAlone(text, m.index) });
  }
  for (const m of text.matchAll(PLACEHOLDER)) {
    // An XML element's tag (`<EventID>…</EventID>`, an empty element `<DebugData />`, a tag with attributes) is no placeholder.
    if (text.includes(`</${m[0].slice(1)}`) || m[0].endsWith('/>') || m[0].includes('="')) continue;
    spans.push({ from: m.index, to: m.index + m[0].length, other: 'EX02', word: standsAlone(text, m.index) });
  }
  for (const m of text.matchAll(/\S+/g)) {
    const token = m[0].replace(EDGE, '');
    if (token.length < 4) continue;
    const from = m.index + m[0].indexOf(token);
    const other = GUID.test(token)
      ? '3f2504e0-4f89-41d3-9a0c-0305e82c3301'
      : EMAIL.test(token)
        ? 'pat.kim@fabrikam.com'
        : IPV4.test(token)
          ? '10.20.30.40'
          : VERSION.test(token)
            ? otherDigits(token)
            : HOST.test(token) && !SERVICE_HOST.test(token)
              ? 'mbx02.fabrikam.com'
              : undefined;
    if (other !== undefined && other !== token) spans.push({ from, to: from + token.length, other, word: standsAlone(text, from) });
  }
  spans.sort((a, b) => a.from - b.from);
  return spans.filter((s, k) => k === 0 || s.from >= spans[k - 1].to);
}

/** What stands before `at` starts a word: the text's start, a space, a quote or a parenthesis. */
function standsAlone(text: string, at: number): boolean {
  return at === 0 || /[\s'"(]/.test(text[at - 1]);
}

/**
 * A version's or date's last two parts with other digits, zeros kept (`15.01.2375.031` → `15.01.6729.075`): a build's
 * part padded with zeros stays one (`031`), never a status code (`475`).
 */
export function otherDigits(version: string): string {
  const parts = version.split('.');
  const other = (d: string) => (d === '0' ? d : String(((Number(d) + 3) % 9) + 1));
  return parts.map((p, k) => (k < parts.length - 2 ? p : p.replace(/\d/g, other))).join('.');
}

/** `text` with the values of `spans` (valueSpans, in order) replaced. */
function withValues(text: string, spans: readonly ValueSpan[]): string {
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.from) + s.other;
    at = s.to;
  }
  return out + text.slice(at);
}

/** A PowerShell record's `CategoryInfo` field, and placeholders (`<thumbprint>`, `[certificate thumbprint]`, `{host}`). */
const RECORD_FIELDS = /\+?\s*CategoryInfo\s*:[\s\S]*$/;
const ANY_PLACEHOLDER = /<[^<>\n]{1,60}>|\[[^[\]\n]{1,60}\]|\{[^{}\n]{1,60}\}/g;

/**
 * The message of an error text, as words (normalized): before a PowerShell record's `CategoryInfo` and without its
 * placeholders. Two articles quoting one error write the record's fields and the placeholders each their own way
 * (`…thumbprint [certificate thumbprint]cannot be found. + CategoryInfo: InvalidArgument…` and `…thumbprint "<thumbprint of
 * the current certificate>" cannot be found. + CategoryInfo : InvalidResult…`), or quote the message alone.
 */
export function recordMessage(text: string): string {
  return normalized(text.replace(RECORD_FIELDS, ' ').replace(ANY_PLACEHOLDER, ' '));
}

/**
 * Two messages' words (`a`, `b`) are near twins: one holds every word of the other, with at most TWIN_MORE_WORDS more, none of
 * them with a digit (a code or number tells two errors apart), both TWIN_MIN_WORDS words or more.
 */
export function nearTwin(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < TWIN_MIN_WORDS || large.size - small.size > TWIN_MORE_WORDS) return false;
  for (const w of small) if (!large.has(w)) return false;
  for (const w of large) if (!small.has(w) && /\d/.test(w)) return false;
  return true;
}

/** FNV-1a (32 bits) of a text: which partner, line or kind a probe gets, the same whatever else the knowledge holds. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** Two error texts are partners when the hash of the pair falls in `partners` of a hundred buckets (textHash). */
export function paired(a: string, b: string, partners: number): boolean {
  return textHash(`${a}\n${b}`) % 100 < partners;
}

/** Overview frames pair with this many times `partners` bounces of a hundred: a frame is one format, its bounces many. */
const OVERVIEW_PAIRS = 16;

/** Near twins (the `near-twin` probes): texts of this many different words or more, the other with at most so many more. */
const TWIN_MIN_WORDS = 5;
const TWIN_MORE_WORDS = 2;

/** What the matcher did with a probe. */
export interface ProbeOutcome {
  decision: 'answer' | 'clarify' | 'none';
  article?: string;
  score?: number;
}

export interface ProbeReport {
  total: number;
  /** Answered with an article not allowed: the confident wrong answers this hunts. */
  falseAnswers: number;
  /** Of them, answered with the article the probe was built from. */
  answeredFrom: number;
  answeredRight: number;
  offered: number;
  none: number;
  /** Probes that keep a text (value-swap) not answered right although that text is: the same error missed for its values. */
  lost: number;
  byRule: Record<string, { total: number; falseAnswers: number }>;
  /** The false answers: rule, article answered, score and the probe's text. */
  failures: { rule: ProbeRule; answered: string; from: string; score: number; text: string }[];
  /** The probes lost: rule, article, what they got (decision, article, score) and the probe's text. */
  losses: { rule: ProbeRule; from: string; got: string; text: string }[];
}

export function runProbes(probes: readonly Probe[], match: (text: string) => ProbeOutcome): ProbeReport {
  const report: ProbeReport = {
    total: 0,
    falseAnswers: 0,
    answeredFrom: 0,
    answeredRight: 0,
    offered: 0,
    none: 0,
    lost: 0,
    byRule: {},
    failures: [],
    losses: [],
  };
  for (const p of probes) {
    const o = match(p.text);
    const rule = (report.byRule[p.rule] ??= { total: 0, falseAnswers: 0 });
    report.total++;
    rule.total++;
    if (o.decision === 'none') report.none++;
    else if (o.decision === 'clarify') report.offered++;
    else if (o.article !== undefined && p.allowed.includes(o.article)) report.answeredRight++;
    else {
      report.falseAnswers++;
      rule.falseAnswers++;
      if (o.article === p.from) report.answeredFrom++;
      report.failures.push({ rule: p.rule, answered: o.article ?? '', from: p.from, score: o.score ?? 0, text: p.text });
    }
    const right = (x: ProbeOutcome) => x.decision === 'answer' && x.article !== undefined && p.allowed.includes(x.article);
    if (p.keeps !== undefined && !right(o) && right(match(p.keeps))) {
      report.lost++;
      const got = `${o.decision}${o.article === undefined ? '' : ` ${o.article} ${(o.score ?? 0).toFixed(2)}`}`;
      report.losses.push({ rule: p.rule, from: p.from, got, text: p.text });
    }
  }
  return report;
}

export function formatProbeReport(r: ProbeReport, verbose: boolean): string {
  const pct = (n: number) => `${((100 * n) / Math.max(1, r.total)).toFixed(1)}%`;
  const lines = [
    `probes                 ${r.total}`,
    `false answers          ${r.falseAnswers} (${pct(r.falseAnswers)}; ${r.answeredFrom} with the article the probe was built from)`,
    `answered right         ${r.answeredRight}`,
    `offered (clarify)      ${r.offered}`,
    `none                   ${r.none}`,
    `lost (value-swap)      ${r.lost} (answered as the text itself, not with another value)`,
    'by rule (false / probes):',
    ...Object.entries(r.byRule)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([rule, n]) => `  ${rule.padEnd(20)} ${n.falseAnswers} / ${n.total}`),
  ];
  if (verbose)
    for (const f of r.failures)
      lines.push(`\n[${f.rule}] answered ${f.answered} (${f.score.toFixed(2)}), built from ${f.from}\n  ${f.text}`);
  if (verbose) for (const l of r.losses) lines.push(`\n[${l.rule}, lost] ${l.got}, built from ${l.from}\n  ${l.text}`);
  return lines.join('\n');
}
