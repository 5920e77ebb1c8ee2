/**
 * Stage 5a of matching, code hits: a code (HCW8078, an exception class, a status code) that only a few articles hold
 * offers them even when little else of their error was pasted; a status code an article's title names offers that
 * article. Never where the paste goes on differently right after the code (another error of the code's family).
 */
import { articlesNaming, titleWordsNamed, uniqueWeight } from './descriptions';
import type { CodeHit, MatchContext } from './hits';
import { namesProduct, onlineOnly, pasteOnPremises } from './product';
import { scoreWithContradictions, type QueryView } from './score';
import { isCodeTerm, isStrongTerm } from './signals';
import { inStatusRange, isStatusTerm } from './statusCodes';
import { twinsOf } from './twins';

/** Words after a code that tell two errors of its family apart (codeHits): the paste must hold all but one of them. */
const CODE_FOLLOWERS = 3;

/**
 * The paste names words of `article`'s title (not `code` itself, not words every article uses) worth at least
 * `keywords.codeTitleWords` words found in one article only.
 */
export function titleNamed(ctx: MatchContext, article: number, view: QueryView, code: string): boolean {
  return titleWeight(ctx, article, view, code) >= ctx.params.keywords.codeTitleWords;
}

/** The weight of the words of `article`'s title the paste names (not `code`), in words found in one article only. */
function titleWeight(ctx: MatchContext, article: number, view: QueryView, code: string): number {
  return uniqueWeight(ctx.descriptions, titleWordsNamed(ctx.descriptions, article, view.terms, new Set([code])));
}

/** How many of the CODE_FOLLOWERS words after code `t` in error text `id` the paste holds (`full`: the text has that many). */
function codeFollowers(ctx: MatchContext, view: QueryView, id: number, t: string): { full: boolean; held: number } {
  const { terms } = ctx.index.errors[id];
  const at = terms.indexOf(t);
  const to = Math.min(terms.length, at + 1 + CODE_FOLLOWERS);
  let held = 0;
  for (let k = at + 1; k < to; k++) if (view.terms.has(terms[k])) held++;
  return { full: to - (at + 1) === CODE_FOLLOWERS, held };
}

/** The paste holds all but one of the CODE_FOLLOWERS words after code `t` in error text `id`: it begins like that text. */
function beginsLike(ctx: MatchContext, view: QueryView, id: number, t: string): boolean {
  const f = codeFollowers(ctx, view, id, t);
  return f.full && f.held >= CODE_FOLLOWERS - 1;
}

/**
 * The message after status code `t` in error text `id` and the one after it in the paste (the next
 * `keywords.statusFamilyReach` words of each, up to another status code) share `keywords.statusFamilyWords` words or more:
 * the limit or refusal the code stands for, said in other words.
 */
function sharesAfter(ctx: MatchContext, view: QueryView, id: number, t: string): boolean {
  const { statusFamilyReach: reach, statusFamilyWords } = ctx.params.keywords;
  const { terms } = ctx.index.errors[id];
  const own = new Set<string>();
  for (let k = terms.indexOf(t) + 1; k < terms.length && own.size < reach && !isStatusTerm(terms[k]); k++) own.add(terms[k]);
  const { seq } = view;
  for (let p = seq.indexOf(t); p >= 0; p = seq.indexOf(t, p + 1)) {
    const held = new Set<string>();
    for (let k = p + 1; k <= p + reach && k < seq.length && !isStatusTerm(seq[k]); k++) if (own.has(seq[k])) held.add(seq[k]);
    if (held.size >= statusFamilyWords) return true;
  }
  return false;
}

/**
 * The paste's word right after code `t` is not the one error text `id` has there (nor the one after it: a word
 * skipped), wherever the paste holds the code; the code at the paste's end, or before a placeholder, is the error's.
 */
function nextDiffers(ctx: MatchContext, view: QueryView, id: number, t: string): boolean {
  const { terms, varAfter } = ctx.index.errors[id];
  const at = terms.indexOf(t);
  if (varAfter[at] || at + 1 >= terms.length) return false;
  const { seq } = view;
  let apart = false;
  for (let p = seq.indexOf(t); p >= 0; p = seq.indexOf(t, p + 1)) {
    const next = seq[p + 1];
    if (next === undefined || next === terms[at + 1] || next === terms[at + 2] || seq[p + 2] === terms[at + 1]) return false;
    apart = true;
  }
  return apart;
}

