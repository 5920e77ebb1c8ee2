import type { KnowledgeBase } from '../knowledge/load';
import type { Article } from '../knowledge/types';
import { SIDE_WORDS } from '../knowledge/vocabulary';
import { foldWord, markSmtpCodes, splitNegations, termsOf } from './normalize';
import { DEFAULT_PARAMETERS, type MatchParameters } from './parameters';
import { contentTerms } from './signals';
import { sortedIncludes } from './sorted';
import { STOPWORDS, guessLanguage } from './stopwords';

/**
 * Descriptions and questions ("no free/busy from cloud mailboxes since last week in our hybrid"): admins
 * type what they see, and imported articles have no hand-written keywords, only a title, symptom prose and a
 * cause (for an imported article often its one-line summary). Each symptom is a small document — the article's
 * title, the symptom's keywords and description, the article's cause — and a paste is scored by how much of its own
 * distinctive vocabulary one document holds (words weighted by how few articles use them, as in BM25's IDF, times
 * the weight of the field they stand in), and how much of the document it touches.
 */

/**
 * The fields of a symptom's document, in the order a word's posting keeps the first it stands in (`FIELDS[f]`:
 * the name of field `f` in `MatchParameters.descriptions.fields`). A title names the problem, keywords and the
 * symptom's description what is seen, the cause what lies behind it; their weights must not rise down this list.
 * The last, `steps`, holds only the rare names the article's fix steps use (`stepNames`): no paste is expected to
 * name them all, so they add to what a paste found, never to what it left out.
 */
export const FIELDS: readonly (keyof MatchParameters['descriptions']['fields'])[] = ['title', 'keywords', 'symptom', 'cause', 'steps'];
const CAUSE = FIELDS.indexOf('cause');
const STEPS = FIELDS.indexOf('steps');

/** A posting packs the document id and the first field (index into `FIELDS`) the word stands in there: `doc * 8 + field`. */
export const postingDoc = (posting: number): number => posting >> 3;
export const postingField = (posting: number): number => posting & 7;

/**
 * Of a term's postings (ascending: by document, `postingDoc`), the one of document `doc`, or -1: a binary search, as common
 * words stand in most documents (a long post's words were read posting by posting for each document it fits).
 */
export function postingOf(postings: Int32Array, doc: number): number {
  let lo = 0;
  let hi = postings.length;
  const first = doc << 3;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (postings[mid] < first) lo = mid + 1;
    else hi = mid;
  }
  return lo < postings.length && postingDoc(postings[lo]) === doc ? postings[lo] : -1;
}

interface SymptomDoc {
  article: number;
  symptom: string;
  /** Per field (`FIELDS` order), the sum of the IDF of its words that say something (`descriptionTerm`). */
  totals: Float64Array;
}

export interface DescriptionIndex {
  docs: SymptomDoc[];
  /** Per article, the words of its titles, each once, in order. */
  titles: string[][];
  /** term → the postings (`postingDoc`, `postingField`) of the documents holding it, ascending. */
  postings: Map<string, Int32Array>;
  /** term → weight (IDF over articles). */
  idf: Map<string, number>;
}

/**
 * Per article, the words of its titles and symptom descriptions; a word weighs more the fewer articles use it.
 * Flat and keyed by word ids: a map of words per article took 14 MB at 10,000 articles, these arrays 2 MB.
 */
export interface AboutIndex {
  /** word → id. */
  ids: Map<string, number>;
  /** Per word id, its weight. */
  weight: Float64Array;
  /** Article a's words are the ids words[offsets[a]] … words[offsets[a + 1] − 1], ascending. */
  offsets: Int32Array;
  words: Int32Array;
}

export interface DescriptionScore {
  doc: number;
  article: number;
  symptom: string;
  /** Share of the paste's known, weighted words this document holds. */
  pasteShare: number;
  /**
   * `pasteShare` of the words alone, where word pairs raised it (`addPairs`): pairs found raise the share, so a paste with a
   * word the symptom lacks may reach a share of 1 by its pairs.
   */
  wordShare?: number;
  /** Share of the document's weight the paste holds. */
  docShare: number;
  /** Weight found, in words found in one article only. */
  evidence: number;
  /** The document's words (and word pairs) found in the paste. */
  found: string[];
  /** How many of the words found are rare (`rareArticles`: for the long-post rule). */
  rare: number;
  /** Those words. */
  rareWords: string[];
  /** The paste says the direction of the article's title the same way: `evidence` holds `directionEvidence` for it. */
  direction?: true;
  /** Offered first, or alone, only because its direction agrees (`offeredDescriptions`): never answered. */
  led?: true;
  /** Offered together after the others: its article is of another product than the paste's (descriptionHits.ts `pasteScopeFirst`). */
  otherProduct?: string;
  /** Offered together ahead of a better fit: the names the paste writes as a tool prints them that it holds (`pasteScopeFirst`). */
  namesHeld?: string[];
}

/** How well a paste and a symptom fit each other: the share of the paste's words the symptom holds × the share of its own. */
export function fitOf(d: DescriptionScore): number {
  return d.pasteShare * d.docShare;
}

/**
 * Words that say nothing about which problem a description is about: every article and most questions use them
 * ("I get the following error message", "see more information"). Indexed (the bridge counts articles by them),
 * but left out of both sides when a description is scored, and never a title word the paste names. The German
 * function words of the same kind (`als`, `über`, `nach`, `ohne`, `aber`) too: the lexicon leaves them as written,
 * and as words no English article uses they would only thin a German post's fit.
 */
export const GENERIC: ReadonlySet<string> = new Set(
  `error errors message messages following issue issues problem problems fix fixes resolve resolution workaround cause
  occurs occur occurred describes provides learn article see information more about example resembles might may
  receive received get gets getting got run running try tried use using used work working works when after before
  without however because hi help thanks anyone someone something way know need want like also one
  but although though through via all every each other another same only never always already yet even since until
  while both either neither nor own such much many few lot lots seems seem seemed having happens happened happen
  anymore able once well rather instead quite actually currently recently previously originally told come going went
  said says asking ask think thought seen look looks looking them him his her not
  als uber fur wer wenn beim nach ohne aber durch nur alle alles jeder jede jedes bis dann doch schon jedoch da ob weil
  sondern obwohl dabei dazu damit davon um ja diese dieser dieses diesem diesen dies allerdings dennoch trotzdem leider
  immer unter umstanden sowohl darauf deren dessen nachdem bereits eigentlich etwas sogar zwar daher deshalb dadurch
  mich mir muss mussen gibt steht lassen lasst viel viele meinem meinen meiner seine seinen seiner seines`
    .split(/\s+/)
    .filter(Boolean)
    .map(foldWord),
);

/** Spellings admins use for a word the articles spell out: "on-prem" users are "on-premises" users. */
const SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['prem', 'premises'],
  ['onprem', 'premises'],
  ['premise', 'premises'],
  ['onpremises', 'premises'],
  ['onpremise', 'premises'],
]);

/**
 * Names made of stop words and a common word, read as one word: "out of office" is `office` once its stop words
 * are gone — the word of every "Office 365" — so it, and the `OOF`/`OOO` admins write for it, is `outofoffice`. So is
 * the name Outlook and Exchange Online give the same feature, "Automatic Replies" (`auto-reply`, `autoreply`): articles
 * and admins write either, and one word for both lets each find the other.
 */
const PHRASE = /\bout[\s-]+of[\s-]+(?:the[\s-]+)?office\b|\bOO[FO]\b|\bauto(?:matic)?[\s-]?repl(?:y|ies)\b/gi;
/** The phrase, or an `office` standing alone (alternatives in this order: the phrase's own `office` is taken with it). */
const PHRASE_OR_OFFICE = new RegExp(`${PHRASE.source}|\\boffice\\b`, 'gi');
const joinPhrases = (text: string): string => text.replace(PHRASE, ' outofoffice ');

/**
 * A paste's description terms read as an article's are (`PHRASE`): its terms (which lost the phrase's stop words)
 * with `outofoffice` for the phrase, and without `office` when no `office` of the text stands outside the phrase.
 * One pass over the text.
 */
export function withPhrases(terms: ReadonlySet<string>, text: string): ReadonlySet<string> {
  let phrase = false;
  let alone = false;
  for (const [m] of text.matchAll(PHRASE_OR_OFFICE)) {
    if (m.length === 6 && m.toLowerCase() === 'office') alone = true;
    else phrase = true;
  }
  if (!phrase) return terms;
  const out = new Set(terms);
  out.add('outofoffice');
  if (!alone) out.delete('office');
  return out;
}

/**
 * The words of an article's prose as the index reads them: folded as a paste's are, SMTP codes whole and "can't"
 * as "cannot" (as `tokenize` reads a paste), stop words out, spellings unified. Article prose needs none of a
 * paste's other clean-up (it holds no GUIDs or timestamps), which keeps building the index fast.
 */
