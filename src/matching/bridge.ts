/**
 * Reading a paste in the other language: a German paste is rewritten, line by line, into the English words
 * of the lexicon (knowledge/lexicon), so it can meet English-only articles; an English paste likewise meets
 * German-only ones. Only what the lexicon knows is rewritten; names, numbers and codes stay as pasted.
 *
 * What a translation finds is weaker evidence than what the paste says verbatim (a lexicon pair is rarely
 * the exact wording a product prints), so `Matcher` offers it as a choice unless language-independent
 * evidence (an HCW code, an exception class, a cmdlet…) or several long translated phrases agree with the
 * article: see `agreement`.
 */
import {
  CMDLET_IN_TEXT,
  GERMAN_MODALS,
  GERMAN_NEGATIONS,
  HCW_CODE_IN_TEXT,
  NEGATED_AS_CANNOT,
  SEPARABLE_PARTICLES,
} from '../knowledge/vocabulary';
import type { LexiconEntry } from '../knowledge/lexicon';
import { SLOT } from '../knowledge/sources';
import type { Article, Lang } from '../knowledge/types';
import { doneAgainstCause } from './causeDone';
import { failureUnsaid, GENERIC } from './descriptions';
import { directionAgainst } from './direction';
import { cleanPaste, foldWord, type Token } from './normalize';
import { guessLanguage, isLanguageHint, STOPWORDS } from './stopwords';
import { DEFAULT_PARAMETERS, type MatchParameters } from './parameters';
import type { Match, MatchResult } from './types';

type BridgeParameters = MatchParameters['bridge'];

/** A form of one entry, compiled: its folded words with `null` for a slot, and what it is read as. */
interface Rule {
  pattern: (string | null)[];
  /** The other language's form, `{}` slots in order. */
  output: string;
  /** Words of `output` (folded), to check an article for the translated phrase. */
  outputWords: string[];
  /** Where `output`'s slots stand: each the index in `outputWords` it comes before. */
  outputSlots: number[];
  /** Which of `output`'s slots (counted from 0) it writes inside quotation marks (`… when "{}" was run`). */
  quotedSlots: number[];
  /** Words of the other language's further forms (`OWA` for `Outlook on the web`). */
  alternatives: string[][];
  /** The form is written the same in the other language too (`OWA`): in a sentence of that language it stays as written. */
  shared: boolean;
  /**
   * German: the form is the plural of another form of its entry, which the lexicon lists too, `-n` or `-en` at its last word's
   * end (`Verteilergruppen` beside `Verteilergruppe`).
   */
  plural: boolean;
  /** German: the form's last word is written as a noun, with a capital (`Anwendung`; not `dynamisch`). */
  noun: boolean;
}

/** One rewrite done in a paste. */
export interface Applied {
  /** Folded words of what it was read as (slots left out). */
  words: string[];
  /** The entry's other forms in that language (folded words): an article may write the term so (`OWA`). */
  alternatives?: string[][];
  /**
   * A template's slots: for each, the index in `words` it stands before (`Connecting to remote server {} failed …` → [4]).
   * An error text holds the template with its own words in the slots (`… server exchange.contoso.com failed …`).
   */
  slots?: number[];
  /**
   * Which slots (counted from 0) the template quotes (`The following error was generated when "{}" was run`): there an error
   * text's own words are its quotation, up to `maxQuotedSlotWords`, as a paste's are (`holdsApplied`).
   */
  quotedSlots?: number[];
  /**
   * Set when the words it was read from stand inside a quotation of the paste (`“…”`, `„…“`, `"…"`): which one, counted
   * from 0. A quotation in a post is mostly the message a program printed; its words are that message's, not the admin's.
   */
  quote?: number;
  /**
   * German into English: the sentence (by count) the words it was read from stand in — a line break ends one, and `.!?`
   * before a space (not a colon: `… folgende Fehlermeldung: „…“` says one thing, nor the dots of `5.1.11`).
   */
  sentence?: number;
  /**
   * German into English: the word ends a clause that a `nicht` before it negates, with no modal verb and no other reading of
   * the negation (`Die Verteilergruppe wird nicht nach Exchange Online synchronisiert`: `synced`). German sets the verb
   * last; the paste says that this did not happen (`proseAgreement` weighs it against an article that says it did).
   */
  negated?: true;
  /**
   * German into English: the German noun was plural (`Sicherheitsgruppen`, `-n` or `-en` on a form of the lexicon), which the
   * lexicon's one English form (`security group`) does not say.
   */
  plural?: true;
}

export interface Translation {
  /** The rewritten paste, line for line (the same number of lines as the paste). */
  text: string;
  applied: Applied[];
  /**
   * German into English: word pairs (`share calendar`, folded, space-joined) of the one word the lexicon read last in a
   * sentence — German ends a sentence with its verb (`… den Kalender … nicht freigeben`) — with each word it read before
   * in that sentence, both orders: where English sets the verb next to its object (`share the calendar`).
   */
  pairs?: string[];
}

/** German compounds join their parts with these letters (Empfang-s-connector). */
const LINKS = ['', 's', 'n', 'en', 'es'];
/**
 * Inflection endings tried when a word is not in the lexicon as written (`dynamischen` → `dynamisch`,
 * `mailboxes` → `mailbox`): a lexicon lists the forms that matter, not every case and number.
 */
const ENDINGS: Record<Lang, string[]> = { de: ['en', 'em', 'er', 'es', 'e', 'n', 's'], en: ['es', 's'] };
/** ...only when what is left has at least this many letters (`seite` is not `seit` + e). */
const MIN_STEM = 5;
const WORD = /[\p{L}\p{N}]+/gu;
/** WORD for an exec loop of its own (holdsPhrase): `matchAll(WORD)` starts at WORD's lastIndex, which stays 0. */
const WORD_RUN = new RegExp(WORD.source, WORD.flags);
/** A letter or digit: a word's (not global, so `test` keeps no state). */
const HAS_WORD = /[\p{L}\p{N}]/u;
/** Letters a separable verb's stem has after its `zu` at least (`zugreifen` in `zuzugreifen`). */
const MIN_ZU_STEM = 4;

/**
 * What a template's slot holds in the paste, words `a` to `b`: with the signs a name starts or ends with that are no word's
 * (`$` of `"$error.Clear(); new-ExchangeServer"`, `\\` of a share; not brackets or colons, which a template writes
 * itself: `({})`); lines joined.
 */
