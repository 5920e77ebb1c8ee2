/**
 * Stage 4c of matching, the outer-message cap (chains.ts reads a paste's error chains): an error the paste wraps in an
 * outer message that is another failure's — another article's error wraps its message in it, it names a place that is
 * not the article's scenario, or the paste's own wrapper stands where the error text has another — is offered, not answered.
 */
import { chainLinks, holdsFound, type ChainLink } from './chains';
import type { ErrorHit, MatchContext, Paste, PasteLinks, WrapperHeld } from './hits';
import { touchedUnits, type QueryView } from './score';
import { sharedIds } from './sorted';

/**
 * Stage 4c: an error the paste wraps in an outer message that another article's error wraps its own message in, or
 * that names a place none of which is the article's, is that message printed by another failure (chains.ts): offered,
 * not answered — unless the article's own text uses that wrapper's words.
 */
export function capOtherOuter(ctx: MatchContext, hits: ErrorHit[], paste: Paste, view: QueryView): void {
  const p = ctx.params.score.otherOuter;
  if (!hits.some((h) => h.score > p.cap)) return;
  const { links, inner, wrapped } = (paste.links ??= pasteLinks(ctx, paste.cut));
  if (!links.length) return;
  for (const h of hits) {
    if (h.score <= p.cap) continue;
    // holdsFound (chains.ts) on the ids: the words found are ids of the vocabulary, each once, ascending.
    let holding: ChainLink[] | undefined;
    for (let k = 0; k < links.length; k++)
      if (holdsFound(sharedIds(inner[k], h.found), h.found.length, p.innerWords)) (holding ??= []).push(links[k]);
    if (!holding) continue;
    const foreign = foreignOuter(ctx, holding, h.article, wrapped);
    const own = foreign ? undefined : ownOuter(ctx, holding, h, view);
    if (!foreign && !own) continue;
    h.score = p.cap;
    h.otherOuter = foreign ?? own;
    if (own) h.ownOuter = true;
  }
}

/** The paste's chain links and their inner messages' ids (capOtherOuter), read once per paste. */
export function pasteLinks(ctx: MatchContext, cut: string): PasteLinks {
  const links = chainLinks(cut.split('\n'));
  const { ids } = ctx.index.vocab;
  const inner = links.map((l) => {
    const known = new Set<number>();
    for (const t of l.inner) {
      const id = ids.get(t);
      if (id !== undefined) known.add(id);
    }
    return Int32Array.from(known).sort();
  });
  // Which other errors' wrappers a link's outer message holds does not depend on the hit: found once per link, not
  // once per hit (at 10,000 articles a PowerShell record has dozens of hits above the cap, each walking the postings).
  return { links, inner, wrapped: new Map() };
}

/** What makes one of `links`' outer messages another failure's for `article` (capOtherOuter); undefined when none does. */
export function foreignOuter(
  ctx: MatchContext,
  links: readonly ChainLink[],
  article: number,
  wrapped: Map<ChainLink, WrapperHeld[]>,
): string[] | undefined {
  const p = ctx.params.score.otherOuter;
  const scenario = ctx.facts.scenarioOf(article);
  const own = ctx.facts.wordsOf(article);
  for (const link of links) {
    if (link.anchors.size > 0 && ![...link.anchors].some((a) => scenario.anchors.has(a))) return [...link.anchors];
    let held = wrapped.get(link);
    if (!held) wrapped.set(link, (held = wrappersHeld(ctx, link)));
    for (const w of held) {
      if (w.article === article) continue;
      // Counted before the list is made: most wrappers held are the article's own words.
      let n = 0;
      for (const t of w.words) if (!own.has(t)) n++;
      if (n >= p.foreignWords) return w.words.filter((t) => !own.has(t));
    }
  }
  return undefined;
}

/**
 * The outer message of one of `links` the paste wraps `hit`'s error in, at least `ownWords` content words, when the error
 * text has an inner message (signals.ts `detailUnit`) after a wrapper of as many words (chains.ts `wrapperWords`) and the
 * paste holds no unit of its own before it (`The call to '…'
 * failed. Error details: The HTTP request was forbidden…`, around the `(403) Forbidden` the paste has after `Unable to
 * connect to EWS endpoint… Inner Exception`): the same message printed by another failure.
 */
export function ownOuter(ctx: MatchContext, links: readonly ChainLink[], hit: ErrorHit, view: QueryView): string[] | undefined {
  const detail = ctx.index.errors[hit.signal].detailUnit;
  const min = ctx.params.score.otherOuter.ownWords;
  // An exception class before the message (`An exception System.Net.WebException: …`) is no outer message.
  if (detail === 0 || (ctx.facts.wrapperOf(hit.signal)?.length ?? 0) < min) return undefined;
  const link = links.find((l) => new Set(l.outer).size >= min);
  if (!link) return undefined;
  const touched = touchedUnits(hit.signal, view, ctx.index, ctx.params.score);
  for (let k = 0; k < detail; k++) if (touched[k]) return undefined;
  return [...new Set(link.outer)];
}

/**
 * The other error texts' wrappers (chains.ts `wrapperWords`) that `link`'s outer message holds enough of
 * (`wrapperShare`), in the order of its words and their postings, each error text once.
 */
export function wrappersHeld(ctx: MatchContext, link: ChainLink): WrapperHeld[] {
  const p = ctx.params.score.otherOuter;
  const { vocab, postings, errors } = ctx.index;
  const outer = new Set(link.outer);
  // Each error text once: marked with this call's stamp (the matcher's own array, as in articlesOver).
  const seen = ctx.facts.textMarks();
  const call = ++seen.call;
  const out: WrapperHeld[] = [];
  for (const t of outer) {
    const term = vocab.ids.get(t);
    if (term === undefined || postings[term].length > p.maxPostings) continue;
    for (const id of postings[term]) {
      if (seen.stamp[id] === call) continue;
      seen.stamp[id] = call;
      const wrapper = ctx.facts.wrapperOf(id);
      if (!wrapper || wrapper.length < p.foreignWords) continue;
      // Counted before the list is made: most wrappers reached hold too few of the outer message's words.
      let n = 0;
      for (const w of wrapper) if (outer.has(w)) n++;
      if (n >= p.wrapperShare * wrapper.length) out.push({ article: errors[id].article, words: wrapper.filter((w) => outer.has(w)) });
    }
  }
  return out;
}