export function proseTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of termsOf(markSmtpCodes(splitNegations(joinPhrases(text))))) if (!STOPWORDS.has(t)) out.push(SPELLINGS.get(t) ?? t);
  return out;
}

/**
 * Recipient objects that exist only in one deployment: an on-premises "remote mailbox" (`RemoteMailbox`,
 * `Enable-RemoteMailbox`, `RemoteRoutingAddress`) is the directory object of a mailbox that lives in Exchange Online,
 * so a paste that names one is about a hybrid deployment even when it never says so (`"Remote Mailbox"-Empfänger`).
 * The deployment's word is added to what a description is scored by, so of two articles describing the same symptom the
 * one about that deployment comes first; it is only one more word, never enough alone.
 */
const IMPLIED: readonly { by: RegExp; term: string }[] = [
  { by: /(?:^| )(?:remote (?:user )?mailbox(?:es)?|remotemailbox\w*|remoteusermailbox\w*|remoteroutingaddress)(?= |$)/, term: 'hybrid' },
];

/** Words a description implies without writing them (`IMPLIED`), given its terms in order. */
export function impliedTerms(seq: readonly string[]): string[] {
  const text = ` ${seq.join(' ')} `;
  return IMPLIED.filter(({ by, term }) => by.test(text) && !seq.includes(term)).map(({ term }) => term);
}

/** One term (of a paste or an article) as a description is scored by it, or undefined for a word that says nothing here. */
export function descriptionTerm(term: string): string | undefined {
  // One or two digits are pieces of versions and lists ("PowerShell 5.1", "step 2"), not what a problem is about.
  if (STOPWORDS.has(term) || GENERIC.has(term) || /^\d{1,2}$/.test(term)) return undefined;
  return SPELLINGS.get(term) ?? term;
}

/** The terms of a text that a description is scored by, in order: `proseTerms` without the generic words. */
export function descriptionTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of proseTerms(text)) if (descriptionTerm(t) !== undefined) out.push(t);
  return out;
}

/** Per field (`FIELDS` order), the texts of one symptom's document; `steps`: its article's step names (`stepNames`), when read. */
function fieldTexts(
  a: KnowledgeBase['articles'][number],
  s: KnowledgeBase['articles'][number]['symptoms'][number],
  steps?: string,
): (string | undefined)[][] {
  return [
    [a.title.de, a.title.en],
    [...(s.keywords?.de ?? []), ...(s.keywords?.en ?? [])],
    [s.description.de, s.description.en],
    [a.cause.de, a.cause.en],
    [steps],
  ];
}

/**
 * A word of a fix step's text or command with a capital after its first letter, or an SMTP status code (the words
 * most steps are made of fail at their first letters: building stays fast); a name has a capital inside a word:
 * `msExchRecipientDisplayType`, `CASMailbox` (not `SMTP` or `Exchange`).
 */
const STEP_WORD = /\b[A-Za-z][a-z0-9]*[A-Z][A-Za-z0-9]*|\b[245]\.[0-7]\.\d{1,3}\b/g;
const NAME_SHAPE = /[a-z][A-Z]|[A-Z]{2}[a-z]|^[245]\./;
/** A text that may hold a name at all (most step texts don't: they are not read word by word). */
const HAS_NAME = /[a-z][A-Z]|[A-Z]{2}[a-z]|[245]\.[0-7]\.\d/;

/**
 * The names an article's fix steps use — parameters and attributes written in CamelCase (`ACLableSyncedObjectEnabled`,
 * `AutomateProcessing`) and SMTP status codes (`5.7.139`) — as prose terms, each once. Admins paste them from the
 * settings they looked at, and an imported article often names them nowhere but in its steps. `read`: the terms of
 * each step text seen so far (shared by the articles of one build: near-duplicate articles share their steps).
 */
export function stepNames(a: KnowledgeBase['articles'][number], read: Map<string, string[]> = new Map()): string[] {
  const names = new Set<string>();
  const take = (text: string | undefined) => {
    if (!text) return;
    let terms = read.get(text);
    if (terms === undefined) {
      terms = [];
      if (HAS_NAME.test(text)) for (const word of text.match(STEP_WORD) ?? []) if (NAME_SHAPE.test(word)) terms.push(...proseTerms(word));
      read.set(text, terms);
    }
    for (const t of terms) names.add(t);
  };
  for (const step of a.steps) {
    take(step.text.de);
    take(step.text.en);
    for (const c of step.commands ?? []) take(c.code);
  }
  return [...names];
}

/** `stepArticles`: a step name (`stepNames`) is indexed when at most this many articles' steps use it (`MatchParameters.index`). */
export function buildDescriptions(kb: KnowledgeBase, stepArticles = DEFAULT_PARAMETERS.index.stepArticles): DescriptionIndex {
  // Words get ids in order of first reading (one string per distinct word); a distinct text is read once into the
  // ids of its words (each once, in order) — every symptom's document holds its article's title and cause, and
  // near-duplicate articles share texts. Per word id, arrays stamped with the document or article last seen
  // stand in for a Set of words per document.
  const words: string[] = [];
  const wordIds = new Map<string, number>();
  const read = new Map<string, number[]>();
  // `seen[id] === mark`: the word was already taken in this text; `taken[id] === docMark`: in this document (or title).
  let seen = new Int32Array(1024).fill(-1);
  let taken = new Int32Array(1024).fill(-1);
  let mark = 0;
  let docMark = 0;
  const idsOf = (text: string): number[] => {
    let ids = read.get(text);
    if (ids !== undefined) return ids;
    ids = [];
    mark++;
    for (const w of proseTerms(text)) {
      let id = wordIds.get(w);
      if (id === undefined) {
        id = words.push(w) - 1;
        wordIds.set(w, id);
        if (id >= seen.length) {
          seen = grow(seen, -1);
          taken = grow(taken, -1);
        }
      }
      if (seen[id] === mark) continue;
      seen[id] = mark;
      ids.push(id);
    }
    read.set(text, ids);
    return ids;
  };
  // The words of `texts`, each once, in order (the one reused list: its caller copies what it keeps).
  const seq: number[] = [];
  const distinct = (texts: readonly (string | undefined)[], out: number[], field: number[] | undefined, f: number) => {
    for (const text of texts) {
      if (!text) continue;
      for (const id of idsOf(text)) {
        if (taken[id] === docMark) continue;
        taken[id] = docMark;
        out.push(id);
        field?.push(f);
      }
    }
  };
  // Step names that at most `stepArticles` articles' steps use: a name every fix uses says nothing.
  const namesRead = new Map<string, string[]>();
  const names = kb.articles.map((a) => stepNames(a, namesRead));
  const used = new Map<string, number>();
  for (const list of names) for (const t of list) used.set(t, (used.get(t) ?? 0) + 1);
  const stepText = names.map((list) => list.filter((t) => used.get(t)! <= stepArticles).join(' ') || undefined);
  const titles = kb.articles.map((a) => {
    seq.length = 0;
    docMark++;
    distinct([a.title.de, a.title.en], seq, undefined, 0);
    return seq.map((id) => words[id]);
  });

  // Per symptom, each word with the first field it stands in (flat: document i's are [docStart[i], docStart[i + 1])).
  const docArticle: number[] = [];
  const docSymptom: string[] = [];
  const docStart: number[] = [0];
  const docWords: number[] = [];
  const docField: number[] = [];
  // Article frequency: an article with many symptoms repeats its title and cause in each, which must not make their
  // words common. `dfOrder`: word ids in the order they were first counted (the order of `idf`).
  let df: Int32Array<ArrayBuffer> = new Int32Array(1024);
  const dfOrder: number[] = [];
  const seenInArticle: number[] = [];
  let articleStamp = new Int32Array(1024).fill(-1);
  kb.articles.forEach((a, ai) => {
    seenInArticle.length = 0;
    for (const s of a.symptoms) {
      const from = docWords.length;
      docMark++;
      fieldTexts(a, s, stepText[ai]).forEach((texts, f) => distinct(texts, docWords, docField, f));
      while (words.length > df.length) {
        df = grow(df, 0);
        articleStamp = grow(articleStamp, -1);
      }
      for (let k = from; k < docWords.length; k++) {
        const id = docWords[k];
        if (articleStamp[id] === ai) continue;
        articleStamp[id] = ai;
        seenInArticle.push(id);
      }
      docArticle.push(ai);
      docSymptom.push(s.id);
      docStart.push(docWords.length);
    }
    for (const id of seenInArticle) if (df[id]++ === 0) dfOrder.push(id);
  });
  const idfOf = new Float64Array(words.length);
  const idf = new Map<string, number>();
  for (const id of dfOrder) idf.set(words[id], (idfOf[id] = Math.log(1 + kb.articles.length / df[id])));
  const says = Uint8Array.from(words, (w) => (descriptionTerm(w) !== undefined ? 1 : 0));

  // Postings: per word, its documents (as `doc * 4 + field`), in document order; the map in order of first document.
  const count = new Int32Array(words.length);
  const postingOrder: number[] = [];
  for (const id of docWords) if (count[id]++ === 0) postingOrder.push(id);
  const lists = Array.from(count, (n) => new Int32Array(n));
  const filled = new Int32Array(words.length);
  const docs = docArticle.map((article, i) => {
    const totals = new Float64Array(FIELDS.length);
    for (let k = docStart[i]; k < docStart[i + 1]; k++) {
      const id = docWords[k];
      const f = docField[k];
      // What a paste leaves out of a document is its title, keywords, symptom and cause: step names only add.
      if (says[id] && f !== STEPS) totals[f] += idfOf[id];
      lists[id][filled[id]++] = i * 8 + f;
    }
    return { article, symptom: docSymptom[i], totals };
  });
  const postings = new Map(postingOrder.map((id) => [words[id], lists[id]]));
  return { docs, titles, postings, idf };
}

