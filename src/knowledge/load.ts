import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { TextPool } from './compact';
import { listFiles } from './files';
import { LEXICON_FOLDER, parseLexicon, type LexiconEntry } from './lexicon';
import { checkArticle, formatPath } from './schema';
import { RAW_ARTICLE_EXTENSIONS, YAML_EXTENSIONS } from './sources';
import type { Article, KnowledgeProblem } from './types';

/** The articles that loaded, and what was wrong with the files that did not. */
export interface KnowledgeBase {
  /** Valid articles, in load order (files sorted by path). */
  articles: Article[];
  byId: ReadonlyMap<string, Article>;
  /** One entry per problem; a file with problems contributes no article, the others are unaffected. */
  problems: KnowledgeProblem[];
  /** German↔English pairs from the `lexicon` folders of the knowledge paths, in load order. Default: none. */
  lexicon?: LexiconEntry[];
}

export { BUILTIN_KNOWLEDGE, YAML_EXTENSIONS, formatProblem } from './sources';

/**
 * Turns raw support articles (Markdown, plain text) into articles while loading.
 * Passed in so the loader stays independent of the importers; see src/knowledge/import.
 */
export interface RawImporter {
  extensions: readonly string[];
  importArticle(file: string, text: string): { article: Article | null; problems: KnowledgeProblem[] };
}

export interface LoadOptions {
  /** Importer for raw articles (Markdown, plain text) found among the paths; null reads YAML only. Default: src/knowledge/import. */
  importer?: RawImporter | null;
}

/**
 * The importers (markdown-it and the rules) are loaded with the first raw article: knowledge of YAML files only, the
 * built-in folder's, starts without them.
 */
const DEFAULT_IMPORTER: RawImporter = {
  extensions: RAW_ARTICLE_EXTENSIONS,
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  importArticle: (file, text) => (require('./import') as typeof import('./import')).importArticle(file, text),
};

/**
 * Loads every article file under `paths` (files or folders, read recursively).
 * Never throws for bad content: each bad file is reported in `problems` and skipped.
 */
export function loadKnowledge(paths: string[], options: LoadOptions = {}): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  const articles: Article[] = [];
  const byId = new Map<string, Article>();
  const fileOf = new Map<string, string>();
  const importer = options.importer === undefined ? DEFAULT_IMPORTER : options.importer;
  const readable = [...YAML_EXTENSIONS, ...(importer?.extensions ?? [])];

  const lexicon: LexiconEntry[] = [];
  // The loaded articles are what the service holds: compact, pinning none of the files' text (compact.ts).
  const pool = new TextPool();
  const files = listFiles(paths, readable, (file, message) => problems.push({ file, message: `knowledge: ${message}` }));
  for (const file of files) {
    if (isLexiconFile(file)) {
      const read = readText(file);
      const parsed = read.text === undefined ? { entries: [], problems: read.problems } : parseLexicon(file, read.text);
      lexicon.push(...parsed.entries);
      problems.push(...parsed.problems);
      continue;
    }
    const loaded = readArticle(file, importer);
    problems.push(...loaded.problems);
    if (!loaded.article) continue;
    const article = pool.compact(loaded.article);
    const first = fileOf.get(article.id);
    if (first !== undefined) {
      problems.push({
        file,
        field: 'id',
        line: loaded.idLine,
        message: `knowledge: duplicate article id "${article.id}" in ${first} and ${file}`,
      });
      continue;
    }
    fileOf.set(article.id, file);
    byId.set(article.id, article);
    articles.push(article);
  }
  return { articles, byId, problems, lexicon };
}

/** A YAML file directly inside a folder named `lexicon` is a lexicon file (src/knowledge/lexicon.ts). */
function isLexiconFile(file: string): boolean {
  return path.basename(path.dirname(file)) === LEXICON_FOLDER && YAML_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

interface Loaded {
  article: Article | null;
  problems: KnowledgeProblem[];
  idLine?: number;
}

/** Reads one article file: YAML, or (with an importer) a raw article of one of its extensions. */
function readArticle(file: string, importer: RawImporter | null): Loaded {
  const { text, problems } = readText(file);
  if (text === undefined) return { article: null, problems };
  return importer && !YAML_EXTENSIONS.includes(path.extname(file).toLowerCase())
    ? parseRawArticle(file, text, importer)
    : parseYamlArticle(file, text);
}

function readText(file: string): { text?: string; problems: KnowledgeProblem[] } {
  try {
    return { text: fs.readFileSync(file, 'utf8'), problems: [] };
  } catch (err) {
    return { problems: [{ file, message: `knowledge: cannot read file: ${(err as Error).message}` }] };
  }
}

function parseYamlArticle(file: string, text: string): Loaded {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      article: null,
      problems: doc.errors.map((e) => ({
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        message: `YAML syntax: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const lineOf = (fieldPath: (string | number)[]): number | undefined => {
    // The deepest node that exists on the path: a missing field is reported where its parent starts.
    for (let n = fieldPath.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(fieldPath.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const checked = checkArticle(doc.toJS());
  if (!checked.article) {
    return {
      article: null,
      problems: checked.problems.map((p) => ({ file, line: lineOf(p.path), field: formatPath(p.path) || undefined, message: p.message })),
    };
  }
  return { article: checked.article, problems: [], idLine: lineOf(['id']) };
}

/**
 * A raw article the importer can't turn into a valid one is skipped with warnings that say why: it is
 * someone else's text, not a file of ours to fix, and must never block the articles around it.
 */
function parseRawArticle(file: string, text: string, importer: RawImporter): Loaded {
  const imported = importer.importArticle(file, text);
  const notes = imported.problems.map((p) => ({ ...p, severity: 'warning' as const }));
  if (!imported.article) return { article: null, problems: notes.map(skipped) };
  // Imported articles go through the same schema as hand-written ones, so nothing unchecked reaches users.
  const checked = checkArticle(imported.article);
  if (!checked.article) {
    const reasons = checked.problems.map((p) => skipped({ file, field: formatPath(p.path) || undefined, message: p.message }));
    return { article: null, problems: [...notes, ...reasons] };
  }
  return { article: checked.article, problems: notes };
}

/** How the warnings about a raw article that was not loaded begin. */
export const ARTICLE_SKIPPED = 'import: article skipped';

function skipped(p: KnowledgeProblem): KnowledgeProblem {
  return { ...p, message: `${ARTICLE_SKIPPED}: ${p.message.replace(/^import: /, '')}`, severity: 'warning', skipped: true };
}
