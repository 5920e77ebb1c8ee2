import type { LexiconEntry } from '../knowledge/lexicon';
import { contentTerms } from './signals';

/**
 * English synonyms for descriptions (knowledge/lexicon, `synonyms:`): admins write `EXO`, `hybrid wizard`,
 * `stuck`, the articles `Exchange Online`, `Hybrid Configuration Wizard`, `hangs`. A description whose words find
 * nothing as written is read once more with each name of a group rewritten to the group's first, the articles'
 * own. Only a fallback: where the words as written find an article, they are what the admin meant.
 */
export class Synonyms {
  /** First term of a name → the names starting with it (their terms, longest first) and the terms they stand for. */
  private readonly byFirst = new Map<string, { terms: string[]; canonical: string[] }[]>();

  constructor(groups: readonly LexiconEntry[]) {
    for (const g of groups) {
      if (!g.synonyms) continue;
      const [canonical, ...names] = g.en.map(contentTerms);
      if (!canonical.length) continue;
      for (const terms of names) {
        if (!terms.length) continue;
        const list = this.byFirst.get(terms[0]) ?? [];
        list.push({ terms, canonical });
        list.sort((a, b) => b.terms.length - a.terms.length);
        this.byFirst.set(terms[0], list);
      }
    }
  }

  get size(): number {
    return this.byFirst.size;
  }

  /**
   * `seq` (a paste's content terms, in order) with each synonym rewritten to its group's first name (the longest
   * name at a place wins), and the names rewritten (`found`, as `name → canonical`); `seq` itself when none is there.
   */
  rewrite(seq: readonly string[]): { seq: readonly string[]; found: string[] } {
    let out: string[] | undefined;
    const found: string[] = [];
    for (let i = 0; i < seq.length; i++) {
      const name = this.byFirst.get(seq[i])?.find((n) => n.terms.every((t, k) => seq[i + k] === t));
      if (!name) {
        out?.push(seq[i]);
        continue;
      }
      out ??= seq.slice(0, i);
      out.push(...name.canonical);
      found.push(`${name.terms.join(' ')} → ${name.canonical.join(' ')}`);
      i += name.terms.length - 1;
    }
    return { seq: out ?? seq, found };
  }
}
