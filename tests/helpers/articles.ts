import assert from 'node:assert/strict';
import { importArticle } from '../../src/knowledge/import';
import type { KnowledgeBase } from '../../src/knowledge/load';
import type { Article, Symptom } from '../../src/knowledge/types';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import type { MatchResult } from '../../src/matching/types';
/**
 * A small valid article as knowledge YAML, for tests that write knowledge files. Its line numbers are
 * part of what tests assert: line 1 is `id`, line 2 `title`, line 8 the symptom's `errors.en` and the
 * last line the only step's `text`, so a test may append fields of that step (e.g. `    commands:`).
 */
export interface ArticleYamlOptions {
  /** The title texts. Default `Article <id>` / `Artikel <id>`. */
  title?: { en: string; de: string };
}

/** Article `id` with one symptom whose one English error text is `error`, a cause and one step. */
export function articleYaml(id: string, error: string, options: ArticleYamlOptions = {}): string {
  const title = options.title ?? { en: `Article ${id}`, de: `Artikel ${id}` };
  return `id: ${id}
title: { en: "${title.en}", de: "${title.de}" }
languages: [de, en]
symptoms:
  - id: first
    description: { en: "It fails", de: "Es schlägt fehl" }
    errors:
      en: ["${error}"]
cause: { en: "Because", de: "Weil" }
steps:
  - text: { en: "Do it", de: "Mach es" }
`;
}

/** Article `id` in English only, with one symptom whose error texts are `errors` (fields in `extra` replace the defaults). */
export function englishArticle(id: string, errors: string[], extra: Partial<Article> = {}): Article {
  return {
    id,
    title: { en: `Title of ${id}` },
    languages: ['en'],
    products: [],
    symptoms: [{ id: 'main', description: { en: 'd' }, errors: { en: errors } }],
    cause: { en: 'c' },
    affects: [],
    steps: [{ text: { en: 's' } }],
    references: [],
    ...extra,
  };
}

/** An error three articles quote whole (a family: ranking.ts breakTies), each with a title of its own. */
export const FAMILY_ERROR = "The operation couldn't be performed because yak 'x' couldn't be found on 'pony.example.net'.";

/** The family of FAMILY_ERROR (`export`, `away`, `members`), then `other` (an unrelated error) and `extra`. */
export function familyOfThree(extra: Article[] = []): Article[] {
  return [
    englishArticle('export', [FAMILY_ERROR], { title: { en: 'Exporting a walrus archive fails for the target llama' } }),
    englishArticle('away', [FAMILY_ERROR], { title: { en: 'Quokka replies cannot be set in the browser' } }),
    englishArticle('members', [FAMILY_ERROR], { title: { en: 'Narwhal lists miss members across forests' } }),
    englishArticle('other', ['Unrelated zebra text about the zoo.']),
    ...extra,
  ];
}

/** One error in near-twin forms (ranking.ts nearTwins): `long` has one word `short` lacks. */
export const TWIN_ERRORS = {
  short: 'The connection to the walrus pony is unavailable. The llama must be online to complete this quokka action.',
  long: 'The connection to the walrus pony server is unavailable. The llama must be online to complete this quokka action.',
};

/** `setup` quotes TWIN_ERRORS.short, `encryption` its long twin, then `other` (an unrelated error) and `extra`. */
export function nearTwinPair(extra: Article[] = []): Article[] {
  return [
    englishArticle('setup', [TWIN_ERRORS.short], { title: { en: 'Setting up a narwhal profile in the cloud fails' } }),
    englishArticle('encryption', [TWIN_ERRORS.long], { title: { en: 'Zebra encryption required by the gateway' } }),
    englishArticle('other', ['Unrelated yak text about the zoo.']),
    ...extra,
  ];
}

/** A whole error text (`folder-sync`'s) and the paste that holds it without its value. */
export const PROXY_CONTEST = {
  error:
    'The proxy address "FIRST ORGANIZATION ADMINS GROUP RECIPIENTS ABC123 LEGACY NAME" is already being used by the proxy addresses or LegacyExchangeDN. Please choose another proxy address.',
  pasted: '"The proxy address is already being used by the proxy addresses or LegacyExchangeDN. Please choose another proxy address."',
};

/**
 * A contested container and the match inside it: `folder-sync` quotes PROXY_CONTEST's whole error, `address-conflict` a
 * shorter text whose words lie inside it (fields in `conflict` replace its own), then `other` and `extra`.
 */
export function proxyContest(conflict: Partial<Article> = {}, extra: Article[] = []): Article[] {
  const { error } = PROXY_CONTEST;
  return [
    englishArticle('folder-sync', [error], {
      title: { en: 'Mail-enabled public folder sync fails' },
      symptoms: [{ id: 'main', description: { en: 'The public folder sync script stops.' }, errors: { en: [error] } }],
    }),
    englishArticle('address-conflict', [], {
      title: { en: 'Proxy address conflict when adding mail users' },
      symptoms: [
        {
          id: 'main',
          description: { en: 'Adding a mail user fails.' },
          errors: { en: ['The proxy address "SMTP:<address>" is already being used by "<domain>". Please choose another proxy address.'] },
        },
      ],
      ...conflict,
    }),
    englishArticle('other', ['Wombat relay failed.']),
    ...extra,
  ];
}

/**
 * Article `id` in English only with this title and one symptom described so and no error text: what description,
 * title and keyword matching read. `extra` replaces article fields, `symptom` adds or replaces the symptom's.
 */