/** `a` twice as long, the new places set to `fill`. */
function grow(a: Int32Array, fill: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(a.length * 2).fill(fill);
  out.set(a);
  return out;
}

/**
 * How many articles' titles and symptom descriptions and keywords hold every one of `words` (a word they never use:
 * none). The cause is left out: the bridge (`proseAgreement`) counts with it what an article's own prose names.
 */
export function articlesHolding(index: DescriptionIndex, words: readonly string[]): number {
  let common: number[] | null = null;
  for (const w of words) {
    const articles = new Set<number>();
    for (const p of index.postings.get(w) ?? []) if (postingField(p) < CAUSE) articles.add(index.docs[postingDoc(p)].article);
    common = (common ?? [...articles]).filter((a) => articles.has(a));
    if (!common.length) return 0;
  }
  return common?.length ?? 0;
}

/**
 * The articles whose title, symptom keywords, symptom description or cause name `term` (a code: `HCW8110`,
 * `EndpointNotFoundTransientException`), each with the symptom that names it — one whose own keywords or description
 * do when there is one, else the article's first. For codes an article names in its prose but in none of its error texts.
 */
export function articlesNaming(index: DescriptionIndex, term: string): Map<number, string> {
  const out = new Map<number, string>();
  const own = new Set<number>();
  for (const posting of index.postings.get(term) ?? []) {
    if (postingField(posting) === STEPS) continue;
    const { article, symptom } = index.docs[postingDoc(posting)];
    const field = FIELDS[postingField(posting)];
    const named = field === 'keywords' || field === 'symptom';
    if (!out.has(article) || (named && !own.has(article))) out.set(article, symptom);
    if (named) own.add(article);
  }
  return out;
}

/** The words of each article's titles and symptom descriptions, weighted by how few articles use them. */
export function buildAbout(kb: KnowledgeBase): AboutIndex {
  const ids = new Map<string, number>();
  const df: number[] = [];
  // A distinct text is read once into its words' ids (near-duplicate articles share titles and descriptions);
  // `last[id]`: the article that last took the word, so each article takes a word once.
  const textIds = new Map<string, number[]>();
  let last = new Int32Array(1024).fill(-1);
  const offsets = new Int32Array(kb.articles.length + 1);
  const flat: number[] = [];
  kb.articles.forEach((a, ai) => {
    const take = (text: string | undefined) => {
      if (!text) return;
      let list = textIds.get(text);
      if (list === undefined) {
        list = [];
        for (const t of contentTerms(text)) {
          let id = ids.get(t);
          if (id === undefined) {
            ids.set(t, (id = df.push(0) - 1));
            if (id >= last.length) last = grow(last, -1);
          }
          list.push(id);
        }
        textIds.set(text, list);
      }
      for (const id of list) {
        if (last[id] === ai) continue;
        last[id] = ai;
        flat.push(id);
        df[id]++;
      }
    };
    take(a.title.de);
    take(a.title.en);
    for (const s of a.symptoms) {
      take(s.description.de);
      take(s.description.en);
    }
    offsets[ai + 1] = flat.length;
  });
  const words = Int32Array.from(flat);
  for (let a = 0; a < kb.articles.length; a++) words.subarray(offsets[a], offsets[a + 1]).sort();
  const weight = Float64Array.from(df, (d) => Math.log(1 + kb.articles.length / d));
  return { ids, weight, offsets, words };
}

/**
 * Weight of the words of `terms` that article `article`'s titles and descriptions hold, in the order of `terms`,
 * leaving out the ids in `except` (ascending; the words an error hit found).
 */
export function aboutWeight(about: AboutIndex, article: number, terms: Iterable<string>, except?: (term: string) => boolean): number {
  const from = about.offsets[article];
  const to = about.offsets[article + 1];
  let sum = 0;
  for (const t of terms) {
    if (except?.(t)) continue;
    const id = about.ids.get(t);
    if (id !== undefined && sortedIncludes(about.words, id, from, to)) sum += about.weight[id];
  }
  return sum;
}

type DescriptionParameters = MatchParameters['descriptions'];

/**
 * The documents that share words with the paste, best first (by the product of both shares). A word weighs its
 * IDF times the weight of the field it stands in (`p.fields`). `otherNumber`: a word also finds its other
 * grammatical number (`user` → `users`, `mailboxes` → `mailbox`) — for a paste read through the lexicon, which
 * gives one form of a word where a German noun often stands for both (`Benutzer`). `unfound`: terms of the paste that
 * weigh in it but count for no document (an event record's field names, eventFrame.ts). `alternatives`: of a word the
 * lexicon wrote, the other one-word English forms of its entry (`displayed`: `appear`), found as that word is.
 */
export function scoreDescriptions(
  index: DescriptionIndex,
  terms: ReadonlySet<string>,
  p: DescriptionParameters,
  otherNumber = false,
  unfound: ReadonlySet<string> = new Set(),
  alternatives?: ReadonlyMap<string, readonly string[]>,
): DescriptionScore[] {
  const fieldWeight = FIELDS.map((f) => p.fields[f]);
  let query = 0;
  // Weight found per document, in a typed array: a paste touches hundreds of documents, and most are never shown.
  const have = new Float64Array(index.docs.length);
  const touched: number[] = [];
  const read: string[][] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    const t = descriptionTerm(term);
    if (t === undefined) continue;
    // Inflections of one word (`migrate`, `migrated`) are one word of the paste.
    const key = inflectionKey(t);
    if (seen.has(key)) continue;
    seen.add(key);
    const forms = (otherNumber ? [t, ...numberForms(t)] : [t]).filter((f) => index.idf.has(f));
    for (const f of inflected(index, t)) if (!forms.includes(f)) forms.push(f);
    // The lexicon's entry gives the word in other forms too (`angezeigt`: `displayed`, `appear`): an article may write either.
    for (const a of alternatives?.get(term) ?? [])
      for (const f of [a, ...inflected(index, a)]) if (index.idf.has(f) && !forms.includes(f)) forms.push(f);
    if (!forms.length) continue;
    read.push(forms);
    // The paste's word weighs what it weighs (or its other form, when only that is known); a document holding
    // the other form is credited at most that much, so "deployment" can't find the rarer "deployments" heavier.
    const w = index.idf.get(forms[0])!;
    query += w;
    // A word in `unfound` (an event record's field name) weighs in the paste but is found in no document.
    if (unfound.has(term)) continue;
    if (forms.length === 1) {
      for (const posting of index.postings.get(forms[0])!) {
        const d = postingDoc(posting);
        if (have[d] === 0) touched.push(d);
        have[d] += Math.min(w, w * fieldWeight[postingField(posting)]);
      }
      continue;
    }
    // A document holding several of the forms is credited once, with the best of them.
    const credit = new Map<number, number>();
    for (const f of forms) {
      const idf = index.idf.get(f)!;
      for (const posting of index.postings.get(f)!) {
        const d = postingDoc(posting);
        const c = Math.min(w, idf * fieldWeight[postingField(posting)]);
        if (c > (credit.get(d) ?? 0)) credit.set(d, c);
      }
    }
    for (const [d, c] of credit) {
      if (have[d] === 0) touched.push(d);
      have[d] += c;
    }
  }
  // A word found in one article only weighs this much (`titles` has one entry per article).
  const unique = Math.log(1 + index.titles.length);
  const rareIdf = Math.log(1 + index.titles.length / rareArticles(index.titles.length, p));
  const total = docTotals(index, fieldWeight);
  const out = touched.map((d) => new Fit(index, d, have[d] / query, have[d] / total[d], have[d] / unique, read, rareIdf));
  return out.sort((a, b) => fitOf(b) - fitOf(a));
}

