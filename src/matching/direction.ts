import type { Article } from '../knowledge/types';
import { DIRECTION_FOR, DIRECTION_FROM, DIRECTION_TO, SIDE_WORDS } from '../knowledge/vocabulary';

/**
 * The direction rule: a hybrid article whose title says which way something fails between the two sides (`Office 365 users
 * don't receive out-of-office notifications from on-premises users`, `Free/busy lookups fail from Exchange Online to
 * on-premises`) is about that direction only. A description that names the same symptom the other way round (`On-premises
 * users don't get out-of-office replies from Office 365 users`; German through the lexicon, `Lokale Benutzer erhalten keine
 * Abwesenheitsnotizen von Benutzern in Office 365`) is another problem with other causes: it is not answered on the symptom
 * named whole (descriptionHits.ts), only offered. A side is `on-premises` or `cloud` (vocabulary.ts SIDE_WORDS); a direction
 * is read sentence by sentence: a side within `descriptions.directionWords` words after `from`/`von` is where it comes from, after
 * `to`/`nach` where it goes; a sentence with one such phrase takes the other end from a mention of the other side in it
 * (`Office 365 users … from on-premises users`).
 */

export type Side = 'on-premises' | 'cloud';

/** Which way a sentence says something goes between the sides; either end may be unknown. */
export interface Flow {
  from?: Side;
  to?: Side;
}

const FROM = new Set(DIRECTION_FROM);
const TO = new Set(DIRECTION_TO);
const TO_OR_FOR = new Set([...DIRECTION_TO, ...DIRECTION_FOR]);
const WORD = /[\p{L}\p{N}]+/gu;
/** A sentence ends at a line break or at `.!?` before white space. */
const SENTENCE_END = /\n|[.!?](?=\s)/;

/** The side whose words start at `words[i]`, with how many words it takes. */
function sideAt(words: readonly string[], i: number): [Side, number] | undefined {
  for (const [side, seq] of SIDE_WORDS) {
    let k = 0;
    while (k < seq.length && words[i + k] === seq[k]) k++;
    if (k === seq.length) return [side, k];
  }
  return undefined;
}

function other(side: Side): Side {
  return side === 'cloud' ? 'on-premises' : 'cloud';
}

/** The sentence's phrases of a direction word (`from`, or one of `to`) and the side at most `within` words after it. */
function directionPhrases(
  words: readonly string[],
  within: number,
  to: ReadonlySet<string>,
): { to: boolean; side: Side; at: number; end: number }[] {
  const phrases: { to: boolean; side: Side; at: number; end: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!FROM.has(w) && !to.has(w)) continue;
    for (let j = i + 1; j <= i + within && j < words.length; j++) {
      const found = sideAt(words, j);
      if (!found) continue;
      phrases.push({ to: to.has(w), side: found[0], at: j, end: j + found[1] });
      break;
    }
  }
  return phrases;
}

/** The directions one sentence's words say (none when it has no `from`/`to`, or `for` alone, before a side). */
function sentenceFlows(words: readonly string[], within: number): Flow[] {
  const mentions: { side: Side; at: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    const s = sideAt(words, i);
    if (s) mentions.push({ side: s[0], at: i });
  }
  if (!mentions.length) return [];
  // `for` only where `from` and `to` say no direction in the sentence.
  let phrases = directionPhrases(words, within, TO);
  if (!phrases.length) phrases = directionPhrases(words, within, TO_OR_FOR);
  const flows: Flow[] = [];
  for (let k = 0; k < phrases.length; k++) {
    const a = phrases[k];
    const b = phrases[k + 1];
    // `from X to Y` and `to Y from X`: one direction; `to or from X` none.
    if (b && a.to !== b.to) {
      if (a.side !== b.side) flows.push(a.to ? { from: b.side, to: a.side } : { from: a.side, to: b.side });
      k++;
      continue;
    }
    const flow: Flow = a.to ? { to: a.side } : { from: a.side };
    // The only phrase of its sentence: the other end is the other side, where the sentence names it outside the phrase.
    if (phrases.length === 1) {
      const end = mentions.find((m) => m.side === other(a.side) && (m.at < a.at || m.at >= a.end));
      if (end) {
        if (a.to) flow.from = end.side;
        else flow.to = end.side;
      }
    }
    flows.push(flow);
  }
  return flows;
}

/** Every direction a text says, sentence by sentence. */
export function flowsOf(text: string, within: number): Flow[] {
  return saidFlows(text, within).flatMap((s) => s.flows);
}

/** A sentence that says a direction, and the directions it says. */
export interface SaidFlows {
  sentence: string;
  flows: Flow[];
}

/** The sentences of a text that say a direction, in order. */
export function saidFlows(text: string, within: number): SaidFlows[] {
  const out: SaidFlows[] = [];
  for (const sentence of text.split(SENTENCE_END)) {
    const words = sentence.toLowerCase().match(WORD);
    const flows = words ? sentenceFlows(words, within) : [];
    if (flows.length) out.push({ sentence, flows });
  }
  return out;
}

/** Every word of the sides' names (`on`, `premises`, `exchange`, `online`, `365`, `cloud`; SIDE_WORDS). */
export const SIDE_TERMS: ReadonlySet<string> = new Set(SIDE_WORDS.flatMap(([, words]) => words));

/** Per article, its title's direction (null: none), for one `within` (the matcher's parameters do not change). */
const titleFlows = new WeakMap<Article, Flow | null>();

