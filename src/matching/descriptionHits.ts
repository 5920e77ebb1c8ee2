/**
 * Stage 5c of matching, the description path: prose that names a symptom in the words of its article's title and
 * descriptions (descriptions.ts scores them) is offered; with the article's cause, it may be answered when nothing
 * else points elsewhere (`causeAlone`). Error texts found by common words rank below it (`weakErrorsBelow`).
 */
import {
  addPairs,
  describedAll,
  describedWhole,
  errorSaid,
  errorNamed,
  symptomQuotesError,
  failureUnsaid,
  GENERIC,
  inflectionKey,
  namedParts,
  proseTerms,
  readShare,
  wordsBeyondErrors,
  offeredDescriptions,
  scoreDescriptions,
  impliedTerms,
  withPhrases,
  titlesNamed,
  titleWordsNamed,
  weakDescriptions,
  familyDescriptions,
  type DescriptionScore,
  type TranslatedWords,
} from './descriptions';
import { foreignProgram } from './foreignProgram';
import { foldWord } from './normalize';
import { agreedDirection, directionAgainst, saidFlows, SIDE_TERMS, titleFlow } from './direction';
import { NO_WORDS, perArticle, round, type DescriptionHit, type ErrorHit, type Hit, type KeywordHit, type MatchContext } from './hits';
import { deniedInLines, deniedInTitle, namedPlaces, outsideScenario, type PasteScenario } from './scenario';
import type { QueryView } from './score';
import { namesCloud, namesProduct, onlineOnly, pasteCloudOnly, pasteOnPremises, serverOnly } from './product';
import { isStatusTerm } from './statusCodes';

/**
 * Title words that name no scenario beside topic phrases (descriptionHits' cause and scenario named together): that something
 * fails (`free/busy … fail`, `schlagen fehl`). With the product's name (`productWordsOf`), every post about the product says them.
 */
const FAILING: ReadonlySet<string> = new Set(
  'fail fails failed failing failure broken break breaks stop stops stopped fehl fehler schlagen schlägt fehlgeschlagen'
    .split(' ')
    .map(foldWord),
);

/** The words of an article's products' names (`Exchange Server`, `Exchange Online` → exchange, server, online), per article. */
const productWordsOf = perArticle(
  (ctx, article): ReadonlySet<string> =>
    new Set(
      ctx.kb.articles[article].products
        .flatMap((p) => p.name.split(/[^\p{L}\p{N}]+/u))
        .filter(Boolean)
        .map(foldWord),
    ),
);

/** A status code of the paste that `article`'s title names (`Fix NDR error "451 4.7.500-699"`…), if any. */
function titleCode(ctx: MatchContext, article: number, view: QueryView): string | undefined {
  const { exact } = ctx.facts.titleCodesOf();
  for (const t of view.terms) if (isStatusTerm(t) && exact.get(t)?.includes(article)) return t;
  return undefined;
}

/**
 * The direction rule's other half (direction.ts): a description that says the direction its article's title says, the same
 * way round (`… don't get emails from Microsoft 365 users` for `On-premises users can't get email messages from Microsoft 365
 * users`), names what sets the article apart from its neighbours, whose words (`users`, `email`, `on-premises`) every hybrid
 * article shares: its symptoms' evidence gains `descriptions.directionEvidence` words found in one article only (`fits`
 * changed in place, marked `direction`). The sentence that says it must name what the title says goes that way (`titleSubject`:
 * `email`, `free/busy`): on-premises users who can't see cloud mailboxes' free/busy say nothing of out-of-office replies that
 * go the same way.
 */