function slotText(text: string, words: readonly { start: number; end: number }[], a: number, b: number): string {
  let start = words[a].start;
  let end = words[b - 1].end;
  const edge = /[$@\\/~#%+-]/;
  while (start > (words[a - 1]?.end ?? 0) && edge.test(text[start - 1])) start--;
  while (end < (words[b]?.start ?? text.length) && edge.test(text[end])) end++;
  return text.slice(start, end).replace(/\s*\n\s*/g, ' ');
}

/** Quotation marks a template may write around a slot, either side (`"{}"`, `'{}'`, `“{}”`, `„{}“`, `«{}»`). */
const QUOTE_MARKS = `"'“”„‘’«»`;

/** The slots (counted from 0) a form writes inside quotation marks, a mark right before and right after `{}`. */
function quotedSlotsOf(form: string): number[] {
  const parts = form.split(SLOT);
  const out: number[] = [];
  // (`''.includes('')` is true: an empty side is no mark.)
  const mark = (c: string) => c !== '' && QUOTE_MARKS.includes(c);
  for (let k = 0; k + 1 < parts.length; k++) if (mark(parts[k].slice(-1)) && mark(parts[k + 1].charAt(0))) out.push(k);
  return out;
}

/** Folded words of a form, `null` where a slot stands. */
function patternOf(form: string): (string | null)[] {
  const parts = form.split(SLOT);
  const out: (string | null)[] = [];
  parts.forEach((part, i) => {
    if (i > 0) out.push(null);
    for (const m of part.matchAll(WORD)) out.push(foldWord(m[0]));
  });
  return out;
}

/** One direction of the lexicon (German → English, or English → German). */
export class Translator {
  /** Rules by their first word, longest first. */
  private readonly byFirst = new Map<string, Rule[]>();
  /**
   * German rules of two words or more by each stem of their first word (`inflectionStems`): a phrase found with its words
   * in another inflection (`öffentlichen Ordnern` for `öffentliche Ordner`) when no longer form matches as written.
   */
  private readonly byFirstStem = new Map<string, Rule[]>();
  /** Rules of two words or more that the other language does not write alike, by their first word (`holdsPhrase`). */
  private readonly phrases = new Map<string, Rule[]>();
  /** Single-word rules, for splitting compounds. */
  private readonly single = new Map<string, string>();
  /** German single-word forms written as nouns (`Rule.noun`): a plural read past its ending is written in English plural. */
  private readonly nouns = new Set<string>();
  /**
   * Words written upper case alike in an entry's German and English forms (`Outlook`, `Exchange`, folded): names the
   * products print in both languages, never a German adverb (`nounOrName`).
   */
  private readonly names = new Set<string>();
  /**
   * German separable verbs: per finite verb form (`kommt`), its particles (`an`) and the entry's rule for the two together,
   * from entries that list the verb with its particle (`kommt an`) and the joined verb (`ankommen`).
   */
  private readonly separable = new Map<string, Map<string, Rule>>();
  /**
   * German separable verbs with their object (`stellt … Verbindung … her`): per finite verb form, the particle, the noun and the
   * entry's rule, from entries that list the three (`stellt Verbindung her`) and the noun with the joined verb
   * (`Verbindung herstellen`).
   */
  private readonly separableWith = new Map<string, { particle: string; noun: string; rule: Rule }[]>();
  private readonly endings: string[];
  /** The language translated into. */
  private readonly to: Lang;

  constructor(
    entries: readonly LexiconEntry[],
    from: Lang,
    private readonly params: BridgeParameters = DEFAULT_PARAMETERS.bridge,
  ) {
    this.endings = ENDINGS[from];
    this.to = from === 'de' ? 'en' : 'de';
    for (const e of entries) {
      // An English synonym group (synonyms.ts), or a platform message known only in English, translates nothing.
      if (e.synonyms || !e.de.length) continue;
      const sources = from === 'de' ? e.de : e.en;
      const output = from === 'de' ? e.en[0] : e.de[0];
      const outputPattern = patternOf(output);
      const outputWords = outputPattern.filter((w): w is string => w !== null);
      const outputSlots: number[] = [];
      for (let k = 0, n = 0; k < outputPattern.length; k++) {
        if (outputPattern[k] === null) outputSlots.push(n);
        else n++;
      }
      const quotedSlots = quotedSlotsOf(output);
      const alternatives = (from === 'de' ? e.en : e.de)
        .slice(1)
        .map((f) => patternOf(f).filter((w): w is string => w !== null))
        .filter((words) => words.length > 0);
      const targets = (from === 'de' ? e.en : e.de).map((f) => patternOf(f).join(' '));
      const forms = new Set(sources.map((f) => patternOf(f).join(' ')));
      if (from === 'de') {
        const english = new Set(e.en.flatMap(upperWords));
        for (const w of e.de.flatMap(upperWords)) if (english.has(w)) this.names.add(foldWord(w));
      }
      for (const source of sources) {
        const pattern = patternOf(source);
        const first = pattern[0];
        if (!first || !pattern.length) continue; // a form that starts with a slot has no anchor; the lexicon check forbids it
        const list = this.byFirst.get(first) ?? [];
        const shared = targets.includes(pattern.join(' '));
        const rule = {
          pattern,
          output,
          outputWords,
          outputSlots,
          quotedSlots,
          alternatives,
          shared,
          plural: from === 'de' && (pluralForm(pattern, forms) || umlautPlural(source, sources)),
          noun: from === 'de' && /^\p{Lu}/u.test(source.split(/\s+/).pop() ?? ''),
        };
        list.push(rule);
        this.byFirst.set(first, list);
        if (pattern.length > 1 && from === 'de') {
          for (const stem of inflectionStems(first, this.endings)) {
            const loose = this.byFirstStem.get(stem) ?? [];
            if (!loose.includes(rule)) loose.push(rule);
            this.byFirstStem.set(stem, loose);
          }
        }
        if (pattern.length === 1 && !this.single.has(first)) this.single.set(first, output);
        if (pattern.length === 1 && rule.noun) this.nouns.add(first);
        const particle = pattern[1];
        if (
          from === 'de' &&
          pattern.length === 2 &&
          particle &&
          PARTICLES.has(particle) &&
          sources.some((j) => {
            const joined = patternOf(j);
            return joined.length === 1 && !!joined[0] && joined[0].length > particle.length && joined[0].startsWith(particle);
          })
        ) {
          const byParticle = this.separable.get(first) ?? new Map<string, Rule>();
          if (!byParticle.has(particle)) byParticle.set(particle, rule);
          this.separable.set(first, byParticle);
        }
        const [, noun, last] = pattern;
        if (
          from === 'de' &&
          pattern.length === 3 &&
          noun &&
          last &&
          PARTICLES.has(last) &&
          sources.some((j) => {
            const joined = patternOf(j);
            return joined.length === 2 && joined[0] === noun && !!joined[1] && joined[1].length > last.length && joined[1].startsWith(last);
          })
        ) {
          const list = this.separableWith.get(first) ?? [];
          list.push({ particle: last, noun, rule });
          this.separableWith.set(first, list);
        }
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.pattern.length - a.pattern.length);
    for (const list of this.byFirstStem.values()) list.sort((a, b) => b.pattern.length - a.pattern.length);
    for (const [first, list] of this.byFirst) {
      const phrases = list.filter((r) => r.pattern.length > 1 && !r.shared);
      if (phrases.length) this.phrases.set(first, phrases);
    }
  }

  /**
   * Rewrites what the lexicon knows; everything else stays as pasted. A message may run over several lines
   * (PowerShell wraps its errors at the console's width): a form matched across a line break is written on its
   * first line and the line breaks it spanned follow it, so the translation keeps the paste's number of lines.
   */
  translate(text: string): Translation {
    const applied: Applied[] = [];
    const units: Unit[] = [];
    const out = this.rewrite(text, applied, units);
    const pairs = this.to === 'en' ? verbPairs(units, this.params.verbTrail) : [];
    return pairs.length ? { text: out, applied, pairs } : { text: out, applied };
  }

  /**
   * Whether `text` holds a phrase of this language the lexicon knows (a form of two words or more that the other language
   * does not write alike): a cheap check before `translate`, with no compound splitting.
   */
  holdsPhrase(text: string): boolean {
    // One match at a time (no array of them), each word folded once; phrases are looked for from the first word one starts with.
    const words: { folded: string }[] = [];
    let first = -1;
    WORD_RUN.lastIndex = 0;
    for (let m = WORD_RUN.exec(text); m !== null; m = WORD_RUN.exec(text)) {
      const folded = foldWord(m[0]);
      if (first < 0 && this.phrases.has(folded)) first = words.length;
      words.push({ folded });
    }
    if (first < 0) return false;
    for (let i = first; i < words.length; i++) {
      const rules = this.phrases.get(words[i].folded);
      if (!rules) continue;
      for (const rule of rules) if (matchFrom(rule.pattern, 0, words, i, [], this.params.maxSlotWords) >= 0) return true;
    }
    return false;
  }

  private rewrite(text: string, applied: Applied[], units: Unit[] = []): string {
    const words: Word[] = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, folded: foldWord(m[0]) }));
    // Where clauses start, read once for the three walks over them below.
    const clauses = this.to === 'en' || this.separable.size || this.separableWith.size ? clauseStarts(text, words) : NO_CLAUSES;
    if (this.to === 'en') markAttributive(text, words, clauses);
    const cannot = this.to === 'en' ? negatedModals(text, words) : NO_INDEXES;
    const negatedVerbs = this.to === 'en' ? this.negatedVerbs(words, clauses, cannot) : NO_READINGS;
    const separated =
      this.separable.size || this.separableWith.size ? this.separatedVerbs(words, clauses, negatedVerbs, cannot) : NO_READINGS;
    const negatedEnds = this.to === 'en' ? this.negatedEnds(text, words, clauses, cannot, negatedVerbs, separated) : NO_INDEXES;
    const brackets = cannot.size ? this.bracketVerbs(text, words, clauses, cannot, negatedVerbs, separated) : NO_BRACKETS;
    const middle = cannot.size ? this.middlePhrases(text, words, clauses, cannot, brackets.at) : NO_MIDDLE;
    /** The negations whose clause's verb was written beside them (`brackets.at`): that verb's place is then left out. */
    const moved = new Set<number>();
    const sentences = this.to === 'en' ? sentencesOf(text, words) : undefined;
    const statements = this.to === 'en' ? sentencesOf(text, words, STATEMENT_END) : undefined;
    const quotes = quotationsOf(text);
    let q = 0;
    /** The quotation words [from, to) stand in, if any (words come in order, so `q` only moves on). */
    const quoteOf = (from: number, to: number): number | undefined => {
      while (q < quotes.length && quotes[q][1] <= words[from].start) q++;
      return q < quotes.length && quotes[q][0] < words[from].start && words[to - 1].end <= quotes[q][1] ? q : undefined;
    };
    /** A quotation that starts with word `w` (only signs before it, `"$error…`): how many words it holds, else 0. */
    const quotedFrom = (w: number): number => {
      if (!quotes.length) return 0;
      const quote = quotes.find(([start, end]) => start <= words[w].start && words[w].end <= end);
      if (!quote || HAS_WORD.test(text.slice(quote[0], words[w].start))) return 0;
      let n = 1;
      while (w + n < words.length && words[w + n].end <= quote[1]) n++;
      return n;
    };
    const slotWords = quotes.length ? this.slotWords(quotedFrom) : this.params.maxSlotWords;
    const push = (from: number, to: number, a: Applied) => {
      const quote = quotes.length ? quoteOf(from, to) : undefined;
      const own = quote === undefined ? a : { ...a, quote };
      const read = to === from + 1 && negatedEnds.has(from) ? { ...own, negated: true as const } : own;
      applied.push(statements ? { ...read, sentence: statements.of[from] } : read);
    };
    let out = '';
    let cursor = 0;
    // The phrase between a negated modal verb and its negation (`middlePhrases`) is written after its clause's verb: from its
    // first word (`mark`, in `out`) to the negation it is cut out (`cut`), and set after the clause's last word.
    let next = 0;
    let mark = -1;
    let cut: string | undefined;
    const flushTo = (at: number) => {
      if (cursor < at) out += text.slice(cursor, at);
      cursor = Math.max(cursor, at);
    };
    const place = () => {
      const move = middle[next];
      flushTo(words[move.end].end);
      out += ` ${cut}`;
      cut = undefined;
      next++;
    };
    for (let i = 0; i < words.length;) {
      const move = middle[next];
      if (move) {
        if (cut !== undefined && i > move.end) place();
        else if (cut === undefined && mark < 0 && i === move.from) {
          flushTo(words[i].start);
          mark = out.length;
        } else if (mark >= 0 && i === move.negation) {
          flushTo(words[i].start);
          cut = out.slice(mark).trimEnd();
          out = out.slice(0, mark);
          mark = -1;
        }
      }
      // A word joined to the next or last by a dot or `@` is part of a name (`mail.contoso.com`, `admin@mail.de`):
      // a name stays as pasted.
      if (inName(text, words[i].start, words[i].end)) {
        i++;
        continue;
      }
      // A cmdlet's name (`Import-PSSession`, `Update-Recipient`) reads the same in every language: its verb and noun stay.
      // Not a German compound whose noun the lexicon reads as another English word (`Stop-Fehler`: a stop error):
      // a cmdlet's noun is English.
      if (isCmdletVerb(text, words[i].start, words[i].end) && !this.germanNoun(words[i + 1]?.folded)) {
        i += 2;
        continue;
      }
      // German sets a modal verb apart from its negation (`Benutzer können das Postfach nicht öffnen`): the negation reads
      // `cannot`, next to the verb that ends the German sentence as it follows `can't` in English (`cannot open`).
      // (A form of the lexicon that starts with the negation, `Nicht gefunden`, is read as the lexicon says.)
      // The verb that ends the clause of a negated modal verb is written right after the negation (`bracketVerbs`).
      const bracket = brackets.at.get(i);
      const hit = this.ruleAt(words, i, slotWords);
      if (cannot.has(i) && !(hit && hit.end > i + 1)) {
        out += text.slice(cursor, words[i].start) + 'cannot' + (bracket ? ` ${bracket.text}` : '');
        cursor = words[i].end;
        push(i, i + 1, { words: ['cannot'] });
        units.push(unitAt(sentences, i, i + 1, ['cannot']));
        if (bracket) {
          push(i, i + 1, { words: bracket.words });
          moved.add(i);
        }
        i++;
        continue;
      }
      // A word of such a clause read with the verb written at the negation (the verb, its noun): left out. The verb's unit stays
      // where German set it, so the sentence's pairs (`verbPairs`) are read as before.
      // (A noun before its negation is left out before the verb is written: bracketVerbs made sure the negation is read so.)
      const left = brackets.left.get(i);
      if (left && (left.negation > i || moved.has(left.negation))) {
        out += text.slice(cursor, words[i].start);
        cursor = words[i].end;
        if (left.words.length) units.push(unitAt(sentences, i, i + 1, left.words));
        i++;
        continue;
      }
      // A verb of receiving or finding negated with no modal verb (`Benutzer erhalten keine …`, `…, dass sie keine Mails
      // erhalten`) says `cannot receive`: read at one of the two, in English order, and the other is left out.
      const reading = negatedVerbs.get(i);
      if (reading !== undefined) {
        out += text.slice(cursor, words[i].start) + reading.join(' ');
        cursor = words[i].end;
        for (const w of reading) {
          push(i, i + 1, { words: [w] });
          units.push(unitAt(sentences, i, i + 1, [w]));
        }
        i++;
        continue;
      }
      // A separable verb with words between it and its particle at the clause's end (`Die Mail kommt beim Empfänger nicht
      // an`): read at the verb as the entry with both (`arrive`), the particle left out.
      const joined = separated.get(i);
      if (joined !== undefined) {
        out += text.slice(cursor, words[i].start) + joined.join(' ');
        cursor = words[i].end;
        // A negation read with the verb (`not arrive`) is a word of its own, as `cannot` is beside a verb of receiving.
        const groups = joined.length > 1 && joined[0] === 'not' ? [['not'], joined.slice(1)] : joined.length ? [joined] : [];
        for (const g of groups) {
          push(i, i + 1, { words: g });
          units.push(unitAt(sentences, i, i + 1, g));
        }
        i++;
        continue;
      }
      // A name both languages write alike (`OWA`) inside a sentence of the other language (an English event line in a
      // German paste: `[Owa] An internal server error occurred`) is already that language's word: it stays as written,
      // so the article that quotes the line finds it word for word.
      if (hit?.rule.shared && sentenceLanguage(text, words[i].start, words[hit.end - 1].end) === this.to) {
        i = hit.end;
        continue;
      }
      if (hit) {
        const slotTexts = hit.slots.map(([a, b]) => slotText(text, words, a, b));
        let k = 0;
        const rendered = hit.rule.output
          .split(SLOT)
          .reduce((acc, part, n) => (n === 0 ? part : `${acc}${slotTexts[k++] ?? ''}${part}`), '');
        const breaks = text.slice(words[i].start, words[hit.end - 1].end).split('\n').length - 1;
        const { outputWords, outputSlots, quotedSlots, alternatives, pattern } = hit.rule;
        const last = pattern[pattern.length - 1];
        const noun = isNoun(text, words[hit.end - 1].start);
        const plural =
          this.to === 'en' && noun && (hit.rule.plural || (!!last && pluralOf(words[hit.end - 1].folded, (stem) => stem === last)));
        // A German plural is written as the English plural (`MAPI-Anwendungen`: `MAPI applications`), as an English post would.
        const many = plural && hit.rule.noun && !outputSlots.length ? pluralWritten(rendered) : null;
        // A form of a modal verb and its negation (`kann nicht`: `cannot`) before the clause's verb (`bracketVerbs`).
        const after = hit.end === i + 2 ? brackets.at.get(i + 1) : undefined;
        out += text.slice(cursor, words[i].start) + (many ? many.text : rendered) + (after ? ` ${after.text}` : '') + '\n'.repeat(breaks);
        cursor = words[hit.end - 1].end;
        // A form ending in a bracket (`Argument(en)`) was matched up to its last word: its bracket is the paste's.
        if (rendered.endsWith(')') && text[cursor] === ')') cursor++;
        push(i, hit.end, {
          words: many ? [...outputWords.slice(0, -1), many.word] : outputWords,
          ...(alternatives.length ? { alternatives } : {}),
          ...(outputSlots.length ? { slots: outputSlots } : {}),
          ...(quotedSlots.length ? { quotedSlots } : {}),
          ...(plural ? { plural: true as const } : {}),
        });
        units.push(unitAt(sentences, i, hit.end, outputWords));
        if (after) {
          push(i + 1, i + 2, { words: after.words });
          moved.add(i + 1);
        }
        i = hit.end;
        continue;
      }
      const parts =
        this.inflected(words[i].folded) ?? (words[i].folded.length >= this.params.minCompound ? this.splitCompound(words[i].folded) : null);
      if (parts) {
        const plural = this.to === 'en' && isNoun(text, words[i].start) && this.pluralRead(words[i].folded);
        const joined = parts.join(' ');
        const many = plural && this.pluralRead(words[i].folded, this.nouns) ? pluralWritten(joined) : null;
        out += text.slice(cursor, words[i].start) + (many ? many.text : joined);
        cursor = words[i].end;
        const read = parts.flatMap((p) => patternOf(p).filter((w): w is string => w !== null));
        push(i, i + 1, {
          words: many ? [...read.slice(0, -1), many.word] : read,
          ...(plural ? { plural: true as const } : {}),
        });
        units.push(unitAt(sentences, i, i + 1, applied[applied.length - 1].words));
      }
      i++;
    }
    if (cut !== undefined) place();
    return out + text.slice(cursor);
  }

  /**
   * German sets a modal verb's objects between it and the verb that ends its clause, a prepositional phrase last (`Der
   * Assistent kann die Verbindung mit Office 365 nicht herstellen`, `… kann sich mit Office 365 nicht verbinden`); English
   * writes that phrase after the verb (`cannot connect to Office 365`), and titles that say so are found by their words in
   * that order. Per negation the modal rule reads `cannot` (`cannot`) with its modal verb before it in its clause and words
   * between the two: from the first preposition among them (written in lower case) up to the negation, the phrase, which
   * is written after the clause's last word (`kann die … cannot connect mit Office 365`). Only where that word is a verb
   * (lower case; not an auxiliary: a passive keeps its phrase by its noun, `Die Verbindung kann mit Office 365 nicht
   * hergestellt werden`) and no form of the lexicon, name, cmdlet or quotation runs across the phrase's ends.
   */
  private middlePhrases(
    text: string,
    words: readonly { start: number; end: number; folded: string }[],
    clauses: Uint8Array,
    cannot: ReadonlySet<number>,
    verbAt: ReadonlyMap<number, unknown>,
  ): readonly MiddlePhrase[] {
    let out: MiddlePhrase[] | undefined;
    /** Whether a form of the lexicon that starts in [from, to) ends past `to`. */
    const crosses = (from: number, to: number) => {
      for (let k = from; k < to; k++) {
        const hit = this.ruleAt(words, k);
        if (hit && hit.end > to) return true;
      }
      return false;
    };
    /** Whether the loop in `rewrite` could step over word `k` (a cmdlet's verb and noun are passed together) or keeps it whole. */
    const bound = (k: number) =>
      !inName(text, words[k].start, words[k].end) && !(k > 0 && isCmdletVerb(text, words[k - 1].start, words[k - 1].end));
    for (const n of [...cannot].sort((a, b) => a - b)) {
      let from = n;
      while (from > 0 && !clauses[from]) from--;
      let to = n + 1;
      while (to < words.length && !clauses[to]) to++;
      const last = MODALS.has(words[to - 1].folded) ? to - 2 : to - 1;
      if (last <= n || AUXILIARIES.has(words[last].folded)) continue;
      if (!LOWER_START.test(text.slice(words[last].start, words[last].end))) continue;
      let modal = -1;
      for (let k = n - 1; k >= from && modal < 0; k--) if (MODALS.has(words[k].folded)) modal = k;
      if (modal < 0) continue;
      // The clause starts with its subject, the modal verb after it (`Ein Benutzer kann …`, `Wir können …`): all the words
      // between the modal verb and the negation are the verb's objects (a reflexive pronoun right after the modal stays). A clause
      // that starts otherwise (`Nach der Migration kann ich …`) has its subject there too: only a prepositional phrase moves.
      let at = -1;
      let first = modal + 1;
      while (first < n && REFLEXIVES.has(words[first].folded)) first++;
      const opens = JOINING.has(words[from].folded) || words[from].folded === 'aber' ? from + 1 : from;
      const subjectFirst =
        modal > opens &&
        first < n &&
        (this.subjectStart(words[opens].folded) ||
          nounPhraseFirst(text, words, opens, modal) ||
          (modal === opens + 1 && !SUBJECT_PRONOUNS.has(words[modal + 1].folded) && this.nounOrName(text, words, opens)));
      // A clause that starts otherwise and has its subject right after the modal verb (`Seit gestern kann ein Benutzer …`,
      // `Nach der Migration kann ich …`): the words after that subject are the verb's objects, as above.
      const after = subjectFirst
        ? -1
        : subjectAfter(text, words, modal + 1, n, modal > opens && OPENERS.has(words[opens].folded), (k) =>
            this.nounOrName(text, words, k),
          );
      if (after >= 0) {
        first = after;
        while (first < n && REFLEXIVES.has(words[first].folded)) first++;
      }
      const objects = subjectFirst || (after >= 0 && first < n);
      if (objects) at = first;
      else {
        // A preposition right after an article opens the article's noun's attribute (`die in Exchange Online erstellte Gruppe`).
        for (let k = modal + 1; k < n && at < 0; k++) if (PREPOSITIONS.has(words[k].folded) && !ARTICLES.has(words[k - 1].folded)) at = k;
        if (at < 0 || !LOWER_START.test(text.slice(words[at].start, words[at].end))) continue;
      }
      // A second negation of the clause (`kann keine … mit … nicht …`): its phrase is moved once.
      if (out && out[out.length - 1].end >= at) continue;
      if (![at, n, to - 1].every(bound) || (to < words.length && !bound(to))) continue;
      if (QUOTE_MARK.test(text.slice(words[at].start, words[to - 1].end))) continue;
      let start = from;
      while (start > 0 && !SENTENCE_END.test(text.slice(words[start - 1].end, words[start].start))) start--;
      if (crosses(start, at) || crosses(at, n) || crosses(n, to)) continue;
      // An object follows the verb that `nicht` was read with (`Ich kann das Postfach nicht mehr öffnen`: `cannot open das
      // mailbox mehr`); a `kein` is its noun's, which follows it, and a prepositional phrase goes last.
      const end = objects && words[n].folded === NOT && verbAt.has(n) && !PREPOSITIONS.has(words[at].folded) ? n : to - 1;
      (out ??= []).push({ from: at, negation: n, end });
    }
    return out ?? NO_MIDDLE;
  }

  /**
   * Per clause (up to a comma or a sentence end) with no modal verb, a negation and a single word the lexicon reads as a
   * verb of `NEGATED_AS_CANNOT` (`erhalten … keine`, `keine … erhalten`), neither of them the start of a longer form: one of the
   * two reads `cannot` and the verb, the other nothing (word indexes → English words). Negations the modal rule read
   * (`taken`) are left to it.
   */
  private negatedVerbs(
    words: readonly { start: number; end: number; folded: string }[],
    clauses: Uint8Array,
    taken: ReadonlySet<number>,
  ): ReadonlyMap<number, string[]> {
    let out: Map<number, string[]> | undefined;
    let from = 0;
    const alone = (k: number) => {
      const hit = this.ruleAt(words, k);
      return !hit || hit.end === k + 1;
    };
    for (let i = 0; i <= words.length; i++) {
      if (i < words.length && !clauses[i]) continue;
      // Words [from, i) are one clause: a negation and no modal first (cheap), then the verb.
      let negation = -1;
      let modal = false;
      for (let k = from; k < i && !modal; k++) {
        const w = words[k].folded;
        if (MODALS.has(w)) modal = true;
        else if (negation < 0 && NEGATIONS.has(w) && !taken.has(k) && alone(k) && !attributive(words, k)) negation = k;
      }
      let verb = -1;
      let read = '';
      for (let k = from; k < i && negation >= 0 && !modal && verb < 0; k++) {
        const w = words[k].folded;
        if (NEGATIONS.has(w)) continue;
        const english = this.single.get(w) ?? this.inflected(w)?.[0];
        if (english !== undefined && CANNOT_VERBS.has(english) && alone(k)) [verb, read] = [k, english];
      }
      if (!modal && negation >= 0 && verb >= 0) {
        // `keine` stands where English sets the verb, before its object (`erhalten die Benutzer keine Abwesenheitsnotizen`
        // → `die Benutzer cannot receive Abwesenheitsnotizen`); `nicht` often ends the clause, so the verb's place is read then.
        const at = words[negation].folded === 'nicht' ? verb : negation;
        (out ??= new Map()).set(at, ['cannot', read]);
        out.set(at === verb ? negation : verb, []);
      }
      from = i;
    }
    return out ?? NO_READINGS;
  }

  /**
   * Per clause (up to a comma or a sentence end) that ends with a separable verb's particle, the first word before it, not
   * next to it, that the lexicon lists with that particle (`kommt … an`, `richtet … ein`): the verb reads as the entry, the
   * particle nothing (word indexes → English words). Words another reading took (`taken`) and the start of a longer form stay.
   * Into English, a `nicht` between the two (`Besprechungsanfragen kommen im Raumpostfach nicht an`) is read with the verb,
   * where English sets it (`not arrive`: `don't arrive`), and as nothing where it stood — unless the modal rule read it
   * (`cannot`: `modalNegations`) or it starts a longer form of the lexicon.
   */
  private separatedVerbs(
    words: readonly { start: number; end: number; folded: string }[],
    clauses: Uint8Array,
    taken: ReadonlyMap<number, string[]>,
    modalNegations: ReadonlySet<number> = NO_INDEXES,
  ): ReadonlyMap<number, string[]> {
    let out: Map<number, string[]> | undefined;
    let from = 0;
    for (let i = 0; i <= words.length; i++) {
      if (i < words.length && !clauses[i]) continue;
      // Words [from, i) are one clause; its last word a particle, with a verb two or more words before it.
      const last = i - 1;
      if (last - from >= 2 && PARTICLES.has(words[last].folded) && !taken.has(last)) {
        const particle = words[last].folded;
        for (let k = from; k <= last - 2; k++) {
          // With its object between the two (`Outlook stellt keine Verbindung zum Server her`): the verb reads as the entry,
          // the noun and the particle nothing; a negation of the noun (`keine`) is the verb's (`not connect`).
          const object = taken.has(k) ? undefined : this.objectVerb(words, k, from, last, taken, modalNegations);
          if (object) {
            out ??= new Map();
            for (const [at, read] of object) out.set(at, read);
            break;
          }
          const rule = this.separable.get(words[k].folded)?.get(particle);
          if (!rule || taken.has(k)) continue;
          const hit = this.ruleAt(words, k);
          if (hit && hit.end > k + 1) continue;
          let negation = -1;
          if (this.to === 'en')
            for (let n = k + 1; n < last && negation < 0; n++) {
              if (words[n].folded !== NOT || taken.has(n) || modalNegations.has(n) || attributive(words, n)) continue;
              const form = this.ruleAt(words, n);
              if (!form || form.end === n + 1) negation = n;
            }
          (out ??= new Map()).set(k, negation < 0 ? rule.outputWords : ['not', ...rule.outputWords]);
          out.set(last, []);
          if (negation >= 0) out.set(negation, []);
          break;
        }
      }
      from = i;
    }
    return out ?? NO_READINGS;
  }

  /**
   * A separable verb at word `k` with its object noun between it and the particle that ends the clause at `last`
   * (`separableWith`): the readings (word index → English words), or undefined. A negation right before the noun (`keine
   * Verbindung`), or a `nicht` between the two, is read with the verb (`not connect`) — unless another reading took it.
   */
  private objectVerb(
    words: readonly { folded: string }[],
    k: number,
    from: number,
    last: number,
    taken: ReadonlyMap<number, string[]>,
    modalNegations: ReadonlySet<number>,
  ): [number, string[]][] | undefined {
    const particle = words[last].folded;
    for (const { particle: p, noun, rule } of this.separableWith.get(words[k].folded) ?? []) {
      if (p !== particle) continue;
      let at = -1;
      for (let n = k + 1; n < last && at < 0; n++)
        if (!taken.has(n) && (words[n].folded === noun || sameInflected(words[n].folded, noun, this.endings))) at = n;
      if (at < 0) continue;
      let negation = -1;
      if (this.to === 'en') {
        const free = (n: number) => !taken.has(n) && !modalNegations.has(n);
        if (at - 1 > k && NEGATIONS.has(words[at - 1].folded) && free(at - 1)) negation = at - 1;
        for (let n = k + 1; n < last && negation < 0; n++) if (words[n].folded === NOT && free(n)) negation = n;
      }
      const out: [number, string[]][] = [
        [k, negation < 0 ? rule.outputWords : ['not', ...rule.outputWords]],
        [at, []],
        [last, []],
      ];
      if (negation >= 0) out.push([negation, []]);
      return out;
    }
    return undefined;
  }

  /**
   * German closes a modal verb's clause with its infinitive (`Outlook kann sich nicht mit Exchange verbinden`, `… kann keine
   * Verbindung mit Office 365 herstellen`); English sets the verb right after `cannot` (`cannot connect to Exchange`), and
   * titles that say so are found by their words in that order. Per negation the modal rule reads `cannot` (`cannot`), alone or
   * in a form of the lexicon with the modal right before it (`kann nicht`), with words between it and its clause's last
   * word: that word, written in lower case and read by the lexicon as one word, is the verb written after the negation
   * (`at`), and nothing where it stood (`left`). A noun of the clause that an entry lists with that verb (`Verbindung
   * herstellen`) is read with it as the entry (`connect`), and left out too, also where the verb follows the negation (`kann die
   * Verbindung nicht herstellen`). Not a passive (`… hergestellt werden`: the
   * clause ends with an auxiliary), nor where another reading took a word (`taken`) or a longer form of the lexicon holds one.
   */
  private bracketVerbs(
    text: string,
    words: readonly { start: number; end: number; folded: string }[],
    clauses: Uint8Array,
    cannot: ReadonlySet<number>,
    ...taken: ReadonlyMap<number, string[]>[]
  ): Brackets {
    let at: Map<number, { text: string; words: string[] }> | undefined;
    const left = new Map<number, { negation: number; words: string[] }>();
    const free = (k: number) => !taken.some((t) => t.has(k)) && !left.has(k);
    /** Whether a form of two words or more that starts at `k` ends past `end` (it holds a word after it). */
    const longer = (k: number, end: number) => {
      const hit = this.ruleAt(words, k);
      return !!hit && hit.end > k + 1 && hit.end > end;
    };
    for (const n of cannot) {
      let from = n;
      while (from > 0 && !clauses[from]) from--;
      let to = n + 1;
      while (to < words.length && !clauses[to]) to++;
      // `…, das sich nicht öffnen lässt`: the modal ends the clause, after its verb.
      const last = MODALS.has(words[to - 1].folded) ? to - 2 : to - 1;
      if (last <= n || AUXILIARIES.has(words[last].folded) || !free(last)) continue;
      const verb = words[last];
      if (!LOWER_START.test(text.slice(verb.start, verb.end)) || inName(text, verb.start, verb.end)) continue;
      if (PARTICLES.has(verb.folded) || NEGATIONS.has(verb.folded) || STOPWORDS.has(verb.folded)) continue;
      // The negation is read alone (`cannot`), or in a form with the modal before it (`kann nicht`); no other form holds it.
      const pair = n > from && MODALS.has(words[n - 1].folded) ? this.ruleAt(words, n - 1) : null;
      const paired = !!pair && pair.end === n + 1 && pair.rule.pattern.length === 2 && !pair.rule.outputSlots.length;
      if (!paired && longer(n, n + 1)) continue;
      // A form that starts earlier in the sentence (a message template runs over commas) and holds the negation, or one that
      // holds the verb: the form is read as the lexicon says.
      let start = from;
      while (start > 0 && !SENTENCE_END.test(text.slice(words[start - 1].end, words[start].start))) start--;
      let crossed = false;
      for (let k = start; k < n && !crossed; k++) if (!(paired && k === n - 1) && longer(k, n)) crossed = true;
      for (let k = n + 1; k < last && !crossed; k++) if (longer(k, last)) crossed = true;
      if (crossed) continue;
      /** Whether a form of the lexicon that starts before word `k` in its sentence holds it. */
      const held = (k: number) => {
        for (let j = start; j < k; j++) if (!(paired && j === n - 1) && longer(j, k)) return true;
        return false;
      };
      let read: { text: string; words: string[] } | undefined;
      let noun = -1;
      for (let k = from; k < last && !read; k++) {
        if (k === n || (paired && k === n - 1) || !free(k) || !isNoun(text, words[k].start)) continue;
        const rule = (this.byFirst.get(words[k].folded) ?? []).find(
          (r) => r.pattern.length === 2 && r.pattern[1] === verb.folded && !r.outputSlots.length,
        );
        if (rule && !longer(k, k + 1) && !held(k)) [read, noun] = [{ text: rule.output, words: rule.outputWords }, k];
      }
      // The verb right after the negation is in its place already; only its noun is read with it.
      if (!read && last === n + 1) continue;
      if (!read) {
        const hit = this.ruleAt(words, last);
        if (hit && hit.rule.pattern.length === 1 && !hit.rule.outputSlots.length)
          read = { text: hit.rule.output, words: hit.rule.outputWords };
        else if (!hit) {
          const parts = this.inflected(verb.folded);
          if (parts) read = { text: parts.join(' '), words: parts.flatMap((p) => patternOf(p).filter((w): w is string => w !== null)) };
        }
      }
      if (!read || !read.words.length) continue;
      (at ??= new Map()).set(n, read);
      left.set(last, { negation: n, words: read.words });
      if (noun >= 0) left.set(noun, { negation: n, words: [] });
    }
    return at ? { at, left } : NO_BRACKETS;
  }

  /**
   * Per clause (up to a comma, `und`, `oder` or a sentence end) with no modal verb and a `nicht` that no other reading took (`taken`: the
   * modal rule, a negated verb of receiving, a separable verb's), the clause's last word after it, where German sets the verb
   * (`… wird nicht nach Exchange Online synchronisiert`), or the word before an auxiliary that ends it (`… nicht
   * synchronisiert worden`): the word the negation says did not happen (word indexes). Written in lower case (a noun there is
   * the verb's object: `sehen nicht alle Mitglieder`); not a particle (the separable rule's), a negation or a stop word, nor
   * the start of a longer form of the lexicon.
   */
  private negatedEnds(
    text: string,
    words: readonly { start: number; end: number; folded: string }[],
    clauses: Uint8Array,
    modalNegations: ReadonlySet<number>,
    ...taken: ReadonlyMap<number, string[]>[]
  ): ReadonlySet<number> {
    let out: Set<number> | undefined;
    let from = 0;
    for (let i = 0; i <= words.length; i++) {
      // `und`, `oder` join two clauses with no comma between them (`… ist nicht synchronisiert und erscheint …`).
      const joined = i < words.length && i > 0 && JOINING.has(words[i].folded);
      if (i < words.length && !joined && !clauses[i]) continue;
      // Words [from, i) are one clause.
      let negation = -1;
      let modal = false;
      for (let k = from; k < i; k++) {
        const w = words[k].folded;
        if (MODALS.has(w)) modal = true;
        else if (w === NOT && !modalNegations.has(k) && !taken.some((t) => t.has(k)) && !attributive(words, k)) negation = k;
      }
      let last = i - 1;
      if (last > negation + 1 && AUXILIARIES.has(words[last].folded)) last--;
      const w = words[last]?.folded;
      if (
        !modal &&
        negation >= 0 &&
        last > negation &&
        // A verb is written in lower case; a noun that ends the clause (`sehen nicht alle Mitglieder`) is its object.
        LOWER_START.test(text.slice(words[last].start, words[last].end)) &&
        !PARTICLES.has(w) &&
        !NEGATIONS.has(w) &&
        !STOPWORDS.has(w) &&
        !taken.some((t) => t.has(last)) &&
        // A word read as one every description uses (`nicht mehr`: `more`) is no verb of this clause's.
        !this.readsGeneric(w)
      ) {
        const hit = this.ruleAt(words, last);
        if (!hit || hit.end === last + 1) (out ??= new Set()).add(last);
      }
      from = i;
    }
    return out ?? NO_INDEXES;
  }

  /** Whether the lexicon reads a single word (or an inflection of one) as a word every description uses (`mehr` → `more`). */
  private readsGeneric(word: string): boolean {
    const english = this.single.get(word) ?? this.inflected(word)?.join(' ');
    return english !== undefined && [...english.matchAll(WORD)].every((m) => GENERIC.has(foldWord(m[0])) || STOPWORDS.has(foldWord(m[0])));
  }

  /**
   * The longest rule that matches at word `i`, with where its slots and it end. `slotWords`: the most words a slot may
   * stand for (`maxSlotWords`; in a paste's own reading also a quotation's, `slotWords`).
   */
  private ruleAt(
    words: readonly { folded: string }[],
    i: number,
    slotWords: SlotWords = this.params.maxSlotWords,
  ): { rule: Rule; end: number; slots: [number, number][] } | null {
    let found: { rule: Rule; end: number; slots: [number, number][] } | null = null;
    for (const rule of this.byFirst.get(words[i].folded) ?? []) {
      const slots: [number, number][] = [];
      const end = matchFrom(rule.pattern, 0, words, i, slots, slotWords);
      if (end >= 0) {
        found = { rule, end, slots };
        break;
      }
    }
    // A phrase whose words stand in another inflection (`öffentlichen Ordnern`, `freigegebenen Postfächern`): German
    // inflects an adjective with its noun, and a lexicon lists one or two of its forms. Longer than what matched as written.
    const stems = this.byFirstStem.size ? inflectionStems(words[i].folded, this.endings) : [];
    for (const stem of stems) {
      for (const rule of this.byFirstStem.get(stem) ?? []) {
        if (found && rule.pattern.length <= found.rule.pattern.length) break;
        const slots: [number, number][] = [];
        const end = matchFrom(rule.pattern, 0, words, i, slots, slotWords, this.endings);
        if (end >= 0 && (!found || end > found.end)) found = { rule, end, slots };
      }
    }
    return found;
  }

  /**
   * The most words a slot starting at a word may stand for: `maxSlotWords`, or the quotation that starts there, whole (at
   * most `maxQuotedSlotWords`) — a quoted command is one name however long, and the quotation marks where it ends.
   */
  private slotWords(quoted: (w: number) => number): SlotWords {
    const { maxSlotWords, maxQuotedSlotWords } = this.params;
    return (w) => {
      const n = quoted(w);
      return n > maxSlotWords && n <= maxQuotedSlotWords ? n : maxSlotWords;
    };
  }

  /** A word of German the lexicon reads as another English word (`fehler` → `error`; `server` reads the same). */
  /** Whether a clause that starts with `word` starts with its subject: an article, a pronoun, or a noun the lexicon reads. */
  private subjectStart(word: string): boolean {
    return SUBJECT_STARTS.has(word) || inflectionStems(word, this.endings).some((s) => this.nouns.has(s));
  }

  /**
   * Whether the one word before a clause's modal verb at word `k` (`Outlook kann das Postfach … nicht öffnen`) is its subject:
   * a noun or a name, which German adverbs (`Danach kann …`) never are by their shape — a compound whose last part is a noun of
   * the lexicon (`Postfachbenutzer`), a name written in capitals (`OWA`), with a capital inside (`ActiveSync`) or a digit, or
   * one the lexicon writes alike in both languages (`names`). Not a word that opens a clause otherwise (`OPENERS`) or a time
   * (`TIME_NOUNS`). (The caller checks that no subject pronoun follows the modal verb: `Outlook kann ich …`.)
   */
  private nounOrName(text: string, words: readonly { start: number; end: number; folded: string }[], k: number): boolean {
    const w = words[k].folded;
    const written = text.slice(words[k].start, words[k].end);
    if (!UPPER_START.test(written) || OPENERS.has(w) || TIME_NOUNS.has(w)) return false;
    return NAME_SHAPE.test(written) || this.names.has(w) || this.compoundNoun(w);
  }

  /** Whether a German word is a compound whose last part (inflected or not) is a noun of the lexicon, its head known too. */
  private compoundNoun(word: string): boolean {
    for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
      if (!inflectionStems(word.slice(cut), this.endings).some((s) => this.nouns.has(s))) continue;
      for (const link of LINKS) {
        const head = word.slice(0, cut - link.length);
        if (head.length >= MIN_PART && word.startsWith(link, head.length) && this.split(head, 1)) return true;
      }
    }
    return false;
  }

  private germanNoun(word: string | undefined): boolean {
    if (this.to !== 'en' || word === undefined) return false;
    const english = this.single.get(word);
    return english !== undefined && english !== word;
  }

  /** `Postfachverschiebung` → the lexicon's words for `Postfach` + `Verschiebung`, when both are known. */
  private splitCompound(word: string): string[] | null {
    const parts = this.split(word, 0);
    return parts && parts.length > 1 ? parts : null;
  }

  /**
   * A single word of the lexicon with an inflection ending, read as that word; in German also a separable verb with `zu`
   * between its prefix and its stem (`zuzugreifen` is `zugreifen`, `anzuzeigen` is `anzeigen`).
   */
  private inflected(word: string): string[] | null {
    const stems = inflectionStems(word, this.endings);
    // stems[0] is the word as written: only the stems without an ending are read here.
    for (let k = 1; k < stems.length; k++) {
      const known = this.single.get(stems[k]);
      if (known !== undefined) return [known];
    }
    if (this.to === 'en') {
      for (let at = word.indexOf('zu', 2); at > 0 && at + 2 + MIN_ZU_STEM <= word.length; at = word.indexOf('zu', at + 1)) {
        const known = this.single.get(word.slice(0, at) + word.slice(at + 2));
        if (known !== undefined) return [known];
      }
    }
    return null;
  }

  /**
   * Whether a German word the lexicon read past an ending (or split) ends in a known noun with `-n` or `-en`, its plural
   * (`Sicherheitsgruppen`: `Sicherheitsgruppe`; `Postfachverschiebungen`: `Verschiebung`).
   */
  private pluralRead(word: string, of: ReadonlySet<string> | ReadonlyMap<string, string> = this.single): boolean {
    const known = (stem: string) => of.has(stem);
    for (let cut = 0; cut + MIN_STEM < word.length; cut++) {
      const tail = word.slice(cut);
      if (this.single.has(tail)) return false;
      if (pluralOf(tail, known)) return true;
    }
    return false;
  }

  private split(word: string, depth: number): string[] | null {
    if (this.single.has(word)) return [this.single.get(word)!];
    if (depth > 0) {
      const tail = this.inflected(word); // the last part inflected: Verteiler + listen
      if (tail) return tail;
    }
    if (depth >= 2) return null;
    // Longest known head first: "Verbundvertrauensstellung" is Verbund + Vertrauensstellung before Verbund + vertrauen + …
    for (let cut = word.length - 3; cut >= 3; cut--) {
      const head = this.single.get(word.slice(0, cut));
      if (head === undefined) continue;
      for (const link of LINKS) {
        if (!word.startsWith(link, cut)) continue;
        const rest = word.slice(cut + link.length);
        if (rest.length < 3) continue;
        const tail = this.split(rest, depth + 1);
        if (tail) return [head, ...tail];
      }
    }
    return null;
  }
}

