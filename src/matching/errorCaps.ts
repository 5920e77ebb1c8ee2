/**
 * Stage 4b–4d of matching, the caps on error hits: an error text found in a paste that says it happened elsewhere —
 * another scenario (command, script, tool, service), a deployment the paste denies, the other product (Exchange Server vs
 * Online), another program's stack, a generic line other errors wrap, another status code — is offered, not answered
 * (its score lowered to the cap in parameters.ts `score`). The outer-message cap is outerCaps.ts. Also `contradictedArticles`,
 * the articles the paste's error contradicts, which the description path must not offer.
 */
import { directionAgainst } from './direction';
import { foreignProgram } from './foreignProgram';
import {
  capAll,
  NO_ADJUSTMENTS,
  perArticle,
  round,
  type CodeHit,
  type ErrorHit,
  type Hit,
  type MatchContext,
  type Paste,
  type PasteWhere,
  type Ranked,
} from './hits';
import { titleWordsNamed, uniqueWeight } from './descriptions';
import { directoryOrganisations, unmarkSmtpCodes } from './normalize';
import { OVERVIEW_CODES } from './articleFacts';
import {
  namesCloud,
  namesProduct,
  newestPastedServer,
  oldestServer,
  onlineOnly,
  pasteCloudOnly,
  pasteNamesCloud,
  pasteOnPremises,
  pastedServers,
  serverOnly,
  versionScope,
} from './product';
import {
  accountKinds,
  articleAccounts,
  consoleElsewhere,
  deniedInLines,
  deniedInTitle,
  isErrorsLine,
  otherAccount,
  outsideScenario,
  pasteConsole,
  pasteScenario,
  whereBeside,
  type PasteScenario,
} from './scenario';
import { INSTALLER_RUN, installerRun, scenarioAnchors } from '../knowledge/vocabulary';
import { scoreSignal, touchedUnits, type QueryView, type SignalScore } from './score';
import { isCodeTerm, isStrongTerm } from './signals';
import { includesId, strictlyInside } from './sorted';
import { inStatusRange, isStatusTerm, otherStatusCode, statusTerms } from './statusCodes';
import { STOPWORDS } from './stopwords';
import { twinsOf } from './twins';

/** The Hybrid Configuration Wizard's scenario anchor (vocabulary.ts SCENARIO_SERVICES). */
const HCW = 'service:hcw';

/** The oldest Exchange Server version the article applies to (product.ts `oldestServer`), per article. */
const oldestServerOf = perArticle((ctx, article) => oldestServer(ctx.kb.articles[article]));

/** The Exchange Server versions the article is scoped to (product.ts `versionScope`), per article. */
const versionScopeOf = perArticle((ctx, article): Readonly<ReturnType<typeof versionScope>> => versionScope(ctx.kb.articles[article]));

/** An article whose error texts carry no status code (capOtherStatus). */
const NO_CODES: ReadonlySet<string> = new Set();

/** Among the words error hit `h` found is an enhanced status code (`smtp5x7x1`). */
function foundStatusCode(ctx: MatchContext, h: ErrorHit): boolean {
  const terms = ctx.index.vocab.terms;
  for (let f = 0; f < h.found.length; f++) if (isStatusTerm(terms[h.found[f]])) return true;
  return false;
}

/**
 * Stage 4b, scenario: an error hit that could be answered, in a paste that says where it happened (command,
 * script, tool, service, event id) none of which is the article's scenario, is capped: offered, not answered.
 */
export function checkScenario(ctx: MatchContext, hits: ErrorHit[], paste: Paste): void {
  if (!anyAbove(hits, Math.min(ctx.params.score.otherScenario, ctx.params.score.otherProduct))) return;
  const before = new Float64Array(hits.length);
  for (let i = 0; i < hits.length; i++) before[i] = hits[i].score;
  capScenario(ctx, hits, paste);
  capInsideCapped(hits, before);
}

/**
 * Another article's shorter error text inside what a hit checkScenario capped found (`554 5.4.14 Hop count exceeded - possible
 * mail loop` inside the Exchange Online bounce `… possible mail loop ATTR34`, pasted on a server) would lead in its place,
 * though the paste's error is the longer one, with words the shorter lacks: it is capped with it (as capOtherDirection's).
 * The capped hits are those capScenario lowered (their scores `before` it): each of its caps lowers the score it caps, so a
 * cap added there is read here without a list of their reasons to keep up.
 */
function capInsideCapped(hits: ErrorHit[], before: Float64Array): void {
  const capped = hits.filter((h, i) => h.score < before[i]);
  if (!capped.length) return;
  for (const h of hits) {
    const outer = capped.find((c) => c.article !== h.article && h.score > c.score && strictlyInside(h.found, c.found));
    if (!outer) continue;
    h.score = outer.score;
    h.insideCapped = outer.article;
  }
}

/** The deployment the paste says it lacks (deniedInLines) that article `article`'s title names; undefined: none. */
function deniedTitle(ctx: MatchContext, article: number, denied: ReadonlySet<string>): string | undefined {
  const a = ctx.kb.articles[article];
  return deniedInTitle(denied, [a.title.en, a.title.de]);
}

/** The kind of account of `pasted` and the other one article `article`'s title or cause names, which can't be one. */
function accountOtherThan(ctx: MatchContext, article: number, pasted: ReadonlySet<string>): [string, string] | undefined {
  return otherAccount(pasted, articleAccounts(ctx.kb.articles[article], ctx.facts.scenarioOf(article)));
}