function agreeingDirections(ctx: MatchContext, fits: DescriptionScore[], text: string): void {
  const p = ctx.params.descriptions;
  if (!p.directionEvidence || !fits.length) return;
  // The paste is read for directions only when an article it touched has a title that says one (most have none).
  if (!fits.some((f) => titleFlow(ctx.kb.articles[f.article], p.directionWords))) return;
  const said = saidFlows(text, p.directionWords)
    .map((s) => ({ sentence: s.sentence, flows: s.flows.filter((f) => f.from && f.to) }))
    .filter((s) => s.flows.length);
  const flows = said.flatMap((s) => s.flows);
  if (!flows.length) return;
  const agreed = new Map<number, boolean>();
  const agrees = (article: number): boolean => {
    const a = ctx.kb.articles[article];
    if (!agreedDirection(a, flows, p.directionWords)) return false;
    const subject = titleSubject(ctx, article);
    return said.some((s) => agreedDirection(a, s.flows, p.directionWords) && subjectKeys(s.sentence, NO_WORDS).some((k) => subject.has(k)));
  };
  for (const f of fits) {
    let yes = agreed.get(f.article);
    if (yes === undefined) agreed.set(f.article, (yes = agrees(f.article)));
    if (!yes) continue;
    f.evidence += p.directionEvidence;
    f.direction = true;
  }
}

/**
 * Words of a title that say who or where, or that something fails, not what goes which way: the users, the deployment, a
 * negation (with the sides' words, SIDE_TERMS, and the failing words, FAILING).
 */
const NOT_SUBJECT: ReadonlySet<string> = new Set(
  'user users hybrid deployment environment cannot unable no none benutzer'.split(' ').map(foldWord),
);

/** A text's words (proseTerms) as keys of what it says goes which way: without the sides, generic and failing words, and `except`. */
export function subjectKeys(text: string, except: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const t of proseTerms(text))
    if (!SIDE_TERMS.has(t) && !GENERIC.has(t) && !FAILING.has(t) && !NOT_SUBJECT.has(t) && !except.has(t)) out.push(inflectionKey(t));
  return out;
}

/** Per article, what its titles say goes which way (`subjectKeys` of them, its products' names left out too). */
const titleSubject = perArticle((ctx, article): ReadonlySet<string> => {
  const { title } = ctx.kb.articles[article];
  const except = productWordsOf(ctx, article);
  return new Set([title.en, title.de].flatMap((t) => (t ? subjectKeys(t, except) : [])));
});

/** The description path's hits for a paste, and the fits they were read from (`descriptionHits`' `scored`). */
export interface Described {
  hits: DescriptionHit[];
  fits?: readonly DescriptionScore[];
}

/**
 * Copies of `d`'s hits and fits, for a reader that changes them in place while `d` stays as it was (Matcher
 * `describedOnce`): each hit a copy with copies of its lists and records, each fit a copy of its own class (read once, the
 * words it found are shared: nothing changes them), the hits' fits those copies.
 */
export function copyDescribed(d: Described): Described {
  const copies = new Map<DescriptionScore, DescriptionScore>();
  const fitCopy = (f: DescriptionScore): DescriptionScore => {
    let c = copies.get(f);
    if (!c) copies.set(f, (c = Object.assign(Object.create(Object.getPrototypeOf(f) as object) as DescriptionScore, f)));
    return c;
  };
  const hits = d.hits.map((h) => {
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(h))
      copy[key] =
        key === 'fit'
          ? fitCopy(value as DescriptionScore)
          : Array.isArray(value)
            ? [...(value as unknown[])]
            : value !== null && typeof value === 'object'
              ? { ...value }
              : value;
    return copy as unknown as DescriptionHit;
  });
  return { hits, ...(d.fits ? { fits: d.fits.map(fitCopy) } : {}) };
}

/** A hex result code as the paste's words hold it (`0x71a`, `0x80070005`). */
const HEX_CODE = /^0x[0-9a-f]{3,8}$/;
/**
 * Stage 5c: a description or question that names a symptom in the words of its title and description is
 * offered; with the article's topic phrases (its cause: `TLS 1.2`, `legacy TLS`) it is scored like the
 * symptom's own keyword with them, so symptom and cause named together can be answered. `where`: the places the paste
 * names (checkScenario's reading), asked only when an article is found by its topic phrases and a title word alone.
 */