/**
 * Quotations of a text on one line, as [start, end) of what is between the marks: German `„…“`, English `“…”`, straight
 * `"…"`, and `«…»` (one pass, each a run of other characters: linear in the text).
 */
const QUOTATION = /„[^“”"\n]*[“”"]|“[^“”\n]*”|"[^"\n]*"|«[^»\n]*»/g;
function quotationsOf(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(QUOTATION)) out.push([m.index + 1, m.index + m[0].length - 1]);
  return out;
}

/**
 * The language `guessLanguage` reads in the sentence of `text` around [start, end): from the last sentence end or line
 * break before it to the next.
 */
function sentenceLanguage(text: string, start: number, end: number): Lang | undefined {
  let from = start;
  while (from > 0 && text[from - 1] !== '\n' && !(/[.:;!?]/.test(text[from - 1]) && /\s/.test(text[from] ?? ''))) from--;
  const rest = /[.:;!?](?:\s|$)|\n/.exec(text.slice(end));
  const sentence = text.slice(from, rest ? end + rest.index : text.length);
  return guessLanguage(
    [...sentence.matchAll(WORD)].map((m) => foldWord(m[0])),
    sentence,
  );
}

/** A rewrite done in a paste, where it stands: its words, its sentence (by count) and the words left after it there. */
interface Unit {
  words: string[];
  sentence: number;
  trail: number;
}

