/**
 * The answer card: which known problem this is, the line of the paste that showed it, cause,
 * what it breaks, the fix as numbered steps with copyable commands, references, source, and
 * the two feedback buttons.
 */
import type { AnswerView } from '../answerView';
import type { Texts } from '../texts';
import { card, codeBlock, heading, paragraph, run, submit, type AdaptiveCard, type CardJson } from './elements';
import type { FeedbackData } from '../submitData';

/** What the feedback buttons post back (`activity.value`): the schema in submitData.ts. */
export type { FeedbackData } from '../submitData';

export function answerCard(view: AnswerView, t: Texts, summary?: string): AdaptiveCard {
  const body: CardJson[] = [{ ...heading(view.title, 'Large'), spacing: 'None' }];

  if (view.symptom || view.evidence) {
    const recognised: CardJson[] = [];
    if (view.symptom) recognised.push(paragraph([run(`${t.matchedSymptom}: `, { weight: 'Bolder' }), run(view.symptom)]));
    if (view.evidence) {
      recognised.push(paragraph([run(t.fromYourPaste, { isSubtle: true })], { spacing: 'Small' }));
      recognised.push(paragraph([run(view.evidence, { fontType: 'Monospace', italic: true })], { spacing: 'None' }));
    }
    body.push({ type: 'Container', style: 'emphasis', items: recognised, spacing: 'Small' });
  }
  if (view.truncatedKb !== undefined) body.push(paragraph([run(t.truncated(view.truncatedKb), { color: 'Warning' })]));
  if (view.otherLanguage) body.push(paragraph([run(t.otherLanguage, { isSubtle: true, italic: true })]));

  body.push(heading(t.cause), paragraph(view.cause, { spacing: 'Small' }));

  if (view.affects.length > 0) {
    body.push(heading(t.affected));
    for (const feature of view.affects) body.push(paragraph([run(`•  ${feature}`)], { spacing: 'None' }));
  }

  body.push(heading(t.fix));
  view.steps.forEach((step, i) => body.push(stepBlock(i + 1, step, t)));

  if (view.references.length > 0) {
    body.push(heading(t.references));
    for (const ref of view.references) {
      body.push(
        paragraph([run(ref.title, { color: 'Accent', underline: true, selectAction: { type: 'Action.OpenUrl', url: ref.url } })], {
          spacing: 'None',
        }),
      );
    }
  }

  if (view.alsoIn.length > 0) {
    body.push(heading(t.alsoIn));
    for (const a of view.alsoIn) {
      body.push(
        paragraph([run(`•  ${a.title}  `), run(t.showCommand(a.id), { fontType: 'Monospace', isSubtle: true })], { spacing: 'None' }),
      );
    }
  }

  if (view.source) {
    const source = view.source;
    const runs: CardJson[] = [run(`${t.source}: `, { isSubtle: true })];
    runs.push(
      source.url
        ? run(source.title, { isSubtle: true, underline: true, selectAction: { type: 'Action.OpenUrl', url: source.url } })
        : run(source.title, { isSubtle: true }),
    );
    if (source.license) runs.push(run(` (${source.license})`, { isSubtle: true }));
    body.push(paragraph(runs, { spacing: 'Medium', separator: true }));
  }

  const data = (helpful: boolean): FeedbackData => ({
    action: 'feedback',
    helpful,
    article: view.articleId,
    symptom: view.symptomId,
    lang: view.lang,
    ...(view.answerId !== undefined ? { answer: view.answerId } : {}),
  });
  return card(body, [submit(t.helpful, { ...data(true) }, 'positive'), submit(t.notHelpful, { ...data(false) })], summary);
}

/** One numbered step: the number in its own column so every line of the step lines up beside it. */
function stepBlock(n: number, step: AnswerView['steps'][number], t: Texts): CardJson {
  const items: CardJson[] = [paragraph(step.text)];
  for (const command of step.commands) {
    items.push(paragraph([run(t.shell[command.shell], { isSubtle: true, size: 'Small' })], { spacing: 'Small' }));
    items.push(codeBlock(command.code, command.language));
    const filled = command.placeholders.filter((p) => p.value !== undefined);
    if (filled.length > 0) {
      items.push(paragraph([run(t.filledIn, { isSubtle: true, size: 'Small' })], { spacing: 'Small' }));
      for (const p of filled) {
        items.push(
          paragraph(
            [
              run(`<${p.name}>`, { fontType: 'Monospace', weight: 'Bolder' }),
              run(' = '),
              run(p.value!, { fontType: 'Monospace', weight: 'Bolder', color: 'Good' }),
              run(` – ${p.description} `),
              run(`(${t.valueFrom(p.from!, p.origin!)})`, { isSubtle: true, italic: true }),
            ],
            { spacing: 'None' },
          ),
        );
      }
    }
    const open = command.placeholders.filter((p) => p.value === undefined);
    if (open.length > 0) {
      items.push(paragraph([run(t.replaceBeforeRunning, { isSubtle: true, size: 'Small' })], { spacing: 'Small' }));
      for (const p of open) {
        items.push(
          paragraph([run(`<${p.name}>`, { fontType: 'Monospace', weight: 'Bolder', color: 'Attention' }), run(` – ${p.description}`)], {
            spacing: 'None',
          }),
        );
      }
    }
  }
  return {
    type: 'ColumnSet',
    spacing: 'Small',
    columns: [
      { type: 'Column', width: 'auto', items: [paragraph([run(`${n}.`, { weight: 'Bolder' })])] },
      { type: 'Column', width: 'stretch', items },
    ],
  };
}
