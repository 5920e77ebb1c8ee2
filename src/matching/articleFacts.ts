/**
 * What the matcher reads of each article and error text the first time a paste needs it, and keeps: its scenario, the
 * programs it names, every word of its text, the status codes it names, an error text's wrapper. Read lazily so a start
 * stays fast (at 10,000 articles most are never asked); one instance per Matcher, so its knowledge base's.
 * Also the matcher's reused scratch arrays for the stages that count articles or error texts once per call.
 */
import type { KnowledgeBase } from '../knowledge/load';
import type { Article } from '../knowledge/types';
import { wrapperWords } from './chains';
import { articlesHolding, proseTerms, titleIsError, type DescriptionIndex } from './descriptions';
import { isWrappedGenericLine } from './genericLines';
import { termsOf } from './normalize';
import { packedSignals } from './packed';
import type { MatchParameters } from './parameters';
import { articleScenario, type ArticleScenario } from './scenario';
import { programNamed } from './foreignProgram';
import type { SignalIndex } from './signals';
import { statusCodesIn, statusRangesIn, statusTerms, type StatusRange } from './statusCodes';

/** An article whose error texts name at least this many status codes is an overview of them (capOtherStatus, codeArticleFirst). */
export const OVERVIEW_CODES = 3;

/** The status codes articles' titles name: per code the articles, and the ranges titles name (`4.7.500-699`). */
export interface TitleCodes {
  exact: Map<string, number[]>;
  ranges: { range: StatusRange; article: number }[];
}

/** Per article, the enhanced status codes its error texts carry, and its error texts that carry one. */
export interface ArticleStatusCodes {
  codes: Set<string>[];
  coded: number[][];
}

/** A stamp per element and the current call's number: an element is counted once per call where its stamp equals `call`. */
export interface Marks {
  stamp: Int32Array;
  call: number;
}