export function descriptionHits(
  ctx: MatchContext,
  view: QueryView,
  topicPhrases: ReadonlyMap<number, ReadonlySet<string>>,
  bridged: boolean,
  text: string,
  translated: TranslatedWords,
  problem = false,
  frame: ReadonlySet<string> = NO_WORDS,
  scored?: { fits?: readonly DescriptionScore[] },
  where?: () => PasteScenario,
): DescriptionHit[] {
  const p = ctx.params.descriptions;
  const k = ctx.params.keywords;
  const hits: DescriptionHit[] = [];
  const implied = impliedTerms(view.seq);
  const terms = withPhrases(implied.length ? new Set([...view.terms, ...implied]) : view.terms, text);
  // An event record's field names are part of what the paste says, but no article's words: found in none (eventFrame.ts).
  const seq = frame.size ? view.seq.filter((t) => !frame.has(t)) : view.seq;
  const scores = scoreDescriptions(ctx.descriptions, terms, p, bridged, frame, translated.alternatives);
  const fits = addPairs(scores, ctx.descriptions, ctx.kb, seq, p, translated);
  agreeingDirections(ctx, fits, text);
  if (scored) scored.fits = fits;
  const offered = offeredDescriptions(fits, p, bridged, problem);
  // What shows another program printed the paste (foreignProgram.ts), read once when a description could be answered; null: nothing.
  let shown: string | null | undefined;
  // Whether the paste names an error or a failure (descriptions.ts `errorSaid`): read once, at the first article that asks.
  let said: boolean | undefined;
  // Whether the paste names an error (descriptions.ts `errorNamed`): read once, at the first article that asks.
  let quoted: boolean | undefined;
  // The deployments the paste says it doesn't have (scenario.ts), read once when a description could be answered; the one the
  // article's title names, if any: its symptom or its topic phrases are then named beside a setup the paste rules out.
  let denied: ReadonlySet<string> | undefined;
  const deniedTitle = (article: number) => {
    const a = ctx.kb.articles[article];
    return deniedInTitle((denied ??= deniedInLines([text])), [a.title.en, a.title.de]);
  };
  // The hex result codes the paste names (`Error 0x71a`), read once when a description could be answered.
  let hexCodes: string[] | undefined;
  const unheldCode = (article: number) => {
    hexCodes ??= [...view.terms].filter((t) => HEX_CODE.test(t));
    if (hexCodes.length === 0) return undefined;
    const words = ctx.facts.wordsOf(article);
    return hexCodes.find((c) => !words.has(c));
  };
  let unheld: string | undefined;
  // The title says something fails and the paste (in its own language) says nothing does (descriptions.ts failureUnsaid).
  const unsaidOf = (article: number) => !bridged && failureUnsaid(ctx.kb.articles[article].title.en ?? '', text);
  offered.forEach((d, rank) => {
    const topics = [...(topicPhrases.get(d.article) ?? [])];
    // A deployment the paste says it doesn't have and the title names (`no hybrid`): the symptom and its topic phrases are
    // named beside a setup the paste rules out — the phrases add nothing, and it is never answered (scenario.ts).
    const ruledOut = deniedTitle(d.article);
    // Nor where the title says something fails and the paste says nothing does (a question: failureUnsaid).
    const unsaid = !ruledOut && topics.length > 0 && unsaidOf(d.article);
    const score = p.score + (ruledOut || unsaid ? 0 : Math.min(k.topicMax, k.topic * topics.length)) - rank * p.groupStep;
    const hit: DescriptionHit = { kind: 'description', article: d.article, symptom: d.symptom, score, terms: d.found, fit: d, topics };
    if (ruledOut) hit.deniedScenario = ruledOut;
    if (unsaid) hit.unsaid = true;
    // Symptom and cause named together: the problem and what lies behind it (kept only when nothing else is offered: causeAlone).
    // Only where other articles compete: in a knowledge base of one article every word of its cause is "distinctive".
    // (Not in a long post's problem sentences: what they find is offered.)
    // Read through the lexicon, only the symptom named whole: the bridge answers it on rare translated terms (`proseAgreement`).
    // (Nor where the paste says the direction of the article's title the other way round, or that it works: direction.ts.)
    const alone =
      !ruledOut && offered.length === 1 && !problem && !d.led && score < p.causeScore && fits.some((f) => f.article !== d.article);
    const against = alone ? directionAgainst(ctx.kb.articles[d.article], text, p.directionWords, d.symptom) : undefined;
    if (against === 'reversed') hit.reversed = true;
    else if (against === 'works') hit.directionWorks = true;
    // (Nor where the article's title says something fails and the paste says nothing does: a question about its subject.)
    else if (alone && unsaidOf(d.article)) hit.unsaid = true;
    // (Nor where the article's title is its error message and the paste names no error or failure: errorUnsaid.)
    else if (alone && !bridged && ctx.facts.titleIsErrorOf(d.article) && !(said ??= errorSaid(text))) hit.errorUnsaid = true;
    // (Nor where the paste was printed by another program than Microsoft's and the article names none: foreignProgram.ts.)
    else if (alone && ctx.facts.programNamedOf(d.article) === null && (shown ??= foreignProgram(text) ?? null) !== null)
      hit.foreignProgram = shown;
    // (Nor where the paste names a result code that no text of the article holds: the post quotes an error of its own,
    // and the article's words around it are not enough to say it is this one.)
    else if (alone && (unheld = unheldCode(d.article)) !== undefined) hit.codeUnheld = unheld;
    else if (alone) {
      const named = bridged ? undefined : namedParts(ctx.descriptions, d);
      if (named && named.symptom >= p.causeSymptom && named.causeWords >= p.causeWords && named.cause >= p.causeWeight) {
        hit.cause = { words: named.causeWords, weight: named.cause, offered: score };
        hit.score = p.causeScore;
      } else {
        // The symptom and little else, in words of its own (not only an error text's words its prose repeats).
        // Read through the lexicon, the words it left German count as words the symptom lacks (`readShare`).
        const read = bridged ? readShare(ctx.descriptions, terms, translated) : { share: 1, unread: 0 };
        const errors = () => ctx.facts.errorTextsOf(d.article);
        const own = describedWhole(ctx.descriptions, d, errors, p, read.share);
        if (own === undefined && read.unread && describedWhole(ctx.descriptions, d, errors, p) !== undefined)
          hit.unread = { words: read.unread, share: read.share };
        // (Not where the symptom is an error message, the English paste names no error and says more of something else than of
        // the symptom: an overview of what a client supports tells the symptom's words, not the error the article resolves.
        // errorUnquoted.)
        if (
          own !== undefined &&
          !bridged &&
          d.pasteShare < p.unquotedShare &&
          symptomQuotesError(ctx.kb.articles[d.article], d.symptom) &&
          !(quoted ??= errorNamed(text))
        )
          hit.errorUnquoted = true;
        else if (own !== undefined) {
          hit.cause = { words: 0, weight: own, offered: score, whole: true };
          // Read through the lexicon, every word read and the symptom's: the translation says what English would answer.
          if (bridged && describedAll(ctx.descriptions, d, terms)) hit.cause.all = true;
          hit.score = p.causeScore;
        } else {
          // The bounce's status code that the article's title names, with the symptom told in words of the post's own: the code
          // says which bounce, the prose that it is this article's (as the answerBeyond words of describedWhole, fit aside). In the
          // paste's own language only: read through the lexicon, the bridge decides.
          const code = bridged ? undefined : titleCode(ctx, d.article, view);
          const weight = code === undefined ? 0 : wordsBeyondErrors(ctx.descriptions, d, ctx.facts.errorTextsOf(d.article));
          if (code !== undefined && weight >= p.answerBeyond) {
            hit.cause = { words: 0, weight, offered: score, code };
            hit.score = p.causeScore;
          }
        }
      }
    }
    hits.push(hit);
  });
  // A title written (almost) whole names its article, however common its words: offered ahead of a keyword alone.
  const moved = new Set<number>();
  const titled = titlesNamed(
    ctx.descriptions,
    ctx.kb,
    seq,
    fits.map((d) => d.article),
    p,
    moved,
    translated.alternatives,
  );
  for (const article of titled) {
    const topics = [...(topicPhrases.get(article) ?? [])];
    const ruledOut = deniedTitle(article);
    const score = p.score + p.titleBonus + (ruledOut ? 0 : Math.min(k.topicMax, k.topic * topics.length));
    const had = hits.find((h) => h.article === article);
    const order = moved.has(article) ? { titleMoved: true as const } : {};
    if (had) {
      had.score = Math.max(had.score, score);
      had.title = true;
      Object.assign(had, order);
      // Offered, should causeAlone take the answer back, with the title's bonus still.
      if (had.cause) had.cause.offered = Math.max(had.cause.offered, score);
      continue;
    }
    const best = fits.find((d) => d.article === article)!;
    const denial = ruledOut ? { deniedScenario: ruledOut } : {};
    hits.push({
      kind: 'description',
      article,
      symptom: best.symptom,
      score,
      terms: best.found,
      fit: best,
      topics,
      title: true,
      ...order,
      ...denial,
    });
  }
  // Cause and scenario named together ("legacy TLS … hybrid broken"): the article's topic phrases with a word
  // of its title, scored like a description with those topics.
  let placesNamed: string[] | undefined;
  for (const [article, phrases] of topicPhrases) {
    if (hits.some((h) => h.article === article)) continue;
    const topicWords = new Set([...phrases].flatMap((ph) => ph.split(' ')));
    const named = titleWordsNamed(ctx.descriptions, article, frame.size ? new Set(seq) : view.terms, topicWords);
    if (!named.length) continue;
    const best = fits.find((d) => d.article === article)!;
    // Where the paste says it happened and none of it is the article's scenario (a migration endpoint, Autodiscover: scenario.ts),
    // the phrases name a cause beside another scenario: offered at the description's score.
    const elsewhere = where ? outsideScenario((placesNamed ??= namedPlaces(where())), ctx.facts.scenarioOf(article)) : undefined;
    // Else, the title's words named are only the product's name or that something fails (`Exchange`, `fail`): no scenario
    // named, the phrases a cause alone: offered too.
    const products = productWordsOf(ctx, article);
    const generic = !elsewhere && named.every((w) => FAILING.has(w) || products.has(w)) ? named : undefined;
    // Else, where the paste says it has no deployment the title names (`no hybrid`): the phrases name a cause beside a setup
    // it rules out, offered too.
    const ruledOut = elsewhere || generic ? undefined : deniedTitle(article);
    // Else, where the title says something fails and the paste says nothing does: the phrases name the cause of a failure the
    // paste doesn't have (a question about the cause: `Can Exchange 2019 still accept TLS 1.0?`), offered.
    const unsaid = !elsewhere && !generic && !ruledOut && unsaidOf(article);
    const score = p.score + (elsewhere || generic || ruledOut || unsaid ? 0 : Math.min(k.topicMax, k.topic * phrases.size));
    // No symptom named: the article as a whole (symptom null).
    hits.push({
      kind: 'description',
      article,
      symptom: null,
      score,
      terms: [...best.found, ...topicWords],
      fit: best,
      topics: [...phrases],
      ...(elsewhere ? { topicsElsewhere: elsewhere } : {}),
      ...(generic ? { topicsGeneric: generic } : {}),
      ...(ruledOut ? { deniedScenario: ruledOut } : {}),
      ...(unsaid ? { unsaid: true as const } : {}),
    });
  }
  return hits;
}

