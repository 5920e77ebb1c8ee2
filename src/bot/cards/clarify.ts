/**
 * The clarify card: 1–3 candidates (one when the matcher is unsure of its only guess), each with its title and one line on how it differs, as buttons;
 * plus "none of these". Users may also type the number.
 */
import type { Lang } from '../../knowledge/types';
import { clarifyIntro, type Texts } from '../texts';
import { card, paragraph, run, submit, type AdaptiveCard, type CardJson } from './elements';

export interface Candidate {
  article: string;
  symptom: string | null;
  title: string;
  /** One line that tells this candidate apart from the others. */
  difference: string;
}

/** What the buttons post back (`activity.value`); `index` is 1-based, absent for "none of these". */
export interface ChoiceData {
  action: 'choose';
  index?: number;
  article?: string;
  symptom?: string | null;
  none?: true;
  /** Language of the card, so the answer comes in the same language. */
  lang?: Lang;
}

/** Longest button label before it is cut with "…" (Teams cuts long labels anyway, less readably). */
const MAX_LABEL = 60;

export function clarifyCard(candidates: readonly Candidate[], t: Texts, lang: Lang): AdaptiveCard {
  const intro = clarifyIntro(candidates, t);
  const body: CardJson[] = [{ type: 'TextBlock', text: intro, weight: 'Bolder', wrap: true }];
  const actions: CardJson[] = [];
  // Candidates from one article differ by symptom, so the button shows the symptom when titles repeat.
  const titlesRepeat = new Set(candidates.map((c) => c.title)).size < candidates.length;
  candidates.forEach((c, i) => {
    const data: ChoiceData = { action: 'choose', index: i + 1, article: c.article, symptom: c.symptom, lang };
    body.push({
      type: 'Container',
      spacing: 'Medium',
      selectAction: { type: 'Action.Submit', data },
      items: [
        paragraph([run(`${i + 1}. `, { weight: 'Bolder' }), run(c.title, { weight: 'Bolder' })]),
        paragraph([run(c.difference, { isSubtle: true })], { spacing: 'None' }),
      ],
    });
    actions.push(submit(label(`${i + 1}. ${titlesRepeat ? c.difference : c.title}`), { ...data }));
  });
  const none: ChoiceData = { action: 'choose', none: true, lang };
  actions.push(submit(t.noneOfThese, { ...none }));
  return card(body, actions, intro);
}

/** The text, cut at a word end before `MAX_LABEL` characters when longer. */
function label(text: string): string {
  if (text.length <= MAX_LABEL) return text;
  const head = text.slice(0, MAX_LABEL - 1);
  const wordEnd = head.lastIndexOf(' ');
  return `${(wordEnd > MAX_LABEL / 2 ? head.slice(0, wordEnd) : head).replace(/[\s,:;–-]+$/, '')}…`;
}
