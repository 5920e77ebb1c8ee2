/**
 * The cause's polarity: an article whose cause is that something is missing (its title says `without TLS 1.2`, its cause
 * `when TLS 1.2 is not enabled`, `TLS 1.2 isn't fully enabled`) explains a problem of a server that lacks it. A paste that
 * says that very thing was done or is there (`after we enabled TLS 1.2`, `TLS 1.2 is enabled`, `nach dem Aktivieren von
 * TLS 1.2`), and nowhere that it is missing, tells of another problem that shares its words: the article is offered, not
 * answered. A paste that says it is missing too (`we never enabled TLS 1.2`, `TLS 1.2 not enabled`) is left alone.
 */
import type { Article } from '../knowledge/types';
import { clauseBefore } from '../knowledge/vocabulary';
import { capAll, type MatchContext, type Paste, type Ranked } from './hits';

/** A word of a thing's name: letters, digits, dots, slashes, hyphens, plus signs (`TLS`, `1.2`, `SchUseStrongCrypto`, `.NET`, `C++`). */
const WORD = String.raw`[A-Za-z0-9.][\w./+-]*`;

/** What ends a thing's name: the words that start or join a clause, and prepositions. */
const NOT_NAME = new Set('when if because that and or the a an is are since where as but of on in for to with by from at'.split(' '));

/** Prepositions: a name right after one is part of a longer phrase. */
const PREPOSITIONS = new Set('of on in for to with by from at'.split(' '));

/**
 * `X is not enabled`, `X isn't fully enabled`, `X aren't configured`, `X isn't installed`, `X is missing` (X: up to three
 * words before it).
 */
const MISSING_AFTER = new RegExp(
  String.raw`((?:${WORD}\s+){1,3})(?:is|are)(?:(?:\s+not|n[’']t)\s+(?:(?:yet|fully|correctly|properly)\s+){0,2}(?:enabled|configured|activated|turned on|installed)|\s+missing(?=\s*(?:[.,;:)]|$)|\s+(?:from|in|on|at)\b))`,
  'gi',
);

/** `without X` (X: one to three words, up to punctuation or a joining word). */
const MISSING_BEFORE = new RegExp(String.raw`\bwithout\s+((?:${WORD})(?:\s+${WORD}){0,2})`, 'gi');

/**
 * The things an article's title and cause (English) say are missing, each as written (`TLS 1.2`, `MRSProxy`): a name, so from
 * its first word that starts with a capital or a digit (`when TLS 1.2 is not enabled`), up to a word that joins a clause.
 * Lower-case phrases (`without the recipient's consent`, `free/busy information isn't configured`) are no thing switched on.
 * Not a thing the same text says is switched on too (`MRSProxy is not enabled`, and `MRSProxy shows as Enabled but is
 * disabled`): that cause covers a paste that says it is enabled.
 */
export function lackedPhrases(article: Article): readonly string[] {
  return lackedOf(article).phrases;
}

/** What an article lacks (`lackedPhrases`), each with its patterns (`phrasePatterns`, in the same order). */
interface Lacked {
  readonly phrases: readonly string[];
  readonly patterns: readonly PhrasePatterns[];
}

/**
 * Per loaded article (a reload makes new ones), what it lacks and the patterns that read a paste for it: the matcher
 * (stage 7e) and the bridge read them for every answer, so they are made once. (Kept with the article, not per phrase in
 * a module-wide map: they live and go with the knowledge base that holds them.)
 */
const LACKED = new WeakMap<Article, Lacked>();

function lackedOf(article: Article): Lacked {
  let lacked = LACKED.get(article);
  if (!lacked) LACKED.set(article, (lacked = readLacked(article)));
  return lacked;
}

/** `lackedOf`, read afresh. */
function readLacked(article: Article): Lacked {
  const out = new Set<string>();
  const text = `${article.title.en ?? ''}\n${article.cause.en ?? ''}`;
  const add = (words: string[]) => {
    // `If the …`, `When the …`: a capital that starts the sentence, no name.
    const from = words.findIndex((w) => /^[A-Z0-9.]/.test(w) && !NOT_NAME.has(w.toLowerCase()));
    // A name after a preposition (`the certificate for federation with Exchange Online is not installed`) is not the thing
    // that is missing, only part of a lower-case one.
    if (from < 0 || PREPOSITIONS.has(words[from - 1]?.toLowerCase())) return;
    const rest = words.slice(from);
    const end = rest.findIndex((w, i) => i > 0 && NOT_NAME.has(w.toLowerCase()));
    const name = (end > 0 ? rest.slice(0, end) : rest).join(' ').replace(/[.,:;]+$/, '');
    if (name) out.add(name);
  };
  for (const m of text.matchAll(MISSING_AFTER)) add(m[1].trim().split(/\s+/));
  for (const m of text.matchAll(MISSING_BEFORE)) if (/^[A-Z0-9.]/.test(m[1])) add(m[1].split(/\s+/));
  // A cause that tells of the thing switched on too (`MRSProxy shows as Enabled … but is disabled`) covers both states.
  const phrases: string[] = [];
  const patterns: PhrasePatterns[] = [];
  for (const name of out) {
    const p = phrasePatterns(name);
    if (polarity(text, p).done) continue;
    phrases.push(name);
    patterns.push(p);
  }
  return { phrases, patterns };
}

