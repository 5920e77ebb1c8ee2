/**
 * The German↔English bridge, kept as data: pairs of words and phrases that error texts and symptom
 * descriptions use in both languages (`Postfach` / `mailbox`), and the localized message templates that
 * Microsoft products print (`Der Remoteserver hat einen Fehler zurückgegeben` / `The remote server returned
 * an error`). The matcher reads a German paste through it to find English-only articles, and the other way.
 *
 * Lexicon files live in a folder named `lexicon` inside a knowledge path (see knowledge/README.md) and are
 * checked on load like articles: a bad entry is reported as `file:line: field: message` and skipped, the
 * others stay.
 */
import { LineCounter, isNode, parseDocument } from 'yaml';
import { z } from 'zod';
import { SLOT } from './sources';
import type { KnowledgeProblem } from './types';

export { LEXICON_FOLDER, SLOT } from './sources';

/**
 * One pair: the same word, phrase or message template in German and in English. Or, marked `synonyms`, one
 * group of English names for the same thing (`de` empty): the first is how the articles write it, the others how
 * admins do (`EXO`, `hybrid wizard`); a description is read with them when as written it finds nothing.
 */
export interface LexiconEntry {
  /** German forms (inflections, spellings); each one maps to `en`. Empty in a synonym group and an English-only platform message. */
  de: string[];
  /** English forms; the first is what a German form is read as, each maps back to the first German form. */
  en: string[];
  /** An English synonym group (a file's `synonyms:` list), not a German↔English pair. */
  synonyms?: true;
  /**
   * A message of the platform every program runs on (Windows, .NET: `The remote server returned an error`), or one that
   * Exchange's cmdlet framework prints for whatever object any cmdlet was given (`Couldn't find object "{}"…`), not of
   * one product's failure: an article's error that holds it is not named by it alone (platformLines.ts).
   */
  platform?: true;
  /** Where the entry is written (for `kb` reports). */
  file: string;
  line?: number;
}

const form = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => !/[\r\n]/.test(s), 'must be one line')
  .refine((s) => s.split(SLOT).length <= 3, `at most two ${SLOT} slots`)
  .refine((s) => !s.startsWith(SLOT), `must not start with a ${SLOT} slot (a form is found by its first word)`);
