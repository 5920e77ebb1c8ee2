import type { Article, Lang } from '../knowledge/types';
import { HOST_TLDS, isCmdletName, NAMED_OBJECT_WORDS, RECORD_FIELD_IN_TEXT, RECORD_FIELD_SPELLINGS } from '../knowledge/vocabulary';
import { apiCodesIn } from './apiCodes';
import { cleanPaste, termsOf, withoutDirectoryAddresses } from './normalize';
import { DEFAULT_PARAMETERS, type MatchParameters } from './parameters';
import {
  AFTER_SENTENCE,
  emptyPacked,
  FIRST,
  GENERIC,
  NESTED,
  PROPERTY,
  VALUE_END,
  VALUE_START,
  VAR_AFTER,
  VAR_OPENS,
  type PackedSignals,
} from './packed';
import { STOPWORDS } from './stopwords';

/**
 * The searchable evidence of a knowledge base: every error text as a weighted term sequence,
 * and every keyword phrase, built once when the matcher is created.
 */

/**
 * A stretch of an error text between two boundaries: a sentence, or a part introduced by a colon or a
 * quote (`…Detailed information: "The underlying connection was closed: …"` nests three deep).
 */
export interface Unit {
  /** Term range [start, end) in the signal's `terms`. */
  start: number;
  end: number;
  /**
   * An inner message: introduced by a quote, by `-->` (an exception's inner exception), or by a colon after a
   * chain marker (`Error details:`, `…Exception:`). Other colons don't count — in logs they mostly separate a
   * field from its value (`Event ID: 4002`, `Connections limit: 100`).
   */
  nested: boolean;
  /** Follows a sentence end: a paste may well stop before it and go on with its own words. */
  afterSentence: boolean;
  /**
   * The same words stand as a unit in error texts of several articles (`Object reference not set to an
   * instance of an object.`, `Access is denied.`): a family of errors, not one. Set by buildSignals.
   */
  generic: boolean;
}

/** An error text as the parser splits it, before the index gives its terms ids and weights (buildSignals). */
interface ParsedText {
  terms: string[];
  /** Per term: 1, or the frame factor for a term of a stack-trace frame. */
  factor: number[];
  varAfter: boolean[];
  /**
   * Per term: VALUE_START when a kept value (a quoted DN) starts with it, VALUE_END when one ends with it, or both; PROPERTY when
   * it is a property's name before its value; VAR_OPENS when the placeholder after it opens the next part.
   */
  valueMarks: number[];
  units: Unit[];
  detailUnit: number;
  arrows: { unit: number; detailUnit: number }[];
}

/**
 * A parsed error text of one symptom. Several share one parse (the same text in near-duplicate articles): it is held, not
 * copied (at 10,000 articles, copying each parse's fields for every error text cost about a sixth of this index's build).
 */
interface ParsedError {
  parse: ParsedText;
  /** The error text read without its SMTP reply codes (REPLY_CODE), next to it as written: not counted in the words' document frequency. */
  withoutReplyCodes?: true;
  article: number;
  symptom: string;
  lang: Lang;
  text: string;
}

/** What the scorer asks of the words, pairs and triples an error text repeats (gram codes, see gramCode). */
export interface GramSet {
  has(code: number): boolean;
}

/** An error text's repeated gram codes: a view on the index's flat array (a few at most, so a scan finds one). */
class RepeatedGrams implements GramSet {
  constructor(private readonly codes: Float64Array) {}

  has(code: number): boolean {
    return this.codes.includes(code);
  }
}

const NO_REPEATS: GramSet = new RepeatedGrams(new Float64Array(0));

/**
 * One exact error text of one symptom: a position in its index's flat arrays (packed.ts). What the scorer reads of
 * every candidate it scores (its ids and first occurrences as views on the flat arrays, its terms as the index's one
 * string per word) and the unit and arrow objects the caps and explanations read (`units`, `arrows`) are made the first
 * time they are read and then held; the rest is read from the flat arrays each time it is asked for, as views
 * (`weights`, `varAfter`, `repeated`). An index holds tens of thousands of error texts and a paste brings up a few
 * hundred, so a start (a restored index above all: snapshot.ts) makes none of these.
 */
export class ErrorSignal {
  readonly #packed: PackedSignals;
  readonly #at: number;
  #ids?: Int32Array;
  #firsts?: Int32Array;
  #terms?: readonly string[];
  #units?: readonly Readonly<Unit>[];
  #arrows?: readonly { readonly unit: number; readonly detailUnit: number }[];

  constructor(
    packed: PackedSignals,
    /** Its place in `packed` (and in SignalIndex.errors). */
    at: number,
    readonly article: number,
    readonly symptom: string,
    readonly lang: Lang,
    /** The error text as written in the article. */
    readonly text: string,
  ) {
    this.#packed = packed;
    this.#at = at;
  }

