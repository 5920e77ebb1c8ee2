/**
 * The clarify card: 1–3 candidates (one when the matcher is unsure of its only guess), each with its title and one line on how it differs,
 * as buttons;
 * plus "none of these". Users may also type the number.
 */
import type { Lang } from '../../knowledge/types';
import { clarifyIntro, type Texts } from '../texts';
import { card, paragraph, run, submit, type AdaptiveCard, type CardJson } from './elements';
import type { ChoiceData } from '../submitData';

export interface Candidate {
  article: string;
  symptom: string | null;
  title: string;
  /** One line that tells this candidate apart from the others. */
  difference: string;
}

/** What the buttons post back (`activity.value`): the schema in submitData.ts. */
export type { ChoiceData } from '../submitData';

/** `weak`: every candidate is a long shot (`Match.weak`), and the intro says the error was not recognised. */
export function clarifyCard(candidates: readonly Candidate[], t: Texts, lang: Lang, weak = false): AdaptiveCard {
  const intro = clarifyIntro(candidates, t, weak);
  const body: CardJson[] = [{ type: 'TextBlock', text: intro, weight: 'Bolder', wrap: true }];
  // Each candidate carries its own button, so buttons stack under their text in every client
  // (a row of long card-level buttons runs off the side in Web Chat).
  candidates.forEach((c, i) => {
    const data: ChoiceData = { action: 'choose', index: i + 1, article: c.article, symptom: c.symptom, lang };
    body.push({
      type: 'Container',
      spacing: 'Medium',
      separator: i > 0,
      items: [
        paragraph([run(`${i + 1}. `, { weight: 'Bolder' }), run(c.title, { weight: 'Bolder' })]),
        paragraph([run(c.difference, { isSubtle: true })], { spacing: 'None' }),
        { type: 'ActionSet', spacing: 'Small', actions: [submit(t.chooseThis(i + 1), { ...data })] },
      ],
    });
  });
  const none: ChoiceData = { action: 'choose', none: true, lang };
  return card(body, [submit(t.noneOfThese, { ...none })], intro);
}
