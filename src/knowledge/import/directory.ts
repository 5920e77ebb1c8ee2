/**
 * `kb import SRC... --out DIR`: imports raw articles (files, or folders searched
 * recursively) and writes one `<DIR>/<id>.yaml` per article for a person to curate.
 */
import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from '../files';
import type { KnowledgeProblem } from '../types';
import { articleToYaml } from '../write';
import { RAW_ARTICLE_EXTENSIONS, importArticle } from './index';

export interface ImportToDirectoryResult {
  /** Paths of the YAML files written, in the order of the sources. */
  written: string[];
  /** Warnings for imported articles and the reasons for the files that gave none. */
  problems: KnowledgeProblem[];
}

/**
 * Imports every raw article under `sources` into `outDir` (created when missing).
 * Never throws for bad input: unreadable sources, files without an article and id
 * clashes are reported in `problems`; an existing file is only replaced by the article
 * of the same id.
 */
export function importToDirectory(sources: string[], outDir: string): ImportToDirectoryResult {
  const written: string[] = [];
  const problems: KnowledgeProblem[] = [];
  const fromFile = new Map<string, string>();
  try {
    fs.mkdirSync(outDir, { recursive: true });
  } catch (error) {
    problems.push({ file: outDir, message: `import: cannot create the output folder (${(error as Error).message})` });
    return { written, problems };
  }
  const files = listFiles(sources, RAW_ARTICLE_EXTENSIONS, (file, message) => problems.push({ file, message: `import: ${message}` }));
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({ file, message: `import: cannot read the file (${(error as Error).message})` });
      continue;
    }
    const { article, problems: found } = importArticle(file, text);
    problems.push(...found);
    if (!article) continue;
    const earlier = fromFile.get(article.id);
    if (earlier !== undefined) {
      problems.push({
        file,
        field: 'id',
        message: `import: duplicate article id "${article.id}" in ${earlier} and ${file}; the second was not written`,
      });
      continue;
    }
    fromFile.set(article.id, file);
    const target = path.join(outDir, `${article.id}.yaml`);
    try {
      fs.writeFileSync(target, articleToYaml(article), 'utf8');
      written.push(target);
    } catch (error) {
      problems.push({ file: target, message: `import: cannot write the article (${(error as Error).message})` });
    }
  }
  return { written, problems };
}
