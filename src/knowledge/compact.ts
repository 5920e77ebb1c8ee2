import type { Article } from './types';

/**
 * Loaded articles held compactly: every text in a string of its own, and a text that several articles share
 * held once.
 *
 * Why: parsers hand out strings cut from the file they read, and V8 keeps such a "sliced" string's whole
 * source alive for as long as the slice lives — every loaded article pinned its file's text. And a knowledge
 * base repeats texts across articles (product names, shells, licences, the descriptions and steps of
 * articles about variants of one problem). At the benchmark's 10,000 articles the loaded articles took 82 MB
 * of heap; in strings of their own 48 MB, shared 24 MB.
 */
export class TextPool {
  private readonly texts = new Map<string, string>();

  /** A copy of `article` (plain data) whose strings are its own, each shared with the articles compacted before it. */
  compact(article: Article): Article {
    // A JSON round trip copies every string out of the source it was cut from, and makes objects no bigger than
    // their fields (a copy built field by field took 5 MB more at 10,000 articles).
    const copy = JSON.parse(JSON.stringify(article)) as Article;
    this.share(copy as unknown as Record<string, unknown>);
    return copy;
  }

  /**
   * `article` itself (plain data whose strings are already its own, e.g. one that came from another thread), its texts
   * shared with the articles before it in place: a copy between threads carries each text once per use.
   */
  adopt(article: Article): Article {
    this.share(article as unknown as Record<string, unknown>);
    return article;
  }

  private share(node: Record<string, unknown>): void {
    for (const key of Object.keys(node)) {
      const value = node[key];
      if (typeof value === 'string') {
        const own = this.texts.get(value);
        if (own === undefined) this.texts.set(value, value);
        else node[key] = own;
      } else if (value !== null && typeof value === 'object') this.share(value as Record<string, unknown>);
    }
  }
}
