/**
 * Stage 8, on the final decision: an article's fix steps and commands as weak evidence. Admins paste what they looked at and
 * ran — the app pool they recycled, the cmdlet and parameter they tried, the SMTP server's greeting (`MSExchangeOWAAppPool`,
 * `New-MailboxRestoreRequest -TargetRootFolder`, `ESMTP … ready`) — and an article often names those only in its fix. Where
 * nothing was answered, the article whose steps hold the paste's rare words, among the articles the paste's prose already
 * fits, is offered first, or alone where nothing was offered. It is never answered, an answer is never touched, and the step
 * words enter no other index (theirs is `StepWords`, built with the matcher's): every word's weight and every other fit stays
 * as it was.
 *
 * It runs last (matcher.ts `match`), after the second floor and the lexicon: an offer made earlier would have kept those
 * from running.
 */
import type { KnowledgeBase } from '../knowledge/load';
import { pick } from '../knowledge/localize';
import type { Lang } from '../knowledge/types';
import { descriptionTerm, fitOf, inflectionKey, type DescriptionScore } from './descriptions';
import type { MatchContext } from './hits';
import { foldWord } from './normalize';
import type { Match, MatchResult } from './types';

/**
 * What the step index is made of, whatever the rarity: built with the matcher's index (matcher.ts `buildMatcherIndex`, on the
 * thread that builds it, and carried by a compiled index), so no paste pays for reading every article's whole text.
 */
export interface StepWords {
  /** Per article, its steps' words (inflection keys) that its title, symptoms and cause don't hold. */
  untold: (readonly string[])[];
  /** Per word some article's steps hold untold: how many articles hold it anywhere (title, symptoms, cause, steps). */
  articles: ReadonlyMap<string, number>;
  /** Of those words, the ones some article's steps write as a name: in a command, or with a capital inside. */
  names: ReadonlySet<string>;
}

/** Per knowledge base and rarity: each article's rare step words, their weights, and which are written as names. */
export interface StepIndex {
  /** Per article, its steps' rare words (inflection keys) that its title, symptoms and cause don't hold; undefined: none. */
  keys: (ReadonlySet<string> | undefined)[];
  /** Rare word → log(1 + articles / articles whose text holds it). */
  weight: ReadonlyMap<string, number>;
  /** Words some article's steps write as a name: in a command, or with a capital inside (`WebAppPool`, `ESMTP`). */
  names: ReadonlySet<string>;
}

/** In a step's text, a name: a word with a capital after its first letter (`TargetRootFolder`, `ESMTP`). Commands are names throughout. */
const NAME = /\b[A-Za-z][a-z0-9]*[A-Z][A-Za-z0-9]*/g;
/** A step word once folded: letters only. */
const WORD = /^[a-z]{4,}$/;

/** A run of four letters or more: a step word (numbers and pieces of GUIDs, addresses and versions are values, not names). */
const LETTERS = /[A-Za-z\u00C0-\u024F]{4,}/g;

/**
 * The words of `text` as a description reads them (`descriptionTerm`, `inflectionKey`), four letters or more, as word numbers
 * of `read` (`Read.keys`). Read plainly, letter runs only: this is every article's whole text, read once per build of the
 * matcher's index, and the paste's words it is compared with are such runs too. A text read already is not read again.
 */
function idsOf(text: string, read: Read): readonly number[] {
  let ids = read.texts.get(text);
  if (!ids) {
    ids = [];
    for (const w of text.match(LETTERS) ?? []) {
      let id = read.words.get(w);
      if (id === undefined) {
        const d = descriptionTerm(foldWord(w));
        const k = d === undefined ? '' : inflectionKey(d);
        id = WORD.test(k) ? numberOf(k, read) : -1;
        read.words.set(w, id);
      }
      if (id >= 0) ids.push(id);
    }
    read.texts.set(text, ids);
  }
  return ids;
}

/** The word numbers of the names in a step's text (`NAME`), read once per text. */
function namesOf(text: string, read: Read): readonly number[] {
  let ids = read.names.get(text);
  if (!ids) {
    ids = [];
    for (const name of text.match(NAME) ?? []) ids.push(...idsOf(name, read));
    read.names.set(text, ids);
  }
  return ids;
}

/**
 * What one build has read: each text's word numbers and its names' word numbers, each word's number (-1: none), and per
 * word number its word (inflection key) and marks. A number stands for a word so that an article's words are marks in
 * arrays, not sets of strings built per article (at 10,000 articles those sets cost more than reading the texts). The arrays
 * grow with the words, one entry each, so they stay packed.
 */