/** Per index, each document's words' weight by its fields' weights (`docTotals`), for the field weights it was read with. */
const DOC_TOTALS = new WeakMap<DescriptionIndex, { weights: readonly number[]; totals: Float64Array }>();

/**
 * Per document, the weight of its words, each field's weighed by `fieldWeight` (in `FIELDS` order): read once per index and
 * field weights, not for every document a paste touches at every call.
 */
function docTotals(index: DescriptionIndex, fieldWeight: readonly number[]): Float64Array {
  const kept = DOC_TOTALS.get(index);
  if (kept && kept.weights.every((w, f) => w === fieldWeight[f])) return kept.totals;
  const totals = Float64Array.from(index.docs, (doc) => doc.totals.reduce((sum, x, f) => sum + x * fieldWeight[f], 0));
  DOC_TOTALS.set(index, { weights: [...fieldWeight], totals });
  return totals;
}

/**
 * A word is rare when at most this many articles hold it: a share of the knowledge base (`rareShare`), at least one article.
 * Two articles of a few hundred are a narrow part of it; two of a hundred are not.
 */
export function rareArticles(articles: number, p: DescriptionParameters): number {
  return Math.max(1, p.rareShare * articles);
}

/** A document's score; the words it found are listed only when asked for (most scores are never shown). */
class Fit implements DescriptionScore {
  readonly article: number;
  readonly symptom: string;
  private list?: string[];
  constructor(
    private readonly index: DescriptionIndex,
    readonly doc: number,
    readonly pasteShare: number,
    readonly docShare: number,
    readonly evidence: number,
    private readonly read: readonly (readonly string[])[],
    private readonly rareIdf: number,
  ) {
    this.article = index.docs[doc].article;
    this.symptom = index.docs[doc].symptom;
  }

  get rare(): number {
    return this.rareWords.length;
  }

  get rareWords(): string[] {
    return this.found.filter((t) => (this.index.idf.get(t) ?? 0) >= this.rareIdf);
  }

  get found(): string[] {
    if (!this.list) {
      const holds = (f: string) => postingOf(this.index.postings.get(f)!, this.doc) >= 0;
      this.list = this.read.flatMap((forms) => forms.filter(holds).slice(0, 1));
    }
    return this.list;
  }
}

/** The words of a paste the lexicon wrote, and pairs of them the translation sets side by side (`Translation.pairs`). */
export type TranslatedWords = ReadonlySet<string> & {
  readonly pairs?: readonly string[];
  /** Of a one-word term the lexicon wrote, the other one-word English forms of its entry (`displayed`: `appear`). */
  readonly alternatives?: ReadonlyMap<string, readonly string[]>;
  /** Terms of two words or more the lexicon wrote for a German plural, in its one form (`Sicherheitsgruppen`: `security group`). */
  readonly plural?: readonly (readonly string[])[];
};

/**
 * Word pairs: "proxy address", "bare line feeds", "large items" say more than their words apart — a post about
 * a second shared mailbox that names "proxy address" is about the proxy address, not about shared mailboxes.
 * The best `p.pairDocs` documents by single words are read again (their title, keywords, symptom description and
 * cause, as the index read them), and every pair of neighbouring terms the paste has too, in that order (generic
 * words between them skipped), adds `p.pairWeight` times the lesser IDF of the two, times its field's weight. The
 * pairs are not kept in the index: a prose paste reads a few dozen short texts, and the index stays as it was.
 */
export function addPairs(
  fits: DescriptionScore[],
  index: DescriptionIndex,
  kb: KnowledgeBase,
  seq: readonly string[],
  p: DescriptionParameters,
  translated: TranslatedWords = new Set(),
): DescriptionScore[] {
  if (!fits.length) return fits;
  const pasted = new Set<string>();
  // A German plural read as the lexicon's one English form (`Sicherheitsgruppen` → `security group`): its last word is found
  // in the plural too in its pairs (`security groups`, and `groups synced` beside the sentence's verb), as English would have
  // written it. (Single words find either number anyway.)
  const plural = new Set<string>();
  for (const words of translated.plural ?? []) {
    const terms = words.map(descriptionTerm).filter((t): t is string => t !== undefined);
    const head = terms[terms.length - 1];
    const before = terms[terms.length - 2];
    if (head === undefined) continue;
    plural.add(head);
    if (before !== undefined && before !== head) for (const other of numberForms(head)) pasted.add(`${before} ${other}`);
  }
  // A German sentence's verb next to what it says of (bridge.ts `Translation.pairs`), as English writes them.
  for (const pair of translated.pairs ?? []) {
    const [x, y] = pair.split(' ').map(descriptionTerm);
    if (x === undefined || y === undefined || x === y) continue;
    pasted.add(`${x} ${y}`);
    if (plural.has(x)) for (const other of numberForms(x)) pasted.add(`${other} ${y}`);
  }
  let prev: string | undefined;
  let prevTranslated = false;
  for (const term of seq) {
    const t = descriptionTerm(term);
    if (t === undefined) continue;
    const isTranslated = translated.has(term);
    if (prev !== undefined && prev !== t) {
      pasted.add(`${prev} ${t}`);
      // German puts what it says of a noun before the participle (`als privat markierte Mails` is `mails marked as
      // private`): two neighbours the lexicon wrote word for word may stand in the English order reversed. Words
      // kept as pasted (an English term in a German sentence) are in their own order already.
      if (prevTranslated && isTranslated) pasted.add(`${t} ${prev}`);
    }
    prev = t;
    prevTranslated = isTranslated;
  }
  if (!pasted.size) return fits;
  const unique = Math.log(1 + index.titles.length);
  const out = fits.slice(0, p.pairDocs).map((f) => {
    let extra = 0;
    const found: string[] = [];
    for (const [pair, field] of docPairs(index, kb, f.doc)) {
      if (!pasted.has(pair)) continue;
      const [x, y] = pair.split(' ');
      const lesser = Math.min(index.idf.get(x) ?? 0, index.idf.get(y) ?? 0);
      // A pair of words every other article uses ("exchange server", "admin center") names no problem.
      if (lesser < p.pairIdf * unique) continue;
      extra += p.pairWeight * p.fields[FIELDS[field]] * lesser;
      found.push(pair);
    }
    if (!found.length) return f;
    const have = f.evidence * unique;
    const more = have + extra;
    const rareWords = f.rareWords;
    return {
      doc: f.doc,
      article: f.article,
      symptom: f.symptom,
      pasteShare: Math.min(1, (f.pasteShare * more) / have),
      wordShare: f.wordShare ?? f.pasteShare,
      docShare: Math.min(1, (f.docShare * more) / have),
      evidence: more / unique,
      found: [...f.found, ...found],
      rare: rareWords.length,
      rareWords,
    };
  });
  // Pairs only raise a fit, so the documents below the ones read stay below them.
  return [...out.sort((x, y) => fitOf(y) - fitOf(x)), ...fits.slice(p.pairDocs)];
}

/** Per index, the word pairs of the documents read so far (bounded: cleared when full, as reading them again is cheap). */
const PAIRS = new WeakMap<DescriptionIndex, Map<number, Map<string, number>>>();
const PAIRS_KEPT = 4096;

/** The word pairs of one document, each with the first field (`FIELDS` index) it stands in. */
function docPairs(index: DescriptionIndex, kb: KnowledgeBase, doc: number): Map<string, number> {
  let cache = PAIRS.get(index);
  if (!cache) PAIRS.set(index, (cache = new Map()));
  let pairs = cache.get(doc);
  if (pairs) return pairs;
  const { article, symptom } = index.docs[doc];
  const a = kb.articles[article];
  const s = a.symptoms.find((x) => x.id === symptom)!;
  pairs = new Map();
  fieldTexts(a, s).forEach((texts, field) => {
    for (const text of texts) {
      if (!text) continue;
      const terms = descriptionTerms(text);
      for (let i = 1; i < terms.length; i++) {
        const pair = `${terms[i - 1]} ${terms[i]}`;
        if (!pairs!.has(pair)) pairs!.set(pair, field);
      }
    }
  });
  if (cache.size >= PAIRS_KEPT) cache.clear();
  cache.set(doc, pairs);
  return pairs;
}

/**
 * What a paste names of one symptom's document, per part: the weight (in words found in one article only) of the words it
 * found that stand first in the title, keywords or symptom description (`symptom`), and of those that stand only in the
 * article's cause (`cause`, with their number): a paste that names both describes the problem and what lies behind it.
 */
