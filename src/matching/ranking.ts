/**
 * Stages 6–7b of matching, ranking: the best hit per article, with containers, topic phrases and ties applied
 * (`rank`), then in order `settleContest`, `breakTies`, `innerOnly`, `nearTwins` (matcher.ts decideAt), and after the
 * decision, for a choice (or an answer a row's prose found) only, `codeArticleFirst`. Each stage takes the ranked list
 * and returns it reordered or re-scored; the notes of what it did are written only when explaining (Ranked.adjustments).
 */
import { OVERVIEW_CODES } from './articleFacts';
import { NO_ADJUSTMENTS, perArticle, round, type ErrorHit, type Hit, type MatchContext, type Ranked } from './hits';
import type { QueryView } from './score';
import { plainConstructor } from './plain';
import { contentTerms, isStrongTerm, type SignalIndex } from './signals';
import { sortedIncludes, strictlyInside } from './sorted';
import { statusCodesIn } from './statusCodes';

/**
 * Stage 6: best hit per article, containers and the topic tie-break applied (`topics`: per article, its topic phrases found),
 * best first.
 */
export function rank(ctx: MatchContext, hits: Hit[], topics: ReadonlyMap<number, ReadonlySet<string>>, explaining: boolean): Ranked[] {
  const p = ctx.params.ranking;
  const best = new Map<number, Hit>();
  for (const h of hits) {
    const cur = best.get(h.article);
    if (!cur || h.score > cur.score) best.set(h.article, h);
  }
  const leaders = [...best.values()];
  // In the order their articles first came up (ErrorHit.place): a match inside several containers is lowered by the first.
  // (Loops and functions of the module, not closures made per paste: see `byRank`.)
  const contenders: ErrorHit[] = [];
  for (const o of leaders) if (o.kind === 'error' && o.score >= p.containerFrom) contenders.push(o);
  contenders.sort(byPlace);
  // Per contested container: the match inside it that fit its own error best.
  const contestedBy = new Map<Hit, Hit>();
  // The cheap tests' fields of every contender side by side: hundreds of leaders each scan them (10,000 articles).
  // (Filled by a loop: `Float64Array.from` with a mapping function walks an iterator, an object per element.)
  const cScore = new Float64Array(contenders.length);
  const cWords = new Int32Array(contenders.length);
  const cMask = new Int32Array(contenders.length);
  for (let k = 0; k < contenders.length; k++) {
    cScore[k] = contenders[k].score;
    cWords[k] = contenders[k].found.length;
    cMask[k] = contenders[k].mask;
  }
  const rivals: Contenders = { hits: contenders, score: cScore, words: cWords, mask: cMask };
  const ranked: Ranked[] = [];
  for (const h of leaders) {
    const adjustments: Ranked['adjustments'] = explaining ? [] : NO_ADJUSTMENTS;
    const topicCount = Math.min(2, topics.get(h.article)?.size ?? 0);
    const tiebreak = h.score >= p.tiebreakFrom ? p.topicTiebreak * topicCount : 0;
    if (tiebreak > 0 && explaining)
      adjustments.push({ rule: 'topics', note: `+${round(tiebreak)}: ${topicCount} of the article's topic phrases in the paste` });
    // A match whose words are all inside what another match found (a generic wrapper inside a longer,
    // specific error) is weaker evidence than that one, however well it covers its own short text.
    // Only a container about as good counts (a contradicted variant that happens to share the words
    // doesn't), and only matches that could be shown are compared.
    // (Cheap tests first: a container holds more words, and every word's bit in its mask.)
    const container = h.kind === 'error' && h.score >= p.containedFrom ? containerOf(h, rivals, p) : undefined;
    let score = h.score;
    if (container) {
      score = Math.min(h.score, container.score - p.containerGap);
      // It fit its own error better than the container fits its: the paste is that error as much as the container's.
      // (How well each fits its own error: before the caps, which a scenario or a generic line sets alike for both.)
      const fitsBetter = h.kind === 'error' && h.breakdown.score > container.breakdown.score && h.score >= container.score;
      if (fitsBetter && h.score > (contestedBy.get(container)?.score ?? 0)) contestedBy.set(container, h);
      if (explaining)
        adjustments.push({
          rule: 'container',
          note: `lowered to ${round(score)}: every word it found lies inside what ${ctx.kb.articles[container.article].id} found`,
        });
    }
    const r = new RankedOf(h, round(Math.max(0, Math.min(1, score + tiebreak))), adjustments);
    if (h.kind === 'error') r.sameError = h.sameError;
    ranked.push(r);
  }
  for (const r of ranked) {
    const by = contestedBy.get(r.hit);
    if (by === undefined) continue;
    const rival = by.score;
    r.contested = rival;
    r.contestedBy = by;
    if (explaining)
      r.adjustments.push({
        rule: 'container',
        note: `contested: a match it contains fit its own error better (${round(rival)}), so it must lead that score too to be answered`,
      });
  }
  // Equal scores in the order of how well each error text fit the paste before the caps (a scenario or generic-line
  // cap gives a text the paste holds whole and one it holds in part the same score: it says "offer", not which fits
  // better), articles of a status code's family in the order of how much of their titles the paste names, then of the
  // articles' ids (localeCompare order, precomputed: idOrder).
  return ranked.sort(byRank(ctx.idOrder));
}

