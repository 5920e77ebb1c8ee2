/**
 * Stage 4g, advice after another message: Outlook and Exchange end many messages with the same advice to the reader
 * (`Right-click the folder, and then click Properties to check your permissions…`, `See the folder owner or your
 * administrator…`, `Try again later`). An error text that the paste holds only in such advice — none of its sentences that
 * say what failed (`Cannot delete this folder.`) — while in the paste that advice follows a sentence of the paste's own
 * (`You don't have permission to create an entry in this folder. Right-click the folder…`) belongs to that other message:
 * the article is offered, not answered (`score.adviceOnly`). Advice pasted alone, or after the admin's own words and a
 * colon (`…only gives me this: Please make sure that you enabled cookies…`), still finds its error. Stage 4h (isHeadless)
 * reads the same way a sentence the paste shares with an error without the error's first sentence, inside a message of the
 * paste's own.
 */
import { escapeRegExp } from '../knowledge/regExp';
import type { ErrorHit, MatchContext, Paste } from './hits';
import type { ErrorSignal, Unit } from './signals';
import { touchedUnits, type QueryView } from './score';

/**
 * Words that open a sentence of advice to the reader (folded content terms; `please` is a stop word, so `Please make sure…`
 * opens with `make`): the word, and the word that must follow it when it alone is no imperative (`right` of `Right-click`,
 * `make` of `Make sure`, `learn` of `Learn more`, `information` of `For more information, see`).
 */
const IMPERATIVES: ReadonlyMap<string, string | null> = new Map<string, string | null>([
  ['right', 'click'],
  ['click', null],
  ['double', 'click'],
  ['see', null],
  ['check', null],
  ['contact', null],
  ['try', null],
  ['verify', null],
  ['ensure', null],
  ['make', 'sure'],
  ['ask', null],
  ['restart', null],
  ['learn', 'more'],
  ['information', 'see'],
]);

/** Unit k of an error text (its terms, and where each unit starts and whether it follows a sentence end) opens with advice. */
export function isAdviceUnit(terms: readonly string[], start: number, end: number, opensSentence: boolean): boolean {
  if (!opensSentence || end <= start) return false;
  const next = IMPERATIVES.get(terms[start]);
  if (next === undefined) return false;
  return next === null || (start + 1 < end && terms[start + 1] === next);
}

/**
 * The paste writes the advice's first words (`first`, then `second` when given, folded) right after a sentence end of its
 * own: `.`, `!` or `?` after a word, with only spaces and line breaks between (a colon, a quote or the paste's start is no
 * message before it).
 */
export function followsOwnSentence(text: string, first: string, second: string | undefined): boolean {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${escapeRegExp(first)}${second ? `[^\\p{L}\\p{N}]{1,3}${escapeRegExp(second)}` : ''}(?![\\p{L}\\p{N}])`,
    'giu',
  );
  for (const m of text.matchAll(pattern)) {
    let k = m.index - 1;
    while (k >= 0 && /\s/.test(text[k])) k--;
    if (k < 1 || !/[.!?]/.test(text[k])) continue;
    if (/[\p{L}\p{N})'"”’]/u.test(text[k - 1])) return true;
  }
  return false;
}

/**
 * The paste writes the words `last` (folded, in order, up to two short words between them: the end of an error text) and
 * right after them, on the same line, a sentence end and a sentence of its own: a capital letter opening three words (`…to
 * Microsoft Exchange. Your network adapter…`; a field on the next line, `Version: 2.8`, is no sentence).
 */
export function goesOnAfter(text: string, last: readonly string[]): boolean {
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${last.map(escape).join('(?:[^\\p{L}\\p{N}]{1,3}\\p{L}{1,4}){0,2}[^\\p{L}\\p{N}]{1,3}')}[.!?][ \\t]+\\p{Lu}\\p{Ll}*(?:[ \\t]+[\\p{L}\\p{N}]+){2}`,
    'giu',
  );
  return pattern.test(text);
}

/**
 * Stage 4h, a shared sentence inside another message: an error text of plain sentences (no quoted or announced inner
 * message) that the paste holds without its first sentence — the one that says what failed (`Cannot display folder.`) —
 * and to its end, where the paste goes on right after it with a sentence of its own (`Network problems are preventing
 * connection to Microsoft Exchange. Your network adapter does not have a default gateway.`): the sentence they share stands
 * in another message, and the article is offered, not answered (`score.headless`). A paste that stops at the error's end,
 * or holds its first sentence, keeps the answer.
 */
function isHeadless(sig: ErrorSignal, units: readonly Unit[], touched: readonly boolean[], paste: Paste): boolean {
  if (units.some((u) => u.nested) || touched[0]) return false;
  const first = touched.indexOf(true);
  if (first < 0 || !units[first].afterSentence) return false;
  const lastUnit = units[units.length - 1];
  if (!touched[units.length - 1] || lastUnit.end - lastUnit.start < 3) return false;
  return goesOnAfter(paste.cut, sig.terms.slice(lastUnit.end - 3, lastUnit.end));
}

/** The paste holds error text `sig` only in advice that follows a message of its own (stage 4g, the module's comment). */
function isAdviceOnly(sig: ErrorSignal, units: readonly Unit[], touched: readonly boolean[], paste: Paste): boolean {
  const { terms } = sig;
  let first = -1;
  let message = false;
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    const advice = isAdviceUnit(terms, u.start, u.end, k === 0 || u.afterSentence);
    if (touched[k] && !advice) return false;
    else if (touched[k] && first < 0) first = k;
    else if (!touched[k] && !advice && !u.generic) message = true;
  }
  if (first < 0 || !message) return false;
  const u = units[first];
  return followsOwnSentence(paste.cut, terms[u.start], IMPERATIVES.get(terms[u.start]) ?? undefined);
}

/**
 * Stages 4g and 4h: caps the error hits whose words stand in another message of the paste's — held only in the error's
 * advice (`score.adviceOnly`), or without its first sentence, the paste going on in its own words (`score.headless`). Which
 * units of the error the paste holds is read once per hit, for both.
 */
export function capOtherMessages(ctx: MatchContext, hits: ErrorHit[], paste: Paste, view: QueryView): void {
  const { adviceOnly, headless } = ctx.params.score;
  for (const h of hits) {
    if (h.score <= adviceOnly && h.score <= headless) continue;
    const sig = ctx.index.errors[h.signal];
    const units = sig.units;
    if (units.length < 2) continue;
    const touched = touchedUnits(h.signal, view, ctx.index, ctx.params.score);
    if (h.score > adviceOnly && isAdviceOnly(sig, units, touched, paste)) {
      h.score = adviceOnly;
      h.adviceOnly = true;
    }
    if (h.score > headless && isHeadless(sig, units, touched, paste)) {
      h.score = headless;
      h.headless = true;
    }
  }
}
