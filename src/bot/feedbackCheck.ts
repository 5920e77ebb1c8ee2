/**
 * Whether a feedback click may be recorded. Card data comes back from the client and can be forged
 * (a 900 KB "article id", feedback on articles never shown, the same click a thousand times), and
 * `kb gaps` trusts the log: so only answers this conversation was shown can be rated, once each,
 * and only with article and symptom ids the loaded knowledge base has. The shape of the data is
 * checked before (submitData.ts); this checks its values.
 */
import type { KnowledgeBase } from '../knowledge/load';
import type { FeedbackData } from './submitData';

/** An answer card shown in this conversation, kept in conversation state so feedback on it can be checked. */
export interface ShownAnswer {
  /** Number of the answer in the conversation (1, 2, …); the card's buttons carry it. */
  n: number;
  article: string;
  symptom: string | null;
  /** Set once feedback on it was recorded. */
  rated?: true;
}

/** How many of the latest answers can still be rated: older cards' buttons are refused. Keeps state small. */
export const RATEABLE_ANSWERS = 10;

/** Longest article or symptom id accepted, in characters (ours are short kebab-case ids). */
export const MAX_ID_CHARS = 100;

/** Why a click is not recorded. */
export type FeedbackRefusal = 'too-long' | 'unknown-article' | 'unknown-symptom' | 'not-shown' | 'already-rated';

/** Remembers an answer about to be shown; returns the list to keep in state and the answer's number. */
export function rememberAnswer(
  shown: readonly ShownAnswer[] | undefined,
  article: string,
  symptom: string | null,
): { shown: ShownAnswer[]; n: number } {
  const list = shown ?? [];
  const n = (list.at(-1)?.n ?? 0) + 1;
  return { shown: [...list, { n, article, symptom }].slice(-RATEABLE_ANSWERS), n };
}

/**
 * The shown answer the click rates, or why it is refused. A card from before answers were numbered
 * carries no `answer`: it rates the latest unrated answer with the same article and symptom.
 */
export function checkFeedback(
  submitted: Pick<FeedbackData, 'article' | 'symptom' | 'answer'>,
  kb: KnowledgeBase,
  shown: readonly ShownAnswer[] | undefined,
): { answer: ShownAnswer } | { refused: FeedbackRefusal } {
  const symptom = submitted.symptom ?? null;
  if (submitted.article.length > MAX_ID_CHARS || (symptom?.length ?? 0) > MAX_ID_CHARS) return { refused: 'too-long' };
  const article = kb.byId.get(submitted.article);
  if (!article) return { refused: 'unknown-article' };
  if (symptom !== null && !article.symptoms.some((s) => s.id === symptom)) return { refused: 'unknown-symptom' };
  const same = (a: ShownAnswer) => a.article === submitted.article && a.symptom === symptom;
  const candidates = (shown ?? []).filter((a) => (submitted.answer !== undefined ? a.n === submitted.answer : true) && same(a));
  if (candidates.length === 0) return { refused: 'not-shown' };
  const answer = candidates.reverse().find((a) => !a.rated);
  return answer ? { answer } : { refused: 'already-rated' };
}