/**
 * The paste goes on differently right after code `t` of error text `id`, and holds hardly any of what follows it.
 * A text the paste shares no more than the code with is no match to the scorer (one word says too little), which
 * then reads no contradiction: there the paste's next word tells.
 */
function otherAfter(ctx: MatchContext, view: QueryView, id: number, t: string): boolean {
  const twin = twinsOf(ctx.index)[id];
  // Every contradiction, not the first only: one earlier in the text (a word after a value) must not hide the one at the code.
  const { score: b, all } = scoreWithContradictions(twin, view, ctx.index, ctx.params.score);
  const atCode = all.some((c) => c.context.split(' ').includes(t));
  if (b.found.length === 0 ? !nextDiffers(ctx, view, id, t) : !atCode) return false;
  const f = codeFollowers(ctx, view, id, t);
  return f.full && f.held < CODE_FOLLOWERS - 1;
}

/**
 * The paste goes on differently than error text `id` right after code `t` (a code or name of a family: `554 5.2.0
 * STOREDRV.Submission…` where the text has `…STOREDRV.Deliver…`), wherever it holds the code.
 */
function diverges(ctx: MatchContext, view: QueryView, id: number, t: string): boolean {
  const { terms, varAfter } = ctx.index.errors[id];
  const at = terms.indexOf(t);
  const { seq } = view;
  let apart = false;
  for (let p = seq.indexOf(t); p >= 0; p = seq.indexOf(t, p + 1)) {
    let k = 0;
    while (!varAfter[at + k] && at + k + 1 < terms.length && p + k + 1 < seq.length && terms[at + k + 1] === seq[p + k + 1]) k++;
    // Followed to a placeholder or to either end: this occurrence is the error's. Else the paste goes on differently,
    // unless it only skipped a word of the text or put one in.
    if (varAfter[at + k] || at + k + 1 >= terms.length || p + k + 1 >= seq.length) return false;
    if (seq[p + k + 1] === terms[at + k + 2] || seq[p + k + 2] === terms[at + k + 1]) return false;
    apart = true;
  }
  return apart;
}

/** The error texts of a term no error text holds. */
const NO_IDS = new Int32Array(0);
/** A status code's family of no article (codeHits). */
const NO_MEMBERS: readonly [number, number][] = [];

/**
 * Stage 5a: codes that only a few articles hold, offered even when little else of their error was pasted. `cut`: the paste as
 * cut (readPaste.ts), read for the product it says it runs on only when a status code's family has an article to answer.
 */