/** Per word, its sentence (by count); per sentence, the index of the word after its last. */
interface Sentences {
  of: Int32Array;
  end: number[];
}

function sentencesOf(text: string, words: readonly { start: number; end: number }[], ender = SENTENCE_END): Sentences {
  const of = new Int32Array(words.length);
  const end: number[] = [];
  for (let k = 1; k < words.length; k++) {
    const ends = ender.test(text.slice(words[k - 1].end, words[k].start));
    if (ends) end.push(k);
    of[k] = end.length;
  }
  end.push(words.length);
  return { of, end };
}

/** The unit read from words [from, to): its sentence and how many words follow it there. */
function unitAt(sentences: Sentences | undefined, from: number, to: number, read: string[]): Unit {
  if (!sentences) return { words: read, sentence: 0, trail: 0 };
  const sentence = sentences.of[from];
  return { words: read, sentence, trail: sentences.end[sentence] - to };
}

/**
 * `Translation.pairs`: per sentence, its last unit when it is one word with at most `maxTrail` words after it (`öffnen
 * lässt`, `migriert wurden`), paired with each word of the sentence's earlier units.
 */
function verbPairs(units: readonly Unit[], maxTrail: number): string[] {
  const out: string[] = [];
  units.forEach((u, n) => {
    const next = units[n + 1];
    if ((next && next.sentence === u.sentence) || u.words.length !== 1 || u.trail > maxTrail) return;
    const verb = u.words[0];
    for (let k = n - 1; k >= 0 && units[k].sentence === u.sentence; k--)
      for (const w of units[k].words) if (w !== verb) out.push(`${w} ${verb}`, `${verb} ${w}`);
  });
  return out;
}

const MODALS = new Set(GERMAN_MODALS.map(foldWord));
const NEGATIONS = new Set(GERMAN_NEGATIONS.map(foldWord));
const NO_INDEXES: ReadonlySet<number> = new Set();
/** The German negation of a verb (`keine` negates a noun: `es kommen keine Mails an`, `no mails arrive`, stays). */
const NOT = foldWord('nicht');
const NO_READINGS: ReadonlyMap<number, string[]> = new Map();
/** `Translator.bracketVerbs`' readings: per negation, the verb written beside it; per word read with that verb, its negation. */
interface Brackets {
  at: ReadonlyMap<number, { text: string; words: string[] }>;
  left: ReadonlyMap<number, { negation: number; words: string[] }>;
}
const NO_BRACKETS: Brackets = { at: new Map(), left: new Map() };
/** `Translator.middlePhrases`' phrases: words [from, negation) are written after word `end`, the clause's last. */
interface MiddlePhrase {
  from: number;
  negation: number;
  end: number;
}
const NO_MIDDLE: readonly MiddlePhrase[] = [];
/** German reflexive pronouns: right after a modal verb (`kann sich … nicht verbinden`), one belongs to the verb, not its objects. */
const REFLEXIVES: ReadonlySet<string> = new Set(['sich', 'mich', 'dich', 'uns', 'euch']);
/** German words that start a clause with its subject in the nominative (an article, a pronoun): `middlePhrases`. */
const SUBJECT_STARTS: ReadonlySet<string> = new Set(
  'der die das ein eine mein meine unser unsere dieser diese dieses jeder jede jedes alle einige viele manche ich wir er sie es man du ihr'
    .split(' ')
    .map(foldWord),
);
/** German prepositions as written (`PREPOSITIONS`, `OPENERS`). */
const PREPOSITION_WORDS =
  'mit zu zum zur auf aufs von vom an am ans in im ins bei beim über nach für aus durch gegen ohne unter vor zwischen seit wegen per'.split(
    ' ',
  );