/**
 * The last resort, when nothing else in the paste is offered: the symptoms `weakDescriptions` finds in the fits of the paste's
 * prose as written (`fits`, leaving out the articles in `skip`: the paste contradicts an error of theirs), offered at
 * `descriptions.weakScore`, each `groupStep` below the one before. Never answered.
 */
export function weakDescriptionHits(
  ctx: MatchContext,
  fits: readonly DescriptionScore[],
  skip: ReadonlySet<number>,
  cut: string,
): DescriptionHit[] {
  const p = ctx.params.descriptions;
  const kept = skip.size ? fits.filter((f) => !skip.has(f.article)) : fits;
  return offeredTogether(
    p,
    pasteScopeFirst(
      ctx,
      weakDescriptions(kept, p, ctx.descriptions, (a) => ctx.facts.errorTextsOf(a)),
      cut,
    ),
    { weak: true },
  );
}

/** A name as an admin writes one from a tool's output: a word with a lower-case letter followed by a capital (`publicDelegates`). */
const MIXED_CASE = /\b[A-Za-z]*[a-z][A-Z][A-Za-z0-9]*/g;

/**
 * Symptoms offered together (the last resort, the family offer), ordered first by what the paste says of its own setup and
 * objects, then as they were (fit, the paste's direction): their fits are close by design (each within `lead` of the best),
 * and a fit of a few common words (`sent`, `items`, `synced`, `Office 365`) is no better than the next one's.
 * - Another product last: the paste runs on an on-premises Exchange server and names nothing of the cloud, the article
 *   applies to Exchange Online only (or the paste was printed in Exchange Online, the article applies to a server only) and
 *   its own text doesn't name the paste's side: the product rule (product.ts; errorCaps.ts `checkScenario`), which keeps
 *   such an error from its answer, keeps such a symptom from the first place.
 * - Then the symptom that holds more of the names the paste writes as a tool prints them (a capital inside a word:
 *   `publicDelegates`, `RecipientFilter`), counting only its rare words (`rareWords`): an attribute or cmdlet the paste
 *   and the symptom both name is the same object, where shared common words are not.
 * The one first only by its direction (`led`) stays first. Never answered either way: only which is offered first changes.
 */
