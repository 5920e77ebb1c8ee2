/**
 * Building blocks for the Adaptive Cards the bot sends (schema 1.5: the newest version both Teams and
 * Web Chat render). Text that comes from articles or pastes goes into `TextRun`s, which no client reads
 * as Markdown or HTML — so `<account namespace>` stays visible and a paste can't inject links.
 * Only our own fixed texts use `TextBlock`.
 */

export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** Any card element or action, as JSON. */
export type CardJson = { type: string; [key: string]: unknown };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: string;
  body: CardJson[];
  actions?: CardJson[];
  /** Teams: use the whole message width; long commands need it. */
  msteams: { width: 'Full' };
  /** Shown by clients that cannot render this card at all. */
  fallbackText?: string;
}

/** Wraps body and actions into a 1.5 card that uses the full width in Teams. */
export function card(body: CardJson[], actions: CardJson[] = [], fallbackText?: string): AdaptiveCard {
  const result: AdaptiveCard = { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body, msteams: { width: 'Full' } };
  if (actions.length > 0) result.actions = actions;
  if (fallbackText) result.fallbackText = fallbackText;
  return result;
}

/** A bold section heading (fixed texts only). */
export function heading(text: string, size: 'Medium' | 'Large' | 'Default' = 'Default'): CardJson {
  return { type: 'TextBlock', text, weight: 'Bolder', size, wrap: true, spacing: 'Medium' };
}

/** A text run: shown exactly as given, never as Markdown. */
export function run(text: string, style: Record<string, unknown> = {}): CardJson {
  return { type: 'TextRun', text, ...style };
}

/** A paragraph of literal text (article or paste content), made of one or more runs. */
export function paragraph(runs: CardJson[] | string, extra: Record<string, unknown> = {}): CardJson {
  return { type: 'RichTextBlock', inlines: typeof runs === 'string' ? [run(runs)] : runs, ...extra };
}

/** Teams `CodeBlock` languages for the shells commands run in. */
export type CodeLanguage = 'PowerShell' | 'DOS' | 'Bash';

/**
 * A command to copy: Teams shows a `CodeBlock` (highlighted, with a copy button); clients that don't
 * know `CodeBlock` (Web Chat, Outlook) render the fallback, the same command as wrapped monospace text.
 */
export function codeBlock(code: string, language: CodeLanguage): CardJson {
  return {
    type: 'CodeBlock',
    codeSnippet: code,
    language,
    fallback: paragraph([run(code, { fontType: 'Monospace' })], { spacing: 'Small' }),
    spacing: 'Small',
  };
}

/** A button that posts `data` back to the bot as the `value` of a message activity. */
export function submit(title: string, data: Record<string, unknown>, style?: 'positive' | 'destructive'): CardJson {
  const action: CardJson = { type: 'Action.Submit', title, data };
  if (style) action.style = style;
  return action;
}