/** checkScenario's caps, each on the hits it reads. */
function capScenario(ctx: MatchContext, hits: ErrorHit[], paste: Paste): void {
  const cap = ctx.params.score.otherScenario;
  const denied = (paste.denied ??= deniedInLines(paste.lines));
  for (const h of hits) {
    if (h.score <= cap) continue;
    const named = deniedTitle(ctx, h.article, denied);
    if (named === undefined) continue;
    h.score = cap;
    h.deniedScenario = named;
  }
  // Who: the kind of account the paste names (a guest) where the article's title or cause names another as its condition
  // (a mailbox on-premises), whatever the place anchors below say (a Graph call may agree).
  const pasted = accountKinds(paste.cut);
  if (pasted.size)
    for (const h of hits) {
      if (h.score <= cap) continue;
      const other = accountOtherThan(ctx, h.article, pasted);
      if (!other) continue;
      h.score = cap;
      h.otherAccount = other;
    }
  const productCap = ctx.params.score.otherProduct;
  // Whose address: an error text that names a recipient of Exchange Online's own organisation (`IMCEAEX-_o=ExchangeLabs_…`,
  // `/o=ExchangeLabs/…`) where the paste's addresses are all of an on-premises organisation (`IMCEAEX-_o=Fabrikam_…`): the same
  // bounce or refusal about another side's object has another cause (a cloud mailbox's stale address after a move is not
  // an on-premises user's).
  const organisations = directoryOrganisations(paste.cut);
  if (organisations.premises && !organisations.cloud)
    for (const h of hits) {
      if (h.score <= productCap) continue;
      const own = directoryOrganisations(ctx.index.errors[h.signal].text);
      if (!own.cloud || own.premises) continue;
      h.score = productCap;
      h.premisesAddress = true;
    }
  const onPremises = pasteOnPremises(paste.cut);
  if (onPremises !== undefined)
    for (const h of hits) {
      if (h.score <= productCap || !onlineOnly(ctx.kb.articles[h.article])) continue;
      const article = ctx.facts.scenarioOf(h.article);
      if (namesProduct(article.squashed, onPremises)) continue;
      h.score = productCap;
      h.otherProduct = onPremises;
    }
  // An older server: every Exchange Server version the paste names is older than every one the article applies to (`Exchange
  // 2010` for an article on Exchange Server 2013): the same message there comes from another code base, with another cause.
  // (The paste is read for its versions only when a hit's article names one: most articles name none.)
  let newest: number | null | undefined;
  for (const h of hits) {
    if (h.score <= productCap) continue;
    const oldest = oldestServerOf(ctx, h.article);
    if (oldest === undefined) continue;
    if (newest === undefined) newest = newestPastedServer(paste.cut) ?? null;
    if (newest === null) break;
    const article = ctx.facts.scenarioOf(h.article);
    if (newest >= oldest || namesProduct(article.squashed, `Exchange ${newest}`)) continue;
    // The Hybrid Configuration Wizard is one program for every server version (downloaded as it is run): its error named
    // by both the paste and the article comes from the same code whatever server the wizard configures.
    if (article.anchors.has(HCW) && (paste.where ??= pasteWhere(ctx, paste)).scenario.lines.some((l) => l.anchors.has(HCW))) continue;
    h.score = productCap;
    h.otherProduct = `Exchange ${newest}`;
    h.olderServer = oldest;
  }
  // The paste as cut, not its lines: tokenizing masks the host names (`….prod.outlook.com`) this reads.
  const cloud = onPremises === undefined ? pasteCloudOnly(paste.cut) : undefined;
  if (cloud !== undefined)
    for (const h of hits) {
      if (h.score <= productCap || !serverOnly(ctx.kb.articles[h.article])) continue;
      const article = ctx.facts.scenarioOf(h.article);
      if (namesCloud(article.squashed)) continue;
      h.score = productCap;
      h.otherProduct = cloud;
      h.inCloud = true;
    }
  // A bare SMTP reply (its status code and a few words every mail server prints: `530 5.7.1 Client was not authenticated`),
  // found with less evidence than full confidence needs, in a paste that names nothing of Microsoft's cloud: any server may
  // have replied so (an on-premises Exchange server's receive connector, a relay), and the article applies to Exchange Online only.
  // (The paste is read for the cloud only when such a hit is there: most pastes have none.)
  if (onPremises === undefined && cloud === undefined) {
    let inCloud: boolean | undefined;
    for (const h of hits) {
      if (h.score <= productCap || h.breakdown.evidenceFactor >= 1 || !onlineOnly(ctx.kb.articles[h.article])) continue;
      if (!foundStatusCode(ctx, h) || (inCloud ??= pasteNamesCloud(paste.cut))) continue;
      h.score = productCap;
      h.anyServer = true;
    }
  }
  const w = (paste.where ??= pasteWhere(ctx, paste));
  if (!w.scenario.lines.length && !w.scenario.apis?.length && !w.console) return;
  const { scenario, lineOf, sizes, counts, beside, console } = w;
  // A tool the paste names on any line, the error's own too (`HCW: … The term 'X' is not recognized…`).
  const named = (anchor: string) => scenario.lines.some((l) => l.anchors.has(anchor));
  const lines = sizes.length;
  const own = (k: number) => isErrorsLine(sizes[k], counts[k]);
  for (const h of hits) {
    if (h.score <= cap) continue;
    const article = ctx.facts.scenarioOf(h.article);
    // The lines that are the matched error (isErrorsLine: half their words or more found), counted from the words found.
    counts.fill(0);
    for (let f = 0; f < h.found.length; f++) {
      const on = lineOf.get(h.found[f]);
      if (on) for (const k of on) counts[k]++;
    }
    // The set of such lines as a number (the sum of 2^k over them: exact up to 53 lines), as a string beyond: a string
    // built line by line for each hit was a twelfth of what a 10 KB log's match allocated at 10,000 articles.
    let key: number | string;
    if (lines <= 53) {
      let sum = 0;
      let bit = 1;
      for (let k = 0; k < lines; k++, bit *= 2) if (own(k)) sum += bit;
      key = sum;
    } else {
      key = '';
      for (let k = 0; k < lines; k++) key += own(k) ? '1' : '0';
    }
    // Near-duplicate hits find the same words: the paste's anchors beside them are read once per set of such lines.
    let where = beside.get(key);
    if (!where) beside.set(key, (where = whereBeside(scenario, own)));
    const other = outsideScenario(where, article);
    if (other) {
      h.score = cap;
      h.otherScenario = other;
      continue;
    }
    if (!console) continue;
    const { cause } = ctx.kb.articles[h.article];
    const tool = consoleElsewhere(where, console, named, article, () => [cause.en, cause.de].join('\n'));
    if (tool === undefined) continue;
    h.score = cap;
    h.consoleTool = tool;
  }
}