/** German pronouns only ever in the nominative: one right after a modal verb is its clause's subject (`subjectAfter`). */
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set('ich wir er man du'.split(' '));
/** German pronouns in the nominative, `sie` and `es` also an object (`Outlook kann es nicht öffnen`): after an opener only. */
const NOMINATIVE_PRONOUNS: ReadonlySet<string> = new Set('sie es'.split(' '));
/**
 * German words that open a clause before its modal verb when the subject follows it: a preposition (`Seit gestern`, `Nach
 * der Migration`) or an adverb (`Leider`, `Heute`). A clause that opens with a noun (`Exchange Online-Benutzer können die …`)
 * has its subject there, and the article after the modal verb opens an object.
 */
const OPENERS: ReadonlySet<string> = new Set(
  [
    ...PREPOSITION_WORDS,
    ...'leider heute gestern jetzt nun plötzlich manchmal immer derzeit aktuell momentan trotzdem dennoch deshalb daher hier dort dann seitdem mittlerweile inzwischen weiterhin wieder bisher noch oft danach anschließend allerdings außerdem zudem zusätzlich vermutlich möglicherweise eventuell vielleicht offenbar anscheinend scheinbar tatsächlich natürlich teilweise grundsätzlich irgendwann'.split(
      ' ',
    ),
  ].map(foldWord),
);
/** German articles and determiners that open a noun in the nominative (`SUBJECT_STARTS` without its pronouns). */
const NOMINATIVE_ARTICLES: ReadonlySet<string> = new Set(
  'der die das ein eine mein meine unser unsere dieser diese dieses jeder jede jedes'.split(' ').map(foldWord),
);
/** German articles of a genitive attribute after a noun (`ein Benutzer des Postfachs`): it belongs to that noun. */
const GENITIVES: ReadonlySet<string> = new Set(['des', 'eines']);

/**
 * The subject right after a modal verb at word `s` in a clause that does not start with it (`Seit gestern kann ein Benutzer
 * die … nicht anzeigen`): a pronoun in the nominative, or an article with lower-case words (adjectives) up to its noun, the
 * first upper-case word, and a genitive attribute after that noun (`des`, `eines` and its noun). Returns the word after
 * that subject, before `n` (the negation), else -1.
 */
function subjectAfter(
  text: string,
  words: readonly { start: number; end: number; folded: string }[],
  s: number,
  n: number,
  opened: boolean,
  name: (k: number) => boolean,
): number {
  if (s >= n) return -1;
  const w = words[s].folded;
  if (SUBJECT_PRONOUNS.has(w) || (opened && NOMINATIVE_PRONOUNS.has(w))) return s + 1;
  if (opened && name(s)) {
    // A name joined to the words after it by hyphens (`MAPI-Anwendungen`) is one noun, which ends with the last.
    let end = s;
    while (end + 1 < n && text.slice(words[end].end, words[end + 1].start) === '-') end++;
    return end + 1 < n ? end + 1 : -1;
  }
  if (!opened || !NOMINATIVE_ARTICLES.has(w)) return -1;
  const noun = (from: number): number => {
    for (let k = from; k < n; k++) {
      const word = text.slice(words[k].start, words[k].end);
      if (UPPER_START.test(word)) return k;
      if (PREPOSITIONS.has(words[k].folded) || ARTICLES.has(words[k].folded)) return -1;
    }
    return -1;
  };
  let end = noun(s + 1);
  if (end >= 0 && end + 1 < n && GENITIVES.has(words[end + 1].folded)) end = noun(end + 2);
  return end >= 0 && end + 1 < n ? end + 1 : -1;
}
const UPPER_START = /^\p{Lu}/u;
/** A name by its shape: capitals only (`OWA`, `EAC`), a capital after a small letter (`ActiveSync`), or a digit. */
const NAME_SHAPE = /^\p{Lu}{2,}$|\p{Ll}\p{Lu}|\p{N}/u;
/** The shortest part of a compound (`compoundNoun`), as `split` cuts them. */
const MIN_PART = 3;
/** The words of a lexicon form written upper case, as written. */
const upperWords = (form: string): string[] => (form.match(WORD) ?? []).filter((w) => UPPER_START.test(w));
/** German nouns of time that open a clause as an adverbial (`Letzte Woche kann ich …`), its subject after the modal verb. */
const TIME_NOUNS: ReadonlySet<string> = new Set(
  'woche wochen tag tage tagen monat monaten jahr morgen abend nacht wochenende zeit mal montag dienstag mittwoch donnerstag freitag samstag sonntag'
    .split(' ')
    .map(foldWord),
);

/**
 * Whether the clause's words [s, modal) before its modal verb are a noun phrase of two words or more, each written upper
 * case (`Exchange Online-Benutzer können …`, `Lokale Benutzer können …`): German sets one part before the finite verb, and
 * upper-case words after the clause's first are nouns or names, so that part is the subject and the words after the modal
 * verb its objects. Not where a word opens a clause otherwise (`OPENERS`), names a time (`Letzte Woche`), or a subject
 * pronoun follows the modal verb (`… kann ich`).
 */
function nounPhraseFirst(
  text: string,
  words: readonly { start: number; end: number; folded: string }[],
  s: number,
  modal: number,
): boolean {
  if (modal - s < 2 || SUBJECT_PRONOUNS.has(words[modal + 1]?.folded)) return false;
  for (let k = s; k < modal; k++) {
    const w = words[k].folded;
    if (!UPPER_START.test(text.slice(words[k].start, words[k].end)) || OPENERS.has(w) || TIME_NOUNS.has(w)) return false;
  }
  return true;
}

/** German articles, in every case. */
const ARTICLES: ReadonlySet<string> = new Set('der die das den dem des ein eine einer eines einem einen'.split(' ').map(foldWord));
/** A quotation mark of any kind (`QUOTE_MARKS`): a phrase moved over one would carry half a quotation. */
const QUOTE_MARK = new RegExp(`[${QUOTE_MARKS}]`);
/**
 * German prepositions (folded; the lexicon leaves them as written): one between a negated modal verb and its negation opens the
 * phrase English writes after the verb (`kann die Verbindung mit Office 365 nicht herstellen`: `cannot connect to Office 365`).
 */
const PREPOSITIONS: ReadonlySet<string> = new Set(PREPOSITION_WORDS.map(foldWord));
const CANNOT_VERBS = new Set(NEGATED_AS_CANNOT);
const PARTICLES: ReadonlySet<string> = new Set(SEPARABLE_PARTICLES.map(foldWord));
/** German conjunctions that join two clauses, with no comma before them (`negatedEnds`). */
const JOINING: ReadonlySet<string> = new Set(['und', 'oder']);

/** German auxiliaries that may follow the participle at a clause's end (`… nicht synchronisiert worden`, `… werden`). */
const AUXILIARIES: ReadonlySet<string> = new Set(
  ['werden', 'worden', 'wird', 'wurde', 'wurden', 'sein', 'ist', 'sind', 'hat', 'haben'].map(foldWord),
);

/** A word of the text `Translator.rewrite` reads: where it stands, folded, and whether it negates an attribute (`markAttributive`). */
interface Word {
  start: number;
  end: number;
  folded: string;
  attribute?: true;
}

/**
 * Whether the negation at word `k` negates the participle adjective right after it (`eine nicht funktionierende Kerberos
 * Authentifizierung`, `-end` and an ending), or one further on (`markAttributive`): that word, not the clause's verb.
 */
function attributive(words: readonly { folded: string; attribute?: true }[], k: number): boolean {
  return (words[k].folded === NOT && k + 1 < words.length && PRESENT_PARTICIPLE.test(words[k + 1].folded)) || !!words[k].attribute;
}

/**
 * Marks each `nicht` that negates an attribute with words before its adjective (`in einem nicht mit dem Internet verbundenen
 * Standort`, `die nicht mehr zugestellten Nachrichten`): it follows an article that does not start its clause (after a comma
 * `die nicht …` is a relative pronoun's clause, `die nicht zugestellt wurden`), and before the clause ends a lower-case word
 * with an adjective's ending (`-e`, `-en`, `-er`, `-es`, `-em`; not an article) comes right before an upper-case one, its noun.
 */
function markAttributive(text: string, words: Word[], clauses: Uint8Array): void {
  const upper = (k: number) => UPPER_START.test(text.slice(words[k].start, words[k].end));
  for (let k = 1; k < words.length; k++) {
    if (words[k].folded !== NOT || clauses[k] || clauses[k - 1] || !ARTICLES.has(words[k - 1].folded)) continue;
    for (let j = k + 1; j + 1 < words.length && j <= k + ATTRIBUTE_SPAN && !clauses[j + 1]; j++) {
      const w = words[j].folded;
      if (NEGATIONS.has(w) || MODALS.has(w) || upper(j) || ARTICLES.has(w) || !ADJECTIVE_ENDING.test(w) || !upper(j + 1)) continue;
      words[k].attribute = true;
      break;
    }
  }
}
/** How many words after an attributive `nicht` its adjective may stand (`nicht mit dem Internet verbundenen`: the fifth). */
const ATTRIBUTE_SPAN = 6;
const ADJECTIVE_ENDING = /\p{L}{3}(?:e|en|er|es|em)$/u;
const LOWER_START = /^\p{Ll}/u;
const PRESENT_PARTICIPLE = /\p{L}{3}end(?:e|en|er|es|em)$/u;

/** Punctuation that ends a clause (a comma too), or a line break, between two words. */
const CLAUSE_END = /[.,;:!?\n]/;

/** Per word: 1 where a clause starts, a comma, colon, sentence end or line break between it and the word before (not the first). */
function clauseStarts(text: string, words: readonly { start: number; end: number }[]): Uint8Array {
  const out = new Uint8Array(words.length);
  for (let i = 1; i < words.length; i++) if (CLAUSE_END.test(text.slice(words[i - 1].end, words[i].start))) out[i] = 1;
  return out;
}

const NO_CLAUSES = new Uint8Array(0);
/** Punctuation that ends a sentence, or a line break, between two words. */
const SENTENCE_END = /[.;:!?\n]/;
/** What ends a sentence as `Applied.sentence` counts: a line break, or `.!?` with a space after it. */
const STATEMENT_END = /[.!?]\s|\n/;

/**
 * The negations (word indexes) that stand in a sentence with a German modal verb, before or after it (`…, das sich nicht
 * öffnen lässt`). (Right after it, `kann nicht` is a form of the lexicon, read at the modal.)
 */
function negatedModals(text: string, words: readonly { start: number; end: number; folded: string }[]): ReadonlySet<number> {
  let out: Set<number> | undefined;
  let from = 0;
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && (i === 0 || !SENTENCE_END.test(text.slice(words[i - 1].end, words[i].start)))) continue;
    // Words [from, i) are one sentence.
    let modal = -1;
    for (let k = from; k < i && modal < 0; k++) if (MODALS.has(words[k].folded)) modal = k;
    if (modal >= 0) for (let k = from; k < i; k++) if (NEGATIONS.has(words[k].folded) && !attributive(words, k)) (out ??= new Set()).add(k);
    from = i;
  }
  return out ?? NO_INDEXES;
}

/** Whether the word at [start, end) is a PowerShell verb joined by a hyphen to a cmdlet's noun (`Import-PSSession`). */
function isCmdletVerb(text: string, start: number, end: number): boolean {
  return text[end] === '-' && /[A-Z]/.test(text[end + 1] ?? '') && POWERSHELL_VERBS.has(text.slice(start, end));
}

const NAME_JOIN = /[.@]/;
const NAME_PART = /[\p{L}\p{N}]/u;

/** Whether the word at [start, end) is joined to another by a dot or `@` with no space: a host name, an address. */
function inName(text: string, start: number, end: number): boolean {
  return (
    (start >= 2 && NAME_JOIN.test(text[start - 1]) && NAME_PART.test(text[start - 2])) ||
    (end + 1 < text.length && NAME_JOIN.test(text[end]) && NAME_PART.test(text[end + 1]))
  );
}

/**
 * English nouns with no plural of their own, or words that are no nouns (`-ing`): a German plural read as one of them is
 * written as the lexicon gives it (`Informationen`: `information`).
 */
const NO_PLURAL: ReadonlySet<string> = new Set(
  'information data software hardware feedback spam traffic access help equipment malware knowledge content metadata junk evidence progress support storage mail busy'.split(
    ' ',
  ),
);

/**
 * The English plural of a text's last word (`archive mailbox` → `archive mailboxes`, `policy` → `policies`): the text and
 * the word folded, or null where English writes none (`NO_PLURAL`, `-ing`, a word that ends in `s` already, a name with digits).
 */
function pluralWritten(text: string): { text: string; word: string } | null {
  const m = /([A-Za-z]+)$/.exec(text);
  if (!m || (m.index > 0 && /[\p{L}\p{N}]/u.test(text[m.index - 1]))) return null;
  const w = m[1];
  const lower = w.toLowerCase();
  if (lower.length < 3 || NO_PLURAL.has(lower) || lower.endsWith('s') || lower.endsWith('ing') || w === w.toUpperCase()) return null;
  const many = /[^aeiou]y$/.test(lower) ? `${w.slice(0, -1)}ies` : /(?:x|z|ch|sh)$/.test(lower) ? `${w}es` : `${w}s`;
  return { text: text.slice(0, m.index) + many, word: foldWord(many) };
}

/** Whether the pasted word at `start` is written as a German noun, with a capital (an adjective's `-en` is no plural). */
function isNoun(text: string, start: number): boolean {
  const c = text[start];
  return c !== undefined && c !== c.toLowerCase();
}

/**
 * Whether a German word is a plural by its ending: `-n` or `-en` after a stem `known` holds (`Gruppen`: `Gruppe`;
 * `Regeln`: `Regel`). The one plural test of the bridge: pasted words against a form or the lexicon, forms against their entry.
 */
function pluralOf(word: string, known: (stem: string) => boolean): boolean {
  return (word.endsWith('n') && known(word.slice(0, -1))) || (word.endsWith('en') && known(word.slice(0, -2)));
}

/** Whether a lexicon form is the plural of another form of its entry (`forms`, patterns joined): its last word with `-n`, `-en`. */
function pluralForm(pattern: readonly (string | null)[], forms: ReadonlySet<string>): boolean {
  const last = pattern[pattern.length - 1];
  if (!last) return false;
  const head = pattern.slice(0, -1).join(' ');
  return pluralOf(last, (stem) => forms.has(head ? `${head} ${stem}` : stem));
}

