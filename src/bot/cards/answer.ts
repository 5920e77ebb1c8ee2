/**
 * The answer card: which known problem this is, the line of the paste that showed it, cause,
 * what it breaks, the fix as numbered steps with copyable commands, references, source, and
 * the two feedback buttons.
 */
import type { AnswerView } from '../answerView';
import type { Texts } from '../texts';
import { card, codeBlock, heading, paragraph, run, submit, type AdaptiveCard, type CardJson } from './elements';
import type { FeedbackData } from '../submitData';
import { shareBlocks } from './sharedJson';

/** What the feedback buttons post back (`activity.value`): the schema in submitData.ts. */
export type { FeedbackData } from '../submitData';

/**
 * Parts of answer cards that depend only on the article and the reply language (title, cause, what it breaks,
 * steps without a filled-in value, references, source): built once per loaded article and language, then shared
 * by every answer with it — frozen, so nothing can change them for the next answer. Keyed by the article object:
 * a knowledge reload brings new article objects, so its answers are built afresh and the old parts go with the
 * old knowledge base. Only the quoted line, filled-in values, other articles and the buttons are built per answer.
 */
const STATIC_PARTS = new WeakMap<object, Map<string, readonly CardJson[]>>();

/** Builds a part, or takes it from STATIC_PARTS when the card says which article it shows. */
function partsFor(article: object | undefined, lang: string): (name: string, build: () => CardJson[]) => readonly CardJson[] {
  if (!article) return (_name, build) => build();
  let parts = STATIC_PARTS.get(article);
  if (!parts) STATIC_PARTS.set(article, (parts = new Map()));
  const kept = parts;
  return (name, build) => {
    const key = `${lang}:${name}`;
    let part = kept.get(key);
    // Frozen, and their JSON made once when a reply is sent (sharedJson.ts).
    if (!part) kept.set(key, (part = shareBlocks(build())));
    return part;
  };
}

/**
 * `article`: the article `view` was built from, when the card may share the parts that depend only on it and the
 * language with other answers (the bot passes it; a view built some other way must not).
 */
export function answerCard(view: AnswerView, t: Texts, summary?: string, article?: object): AdaptiveCard {
  const part = partsFor(article, view.lang);
  const body: CardJson[] = [...part('title', () => [{ ...heading(view.title, 'Large'), spacing: 'None' }])];

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

  body.push(
    ...part('cause', () => {
      const blocks = [heading(t.cause), paragraph(view.cause, { spacing: 'Small' })];
      if (view.affects.length > 0) {
        blocks.push(heading(t.affected));
        for (const feature of view.affects) blocks.push(paragraph([run(`•  ${feature}`)], { spacing: 'None' }));
      }
      blocks.push(heading(t.fix));
      return blocks;
    }),
  );
  view.steps.forEach((step, i) => {
    // A step showing a value from the paste or conversation is this answer's own.
    const filled = step.commands.some((c) => c.placeholders.some((p) => p.value !== undefined));
    body.push(...(filled ? [stepBlock(i + 1, step, t)] : part(`step ${i}`, () => [stepBlock(i + 1, step, t)])));
  });

  body.push(
    ...part('references', () =>
      view.references.length === 0
        ? []
        : [
            heading(t.references),
            ...view.references.map((ref) =>
              paragraph([run(ref.title, { color: 'Accent', underline: true, selectAction: { type: 'Action.OpenUrl', url: ref.url } })], {
                spacing: 'None',
              }),
            ),
          ],
    ),
  );

  if (view.alsoIn.length > 0) {
    body.push(heading(t.alsoIn));
    for (const a of view.alsoIn) {
      body.push(
        paragraph([run(`•  ${a.title}  `), run(t.showCommand(a.id), { fontType: 'Monospace', isSubtle: true })], { spacing: 'None' }),
      );
    }
  }

  const source = view.source;
  if (source) {
    body.push(
      ...part('source', () => {
        const runs: CardJson[] = [run(`${t.source}: `, { isSubtle: true })];
        runs.push(
          source.url
            ? run(source.title, { isSubtle: true, underline: true, selectAction: { type: 'Action.OpenUrl', url: source.url } })
            : run(source.title, { isSubtle: true }),
        );
        if (source.license) runs.push(run(` (${source.license})`, { isSubtle: true }));
        return [paragraph(runs, { spacing: 'Medium', separator: true })];
      }),
    );
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