interface Read {
  texts: Map<string, number[]>;
  names: Map<string, number[]>;
  words: Map<string, number>;
  numbers: Map<string, number>;
  keys: string[];
  /** The last article (index + 1) whose title, symptoms or cause hold the word. */
  toldBy: number[];
  /** The last article (index + 1) whose steps hold the word. */
  stepsBy: number[];
  /** How many articles hold the word anywhere. */
  held: number[];
  /** 1 once some article's steps write the word as a name. */
  named: number[];
}

function reading(): Read {
  return {
    texts: new Map(),
    names: new Map(),
    words: new Map(),
    numbers: new Map(),
    keys: [],
    toldBy: [],
    stepsBy: [],
    held: [],
    named: [],
  };
}

/** The number of word `key` (an inflection key) in `read`, a new one for a word not read before. */
function numberOf(key: string, read: Read): number {
  let id = read.numbers.get(key);
  if (id === undefined) {
    id = read.keys.length;
    read.keys.push(key);
    read.toldBy.push(0);
    read.stepsBy.push(0);
    read.held.push(0);
    read.named.push(0);
    read.numbers.set(key, id);
  }
  return id;
}

/** The step words of `kb` (`StepWords`): every article's whole text read once. */
export function buildStepWords(kb: KnowledgeBase): StepWords {
  const read = reading();
  const { toldBy, stepsBy, held, named } = read;
  const nameOrder: number[] = [];
  const name = (ids: readonly number[]): void => {
    for (const id of ids)
      if (!named[id]) {
        named[id] = 1;
        nameOrder.push(id);
      }
  };
  const untold = kb.articles.map((a, i) => {
    const mark = i + 1;
    const steps: number[] = [];
    const step = (ids: readonly number[]): void => {
      for (const id of ids)
        if (stepsBy[id] !== mark) {
          stepsBy[id] = mark;
          steps.push(id);
        }
    };
    for (const s of a.steps) {
      for (const text of [s.text.en, s.text.de]) {
        if (!text) continue;
        step(idsOf(text, read));
        name(namesOf(text, read));
      }
      for (const c of s.commands ?? []) {
        if (!c.code) continue;
        const ids = idsOf(c.code, read);
        step(ids);
        name(ids);
      }
    }
    // What the description path reads (title, symptoms, cause) is evidence there already.
    const told = (text: string | undefined): void => {
      if (!text) return;
      for (const id of idsOf(text, read))
        if (toldBy[id] !== mark) {
          toldBy[id] = mark;
          held[id]++;
        }
    };
    for (const text of [a.title.en, a.title.de, a.cause.en, a.cause.de]) told(text);
    for (const s of a.symptoms) {
      for (const text of [s.description.en, s.description.de, ...(s.keywords?.en ?? []), ...(s.keywords?.de ?? [])]) told(text);
      for (const text of [...(s.errors.en ?? []), ...(s.errors.de ?? [])]) told(text);
    }
    const own: number[] = [];
    for (const id of steps)
      if (toldBy[id] !== mark) {
        held[id]++;
        own.push(id);
      }
    return own;
  });
  // Counted for every word, kept only for the words some article's steps hold untold: the others are never weighed.
  const articles = new Map<string, number>();
  for (const own of untold) for (const id of own) articles.set(read.keys[id], held[id]);
  return {
    untold: untold.map((own) => own.map((id) => read.keys[id])),
    articles,
    names: new Set(nameOrder.filter((id) => articles.has(read.keys[id])).map((id) => read.keys[id])),
  };
}

/**
 * The step index of step words `words` (`buildStepWords`): a word is rare when at most `share` of the articles (one at least)
 * hold it anywhere — title, symptoms and their error texts, cause, steps — so a word common elsewhere (`delivery`,
 * `attachment`) is no step evidence. A pass over the untold words, done when the matcher is made.
 */
export function stepIndex(words: StepWords, share: number): StepIndex {
  const n = words.untold.length;
  const most = Math.max(1, Math.round(share * n));
  const weight = new Map<string, number>();
  for (const [k, df] of words.articles) if (df <= most) weight.set(k, Math.log(1 + n / df));
  const keys = words.untold.map((untold) => {
    const rare = untold.filter((k) => weight.has(k));
    return rare.length ? new Set(rare) : undefined;
  });
  return { keys, weight, names: words.names };
}