/**
 * Whether a German lexicon form is a noun's umlaut plural of another form of its entry: its last word written with a capital,
 * with `ä`, `ö` or `ü` where the other has `a`, `o` or `u`, and `-e` or `-er` added (`Postfächer`: `Postfach`; `Anhänge`:
 * `Anhang`) — the plurals `pluralOf` can't tell by their ending, since the stem changed.
 */
function umlautPlural(form: string, forms: readonly string[]): boolean {
  const words = form.split(/\s+/);
  const last = words[words.length - 1];
  if (!/^\p{Lu}/u.test(last) || !/[äöü]/.test(last)) return false;
  const head = words.slice(0, -1).join(' ');
  const plain = last.replace(/[äöü]/g, (c) => UMLAUT_BASE[c]);
  return forms.some((f) => {
    const other = f.split(/\s+/);
    const stem = other[other.length - 1];
    return other.slice(0, -1).join(' ') === head && !/[äöü]/.test(stem) && (plain === `${stem}e` || plain === `${stem}er`);
  });
}

const UMLAUT_BASE: Readonly<Record<string, string>> = { ä: 'a', ö: 'o', ü: 'u' };

/**
 * A word and the stems it may be an inflection of: itself, and itself without each inflection ending whose rest keeps at
 * least `MIN_STEM` letters (`öffentlichen` → `öffentlich`, `ordnern` → `ordner`, `benutzer` → `benutz`).
 */
function inflectionStems(word: string, endings: readonly string[]): string[] {
  const out = [word];
  for (const ending of endings)
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) out.push(word.slice(0, -ending.length));
  return out;
}

/** Whether two words are inflections of one stem (`öffentliche` and `öffentlichen`, `benutzer` and `benutzern`). */
function sameInflected(a: string, b: string, endings: readonly string[]): boolean {
  const theirs = inflectionStems(b, endings);
  return inflectionStems(a, endings).some((s) => theirs.includes(s));
}

/** The most words a slot may stand for: a number, or per the word the slot starts at (a quotation's, `Translator.slotWords`). */
type SlotWords = number | ((w: number) => number);

/**
 * Matches `pattern` from its element `p` against `words` from `w`; returns the end word index or -1. With `endings`, a word
 * matches a pattern word in another inflection (`sameInflected`).
 */
function matchFrom(
  pattern: (string | null)[],
  p: number,
  words: readonly { folded: string }[],
  w: number,
  slots: [number, number][],
  maxSlot: SlotWords,
  endings?: readonly string[],
): number {
  if (p === pattern.length) return w;
  const want = pattern[p];
  if (want !== null) {
    const word = words[w]?.folded;
    const same = word === want || (endings !== undefined && word !== undefined && sameInflected(word, want, endings));
    return same ? matchFrom(pattern, p + 1, words, w + 1, slots, maxSlot, endings) : -1;
  }
  // A slot: the fewest words after which the rest of the pattern matches.
  const most = typeof maxSlot === 'number' ? maxSlot : maxSlot(w);
  for (let n = 1; n <= most && w + n <= words.length; n++) {
    const inner: [number, number][] = [];
    const end = matchFrom(pattern, p + 1, words, w + n, inner, maxSlot, endings);
    if (end >= 0) {
      slots.push([w, w + n], ...inner);
      return end;
    }
  }
  return -1;
}

/** Both directions of a lexicon. */
export class Bridge {
  private readonly to: Record<Lang, Translator>;

  constructor(entries: readonly LexiconEntry[], params: BridgeParameters = DEFAULT_PARAMETERS.bridge) {
    this.to = { en: new Translator(entries, 'de', params), de: new Translator(entries, 'en', params) };
  }

  /** The paste (written in `from`) read in the other language. */
  translate(text: string, from: Lang): Translation {
    return this.to[from === 'de' ? 'en' : 'de'].translate(text);
  }

  /** Whether the paste holds a phrase of language `from` that the lexicon knows (Translator `holdsPhrase`). */
  holdsPhrase(text: string, from: Lang): boolean {
    return this.to[from === 'de' ? 'en' : 'de'].holdsPhrase(text);
  }
}

/**
 * The other language, when a paste written in `lang` has a line or a sentence in it (`guessLanguage` of that
 * part alone): German Windows prints its inner message in German after an Exchange message in English
 * (`… Additional information: Unzureichende Zugriffsrechte …`).
 */
export function otherLanguageLines(text: string, lang: Lang): Lang | null {
  return otherLanguageIn(cleanPaste(text), lang);
}

/**
 * otherLanguageLines of a paste already cleaned up (`cleanPaste`: the lines the matcher read it as); `tokens`, its tokens
 * (normalize.ts `tokenize`), when known.
 */
export function otherLanguageIn(lines: readonly string[], lang: Lang, tokens?: readonly Token[]): Lang | null {
  const other: Lang = lang === 'de' ? 'en' : 'de';
  // A part is German only when it holds a German hint word or an umlaut (guessLanguage), and the line it is on then does:
  // the tokens tell which lines hold one, so the others are not split and folded again (English hints include words of
  // one letter, which tokens leave out: German pastes read every line).
  let hinted: Uint8Array | undefined;
  if (tokens && other === 'de') {
    hinted = new Uint8Array(lines.length);
    for (const t of tokens) if (isLanguageHint(t.term, 'de')) hinted[t.line] = 1;
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (hinted && !hinted[i] && !UMLAUT.test(line)) continue;
    for (const part of line.split(/[.:;!?]\s+/)) {
      // The words only (match, not matchAll: no match object per word).
      const words = part.match(WORD);
      const terms = words === null ? [] : words.map(foldWord);
      if (guessLanguage(terms, part) === other) return other;
    }
  }
  return null;
}

/** What guessLanguage counts as German besides its words. */
const UMLAUT = /[äöüß]/i;

