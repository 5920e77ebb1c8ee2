/**
 * One answer, resolved to a single language and ready to render: the card (cards/answer.ts) and the
 * Markdown text for channels without cards (cards/answerMarkdown.ts) both render this, so they can't drift.
 */
import { pick } from '../knowledge/localize';
import type { Article, Lang, Shell } from '../knowledge/types';
import type { CodeLanguage } from './cards/elements';
import { sourceFor, type FoundValue, type ValueKind } from '../diagnosis/fill';

/** A placeholder value shown by this paste, or by an earlier one in the conversation. */
export type KnownValue = FoundValue & { origin: 'paste' | 'conversation' };

export interface CommandView {
  shell: Shell;
  language: CodeLanguage;
  code: string;
  /** Each placeholder, with the value filled in when the paste or conversation showed it (then `code` holds it). */
  placeholders: { name: string; description: string; value?: string; from?: string; origin?: KnownValue['origin'] }[];
}

export interface AnswerView {
  articleId: string;
  symptomId: string | null;
  /** Number of this answer in the conversation, carried by its feedback buttons. */
  answerId?: number;
  /** Language the fixed texts are in (the reply language). */
  lang: Lang;
  /** True when the article itself is not available in `lang` and is shown in the other language. */
  otherLanguage: boolean;
  title: string;
  /** Description of the symptom that matched, when one did. */
  symptom?: string;
  /** The line of the paste that was recognised. */
  evidence?: string;
  /** Size of the paste in KB when it was cut before matching. */
  truncatedKb?: number;
  cause: string;
  affects: string[];
  steps: { text: string; commands: CommandView[] }[];
  references: { title: string; url: string }[];
  /** Other articles that hold the very same error (`show <id>` opens them). */
  alsoIn: { id: string; title: string }[];
  source?: { title: string; url?: string; license?: string };
}

export interface AnswerContext {
  symptomId?: string | null;
  evidence?: string;
  truncatedKb?: number;
  /** Other articles with the same error, in the order the matcher listed them. Default: none. */
  alsoIn?: Article[];
  /** Placeholder values the paste or the conversation showed. Default: none, placeholders stay as written. */
  values?: ReadonlyMap<ValueKind, KnownValue>;
}

const CODE_LANGUAGE: Record<Shell, CodeLanguage> = {
  'exchange-management-shell': 'PowerShell',
  powershell: 'PowerShell',
  'exchange-online-powershell': 'PowerShell',
  cmd: 'DOS',
  bash: 'Bash',
};

/** Resolves every text of `article` to `lang` (falling back to the article's other language). */
export function buildAnswerView(article: Article, lang: Lang, context: AnswerContext = {}): AnswerView {
  const text = (t: Parameters<typeof pick>[0]) => pick(t, lang).text;
  const symptom = context.symptomId ? article.symptoms.find((s) => s.id === context.symptomId) : undefined;
  return {
    articleId: article.id,
    symptomId: symptom?.id ?? null,
    lang,
    otherLanguage: !article.languages.includes(lang),
    title: text(article.title),
    symptom: symptom ? text(symptom.description) : undefined,
    evidence: context.evidence?.trim() || undefined,
    truncatedKb: context.truncatedKb,
    cause: text(article.cause),
    affects: article.affects.map(text),
    steps: article.steps.map((step) => ({
      text: text(step.text),
      commands: (step.commands ?? []).map((c) => {
        const placeholders = (c.placeholders ?? []).map((p) => {
          const source = sourceFor(p.name);
          const known = source && context.values?.get(source.kind);
          return {
            name: p.name,
            description: text(p.description),
            ...(known ? { value: known.value, from: known.from, origin: known.origin } : {}),
          };
        });
        // Values are checked domain or server names (src/diagnosis/fill.ts), so they can't break the command.
        const code = placeholders.reduce((filled, p) => (p.value ? filled.split(`<${p.name}>`).join(p.value) : filled), c.code);
        return { shell: c.shell, language: CODE_LANGUAGE[c.shell], code, placeholders };
      }),
    })),
    references: article.references.map((r) => ({ title: text(r.title), url: r.url })),
    alsoIn: (context.alsoIn ?? []).map((a) => ({ id: a.id, title: text(a.title) })),
    source: article.source,
  };
}

/** The first sentence of a text (for one-line summaries). */
export function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim());
  return (match ? match[0] : text.trim()).replace(/\s+/g, ' ');
}