/** The direction the article's title says with both ends (its English title, else its first), or undefined. */
export function titleFlow(article: Article, within: number): Flow | undefined {
  let flow = titleFlows.get(article);
  if (flow === undefined) {
    const title = article.title.en ?? Object.values(article.title)[0] ?? '';
    const flows = flowsOf(title, within).filter((f) => f.from && f.to);
    flow = flows.length === 1 ? flows[0] : null;
    titleFlows.set(article, flow);
  }
  return flow ?? undefined;
}

/** The direction one symptom's description says with both ends (English, else its first language), once, or undefined. */
export function symptomFlow(article: Article, symptom: string, within: number): Flow | undefined {
  const s = article.symptoms.find((x) => x.id === symptom);
  if (!s) return undefined;
  const text = s.description.en ?? Object.values(s.description)[0] ?? '';
  const flows = flowsOf(text, within).filter((f) => f.from && f.to);
  return flows.length === 1 ? flows[0] : undefined;
}

/**
 * The paste says the article's direction the other way round: every direction it says runs against the title's (from the
 * side the title's goes to, or to the side it comes from) and none agrees. A paste that says no direction never does.
 */
export function reversedDirection(article: Article, text: string, within: number, symptom?: string | null): boolean {
  const title = titleFlow(article, within) ?? (symptom ? symptomFlow(article, symptom, within) : undefined);
  if (!title) return false;
  const flows = flowsOf(text, within);
  if (!flows.length) return false;
  return flows.every((f) => (f.from === undefined || f.from === title.to) && (f.to === undefined || f.to === title.from));
}

/**
 * The paste says the article's direction the same way: one direction it says has both the title's ends (from the side the
 * title's comes from, to the side it goes to), and it says none the other way round.
 */
export function agreedDirection(article: Article, flows: readonly Flow[], within: number): boolean {
  const title = titleFlow(article, within);
  if (!title || !flows.length) return false;
  const same = (f: Flow) => f.from === title.from && f.to === title.to;
  const against = (f: Flow) => (f.from !== undefined && f.from === title.to) || (f.to !== undefined && f.to === title.from);
  return flows.some(same) && !flows.some(against);
}

/** Words that say a way works: `there is no problem`, `works fine`, `the emails arrive`, `delivered successfully`. */
const WORKS =
  /\b(?:no (?:problems?|issues?|errors?)|works?|worked|working|fine|arrives?|arrived|delivered|success\w*|succeeds?|succeeded)\b/i;
/** Words that say it does not, whatever else the clause says: `doesn't work`, `never arrives`, `fails`, `NDR`. */
const NOT_WORKING = /n't\b|\b(?:not|never|no longer|fail\w*|errors?|bounc\w*|ndrs?|reject\w*|undeliverable|cannot)\b/i;
/** Clauses of a sentence: at `,;:` and before `but`, `while`, `whereas`, `however`. */
const CLAUSE_END = /[,;:]|\s(?=(?:but|while|whereas|however)\s)/i;

const working = (clause: string | undefined): boolean => !!clause && WORKS.test(clause) && !NOT_WORKING.test(clause);
/** How many clauses after a direction may say it works (workingFlows). */
const LATER_CLAUSES = 2;

/**
 * The directions a text says work: a clause's direction with both ends (`from my 365 accounts to premise`) where that clause,
 * or one of the next two of its sentence (each saying no direction of its own and nothing failing), says it works and nothing
 * fails (`there is no problem`, `the emails arrive`).
 */
export function workingFlows(text: string, within: number): Flow[] {
  const out: Flow[] = [];
  for (const sentence of text.replace(/[\u2018\u2019]/g, "'").split(SENTENCE_END)) {
    const clauses = sentence.split(CLAUSE_END);
    const flows = clauses.map((clause) => {
      const words = clause.toLowerCase().match(WORD);
      return words ? sentenceFlows(words, within).filter((f) => f.from && f.to) : [];
    });
    clauses.forEach((clause, i) => {
      if (!flows[i].length || NOT_WORKING.test(clause)) return;
      if (working(clause)) return void out.push(...flows[i]);
      // The clauses after it speak of this one's direction while they say none of their own and nothing fails: the next, or
      // the one after a clause between (`from 365 to premise, I checked it, no problem`).
      for (let j = i + 1; j < clauses.length && j <= i + LATER_CLAUSES; j++) {
        if (flows[j].length || NOT_WORKING.test(clauses[j])) break;
        if (working(clauses[j])) return void out.push(...flows[i]);
      }
    });
  }
  return out;
}

/**
 * Why an error of an article whose title says which way it fails between the sides (`"550 5.1.10 …" when Microsoft 365 users
 * send emails to on-premises users`) is not the paste's: `reversed`, every direction the paste says runs the other way round
 * (reversedDirection); `works`, the paste says the title's own direction works (`from my 365 accounts to premise, there is no
 * problem`). Undefined when neither, or the title says no direction (nor, given the matched symptom, its description).
 */
export function directionAgainst(
  article: Article,
  text: string,
  within: number,
  symptom?: string | null,
): 'reversed' | 'works' | undefined {
  const title = titleFlow(article, within) ?? (symptom ? symptomFlow(article, symptom, within) : undefined);
  if (!title) return undefined;
  if (reversedDirection(article, text, within, symptom)) return 'reversed';
  return workingFlows(text, within).some((f) => f.from === title.from && f.to === title.to) ? 'works' : undefined;
}