function pasteScopeFirst(ctx: MatchContext, found: DescriptionScore[], cut: string): DescriptionScore[] {
  // (A paste's fits are read once and kept: marks of an earlier order go.)
  for (const d of found) {
    delete d.otherProduct;
    delete d.namesHeld;
  }
  if (found.length < 2) return found;
  const onPremises = pasteOnPremises(cut);
  const cloud = onPremises === undefined ? pasteCloudOnly(cut) : undefined;
  const otherProduct = (a: number): boolean => {
    const article = ctx.kb.articles[a];
    if (onPremises !== undefined && onlineOnly(article)) return !namesProduct(ctx.facts.scenarioOf(a).squashed, onPremises);
    if (cloud !== undefined && serverOnly(article)) return !namesCloud(ctx.facts.scenarioOf(a).squashed);
    return false;
  };
  const names = new Set<string>();
  for (const w of cut.match(MIXED_CASE) ?? []) names.add(foldWord(w));
  const keyed = found.map((d, i) => ({
    d,
    i,
    other: otherProduct(d.article) ? 1 : 0,
    names: names.size ? d.rareWords.filter((w) => names.has(w)) : [],
  }));
  keyed.sort((x, y) => x.other - y.other || y.names.length - x.names.length || x.i - y.i);
  if (keyed.every((k, i) => k.i === i)) return found;
  // What moved them, for --explain: the product of the ones put last, the names of the ones put ahead of a better fit.
  for (const [at, k] of keyed.entries()) {
    if (k.other) k.d.otherProduct = onPremises ?? cloud;
    if (keyed.some((o, j) => j > at && o.i < k.i && o.other === k.other)) k.d.namesHeld = k.names;
  }
  const out = keyed.map((k) => k.d);
  const led = out.findIndex((d) => d.led);
  if (led > 0) out.unshift(...out.splice(led, 1));
  return out;
}

