/**
 * What the knowledge sources are — the built-in folder, the file endings read, how a problem with a file is
 * written — without the code that reads them. A start from a compiled index needs only this much; the loader
 * (load.ts: the YAML parser, the Markdown importer, the schemas) is loaded when sources are actually read.
 */
import path from 'node:path';
import type { KnowledgeProblem } from './types';

/** Absolute path of the built-in knowledge folder shipped with PasteFix. */
export const BUILTIN_KNOWLEDGE = path.resolve(__dirname, '../../../knowledge');

/** File endings read as article YAML. */
export const YAML_EXTENSIONS = ['.yaml', '.yml'];

/** File extensions the loader treats as raw articles to import (everything else in a `--kb` folder is YAML or ignored). */
export const RAW_ARTICLE_EXTENSIONS = ['.md', '.markdown', '.txt'];

/** A folder of this name inside a knowledge path holds lexicon files, not articles (lexicon.ts). */
export const LEXICON_FOLDER = 'lexicon';

/** Marks a slot in a lexicon phrase: any few words (a name, a server) carried over to the other side as they are. */
export const SLOT = '{}';

/** `file:line: field: message` — one line a person can act on. */
export function formatProblem(p: KnowledgeProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  return p.field ? `${where}: ${p.field}: ${p.message}` : `${where}: ${p.message}`;
}
