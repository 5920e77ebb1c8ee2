import type { Article, KnowledgeProblem } from '../types';

/**
 * What importing one article gives: the article, or null when nothing usable was found.
 * `problems` are warnings when there is an article and the reason when there is none.
 */
export interface ImportResult {
  article: Article | null;
  problems: KnowledgeProblem[];
}