/** The contenders for containing a match (rank), and their cheap tests' fields side by side. */
interface Contenders {
  hits: ErrorHit[];
  score: Float64Array;
  words: Int32Array;
  mask: Int32Array;
}

/** The first contender whose found words strictly contain `h`'s, about as good (`containerWindow`), not its own error. */
function containerOf(h: ErrorHit, c: Contenders, p: MatchContext['params']['ranking']): ErrorHit | undefined {
  const least = h.score - p.containerWindow;
  const words = h.found.length;
  for (let k = 0; k < c.hits.length; k++) {
    if (c.score[k] < least || c.words[k] <= words || (h.mask & ~c.mask[k]) !== 0) continue;
    const o = c.hits[k];
    if (o !== h && o.sameError[0] !== h.sameError[0] && strictlyInside(h.found, o.found)) return o;
  }
  return undefined;
}

/** Tied matches by how well the rest of the paste fits their articles' titles and descriptions, then by score. */
function byAbout(a: { r: Ranked; about: number }, b: { r: Ranked; about: number }): number {
  return b.about - a.about || b.r.score - a.r.score;
}

/**
 * Tied matches the rest of the paste fits equally, by how much of that fit their titles hold: a word the title names says
 * what the article is about more than one a sentence of its description mentions (`Exchange Server` in a title about
 * Exchange Server 2013, and in another article's scenario sentence). Worked out only for such a tie (`titled`, -1 before).
 */
function byTitle(ctx: MatchContext, a: { r: Ranked; titled: number }, b: { r: Ranked; titled: number }, view: QueryView): number {
  if (a.titled < 0) a.titled = titleRest(ctx, a.r, view);
  if (b.titled < 0) b.titled = titleRest(ctx, b.r, view);
  return b.titled - a.titled;
}

/** The content words of an article's titles (English and German), per article: the same for every paste. */
const titleTermsOf = perArticle((ctx, article): ReadonlySet<string> => {
  const { title } = ctx.kb.articles[article];
  return new Set([...contentTerms(title.en ?? ''), ...contentTerms(title.de ?? '')]);
});

/** aboutRest's weight of the words that the article's titles hold. */
function titleRest(ctx: MatchContext, r: Ranked, view: QueryView): number {
  const title = titleTermsOf(ctx, r.hit.article);
  const rest = restTerms(ctx, view);
  return restWeight(ctx, r, rest, (k) => title.has(rest.terms[k]));
}