/** The article the fix steps put first, the paste's words its steps hold, their weight, and how many are names. */
export interface StepLeader {
  fit: DescriptionScore;
  words: string[];
  weight: number;
  names: number;
}

/**
 * Of the `stepFits` articles the paste's prose fits best (`fits`, the description path's fits as written), the one whose steps
 * hold at least `stepWords` of the paste's rare step words (`terms`: the paste's words), none its fit found already, with at
 * least `stepLead` times the weight any other of them holds; undefined where none does.
 */
export function stepLeader(ctx: MatchContext, terms: ReadonlySet<string>, fits: readonly DescriptionScore[]): StepLeader | undefined {
  const p = ctx.params.descriptions;
  const index = ctx.steps;
  const pasted = new Set<string>();
  for (const t of terms) {
    const d = descriptionTerm(t);
    if (d === undefined) continue;
    const k = inflectionKey(d);
    if (index.weight.has(k)) pasted.add(k);
  }
  if (pasted.size < p.stepWords) return undefined;
  // Each article's best-fitting symptom, best first.
  const best = new Map<number, DescriptionScore>();
  for (const f of fits) {
    const had = best.get(f.article);
    if (fitOf(f) > 0 && (!had || fitOf(f) > fitOf(had))) best.set(f.article, f);
  }
  const scored = [...best.values()]
    .sort((a, b) => fitOf(b) - fitOf(a) || a.article - b.article)
    .slice(0, p.stepFits)
    .map((fit) => {
      const keys = index.keys[fit.article];
      const found = new Set(fit.found.map(inflectionKey));
      const words = keys ? [...pasted].filter((k) => keys.has(k) && !found.has(k)) : [];
      const weight = words.reduce((sum, k) => sum + index.weight.get(k)!, 0);
      return { fit, words, weight, names: words.filter((k) => index.names.has(k)).length };
    })
    .sort((a, b) => b.weight - a.weight);
  const [first, second] = scored;
  if (!first || first.words.length < p.stepWords) return undefined;
  if (second && first.weight < p.stepLead * second.weight) return undefined;
  return first;
}

/**
 * `result`, the final decision, with the step leader (`stepLeader`) offered first: in a choice, ahead of the others at the first
 * one's score (one more offered when it was not, at most three), when `stepNamesFirst` of its words are names; where nothing
 * was offered, alone as a long shot (`Match.weak`), when `stepNamesAlone` are. An answer is returned as it is; undefined where
 * nothing changes. `terms`, `fits`: the paste's words and its prose's fits as written; `explain`: a note on the match.
 */
export function stepRaise(
  ctx: MatchContext,
  result: MatchResult,
  terms: ReadonlySet<string>,
  fits: readonly DescriptionScore[],
  lang: Lang,
  explain = false,
): MatchResult | undefined {
  if (result.decision === 'answer' || !fits.length) return undefined;
  const leader = stepLeader(ctx, terms, fits);
  if (!leader) return undefined;
  const p = ctx.params.descriptions;
  const a = ctx.kb.articles[leader.fit.article];
  const note = {
    rule: 'steps' as const,
    note: `its fix steps hold ${leader.words.join(', ')} (${leader.names} written as names): offered first`,
  };
  const made = (score: number): Match => ({
    article: a.id,
    symptom: leader.fit.symptom,
    score,
    title: pick(a.title, lang).text,
    ...(explain ? { why: { kind: 'description' as const, raw: score, rules: [note] } } : {}),
  });
  if (result.decision === 'clarify') {
    if (leader.names < p.stepNamesFirst || !result.matches.length || result.matches[0].article === a.id) return undefined;
    const at = result.matches.findIndex((m) => m.article === a.id);
    const score = result.matches[0].score;
    const raised =
      at >= 0
        ? {
            ...result.matches[at],
            score,
            ...(result.matches[at].why ? { why: { ...result.matches[at].why, rules: [...result.matches[at].why.rules, note] } } : {}),
          }
        : made(score);
    const rest = result.matches.filter((_, i) => i !== at);
    const offered = at >= 0 ? result.matches.length : Math.max(result.matches.length, Math.min(3, result.matches.length + 1));
    return { ...result, matches: [raised, ...rest].slice(0, offered) };
  }
  if (leader.names < p.stepNamesAlone) return undefined;
  return { ...result, decision: 'clarify', matches: [{ ...made(p.weakScore), weak: true }] };
}