/**
 * The places the paste names only in sentences that say the task works there (vocabulary.ts worksThere), when read as
 * places of the error they would have capped error hit `h` (checkScenario: none of them the article's scenario) and
 * nothing else capped it: `--explain` says the cap was waived. Undefined otherwise.
 */
export function worksThereWaived(ctx: MatchContext, h: ErrorHit, paste: Paste): string[] | undefined {
  const cap = ctx.params.score.otherScenario;
  if (h.score <= cap || h.otherScenario || h.consoleTool) return undefined;
  const all = pasteScenario(paste.lines, paste.content, paste.cut, false);
  if (!all.lines.length) return undefined;
  const other = outsideScenario(whereBeside(all, errorsLines(ctx, h, all)), ctx.facts.scenarioOf(h.article));
  if (!other) return undefined;
  const read = pasteScenario(paste.lines, paste.content, paste.cut);
  const kept = new Set(whereBeside(read, errorsLines(ctx, h, read)));
  const waived = other.filter((a) => !kept.has(a));
  return waived.length ? waived : undefined;
}

/** Line k of `scenario` is error hit `h`'s own (isErrorsLine, as checkScenario counts it). */
function errorsLines(ctx: MatchContext, h: ErrorHit, scenario: PasteScenario): (k: number) => boolean {
  const ids = ctx.index.vocab.ids;
  return (k) => {
    const { terms } = scenario.lines[k];
    let found = 0;
    for (const t of terms) {
      const id = ids.get(t);
      if (id !== undefined && includesId(h.found, id)) found++;
    }
    return isErrorsLine(terms.length, found);
  };
}

/** The paste's lines that name a scenario, and where each of their words stands (checkScenario), read once per paste. */
export function pasteWhere(ctx: MatchContext, paste: Paste): PasteWhere {
  const scenario = pasteScenario(paste.lines, paste.content, paste.cut);
  const lineOf = new Map<number, number[]>();
  const sizes = new Int32Array(scenario.lines.length);
  for (let k = 0; k < scenario.lines.length; k++) {
    const line = scenario.lines[k];
    sizes[k] = line.terms.length;
    // A word the index lacks is no error text's word found: it only counts in the line's size.
    for (const t of line.terms) {
      const id = ctx.index.vocab.ids.get(t);
      if (id === undefined) continue;
      let on = lineOf.get(id);
      if (!on) lineOf.set(id, (on = []));
      on.push(k);
    }
  }
  const console = pasteConsole(paste.cut);
  return { scenario, lineOf, sizes, counts: new Int32Array(sizes.length), beside: new Map(), ...(console ? { console } : {}) };
}

/**
 * Stage 4b, foreign program: an error hit that could be answered, in a paste printed by another program than
 * Microsoft's (a Python, Java, Node, PHP or third-party .NET stack, a client library, a relay's own refusal), is capped
 * unless its article's own text names programs of some kind (apps, clients, scripts, EWS, SMTP AUTH…).
 */
export function capForeignProgram(ctx: MatchContext, hits: ErrorHit[], text: string): void {
  const cap = ctx.params.score.foreignProgram;
  if (!anyAbove(hits, cap)) return;
  const shown = foreignProgram(text);
  if (shown === undefined) return;
  for (const h of hits) {
    if (h.score <= cap) continue;
    const named = ctx.facts.programNamedOf(h.article);
    if (named !== null) continue;
    h.score = cap;
    h.foreignProgram = shown;
  }
}

/**
 * Stage 4b, direction: an error hit that could be answered, of an article whose title says which way it fails between the sides
 * of a hybrid deployment (`"550 5.1.10 …" when Microsoft 365 users send emails to on-premises users`), in a paste that says
 * only the other way round or that the title's way works (direction.ts `directionAgainst`), is capped: the same error the
 * other way round has other causes.
 */
export function capOtherDirection(ctx: MatchContext, hits: ErrorHit[], text: string): void {
  const cap = ctx.params.score.otherDirection;
  if (!anyAbove(hits, cap)) return;
  const within = ctx.params.descriptions.directionWords;
  const capped: ErrorHit[] = [];
  for (const h of hits) {
    if (h.score <= cap) continue;
    const against = directionAgainst(ctx.kb.articles[h.article], text, within);
    if (!against) continue;
    h.score = cap;
    h.otherDirection = against;
    capped.push(h);
  }
  // Another article's shorter error text inside what a capped one found (`Recipient not found by SMTP address lookup` inside
  // the 550 5.1.10 bounce) would lead in its place, a container no longer about as good: it is capped with it.
  if (!capped.length) return;
  for (const h of hits) {
    if (h.score <= cap) continue;
    const outer = capped.find((c) => c.article !== h.article && strictlyInside(h.found, c.found));
    if (!outer) continue;
    h.score = cap;
    h.otherDirection = outer.otherDirection;
    h.directionInside = ctx.kb.articles[outer.article].id;
  }
}

/** An error text that is a generic line other articles' errors wrap is offered, not answered (genericLines.ts). */
export function capGenericLines(ctx: MatchContext, hits: ErrorHit[]): void {
  const cap = ctx.params.score.innerOnly;
  for (const h of hits) {
    if (h.score <= cap) continue;
    const generic = ctx.facts.isGenericLine(h.signal);
    if (!generic) continue;
    h.score = cap;
    h.genericLine = true;
  }
}

/**
 * Stage 7a, before the decision: an answer found by an error text whose words explain less than `score.unexplained.share`
 * of the paste's error words — the words of the paste that any error text holds, weighted as the evidence is — and hold no
 * code is offered, not answered: a message printed in many places (`503 Service Unavailable`, `REST API is not yet
 * supported for this mailbox`) inside a paste that says more than the article does. The matches ranked after it are capped
 * alike (a match it held off is not answered in its place). `terms`: the paste's words without an event record's field
 * names and the words only stack frames hold.
 */