function byPlace(a: ErrorHit, b: ErrorHit): number {
  return a.place - b.place;
}

/**
 * How well two hits fit their own texts before the caps (rank's order of equal scores). A family's symptom named alone
 * (keywordHits, offered through the lexicon) goes after another article's symptom: it names the family, the other one article.
 */
function fit(x: Hit, y: Hit): number {
  return x.kind === 'error' && y.kind === 'error'
    ? y.breakdown.score - x.breakdown.score
    : x.kind === 'code' && y.kind === 'code'
      ? (y.otherMessage ?? 0) - (x.otherMessage ?? 0)
      : familyLast(x) - familyLast(y);
}

/** 1 for a family's symptom named alone (a keyword hit marked `family`), else 0. */
function familyLast(h: Hit): number {
  return h.kind === 'keyword' && h.family ? 1 : 0;
}

/**
 * rank's order: score, then fit, then the articles' id order — one comparator per id order (per matcher), made once.
 * A function made per paste is a new closure each time, and V8 keeps a closure's optimized code only while one of
 * them is alive: a full garbage collection between two pastes threw it away, and the next pastes ran the comparator
 * (and the loops that were closures here: containerOf, the leaders' map) unoptimized while it was compiled again.
 */
const BY_RANK = new WeakMap<Int32Array, (x: Ranked, y: Ranked) => number>();

function byRank(order: Int32Array): (x: Ranked, y: Ranked) => number {
  let compare = BY_RANK.get(order);
  if (compare === undefined)
    BY_RANK.set(order, (compare = (x, y) => y.score - x.score || fit(x.hit, y.hit) || order[x.hit.article] - order[y.hit.article]));
  return compare;
}

/** A Ranked made by `new`, its fields in the order a literal had them (plain.ts: never allocated in the old generation). */
const RankedOf = plainConstructor(function (this: Ranked, hit: Hit, score: number, adjustments: Ranked['adjustments']) {
  this.hit = hit;
  this.score = score;
  this.adjustments = adjustments;
});

/**
 * Stage 6b: a contested container leads a match inside it that fit its own error better (decide.ts answers neither:
 * both errors fit the paste). Which of the two comes first is then decided as a tie is: by how well the rest of the
 * paste fits their titles and symptom descriptions — `The proxy address … is already being used` from a post about
 * mail users is the proxy-conflict article's before the public-folder sync article's, whose longer error holds it.
 */
export function settleContest(ctx: MatchContext, ranked: Ranked[], view: QueryView, explaining: boolean): Ranked[] {
  const top = ranked[0];
  const inside = top?.contestedBy && ranked.find((r) => r.hit === top.contestedBy);
  if (!inside || aboutRest(ctx, inside, view) <= aboutRest(ctx, top, view)) return ranked;
  const note = () =>
    `put before ${ctx.kb.articles[top.hit.article].id}, the contested container it lies in: the rest of the paste fits its title and descriptions better`;
  // Still no answer: the container's score stays the lead to beat.
  const head: Ranked = {
    ...inside,
    score: top.score,
    contested: top.score,
    adjustments: explaining ? [...inside.adjustments, { rule: 'container', note: note() }] : NO_ADJUSTMENTS,
  };
  return [head, ...ranked.filter((r) => r !== inside)];
}

/**
 * Stage 6c: articles that hold the same error text tie on it; the rest of the paste ("…the cross-forest
 * room mailbox…") decides between them, by the words of their titles and symptom descriptions.
 */