export function namedParts(index: DescriptionIndex, fit: DescriptionScore): { symptom: number; cause: number; causeWords: number } {
  const unique = Math.log(1 + index.titles.length);
  const out = { symptom: 0, cause: 0, causeWords: 0 };
  for (const w of fit.found) {
    const list = index.postings.get(w);
    if (!list) continue; // a word pair (addPairs)
    const posting = postingOf(list, fit.doc);
    const field = posting < 0 ? -1 : postingField(posting);
    const weight = (index.idf.get(w) ?? 0) / unique;
    if (field >= 0 && field < CAUSE) out.symptom += weight;
    else if (field === CAUSE) {
      out.cause += weight;
      out.causeWords++;
    }
  }
  return out;
}

/**
 * A description that names its symptom and little else (`answerFit`: the symptom holds most of the paste's known words, the
 * paste a good part of the symptom's) in words of its own (`answerBeyond`: weight, in words found in one article only, of the
 * words it found that none of the article's error texts holds — `errors`, read only once the fit is reached): the weight of
 * those words, or undefined when it falls short. A paste that only quotes an error the symptom's prose repeats (`554 5.2.0
 * STOREDRV.Deliver.Exception: Access is denied.` against a symptom titled with that NDR's first words) is the error path's to
 * judge: its rules (inner message, scenario) must not be overruled by the same words read as prose. `read`: the share of the
 * paste's words the index knows (`readShare`, read through the lexicon), which scales the fit.
 */
export function describedWhole(
  index: DescriptionIndex,
  fit: DescriptionScore,
  errors: () => readonly string[],
  p: DescriptionParameters,
  read = 1,
): number | undefined {
  if (fitOf(fit) * read < p.answerFit) return undefined;
  const weight = wordsBeyondErrors(index, fit, errors());
  return weight >= p.answerBeyond ? weight : undefined;
}

/**
 * Read through the lexicon: whether the symptom holds every word of the paste it is scored by (`pasteShare` whole) and the
 * index knows each of them. A German word the lexicon left as written is known to no English article, so it goes unweighed
 * and the paste would seem to say nothing the symptom lacks (`Postfach … nicht drucken` read as `mailbox … cannot drucken`):
 * one such word and the paste says something more. `terms` as `scoreDescriptions` reads them (word pairs aside).
 */
export function describedAll(index: DescriptionIndex, fit: DescriptionScore, terms: ReadonlySet<string>): boolean {
  // The words' share, not the one pairs raised: every word of the paste must be the symptom's (a pair found is no word held).
  return (fit.wordShare ?? fit.pasteShare) >= 1 - 1e-9 && termsRead(index, terms).unread === 0;
}

/**
 * How many words of the paste (`terms` as `scoreDescriptions` reads them, word pairs aside; inflections of one word once) the
 * index knows (`read`), and how many it knows in no form (`unread`): read through the lexicon, a German word it left as written.
 * A word the lexicon wrote (`wrote`) is never unread: English prose with it would leave it unweighed too (`arrive`, `side`).
 */
export function termsRead(
  index: DescriptionIndex,
  terms: ReadonlySet<string>,
  wrote: ReadonlySet<string> = new Set(),
): { read: number; unread: number } {
  const seen = new Set<string>();
  let read = 0;
  let unread = 0;
  for (const term of terms) {
    if (term.includes(' ')) continue;
    const t = descriptionTerm(term);
    if (t === undefined) continue;
    const key = inflectionKey(t);
    if (seen.has(key)) continue;
    seen.add(key);
    if (index.idf.has(t) || numberForms(t).some((f) => index.idf.has(f)) || inflected(index, t).length) read++;
    else if (!wrote.has(term)) unread++;
  }
  return { read, unread };
}

/**
 * Read through the lexicon, the share of the paste's words (by number) that the index knows: `pasteShare` weighs only those,
 * so a German word the lexicon left as written would go unweighed, and the symptom seem to hold more of the paste than it
 * does (`… wenn das Postfach gleichzeitig an einen anderen Benutzer weiterleitet`: `weiterleitet` unread, the forwarding the
 * English sentence's `forwards` would weigh). Each such word is taken to weigh what a read word does on average.
 */
export function readShare(
  index: DescriptionIndex,
  terms: ReadonlySet<string>,
  wrote: ReadonlySet<string>,
): { share: number; unread: number } {
  const { read, unread } = termsRead(index, terms, wrote);
  return { share: read + unread ? read / (read + unread) : 1, unread };
}

/**
 * Weight, in words found in one article only, of the words `fit` found that none of its article's error texts (`errors`) holds:
 * what the paste says of the symptom in words of its own. Word pairs (`bare line`) count through their words.
 */
export function wordsBeyondErrors(index: DescriptionIndex, fit: DescriptionScore, errors: readonly string[]): number {
  const quoted = new Set(errors.flatMap((e) => proseTerms(e)).map(inflectionKey));
  return uniqueWeight(
    index,
    fit.found.filter((t) => !t.includes(' ') && !quoted.has(inflectionKey(t))),
  );
}

/** Weight, in words found in one article only, of the words of its article's titles `fit` found: how much of its title the paste names. */
export function titleWeight(index: DescriptionIndex, fit: DescriptionScore): number {
  const title = index.titles[fit.article];
  return uniqueWeight(
    index,
    fit.found.filter((t) => title.includes(t)),
  );
}

/** The weight of `words` in words found in one article only: each word's idf over that of a word one article holds. */
export function uniqueWeight(index: DescriptionIndex, words: readonly string[]): number {
  const unique = Math.log(1 + index.titles.length);
  let weight = 0;
  for (const t of words) weight += (index.idf.get(t) ?? 0) / unique;
  return weight;
}

/** Title words of the article that the paste names, leaving out `except` (the words of its topic phrases): the scenario it names. */
export function titleWordsNamed(
  index: DescriptionIndex,
  article: number,
  terms: ReadonlySet<string>,
  except: ReadonlySet<string>,
): string[] {
  return index.titles[article].filter((t) => terms.has(t) && !except.has(t) && !GENERIC.has(t));
}

/**
 * The symptom documents a description is offered with, best first (`fits` as `scoreDescriptions` orders them).
 *
 * A symptom that holds most of the paste's known words and whose words the paste names in good part, well
 * ahead of any other article's (`lead`), is offered alone. Read through the lexicon (`bridged`), a description
 * names a symptom more coarsely — "keine Frei/Gebucht-Informationen" becomes "no free/busy information", which
 * several English articles describe — so there the lead is not needed when two or more articles have a symptom that fits as
 * well and holds a good part of the paste (`groupShare`: the paste names that symptom and little else): they are
 * offered together (at most `groupOffered`), and the user chooses. In the paste's own language the lead
 * stays: on the English real-world tuning part, offering close symptoms together only added choices to pastes no
 * article covers.
 */
export function offeredDescriptions(
  fits: readonly DescriptionScore[],
  p: DescriptionParameters,
  bridged: boolean,
  problem = false,
): DescriptionScore[] {
  // A symptom whose article's title says the direction the paste says (`direction`) leads those of articles that say none,
  // and comes first where it fits within `lead` of the best.
  const first = fits[0];
  const agreed = first && !first.direction ? fits.find((d) => d.direction) : undefined;
  const top = agreed && fitOf(agreed) * p.lead >= fitOf(first) ? agreed : first;
  const other = top && fits.find((d) => d.article !== top.article && (!top.direction || d.direction));
  // A long post names much besides its problem, so its fit stays low: much distinctive evidence stands in for it.
  // Only where other articles compete: in a knowledge base of one or two articles every word is "distinctive".
  const good = (d: DescriptionScore) =>
    (fitOf(d) >= p.minFit && (d.evidence >= p.minEvidence || d.rare >= p.minRare)) ||
    (!!other && fitOf(d) >= p.longFit && d.evidence >= p.longEvidence && d.rare >= p.longRare);
  if (!top || !good(top)) return [];
  if (!other || fitOf(top) >= p.lead * fitOf(other)) {
    // First or ahead only by the direction: offered, never answered (`led`; marked on the paste's own fit: a Fit's words are
    // read when asked for, so it is not copied).
    const plain = fits.find((d) => d.article !== top.article);
    if (top !== first || (!!plain && fitOf(top) < p.lead * fitOf(plain))) top.led = true;
    return [top];
  }
  if (!bridged) return problem ? sameProblem(fits, p) : [];
  const out: DescriptionScore[] = [];
  for (const d of fits) {
    if (out.length === p.groupOffered) break;
    if (good(d) && d.pasteShare >= p.groupShare && !out.some((o) => o.article === d.article)) out.push(d);
  }
  // One fitting article without a lead is not a shared symptom, just a weak fit: the lead rule stands.
  return out.length >= 2 ? out : [];
}

/**
 * Read in a long post's problem sentences (`problem`: `problemPart`), articles that come close to the best symptom without
 * its lead are offered with it when each holds every rare word the best one found (`bare line feeds` in the NDR overview's
 * row and in the article about that NDR): the sentence names one problem they both describe, and the user chooses. One
 * close article without those words keeps the lead rule, and so does a whole post in the paste's own language.
 */