export function capUnexplained(ctx: MatchContext, ranked: Ranked[], terms: Iterable<string>, errorHits: readonly ErrorHit[]): Ranked[] {
  const top = ranked[0];
  const { share, cap } = ctx.params.score.unexplained;
  if (top?.hit.kind !== 'error' || top.score < ctx.params.decision.answer) return ranked;
  const { vocab, weight, uniqueWeight } = ctx.index;
  const words = [...terms];
  // The article's error text that explains the most of the paste: the one that found the answer, or another text of the
  // article the paste holds well enough to be offered (`decision.candidate`) — its own error with a value changed.
  // (The answer itself is among errorHits unless a later stage moved it to another article: it is read once, first.)
  const texts = [
    top.hit,
    ...errorHits.filter((h) => h !== top.hit && h.article === top.hit.article && h.score >= ctx.params.decision.candidate),
  ];
  let best = 0;
  for (const h of texts) {
    const found = h.found;
    for (const id of found) if (isCodeTerm(vocab.terms[id]) || isStatusTerm(vocab.terms[id])) return ranked;
    let rest = 0;
    for (const t of words) {
      const id = vocab.ids.get(t);
      if (id !== undefined && !includesId(found, id)) rest += weight[id] / uniqueWeight;
    }
    const explained = h.breakdown.evidenceWords;
    if (explained >= share * (explained + rest)) return ranked;
    best = Math.max(best, explained / (explained + rest));
  }
  // Those texts together: an article that quotes one failure as two tools print it (the admin center's `The connection to
  // the server … could not be completed.` and PowerShell's `The call to '…/mrsproxy.svc' failed …`) explains a paste that
  // shows both (Test-MigrationServerAvailability's Message and ErrorDetail) with both.
  if (texts.length > 1) {
    const found = new Set<number>();
    for (const h of texts) for (const id of h.found) found.add(id);
    let explained = 0;
    let rest = 0;
    for (const t of new Set(words)) {
      const id = vocab.ids.get(t);
      if (id === undefined) continue;
      if (found.has(id)) explained += weight[id] / uniqueWeight;
      else rest += weight[id] / uniqueWeight;
    }
    if (explained >= share * (explained + rest)) return ranked;
    best = Math.max(best, explained / (explained + rest));
  }
  top.hit.unexplained = Math.round(best * 1000) / 1000;
  return ranked.map((r) => (r.score > cap ? { ...r, score: cap } : r));
}

/**
 * Stage 7b, before the decision: an answer found by an NDR's status line — its error text carries the status code, an
 * article about one scenario of that bounce (its title names no such code, its error texts fewer than an overview's) —
 * while another article whose title names the code holds the line too: in its own error text, every word the answer found
 * (`"550 5.1.1 RESOLVER.ADR.ExRecipNotFound" when sending…`, whose NDR quotes the hybrid article's line), or as the article
 * about the code (`Fix NDR error "550 5.7.133"…`, its error text the code alone) when the paste holds the answer's error
 * only in part (the status line of the hybrid groups article's NDR without its sentences). The line says which bounce, not
 * which scenario. Unless the paste's own words name the answer's title ahead of theirs (by `score.codeScenario.titleLead`
 * words found in one article only, beyond the error text's words), it is offered, not answered, those articles right after
 * it (at most `score.codeScenario.cap`).
 */
export function capCodeScenario(
  ctx: MatchContext,
  ranked: Ranked[],
  prose: () => ReadonlySet<string>,
  view: QueryView,
  errorHits: readonly ErrorHit[],
  explaining: boolean,
): Ranked[] {
  const top = ranked[0];
  const { cap } = ctx.params.score.codeScenario;
  if (top?.hit.kind !== 'error' || top.score <= cap) return ranked;
  const { hit } = top;
  const { vocab } = ctx.index;
  const codes: string[] = [];
  for (const id of hit.found) if (isStatusTerm(vocab.terms[id])) codes.push(vocab.terms[id]);
  if (!codes.length) return ranked;
  if ((ctx.facts.statusCodesOf().codes[hit.article]?.size ?? 0) >= OVERVIEW_CODES) return ranked;
  const titled = ctx.facts.titleCodesOf().exact;
  const owners = new Set<number>();
  for (const code of codes) {
    const articles = titled.get(code) ?? [];
    if (articles.includes(hit.article)) return ranked;
    for (const a of articles) owners.add(a);
  }
  // Those whose own error texts hold every word the answer found (a reply code aside, which some logs leave out): the paste's
  // error is no more this scenario's than theirs.
  const holding = new Set<number>();
  let partial: boolean | undefined;
  const reply = (id: number) => /^\d{3}$/.test(vocab.terms[id]);
  for (const h of errorHits) {
    if (h === hit || !owners.has(h.article) || holding.has(h.article)) continue;
    if (hit.found.every((id) => reply(id) || includesId(h.found, id))) holding.add(h.article);
    // The article about the code (its error texts nothing but the code, from its title) covers every bounce with it: the
    // answer is one scenario only where the paste holds its whole error, the scenario's own words beside the status line.
    else if (codeOnly(ctx, h.article) && (partial ??= touchedUnits(hit.signal, view, ctx.index, ctx.params.score).includes(false)))
      holding.add(h.article);
  }
  const heads = ranked.filter((r) => holding.has(r.hit.article));
  if (!heads.length) return ranked;
  // The paste's own words name this scenario's title ahead of theirs: it says which one it is.
  const { named, weight, theirs, ahead } = titleAhead(ctx, hit, holding, prose());
  if (ahead) return ranked;
  hit.codeScenario = { owners: heads.map((r) => ctx.kb.articles[r.hit.article].id), named, title: round(weight), theirs: round(theirs) };
  // Offered right after the answer, in the order they ranked.
  const after = heads.map((r) => ({
    ...r,
    score: cap,
    adjustments: explaining
      ? [
          ...r.adjustments,
          {
            rule: 'code-article' as const,
            note: `offered right after ${ctx.kb.articles[hit.article].id}: its title names the status code of the line both hold`,
          },
        ]
      : NO_ADJUSTMENTS,
  }));
  const rest = ranked.filter((r) => !heads.includes(r)).map((r) => (r.score > cap ? { ...r, score: cap } : r));
  return [rest[0], ...after, ...rest.slice(1)];
}