  /** Content terms as ids of the index's vocabulary (SignalIndex.vocab), in order: what the scorer's loops compare. */
  get ids(): Int32Array {
    const pk = this.#packed;
    return (this.#ids ??= pk.ids.subarray(pk.termStart[this.#at], pk.termStart[this.#at + 1]));
  }

  /** Positions in `ids` where a term occurs for the first time, in order. */
  get firsts(): Int32Array {
    const pk = this.#packed;
    return (this.#firsts ??= pk.firsts.subarray(pk.firstStart[this.#at], pk.firstStart[this.#at + 1]));
  }

  /** Content terms in order (stop words, placeholders and variable values left out); one string per distinct term in the index. */
  get terms(): readonly string[] {
    if (this.#terms) return this.#terms;
    const { vocab } = this.#packed;
    const ids = this.ids;
    const terms: string[] = [];
    for (let i = 0; i < ids.length; i++) terms.push(vocab[ids[i]]);
    return (this.#terms = terms);
  }

  /** The flat arrays of all error texts of its index. */
  get packed(): PackedSignals {
    return this.#packed;
  }

  /** Weight of each entry of `terms`. */
  get weights(): Float64Array {
    const { weights, termStart } = this.#packed;
    return weights.subarray(termStart[this.#at], termStart[this.#at + 1]);
  }

  /** 1 where a placeholder or variable value (`<ServerName>`, `'contoso.com'`) follows term i in the article, else 0. */
  get varAfter(): Uint8Array {
    const { varAfter, termStart } = this.#packed;
    return varAfter.subarray(termStart[this.#at], termStart[this.#at + 1]);
  }

  /** Its units in order, made on the first read and held (a reader may read them as often as it likes). */
  get units(): readonly Readonly<Unit>[] {
    if (this.#units) return this.#units;
    const pk = this.#packed;
    const out: Unit[] = [];
    for (let u = pk.unitStart[this.#at]; u < pk.unitStart[this.#at + 1]; u++) {
      const f = pk.unitFlags[u];
      out.push({
        start: pk.unitFrom[u],
        end: pk.unitTo[u],
        nested: (f & NESTED) !== 0,
        afterSentence: (f & AFTER_SENTENCE) !== 0,
        generic: (f & GENERIC) !== 0,
      });
    }
    return (this.#units = out);
  }

  /** Index of the first unit of the innermost detail: the part that tells near-duplicates apart (0: no nesting). */
  get detailUnit(): number {
    return this.#packed.detailUnit[this.#at];
  }

  /**
   * Where `-->` chains go on (`Outer message. --> Inner message.`), first first: per arrow, the unit it opens and
   * the detail unit of the text cut there. The outer message of such a chain is a whole error on its own (tools
   * print it alone), so a paste that stops before an arrow is scored against the text up to it (score.ts).
   */
  get arrows(): readonly { readonly unit: number; readonly detailUnit: number }[] {
    if (this.#arrows) return this.#arrows;
    const { arrows, arrowStart } = this.#packed;
    const out: { unit: number; detailUnit: number }[] = [];
    for (let k = arrowStart[this.#at]; k < arrowStart[this.#at + 1]; k += 2) out.push({ unit: arrows[k], detailUnit: arrows[k + 1] });
    return (this.#arrows = out);
  }

  /** Sum of the weights of the distinct terms: what a paste covering all of them holds. */
  get information(): number {
    return this.#packed.information[this.#at];
  }

  /** The detail's terms joined: articles whose best errors share it hold the same error. */
  get detailKey(): string {
    const pk = this.#packed;
    const u = pk.unitStart[this.#at];
    return u === pk.unitStart[this.#at + 1] ? '' : this.terms.slice(pk.unitFrom[u + this.detailUnit]).join(' ');
  }

  /** Average weight of its distinct terms: what counts as a common word within this error. */
  get meanWeight(): number {
    return this.#packed.meanWeight[this.#at];
  }

  /** Words, word pairs and triples that occur more than once in the error text, as gram codes (gramCode). */
  get repeated(): GramSet {
    const { repeated, repeatedStart } = this.#packed;
    const from = repeatedStart[this.#at];
    const to = repeatedStart[this.#at + 1];
    return from === to ? NO_REPEATS : new RepeatedGrams(repeated.subarray(from, to));
  }
}

/**
 * The distinct words of all error texts, each with an integer id: the scorer compares ids, not strings, and a
 * word pair or triple is one number (gramCode), not a joined string.
 */
export interface Vocabulary {
  /** term → id. */
  ids: Map<string, number>;
  /** id → term. */
  terms: string[];
}

/**
 * One number for a word (a), a word pair (a b) or a triple (a b c) of vocabulary ids, distinct across the three
 * kinds: a, then size + a·size + b, then size + size² + (a·size + b)·size + c. Exact in a double while
 * size³ < 2⁵³, i.e. up to MAX_VOCABULARY words.
 */
export function gramCode(size: number, a: number, b = -1, c = -1): number {
  if (b < 0) return a;
  if (c < 0) return size + a * size + b;
  return size + size * size + (a * size + b) * size + c;
}

/** The largest vocabulary whose gram codes stay exact (see gramCode). */
export const MAX_VOCABULARY = 200_000;

/** A keyword phrase: either a symptom's (symptom set) or the article's topic (symptom null). */
export interface KeywordPhrase {
  article: number;
  symptom: string | null;
  terms: string[];
  /** A topic phrase (article `keywords`, or a symptom's `context`): raises a symptom found by its own keywords. */
  topic: boolean;
}

export interface SignalIndex {
  errors: ErrorSignal[];
  /** The flat arrays the error texts are positions in (the same object as every ErrorSignal's `packed`). */
  packed: PackedSignals;
  /** The words of all error texts; the arrays below are indexed by their ids. */
  vocab: Vocabulary;
  /** Per term id: ids of the error signals containing it, ascending. */
  postings: Int32Array[];
  /** Per term id: weight (inverse document frequency over error signals, with evidence boosts). */
  weight: Float64Array;
  /** first term → keyword phrases starting with it. */
  phrases: Map<string, KeywordPhrase[]>;
  /** Weight of a word found in one error text only: the unit in which evidence is measured. */
  uniqueWeight: number;
  /** The API error codes the error texts give after a code label (apiCodes.ts), as terms of `vocab`. */
  apiCodes: ReadonlySet<string>;
}

/**
 * HCW codes, exception names, error result codes (HRESULT, NTSTATUS and exception codes have the high bit
 * set: 0x8…, 0xC…, 0xE…; other hex values are time stamps and addresses) and sign-in error codes name one
 * problem: strong evidence.
 */
const STRONG = /^(hcw\d{3,5}|0x[89a-f][0-9a-f]{7}|aadsts\d{4,}|\w+exception)$/;

/** True for terms that name one problem on their own. */
export function isStrongTerm(term: string): boolean {
  return STRONG.test(term);
}

/**
 * An error code (HCW, result and sign-in codes): how one tool labels one error. An exception class name is not one —
 * it names a family (`MigrationPermanentException: …` wraps many messages).
 */
const CODE = /^(hcw\d{3,5}|0x[89a-f][0-9a-f]{7}|aadsts\d{4,})$/;

/** True for an error code term (`hcw8083`, `0x80040155`, `aadsts50011`). */
export function isCodeTerm(term: string): boolean {
  return CODE.test(term);
}

export function contentTerms(text: string): string[] {
  return termsOf(text).filter((t) => !STOPWORDS.has(t));
}

/** The index of a knowledge base; `p`: how error texts are weighed (`MatchParameters.index`). */
export function buildSignals(articles: readonly Article[], p: MatchParameters['index'] = DEFAULT_PARAMETERS.index): SignalIndex {
  const parsed: ParsedError[] = [];
  // Near-duplicate articles repeat error texts and most words: each distinct text is parsed, each word read, once.
  const parses = new Map<string, ParsedText>();
  const word = wordReader();
  const phrases = new Map<string, KeywordPhrase[]>();
  const addPhrase = (p: KeywordPhrase) => {
    if (!p.terms.length) return;
    const list = phrases.get(p.terms[0]) ?? [];
    list.push(p);
    phrases.set(p.terms[0], list);
  };
  const addPhrases = (article: number, symptom: string | null, topic: boolean, words: Partial<Record<Lang, string[]>> | undefined) => {
    for (const phrase of [...(words?.de ?? []), ...(words?.en ?? [])]) {
      const terms = contentTerms(phrase);
      addPhrase({ article, symptom, terms, topic });
      // "free/busy" is also written "freebusy": the joined spelling counts too.
      if (terms.length > 1) addPhrase({ article, symptom, terms: [terms.join('')], topic });
    }
  };

  articles.forEach((a, ai) => {
    addPhrases(ai, null, true, a.keywords);
    for (const s of a.symptoms) {
      addPhrases(ai, s.id, false, s.keywords);
      addPhrases(ai, s.id, true, s.context);
      for (const lang of ['de', 'en'] as const) {
        for (const text of s.errors[lang] ?? []) {
          let e = parses.get(text);
          if (e === undefined) parses.set(text, (e = parseError(text, p, word)));
          if (e.terms.length) parsed.push({ parse: e, article: ai, symptom: s.id, lang, text });
          if (!HAS_REPLY_CODE.test(text)) continue;
          const key = `\u0002${text}`;
          let short = parses.get(key);
          if (short === undefined) parses.set(key, (short = parseError(text, p, word, true)));
          // A text that is only its codes (an NDR article's `550 5.1.10` from its title) has no message to find
          // without the reply code: a one-word twin would compete with whole error texts on a status code alone.
          if (short.terms.length > 1) parsed.push({ parse: short, withoutReplyCodes: true, article: ai, symptom: s.id, lang, text });
        }
      }
    }
  });

  // The flat arrays are sized once and filled in place (packed.ts): no arrays of each error text's own.
  const n = parsed.length;
  let termCount = 0;
  let unitCount = 0;
  let arrowCount = 0;
  for (const { parse: e } of parsed) {
    termCount += e.terms.length;
    unitCount += e.units.length;
    arrowCount += 2 * e.arrows.length;
  }
  const vocab: Vocabulary = { ids: new Map(), terms: [] };
  const pk: PackedSignals = {
    ...emptyPacked(vocab.terms),
    termStart: new Int32Array(n + 1),
    ids: new Int32Array(termCount),
    weights: new Float64Array(termCount),
    flags: new Uint8Array(termCount),
    varAfter: new Uint8Array(termCount),
    firstStart: new Int32Array(n + 1),
    unitStart: new Int32Array(n + 1),
    unitFrom: new Int32Array(unitCount),
    unitTo: new Int32Array(unitCount),
    unitFlags: new Uint8Array(unitCount),
    detailUnit: new Int32Array(n),
    information: new Float64Array(n),
    meanWeight: new Float64Array(n),
    hasArrows: new Uint8Array(n),
    arrowStart: new Int32Array(n + 1),
    arrows: new Int32Array(arrowCount),
    repeatedStart: new Int32Array(n + 1),
  };

  // Intern every term: one string per distinct word, and its id; the units and arrows as they were parsed.
  let t = 0;
  let u = 0;
  let a = 0;
  parsed.forEach(({ parse: e }, i) => {
    pk.termStart[i] = t;
    e.terms.forEach((term, k) => {
      let id = vocab.ids.get(term);
      if (id === undefined) {
        id = vocab.terms.push(term) - 1;
        vocab.ids.set(term, id);
      }
      pk.ids[t] = id;
      if (e.varAfter[k]) {
        pk.flags[t] = VAR_AFTER;
        pk.varAfter[t] = 1;
      }
      pk.flags[t] |= e.valueMarks[k];
      t++;
    });
    pk.unitStart[i] = u;
    for (const unit of e.units) {
      pk.unitFrom[u] = unit.start;
      pk.unitTo[u] = unit.end;
      pk.unitFlags[u] = (unit.nested ? NESTED : 0) | (unit.afterSentence ? AFTER_SENTENCE : 0);
      u++;
    }
    pk.detailUnit[i] = e.detailUnit;
    pk.hasArrows[i] = e.arrows.length ? 1 : 0;
    pk.arrowStart[i] = a;
    for (const arrow of e.arrows) {
      pk.arrows[a++] = arrow.unit;
      pk.arrows[a++] = arrow.detailUnit;
    }
  });
  pk.termStart[n] = t;
  pk.unitStart[n] = u;
  pk.arrowStart[n] = a;
  const size = vocab.terms.length;
  if (size > MAX_VOCABULARY) throw new Error(`matching: ${size} distinct error words, more than the ${MAX_VOCABULARY} the index can hold`);

  const df = new Int32Array(size);
  // Per term id, the error texts holding it, short forms included: the length of its postings.
  const held = new Int32Array(size);
  const seen = new Int32Array(size).fill(-1);
  let shortForms = 0;
  for (let i = 0; i < n; i++) {
    // An error text read without its reply codes holds the text's words again: counting them twice would make them look common.
    const short = parsed[i].withoutReplyCodes;
    if (short) shortForms++;
    for (let k = pk.termStart[i]; k < pk.termStart[i + 1]; k++) {
      const id = pk.ids[k];
      if (seen[id] === i) continue;
      seen[id] = i;
      held[id]++;
      if (!short) df[id]++;
    }
  }
  const docs = n - shortForms + 1;
  const weight = new Float64Array(size);
  for (let id = 0; id < size; id++) weight[id] = Math.log(1 + docs / df[id]) * (STRONG.test(vocab.terms[id]) ? p.strongBoost : 1);

  // Units whose words stand as a unit in error texts of several articles are generic (see Unit.generic).
  // Articles are read in order, so an error text's article is never below the one before: counting the articles
  // of a unit's words needs only the last one counted. Each distinct parse's units are keyed once.
  const unitIds = new Map<string, number>();
  const unitKeys = new Map<ParsedText['units'], Int32Array>();
  const keysOf = ({ parse: e }: ParsedError) => {
    let keys = unitKeys.get(e.units);
    if (keys === undefined) {
      keys = Int32Array.from(e.units, (unit) => {
        const key = e.terms.slice(unit.start, unit.end).join(' ');
        let id = unitIds.get(key);
        if (id === undefined) unitIds.set(key, (id = unitIds.size));
        return id;
      });
      unitKeys.set(e.units, keys);
    }
    return keys;
  };
  const holders: number[] = [];
  const lastHolder: number[] = [];
  for (const e of parsed) {
    for (const key of keysOf(e)) {
      if (lastHolder[key] === e.article) continue;
      lastHolder[key] = e.article;
      holders[key] = (holders[key] ?? 0) + 1;
    }
  }
  u = 0;
  for (const e of parsed) {
    for (const key of keysOf(e)) {
      if (holders[key] >= p.genericArticles) pk.unitFlags[u] |= GENERIC;
      u++;
    }
  }

  // Postings: per term id, the error texts holding it (df of them), as views on one array.
  const postingStart = new Int32Array(size + 1);
  for (let id = 0; id < size; id++) postingStart[id + 1] = postingStart[id] + held[id];
  const allPostings = new Int32Array(postingStart[size]);
  const filled = postingStart.slice(0, size);
  // Per distinct term its highest weight in the error text (best, valid where seen[id] === i), in order of first occurrence.
  const best = new Float64Array(size);
  seen.fill(-1);
  const firsts: number[] = [];
  const repeated: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = pk.termStart[i];
    const t1 = pk.termStart[i + 1];
    pk.firstStart[i] = firsts.length;
    for (let k = t0; k < t1; k++) {
      const id = pk.ids[k];
      const w = weight[id] * parsed[i].parse.factor[k - t0];
      pk.weights[k] = w;
      if (seen[id] !== i) {
        seen[id] = i;
        best[id] = w;
        firsts.push(k - t0);
        pk.flags[k] |= FIRST;
      } else best[id] = Math.max(best[id], w);
    }
    let information = 0;
    for (let f = pk.firstStart[i]; f < firsts.length; f++) {
      const id = pk.ids[t0 + firsts[f]];
      information += best[id];
      allPostings[filled[id]++] = i;
    }
    pk.information[i] = information;
    pk.meanWeight[i] = information / (firsts.length - pk.firstStart[i]);
    pk.repeatedStart[i] = repeated.length;
    // A pair or triple can only repeat where a word does.
    if (firsts.length - pk.firstStart[i] < t1 - t0) repeated.push(...repeatedGrams(pk.ids.subarray(t0, t1), size));
  }
  pk.firstStart[n] = firsts.length;
  pk.repeatedStart[n] = repeated.length;
  pk.firsts = Int32Array.from(firsts);
  pk.repeated = Float64Array.from(repeated);

  const errors = parsed.map((e, i) => new ErrorSignal(pk, i, e.article, e.symptom, e.lang, e.text));
  const postings = Array.from({ length: size }, (_, id) => allPostings.subarray(postingStart[id], postingStart[id + 1]));
  const apiCodes = apiCodesIn(
    parsed.map((e) => e.text),
    vocab.ids,
  );
  return { errors, packed: pk, vocab, postings, weight, phrases, uniqueWeight: Math.log(1 + docs), apiCodes };
}

/** Marks a placeholder or variable value in an article's error text; the tokenizer skips it. */
const VAR = '\u0001';
const PLACEHOLDER = /<[^<>\n]{1,60}>|\{\d+\}|\bx{4,}(?:-x{4,})*\b|"<[^"\n]*>"/gi;
/**
 * A placeholder with a top-level domain after it (`<server name>.local`, `<domain>.com`: vocabulary.ts HOST_TLDS) is a host
 * name: one value, as a host name in a paste is (`EX02.local` is dropped whole). A longer domain after one
 * (`<domain>.mail.onmicrosoft.com`) is a host name that clean-up drops anyway; a word that is no domain stays.
 */
const PLACEHOLDER_HOST = /<[^<>\n]{1,60}>\.([A-Za-z]{2,12})(?![\w-]|\.[\w])/g;
/** A value written as its shape, capitals then x's (`ASxxx` in `451 4.7.500 (ASxxx)`: any `AS843`): a placeholder too. */
const SHAPE_PLACEHOLDER = /\b[A-Z]{1,4}x{2,}\b/g;
/**
 * An SMTP reply code right before an enhanced status code of its class (`535` in `535 5.7.3`, `550-5.7.1`): the
 * enhanced code says which failure it is, and clients, logs and bounce texts print it with or without the reply
 * code (`5.7.3 Authentication unsuccessful`). Such an error text is indexed twice: as written, and with the reply code
 * variable (`ParsedError.withoutReplyCodes`), so a paste without it is not missing a word and one with it still finds it all.
 */
const REPLY_CODE = /\b([245])\d\d[ -](?=\1\.[0-7]\.\d{1,3}\b)/g;
const HAS_REPLY_CODE = /\b([245])\d\d[ -](?=\1\.[0-7]\.\d{1,3}\b)/;
const NOTHING = /(?!)/g;
/**
 * A value in single quotes ('contoso.com', 'Pat Kim', 'EX01') is an example that varies between pastes;
 * a quoted cmdlet name ('Set-FederatedOrganizationIdentifier') is not.
 */
const QUOTED_VALUE = /(?<![\p{L}\p{N}])'([^'\n]{1,60})'(?![\p{L}\p{N}])/gu;
/**
 * A name in double quotes right after the kind of object it names (`for user "room alias"`, `The mailbox "Mailbox1"`,
 * `identity "Mailbox1"`; NAMED_OBJECT_WORDS): the article's example of a name every admin chooses, a value like a
 * single-quoted one. Double quotes also hold messages and a product's own names (`in agent "Provisioning Policy Agent"`,
 * `objects of type "session"`), so only after these words, and only a value that reads as a name (isExampleName).
 */
const NAMED_VALUE = new RegExp(`(?<![\\p{L}\\p{N}])(${NAMED_OBJECT_WORDS.join('|')})[ \\t]+"([^"\\n]{1,60})"(?![\\p{L}\\p{N}])`, 'giu');
/** A value that reads as a name: at most three words, no code (`CamelCase`, `snake_case`, a cmdlet, an exception class). */
function isExampleName(value: string): boolean {
  const name = value.trim();
  return name.split(/\s+/).length <= 3 && !/[a-z][A-Z]|_/.test(name) && !/exception\b/i.test(name) && !isCmdletName(name);
}
/**
 * A quoted LDAP distinguished name ('CN=Inbound from Office 365,CN=SMTP Receive Connectors,…') names one object of one
 * directory: a value. Its words stay (a paste of the same error names the same object), marked as a value
 * (VALUE_START, VALUE_END): where a paste quotes another value there, the words after it say how it goes on.
 */
const QUOTED_DN = /(?<![\p{L}\p{N}])'((?:CN|OU|DC)=[^'\n]{1,500})'(?![\p{L}\p{N}])/giu;
/** Marks the start and the end of a value whose words are kept (QUOTED_DN). */
const VALUE_OPEN = '\u0004';
const VALUE_CLOSE = '\u0005';
/** A quoted .NET type name ('System.Runtime.Serialization.TypeLoadExceptionHolder') is the message too. */
const TYPE_NAME = /^[A-Za-z]\w*(?:\.[A-Za-z]\w*){2,}$/;
/**
 * Where a PowerShell error record starts inside a copied error text: the rest is its frame, not the error. A location
 * line (`At line:1 char:1`, `At C:\…\ExchangeOnlineManagement.psm1:733 char:21`, `In Zeile:1 Zeichen:1`) says where the
 * error was thrown — a module's path and version are shared by all of its errors — so no paste matches on it.
 */
const RECORD_TAIL =
  /\s\+\s*CategoryInfo\b|\b(?:At line|In Zeile):\d+ (?:char|Zeichen):\d+|\b(?:At|In) (?:[A-Za-z]:[\\/]|\\\\|\.{0,2}\/)[^\n]*?:\d+ (?:char|Zeichen):\d+/i;
/** Boundaries: a nesting one (colon, quote, arrow) opens an inner message; a sentence end does not. */
const BOUNDARY =
  /(["“”„«»]|:(?=\s|["“”„])|-{1,3}>|[.!?](?=\s|$)|\s(?=(?:Please|Bitte|For more (?:details|information)|Learn more|Weitere Informationen)\b)|\s(?=(?:at|bei) [A-Za-z_]\w*(?:\.[\w`]+){2,}))/;
/** A piece that is advice, not message (BOUNDARY cuts before these words): `For more information, see…`. */
const ADVICE = /^\s*(?:Please|Bitte|For more (?:details|information)|Learn more|Weitere Informationen)\b/;
/** Words with which an error announces its inner message (folded, stop words left out). */
const DETAIL_MARKERS = new Set(
  [
    'detailed information',
    'detaillierte informationen',
    'error details',
    'details',
    'error message',
    'inner exception',
    'fehlerdetails',
    // a Watson crash report (`Watson report about to be sent for process id: …, with parameters: E12, …`): every crash
    // logs that sentence, the parameters (program, module, method, exception) say which crash it is
    'with parameters',
  ].map((m) => contentTerms(m).join(' ')),
);
/**
 * The piece ends with a property's name (`LitigationHoldEnabled`, `DeviceOS`, a Get-* listing's field before its colon): one
 * word written in CamelCase, not a cmdlet's noun (`Get-OrganizationConfig :` starts an error record), an exception or error
 * class (`MapiExceptionCorruptData:` announces a message) nor a dotted type name.
 */
export function propertyName(piece: string): boolean {
  let end = piece.length;
  while (end > 0 && (piece[end - 1] === ' ' || piece[end - 1] === '\t')) end--;
  let from = end;
  while (from > 0 && /[A-Za-z0-9_]/.test(piece[from - 1])) from--;
  if (from === end || (from > 0 && /[-.\p{L}\p{N}]/u.test(piece[from - 1]))) return false;
  const name = piece.slice(from, end);
  return /^[A-Za-z]/.test(name) && /[a-z][A-Z]/.test(name) && !/Exception|Error$/.test(name);
}

/** A term that names an exception class (`system.net.webexception`, `migrationpermanentexception`), not the bare word. */
export function isExceptionClassTerm(term: string): boolean {
  return term.length > 'exception'.length && term.endsWith('exception');
}

/** The unit's words end with a chain marker (`error message`, `details`) or an exception class name. */
function announcesInner(unit: readonly string[]): boolean {
  const last = unit[unit.length - 1] ?? '';
  return DETAIL_MARKERS.has(unit.slice(-2).join(' ')) || DETAIL_MARKERS.has(last) || isExceptionClassTerm(last);
}
/** A stack-trace frame line (`   at Microsoft.Exchange.Task.ThrowError(…)`, German `bei …`). */
export const FRAME_LINE = /^\s*(at|bei)\s+[A-Za-z_]\w*(?:\.[\w`$<>]+){2,}/;

/**
 * Splits an error text into units and terms, each with its frame factor (buildSignals weighs them); `withoutReplyCodes`:
 * the SMTP reply codes before enhanced status codes read as variable (REPLY_CODE).
 */
function parseError(
  text: string,
  p: MatchParameters['index'],
  word: (w: string) => string | undefined,
  withoutReplyCodes = false,
): ParsedText {
  // A directory-path address is one value before its placeholders are (`…_cn=<username>@<server name>.local`).
  const marked = withoutEventFrame(withoutDirectoryAddresses(text.split(RECORD_TAIL)[0]), p.eventFields)
    .replace(/\bhttps?:\/\/\S+/gi, ` ${VAR} `)
    .replace(PLACEHOLDER_HOST, (whole, tld: string) => (HOST_TLDS.has(tld.toLowerCase()) ? ` ${VAR} ` : whole))
    .replace(PLACEHOLDER, ` ${VAR} `)
    .replace(SHAPE_PLACEHOLDER, ` ${VAR} `)
    .replace(withoutReplyCodes ? REPLY_CODE : NOTHING, ` ${VAR} `)
    .replace(NAMED_VALUE, (whole, kind: string, value: string) => (isExampleName(value) ? `${kind} ${VAR} ` : whole))
    .replace(QUOTED_DN, (_, value: string) => ` ${VALUE_OPEN} ${value} ${VALUE_CLOSE} `)
    .replace(QUOTED_VALUE, (whole, value: string) =>
      isCmdletName(value) || (TYPE_NAME.test(value) && /[A-Z]/.test(value)) || value.split(/\s+/).length > 3 ? whole : ` ${VAR} `,
    );
  const body = cleanPaste(marked).join('\n');
  const terms: string[] = [];
  const factor: number[] = [];
  const varAfter: boolean[] = [];
  const valueMarks: number[] = [];
  let valueOpen = false;
  const units: Unit[] = [];
  let nextNested = false;
  let nextAnnounced = false;
  const announcedUnits = new Set<number>();
  let nextAfterSentence = false;
  let nextArrow = false;
  const arrowUnits: number[] = [];
  const frames = new Set<number>();
  // Advice after a message (`For more information, see…`, `Please try again`) is no further sentence of it.
  const advice = new Set<number>();
  // Quotes nest (`Detailed information: "An error occurred… Detailed information: "The underlying…""`): one
  // after a word and before a space or punctuation closes a quote (`The proxy address "X500:…" is already being
  // used`), and what follows it is the text around the quote again — an inner message only while a quote is open.
  let openQuotes = 0;
  let at = 0;
  // The last text piece, and where its terms end (-1: it had none): a property's name before a colon is its last word.
  let lastPiece = '';
  let lastEnd = -1;
  // split() with one capturing group alternates text (even indexes) and the boundary found (odd ones).
  body.split(BOUNDARY).forEach((piece, index) => {
    const from = at;
    at += piece.length;
    if (index % 2 === 1) {
      if (/["“”„«»]/.test(piece)) {
        const closes = openQuotes > 0 && from > 0 && /\S/.test(body[from - 1]) && (at === body.length || /[\s.,;:!?)'"“”»]/.test(body[at]));
        openQuotes += closes ? -1 : 1;
        nextNested = !closes || openQuotes > 0;
      }
      // An error chain: `…failed with the following error message: X`, `Error details: X`, `SomeException: X`,
      // `Outer. --> X`: what follows is the inner message, the one that tells errors apart.
      else if (/^-{2,3}>$/.test(piece)) {
        if (units.length > 0) {
          nextNested = true;
          nextAnnounced = true;
          nextArrow = true;
        }
      } else if (piece === ':' && units.length > 0 && announcesInner(terms.slice(units[units.length - 1].start, terms.length))) {
        nextNested = true;
        nextAnnounced = true;
      } else if (piece === ':' && lastEnd === terms.length && terms.length > 0 && propertyName(lastPiece)) {
        // `LitigationHoldEnabled : False`: the name's value follows (PROPERTY; score.ts reads a paste's value there).
        valueMarks[terms.length - 1] |= PROPERTY;
      }
      // Advice right after an announcement (`…error message: For more information…`) is no new sentence: the
      // announced inner message is empty, and a paste with one there (`…error message: Access is denied.`) goes
      // on differently — the contradiction rule reads it (score.ts).
      nextAfterSentence = /^[.!?\s]$/.test(piece) && !(nextAnnounced && /^\s$/.test(piece));
      return;
    }
    const isFrame = piece.split('\n').every((l) => !l.trim() || FRAME_LINE.test(l));
    const start = terms.length;
    lastPiece = piece;
    for (const w of piece.match(WORD_OR_VAR) ?? []) {
      if (w === VAR) {
        if (terms.length) varAfter[terms.length - 1] = true;
        // Before any word of its part (`…Gateway DEL: <guid>" wasn't found`): the value opens the part, it does not end the one before.
        if (terms.length && terms.length === start) valueMarks[terms.length - 1] |= VAR_OPENS;
        continue;
      }
      if (w === VALUE_OPEN) {
        valueOpen = true;
        continue;
      }
      if (w === VALUE_CLOSE) {
        if (!valueOpen && terms.length) valueMarks[terms.length - 1] |= VALUE_END;
        valueOpen = false;
        continue;
      }
      const t = word(w);
      if (t === undefined) continue;
      terms.push(t);
      factor.push(isFrame ? p.frameFactor : 1);
      varAfter.push(false);
      valueMarks.push(valueOpen ? VALUE_START : 0);
      valueOpen = false;
    }
    lastEnd = terms.length > start ? terms.length : -1;
    if (terms.length > start) {
      if (isFrame) frames.add(units.length);
      if (ADVICE.test(piece)) advice.add(units.length);
      if (nextAnnounced && !isFrame) announcedUnits.add(units.length);
      if (nextArrow && !isFrame) arrowUnits.push(units.length);
      units.push({ start, end: terms.length, nested: nextNested && !isFrame, afterSentence: nextAfterSentence, generic: false });
      nextNested = false;
      nextAnnounced = false;
      nextArrow = false;
    }
  });
  // The innermost message: the last quoted part, to the end of the text — when the error announces it
  // (`Detailed information: "…"`) and no further sentence follows; otherwise the quotes hold values
  // (`""example.com IN TXT hash-value""`). Too short alone, the message takes the unit before it in.
  // Computed for the whole text, and for the text cut at each `-->` (what a paste that stops there holds).
  const innermost = (count: number): number => {
    const end = count < units.length ? units[count].start : terms.length;
    const lastQuoted = units
      .slice(0, count)
      .map((u) => u.nested)
      .lastIndexOf(true);
    const announced =
      announcedUnits.has(lastQuoted) ||
      units.some((u, k) => k < lastQuoted && DETAIL_MARKERS.has(terms.slice(Math.max(u.start, u.end - 2), u.end).join(' ')));
    const sentenceAfter = units.some((u, k) => k > lastQuoted && k < count && u.afterSentence && !frames.has(k) && !advice.has(k));
    let detail = lastQuoted > 0 && announced && !sentenceAfter ? lastQuoted : 0;
    while (detail > 0 && end - units[detail].start < p.minDetailTerms) detail--;
    return detail;
  };
  const detailUnit = innermost(units.length);
  const arrows = arrowUnits.map((unit) => ({ unit, detailUnit: innermost(unit) }));
  return { terms, factor, varAfter, valueMarks, units, detailUnit, arrows };
}

/**
 * An error text that quotes an event record (`Log Name: Application Source: MSExchange Availability Event ID: 4002 Task
 * Category: … Description: …`, also `Get-EventLog`'s `Time: ID: Level: Source: Machine: Message:`, Exchange 2003's `Event
 * Type: Event Source: Event Category: Event ID:` and the event reference's `Product: Event ID: Source: Version: Component:`;
 * RECORD_FIELD_IN_TEXT) with at least `minFields` different field names: the names are the frame every record has,
 * and so are the values that describe the record, not the event (FRAME_VALUES: `Level: Error`, `Keywords: Classic`,
 * `User: N/A`, `Machine: EX01`): they are read as placeholders — no weight, no word pairs across them — so a made-up event
 * around another message finds nothing in them. The values that say which event it is stay: the source, the event id, the
 * task category or component, and the message (after `Description:` or `Message:`, a unit of its own).
 */
function withoutEventFrame(text: string, minFields: number): string {
  if (!text.includes(':')) return text;
  const fields = [...text.matchAll(RECORD_FIELD_IN_TEXT)].filter(
    (m) => RECORD_FIELD_SPELLINGS.get(m[1].toLowerCase())?.includes(m[1]) ?? true,
  );
  if (new Set(fields.map((m) => m[1].toLowerCase())).size < minFields) return text;
  let out = '';
  let at = 0;
  fields.forEach((m, k) => {
    const end = m.index + m[0].length;
    // One unit from the first field to the message: the source, the event id and the category say which event it is together.
    out += `${text.slice(at, m.index)}${VAR}${MESSAGE_FIELDS.has(m[1].toLowerCase()) ? ':' : ' '}`;
    at = end;
    if (!FRAME_VALUES.has(m[1].toLowerCase())) return;
    // The value runs to the next field on its line (a record copied as one line) or to the line's end, and is short: a
    // long one is a message (`…Description: Current user: 'FAB\CAS1$' Request for URL … failed`), not a value.
    // (Read up to the next field only: every character is read once, however many fields a line holds.)
    const rest = text.slice(end, k + 1 < fields.length ? fields[k + 1].index : text.length);
    const newline = rest.indexOf('\n');
    const stop = end + (newline < 0 ? rest.length : newline);
    if (text.slice(end, stop).trim().split(/\s+/).length <= FRAME_VALUE_WORDS) {
      out += ` ${VAR} `;
      at = stop;
    }
  });
  return out + text.slice(at);
}

/**
 * Event record fields whose values describe the record, not the event: every record of a log has them alike (`Event Type:
 * Error` is the level, `Product: Exchange` and `Version: 6.5.6940.0` the program that logged it).
 */
const FRAME_VALUES = new Set([
  'log name',
  'date',
  'time',
  'level',
  'event type',
  'opcode',
  'keywords',
  'user',
  'computer',
  'machine',
  'product',
  'version',
  'errorreportingenabled',
]);
/** Event record fields after which the event's own message follows: it opens a unit of its own. */
const MESSAGE_FIELDS = new Set(['description', 'message']);
/** A frame value has at most this many words (`MM/DD/YYYY 0:00:00 AM`). */
const FRAME_VALUE_WORDS = 4;

/** A word or a placeholder mark, as parseError reads an error text. */
const WORD_OR_VAR = /[\p{L}\p{N}]+|[\u0001\u0004\u0005]/gu;

/**
 * A word's content term as `contentTerms` reads it (a word is one term, or none: a stop word, a lone letter, a
 * long number), each distinct word read once per index build.
 */
function wordReader(): (word: string) => string | undefined {
  const read = new Map<string, string | null>();
  return (word) => {
    let term = read.get(word);
    if (term === undefined) read.set(word, (term = contentTerms(word)[0] ?? null));
    return term ?? undefined;
  };
}

/** Words, word pairs and triples that occur more than once in `ids`, as gram codes, ascending. */
function repeatedGrams(ids: Int32Array, size: number): number[] {
  const n = ids.length;
  const grams = new Float64Array(Math.max(0, 3 * n - 3));
  let g = 0;
  for (let i = 0; i < n; i++) {
    grams[g++] = ids[i];
    if (i + 1 < n) grams[g++] = gramCode(size, ids[i], ids[i + 1]);
    if (i + 2 < n) grams[g++] = gramCode(size, ids[i], ids[i + 1], ids[i + 2]);
  }
  // Sorted, a gram that occurs more than once stands next to itself.
  const sorted = grams.subarray(0, g).sort();
  const out: number[] = [];
  for (let k = 1; k < g; k++) if (sorted[k] === sorted[k - 1] && out[out.length - 1] !== sorted[k]) out.push(sorted[k]);
  return out;
}