function sameProblem(fits: readonly DescriptionScore[], p: DescriptionParameters): DescriptionScore[] {
  const top = fits[0];
  const rare = top.rareWords;
  if (rare.length < p.minRare) return [];
  const out = [top];
  for (const d of fits) {
    if (fitOf(d) * p.lead < fitOf(top)) break;
    if (out.some((o) => o.article === d.article)) continue;
    const held = new Set(d.found.map(inflectionKey));
    if (out.length === p.groupOffered || !rare.every((w) => held.has(inflectionKey(w)))) return [];
    out.push(d);
  }
  return out;
}

/**
 * The last resort of a description in the paste's own language, read when nothing else in the paste is offered (the matcher
 * would say `none`): the best symptom that fits only weakly — fit at least `weakFit`, below `minFit` or without the lead —
 * but with the distinctive evidence an offered one needs (`minEvidence` words found in one article only; `weakLeadEvidence`
 * where it fits `weakLead` times better than any other article's), and the symptoms of other articles that fit within `lead`
 * of it (at most `groupOffered` articles, best first). A post that tells its problem in many words of its own fits every
 * symptom little, yet the symptom it tells is most often the best of them — when the post names its article's title
 * (`weakTitle`: the title words found weigh that many words found in one article only), and in words beyond the article's error
 * texts (`weakOwn`: `errors` gives them; a paste whose words are an error text's is the error path's to judge, and it found
 * nothing). Offered as a choice, never answered (`weakScore`). Empty when the best symptom is not good enough.
 */
export function weakDescriptions(
  fits: readonly DescriptionScore[],
  p: DescriptionParameters,
  index: DescriptionIndex,
  errors: (article: number) => readonly string[],
): DescriptionScore[] {
  const top = fits[0];
  if (!top || fitOf(top) < p.weakFit) return [];
  // Only where other articles compete: in a knowledge base of one article every word is "distinctive".
  const other = fits.find((d) => d.article !== top.article);
  if (!other) return [];
  const evidence = fitOf(top) >= p.weakLead * fitOf(other) ? p.weakLeadEvidence : p.minEvidence;
  if (top.evidence < evidence || titleWeight(index, top) < p.weakTitle) return [];
  if (wordsBeyondErrors(index, top, errors(top.article)) < p.weakOwn) return [];
  const out = [top];
  for (const d of fits) {
    if (out.length === p.groupOffered || fitOf(d) * p.lead < fitOf(top)) break;
    if (!out.some((o) => o.article === d.article)) out.push(d);
  }
  return directionFirst(out);
}

/**
 * Symptoms offered together (the last resort, the family offer), in the order the paste's direction gives them: the first
 * whose article's title says the direction the paste says (`direction`: descriptionHits.ts `agreeingDirections`) comes
 * first, the others after it as they were (marked `led`: first only by it). The fit alone ordered them, and a fit of a
 * hybrid article rests on words every hybrid article shares (`users`, `free/busy`, `on-premises`); which way it fails is
 * what sets them apart. Changed in place.
 */
function directionFirst(out: DescriptionScore[]): DescriptionScore[] {
  const i = out.findIndex((d) => d.direction);
  if (i <= 0) return out;
  const [agreed] = out.splice(i, 1);
  agreed.led = true;
  out.unshift(agreed);
  return out;
}

/**
 * The family offer, read when nothing else in the paste is offered: the paste names a symptom many articles describe (a
 * family's symptom, keywordHits.ts `familySymptom`: `free/busy`), and no article's description leads. The symptoms that
 * hold every word of that symptom (`phrases`, one list of words per family symptom the paste names) are offered together,
 * best fit first, at most `groupOffered`, each fitting within `lead` of the best of them, and the best of them within `lead`
 * of the best fit of all (and at least `weakFit`): the paste's other words (`hybrid`, `Exchange Online`) ordered them, and
 * the user chooses. Fewer than two: not a family's choice, nothing. Never answered.
 */
export function familyDescriptions(
  fits: readonly DescriptionScore[],
  p: DescriptionParameters,
  phrases: readonly (readonly string[])[],
): DescriptionScore[] {
  const best = fits[0];
  if (!best || !phrases.length) return [];
  const keys = phrases.map((words) => words.map(inflectionKey));
  const out: DescriptionScore[] = [];
  for (const d of fits) {
    if (out.length === p.groupOffered) break;
    if (out.some((o) => o.article === d.article)) continue;
    const held = new Set(d.found.flatMap((t) => t.split(' ')).map(inflectionKey));
    if (!keys.some((words) => words.every((w) => held.has(w)))) continue;
    if (!out.length && (fitOf(d) < p.weakFit || fitOf(d) * p.lead < fitOf(best))) return [];
    if (out.length && fitOf(d) * p.lead < fitOf(out[0])) break;
    out.push(d);
  }
  return out.length >= 2 ? directionFirst(out) : [];
}

/** `user` → `users`, `userses`; `mailboxes` → `mailboxe`, `mailbox`: the candidates, checked against the index by the caller. */
function numberForms(t: string): string[] {
  const out = [`${t}s`, `${t}es`];
  if (t.endsWith('s') && t.length > 3) out.push(t.slice(0, -1));
  if (t.endsWith('es') && t.length > 4) out.push(t.slice(0, -2));
  return out;
}

/** A name of three letters or more with a version of one or two digits glued to it (`imap4`, `pop3`): the name, the version. */
const GLUED_VERSION = /^([a-z]{3,})\d{1,2}$/;

/**
 * An English word's inflections read as one: `hang`, `hangs`, `hanging`; `move`, `moved`, `moves`; `reply`, `replies`;
 * `picture`, `pictures`; `sync`, `synced`. The key drops one suffix (`-ies` as `-y`, `-ing`, `-ed`, `-s`), a doubled
 * last consonant and a final `e`; only lower-case words of letters, and only where enough of the word stays. A name with a
 * version of one or two digits glued to it is the name (`IMAP4` and `IMAP`, `POP3` and `POP`): a version alone says nothing (a
 * shorter name, `DB01`, `CU21`, is more often a label than a product).
 */