export function breakTies(ctx: MatchContext, ranked: Ranked[], view: QueryView, explaining: boolean): Ranked[] {
  const top = ranked[0];
  if (!top?.sameError) return ranked;
  const tied: Ranked[] = [];
  const least = top.score - ctx.params.ranking.tie;
  for (const r of ranked) if (r.score >= least && r.sameError !== undefined && sharesKey(r.sameError, top.sameError)) tied.push(r);
  if (tied.length < 2) return ranked;
  const order = tied.map((r) => ({ r, about: aboutRest(ctx, r, view), titled: -1 }));
  order.sort((a, b) => byAbout(a, b) || byTitle(ctx, a, b, view));
  // A family: the rest of the paste names none of the first one's scenario words (`score.family`), so it does not say
  // which of the articles holding the error it is: all are offered, none answered.
  // Words more than a quarter of the articles use that every tied article holds (a product's name: `Exchange Server`)
  // count only beside a word that tells the first apart (familyFit).
  const f = ctx.params.score.family;
  const lead = order[0];
  const fitted = top.score > f.cap && lead.about >= f.fit ? familyFit(ctx, lead.r, lead.about, tied, view, f.fit) : lead.about;
  const family = fitted < f.fit && top.score > f.cap;
  const shared =
    fitted < lead.about
      ? `, ${round(fitted)} without the words more than a quarter of the articles use that all ${tied.length} hold, none of its words telling it apart`
      : '';
  const familyNote = `; that names no word of the first one's title and descriptions that at most a quarter of the articles use (below ${round(f.fit)}${shared}): the error of a family of ${tied.length} articles, capped at ${f.cap} (offered, not answered)`;
  // The tied group keeps its best score at its head; only the order inside it changes.
  const reordered = order.map(({ r, about, titled }, i) => ({
    ...r,
    score: Math.min(i === 0 ? top.score : Math.min(r.score, top.score), family ? f.cap : 1),
    adjustments: explaining
      ? [
          ...r.adjustments,
          {
            rule: 'tie-break' as const,
            note: `tied on the same error with ${tied.length - 1} other article(s); title and description words of the rest of the paste: ${round(about)}${titled > 0 ? `, ${round(titled)} of them in its title (a tie on that weight goes to the titles)` : ''}${family ? familyNote : ''}`,
          },
        ]
      : NO_ADJUSTMENTS,
  }));
  const after = ranked.filter((r) => !tied.includes(r));
  // What ranks after the family stays after it: a match it held off (a container's contents, another error a little
  // below) is not answered in its place.
  return [...reordered, ...(family ? after.map((r) => (r.score > f.cap ? { ...r, score: f.cap } : r)) : after)];
}

/**
 * Stage 6d: two articles whose errors wrap the same inner message in different outer messages (`…couldn't be
 * released. Detailed information: "…1007 AccessDenied…"` and `…provision Exchange to the Partner STS. Detailed
 * Information "…1007 AccessDenied…"`) hold the same error only when the paste says which wrapper it is: every word the
 * leader found also in the other's error text, the paste holds neither article's own part, and the two are offered,
 * not one answered with the other listed as "also covered by". Texts of which one holds every word of the other (the
 * same error, quoted with a tool's prefix) stay equivalents. Where the paste holds the other's own part (`otherOuter.ownWords`
 * words of it the leader's text lacks) and the other ranks below for another reason (capped for the other product), the
 * paste is the other's error: it goes first, and the leader, which shares only the inner message, is not answered.
 */