/** `found`, best first, as hits offered together: at `weakScore`, each `groupStep` below the one before; `mark` says why. */
function offeredTogether(
  p: MatchContext['params']['descriptions'],
  found: readonly DescriptionScore[],
  mark: Pick<DescriptionHit, 'weak'> | Pick<DescriptionHit, 'family'>,
): DescriptionHit[] {
  return found.map((d, rank) => ({
    kind: 'description',
    article: d.article,
    symptom: d.symptom,
    score: round(p.weakScore - rank * p.groupStep),
    terms: d.found,
    fit: d,
    topics: [],
    ...mark,
  }));
}

/**
 * The family offer, when nothing else in the paste is offered: the paste names a family's symptom (`keywords`: hits marked
 * `family`, listed only), and the symptoms `familyDescriptions` finds that hold its words (leaving out the articles in `skip`)
 * are offered together at `descriptions.weakScore`, each `groupStep` below the one before. Never answered.
 */
export function familyDescriptionHits(
  ctx: MatchContext,
  fits: readonly DescriptionScore[],
  keywords: readonly KeywordHit[],
  skip: ReadonlySet<number>,
  cut: string,
): DescriptionHit[] {
  const phrases = keywords.filter((h) => h.family).flatMap((h) => h.keywords.map((ph) => ph.split(' ')));
  if (!phrases.length) return [];
  const p = ctx.params.descriptions;
  const kept = skip.size ? fits.filter((f) => !skip.has(f.article)) : fits;
  const named = [...new Set(phrases.map((ph) => ph.join(' ')))];
  return offeredTogether(p, pasteScopeFirst(ctx, familyDescriptions(kept, p, phrases), cut), { family: named });
}