export class ArticleFacts {
  /** Per article, the word its text names programs with (foreignProgram.ts; null: none). */
  private readonly programs = new Map<number, string | null>();
  /** Scenario of each article (scenario.ts). */
  private readonly scenarios = new Map<number, ArticleScenario>();
  /** Per error text asked: its wrapper's words (chains.ts `wrapperWords`), null when it has none. */
  private readonly wrappers = new Map<number, string[] | null>();
  /** Per article asked: every word of its text (title, symptoms, error texts, cause, steps), for `capOtherOuter`. */
  private readonly articleWords = new Map<number, Set<string>>();
  /** Per article asked: its error texts, every language (`errorTextsOf`). */
  private readonly errorTexts = new Map<number, readonly string[]>();
  /** Per article asked: its title is its error message (descriptions.ts `titleIsError`). */
  private readonly errorTitles = new Map<number, boolean>();
  /** Per error text asked: it is a generic line other articles' errors wrap (genericLines.ts). */
  private readonly genericLines = new Map<number, boolean>();
  /** Made the first time a paste holds a status code. */
  private statusCodes?: ArticleStatusCodes;
  /** Per article, the status codes its own text names (title, symptoms, cause, steps) (capOtherStatus). */
  private readonly articleTextCodes = new Map<number, ReadonlySet<string>>();
  /** Made when first needed (titleCodesOf). */
  private titleCodes?: TitleCodes;
  /** Per symptom (`article\u0000symptom`), whether it is a family's symptom (`familySymptom`). */
  private readonly families = new Map<string, boolean>();
  /** Per article, the call of `articlesOver` that counted it last (made on the first paste that asks). */
  private articleSeen: Marks | undefined;
  /** Per error text, the call of `wrappersHeld` (outerCaps.ts) that looked at it last (made on the first paste that asks). */
  private textSeen: Marks | undefined;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly params: MatchParameters,
    private readonly index: SignalIndex,
    private readonly descriptions: DescriptionIndex,
  ) {}

  /** The article's scenario (scenario.ts `articleScenario`). */
  scenarioOf(article: number): ArticleScenario {
    let scenario = this.scenarios.get(article);
    if (!scenario) this.scenarios.set(article, (scenario = articleScenario(this.kb.articles[article])));
    return scenario;
  }

  /** The word the article's text names programs with (foreignProgram.ts `programNamed`), null when none. */
  programNamedOf(article: number): string | null {
    let named = this.programs.get(article);
    if (named === undefined) this.programs.set(article, (named = programNamed(this.kb.articles[article]) ?? null));
    return named;
  }

  /** Error text `id` is a generic line other articles' errors wrap (genericLines.ts). */
  isGenericLine(id: number): boolean {
    let generic = this.genericLines.get(id);
    if (generic === undefined) {
      generic = isWrappedGenericLine(packedSignals(this.index), (e) => this.index.errors[e].article, id);
      this.genericLines.set(id, generic);
    }
    return generic;
  }

  /** Error text `id`'s wrapper (chains.ts `wrapperWords`), null when it has none. */
  wrapperOf(id: number): string[] | null {
    let wrapper = this.wrappers.get(id);
    if (wrapper === undefined) this.wrappers.set(id, (wrapper = wrapperWords(this.index.errors[id].text, 1) ?? null));
    return wrapper;
  }

  /**
   * Every error text of the article, in either language, symptom by symptom: what `describedWhole` leaves out of a
   * description's own words, and part of the article's text (`articleText`).
   */
  errorTextsOf(article: number): readonly string[] {
    let texts = this.errorTexts.get(article);
    if (!texts) {
      texts = this.kb.articles[article].symptoms.flatMap((s) => Object.values(s.errors).flatMap((es) => es ?? []));
      this.errorTexts.set(article, texts);
    }
    return texts;
  }

  /** The article's title is its error message, at `descriptions.errorTitle` (descriptions.ts `titleIsError`). */
  titleIsErrorOf(article: number): boolean {
    let titled = this.errorTitles.get(article);
    if (titled === undefined) {
      titled = titleIsError(this.kb.articles[article].title.en ?? '', this.errorTextsOf(article), this.params.descriptions.errorTitle);
      this.errorTitles.set(article, titled);
    }
    return titled;
  }

  /** Every word of the article's text, as the paste's words are read. */
  wordsOf(article: number): Set<string> {
    let words = this.articleWords.get(article);
    if (!words) {
      words = new Set(termsOf(articleText(this.kb.articles[article], this.errorTextsOf(article), true)));
      this.articleWords.set(article, words);
    }
    return words;
  }

  /** Per article, the enhanced status codes its error texts carry and those texts (capOtherStatus, rowExplained). */
  statusCodesOf(): ArticleStatusCodes {
    if (this.statusCodes) return this.statusCodes;
    const codes: Set<string>[] = [];
    const coded: number[][] = [];
    this.index.errors.forEach((e, id) => {
      const own = statusTerms(e.terms);
      if (own.size) (coded[e.article] ??= []).push(id);
      for (const c of own) (codes[e.article] ??= new Set()).add(c);
    });
    return (this.statusCodes = { codes, coded });
  }

  /** The status codes the article's own text names: its title, symptoms (with their error texts), cause and steps. */
  textCodesOf(article: number): ReadonlySet<string> {
    let codes = this.articleTextCodes.get(article);
    if (!codes) {
      codes = statusCodesIn(articleText(this.kb.articles[article], this.errorTextsOf(article), false));
      this.articleTextCodes.set(article, codes);
    }
    return codes;
  }

  /** The status codes articles' titles name, exactly and as ranges (`4.7.500-699`). */
  titleCodesOf(): TitleCodes {
    if (this.titleCodes) return this.titleCodes;
    const exact = new Map<string, number[]>();
    const ranges: { range: StatusRange; article: number }[] = [];
    this.kb.articles.forEach((a, i) => {
      for (const title of Object.values(a.title)) {
        if (!title) continue;
        for (const c of statusCodesIn(title)) {
          const list = exact.get(c) ?? [];
          if (!list.includes(i)) exact.set(c, [...list, i]);
        }
        for (const range of statusRangesIn(title)) ranges.push({ range, article: i });
      }
    });
    return (this.titleCodes = { exact, ranges });
  }

  /** The article's symptom whose error texts carry the status code (its first symptom when none does), null without symptoms. */
  codeSymptom(article: number, code: string): string | null {
    const { symptoms } = this.kb.articles[article];
    const carrying = symptoms.find((s) => Object.values(s.errors).some((es) => es?.some((e) => statusCodesIn(e).has(code))));
    return (carrying ?? symptoms[0])?.id ?? null;
  }

  /**
   * A symptom that many articles describe (`free/busy`: the symptom of a dozen hybrid, sharing and permission articles): one of
   * its keywords, in either language, stands whole in the titles, symptom keywords or descriptions of at least
   * `keywords.familyArticles` articles. Named alone, without the article's topic phrases, it names the family, not this article.
   */
  familySymptom(article: number, symptom: string): boolean {
    const key = `${article}\u0000${symptom}`;
    let family = this.families.get(key);
    if (family === undefined) {
      const least = this.params.keywords.familyArticles;
      const s = this.kb.articles[article].symptoms.find((x) => x.id === symptom);
      const phrases = s?.keywords ? Object.values(s.keywords).flat() : [];
      family = phrases.some((ph) => articlesHolding(this.descriptions, proseTerms(ph)) >= least);
      this.families.set(key, family);
    }
    return family;
  }

  /** More than `max` articles hold the error texts `ids`. */
  articlesOver(ids: ArrayLike<number>, max: number): boolean {
    if (ids.length <= max) return false;
    const seen = (this.articleSeen ??= { stamp: new Int32Array(this.kb.articles.length), call: 0 });
    const call = ++seen.call;
    let n = 0;
    for (let k = 0; k < ids.length; k++) {
      const article = this.index.errors[ids[k]].article;
      if (seen.stamp[article] === call) continue;
      seen.stamp[article] = call;
      if (++n > max) return true;
    }
    return false;
  }

  /** The stamps of error texts (wrappersHeld's, outerCaps.ts): the matcher's own array, reused by every paste. */
  textMarks(): Marks {
    return (this.textSeen ??= { stamp: new Int32Array(this.index.errors.length), call: 0 });
  }
}

/**
 * An article's own text as one string, every language: title, symptoms' descriptions, its error texts (`errors`:
 * ArticleFacts.errorTextsOf), cause and steps; `whole` adds the keywords, the symptoms' context and the steps' commands.
 * (Read as a set of words or codes: the order of its lines does not matter.)
 */
function articleText(a: Article, errors: readonly string[], whole: boolean): string {
  const texts = [
    ...Object.values(a.title),
    ...a.symptoms.flatMap((s) => Object.values(s.description)),
    ...errors,
    ...Object.values(a.cause),
    ...a.steps.flatMap((st) => Object.values(st.text)),
  ];
  if (whole)
    texts.push(
      ...(a.keywords ? Object.values(a.keywords).flat() : []),
      ...a.symptoms.flatMap((s) => [
        ...(s.keywords ? Object.values(s.keywords).flat() : []),
        ...(s.context ? Object.values(s.context).flat() : []),
      ]),
      ...a.steps.flatMap((st) => (st.commands ?? []).map((c) => c.code)),
    );
  return texts.filter((t): t is string => typeof t === 'string').join('\n');
}