export function innerOnly(ctx: MatchContext, ranked: Ranked[], explaining: boolean): Ranked[] {
  const top = ranked[0];
  if (top?.hit.kind !== 'error' || !top.sameError) return ranked;
  const lead = top.hit;
  const key = top.sameError[0];
  const own = ctx.index.errors[lead.signal].ids;
  /** The first of them whose own part the paste holds (ownPart): the paste says which wrapper it is, that one's. */
  let holder: Ranked | undefined;
  // Changed in place: every ranked match is this paste's own object (rank, breakTies and settleContest make them), and
  // at 10,000 articles dozens of near-duplicates share the leader's inner message (a copy each was ~17 KB per paste).
  for (let i = 1; i < ranked.length; i++) {
    const r = ranked[i];
    if (r.hit.kind !== 'error' || r.sameError?.[0] !== key) continue;
    // Found with the very same words, near-perfectly (`ranking.sameWordsScore`): the same error to the paste.
    if (sharesFoundKey(r.sameError, top.sameError)) continue;
    const other = ctx.index.errors[r.hit.signal].ids;
    // One text inside the other (the same error quoted with a prefix) is one error; so is one the paste tells apart.
    if (within(own, other) || within(other, own) || !within(lead.found, other)) continue;
    r.sameError = r.sameError.slice(1);
    if (explaining)
      r.adjustments = [
        ...r.adjustments,
        {
          rule: 'inner-message',
          note: `shares only its inner message with ${ctx.kb.articles[lead.article].id}, whose own part the paste lacks: not the same error`,
        },
      ];
    // Only one that may be offered itself (`decision.candidate`): what scores less is not scored to the end with the floors
    // (Matcher.floors), and the result must not depend on them.
    if (
      holder === undefined &&
      r.score < top.score &&
      r.score >= ctx.params.decision.candidate &&
      ownPart(r.hit.found, own) >= ctx.params.score.otherOuter.ownWords
    )
      holder = r;
  }
  if (holder === undefined) return ranked;
  // The paste holds the other's own part, ranked below for another reason (its product, its scenario): it is that error, which
  // the leader shares only the inner message of. The other first, the leader no higher: offered together, not answered.
  top.score = holder.score;
  if (explaining)
    top.adjustments = [
      ...top.adjustments,
      {
        rule: 'inner-message',
        note: `shares only its inner message with ${ctx.kb.articles[holder.hit.article].id}, whose own part the paste holds: that error, capped at ${round(holder.score)} (offered, not answered)`,
      },
    ];
  return [holder, ...ranked.filter((r) => r !== holder)];
}

/** How many of the words `found` in another article's error text the leader's text (`own`) lacks: that text's own part. */
function ownPart(found: Int32Array, own: Int32Array): number {
  let n = 0;
  for (let k = 0; k < found.length; k++) if (!own.includes(found[k])) n++;
  return n;
}

/**
 * Stage 6e: near twins. Two articles quote (almost) the same error text (`The connection to Microsoft Exchange is
 * unavailable…` and `…to the Microsoft Exchange Server is unavailable…`, one prompt from two Outlook versions), so the
 * paste's error finds nearly the same words in both: `score.twins.share` of the weight each found, the other's
 * found too. Each fits well enough to be answered (`score.twins.score`), yet they don't tie (one text fits a word
 * better) and need not share a key. The error cannot tell them apart; the rest of the paste can, as for a tie: the
 * one whose title and descriptions it names (`score.family.fit`) leads; when it names none, all are offered at most
 * `score.family.cap`, none answered.
 */
