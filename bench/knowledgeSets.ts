/**
 * The knowledge bases the benchmark runs against: the built-in articles, built-in + the real support
 * articles of ../shared/corpus, the knowledge base a team would run (built-in + corpus + the 568 articles
 * of ../shared/corpus-more), and synthetic sets of a given total size grown from the corpus.
 * Each set can also be written to disk as YAML so a fresh process (the server, a memory probe)
 * loads exactly the same articles.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { BUILTIN_KNOWLEDGE, loadKnowledge, type KnowledgeBase, type LoadOptions } from '../src/knowledge/load';
import { importArticle, RAW_ARTICLE_EXTENSIONS } from '../src/knowledge/import';
import type { Article } from '../src/knowledge/types';
import { sharedAbsent, sharedPath } from './sharedDir';
import { generateSynthetic } from './synthetic';

/** Where the real support articles live: corpus/ of the shared folder (sharedDir.ts; absent in a clone elsewhere). */
export const CORPUS_DIR = path.join(sharedPath(), 'corpus');
/** More real support articles (Exchange Online and Server): with the corpus, what a team's knowledge base holds. */
export const CORPUS_MORE_DIR = path.join(sharedPath(), 'corpus-more');
/** Name of the set built-in + corpus + corpus-more in the results. */
export const TEAM_SET = 'team';

/** Loader options that read raw Markdown support articles through the importer. */
export const IMPORTING: LoadOptions = { importer: { extensions: RAW_ARTICLE_EXTENSIONS, importArticle } };

export interface KbSet {
  /** Short stable name used in the results, e.g. `corpus`, `synthetic-10000`. */
  name: string;
  /** For people: what is in it. */
  label: string;
  kb: KnowledgeBase;
  /** Knowledge paths a fresh process loads the same articles from (synthetic sets: complete after `materialize`). */
  paths: string[];
  /** True when `paths` hold raw support articles that need the importer. */
  raw: boolean;
  /** The same articles, all as YAML (filled by `materialize`). */
  yamlPaths?: string[];
  /** Articles beyond the built-in and corpus ones, to be written as YAML by `materialize`. */
  extra: Article[];
}

export interface SetsResult {
  sets: KbSet[];
  /** Why a set is missing or was built differently, for the report. */
  notes: string[];
}

export interface SetOptions {
  /** Where ../shared/corpus-more is. Default `CORPUS_MORE_DIR`. */
  corpusMoreDir?: string;
  /** Build the team set (built-in + corpus + corpus-more). Default true; a child measuring another set skips it. */
  team?: boolean;
}

/**
 * Builds the sets: built-in, + corpus, + corpus-more (the team set), and one synthetic set per requested
 * total size. Without the corpus the synthetic sets grow from the built-in articles, and the report says so;
 * they never grow from corpus-more, so their numbers stay comparable with earlier runs.
 */