/**
 * How far the paste's own words (`words`, its prose) name the title of `hit`'s article ahead of the others' titles: words
 * found in one article only, the error text's own words left out (`weight` for it, `theirs` the most of the others').
 * `ahead`: by `score.codeScenario.titleLead` or more — the paste says which scenario it is (capCodeScenario, codeArticleAhead).
 */
function titleAhead(
  ctx: MatchContext,
  hit: ErrorHit,
  others: Iterable<number>,
  words: ReadonlySet<string>,
): { named: string[]; weight: number; theirs: number; ahead: boolean } {
  const except = new Set(ctx.index.errors[hit.signal].terms);
  const named = titleWordsNamed(ctx.descriptions, hit.article, words, except);
  const weight = uniqueWeight(ctx.descriptions, named);
  const theirs = Math.max(...[...others].map((a) => uniqueWeight(ctx.descriptions, titleWordsNamed(ctx.descriptions, a, words, except))));
  return { named, weight, theirs, ahead: weight - theirs >= ctx.params.score.codeScenario.titleLead };
}

/**
 * After the decision, in a choice (no answer): capCodeScenario's reading where the paste holds the scenario's error without its
 * status code. A paste that quotes a status code (`… error code 5.1.10 …` in an NDR's advice) whose first match is an error
 * text found by words none of which is a status code, of an article whose title names that code (`550 5.1.10
 * RESOLVER.ADR.RecipientNotFound when Microsoft 365 users send emails to on-premises users …`), while the article about the
 * code (its title names it, its error texts are the code alone: `codeOnly`) is offered too: the code says which bounce, the
 * error's words do not say which scenario of it (`couldn't be delivered … wasn't found`, every bounce of the code says
 * them). The article about the code comes first, at the same score, the other right after it — unless the paste's own words
 * name the first's title ahead of the code article's by `score.codeScenario.titleLead` words found in one article only, as
 * capCodeScenario reads them. Never an answer.
 */
export function codeArticleAhead(
  ctx: MatchContext,
  ranked: Ranked[],
  terms: ReadonlySet<string>,
  prose: () => ReadonlySet<string>,
  explaining: boolean,
): Ranked[] {
  const top = ranked[0];
  if (top?.hit.kind !== 'error' || top.score >= ctx.params.decision.answer) return ranked;
  const { hit } = top;
  const { vocab } = ctx.index;
  for (const id of hit.found) if (isStatusTerm(vocab.terms[id])) return ranked;
  const titled = ctx.facts.titleCodesOf().exact;
  const codes = [...statusTerms(terms)].filter((c) => titled.get(c)?.includes(hit.article));
  if (!codes.length) return ranked;
  const { candidate } = ctx.params.decision;
  const at = ranked.findIndex(
    (r) =>
      r !== top &&
      r.score >= candidate &&
      r.hit.article !== hit.article &&
      codes.some((c) => titled.get(c)!.includes(r.hit.article)) &&
      codeOnly(ctx, r.hit.article),
  );
  if (at < 0) return ranked;
  if (titleAhead(ctx, hit, [ranked[at].hit.article], prose()).ahead) return ranked;
  const code = codes.find((c) => titled.get(c)!.includes(ranked[at].hit.article))!;
  const ahead: Ranked = {
    ...ranked[at],
    score: top.score,
    adjustments: explaining
      ? [
          ...ranked[at].adjustments,
          {
            rule: 'code-article' as const,
            note: `first, at ${top.score}: the paste quotes the status code its title names (${unmarkSmtpCodes(code)}); the error text of ${ctx.kb.articles[hit.article].id}, first before, found without any status code, says no more which bounce, and the paste names its title no more than this one's`,
          },
        ]
      : NO_ADJUSTMENTS,
  };
  return [ahead, ...ranked.filter((_, k) => k !== at)];
}

/**
 * Stage 7c, before the decision: an answer whose article's title puts its error in the Hybrid Configuration Wizard, in a
 * paste that never names the wizard and says the failure came from another program's run on the server — Exchange Setup,
 * an uninstall or decommission, an update's installer (vocabulary.ts `installerRun`; not a run its own clause denies). The
 * words or code it shares with the wizard's article (`0xe0434352`, `public folder`, `free busy`) are that other run's:
 * offered, not answered (at most `score.innerOnly`). An article whose title names such a run itself keeps its answer.
 */
export function capWizardElsewhere(ctx: MatchContext, ranked: Ranked[], paste: Paste, explaining: boolean): Ranked[] {
  const top = ranked[0];
  const cap = ctx.params.score.innerOnly;
  if (!top || top.score <= cap) return ranked;
  if (!wizardTitled(ctx, top.hit.article)) return ranked;
  // The whole paste as written, works-there sentences too (`paste.where` reads its lines without them): a paste that names
  // the wizard anywhere keeps the answer. Read at most once per paste (an answer decides it), and only for such an article.
  const pasted = scenarioAnchors(paste.cut, false);
  if (pasted.has(HCW)) return ranked;
  const run = pasted.has(SETUP_RUN) ? 'Exchange Setup' : installerRun(paste.cut);
  if (!run) return ranked;
  const note = `capped at ${cap}: the article's title puts its error in the Hybrid Configuration Wizard; the paste never names the wizard and says it came from another run (${run}) (offered, not answered)`;
  return capAll(ranked, cap, 'scenario', note, explaining);
}