export function inflectionKey(word: string): string {
  const last = word.charCodeAt(word.length - 1);
  if (last >= 48 && last <= 57) return GLUED_VERSION.exec(word)?.[1] ?? word;
  if (word.length < 4 || !/^[a-z]+$/.test(word)) return word;
  let s = word;
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('ied') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (s.endsWith('ing') && s.length >= 7) s = s.slice(0, -3);
  else if (s.endsWith('ed') && s.length >= 5) s = s.slice(0, -2);
  else if (s.endsWith('s') && !/(?:ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s !== word && /([b-df-hj-kmnp-rtv-z])\1$/.test(s)) s = s.slice(0, -1);
  if (s.length > 3 && s.endsWith('e')) s = s.slice(0, -1);
  return s;
}

/** Per index, the indexed words by inflection key (built at the first description read). */
const INFLECTIONS = new WeakMap<DescriptionIndex, Map<string, string[]>>();

/** The other indexed inflections of `term` (`hangs` for `hang`), not `term` itself. */
function inflected(index: DescriptionIndex, term: string): readonly string[] {
  let byKey = INFLECTIONS.get(index);
  if (!byKey) {
    const all = new Map<string, string[]>();
    for (const w of index.idf.keys()) {
      const k = inflectionKey(w);
      const list = all.get(k);
      if (list) list.push(w);
      else all.set(k, [w]);
    }
    // A key only one word has is kept too: a paste word the index lacks finds it (`hang` → `hangs`).
    INFLECTIONS.set(index, (byKey = all));
  }
  const list = byKey.get(inflectionKey(term));
  return list ? list.filter((w) => w !== term) : [];
}

/** Per index, per article, the terms of each of its titles as inflection keys (`titleKeys`), read at the first paste that needs them. */
const TITLE_KEYS = new WeakMap<DescriptionIndex, Map<number, string[][]>>();

/** A paste's or title's word as titles are compared: spelling unified, inflection dropped (`getting`, `get`). */
const titleKey = (term: string): string => inflectionKey(SPELLINGS.get(term) ?? term);

/** Per index, per article, the keys of its titles' words (`index.titles`, each once), read at the first paste that needs them. */
const TITLE_WORD_KEYS = new WeakMap<DescriptionIndex, (readonly string[] | undefined)[]>();

/** `index.titles[article]` as title keys: every paste's candidate articles are counted by them (`titlesNamed`), so once per article. */
function titleWordKeys(index: DescriptionIndex, article: number): readonly string[] {
  let cache = TITLE_WORD_KEYS.get(index);
  if (!cache) TITLE_WORD_KEYS.set(index, (cache = new Array<readonly string[] | undefined>(index.titles.length).fill(undefined)));
  return (cache[article] ??= index.titles[article].map(titleKey));
}

function titleKeys(index: DescriptionIndex, kb: KnowledgeBase, article: number): string[][] {
  let cache = TITLE_KEYS.get(index);
  if (!cache) TITLE_KEYS.set(index, (cache = new Map()));
  let keys = cache.get(article);
  if (!keys) {
    const { title } = kb.articles[article];
    keys = [...new Set([title.en, title.de])].filter((t): t is string => !!t).map((t) => proseTerms(t).map(titleKey));
    cache.set(article, keys);
  }
  return keys;
}

/**
 * How many words of `title` (keys, in order) the paste holds in the same order, close together: each next word
 * found within `p.titleGap` paste words of the one before, at most one title word skipped at a time. `at`: the
 * paste positions of each key.
 */
function titleRun(title: readonly string[], at: ReadonlyMap<string, readonly number[]>, gap: number): number {
  // run[j]: per paste position where title word j stands, the longest run ending there.
  const run: Map<number, number>[] = [];
  let best = 0;
  title.forEach((key, j) => {
    const ends = new Map<number, number>();
    for (const i of at.get(key) ?? []) {
      let n = 1;
      for (let back = Math.max(0, j - 2); back < j; back++)
        for (const [prev, m] of run[back]) if (i > prev && i - prev <= gap && m + 1 > n) n = m + 1;
      ends.set(i, n);
      if (n > best) best = n;
    }
    run.push(ends);
  });
  return best;
}

/**
 * Whether the paste holds every word of `title` (keys) within one stretch of at most as many paste words as the title has
 * distinct words plus `gap`, in any order: "in Exchange Online, a security group can't access a public folder" and a
 * translated German sentence (`… kann in Exchange Online nicht auf einen öffentlichen Ordner zugreifen`) write the
 * title "Security group can't access a public folder in Exchange Online" with its parts moved. `at`: the paste
 * positions of each key.
 */
function titleTogether(title: readonly string[], at: ReadonlyMap<string, readonly number[]>, gap: number): boolean {
  const keys = [...new Set(title)];
  const places: [number, number][] = [];
  keys.forEach((key, j) => {
    for (const i of at.get(key) ?? []) places.push([i, j]);
  });
  if (places.length < keys.length) return false;
  places.sort((x, y) => x[0] - y[0]);
  // A window over the places in paste order: the shortest stretch ending at each place that holds every key.
  const inWindow = new Int32Array(keys.length);
  let held = 0;
  let from = 0;
  for (const [i, j] of places) {
    if (inWindow[j]++ === 0) held++;
    while (held === keys.length) {
      if (i - places[from][0] + 1 <= keys.length + gap) return true;
      if (--inWindow[places[from][1]] === 0) held--;
      from++;
    }
  }
  return false;
}

/** Per article, whether a title of it names both sides (on-premises and the cloud: vocabulary.ts `SIDE_WORDS`). */
const BOTH_SIDES = new WeakMap<KnowledgeBase, Map<number, boolean>>();

function bothSides(kb: KnowledgeBase, article: number): boolean {
  let cache = BOTH_SIDES.get(kb);
  if (!cache) BOTH_SIDES.set(kb, (cache = new Map()));
  let both = cache.get(article);
  if (both === undefined) {
    const { title } = kb.articles[article];
    both = [title.en, title.de].some((t) => {
      const words = t?.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
      const sides = new Set<string>();
      for (const [side, phrase] of SIDE_WORDS) if (words.some((_, i) => phrase.every((w, k) => words[i + k] === w))) sides.add(side);
      return sides.size === 2;
    });
    cache.set(article, both);
  }
  return both;
}

/**
 * The articles whose title the paste writes (almost) whole — "on-premises users not getting emails from Microsoft
 * 365" — among `articles` (those its words touched). Here every word of the title counts, also the ones a
 * description is otherwise not scored by (`getting`, `not`, `receive`): a title is the problem in its author's
 * words, and a paste that repeats it names that problem, however common its words are. A title needs at least
 * `p.titleWords` words, all of them, or all but one from `p.titleWords + 1` on, in the title's order and close
 * together (`titleRun`); or, for a title of `p.titleWords + p.titleGap` words or more, all of them close together in
 * another order (`titleTogether`: admins move a title's place or time — `in Exchange Online`, `after the migration` — to
 * where they like, and German puts its verb last). Not a shorter title: its few words meet in a story's sentence by
 * chance (`a client sending email from plugin templates` for `Plugin templates for client email`). Nor a title that names
 * both sides, on-premises and the cloud: the order of its words says which side is which (`on-premises users see no
 * free/busy of cloud mailboxes`, and the other way round). A paste that names more than `p.groupOffered` titles so
 * names a family, not a problem: none. `moved` collects the articles named only in another order. `alternatives`: of a
 * word the lexicon wrote, the other one-word English forms of its entry, which stand where it does.
 */
export function titlesNamed(
  index: DescriptionIndex,
  kb: KnowledgeBase,
  seq: readonly string[],
  articles: Iterable<number>,
  p: DescriptionParameters,
  moved?: Set<number>,
  alternatives?: ReadonlyMap<string, readonly string[]>,
): number[] {
  const at = new Map<string, number[]>();
  const put = (key: string, i: number) => {
    const list = at.get(key);
    if (!list) at.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  seq.forEach((t, i) => {
    put(titleKey(t), i);
    // A word the lexicon wrote stands in the paste in each form of its entry (`angezeigt`: `displayed`, `appear`).
    for (const a of alternatives?.get(t) ?? []) put(titleKey(a), i);
  });
  const out: number[] = [];
  const seen = new Set<number>();
  for (const article of articles) {
    if (seen.has(article)) continue;
    seen.add(article);
    // Most articles the paste touches share a word or two of their title with it: count before aligning.
    let held = 0;
    for (const key of titleWordKeys(index, article)) if (at.has(key)) held++;
    if (held < p.titleWords) continue;
    let together = false;
    const named = titleKeys(index, kb, article).some((title) => {
      const run = titleRun(title, at, p.titleGap);
      // The paste holds the title: all its words, or all but one of a longer title.
      if (run >= p.titleWords && run >= (title.length > p.titleWords ? title.length - 1 : title.length)) return true;
      // All its words close together, in another order.
      const words = new Set(title).size;
      if (words >= p.titleWords + p.titleGap && held >= words && titleTogether(title, at, p.titleGap) && !bothSides(kb, article))
        return (together = true);
      if (run < p.titleWords) return false;
      // The paste is the title shortened: all its words but one, in the title's order, and half the title or more.
      return run >= seq.length - 1 && 2 * run >= title.length;
    });
    if (!named) continue;
    out.push(article);
    if (together) moved?.add(article);
  }
  return out.length <= p.groupOffered ? out : [];
}

/**
 * The words of a failure, one list for four readings (`FAILS`, `ERROR_SAID`, `PROBLEM`, `ERROR_NAMED`), so they stay in
 * step. A word read by some only lists them (`readBy`; none listed: the first three):
 * - `FAILS` leaves out the nouns of an error or a failure (`errors`, `exception`, `NDRs`, `bounce messages`): a title that
 *   names those is about a kind of failure, not that something fails;
 * - `ERROR_SAID` leaves out the bare negations (`not`, `never`: a post tells its setup with them, `should not be created`)
 *   and the words of a state (`missing`, `wrong`, `disappears`);
 * - `PROBLEM` reads the negations and the nouns, but not `exception` and `warning`, and it alone reads `complain*`
 *   (`complaining about`);
 * - `ERROR_NAMED` reads only the nouns that name an error, not a failure told in words (`could not open`), nor a bounce.
 * Regular-expression pieces, in the order `FAILS` and `ERROR_SAID` read them (each reading only tests whether a sentence
 * holds one, so the order of an alternation says nothing).
 */
type FailureReading = 'fails' | 'error' | 'problem' | 'named';

/** Who reads a word of `FAILURE_WORDS` that lists no readings. */
const READ_BY_DEFAULT: readonly FailureReading[] = ['fails', 'error', 'problem'];

const FAILURE_WORDS: readonly (readonly [word: string, readBy?: readonly FailureReading[]])[] = [
  ['fail\\w*'],
  ['errors?', ['error', 'problem', 'named']],
  ['exceptions?', ['error', 'named']],
  ['warnings?', ['error', 'named']],
  ['can ?not'],
  ["can'?t"],
  ["couldn'?t"],
  ['unable'],
  ["doesn'?t"],
  ["don'?t"],
  ["didn'?t"],
  ["won'?t"],
  ["isn'?t"],
  ["aren'?t"],
  ["wasn'?t"],
  ["weren'?t"],
  ['not', ['fails', 'problem']],
  ['never', ['fails', 'problem']],
  ['no longer'],
  ['stuck'],
  ['hang\\w*'],
  ['hung'],
  ['stall\\w*'],
  ['reject\\w*'],
  ['bounc\\w*', ['error', 'problem']],
  ['undeliverable', ['error', 'problem', 'named']],
  ['ndrs?', ['error', 'problem', 'named']],
  ['missing', ['fails', 'problem']],
  ['broken'],
  ['wrong', ['fails', 'problem']],
  ['complain\\w*', ['problem']],
  ['denied'],
  ['block\\w*'],
  ['disappear\\w*', ['fails', 'problem']],
];

/** The words of `FAILURE_WORDS` that `reading` reads, as one alternation of whole words. */
function failureWords(reading: FailureReading): string {
  return `\\b(?:${FAILURE_WORDS.filter(([, readBy]) => (readBy ?? READ_BY_DEFAULT).includes(reading))
    .map(([word]) => word)
    .join('|')})\\b`;
}

/**
 * Words that mark a sentence of a post as the problem rather than the story around it: a failure, a negation, what
 * went wrong (`fails`, `can't`, `never gets sent`, `will hang`, `undeliverable`, `complaining about`). `FAILURE_WORDS`
 * but `exception` and `warning`, with `complain*`.
 */
const PROBLEM = new RegExp(failureWords('problem'), 'i');

/**
 * Words beside `PROBLEM` that say something goes wrong in a post: `stopped getting`, `still shows`, `keeps coming back`, `no
 * mail`, `… but the attribute stays`.
 */
const FAULT = /\b(?:stop\w*|still|no|nothing|none|nobody|anymore|offline|keeps?|kept|left out|but|stays?|stayed|remains?|remained)\b/i;

/**
 * `PROBLEM`'s words that say something fails (`don't receive`, `can't access`, `not synced`, `fails`), not its nouns of a
 * failure (`errors`, `bounce messages`, `NDRs`): a title that names those is about a kind of failure (an overview of a relay's
 * bounces), which a post may tell in words of its own (`my mail program adds stray bytes to every message`). `FAILURE_WORDS`
 * but the nouns.
 */
const FAILS = new RegExp(failureWords('fails'), 'i');

/**
 * Whether prose answered by a symptom alone says nothing of the failure its article's title names: the title says something
 * fails (a `FAILS` word: `Members of a dynamic distribution group … don't receive email messages`), and the paste holds no
 * failure, negation or fault word (`PROBLEM`, `FAULT`); English posts, or a German one's translation (`translated`). Such a
 * paste names what the article is about (a how-to question on `Get-DynamicDistributionGroupMember`'s output), not that its
 * problem happened.
 */
export function failureUnsaid(title: string, text: string, translated = false): boolean {
  const apostrophes = (s: string) => s.replace(/[\u2018\u2019]/g, "'");
  if (!FAILS.test(apostrophes(title))) return false;
  const plain = apostrophes(text);
  if (PROBLEM.test(plain) || FAULT.test(plain)) return false;
  // A German post read through the lexicon (`translated`, bridge.ts): its failure, negation and fault words are the German
  // forms of the lexicon's entries for these English words (`nicht` → not, `hängt` → stuck, `immer noch` → still).
  if (translated) return true;
  // English words only: a German post says its failure in words of its own (read through the lexicon, the bridge decides).
  return guessLanguage((plain.match(/\p{L}+/gu) ?? []).map(foldWord), plain) !== 'de';
}

/** What names an error besides its words: an exception's class name, a status code (`5.7.1`) or a hex result code. */
const ERROR_MARKS = '[a-z]exception\\b|\\b[245]\\.\\d{1,3}\\.\\d{1,3}\\b|\\b0x[0-9a-f]{4,8}\\b';

/**
 * Words that say an error or a failure happened: `FAILURE_WORDS` but the bare negations and the words of a state (`not`,
 * `never`, `missing`: a post tells its setup with them, `should not be created`), and the nouns of an error (`error`,
 * `exception`, `NDR`, `warning`), an exception's class name, a status code (`5.7.1`) or a hex result code.
 */
const ERROR_SAID = new RegExp(`${failureWords('error')}|${ERROR_MARKS}`, 'i');

/**
 * Whether prose answered by a symptom and its cause names none of the error its article is about: the article's title is
 * its error message (of one of its error texts' words, `GENERIC` aside, at least `share` stand in the title:
 * `(MigrationPermanentException Cannot find a recipient that has mailbox GUID) error when moving mailboxes`), and the paste
 * holds no word of an error or a failure (`ERROR_SAID`). Such a post tells a story the article's cause is part of (the
 * attribute its fix sets), not the error the article resolves. English posts only (read through the lexicon, the bridge
 * decides).
 */
export function errorUnsaid(title: string, errorTexts: readonly string[], text: string, share: number): boolean {
  return titleIsError(title, errorTexts, share) && !errorSaid(text);
}

/**
 * The article half of `errorUnsaid`, the same for every paste (ArticleFacts.titleIsErrorOf): of one of its error texts' words,
 * `GENERIC` aside, at least `share` stand in the title, or the title names a code one of them carries (`titleNamesCode`).
 */
export function titleIsError(title: string, errorTexts: readonly string[], share: number): boolean {
  if (!title || !errorTexts.length) return false;
  if (titleNamesCode(title, errorTexts)) return true;
  const titled = new Set(proseTerms(title).map(inflectionKey));
  return errorTexts.some((e) => {
    const words = new Set(
      proseTerms(e)
        .filter((w) => !GENERIC.has(w) && /\p{L}/u.test(w))
        .map(inflectionKey),
    );
    let held = 0;
    for (const w of words) if (titled.has(w)) held++;
    return words.size > 0 && held >= share * words.size;
  });
}

/** An enhanced status code (`5.7.64`, read as `smtp5x7x64`) or a hex result code (`0x80004005`), as a text writes it. */
const ERROR_CODE = /\bsmtp\dx\dx\d+\b|\b0x[0-9a-f]{4,8}\b/gi;

/**
 * The title names a code one of the article's error texts carries (`"550 5.7.64 TenantAttribution" when …` over the error
 * text `550 5.7.64 TenantAttribution; Relay Access Denied…`): the title is its error, named by its code even where the
 * error's words are more than the title holds. A code the error texts don't carry (a title's range, an example) does not
 * count; nor does a bare number (`HTTP 500`, a count: a post may name it without saying an error, errorSaid).
 */
export function titleNamesCode(title: string, errorTexts: readonly string[]): boolean {
  const codes = (text: string) => new Set(Array.from(markSmtpCodes(text).matchAll(ERROR_CODE), (m) => m[0].toLowerCase()));
  const titled = codes(title);
  if (!titled.size) return false;
  return errorTexts.some((e) => [...codes(e)].some((c) => titled.has(c)));
}

/**
 * Words that name an error, not a failure told in words (`could not open`): an error, exception, warning or NDR, an exception's
 * class, a status or hex code.
 */
const ERROR_NAMED = new RegExp(`${failureWords('named')}|${ERROR_MARKS}`, 'i');

/** The paste names an error (`ERROR_NAMED`), or is not English prose. */
export function errorNamed(text: string): boolean {
  if (ERROR_NAMED.test(text)) return true;
  return guessLanguage((text.match(/\p{L}+/gu) ?? []).map(foldWord), text) === 'de';
}

/** The article's symptom `symptom` is an error message: it has an error text. */
export function symptomQuotesError(article: Article, symptom: string): boolean {
  const s = article.symptoms.find((x) => x.id === symptom);
  return s !== undefined && Object.values(s.errors).some((es) => (es?.length ?? 0) > 0);
}

/** The paste half of `errorUnsaid`: the paste names an error or a failure (`ERROR_SAID`), or is not English prose. */
export function errorSaid(text: string): boolean {
  const plain = text.replace(/[\u2018\u2019]/g, "'");
  if (ERROR_SAID.test(plain)) return true;
  return guessLanguage((plain.match(/\p{L}+/gu) ?? []).map(foldWord), plain) === 'de';
}

/**
 * The problem part of a long post (`minSentences` sentences or more: a story, then the problem, then what was tried):
 * its sentences that say what goes wrong (`PROBLEM`), wherever they stand, joined. Undefined when the post is short,
 * names no problem in words, or every sentence does (then the whole post is the problem).
 */
export function problemPart(text: string, minSentences: number): string | undefined {
  const sentences = text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => /[a-z]/i.test(s));
  if (sentences.length < minSentences) return undefined;
  const problem = sentences.filter((s) => PROBLEM.test(s));
  if (!problem.length || problem.length === sentences.length) return undefined;
  return problem.join('\n');
}