export function codeHits(ctx: MatchContext, view: QueryView, cut = ''): CodeHit[] {
  const { code: score, codeFamily, codeMaxArticles, codeTitle, titleCode, statusFamily, statusFamilyArticles } = ctx.params.keywords;
  const hits: CodeHit[] = [];
  const { apiCodes } = ctx.index;
  for (const t of view.terms) {
    if (!isStrongTerm(t) && !isStatusTerm(t) && !apiCodes.has(t)) continue;
    const term = ctx.index.vocab.ids.get(t);
    const ids = term === undefined ? NO_IDS : ctx.index.postings[term];
    // Held by more articles' error texts than that already: none of it below can count (at 10,000 articles an
    // exception name is in thousands of error texts, whose articles were collected in a set per paste).
    if (ctx.facts.articlesOver(ids, codeMaxArticles)) continue;
    const inErrors = new Set<number>();
    for (let k = 0; k < ids.length; k++) inErrors.add(ctx.index.errors[ids[k]].article);
    // A code an article names only in its prose (its title, symptom or cause: "HCW8110", an imported article whose
    // error texts lack it) is that article's code too; it counts with the articles that print it.
    const inProse = [...articlesNaming(ctx.descriptions, t)].filter(([article]) => !inErrors.has(article));
    const holders = inErrors.size + inProse.length;
    if (holders > codeMaxArticles) continue;
    // A code more than one article holds (not a status code: below) names a family, not which of its errors: it offers an
    // article only where the paste goes on after the code as that article's error text does, and an API code, after which a
    // text prints another field, none.
    const shared = holders > 1 && !isStatusTerm(t);
    if (shared && apiCodes.has(t)) continue;
    // The paste's error goes on differently right after the code (`ExAssertException: ASSERT: HMACProvider…` where the
    // article has `ExAssertException: ASSERT: ProcessId perf counter…`), and the paste holds hardly any of what follows the
    // code in the article anywhere else either: another error of that family, as in `contradicted`.
    // A status code is shared by every bounce of its kind (`5.7.1`, `5.7.3` stand for many messages): it offers an
    // article only where two or more of its error texts begin with the code and the paste's first words and then part
    // (`535 5.7.139 Authentication unsuccessful, federated STS…` / `…, the federated STS URL…`): the article lists
    // that code's variants, and a paste that goes on with another reason is one more of them. One text alone that the
    // paste leaves after its first words is another error (`554 5.2.0 STOREDRV.Submission…` for `…Deliver…`).
    const status = isStatusTerm(t);
    // An API error code is the error's whole name: what its error text prints after it is another field, not its message.
    const api = apiCodes.has(t);
    const proseNaming = inProse.length;
    if (status) inProse.length = 0;
    // Per article, its error texts (as written: a text read without its reply code is the same text) that hold the code
    // and the start of the paste's message.
    const variants = new Map<number, Set<string>>();
    if (status)
      for (const id of ids) {
        if (!beginsLike(ctx, view, id, t)) continue;
        const { article, text } = ctx.index.errors[id];
        variants.set(article, (variants.get(article) ?? new Set()).add(text));
      }
    // When that article is the only one that names the code at all (in error texts or prose), it is the article about the
    // code's family and the paste is one more of its members: answered (`codeFamily`).
    const sole = status && inErrors.size === 1 && proseNaming === 0;
    // An error code (HCW, result or sign-in code: not an exception class, which names a family) that one article alone
    // holds, pasted with that article's title words (not the code's own): the code says which error, the title where it
    // happened — answered (`codeTitle`).
    const own =
      isCodeTerm(t) && inErrors.size + inProse.length === 1 && titleNamed(ctx, inErrors.size ? [...inErrors][0] : inProse[0][0], view, t);
    const codeScore = sole ? codeFamily : own ? codeTitle : score;
    for (const id of ids) {
      if (
        status
          ? (variants.get(ctx.index.errors[id].article)?.size ?? 0) < 2 || !beginsLike(ctx, view, id, t)
          : shared
            ? !beginsLike(ctx, view, id, t)
            : !api && otherAfter(ctx, view, id, t)
      )
        continue;
      const sig = ctx.index.errors[id];
      hits.push({
        kind: 'code',
        article: sig.article,
        symptom: sig.symptom,
        score: codeScore,
        terms: [t],
        code: t,
        ...(own ? { titleNamed: true as const } : {}),
        ...(api ? { api: true as const } : {}),
        ...(shared ? { shared: holders } : {}),
      });
    }
    if (!shared)
      for (const [article, symptom] of inProse)
        hits.push({
          kind: 'code',
          article,
          symptom,
          score: codeScore,
          terms: [t],
          code: t,
          ...(own ? { titleNamed: true as const } : {}),
          ...(api ? { api: true as const } : {}),
        });
  }
  // A status code whose error text goes on with another message than the paste's (`432 4.3.2 STOREDRV.ClientSubmit;
  // sender thread limit exceeded` for `432 4.3.2 Concurrent connections limit exceeded`), the two messages sharing words
  // (sharesAfter): the code stands for one kind of bounce (the same limit, the same refusal), and the article is one of the
  // code's family — offered at `statusFamily`, once per article, below an error text found with its words; never answered.
  // Not an article one of whose texts holding the code the paste begins like (the scorer and the variants above read it).
  for (const t of view.terms) {
    if (!isStatusTerm(t)) continue;
    const term = ctx.index.vocab.ids.get(t);
    if (term === undefined) continue;
    const ids = ctx.index.postings[term];
    if (ctx.facts.articlesOver(ids, statusFamilyArticles)) continue;
    const family = new Map<number, number>();
    for (const id of ids) {
      const { article } = ctx.index.errors[id];
      if (family.get(article) === -1) continue;
      if (codeFollowers(ctx, view, id, t).held >= CODE_FOLLOWERS - 1) family.set(article, -1);
      else if (!family.has(article) && sharesAfter(ctx, view, id, t)) family.set(article, id);
    }
    // The family's members, but an article a hit above has with this code; none: nothing below to read.
    const members = family.size
      ? [...family].filter(([article, id]) => id >= 0 && !hits.some((h) => h.article === article && h.code === t))
      : NO_MEMBERS;
    if (!members.length) continue;
    // The SMTP reply codes the paste prints right before the code (`432` in `432 4.3.2 Concurrent connections…`), and its
    // message after the code: the next `keywords.statusFamilyReach` words, up to another status code.
    const replies = new Set<string>();
    const message = new Set<string>();
    const { seq } = view;
    for (let p = seq.indexOf(t); p >= 0; p = seq.indexOf(t, p + 1)) {
      if (p > 0 && /^\d{3}$/.test(seq[p - 1])) replies.add(seq[p - 1]);
      for (let k = p + 1; k <= p + ctx.params.keywords.statusFamilyReach && k < seq.length && !isStatusTerm(seq[k]); k++)
        message.add(seq[k]);
    }
    const messageNames = (article: number) =>
      uniqueWeight(ctx.descriptions, titleWordsNamed(ctx.descriptions, article, message, new Set([t])));
    // One of the article's error texts prints the code after the same reply code: the same stage of the same server refused.
    const sameReply = (article: number) =>
      ids.some((id) => {
        const { terms, article: a } = ctx.index.errors[id];
        const at = terms.indexOf(t);
        return a === article && at > 0 && replies.has(terms[at - 1]);
      });
    const weights = members.map(([article]) => titleWeight(ctx, article, view, t));
    // The member whose title names the paste's message after the code (worth `keywords.codeTitleWords` words found in one
    // article only), the only one that does, with the paste's reply code: the code says which kind of bounce, the title this
    // article's reason (`432 4.3.2 Concurrent connections limit exceeded` and `…throttling for concurrent connections`).
    const enough = members.map(([article]) => messageNames(article) >= ctx.params.keywords.codeTitleWords);
    const titled = members.filter(([article], k) => enough[k] && sameReply(article));
    let named = titled.length === 1 && enough.filter(Boolean).length === 1 ? titled[0][0] : -1;
    // Not an article for Exchange Online only in a paste that says it runs on an Exchange server (product.ts).
    if (named >= 0 && onlineOnly(ctx.kb.articles[named])) {
      const onPremises = pasteOnPremises(cut);
      if (onPremises !== undefined && !namesProduct(ctx.facts.scenarioOf(named).squashed, onPremises)) named = -1;
    }
    members.forEach(([article, id], k) =>
      hits.push({
        kind: 'code',
        article,
        symptom: ctx.index.errors[id].symptom,
        score: article === named ? codeTitle : statusFamily,
        terms: [t],
        code: t,
        otherMessage: weights[k],
        ...(article === named ? { titleNamed: true as const } : {}),
      }),
    );
  }
  // A status code that an article's title names (`Fix NDR error "550 5.7.23"…`), or, when no title names it, a range
  // that a title names (`451 4.7.500-699`): that article is about the code, offered (never answered) however few of
  // its words the paste holds — not where the paste goes on differently than one of its error texts holding the code,
  // right after a code or name of a family (`554 5.2.0 STOREDRV.Submission…` where it has `…STOREDRV.Deliver…`).
  for (const t of view.terms) {
    if (!isStatusTerm(t)) continue;
    const titles = ctx.facts.titleCodesOf();
    let articles = titles.exact.get(t);
    const how = articles ? 'exact' : 'range';
    if (!articles)
      for (const { range, article } of titles.ranges)
        if (inStatusRange(t, range) && !articles?.includes(article)) (articles ??= []).push(article);
    if (!articles?.length || articles.length > codeMaxArticles) continue;
    const term = ctx.index.vocab.ids.get(t);
    const ids = term === undefined ? NO_IDS : ctx.index.postings[term];
    for (const article of articles) {
      if (ids.some((id) => ctx.index.errors[id].article === article && diverges(ctx, view, id, t))) continue;
      hits.push({ kind: 'code', article, symptom: ctx.facts.codeSymptom(article, t), score: titleCode, terms: [t], code: t, title: how });
    }
  }
  return hits;
}