export function nearTwins(ctx: MatchContext, ranked: Ranked[], view: QueryView, explaining: boolean): Ranked[] {
  const top = ranked[0];
  const f = ctx.params.score.family;
  const t = ctx.params.score.twins;
  if (top?.hit.kind !== 'error' || top.score < ctx.params.decision.answer) return ranked;
  const lead = top.hit;
  const twins: Ranked[] = [];
  const floor = Math.min(t.score, ctx.params.score.otherProduct);
  for (let i = 1; i < ranked.length && ranked[i].score >= floor; i++) {
    const r = ranked[i];
    if (r.hit.kind !== 'error' || r.hit.article === lead.article) continue;
    // A twin capped for the other product (errorCaps.ts checkScenario: its article is Exchange Online's, the paste runs on
    // a server) still fit the error as well: the cap rules its cause out, not the doubt which text the paste's error is.
    if (r.score < t.score && !(r.hit.otherProduct !== undefined && r.hit.score >= ctx.params.score.otherProduct)) continue;
    // One text the other with words before or after it (a tool's prefix) is the same error quoted: innerOnly's equivalents.
    const [a, b] = [ctx.index.errors[lead.signal].ids, ctx.index.errors[r.hit.signal].ids];
    if (holdsRun(a, b) || holdsRun(b, a)) continue;
    if (twinShare(lead, r.hit, ctx.index) >= t.share && twinShare(r.hit, lead, ctx.index) >= t.share) twins.push(r);
  }
  if (!twins.length) return ranked;
  const group = [top, ...twins].map((r) => ({ r, about: aboutRest(ctx, r, view) }));
  group.sort(byAbout);
  const first = group[0];
  // Words more than a quarter of the articles use that every twin holds (`Exchange Server`) count only beside a word that
  // tells the first apart, as for a tie (familyFit).
  const fitted =
    first.about >= f.fit
      ? familyFit(
          ctx,
          first.r,
          first.about,
          group.map((g) => g.r),
          view,
          f.fit,
        )
      : first.about;
  if (fitted >= f.fit && first.r === top) return ranked;
  const family = fitted < f.fit;
  const note = (r: Ranked) => {
    const others = group.filter((g) => g.r !== r).map((g) => ctx.kb.articles[g.r.hit.article].id);
    return family
      ? `a near twin of ${others.join(', ')}: their error texts find nearly the same words, and the rest of the paste names no word of its title and descriptions that at most a quarter of the articles use (below ${round(f.fit)}${fitted < first.about ? `, ${round(fitted)} without the words more than a quarter of the articles use that all ${group.length} hold, none of its words telling it apart` : ''}): capped at ${f.cap} (offered, not answered)`
      : `put first among near twins (${others.join(', ')}): the rest of the paste fits its title and descriptions best (${round(first.about)})`;
  };
  // Put first on the rest of the paste, the others are the same error to it (decide.ts: "also covered by"), as a tie's are.
  const head = first.r.sameError ?? [];
  const reordered = group.map(({ r }, i) => ({
    ...r,
    score: family ? Math.min(r.score, f.cap) : i === 0 ? top.score : Math.min(r.score, top.score),
    ...(family || i === 0 ? {} : { sameError: [...(r.sameError ?? []), ...head] }),
    adjustments: explaining && (family || i === 0) ? [...r.adjustments, { rule: 'tie-break' as const, note: note(r) }] : r.adjustments,
  }));
  const after = ranked.filter((r) => !group.some((g) => g.r === r));
  return [...reordered, ...(family ? after.map((r) => (r.score > f.cap ? { ...r, score: f.cap } : r)) : after)];
}

/**
 * Stage 7b, for a choice (or an answer a description found) only: when the best match is a symptom whose error texts
 * are one status code's line (an overview article's table row, `5.6.11 Invalid characters`, in an article whose errors
 * name three codes or more) and one other article is about that code — the only title that names it (`Fix NDR error
 * "550 5.6.11"…`) — that article is offered first, at the same score, and the row right after it: the overview sends
 * its reader there. An answer is changed only when the row's prose found it (a description: `answered`), never when its
 * error text did. Its note is written only when explaining, like ranking's.
 */