export function describedArticle(
  id: string,
  title: string,
  description: string,
  extra: Partial<Article> = {},
  symptom: Partial<Symptom> = {},
): Article {
  return englishArticle(id, [], {
    title: { en: title },
    symptoms: [{ id: 'main', description: { en: description }, errors: {}, ...symptom }],
    ...extra,
  });
}

/**
 * The family tests' reference article: its own topic is `numbat signing`, and it names `wombat calendar` as its symptom
 * by a keyword — the symptom other articles of a test describe too.
 */
export function wombatReference(): Article {
  return describedArticle(
    'reference',
    'Sprocket gateway without numbat signing',
    'Gateway calls to the cloud fail.',
    { keywords: { en: ['numbat signing'] } },
    { keywords: { en: ['wombat calendar'] } },
  );
}

/** A knowledge base of `articles` as loaded, with no problems. */
export function kbOf(articles: Article[]): KnowledgeBase {
  return { articles, byId: new Map(articles.map((a) => [a.id, a])), problems: [] };
}

/** Article `id` in English only, described so, with this cause and no error text (`describedArticle` with a cause). */
export function proseArticle(id: string, title: string, description: string, cause: string, extra: Partial<Article> = {}): Article {
  return describedArticle(id, title, description, { cause: { en: cause }, ...extra });
}

/**
 * Three articles known by their prose only (no error text): staff portraits that never refresh in the cloud, calendar
 * colours, empty room lists (whose cause says `exception`).
 */
export function proseTrio(): Article[] {
  return [
    proseArticle(
      'portraits',
      'Staff portraits never refresh in the cloud',
      'Portraits changed on premises keep the old picture in the cloud.',
      'The portraitblob attribute is copied from the directory a single time.',
    ),
    proseArticle('colours', 'Calendar colours look odd', 'Colours of shared calendars change after a restart.', 'A theme cache.'),
    proseArticle('rooms', 'Room lists are empty', 'The room finder shows no rooms.', 'An exception of the room list.'),
  ];
}

const PORTRAITS_CAUSE = 'The portraitblob attribute is copied from the directory a single time; afterwards the cloud owns it.';

/**
 * Staff portraits known by their prose, and two articles whose descriptions compete with it (a cause is "distinctive"
 * only where others are there): for the rules that hold back what the description path would answer. `prose` names
 * the symptom and the cause: answered by the prose alone (descriptionFields.test.ts causeAlone). `params` leaves that
 * to the cause rule alone (`descriptions.answerFit` 2: no symptom fits well enough for `describedWhole` to answer).
 */
export const PORTRAITS = {
  cause: PORTRAITS_CAUSE,
  prose:
    'Staff portraits changed on premises never refresh in the cloud, users keep the old picture. Is the portraitblob attribute copied from the directory only once?',
  params: { ...DEFAULT_PARAMETERS, descriptions: { ...DEFAULT_PARAMETERS.descriptions, answerFit: 2 } },
  /** The portraits article (with this cause) first, then its two rivals. */
  articles: (cause = PORTRAITS_CAUSE): Article[] => [
    proseArticle(
      'portraits',
      'Staff portraits never refresh in the cloud',
      'Portraits changed on premises keep the old picture in the cloud.',
      cause,
    ),
    proseArticle('colours', 'Calendar colours look odd', 'Colours of shared calendars change after a restart.', 'A theme cache.'),
    proseArticle('rooms', 'Room lists are empty', 'The room finder shows no rooms.', 'The room list lacks members.'),
  ],
};

/**
 * Five articles known by their prose only, and a post that tells one of their problems among much else: its prose fits
 * the portraits' symptom best but only weakly (the last resort, `descriptions.weakFit`, offers it; nothing else does).
 */
export const LAST_RESORT = {
  kb: (): KnowledgeBase =>
    kbOf([
      ...proseTrio(),
      proseArticle('printers', 'Printers jam in the lobby', 'The lobby printer jams on every badge scan.', 'A paper tray.'),
      proseArticle('vouchers', 'Lunch vouchers arrive late', 'Vouchers mailed to staff arrive a week late.', 'A postal queue.'),
    ]),
  story:
    'Since the move our receptionist says nothing in the directory will refresh the portraits of new staff, though HR uploaded ' +
    'headshots twice; the lobby badge scanner, the calendar theme and the vouchers for lunch are a separate story.',
};

/** A paste matched (with `--explain`) against a knowledge base of `articles`: decision, articles in order, the first's notes. */
export function explainedOutcome(articles: Article[], text: string): { decision: string; articles: string[]; notes: string } {
  const r = new Matcher(kbOf(articles)).match(text, { explain: true });
  return {
    decision: r.decision,
    articles: r.matches.map((m) => m.article),
    notes: r.matches[0]?.why?.rules.map((x) => x.note).join(' | ') ?? '',
  };
}

/** What a rule test asserts of a match (run with `explain`): the decision, the first article (null for none) and its rules' notes. */
export function ruleOutcome(r: MatchResult): { decision: string; first: string | null; notes: string[] } {
  return { decision: r.decision, first: r.matches[0]?.article ?? null, notes: r.matches[0]?.why?.rules.map((x) => x.note) ?? [] };
}

/** A small article of our own in the support-docs Markdown shape (not corpus text): front matter `front`, then `body`. */
export function supportDoc(body: string, front = 'title: Widgets\nms.author: someone'): string {
  return `---\n${front}\n---\n${body}`;
}

/** `text` imported as the file `file`; the test fails, naming the problems found, where it gives no article. */
export function importedArticle(file: string, text: string): Article {
  const { article, problems } = importArticle(file, text);
  assert.ok(article, JSON.stringify(problems));
  return article;
}