/**
 * A description scored for naming symptom and cause (`DescriptionHit.cause`) is answered only as the one thing the paste
 * points to: where another article is offered too (an error text, code, keyword or description of it scores
 * `decision.candidate` or more), it is offered like any description; so too where an error text of its own article is
 * (a rule kept that error from an answer — another status code, another scenario — and the prose does not overrule it).
 * An error text found by a phrase of common words (`weakErrorsBelow` ranks it below the description) points nowhere, nor
 * does another article's family symptom (a translation offers it where the paste as written lists it).
 * A paste that goes on differently from an error text of the article (`settled`: contradicted below the floor) pasted
 * another error, not a description: its words in the article's cause are that error's words.
 */
export function causeAlone(ctx: MatchContext, hits: Hit[], errorHits: readonly ErrorHit[], settled: readonly number[]): void {
  const named = hits.find((h): h is DescriptionHit => h.kind === 'description' && !!h.cause);
  if (!named) return;
  const otherError =
    errorHits.some((h) => h.article === named.article && h.breakdown.contradiction) ||
    settled.some((id) => ctx.index.errors[id].article === named.article);
  if (otherError) {
    named.score = named.cause!.offered;
    return;
  }
  const { candidate } = ctx.params.decision;
  const { weakError } = ctx.params.descriptions;
  const weak = (h: Hit) => h.kind === 'error' && h.breakdown.evidenceWords < weakError;
  // Where the title's status code made it an answer, that code's hits on other articles (an overview's row of it, an error text
  // carrying it with another message) list the code's family: the prose said which member the post is.
  const { code } = named.cause!;
  const sameCode = (h: Hit) => code !== undefined && h.kind === 'code' && h.code === code;
  // Another article's family symptom (`free/busy`) points to no one article: as written it is listed below `candidate`, and
  // where a translation offers it (keywordHits `offer`) it counts no more than there. The described article's own stays: a
  // family's symptom is never answered on a translation (familyGerman.test.ts).
  const family = (h: Hit) => h.kind === 'keyword' && !!h.family && h.article !== named.article;
  if (hits.some((h) => h !== named && h.score >= candidate && !weak(h) && !sameCode(h) && !family(h))) named.score = named.cause!.offered;
}

/**
 * An error text found by less evidence than `descriptions.weakError` distinctive words (a phrase of common words that a
 * sentence happens to hold: `could not be updated`) says less than a description the prose found: it ranks just below it.
 */
export function weakErrorsBelow(ctx: MatchContext, hits: Hit[]): void {
  let best = -1;
  for (const h of hits) if (h.kind === 'description' && h.score > best) best = h.score;
  if (best < 0) return;
  const { weakError, groupStep } = ctx.params.descriptions;
  const below = round(best - groupStep);
  for (const h of hits) {
    if (h.kind !== 'error' || h.score <= below || h.breakdown.evidenceWords >= weakError) continue;
    h.score = below;
    h.belowDescription = below;
  }
}
