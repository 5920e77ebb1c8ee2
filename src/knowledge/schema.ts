import { z } from 'zod';
import { LANGS, SHELLS, type Article, type Localized } from './types';

/**
 * The schema every article file is checked against on load (see knowledge/README.md).
 * Beyond shape, `checkArticle` enforces what the types cannot: every text exists in every
 * language the article declares, ids are unique, and every `<placeholder>` is explained.
 */

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

/**
 * A link shown in answer cards, where a click opens it: only web addresses, never `javascript:`,
 * `data:` or `file:`. Host names aren't checked, so intranet links (`https://wiki/…`) stay possible.
 */
const webUrl = z.url({
  protocol: z.regexes.httpProtocol,
  error: (issue) => `must be an https: or http: URL, got ${JSON.stringify(issue.input)}`,
});

const localized = z
  .object({ de: nonEmpty.optional(), en: nonEmpty.optional() })
  .strict()
  .refine((v) => v.de !== undefined || v.en !== undefined, 'needs a text in at least one language (de, en)');

const perLang = <T extends z.ZodType>(item: T) => z.object({ de: z.array(item).optional(), en: z.array(item).optional() }).strict();

const command = z
  .object({
    shell: z.enum(SHELLS),
    code: nonEmpty.refine((c) => !/[\r\n]/.test(c), 'must be one line: join continued parameters with spaces'),
    placeholders: z.array(z.object({ name: nonEmpty, description: localized }).strict()).optional(),
  })
  .strict();

export const articleSchema = z
  .object({
    id: kebabId,
    title: localized,
    languages: z.array(z.enum(LANGS)).min(1, 'must name at least one language'),
    products: z.array(z.object({ name: nonEmpty, versions: z.array(nonEmpty).default([]) }).strict()).default([]),
    keywords: perLang(nonEmpty).optional(),
    symptoms: z
      .array(
        z
          .object({
            id: kebabId,
            description: localized,
            errors: perLang(nonEmpty).default({}),
            keywords: perLang(nonEmpty).optional(),
            context: perLang(nonEmpty).optional(),
          })
          .strict(),
      )
      .min(1, 'needs at least one symptom'),
    cause: localized,
    affects: z.array(localized).default([]),
    steps: z.array(z.object({ text: localized, commands: z.array(command).optional() }).strict()).min(1, 'needs at least one step'),
    references: z.array(z.object({ title: localized, url: webUrl }).strict()).default([]),
    source: z.object({ title: nonEmpty, url: webUrl.optional(), license: nonEmpty.optional() }).strict().optional(),
  })
  .strict();

/**
 * The schema and the `Article` type (types.ts, where each field is documented) describe one thing. This
 * type fails to compile when they drift apart, in either direction, where a cast used to hide it.
 */
export type ArticleSchemaMatchesType = Expect<Same<z.output<typeof articleSchema>, Article>>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;

/** A problem inside one article, located by its field path (the loader adds file and line). */
export interface FieldProblem {
  path: (string | number)[];
  message: string;
}

/** Validates one parsed article. Returns the typed article, or the problems found. */
export function checkArticle(input: unknown): { article: Article; problems: [] } | { article: null; problems: FieldProblem[] } {
  const parsed = articleSchema.safeParse(input);
  if (!parsed.success) {
    return {
      article: null,
      problems: parsed.error.issues.map((i) => ({
        path: i.code === 'unrecognized_keys' ? [...i.path, ...i.keys].map(toKey) : i.path.map(toKey),
        message: i.code === 'unrecognized_keys' ? 'unknown field' : i.message,
      })),
    };
  }
  const article: Article = parsed.data;
  const problems = crossCheck(article);
  return problems.length ? { article: null, problems } : { article, problems: [] };
}

function toKey(k: PropertyKey): string | number {
  return typeof k === 'number' ? k : String(k);
}

function crossCheck(a: Article): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const needLangs = (text: Localized, path: (string | number)[]) => {
    for (const lang of a.languages) {
      if (text[lang] === undefined)
        problems.push({ path, message: `missing the "${lang}" text (the article declares languages ${a.languages.join(', ')})` });
    }
  };
  needLangs(a.title, ['title']);
  needLangs(a.cause, ['cause']);
  a.affects.forEach((t, i) => needLangs(t, ['affects', i]));
  const seen = new Set<string>();
  a.symptoms.forEach((s, i) => {
    if (seen.has(s.id)) problems.push({ path: ['symptoms', i, 'id'], message: `duplicate symptom id "${s.id}"` });
    seen.add(s.id);
    needLangs(s.description, ['symptoms', i, 'description']);
  });
  a.steps.forEach((step, i) => {
    needLangs(step.text, ['steps', i, 'text']);
    step.commands?.forEach((c, j) => {
      const explained = new Set((c.placeholders ?? []).map((p) => p.name));
      for (const m of c.code.matchAll(/<([^<>]+)>/g)) {
        // Names are trimmed (like every string field), so `< X >` is explained by a placeholder named `X`.
        if (!explained.has(m[1].trim())) {
          problems.push({ path: ['steps', i, 'commands', j, 'code'], message: `placeholder <${m[1]}> is not explained in placeholders` });
        }
      }
      c.placeholders?.forEach((p, k) => needLangs(p.description, ['steps', i, 'commands', j, 'placeholders', k, 'description']));
    });
  });
  a.references.forEach((r, i) => needLangs(r.title, ['references', i, 'title']));
  return problems;
}

/** `symptoms[2].errors.en` — how a field path is shown to people. */
export function formatPath(path: (string | number)[]): string {
  return path.reduce<string>((out, k) => (typeof k === 'number' ? `${out}[${k}]` : out ? `${out}.${k}` : k), '');
}