/**
 * Stage 7d, before the decision: an answer whose article applies to some Exchange Server versions only (its products; not a
 * hybrid article), in a paste that names Exchange Server versions none of which the article applies to or names in its own
 * text (`after we removed Exchange 2016` for an article on Exchange 2010 and 2013 together): that version's trouble is
 * another problem, with another cause. Offered, not answered (at most `score.otherProduct`). The wizard's error, named by
 * paste and article, is the same program's on every server version (checkScenario's older-server reading says so too).
 */
export function capOtherVersion(ctx: MatchContext, ranked: Ranked[], paste: Paste, explaining: boolean): Ranked[] {
  const top = ranked[0];
  const cap = ctx.params.score.otherProduct;
  if (!top || top.score <= cap) return ranked;
  const scope = versionScopeOf(ctx, top.hit.article);
  if (!scope) return ranked;
  const pasted = pastedServers(paste.cut);
  if (!pasted.size) return ranked;
  for (const y of pasted) if (scope.years.has(y) || (scope.from !== undefined && y >= scope.from)) return ranked;
  const article = ctx.facts.scenarioOf(top.hit.article);
  for (const y of pasted) if (namesProduct(article.squashed, `Exchange ${y}`)) return ranked;
  if (article.anchors.has(HCW) && (paste.where ??= pasteWhere(ctx, paste)).scenario.lines.some((l) => l.anchors.has(HCW))) return ranked;
  const named = [...pasted].sort().join(', ');
  const applies = [...scope.years].sort().join(', ') + (scope.from !== undefined ? ' and later' : '');
  const note = `capped at ${cap}: the paste names Exchange ${named}, this article applies to Exchange Server ${applies} only and names no other (offered, not answered)`;
  return capAll(ranked, cap, 'product', note, explaining);
}

const SETUP_RUN = 'service:setup';

/**
 * Stage 7f, before the decision: an answer found by prose (a description; an error hit is read so in checkScenario) whose
 * article applies to Exchange Online only, in a paste that says it runs on an on-premises Exchange server and names
 * nothing of the cloud (product.ts pasteOnPremises), and whose own text names not that server: the same words on premises
 * tell another problem. Offered, not answered (at most `score.otherProduct`). So is an answer found by a code (codeHits.ts:
 * a status code only its article names), which checkScenario does not read either, both ways: an Exchange Online article's
 * code on a server, an Exchange Server article's code in a paste printed in Exchange Online (pasteCloudOnly) whose article
 * speaks of nothing of the cloud.
 */
export function capOtherProduct(ctx: MatchContext, ranked: Ranked[], paste: Paste, explaining: boolean): Ranked[] {
  const top = ranked[0];
  const cap = ctx.params.score.otherProduct;
  if (!top || top.score <= cap || (top.hit.kind !== 'description' && top.hit.kind !== 'code')) return ranked;
  const article = ctx.kb.articles[top.hit.article];
  const { squashed } = ctx.facts.scenarioOf(top.hit.article);
  if (onlineOnly(article)) {
    const onPremises = pasteOnPremises(paste.cut);
    if (onPremises === undefined || namesProduct(squashed, onPremises)) return ranked;
    const note = `capped at ${cap}: the article applies to Exchange Online only; the paste says it runs on ${onPremises} and names nothing of the cloud (offered, not answered)`;
    return capAll(ranked, cap, 'product', note, explaining);
  }
  if (top.hit.kind !== 'code' || !serverOnly(article) || namesCloud(squashed)) return ranked;
  const cloud = pasteOnPremises(paste.cut) === undefined ? pasteCloudOnly(paste.cut) : undefined;
  if (cloud === undefined) return ranked;
  const note = `capped at ${cap}: the paste was printed in Exchange Online (${cloud}) and names no on-premises or hybrid side, this article applies to Exchange Server only (offered, not answered)`;
  return capAll(ranked, cap, 'product', note, explaining);
}

/**
 * Stage 7g, before the decision: an answer found by a code (codeHits.ts: a status or error code only its article names),
 * which checkScenario does not read, gets the scenario rules of an error hit that say where and for whom without reading
 * the paste's prose: the paste shows a client program calling an interface (scenario.ts `apis`: EWS, Graph) and none of
 * the places it names beside the code's own lines is the article's scenario; or it says it has no deployment the
 * article's title names; or it names another kind of account than the article's. A code says which error, not where, and
 * the same code in another program's run has another cause. Offered, not answered (at most `score.otherScenario`). A
 * place named only in prose (`after the migration`) does not cap a code: it says when as often as where.
 */
export function capCodeElsewhere(ctx: MatchContext, ranked: Ranked[], paste: Paste, explaining: boolean): Ranked[] {
  const top = ranked[0];
  const cap = ctx.params.score.otherScenario;
  if (!top || top.score <= cap || top.hit.kind !== 'code') return ranked;
  const reason = codeElsewhere(ctx, top.hit, paste);
  if (reason === undefined) return ranked;
  return capAll(ranked, cap, 'scenario', `capped at ${cap}: found by a code, and ${reason} (offered, not answered)`, explaining);
}

/** Why code hit `hit` is not the paste's scenario (capCodeElsewhere), in words for `--explain`; undefined when it may be. */
function codeElsewhere(ctx: MatchContext, hit: CodeHit, paste: Paste): string | undefined {
  const named = deniedTitle(ctx, hit.article, (paste.denied ??= deniedInLines(paste.lines)));
  if (named !== undefined) return `the paste says it has no ${named}, the article's title names it`;
  const pasted = accountKinds(paste.cut);
  const account = pasted.size ? accountOtherThan(ctx, hit.article, pasted) : undefined;
  if (account) return `the paste concerns an account of kind ${account[0]}, the article's title or cause one of kind ${account[1]}`;
  const w = (paste.where ??= pasteWhere(ctx, paste));
  if (!w.scenario.apis?.length) return undefined;
  // The code's own lines are the error's (as an error hit's lines are its words'): what they name is what failed.
  const id = ctx.index.vocab.ids.get(hit.code);
  const on = id === undefined ? undefined : w.lineOf.get(id);
  const other = outsideScenario(
    whereBeside(w.scenario, (k) => on !== undefined && on.includes(k)),
    ctx.facts.scenarioOf(hit.article),
  );
  return (
    other &&
    `the paste shows a client program calling ${w.scenario.apis.join(', ')} and names ${other.join(', ')}, none of them in this article's scenario`
  );
}