export function codeArticleFirst(ctx: MatchContext, ranked: Ranked[], explaining: boolean, answered = false): Ranked[] {
  const top = ranked[0];
  // A row offered as one of its code's family (codeHits.ts): its message, not its code, found it.
  if (!top || (top.hit.kind === 'code' && top.hit.otherMessage !== undefined)) return ranked;
  const article = ctx.kb.articles[top.hit.article];
  const symptom = article.symptoms.find((s) => s.id === top.hit.symptom);
  const texts = symptom ? Object.values(symptom.errors).flat() : [];
  if (!texts.length) return ranked;
  const codes = new Set(texts.flatMap((e) => [...statusCodesIn(e ?? '')]));
  if (codes.size !== 1) return ranked;
  const [code] = codes;
  // Every error text of the symptom begins with the code (optionally after its SMTP reply code): a status line.
  const lead = (e: string) =>
    statusCodesIn(
      e
        .trim()
        .replace(/^\d{3}\s+/, '')
        .split(/\s/)[0],
    ).has(code);
  if (!texts.every((e) => lead(e ?? ''))) return ranked;
  // An overview of several codes (a table of them), not one more article about the same error.
  const named = new Set(
    article.symptoms.flatMap((s) => Object.values(s.errors).flatMap((es) => (es ?? []).flatMap((e) => [...statusCodesIn(e)]))),
  );
  if (named.size < OVERVIEW_CODES) return ranked;
  const titled = ctx.facts.titleCodesOf().exact.get(code);
  const own = titled?.length === 1 ? titled[0] : -1;
  if (own < 0 || own === top.hit.article) return ranked;
  const head: Ranked = {
    hit: { ...top.hit, article: own, symptom: ctx.facts.codeSymptom(own, code) },
    score: top.score,
    adjustments: explaining
      ? [
          ...top.adjustments,
          {
            rule: 'code-article',
            note: `${answered ? 'answered in place of' : 'offered before'} ${article.id}'s row of this status code: the only article whose title names the code`,
          },
        ]
      : NO_ADJUSTMENTS,
  };
  return [head, top, ...ranked.slice(1).filter((r) => r.hit.article !== own)];
}

/**
 * The fit a family is judged by (breakTies, `score.family`): the first tied article's aboutRest (`about`), less the words
 * of it that more than a quarter of the articles use (weight below `fit`: `exchange`, `server`) and every tied article's
 * titles and descriptions hold — unless the rest of the paste also names a word of the first one that another tied
 * article lacks. A product's name the tied articles all carry does not say which of them the paste is about; beside a
 * word that tells them apart it still counts toward how much of the first one's scenario the paste names.
 */
function familyFit(ctx: MatchContext, first: Ranked, about: number, tied: readonly Ranked[], view: QueryView, fit: number): number {
  const a = ctx.about;
  const found = first.hit.kind === 'error' ? first.hit.found : undefined;
  const rest = restTerms(ctx, view);
  const holds = (article: number, id: number) => sortedIncludes(a.words, id, a.offsets[article], a.offsets[article + 1]);
  let shared = 0;
  for (let k = 0; k < rest.about.length; k++) {
    if (found !== undefined && rest.vocab[k] >= 0 && sortedIncludes(found, rest.vocab[k])) continue;
    const id = rest.about[k];
    if (!holds(first.hit.article, id)) continue;
    if (tied.some((r) => r !== first && !holds(r.hit.article, id))) return about;
    if (a.weight[id] < fit) shared += a.weight[id];
  }
  return about - shared;
}

/** Weight of the rest of the paste (the words its error text did not find) in the article's titles and symptom descriptions. */
export function aboutRest(ctx: MatchContext, r: Ranked, view: QueryView): number {
  return restWeight(ctx, r, restTerms(ctx, view));
}

/**
 * The words of a paste (QueryView.terms, in their order) that the titles and symptom descriptions use (AboutIndex.ids):
 * per word its id there (`about`), its id in the error texts' vocabulary (`vocab`, −1 when they lack it) and the word.
 * The other words weigh nothing in aboutWeight. Read once per paste: a tie among near-duplicates asks aboutRest and
 * titleRest of every tied match, each of which looked every word of the paste up in both maps (a 10 KB log's hundreds of
 * words, for dozens of tied matches at 10,000 articles).
 */
interface RestTerms {
  about: Int32Array;
  vocab: Int32Array;
  terms: string[];
}

const REST_TERMS = new WeakMap<QueryView, { ctx: MatchContext; rest: RestTerms }>();

