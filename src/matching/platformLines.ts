/**
 * Stage 4i of matching, a platform message without its wrapper: an error text whose inner message is a message of the
 * platform every program runs on (a lexicon entry marked `platform`: .NET's `The remote server returned an error: (403)
 * Forbidden.`, `The underlying connection was closed: …`) names its failure in the wrapper around that message (`The call
 * to '…/EWS/mrsproxy.svc' failed. Error details: …`). A paste holding only the inner message — alone, or under an outer
 * sentence of its own (`The request failed.`) — is that message as any program prints it: the article is offered, not
 * answered (`score.innerOnly`), unless the paste says it happened in the article's own scenario and nowhere else (scenario.ts
 * anchors: the MRS proxy, a move request). So is an error text without a chain that the paste holds only in its platform
 * messages (`An item with the same key has already been added.`; `Insufficient access rights to perform the operation.` without
 * the directory's response after it), unless the paste names a place of its scenario or a word of its title beside the
 * message's own (`the move to Office 365 stops: Exception has been thrown by the target of an invocation.`). Exchange's
 * cmdlet framework is such a platform for its cmdlets: `Couldn't find object "…". Please make sure that it was spelled
 * correctly…` is printed for any object any cmdlet was given. Words before a platform message in its unit (the cmdlet's name
 * on the record's first line, `Get-OrganizationRelationship`) are the article's own: a paste holding them all holds more
 * than the message.
 */
import { SLOT } from '../knowledge/sources';
import type { ErrorHit, MatchContext, Paste } from './hits';
import { pasteWhere } from './errorCaps';
import { namedPlaces } from './scenario';
import { touchedUnits, type QueryView } from './score';
import { contentTerms, isExceptionClassTerm } from './signals';
import { splitNegations } from './normalize';
import { titleWordsNamed } from './descriptions';

/** A platform message's content terms, in parts between its slots (`{}`): each part in order, anything in a slot. */
type Form = readonly (readonly string[])[];

/**
 * Per unit of an error text: the platform message it is part of, and the words before that message in the unit's own
 * line (`Get-OrganizationRelationship` before `Couldn't find object "<GUID>". …`, the cmdlet that printed it) if any.
 */
interface PlatformUnit {
  message: string;
  lead?: readonly string[];
}

/** Per matcher: its platform forms, and per error text the platform message of each of its units (null: a unit is none). */
const perContext = new WeakMap<MatchContext, { forms: Form[]; units: Map<number, (PlatformUnit | null)[]> }>();

function formsOf(ctx: MatchContext): { forms: Form[]; units: Map<number, (PlatformUnit | null)[]> } {
  let known = perContext.get(ctx);
  if (!known) {
    const forms: Form[] = [];
    for (const e of ctx.kb.lexicon ?? [])
      // Read as the index reads error texts: `couldn't` is `could not`.
      if (e.platform) for (const en of e.en) forms.push(en.split(SLOT).map((part) => contentTerms(splitNegations(part))));
    perContext.set(ctx, (known = { forms, units: new Map() }));
  }
  return known;
}

/** `terms` (a unit's words without its numbers) are `form`'s: its parts in order, from the first word to the last. */
export function fitsForm(terms: readonly string[], form: Form): boolean {
  const first = form[0];
  if (terms.length < first.length) return false;
  for (let i = 0; i < first.length; i++) if (terms[i] !== first[i]) return false;
  if (form.length === 1) return terms.length === first.length;
  let at = first.length;
  for (let p = 1; p < form.length; p++) {
    const part = form[p];
    const last = p === form.length - 1;
    let found = -1;
    for (let k = last ? terms.length - part.length : at; k >= at && k + part.length <= terms.length; k = last ? -1 : k + 1) {
      let same = true;
      for (let i = 0; i < part.length; i++) if (terms[k + i] !== part[i]) same = false;
      if (same) {
        found = k;
        break;
      }
    }
    if (found < 0) return false;
    at = found + part.length;
  }
  return at === terms.length;
}

/** The most units one platform message is read across (a colon cuts a unit). */
const MAX_RUN = 3;

/** A word of digits only: an HTTP status (`403`), a count: the value a platform message carries, not its words. */
const NUMBER = /^\d+$/;

/**
 * Per unit of error text `signal`: the platform message it is (its words without numbers, as one lexicon form), or null.
 * A run's first unit may begin with words of its own before the message (a cmdlet's name, the line the record starts
 * with): those are the unit's `lead`. Read once per error text asked.
 */
function platformUnits(ctx: MatchContext, signal: number): (PlatformUnit | null)[] {
  const { forms, units } = formsOf(ctx);
  let out = units.get(signal);
  if (!out) {
    const sig = ctx.index.errors[signal];
    const found: (PlatformUnit | null)[] = sig.units.map(() => null);
    const fits = (terms: readonly string[]) => {
      const words = terms.filter((t) => !NUMBER.test(t));
      return words.length > 0 && forms.some((f) => fitsForm(words, f));
    };
    // A message may run over a colon, which cuts units (`The request was aborted: Could not create SSL/TLS secure channel`):
    // runs of up to MAX_RUN units are read whole.
    for (let k = 0; k < sig.units.length; k++)
      for (let j = k; j < Math.min(sig.units.length, k + MAX_RUN); j++) {
        const all = sig.terms.slice(sig.units[k].start, sig.units[j].end);
        const size = sig.units[k].end - sig.units[k].start;
        let lead = 0;
        while (lead < size && !fits(all.slice(lead))) lead++;
        if (lead === size) continue;
        for (let u = k; u <= j; u++) {
          const first = u === k ? sig.units[u].start + lead : sig.units[u].start;
          found[u] ??= {
            message: sig.terms.slice(first, sig.units[u].end).join(' '),
            ...(u === k && lead ? { lead: sig.terms.slice(sig.units[u].start, first) } : {}),
          };
        }
      }
    units.set(signal, (out = found));
  }
  return out;
}