// Evidence that reads the same in every language: codes, class and cmdlet names, service paths.
const LANGUAGE_FREE: RegExp[] = [
  new RegExp(HCW_CODE_IN_TEXT.source, 'gi'), // Hybrid Configuration Wizard codes
  /\b0x[0-9a-f]{8}\b/gi, // HRESULTs and other hex result codes
  /\b[245]\.\d\.\d{1,3}\b/g, // SMTP enhanced status codes
  /\b[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+(?:Exception|Error|Fault)\b/g, // exception and error class names
  CMDLET_IN_TEXT, // cmdlets (only those with a PowerShell verb: see POWERSHELL_VERBS)
  /\/[A-Za-z]+\/[\w.-]+\.(?:svc|asmx|aspx)\b/gi, // web service paths (/EWS/mrsproxy.svc)
  // An event's id as Event Viewer labels it in either language (`Ereignis-ID: 12014`): the number counts, not the label.
  /\b(?:Event ID|Ereignis-ID)[ \t]*:?[ \t]*(\d{3,5})\b/gi,
];

/**
 * The verbs PowerShell approves (`Get-Verb`) that Exchange and Windows cmdlets use. German writes compounds
 * the way cmdlets look (`Frei/Gebucht-Informationen`, `E-Mail-Adresse`, `Online-Benutzer`): a `Word-Word`
 * is a cmdlet, language-free evidence, only when its first part is one of these.
 */
const POWERSHELL_VERBS = new Set(
  (
    'Add Approve Assert Backup Block Clear Close Compare Complete Compress Confirm Connect Convert ConvertFrom ConvertTo Copy ' +
    'Debug Deny Disable Disconnect Dismount Edit Enable Enter Exit Expand Export Find Format Get Grant Hide Import Initialize ' +
    'Install Invoke Join Limit Lock Measure Merge Mount Move New Open Optimize Out Ping Pop Protect Publish Push Read Receive ' +
    'Redo Register Remove Rename Repair Request Reset Resize Resolve Restart Restore Resume Revoke Save Search Select Send Set ' +
    'Show Skip Split Start Step Stop Submit Suspend Switch Sync Test Trace Unblock Undo Uninstall Unlock Unprotect Unpublish ' +
    'Unregister Update Use Wait Watch Write'
  ).split(' '),
);

/** Words of language-free evidence in a paste (folded). */
export function languageFreeTerms(text: string): string[] {
  const out = new Set<string>();
  for (const re of LANGUAGE_FREE) {
    for (const m of text.matchAll(re)) {
      if (re === CMDLET_IN_TEXT && !POWERSHELL_VERBS.has(m[0].slice(0, m[0].indexOf('-')))) continue;
      for (const w of (m[1] ?? m[0]).matchAll(WORD)) if (w[0].length > 2) out.add(foldWord(w[0]));
    }
  }
  return [...out];
}

/** Folded word sequences of an article's error texts, both languages. */
export function errorWordsOf(article: Article): readonly (readonly string[])[] {
  return errorWordsEntry(article).words;
}

/** The words of an article's error texts as one set (the answer check reads it for every answer, English pastes too). */
export function errorVocabularyOf(article: Article): ReadonlySet<string> {
  return errorWordsEntry(article).vocabulary;
}

/** Per loaded article (a reload makes new ones), its error words: read on every answer, so made once. */
const ERROR_WORDS = new WeakMap<Article, { words: readonly (readonly string[])[]; vocabulary: ReadonlySet<string> }>();

function errorWordsEntry(article: Article): { words: readonly (readonly string[])[]; vocabulary: ReadonlySet<string> } {
  let entry = ERROR_WORDS.get(article);
  if (!entry) {
    const words = article.symptoms
      .flatMap((s) => [...(s.errors.en ?? []), ...(s.errors.de ?? [])])
      .map((e) => [...e.matchAll(WORD)].map((m) => foldWord(m[0])));
    entry = { words, vocabulary: new Set(words.flat()) };
    ERROR_WORDS.set(article, entry);
  }
  return entry;
}

/**
 * Exception classes of one capitalised part (`WebException`, `SocketException`, `IOException`): language-free too, but
 * each is thrown for a wide family of messages, so alone it tells no article apart (`languageFreeTerms` counts only
 * classes of two parts or more, `DataExportTransientException`).
 */
const ONE_PART_CLASS = /\b(?:[A-Z][a-z]+|[A-Z]{2})Exception\b/g;

/** One-part exception classes of a paste (folded): evidence only beside the message they were thrown with (`agreement`). */
export function oneWordClasses(text: string): string[] {
  return [...new Set([...text.matchAll(ONE_PART_CLASS)].map((m) => foldWord(m[0])))];
}

/** Whether a language-free term of the paste stands in an article's error texts. */
function freeAgrees(vocabulary: ReadonlySet<string>, pasteFree: readonly string[]): boolean {
  return pasteFree.some((t) => vocabulary.has(t));
}

/**
 * Whether an article found through translation is backed strongly enough to answer: a language-free term
 * of the paste stands in its error texts, or several long translated phrases do. A one-part exception class of the
 * paste (`classes`: `System.Net.WebException`) counts as one such phrase where one error text holds both the class and
 * a translated phrase of the paste: the message it was thrown with agrees, not just the family.
 */
export function agreement(
  errorWords: readonly (readonly string[])[],
  pasteFree: readonly string[],
  applied: readonly Applied[],
  params: BridgeParameters = DEFAULT_PARAMETERS.bridge,
  classes: readonly string[] = [],
): boolean {
  if (freeAgrees(new Set(errorWords.flat()), pasteFree)) return true;
  let units = 0;
  const holding = new Set<readonly string[]>();
  for (const a of applied) {
    if (a.words.length < params.unitWords) continue;
    let held = false;
    for (const e of errorWords) {
      if (!holdsApplied(e, a, params)) continue;
      held = true;
      holding.add(e);
    }
    if (held) units++;
  }
  const thrownWith = classes.some((c) => [...holding].some((e) => e.includes(c))) ? 1 : 0;
  return units + thrownWith >= params.unitsToAnswer;
}

/**
 * Runs of content words (no stop word, three letters or more, not a number) of a paste as written, inside one phrase
 * of a sentence in `lang`: the candidates for an article's own terms written verbatim into a sentence of the other
 * language (`im Ordner "Sent Items"`). A sentence in the article's language (an English error message in a German
 * paste) is the product's text, not a term in the admin's words: it is matched as an error text, not here. With
 * `translated` (the paste as the lexicon read it, line for line), a run ends at a word the translation rewrote: that word is
 * the sentence's own language (`Exchange Management Konsole` gives `exchange management`, the lexicon reads `console`).
 */
export function verbatimRuns(text: string, lang: Lang, translated?: string): Applied[] {
  const out: Applied[] = [];
  const lines = cleanPaste(text);
  // The words of each line as the lexicon read it (`translated`, line for line): a word it rewrote is the paste's language.
  const read = translated === undefined ? [] : cleanPaste(translated);
  const kept = read.length === lines.length ? read.map((l) => new Set([...l.matchAll(WORD)].map((m) => foldWord(m[0])))) : [];
  for (const [i, line] of lines.entries()) {
    for (const sentence of line.split(/[.:;!?]\s+/)) {
      if (
        guessLanguage(
          [...sentence.matchAll(WORD)].map((m) => foldWord(m[0])),
          sentence,
        ) !== lang
      )
        continue;
      // A run stays inside one phrase: punctuation between two words (`…Mailbox, Sent…`) parts them.
      for (const phrase of sentence.split(/[.,:;!?()"“”„'«»]+/)) {
        let run: string[] = [];
        const flush = () => (run.length >= 2 && out.push({ words: run }), (run = []));
        for (const m of phrase.matchAll(WORD)) {
          const w = foldWord(m[0]);
          if (w.length >= 3 && !STOPWORDS.has(w) && !/^\d+$/.test(w) && (kept[i]?.has(w) ?? true)) run.push(w);
          else flush();
        }
        flush();
      }
    }
  }
  return out;
}

/**
 * Folded word runs of an article's prose in both languages (or only in `only`): its titles and one symptom's
 * description (all, for the whole article).
 */
function proseWordsOf(article: Article, symptom: string | null, only?: Lang): string[][] {
  const symptoms = article.symptoms.filter((s) => symptom === null || s.id === symptom);
  const texts = [article.title, ...symptoms.map((s) => s.description)].flatMap((t) => (only ? [t[only]] : [t.de, t.en]));
  return texts.filter((t): t is string => !!t).map((t) => [...t.matchAll(WORD)].map((m) => foldWord(m[0])));
}

/** Folded words of an article's commands and step texts, where cmdlets of the fix are named. */
function commandWordsOf(article: Article): Set<string> {
  const texts = article.steps.flatMap((s) => [s.text.de, s.text.en, ...(s.commands ?? []).map((c) => c.code)]);
  return new Set(texts.flatMap((t) => (t ? [...t.matchAll(WORD)].map((m) => foldWord(m[0])) : [])));
}

/**
 * The bridge's parameters for a knowledge base of `articles` articles: `proseRare` and `proseJoint` are counts for a base of
 * `proseBase` articles, and a larger base scales them by its size. How many articles hold a term says how rare it is only
 * beside how many there are: with 696 articles a product term (`LitigationHoldEnabled property`) stands in 9 descriptions
 * that 8 of 128 would have held. A smaller base keeps the counts.
 */
export function bridgeFor(params: BridgeParameters, articles: number): BridgeParameters {
  if (articles <= params.proseBase) return params;
  const scale = articles / params.proseBase;
  return { ...params, proseRare: Math.floor(params.proseRare * scale), proseJoint: Math.floor(params.proseJoint * scale) };
}

/**
 * Whether a description found through translation is backed strongly enough to answer. The translation offered
 * it for naming its symptom (or for a code it holds); what makes it an answer is `unitsToAnswer` pieces of
 * evidence that could hardly fit another article:
 * - strong translated units: a lexicon term the translation produced (two neighbouring ones read as one
 *   where the article writes them as one, `dynamic` + `distribution group`), found in the article's title or
 *   the symptom's description, and rare — held by at most `proseRare` articles' titles and symptom
 *   descriptions (`articlesHolding`). `on-premises` or `user` names every hybrid article; `calendar reminders`
 *   or `voting options` name one;
 * - a language-free term of the paste (a cmdlet, a code) in the article's error texts, prose or commands counts
 *   as one: alone, an exception class or a code names a family of articles, not one of them.
 *
 * - the article's own terms written in the paste as they are (`verbatim`: runs of content words of the paste's
 *   sentences in its own language, `verbatimRuns`): German admins write English product terms into German sentences
 *   (`im Ordner "Sent Items"`, `"Remote Mailbox"-Empfänger`). A run counts once, like a translated term and under
 *   the same rules, when a word pair of it stands in the title or symptom description in `verbatimIn` (the other
 *   language), rare, no rival's: a German word pair never stands in English prose, so one that does is the article's term.
 *
 * `rivals`: other articles offered with it. A unit that a rival's title or symptom descriptions hold too tells
 * the two apart no better than a common word, so it does not count, and neither does a language-free term: a
 * description is answered past its rivals only on rare terms that are its own.
 *
 * `notes`: where given, what kept terms that together name the article from an answer (for `--explain`).
 */
export function proseAgreement(
  article: Article,
  symptom: string | null,
  pasteFree: readonly string[],
  applied: readonly Applied[],
  articlesHolding: (words: readonly string[]) => number,
  params: BridgeParameters = DEFAULT_PARAMETERS.bridge,
  rivals: readonly Article[] = [],
  verbatim: readonly Applied[] = [],
  verbatimIn: Lang = 'en',
  whole = false,
  all = false,
  notes?: string[],
): boolean {
  const prose = proseWordsOf(article, symptom);
  const own = ownWords(article, applied, params);
  const quotedOther = own !== applied;
  applied = own;
  const rivalProse = rivals.flatMap((r) => proseWordsOf(r, null));
  const rivalHolds = (words: string[]) => rivalProse.some((p) => runIn(p, words, true) !== null);
  const free = new Set([...prose.flat(), ...errorVocabularyOf(article), ...commandWordsOf(article)]);
  // A language-free term counts as one unit: an exception class or a code alone names a family (it is what offered it).
  const languageFree = !rivals.length && pasteFree.some((t) => free.has(t)) ? 1 : 0;
  // The article's own words for a translated run, either number of each word (the lexicon gives one, the article writes
  // `security groups` or `mailboxes`), or null where its prose does not hold it.
  const inProse = (words: string[]): string[] | null => {
    if (!words.length) return null;
    for (const p of prose) {
      const found = runIn(p, words, true);
      if (found) return found;
    }
    return null;
  };
  /** Every English word the paste was read as or wrote (its verbatim runs): a modifier it names is no narrower term. */
  const pasteWords = new Set([...applied, ...verbatim].flatMap((a) => [...a.words, ...(a.alternatives ?? []).flat()]));
  /** Rare units (`proseRare`) by the sentences of the paste they stand in; a verbatim run's sentence is not known (-1). */
  const units = new Map<string, Set<number>>();
  const addUnit = (unit: string, sentence: number) => units.set(unit, (units.get(unit) ?? new Set<number>()).add(sentence));
  /** Units held by at most `proseJoint` articles, by their sentence and words: their content words. */
  const joint = new Map<number, Map<string, string[]>>();
  for (let i = 0; i < applied.length; i++) {
    let words = applied[i].words;
    const sentence = applied[i].sentence ?? 0;
    let found = inProse(words);
    // The article may write the term in another of its forms (`OWA` for `Outlook on the web`).
    for (const alternative of found ? [] : (applied[i].alternatives ?? [])) {
      found = inProse(alternative);
      if (found) {
        words = alternative;
        break;
      }
    }
    if (!found) continue;
    const parts = [words];
    // The article writes the next unit right after this one: one term, counted once.
    for (let longer; i + 1 < applied.length && (longer = inProse([...words, ...applied[i + 1].words])); found = longer) {
      parts.push(applied[++i].words);
      words = [...words, ...applied[i].words];
    }
    const content = found.filter((w) => !STOPWORDS.has(w));
    // The article writes the term only as a narrower one, after a rare word the paste lacks (`a dynamic distribution group`
    // for `Verteilergruppe`): the paste names the broader thing, and the article is about a narrower one — offered.
    if (narrowed(prose, found, pasteWords, articlesHolding, params.proseRare)) return false;
    // A rival that holds each part tells the two apart by the order of shared words only (`on-premises users … cloud
    // mailboxes` against `cloud users … on-premises mailboxes`): no more than a common word.
    const rivalHas = rivalHolds(words) || (parts.length > 1 && parts.every((part) => rivalHolds(part)));
    // That something fails (`schlägt fehl` → `fails`) every problem says: rare only in the form an article writes (`fail`).
    if (!content.length || rivalHas || content.every((w) => FAILING.has(w))) continue;
    const holding = articlesHolding(content);
    if (holding <= params.proseRare) addUnit(found.join(' '), sentence);
    // A word every kind of description uses (`see`, `receive`) agrees with nothing in particular.
    if (holding <= params.proseJoint && words.some((w) => !STOPWORDS.has(w) && !GENERIC.has(w))) {
      const terms = joint.get(sentence) ?? new Map<string, string[]>();
      joint.set(sentence, terms.set(found.join(' '), content));
    }
  }
  // A verbatim run is one term however many of its word pairs the article holds (`Hop Count Exceeded` is one). It is
  // looked for in the article's prose in the other language only: in prose of the paste's own language (a bilingual
  // article) a German pair is just the same German words, which the translation's reading already weighed.
  const otherProse = verbatim.length ? proseWordsOf(article, symptom, verbatimIn) : [];
  // A run that the article writes right before or after a translated unit is that unit's term (`Exchange Management
  // Konsole`: `exchange management` + `console`, one term `Exchange Management Console`): counted once, as the unit.
  const translatedUnits = [...units.keys()].map((u) => u.split(' '));
  const partOfUnit = (run: string[]) =>
    translatedUnits.some((u) =>
      otherProse.some((p) => runIn(p, [...run.slice(-2), ...u], true) !== null || runIn(p, [...u, ...run.slice(0, 2)], true) !== null),
    );
  for (const { words } of verbatim) {
    if (partOfUnit(words)) continue;
    for (let i = 0; i + 1 < words.length; i++) {
      const pair = words.slice(i, i + 2);
      const found = otherProse.map((p) => runIn(p, pair, true)).find((f) => f !== null);
      if (found && articlesHolding(found) <= params.proseRare && !rivalHolds(pair)) {
        addUnit(words.join(' '), -1);
        break;
      }
    }
  }
  // The translation names the article's symptom and little else (`whole`), as its English would be answered for: fewer
  // rare terms of its own make it an answer (`wholeUnits`), one at least.
  // It says nothing the symptom lacks, each word read (`all`): `allUnits`, none by default, as English answers it.
  const needed = all ? params.allUnits : whole ? params.wholeUnits : params.unitsToAnswer;
  // The rare units that answer stand in one sentence of the paste, as the joint terms below do: a post's sentences each
  // name a word or two of some article by chance (`Mailzustellung`, `zugestellt`, `Empfänger` in three sentences of a
  // notice about a migration: `email delivery`, `delivered`, `recipients`, a group-delivery article's title and symptom).
  // A verbatim run's sentence is not known: it counts with each sentence's units.
  const inOneSentence = mostInOneSentence(units);
  if ((units.size >= 1 || needed === 0) && inOneSentence + languageFree >= needed) return true;
  // Terms a few articles each hold (`delegate`, `synced`, `forest`) that together only this one does: one more of them
  // than `unitsToAnswer` when none is rare (two such terms, `group` and `non-delivery report`, meet by chance).
  // Not past a quoted message the article lacks (`ownWords`): the paste names its error, and it is another.
  if (quotedOther) return false;
  // They stand in one sentence of the paste: across a post's sentences a few articles' words meet by chance (`beim Versenden
  // von E-Mails` in one, `die E-Mail-Adresse des Empfängers` in another: `sends` and `address`, one article's title and symptom).
  // A rare unit lowers the count only in its own sentence (or as a verbatim run, in any).
  // An article named for its error (`namedForError`) is about that error: terms that name only the setting around it, none
  // of them in its error texts, are offered (`console` + `connect`: `Unable to cast object of type error when connecting …`,
  // whose symptom connects by using the Exchange Management Console; the English wording is offered too).
  // Read only once a sentence's terms would answer (most pastes have none): null, not named for its error.
  let aroundError: ReadonlySet<string> | null | undefined;
  for (const [sentence, terms] of joint) {
    const together = [...new Set([...terms.values()].flat())];
    const rare = [...units.values()].some((s) => s.has(sentence) || s.has(-1));
    if (terms.size < params.unitsToAnswer + (rare ? 0 : 1) || articlesHolding(together) > 1) continue;
    aroundError ??= namedForError(article, params.unitWords) ? errorVocabularyOf(article) : null;
    const vocabulary = aroundError;
    if (vocabulary && !together.some((w) => vocabulary.has(w))) {
      notes?.push(
        `not answered: ${[...terms.keys()].map((t) => `\`${t}\``).join(', ')} name only ${article.id}'s setting; its title names its error, which holds none of them`,
      );
      continue;
    }
    return true;
  }
  return false;
}

/**
 * The article's title names its error: it holds `run` words in a row of one of its error texts (`Unable to cast object of
 * type error when connecting …` and the error `Unable to cast object of type '…' to type '…'`).
 */
export function namedForError(article: Article, run: number): boolean {
  const titles = [article.title.de, article.title.en]
    .filter((t): t is string => !!t)
    .map((t) => [...t.matchAll(WORD)].map((m) => foldWord(m[0])));
  return errorWordsEntry(article).words.some((error) => {
    for (let i = 0; i + run <= error.length; i++) if (titles.some((t) => runIn(t, error.slice(i, i + run), false))) return true;
    return false;
  });
}

/**
 * English words (folded) that negate what follows them within `NEGATION_REACH` words in an article's prose: `not`, `no`,
 * `never`, `cannot`, the `t` of `can't`, `isn't`, `don't`, and words that say something fails to happen.
 */
const PROSE_NEGATIONS: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'cannot',
  't',
  'unable',
  'without',
  'fail',
  'fails',
  'failed',
  'stopped',
]);
const NEGATION_REACH = 3;

/**
 * The words the translation read as negated (`Applied.negated`: a German clause's last word after its `nicht`) that the
 * article's titles or the symptom's description hold, each time without a negation before it: `Die Verteilergruppe wird
 * nicht nach Exchange Online synchronisiert` (`not … synced`) against `Owners of an on-premises distribution group synced to
 * O365 can't manage …`. The paste says that did not happen where the article says it did: another problem in the same words.
 * A word the article writes negated somewhere (`security groups are not synced`) agrees.
 */
export function negatedAgainst(article: Article, symptom: string | null, applied: readonly Applied[]): string[] {
  const out: string[] = [];
  if (!applied.some((a) => a.negated)) return out;
  const prose = proseWordsOf(article, symptom);
  for (const a of applied) {
    if (!a.negated) continue;
    let held = false;
    let negated = false;
    for (const p of prose) {
      for (let i = 0; i + a.words.length <= p.length; i++) {
        if (!runIn(p.slice(i, i + a.words.length), a.words, true)) continue;
        held = true;
        if (p.slice(Math.max(0, i - NEGATION_REACH), i).some((w) => PROSE_NEGATIONS.has(w))) negated = true;
      }
    }
    if (held && !negated) out.push(a.words.join(' '));
  }
  return out;
}

/** Words that open a noun phrase: a word between one of them and a term modifies the term (`a dynamic distribution group`). */
const DETERMINERS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'their',
  'its',
  'your',
  'our',
  'my',
  'each',
  'every',
  'any',
  'some',
  'no',
]);

/**
 * Whether an article's prose (`prose`: title and symptom, folded word runs) writes a term of two words or more (`found`, as it
 * writes it) only as a narrower term: every time after a word that opens no noun phrase itself, is not the paste's (`pasted`)
 * and is rare (held by at most `rare` articles' titles and symptoms), and at least once with a determiner before that word —
 * an adjective, not a verb (`Members of a dynamic distribution group`; not `assign full access`).
 */
export function narrowed(
  prose: readonly (readonly string[])[],
  found: readonly string[],
  pasted: ReadonlySet<string>,
  articlesHolding: (words: readonly string[]) => number,
  rare: number,
): boolean {
  if (found.length < 2) return false;
  let seen = 0;
  let determined = false;
  for (const p of prose) {
    for (let i = 0; i + found.length <= p.length; i++) {
      if (!found.every((w, k) => p[i + k] === w)) continue;
      seen++;
      const modifier = p[i - 1];
      if (modifier === undefined || STOPWORDS.has(modifier) || pasted.has(modifier) || articlesHolding([modifier]) > rare) return false;
      if (DETERMINERS.has(p[i - 2])) determined = true;
    }
  }
  return seen > 0 && determined;
}