export function buildSets(syntheticSizes: readonly number[], corpusDir = CORPUS_DIR, options: SetOptions = {}): SetsResult {
  const corpusMoreDir = options.corpusMoreDir ?? CORPUS_MORE_DIR;
  const notes: string[] = [];
  const builtin = load([BUILTIN_KNOWLEDGE], {}, notes);
  const sets: KbSet[] = [
    { name: 'builtin', label: `built-in (${builtin.articles.length})`, kb: builtin, paths: [BUILTIN_KNOWLEDGE], raw: false, extra: [] },
  ];

  let base = builtin;
  let bases: Article[] = builtin.articles;
  let basePaths = [BUILTIN_KNOWLEDGE];
  if (fs.existsSync(corpusDir)) {
    const withCorpus = load([BUILTIN_KNOWLEDGE, corpusDir], IMPORTING, notes);
    sets.push({
      name: 'corpus',
      label: `built-in + corpus (${withCorpus.articles.length})`,
      kb: withCorpus,
      paths: [BUILTIN_KNOWLEDGE, corpusDir],
      raw: true,
      extra: [],
    });
    base = withCorpus;
    bases = withCorpus.articles.filter((a) => !builtin.byId.has(a.id));
    basePaths = [BUILTIN_KNOWLEDGE, corpusDir];
    if (options.team !== false && fs.existsSync(corpusMoreDir)) {
      const team = load([BUILTIN_KNOWLEDGE, corpusDir, corpusMoreDir], IMPORTING, notes);
      sets.push({
        name: TEAM_SET,
        label: `built-in + corpus + corpus-more (${team.articles.length})`,
        kb: team,
        paths: [BUILTIN_KNOWLEDGE, corpusDir, corpusMoreDir],
        raw: true,
        extra: [],
      });
    } else if (options.team !== false) {
      notes.push(`team set: skipped, ${sharedAbsent(corpusMoreDir)}.`);
    }
  } else {
    notes.push(`corpus: skipped, ${sharedAbsent(corpusDir)}; synthetic sets are grown from the built-in articles instead.`);
  }

  for (const total of syntheticSizes) {
    const extra = generateSynthetic(bases, Math.max(0, total - base.articles.length));
    const articles = [...base.articles, ...extra];
    sets.push({
      name: `synthetic-${total}`,
      label: `synthetic ${total.toLocaleString('en-US')}`,
      kb: { articles, byId: new Map(articles.map((a) => [a.id, a])), problems: [] },
      paths: basePaths,
      raw: basePaths.length > 1,
      extra,
    });
  }
  return { sets, notes };
}

/**
 * Writes the sets' articles that are not in the built-in folder as YAML under `dir` (kept between runs:
 * a folder is rewritten only when its articles changed), adds the synthetic folders to `paths`, and
 * sets `yamlPaths` for every set: the same articles with the corpus as YAML too, for a service that
 * reads YAML only.
 */
export function materialize(sets: KbSet[], dir: string): void {
  const builtinIds = new Set(sets[0].kb.articles.map((a) => a.id));
  const corpus = sets.find((s) => s.name === 'corpus');
  const corpusYaml = path.join(dir, 'corpus');
  if (corpus)
    writeArticles(
      corpusYaml,
      corpus.kb.articles.filter((a) => !builtinIds.has(a.id)),
    );
  // The team set's articles beyond built-in + corpus: those of corpus-more.
  const team = sets.find((s) => s.name === TEAM_SET);
  const corpusMoreYaml = path.join(dir, 'corpus-more');
  if (team && corpus)
    writeArticles(
      corpusMoreYaml,
      team.kb.articles.filter((a) => !corpus.kb.byId.has(a.id)),
    );
  for (const set of sets) {
    const own: string[] = [];
    if (set.extra.length) {
      const target = path.join(dir, set.name);
      writeArticles(target, set.extra);
      own.push(target);
    }
    const raw = set.raw ? [corpusYaml, ...(set.name === TEAM_SET ? [corpusMoreYaml] : [])] : [];
    set.yamlPaths = [BUILTIN_KNOWLEDGE, ...raw, ...own];
    set.paths = [...set.paths, ...own];
  }
}

function writeArticles(target: string, articles: readonly Article[]): void {
  const stamp = path.join(target, '.content-hash');
  const hash = createHash('sha1').update(JSON.stringify(articles)).digest('hex');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash) return;
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  for (const article of articles) fs.writeFileSync(path.join(target, `${article.id}.yaml`), YAML.stringify(article));
  fs.writeFileSync(stamp, hash);
}

/** Number of exact error texts in a knowledge base (what the matcher indexes most). */
export function errorTextCount(kb: KnowledgeBase): number {
  let n = 0;
  for (const a of kb.articles) for (const s of a.symptoms) n += (s.errors.de?.length ?? 0) + (s.errors.en?.length ?? 0);
  return n;
}

/** Loads knowledge; invalid files are skipped (as the service does) and counted in the notes. */
function load(paths: string[], options: LoadOptions, notes: string[]): KnowledgeBase {
  const kb = loadKnowledge(paths, options);
  const errors = kb.problems.filter((p) => p.severity !== 'warning');
  if (errors.length)
    notes.push(`knowledge: ${errors.length} files in ${paths.join(', ')} did not load (first: ${errors[0].file}: ${errors[0].message})`);
  return kb;
}