/**
 * The platform message of unit `k` as the paste holds it: the message, unless the paste holds the words before it in its
 * unit too (then the unit is the article's own line: null).
 */
function heldMessage(platform: readonly (PlatformUnit | null)[], k: number, view: QueryView): string | null {
  const p = platform[k];
  if (!p) return null;
  return p.lead?.every((t) => view.terms.has(t)) ? null : p.message;
}

/** A cmdlet's name (`New-Mailbox`), or a value in quotes (`"Mailbox Database 0123"`, `'kim'`; not an apostrophe in a word). */
const NAME_OR_VALUE = /\b[A-Z][a-z]+-[A-Z][A-Za-z0-9]+\b|(?<!\w)"[^"\n]*"(?!\w)|(?<!\w)'[^'\n]*'(?!\w)/g;

/**
 * The words `text` writes only inside a cmdlet's name or a quoted value: the cmdlet is a place the scenario rule reads, the
 * value the message's own (`Couldn't find database "Mailbox Database 0123"`), neither a word of a title named beside it.
 */
function namesAndValues(text: string): Set<string> {
  const read = splitNegations(text);
  const inside = new Set<string>();
  for (const m of read.matchAll(NAME_OR_VALUE)) for (const t of contentTerms(m[0])) inside.add(t);
  if (inside.size) for (const t of contentTerms(read.replace(NAME_OR_VALUE, ' '))) inside.delete(t);
  return inside;
}

/** An exception class (`System.Net.WebException`): the message's family, no part of a wrapper (score.ts classBefore). */
function isClassUnit(terms: readonly string[], classWords: number): boolean {
  return terms.length <= classWords && isExceptionClassTerm(terms[terms.length - 1] ?? '');
}

/**
 * The paste names where it happened (scenario.ts anchors, on any line, and the interfaces a client called) and every such
 * place is one of `article`'s scenario: a platform message there is the article's failure. One place elsewhere (`When
 * Accessing OWA: …` beside the article's admin center) and the message may be that place's.
 */
function inOwnScenario(ctx: MatchContext, paste: Paste, article: number): boolean {
  const places = namedPlaces((paste.where ??= pasteWhere(ctx, paste)).scenario);
  const own = ctx.facts.scenarioOf(article).anchors;
  return places.length > 0 && places.every((a) => own.has(a));
}

/**
 * The platform messages of the units `from`..`to` of an error text that the paste holds (`touched`), each as `messageOf`
 * reads it; null when one of them is the article's own message (`messageOf` null) or none is held.
 */
function platformOnly(touched: readonly boolean[], from: number, to: number, messageOf: (k: number) => string | null): string[] | null {
  const held: string[] = [];
  for (let k = from; k < to; k++) {
    if (!touched[k]) continue;
    const message = messageOf(k);
    if (message === null) return null;
    held.push(message);
  }
  return held.length ? held : null;
}

/**
 * Stage 4i: caps the error hits the paste holds only in a platform message that is their error text's inner message (the
 * module's comment). `platformInner` names the messages held.
 */
export function capPlatformInner(ctx: MatchContext, hits: ErrorHit[], paste: Paste, view: QueryView): void {
  const cap = ctx.params.score.innerOnly;
  if (!hits.some((h) => h.score > cap)) return;
  if (!formsOf(ctx).forms.length) return;
  // The paste's words written only in names and values, read once for all hits that get that far (most get none).
  let pasteNames: Set<string> | undefined;
  for (const h of hits) {
    if (h.score <= cap) continue;
    const sig = ctx.index.errors[h.signal];
    const detail = sig.detailUnit;
    const units = sig.units;
    if (detail === 0) {
      // An error text without a chain held only in its platform messages (`An item with the same key has already been added.`;
      // `Insufficient access rights to perform the operation.` without the directory's response after it): the article is one
      // scenario of that message, named by the paste's places or by its title's words beside the message's own.
      const platform = platformUnits(ctx, h.signal);
      const touched = touchedUnits(h.signal, view, ctx.index, ctx.params.score);
      const held = platformOnly(touched, 0, units.length, (k) => heldMessage(platform, k, view));
      if (!held) continue;
      if (inOwnScenario(ctx, paste, h.article)) continue;
      const except = new Set([...sig.terms, ...(pasteNames ??= namesAndValues(paste.cut))]);
      if (titleWordsNamed(ctx.descriptions, h.article, view.terms, except).length) continue;
      h.score = cap;
      h.platformInner = held;
      h.platformWhole = true;
      continue;
    }
    const touched = touchedUnits(h.signal, view, ctx.index, ctx.params.score);
    let wrapper = false;
    for (let k = 0; k < detail && !wrapper; k++)
      if (touched[k] && !(k === detail - 1 && isClassUnit(sig.terms.slice(units[k].start, units[k].end), ctx.params.score.classWords)))
        wrapper = true;
    if (wrapper) continue;
    const platform = platformUnits(ctx, h.signal);
    // A unit that error texts of several articles share (Unit.generic) is no article's own message either.
    const held = platformOnly(
      touched,
      detail,
      units.length,
      (k) => heldMessage(platform, k, view) ?? (units[k].generic ? sig.terms.slice(units[k].start, units[k].end).join(' ') : null),
    );
    if (!held) continue;
    if (inOwnScenario(ctx, paste, h.article)) continue;
    h.score = cap;
    h.platformInner = held;
  }
}