/** A negation at most three words before a statement (`never enabled`, `haven't yet enabled`, `without enabling`). */
const NEGATED = /(?:\b(?:not|never|no|without|nicht|kein\w*|nie|ohne)\b|n[’']t\b)\s+(?:\S+\s+){0,2}$/i;

/** Where a clause starts: punctuation, or `but`/`aber` (the paste may be German). */
const CLAUSE_START = /[.;:!?,\n]|\b(?:but|aber)\b/gi;

/**
 * The verbs that say a thing was switched on (before it: `enabled TLS 1.2`, `Aktivieren von TLS 1.2`), or is in use (`is using
 * TLS 1.2`, `uses TLS 1.2`: a state; not `use`, which asks or wishes as often as it states).
 */
const DONE_BEFORE = String.raw`(?:enabled|enabling|enable|activated|activating|turned on|switched on|forced|using|uses|verwendet|nutzt|aktiviert|aktivieren|eingeschaltet|installed|installing|installiert|installieren)\s+(?:(?:the|von|das|die)\s+)?`;

/** What says it is there (after it: `TLS 1.2 is enabled`, `TLS 1.2 was already enabled`, `TLS 1.2 ist aktiviert`). */
const DONE_AFTER = String.raw`\s+(?:(?:is|are|was|were|has been|have been|got|shows as|show as|appears as|appears|ist|sind|wurde|wurden|war)\s+)?(?:(?:now|already|also|bereits|schon|jetzt)\s+)?(?:enabled|activated|turned on|switched on|aktiviert|eingeschaltet|installed|installiert)\b`;

/** A match of a thing's name that starts with `DONE_BEFORE` or ends with `DONE_AFTER`: it states the thing was done or is there. */
const STARTS_DONE = new RegExp(`^${DONE_BEFORE}`, 'i');
const ENDS_DONE = new RegExp(`${DONE_AFTER}$`, 'i');

/** The paste says `phrase` was done or is there (`done`), or that it is missing (`missing`), each outside the other. */
export function pastedPolarity(text: string, phrase: string): { done: boolean; missing: boolean } {
  return polarity(text, phrasePatterns(phrase));
}

/** `pastedPolarity` of the phrase `patterns` were made of. */
function polarity(text: string, { named, said }: PhrasePatterns): { done: boolean; missing: boolean } {
  // Most pastes never name the thing: one search for the name spares the statement's pattern, which tries its verbs at
  // every position of the paste (every match of it holds a match of the name's).
  if (!named.test(text)) return { done: false, missing: false };
  let done = false;
  let missing = false;
  for (const m of text.matchAll(said)) {
    const clause = clauseBefore(text, m.index, CLAUSE_START);
    // `how do I check whether TLS 1.2 is enabled`, `ob TLS 1.2 aktiviert ist`, `Is TLS 1.2 enabled?`: asked, not stated.
    const end = m.index + m[0].length;
    const sentence = restUpTo(text, end, 120, SENTENCE_END);
    if (ASKED.test(clause) || (sentence.length < 120 && text[end + sentence.length] === '?')) continue;
    const after = text.slice(end, end + 40);
    const stated = m[0].length > 0 && (STARTS_DONE.test(m[0]) || ENDS_DONE.test(m[0]));
    if (!stated) {
      // `TLS 1.2 is not enabled`, `TLS 1.2 nicht aktiviert`, `no TLS 1.2`, `without TLS 1.2`; absence words: `TLS 1.2 is
      // missing`, `TLS 1.2 fehlt`, `the server is missing TLS 1.2`, `auf dem Server fehlt TLS 1.2`.
      if (NOT_AFTER.test(after) || ABSENT_AFTER.test(after) || ABSENT_BEFORE.test(clause)) missing = true;
      else {
        // German sets the participle at the clause's end (`TLS 1.2 ist auf allen Servern aktiviert`, `haben TLS 1.2 gestern
        // aktiviert`), a negation between the two or before the name says it is not (`… auf den Servern nicht aktiviert`).
        const rest = restUpTo(text, end, 80, CLAUSE_END);
        const final = rest.match(GERMAN_FINAL);
        if (final) {
          if (/\b(?:nicht|nie|niemals|kein\w*)\b/i.test(final[1]) || NEGATED.test(clause)) missing = true;
          else done = true;
        } else if (GERMAN_ABSENT_FINAL.test(rest)) missing = true;
      }
      continue;
    }
    if (NEGATED.test(clause)) missing = true;
    else done = true;
  }
  return { done, missing };
}

/** A phrase's name as written (any white space between its words), and a statement of it (`pastedPolarity`). */
interface PhrasePatterns {
  readonly named: RegExp;
  readonly said: RegExp;
}

function phrasePatterns(phrase: string): PhrasePatterns {
  const name = phrase
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join(String.raw`\s*`);
  return {
    named: new RegExp(String.raw`\b${name}(?!\w|\.\d)`, 'i'),
    said: new RegExp(String.raw`(?:${DONE_BEFORE})?\b${name}(?!\w|\.\d)(?:${DONE_AFTER})?`, 'gi'),
  };
}

/**
 * A clause that asks or sets a condition (`check whether`, `if`, `make sure`, `ob`, `prüfen`): what follows in it is not
 * said to be so.
 */
const ASKED = /\b(?:whether|if|check|verify|confirm|ensure|make sure|ob|falls|prüfen|prüfe|überprüfen|sicherstellen)\b/i;

/** Where a sentence ends: its end mark (`.`, `!`, `?`) or a line break. */
const SENTENCE_END = /[.!?\n]/;

/** Where a clause ends after a name: punctuation, or a word that joins another clause (German or English). */
const CLAUSE_END = /[.;:!?,\n]|\b(?:und|oder|aber|sondern|weil|obwohl|dass|denn|and|or|but|because|although)\b/i;

/** The text from `at` up to the first `end` (not included), at most `limit` characters: the rest of a clause or sentence. */
function restUpTo(text: string, at: number, limit: number, end: RegExp): string {
  const rest = text.slice(at, at + limit);
  const i = rest.search(end);
  return i < 0 ? rest : rest.slice(0, i);
}

/**
 * A German participle of switching on or installing at a clause's end, after at most six words (`ist auf allen Servern
 * aktiviert`; the words before it in group 1), and only an auxiliary after it (`… aktiviert haben`, `… aktiviert wurde`).
 */
const GERMAN_FINAL =
  /^((?:\s+\S+){0,6}?)\s+(?:aktiviert|eingeschaltet|installiert)(?:\s+(?:ist|sind|wurde|wurden|war|haben|hat|hatten|worden))*\s*$/i;

/**
 * Absence words right after a thing's name (`is missing`, `are still missing`, `fehlt`, `fehlen`; not `fehlt nicht`), or
 * ending the clause before it (`no`, `without`, `kein`, `ohne`; `the server is missing TLS 1.2`, `auf dem Server fehlt TLS 1.2`).
 */
const ABSENT_AFTER = /^\s+(?:(?:(?:is|are|was|were)\s+(?:still\s+|also\s+)?missing)|fehl(?:t|en|te|ten)(?!\s+nicht))\b/i;
const ABSENT_BEFORE = /\b(?:no|without|kein\w*|ohne|missing|lacks|lacking|fehlt|fehlen|fehlte|fehlten)\s+(?:(?:the|das|die|der|den)\s+)?$/i;

/**
 * German's absence at a clause's end, after at most six words: `… auf dem Server fehlt` (`weil TLS 1.2 auf dem Server
 * fehlt`), `ist auf dem Server nicht vorhanden`, `… ist nirgends vorhanden`; and only an auxiliary after it.
 */
const GERMAN_ABSENT_FINAL =
  /^(?:(?:\s+\S+){0,6}?\s+fehl(?:t|en|te|ten)|(?:\s+\S+){0,5}?\s+(?:nicht|nirgends|nirgendwo)(?:\s+\S+){0,2}?\s+vorhanden)(?:\s+(?:ist|sind|war|waren))*\s*$/i;

/** Right after a thing's name: it is not there (`is not enabled`, `isn't configured`, `not enabled`, `nicht aktiviert`). */
const NOT_AFTER =
  /^\s+(?:(?:is|are|was|were|ist|sind|wurde|war)\s+)?(?:not|nicht|n[’']t)\b|^\s*(?:is|are|was|were|has|have)n[’']t\b|^\s+not\b/i;

/**
 * Which of the things `article`'s cause says are missing (`lackedPhrases`) `text` says was done or is there, and never that
 * one is missing — in either language, as `pastedPolarity` reads both — or undefined. Also the bridge's check (bridge.ts):
 * a German description it would answer on rare terms says the same as its English wording (`TLS 1.2 ist aktiviert`).
 */
export function doneAgainstCause(article: Article, text: string): string | undefined {
  const { phrases, patterns } = lackedOf(article);
  let named: string | undefined;
  for (let i = 0; i < phrases.length; i++) {
    const { done, missing } = polarity(text, patterns[i]);
    if (missing) return undefined;
    if (done) named ??= phrases[i];
  }
  return named;
}

/**
 * Stage 7e, before the decision: an answer whose article's cause is that something is missing (`lackedPhrases`), in a paste
 * that says it was done or is there and never that it is missing, is offered, not answered (at most `score.otherScenario`).
 */
export function capCauseDone(ctx: MatchContext, ranked: Ranked[], paste: Paste, explaining: boolean): Ranked[] {
  const top = ranked[0];
  const cap = ctx.params.score.otherScenario;
  if (!top || top.score <= cap) return ranked;
  const named = doneAgainstCause(ctx.kb.articles[top.hit.article], paste.cut);
  if (named === undefined) return ranked;
  const note = `capped at ${cap}: the article's cause is that ${named} is missing; the paste says ${named} was enabled or is there, and nowhere that it is missing (offered, not answered)`;
  return capAll(ranked, cap, 'scenario', note, explaining);
}