/** Words that say only that something fails, as every problem does: never a term that names one article (`proseAgreement`). */
const FAILING: ReadonlySet<string> = new Set(['fail', 'fails', 'failed', 'failing', 'failure', 'failures']);

/** The most units (keys) one sentence holds, a unit of sentence -1 counting in each. */
function mostInOneSentence(units: ReadonlyMap<string, ReadonlySet<number>>): number {
  const per = new Map<number, number>();
  let anywhere = 0;
  for (const sentences of units.values()) {
    if (sentences.has(-1)) anywhere++;
    else for (const s of sentences) per.set(s, (per.get(s) ?? 0) + 1);
  }
  return anywhere + Math.max(0, ...per.values());
}

/**
 * The translated words a description may agree with an article on: a quotation of the paste (the message a program
 * printed, `Entourage bringt folgende Fehlermeldung: “HTTP-Fehler: Die Anforderung kann vom Server nicht verarbeitet
 * werden”`) is left out when the article quotes errors and none of its error texts holds what the quotation was read as
 * (each of its translated words and templates): that is another message, and its words (`request`, `cannot`) agreeing with
 * the article's prose say nothing for it.
 */
function ownWords(article: Article, applied: readonly Applied[], params: BridgeParameters): readonly Applied[] {
  if (!applied.some((a) => a.quote !== undefined)) return applied;
  const errors = errorWordsOf(article);
  if (!errors.length) return applied;
  const other = new Set<number>();
  for (const quote of new Set(applied.map((a) => a.quote))) {
    if (quote === undefined) continue;
    const read = applied.filter((a) => a.quote === quote);
    if (!errors.some((e) => read.every((a) => holdsApplied(e, a, params)))) other.add(quote);
  }
  return other.size ? applied.filter((a) => a.quote === undefined || !other.has(a.quote)) : applied;
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  return runIn(haystack, needle, false) !== null;
}

/**
 * Whether an error text (folded words) holds what the translation wrote for a form: its words in a row, and for a template
 * with slots each run between them in order, the text's own words in each slot (`Connecting to remote server
 * exchange.contoso.com failed …` holds `Connecting to remote server {} failed …`; up to `maxSlotWords` words, or none). A
 * slot the template quotes holds the text's quotation, up to `maxQuotedSlotWords`, as a paste's quoted slot does: Setup's
 * `The following error was generated when "$error.Clear(); & $RoleBinPath\ServiceControl.ps1 EnableServices Critical"
 * was run` quotes a command of seven words.
 */
export function holdsApplied(
  haystack: readonly string[],
  applied: Applied,
  limits: Pick<BridgeParameters, 'maxSlotWords' | 'maxQuotedSlotWords'>,
): boolean {
  if (!applied.slots?.length) return containsRun(haystack, applied.words);
  const runs: string[][] = [];
  let from = 0;
  for (const at of [...applied.slots, applied.words.length]) {
    runs.push(applied.words.slice(from, at));
    from = at;
  }
  const fits = (r: number, at: number): boolean => {
    if (r === runs.length) return true;
    const run = runs[r];
    // The first run stands anywhere; each later one within the slot's most words of the last.
    const maxSlot = applied.quotedSlots?.includes(r - 1) ? limits.maxQuotedSlotWords : limits.maxSlotWords;
    const last = r === 0 ? haystack.length - run.length : Math.min(at + maxSlot, haystack.length - run.length);
    for (let i = at; i <= last; i++) {
      if (run.every((w, k) => haystack[i + k] === w) && fits(r + 1, i + run.length)) return true;
    }
    return false;
  };
  return fits(0, 0);
}

/** `group` and `groups`, `mailbox` and `mailboxes`: one word in the other number (English `-s`, `-es`; at least three letters). */
function otherNumber(a: string, b: string): boolean {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 3 && (long === `${short}s` || long === `${short}es`);
}

/** Where `haystack` holds the words of `needle` in a row (each in either number when `eitherNumber`): the haystack's words, or null. */
function runIn(haystack: readonly string[], needle: readonly string[], eitherNumber: boolean): string[] | null {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let k = 0; k < needle.length; k++) {
      const w = haystack[i + k];
      if (w !== needle[k] && !(eitherNumber && otherNumber(w, needle[k]))) continue outer;
    }
    return haystack.slice(i, i + needle.length);
  }
  return null;
}

/**
 * Whether the translation overrules an answer as written (Matcher `checkAnswer`: the answered article's error texts lack
 * a language-free term of the paste, `free`). The translation's answer stands instead when it is another article whose
 * error texts hold a translated template of the paste (a phrase of `unitWords` words or more) and more of the paste's
 * language-free terms: all the answered article holds, and at least one it lacks. The paste's words in its own language
 * found an article that shares part of its error (a German .NET message inside a longer German error text; the English
 * inner message of another article's error), where the translation reads the whole paste, its cmdlet included.
 */
export function answerThroughTranslation(
  direct: MatchResult,
  text: string,
  translation: Translation,
  free: readonly string[],
  articleOf: (id: string) => Article | undefined,
  run: (text: string) => MatchResult,
  params: Pick<MatchParameters, 'bridge'> = DEFAULT_PARAMETERS,
): MatchResult {
  const templates = translation.applied.filter((a) => a.words.length >= params.bridge.unitWords);
  if (!templates.length) return direct;
  const answered = articleOf(direct.matches[0].article);
  const via = run(translation.text);
  const top = via.decision === 'answer' && via.matches[0].article !== answered?.id ? articleOf(via.matches[0].article) : undefined;
  if (!answered || !top) return direct;
  const errors = errorWordsOf(top);
  if (!templates.some((a) => errors.some((e) => holdsApplied(e, a, params.bridge)))) return direct;
  const theirs = errorVocabularyOf(answered);
  const ours = errorVocabularyOf(top);
  if (!free.every((t) => !theirs.has(t) || ours.has(t)) || !free.some((t) => ours.has(t) && !theirs.has(t))) return direct;
  const own = ownLines(text, translation.text);
  const matches = via.matches.map((m) => {
    const { evidence, ...rest } = m;
    const line = evidence !== undefined ? own.get(evidence) : undefined;
    return { ...rest, score: Math.round(m.score * params.bridge.translatedWeight * 1000) / 1000, ...(line ? { evidence: line } : {}) };
  });
  return { ...direct, decision: 'answer', matches };
}

/**
 * Combines the verbatim result with the result for the translated paste: a verbatim answer stands; a
 * translated answer stands when `agreement` backs it, and a translated description that leads is answered when
 * `proseAgreement` backs it past the other articles offered; otherwise the candidates of both are offered. An
 * article written in both languages is scored in both readings: where the translation scored it as high as the
 * paste as written did, the verbatim score is not kept (the same words found it, and a verbatim hit on common
 * German words would outrank every translated one), so it stands on the translation's scale with the others, in
 * the translation's order. `run` matches a text with the matcher (titles in the user's language);
 * `articlesHolding` counts the articles whose titles and symptom descriptions hold all of some words (without it,
 * prose is never answered). `mixed`: only some parts of the paste were in the other language. `notes`: where given, what kept
 * the translation's description from an answer (for `--explain`).
 */
export function combineWithTranslation(
  direct: MatchResult,
  text: string,
  translation: Translation,
  articleOf: (id: string) => Article | undefined,
  run: (text: string) => MatchResult,
  params: Pick<MatchParameters, 'bridge' | 'decision' | 'descriptions'> = DEFAULT_PARAMETERS,
  articlesHolding?: (words: readonly string[]) => number,
  mixed = false,
  notes?: string[],
): MatchResult {
  const t = params.decision;
  if (!translation.applied.length) return direct;
  const via = run(translation.text);
  if (!via.matches.length) return direct;
  // The other language's part of a mixed paste is an inner message: it counts when a translated template of it
  // (a phrase of `unitWords` words or more) stands in the error texts of the article it found — or, when the
  // translation is answered, a language-free term of the paste does (German Event Viewer labels around an
  // English event: `Ereignis-ID: 12014`).
  const first = articleOf(via.matches[0].article);
  const errors = first ? errorWordsOf(first) : [];
  const vocabulary = first ? errorVocabularyOf(first) : new Set<string>();
  const free = languageFreeTerms(text);
  if (
    mixed &&
    !translation.applied.some((a) => a.words.length >= params.bridge.unitWords && errors.some((e) => holdsApplied(e, a, params.bridge))) &&
    !(via.decision === 'answer' && freeAgrees(vocabulary, free))
  )
    return direct;
  const own = ownLines(text, translation.text);
  const mapped = via.matches.map((m) => {
    const { evidence, ...rest } = m;
    const line = evidence !== undefined ? own.get(evidence) : undefined;
    return { ...rest, score: Math.round(m.score * params.bridge.translatedWeight * 1000) / 1000, ...(line ? { evidence: line } : {}) };
  });
  const top = first;
  // The paste as written already put this article first (its words in the article's language, an English wrapper
  // around a German inner message) and a translated template of the paste stands in its error texts: the verbatim
  // words and the translated ones agree on it.
  const verbatimLead =
    direct.matches[0]?.article === via.matches[0].article &&
    direct.matches[0].score >= t.candidate &&
    translation.applied.some((a) => a.words.length >= params.bridge.unitWords && errors.some((e) => holdsApplied(e, a, params.bridge)));
  if (
    via.decision === 'answer' &&
    top &&
    (verbatimLead || agreement(errors, free, translation.applied, params.bridge, oneWordClasses(text)))
  ) {
    return { ...direct, decision: 'answer', matches: mapped };
  }
  const viaScore = new Map(via.matches.map((m) => [m.article, m.score]));
  const viaRank = new Map(via.matches.map((m, i) => [m.article, i]));
  const best = new Map<string, Match>();
  for (const m of [...direct.matches.filter((d) => (viaScore.get(d.article) ?? -1) < d.score), ...mapped]) {
    const cur = best.get(m.article);
    if (!cur || m.score > cur.score) best.set(m.article, m);
  }
  const order = (m: Match) => viaRank.get(m.article) ?? via.matches.length;
  const ranked = [...best.values()].sort((a, b) => b.score - a.score || order(a) - order(b) || a.article.localeCompare(b.article));
  const lead = ranked[0]?.score ?? 0;
  // The translation's best leads: answered when its prose agrees on rare terms no other offered article holds.
  const rivals = [...direct.matches, ...via.matches]
    .filter((m) => m.score >= t.candidate && m.article !== via.matches[0].article)
    .map((m) => articleOf(m.article))
    .filter((a): a is Article => !!a);
  // A word the paste negates that the article's title and symptom say happened (`wird nicht … synchronisiert` against a
  // group `synced to O365` whose owners can't manage it): another problem with the same words, offered.
  const denied = top ? negatedAgainst(top, via.matches[0].symptom, translation.applied) : [];
  if (denied.length)
    notes?.push(
      `not answered: the paste negates ${denied.map((d) => `\`${d}\``).join(', ')}, which ${top?.id}'s title and symptom say without a negation`,
    );
  // The article's cause is that something is missing, and the paste says it was done or is there (`TLS 1.2 ist bereits
  // aktiviert`): capCauseDone offers the article for the paste as written and for its translation; no rare term answers it.
  const done = top ? doneAgainstCause(top, `${text}\n${translation.text}`) : undefined;
  if (done !== undefined)
    notes?.push(`not answered: ${top?.id}'s cause is that ${done} is missing; the paste says ${done} was enabled or is there`);
  // The translation names a symptom many articles describe (`archive mailbox`, `free/busy`) without the first one's topic
  // phrases: the family's symptom, offered beside the others, as in English it is only listed (keywordHits).
  if (via.familyFirst)
    notes?.push(`not answered: the translation names ${top?.id}'s symptom without its topic phrases, a symptom many articles describe`);
  // The paste says the direction of the article's title the other way round, or that the title's way works (`… von lokalen
  // Benutzern an Office 365 funktionieren einwandfrei`, read `… work`): another problem (direction.ts), offered.
  const against = top ? directionAgainst(top, translation.text, params.descriptions.directionWords, via.matches[0].symptom) : undefined;
  if (against === 'works') notes?.push(`not answered: the paste says the direction of ${top?.id}'s title works`);
  // The title says something fails, the German paste read through the lexicon says nothing does: no failure, negation or
  // fault word among the English words the lexicon wrote or their entries' other forms (`Wie kann ich die Mitglieder einer
  // dynamischen Verteilergruppe anzeigen?`), a question about the article's subject, as in English (descriptions.ts
  // failureUnsaid). A German word says a failure where any English form of its entry does (`falsch`: `incorrect`, `wrong`).
  const said = [translation.text, ...translation.applied.flatMap((a) => (a.alternatives ?? []).map((w) => w.join(' ')))];
  const unsaid = !!top && direct.lang === 'de' && failureUnsaid(top.title.en ?? '', said.join('\n'), true);
  if (unsaid) notes?.push(`not answered: ${top?.id}'s title says something fails, the paste read through the lexicon says nothing does`);
  if (
    via.decision !== 'none' &&
    ranked[0]?.article === via.matches[0].article &&
    top &&
    articlesHolding &&
    !denied.length &&
    done === undefined &&
    !via.familyFirst &&
    against === undefined &&
    !unsaid &&
    proseAgreement(
      top,
      via.matches[0].symptom,
      free,
      translation.applied,
      articlesHolding,
      params.bridge,
      [...new Set(rivals)],
      verbatimRuns(text, direct.lang, translation.text),
      direct.lang === 'de' ? 'en' : 'de',
      via.describedWhole === true,
      via.describedAll === true,
      notes,
    )
  ) {
    return { ...direct, decision: 'answer', matches: mapped };
  }
  if (lead < t.candidate) return { ...direct, matches: ranked.filter((m) => m.score >= t.listed).slice(0, 5) };
  const floor = Math.max(t.candidate, lead - t.window);
  return { ...direct, decision: 'clarify', matches: ranked.filter((m) => m.score >= floor).slice(0, 3) };
}

/** The matcher quotes a cleaned line of the text it matched: map each translated line to the user's own. */
function ownLines(original: string, translated: string): Map<string, string> {
  const a = cleanPaste(original);
  const b = cleanPaste(translated);
  const map = new Map<string, string>();
  if (a.length !== b.length) return map;
  const show = (s: string) => {
    const t = s.trim().replace(/\s+/g, ' ');
    return t.length > 240 ? `${t.slice(0, 237)}…` : t;
  };
  b.forEach((line, i) => map.set(show(line), show(a[i])));
  return map;
}