/**
 * The article's title puts its error in the Hybrid Configuration Wizard (the `service:hcw` anchor) and names no other run
 * on the server (Exchange Setup, `INSTALLER_RUN`): capWizardElsewhere's articles. Read once per article.
 */
const wizardTitled = perArticle((ctx, article) => {
  const { title } = ctx.kb.articles[article];
  const text = [title.en, title.de].filter((t): t is string => !!t).join('\n');
  const own = scenarioAnchors(text, false);
  return own.has(HCW) && !own.has(SETUP_RUN) && !INSTALLER_RUN.test(text);
});

/** Every error text of the article is nothing but status codes (an article about a code, its title's code its error text). */
const codeOnly = perArticle((ctx, article) =>
  ctx.index.errors.every((e) => e.article !== article || e.terms.every((t) => isStatusTerm(t) || /^\d{3}$/.test(t))),
);

/** A bounce whose status code is not the error text's (nor its article's) is offered, not answered (statusCodes.ts). */
export function capOtherStatus(ctx: MatchContext, hits: ErrorHit[], terms: ReadonlySet<string>): void {
  const cap = ctx.params.score.withoutCode;
  if (!anyAbove(hits, cap)) return;
  const pasted = statusTerms(terms);
  if (pasted.size === 0) return;
  const { errors } = ctx.index;
  const { codes: articleCodes } = ctx.facts.statusCodesOf();
  for (const h of hits) {
    if (h.score <= cap) continue;
    const e = errors[h.signal];
    const textCodes = () => ctx.facts.textCodesOf(e.article);
    const codes = articleCodes[e.article] ?? NO_CODES;
    if (otherStatusCode(e.terms, codes, pasted, textCodes)) {
      h.score = cap;
      h.otherStatus = true;
    } else if (codes.size >= OVERVIEW_CODES && statusTerms(e.terms).size === 0 && !rowExplained(ctx, e.article, pasted, terms)) {
      h.score = cap;
      h.otherRow = true;
    }
  }
}

/**
 * A result code of parts: an HRESULT (`0x` and eight hex digits) and one to three parts after hyphens, hex with or without
 * `0x` (`0x80070005-0x0004dc-0x000524`, `[0x80070005-00000000-00000000]`). Tokenizing drops an eight-digit run of zeros as a
 * value, so the parts are read here from the texts as written.
 */
const PART_CODE = /(?<![0-9a-z])0x([0-9a-f]{8})((?:-(?:0x)?[0-9a-f]{1,8}){1,3})(?![0-9a-z-])/gi;

/** A result code of parts read from a text: its first part (lower case), its later parts as numbers, and as written. */
interface PartCode {
  head: string;
  parts: number[];
  written: string;
}

/** The result codes of parts in `text` (PART_CODE). */
export function partCodes(text: string): PartCode[] {
  if (!text.includes('0x') && !text.includes('0X')) return [];
  const out: PartCode[] = [];
  for (const m of text.matchAll(PART_CODE))
    out.push({
      head: m[1].toLowerCase(),
      parts: m[2]
        .slice(1)
        .split('-')
        .map((x) => parseInt(x.replace(/^0x/i, ''), 16)),
      written: m[0],
    });
  return out;
}

/**
 * An error text whose result code has later parts of zeros (`[0x80070005-00000000-00000000]`: no extended code), for a paste
 * whose code with the same first part has non-zero later parts (`0x80070005-0x0004dc-0x000524`, access denied while sending on
 * behalf), is offered, not answered (`score.withoutCode`): the later parts say which failure of that HRESULT it is, and zeros
 * neither agree nor disagree with them — an article whose text holds the pasted parts, or the first part alone, ranks ahead.
 * (Other non-zero parts in the text are words the paste lacks: the score's code rule caps those.)
 */
export function capOtherCodeParts(ctx: MatchContext, hits: ErrorHit[], cut: string): void {
  const cap = ctx.params.score.withoutCode;
  if (!anyAbove(hits, cap)) return;
  const pasted = partCodes(cut);
  if (pasted.length === 0) return;
  const { errors } = ctx.index;
  for (const h of hits) {
    if (h.score <= cap) continue;
    for (const own of partCodes(errors[h.signal].text)) {
      if (own.parts.some((x) => x !== 0)) continue;
      const valued = pasted.find((c) => c.head === own.head && c.parts.some((x) => x !== 0));
      if (!valued || pasted.some((c) => c.head === own.head && c.parts.every((x) => x === 0))) continue;
      h.score = cap;
      h.codeParts = { pasted: valued.written, text: own.written };
      break;
    }
  }
}

/**
 * An exception class named by its failure after the word (`MapiExceptionCallFailed`, `MapiExceptionNoReplicaAvailable`):
 * the family (`mapiexception`) and the failure (`callfailed`), lower case; undefined for any other word (`webexception`,
 * `exceptions`). The failure is the error's code in words, as MAPI's `ec` number is.
 */
const FAILURE_CLASS = /^([a-z0-9]+exception)([a-z0-9]+)$/;

/**
 * An error text whose exception class of a family (FAILURE_CLASS) the paste lacks, where the paste has another class of that
 * family right before the two words that follow the text's (`MapiExceptionDatabaseError: Unable to mount database` for the
 * article's `MapiExceptionCallFailed: Unable to mount database`), is offered, not answered (`score.withoutCode`): the class
 * names which failure the shared message reports, as another code of a family does (score.ts otherCodeOfFamily). A class of
 * no family (`System.TimeoutException`, wrapped in PowerShell's `RemoteException`) names no failure: the message decides.
 */