function restTerms(ctx: MatchContext, view: QueryView): RestTerms {
  const known = REST_TERMS.get(view);
  if (known !== undefined && known.ctx === ctx) return known.rest;
  const about: number[] = [];
  const vocab: number[] = [];
  const terms: string[] = [];
  const { ids } = ctx.index.vocab;
  for (const t of view.terms) {
    const id = ctx.about.ids.get(t);
    if (id === undefined) continue;
    about.push(id);
    vocab.push(ids.get(t) ?? -1);
    terms.push(t);
  }
  const rest = { about: Int32Array.from(about), vocab: Int32Array.from(vocab), terms };
  REST_TERMS.set(view, { ctx, rest });
  return rest;
}

/**
 * aboutWeight of the rest of the paste for ranked match `r` (the words its error text found left out), of the words `counts`
 * accepts (by their place in `rest`; all when absent): the same weights added in the same order as aboutWeight adds them.
 */
function restWeight(ctx: MatchContext, r: Ranked, rest: RestTerms, counts?: (k: number) => boolean): number {
  const found = r.hit.kind === 'error' ? r.hit.found : undefined;
  const { offsets, words, weight } = ctx.about;
  const from = offsets[r.hit.article];
  const to = offsets[r.hit.article + 1];
  let sum = 0;
  for (let k = 0; k < rest.about.length; k++) {
    if (counts !== undefined && !counts(k)) continue;
    if (found !== undefined && rest.vocab[k] >= 0 && sortedIncludes(found, rest.vocab[k])) continue;
    const id = rest.about[k];
    if (sortedIncludes(words, id, from, to)) sum += weight[id];
  }
  return sum;
}

/**
 * Places of `ids` in localeCompare order, which ranking uses to order equal scores. Ids are sorted by code
 * units first (fast) and the order checked pair by pair with localeCompare: for the usual lower-case ids the
 * two agree and this costs one localeCompare per id; otherwise they are sorted with it.
 */
export function idOrder(ids: readonly string[]): Int32Array {
  const byCodeUnits = ids.map((_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  const agrees = byCodeUnits.every((a, k) => k === 0 || ids[byCodeUnits[k - 1]].localeCompare(ids[a]) < 0);
  const sorted = agrees ? byCodeUnits : ids.map((_, i) => i).sort((a, b) => ids[a].localeCompare(ids[b]));
  const place = new Int32Array(ids.length);
  sorted.forEach((a, k) => {
    const prev = sorted[k - 1];
    place[a] = k > 0 && !agrees && ids[prev].localeCompare(ids[a]) === 0 ? place[prev] : k;
  });
  return place;
}

/** Every word of `a` is in `b` (word ids, any order). */
function within(a: Int32Array, b: Int32Array): boolean {
  for (let k = 0; k < a.length; k++) if (!b.includes(a[k])) return false;
  return true;
}

/** Some key of `a` is one of `b`'s (sameError keys). */
function sharesKey(a: readonly string[], b: readonly string[]): boolean {
  for (const k of a) if (b.includes(k)) return true;
  return false;
}

/**
 * The share of the weight of the words `a` found in its error text that `b` found too (near twins, `score.twins`); 0 when
 * `a` found a code, number or exception class that `b` did not (`ATTR34`, `405`): that tells the two errors apart.
 */
function twinShare(a: ErrorHit, b: ErrorHit, index: SignalIndex): number {
  const sig = index.errors[a.signal];
  const { ids, weights } = sig;
  const seen = new Set<number>();
  let all = 0;
  let shared = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (seen.has(id) || !sortedIncludes(a.found, id)) continue;
    seen.add(id);
    all += weights[i];
    if (sortedIncludes(b.found, id)) shared += weights[i];
    else if (/\d/.test(sig.terms[i]) || isStrongTerm(sig.terms[i])) return 0;
  }
  return all > 0 ? shared / all : 0;
}

/** Whether `hay` holds every id of `needle` in a row, in its order. */
function holdsRun(hay: Int32Array, needle: Int32Array): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** One of `keys`' found-words keys (those after its first, the inner-message key) is one of `other`'s. */
function sharesFoundKey(keys: readonly string[], other: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (other.includes(keys[i])) return true;
  return false;
}
