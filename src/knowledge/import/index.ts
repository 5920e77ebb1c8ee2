/**
 * Importing articles people already have: Markdown support articles (Microsoft's public
 * support-docs shape) and plain text copied from a web page, German or English.
 * `importArticle` never throws; what it could not use is reported in `problems`.
 */
import * as path from 'node:path';
import { importMarkdown } from './markdown';
import { importPlainText } from './plaintext';
import type { ImportResult } from './result';
import type { Article, Lang, Localized } from '../types';

export type { ImportResult } from './result';

export { RAW_ARTICLE_EXTENSIONS } from '../sources';

/** Share of control characters above which a file is taken for binary data, not an article. */
const MAX_CONTROL_SHARE = 0.02;

/**
 * Imports one article. `file` names it (its base name without extension is the article
 * id) and picks the importer together with the text: Markdown for `.md`/`.markdown` or
 * text with front matter or `#` headings, plain text otherwise.
 */
export function importArticle(file: string, text: string): ImportResult {
  try {
    return importUnchecked(file, typeof text === 'string' ? text : String(text ?? ''));
  } catch (error) {
    // The importers are written not to throw; this is the last line of defence for the promise.
    return { article: null, problems: [{ file, message: `import: could not import (${(error as Error).message})` }] };
  }
}

function importUnchecked(file: string, text: string): ImportResult {
  if (/^readme$/i.test(path.basename(file, path.extname(file)))) {
    return { article: null, problems: [{ file, message: 'import: a README describes its folder, it is not an article; skipped' }] };
  }
  if (!text.trim()) return { article: null, problems: [{ file, message: 'import: the file is empty' }] };
  const controls = (text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  if (controls / text.length > MAX_CONTROL_SHARE) {
    return { article: null, problems: [{ file, message: 'import: the file holds binary data, not article text' }] };
  }
  const extension = path.extname(file).toLowerCase();
  const markdown =
    extension === '.md' ||
    extension === '.markdown' ||
    /^\uFEFF?---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.test(text) ||
    (extension !== '.txt' && /^#{1,3} \S/m.test(text));
  const id = articleId(file);
  const result = markdown ? importMarkdown(file, text, id) : importPlainText(file, text, id);
  if (result.article) result.article = complete(result.article);
  if (result.article && id !== path.basename(file, path.extname(file))) {
    result.problems.unshift({ file, field: 'id', message: `import: file name is not kebab-case; the article id is "${id}"` });
  }
  return result;
}

/**
 * Fills what the knowledge schema requires and thin input can leave empty: every text
 * of the article's language (title, cause, descriptions, steps) is non-empty, at least
 * one symptom and one step exist.
 */
function complete(article: Article): Article {
  const lang: Lang = article.languages[0] ?? 'en';
  const filled = (text: Localized, fallback: string): Localized => (text[lang]?.trim() ? text : { ...text, [lang]: fallback });
  const title = filled(article.title, article.id);
  const titleText = title[lang]!;
  const symptoms = article.symptoms.length > 0 ? article.symptoms : [{ id: 'symptom', description: {}, errors: {} }];
  const steps = article.steps.length > 0 ? article.steps : [{ text: {} }];
  return {
    ...article,
    title,
    cause: filled(article.cause, titleText),
    symptoms: symptoms.map((s) => ({ ...s, description: filled(s.description, titleText) })),
    steps: steps.map((s) => ({ ...s, text: filled(s.text, NO_STEP_TEXT[lang]) })),
  };
}

const NO_STEP_TEXT: Record<Lang, string> = {
  en: 'The source article describes no fix. Read the cause above and the source article.',
  de: 'Der Quellartikel beschreibt keine Lösung. Lesen Sie die Ursache oben und den Quellartikel.',
};

/**
 * The article id of a file: its name without extension, as it is when it is kebab-case
 * already (Microsoft's article names are), else lower-cased with other characters as hyphens.
 */
export function articleId(file: string): string {
  const name = path.basename(file, path.extname(file));
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name)) return name;
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|(?<!-)-+$/g, '') || 'article'
  );
}