export function capOtherException(ctx: MatchContext, hits: ErrorHit[], view: QueryView): void {
  const cap = ctx.params.score.withoutCode;
  if (!anyAbove(hits, cap)) return;
  const { seq, terms: pasted } = view;
  if (!seq.some((t) => FAILURE_CLASS.test(t))) return;
  const { errors } = ctx.index;
  for (const h of hits) {
    if (h.score <= cap) continue;
    const { terms } = errors[h.signal];
    for (let k = 0; k + 2 < terms.length; k++) {
      const own = terms[k];
      const family = FAILURE_CLASS.exec(own)?.[1];
      if (family === undefined || pasted.has(own)) continue;
      let other: string | undefined;
      for (let j = 0; j + 2 < seq.length && other === undefined; j++)
        if (seq[j + 1] === terms[k + 1] && seq[j + 2] === terms[k + 2] && FAILURE_CLASS.exec(seq[j])?.[1] === family) other = seq[j];
      if (other === undefined) continue;
      h.score = cap;
      h.otherException = { pasted: other, text: own };
      break;
    }
  }
}

/**
 * A match by prose (a description or a symptom's keywords) in a paste that quotes an enhanced status code, when its article
 * names status codes of its own (in its error texts or text, or a range its title names) and none is the paste's: the paste
 * tells another bounce than the article's (`450 4.4.317 … UntrustedRoot` on the connector, the article's `454 4.7.0 …
 * UntrustedRoot`) — offered, not answered, as an error text with another code is (`score.withoutCode`).
 */
export function capOtherStatusProse(ctx: MatchContext, hits: Hit[], terms: ReadonlySet<string>): void {
  const cap = ctx.params.score.withoutCode;
  if (!hits.some((h) => (h.kind === 'description' || h.kind === 'keyword') && h.score > cap)) return;
  const pasted = statusTerms(terms);
  if (pasted.size === 0) return;
  const { codes } = ctx.facts.statusCodesOf();
  const { ranges } = ctx.facts.titleCodesOf();
  for (const h of hits) {
    if ((h.kind !== 'description' && h.kind !== 'keyword') || h.score <= cap) continue;
    const own = codes[h.article] ?? NO_CODES;
    const named = ctx.facts.textCodesOf(h.article);
    if (own.size === 0 && named.size === 0) continue;
    const agrees = (code: string) =>
      own.has(code) || named.has(code) || ranges.some((r) => r.article === h.article && inStatusRange(code, r.range));
    if ([...pasted].some(agrees)) continue;
    h.score = cap;
    h.otherStatus = true;
  }
}

/**
 * An overview's error text without a code (the NDR format `Diagnostic information for administrators Generating server:
 * <server name> … <enhanced status code> <SMTP response>`) stands for the row of the pasted code: answered only when the
 * paste holds that row, its code and `rowWords` of the row's other words (at least `rowShare` of them). Otherwise the
 * paste's own line, the one with the code, is another error's, and the overview matched only what every bounce prints.
 */
export function rowExplained(ctx: MatchContext, article: number, pasted: ReadonlySet<string>, terms: ReadonlySet<string>): boolean {
  const { rowWords, rowShare } = ctx.params.score.overviewRow;
  for (const id of ctx.facts.statusCodesOf().coded[article] ?? []) {
    const e = ctx.index.errors[id];
    if (!e.terms.some((t) => pasted.has(t))) continue;
    const words = new Set(e.terms.filter((t) => !isStatusTerm(t) && !STOPWORDS.has(t)));
    let found = 0;
    for (const t of words) if (terms.has(t)) found++;
    if (found >= rowWords && found >= rowShare * words.size) return true;
  }
  return false;
}

/**
 * Articles the paste's error contradicts right after the name of its family: one of their error texts fits well enough
 * to be offered (`decision.candidate`) up to where the paste goes on differently just after a status code, error code or
 * exception class (`554 5.2.0 STOREDRV.Submission…` where the article has `554 5.2.0 STOREDRV.Deliver…`), and none fits
 * that well without a contradiction. The paste's error is another member of that family: the article's title and
 * description words (the description path) must not offer it either. (A contradiction after plain words is often a
 * value the article writes differently, a user or an address: it vetoes nothing.)
 * `settled`: error texts a contradiction settled below the floor (errorHits) that could reach `candidate` before it.
 */
export function contradictedArticles(
  ctx: MatchContext,
  hits: readonly ErrorHit[],
  settled: readonly number[],
  view: QueryView,
): Set<number> {
  const { candidate } = ctx.params.decision;
  const factor = ctx.params.score.contradiction;
  const out = new Set<number>();
  const afterFamily = (context: string) => context.split(' ').some((t) => /\d/.test(t) || isStrongTerm(t));
  // Only hits scored to the end know their contradiction; every hit that could reach `candidate` before the factor
  // is (both floors are below it), so the rule reads the same with and without pruning.
  // (A hit's score, not its breakdown's: the scenario cap may have lowered it.)
  const vetoes = (score: number, c: SignalScore['contradiction']) => !!c && score / factor >= candidate && afterFamily(c.context);
  for (const h of hits) if (vetoes(h.score, h.breakdown.contradiction)) out.add(h.article);
  // Those settled early are scored to the end here, only when the description path is read: as matches they would
  // have scored the same (below the floor, no scenario cap reaches them).
  const twins = twinsOf(ctx.index);
  for (const id of settled) {
    const b = scoreSignal(twins[id], view, ctx.index, ctx.params.score);
    if (vetoes(b.score, b.contradiction)) out.add(ctx.index.errors[id].article);
  }
  for (const h of hits) if (!h.breakdown.contradiction && h.score >= candidate) out.delete(h.article);
  return out;
}

/**
 * Some hit scores above `cap` (the caps' first test). A loop in a function of the module, not a closure per call: V8
 * keeps a closure's optimized code only while one is alive, and a full garbage collection between pastes dropped it.
 */
function anyAbove(hits: readonly { score: number }[], cap: number): boolean {
  for (const h of hits) if (h.score > cap) return true;
  return false;
}
