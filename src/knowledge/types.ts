/**
 * The article model: what PasteFix knows about one problem.
 *
 * Articles are written by people as YAML files in `knowledge/` (see knowledge/README.md)
 * or imported from support articles (src/knowledge/import). Everything downstream —
 * matcher, bot cards, CLI — reads only these types.
 */

/** Languages PasteFix speaks. Every fixed text and our own articles exist in both. */
export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in one or more languages; at least one language is present. */
export type Localized = Partial<Record<Lang, string>>;

/** A product an article applies to, e.g. `Exchange Server` with versions `2010 SP2`, `2016`. */
export interface Product {
  /** Product name as admins know it. */
  name: string;
  /** Versions affected; empty means "all versions". */
  versions: string[];
}

/** One way a problem shows itself. */
export interface Symptom {
  /** Stable id, unique within the article (kebab-case), e.g. `federation-trust`. */
  id: string;
  /** What the admin or user sees, in plain words. */
  description: Localized;
  /**
   * The exact error texts that show this symptom, per language the product prints them in.
   * Copied letter for letter from the product; these are the strongest matching evidence.
   */
  errors: Partial<Record<Lang, string[]>>;
  /** Words people use to describe the symptom when they have no error text (weak evidence). Default: none. */
  keywords?: Partial<Record<Lang, string[]>>;
  /**
   * Phrases that, next to this symptom's keywords, point at this article's cause — like the article's own
   * `keywords`, but for this symptom only (e.g. "Exchange 2010" for a wizard that hangs only there). Default: none.
   */
  context?: Partial<Record<Lang, string[]>>;
}

/** Where a command is typed. */
export const SHELLS = ['exchange-management-shell', 'powershell', 'exchange-online-powershell', 'cmd', 'bash'] as const;
export type Shell = (typeof SHELLS)[number];

/** A value the reader must fill in; written in the command as `<name>`. */
export interface Placeholder {
  /** The name between the angle brackets, e.g. `account namespace` for `<account namespace>`. */
  name: string;
  /** What to put there. */
  description: Localized;
}

/** One command exactly as it is to be run. */
export interface Command {
  /** The shell it runs in. */
  shell: Shell;
  /** The whole command on one logical line, placeholders written as `<name>`. */
  code: string;
  /** Explanations of every `<name>` placeholder in `code`. Default: none. */
  placeholders?: Placeholder[];
}

/** One numbered step of the fix. */
export interface Step {
  /** What to do, in plain words. */
  text: Localized;
  /** Commands for this step, in the order they are run. Default: none. */
  commands?: Command[];
}

/** A link to further reading. */
export interface Reference {
  title: Localized;
  url: string;
}

/** Where an article came from (shown to users under the answer). */
export interface Source {
  /** Human-readable name of the origin, e.g. "PasteFix knowledge base" or the support article's title. */
  title: string;
  /** Link to the origin, when there is one. */
  url?: string;
  /** Licence of the origin text, when it is not our own, e.g. "CC BY 4.0". */
  license?: string;
}

export interface Article {
  /** Unique id (kebab-case); for imported articles the file name without extension. */
  id: string;
  title: Localized;
  /** Languages the article is written in; every Localized field has at least one of them. */
  languages: Lang[];
  products: Product[];
  /**
   * Words that place a paste in this article's topic when no error text is pasted, e.g. "TLS 1.2", "hybrid"
   * (weak evidence; they only count together with a symptom's keywords). Default: none.
   */
  keywords?: Partial<Record<Lang, string[]>>;
  symptoms: Symptom[];
  cause: Localized;
  /** Features that stop working, named plainly, e.g. "Free/busy lookups". */
  affects: Localized[];
  /** The fix, in order. */
  steps: Step[];
  references: Reference[];
  source?: Source;
}

/** A problem found while loading knowledge: which file, where, and what is wrong. */
export interface KnowledgeProblem {
  file: string;
  /** 1-based line of the offending value, when known. */
  line?: number;
  /** Dotted path of the offending field, e.g. `symptoms[2].errors.en`. */
  field?: string;
  message: string;
  /**
   * `warning`: the article still loaded (e.g. an importer noticed something odd), or — with `skipped` —
   * a raw article the importer can't use was left out without blocking the rest. Default: an error.
   */
  severity?: 'warning';
  /** On the warnings of a raw article that was left out. (An error always means its file gave no article.) */
  skipped?: true;
}