const forms = z.preprocess(
  (v) => (typeof v === 'string' ? [v] : v),
  z
    .array(form, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be a text or a list of texts') })
    .min(1, 'needs at least one form'),
);

const fileSchema = z
  .object({
    entries: z
      .array(z.object({ de: forms.optional(), en: forms, platform: z.literal(true).optional(), note: z.string().optional() }).strict())
      .min(1, 'needs at least one entry'),
  })
  .strict();

/** A synonym group: two or more English names, no slots (a name is read as a whole). */
const synonymSchema = z
  .object({
    en: z.preprocess(
      (v) => (typeof v === 'string' ? [v] : v),
      z
        .array(
          form.refine((s) => !s.includes(SLOT), `must not hold a ${SLOT} slot`),
          {
            error: (issue) => (issue.input === undefined ? 'is required' : 'must be a list of texts'),
          },
        )
        .min(2, 'needs at least two names'),
    ),
    note: z.string().optional(),
  })
  .strict();

/** Reads one lexicon file's text. Entries with problems are skipped and reported; the rest are kept. */
export function parseLexicon(file: string, text: string): { entries: LexiconEntry[]; problems: KnowledgeProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    return {
      entries: [],
      problems: doc.errors.map((e) => ({
        file,
        line: lineCounter.linePos(e.pos[0]).line,
        message: `lexicon: YAML syntax: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const lineOf = (path: (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const raw = doc.toJS() as unknown;
  // A file holds German↔English `entries`, English `synonyms`, or both.
  const top = z
    .object({ entries: z.array(z.unknown()).optional(), synonyms: z.array(z.unknown()).optional() })
    .passthrough()
    .refine((t) => t.entries !== undefined || t.synonyms !== undefined)
    .safeParse(raw);
  if (!top.success) {
    return { entries: [], problems: [{ file, line: lineOf([]), field: 'entries', message: 'lexicon: needs a list of entries' }] };
  }
  const problems: KnowledgeProblem[] = [];
  const unknownTop = Object.keys(raw as object).filter((k) => k !== 'entries' && k !== 'synonyms');
  for (const k of unknownTop) problems.push({ file, line: lineOf([k]), field: k, message: 'lexicon: unknown field' });
  /** One problem per schema issue of the list item `item` found at `where` (`['entries', 3]`), with its line. */
  const schemaProblems = (issues: readonly z.core.$ZodIssue[], item: unknown, where: (string | number)[]): void => {
    for (const issue of issues) {
      let path: PropertyKey[] = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys] : issue.path;
      // A single form is written as a text, not a list: name the field, not its (implicit) first element.
      if (path.length === 2 && typeof (item as Record<string, unknown>)[String(path[0])] === 'string') path = path.slice(0, 1);
      const at = [...where, ...path.map((k) => (typeof k === 'number' ? k : String(k)))];
      problems.push({
        file,
        line: lineOf(at),
        field: fieldName(at),
        message: `lexicon: ${issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message}`,
      });
    }
  };
  const entries: LexiconEntry[] = [];
  const seen = new Map<string, number>();
  (top.data.entries ?? []).forEach((item, i) => {
    const parsed = fileSchema.shape.entries.element.safeParse(item);
    if (!parsed.success) {
      schemaProblems(parsed.error.issues, item, ['entries', i]);
      return;
    }
    const { en, platform } = parsed.data;
    // Only a platform message may be English alone: no public source shows its German text yet, so it translates nothing
    // and only marks the English message (platformLines.ts).
    if (!parsed.data.de && !platform) {
      problems.push({ file, line: lineOf(['entries', i]), field: fieldName(['entries', i, 'de']), message: 'lexicon: is required' });
      return;
    }
    const de = parsed.data.de ?? [];
    // the form the entry is known by: its first German one, or its first English one where it has no German
    const head = de[0] ?? en[0];
    const slots = (s: string) => s.split(SLOT).length - 1;
    const mismatch = [...de, ...en].find((s) => slots(s) !== slots(head));
    if (mismatch !== undefined) {
      problems.push({
        file,
        line: lineOf(['entries', i]),
        field: fieldName(['entries', i]),
        message: `lexicon: every form needs the same number of ${SLOT} slots ("${mismatch}")`,
      });
      return;
    }
    const key = de.length ? de.map((s) => s.toLowerCase()).join('|') : `en:${en.map((s) => s.toLowerCase()).join('|')}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        file,
        line: lineOf(['entries', i]),
        field: fieldName(['entries', i, 'de']),
        message: `lexicon: duplicate entry "${head}" (first at entries[${first}])`,
      });
      return;
    }
    seen.set(key, i);
    entries.push({ de, en, ...(platform ? { platform } : {}), file, line: lineOf(['entries', i]) });
  });
  const named = new Map<string, number>();
  (top.data.synonyms ?? []).forEach((item, i) => {
    const parsed = synonymSchema.safeParse(item);
    if (!parsed.success) {
      schemaProblems(parsed.error.issues, item, ['synonyms', i]);
      return;
    }
    // A name in two groups would be read as whichever came first: say so instead.
    const again = parsed.data.en.find((s) => named.has(s.toLowerCase()));
    if (again !== undefined) {
      problems.push({
        file,
        line: lineOf(['synonyms', i]),
        field: fieldName(['synonyms', i, 'en']),
        message: `lexicon: "${again}" is already in synonyms[${named.get(again.toLowerCase())}]`,
      });
      return;
    }
    for (const s of parsed.data.en) named.set(s.toLowerCase(), i);
    entries.push({ de: [], en: parsed.data.en, synonyms: true, file, line: lineOf(['synonyms', i]) });
  });
  return { entries, problems };
}

function fieldName(path: (string | number)[]): string {
  return path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${k}` : k), '');
}
