/**
 * Importer for Markdown support articles in the shape of Microsoft's public support docs:
 * YAML front matter (title, description, appliesto), `## Symptoms`/`## Problem`,
 * `## Cause`, `## Resolution`/`## Solution`/`## Workaround`, `## More information`;
 * error messages in `>` quotes and code blocks, numbered steps, fenced PowerShell.
 */
import YAML from 'yaml';
import { escapeRegExp } from '../regExp';
import type { Article, Command, KnowledgeProblem, Lang, Reference, Step, Symptom } from '../types';
import { PROBLEM_CODE_IN_TEXT } from '../vocabulary';
import { type Block, type Link, calloutLabel, linksOf, oneLine, parseBlocks, proseOf, quoteText } from './blocks';
import {
  announcesCommand,
  announcesHealthyOutput,
  announcesMessage,
  announcesMessages,
  boldLine,
  errorHeading,
  inlineAnnounced,
  isSpecificMessage,
  listsAlternatives,
  plainMessage,
  plainParagraphMessage,
} from './announced';
import { isNoErrorText } from './notErrors';
import { errorFields } from './records';
import type { ImportResult } from './result';
import { tableErrors } from './tables';
import {
  assembleCommands,
  cleanErrorText,
  detectLanguage,
  errorKey,
  localized,
  looksLikeCommand,
  makeCommand,
  outputLines,
  productsFrom,
  symptomIdFor,
  tidy,
  uniqueId,
} from './text';

type SectionKind = 'intro' | 'symptoms' | 'cause' | 'resolution' | 'info' | 'links';

interface Section {
  kind: SectionKind;
  heading: string;
  blocks: Block[];
}

interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
}

export function importMarkdown(file: string, text: string, id: string): ImportResult {
  const problems: KnowledgeProblem[] = [];
  const front = splitFrontMatter(file, text, problems);
  const baseUrl = articleUrl(file, front.data);
  const blocks = parseBlocks(front.body, baseUrl);

  const h1 = blocks.find((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 1);
  const frontTitle = typeof front.data.title === 'string' ? front.data.title.trim() : '';
  const title = h1?.text || frontTitle;
  const hasBody = blocks.some((b) => b.kind !== 'heading' || b.level > 1);
  if (!hasBody) {
    problems.push({ file, message: `import: ${title ? 'only a title' : 'no article text'} found, nothing to import` });
    return { article: null, problems };
  }

  const sections = splitSections(blocks);
  const lang = detectLanguage(proseOf(blocks));
  const symptoms = extractSymptoms(sections, title, lang);
  addTitleStatus(symptoms, title, lang);
  if (symptoms.every((s) => Object.keys(s.errors).length === 0)) {
    problems.push({ file, field: 'symptoms', message: 'import: no error message found; the symptom is described in words only' });
  }
  const description = typeof front.data.description === 'string' ? front.data.description.trim() : '';
  const cause = extractCause(sections) || description || title;
  let steps = extractSteps(sections, lang, 'resolution');
  if (steps.length === 0) {
    // no resolution: what the article says under Status / More information is the best advice it has
    steps = extractSteps(sections, lang, 'info');
    const message =
      steps.length > 0
        ? 'no resolution section; steps taken from Status / More information'
        : 'no resolution and no other advice; one step says so';
    problems.push({ file, field: 'steps', message: `import: ${message}` });
  }

  const article: Article = {
    id,
    title: localized(lang, title || id),
    languages: [lang],
    products: productsFrom(appliesTo(front.data.appliesto)),
    symptoms,
    cause: localized(lang, cause),
    affects: [],
    steps,
    references: extractReferences(sections, lang),
    source: sourceOf(title || frontTitle || id, baseUrl, front.data),
  };
  return { article, problems };
}

// ---------------------------------------------------------------- front matter

function splitFrontMatter(file: string, text: string, problems: KnowledgeProblem[]): FrontMatter {
  const match = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { data: {}, body: text };
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = YAML.parse(match[1]);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  } catch (error) {
    problems.push({
      file,
      line: 1,
      field: 'front matter',
      message: `import: front matter is not valid YAML (${(error as Error).message.split('\n')[0]}); ignored`,
    });
  }
  return { data, body: text.slice(match[0].length) };
}

function appliesTo(value: unknown): string[] {
  if (typeof value === 'string')
    return value
      .split(/[,;]/)
      .map((s) => s.trim())
      .filter(Boolean);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/**
 * The published address of an article, when it can be told for sure: a `url`-like front
 * matter field, or a file of Microsoft's support-articles repository layout
 * (`…/ExchangeHybrid/<topic>/<name>.md` is published at
 * `https://learn.microsoft.com/troubleshoot/exchange/<topic>/<name>`).
 */
function articleUrl(file: string, data: Record<string, unknown>): string | undefined {
  for (const key of ['url', 'canonical_url', 'canonicalUrl', 'original_url', 'source_url']) {
    const value = data[key];
    if (typeof value === 'string' && /^https:\/\//.test(value)) return value;
  }
  const microsoftDocs = typeof data['ms.author'] === 'string' || typeof data['ms.topic'] === 'string';
  const match = /(?:^|[\\/])(?:ExchangeHybrid|exchange-hybrid)[\\/]([a-z0-9-]+)[\\/]([a-z0-9-]+)\.md$/i.exec(file);
  if (microsoftDocs && match)
    return `https://learn.microsoft.com/troubleshoot/exchange/${match[1].toLowerCase()}/${match[2].toLowerCase()}`;
  return undefined;
}

function sourceOf(title: string, url: string | undefined, data: Record<string, unknown>): Article['source'] {
  const source: NonNullable<Article['source']> = { title };
  if (url) source.url = url;
  // Microsoft's support articles (front matter with ms.* fields) are published under CC BY 4.0.
  if (url?.startsWith('https://learn.microsoft.com/') && typeof data['ms.author'] === 'string') source.license = 'CC BY 4.0';
  return source;
}

// ---------------------------------------------------------------- sections

function classify(heading: string): SectionKind | null {
  const h = heading.toLowerCase().trim();
  if (/^(symptoms?|problem|issue|description|summary|symptome|beschreibung|zusammenfassung)\b/.test(h)) return 'symptoms';
  if (/^(cause|ursache)/.test(h)) return 'cause';
  if (/^(resolution|solution|workaround|fix|how to|lösung|losung|problemumgehung|behebung)/.test(h)) return 'resolution';
  if (/^(references|related|see also|verweise|siehe auch)/.test(h)) return 'links';
  if (/^(more information|status|weitere informationen)/.test(h)) return 'info';
  return null;
}

/**
 * Splits at `##` headings. Unknown `##` headings are symptoms before any cause or
 * resolution (e.g. "Free/busy sharing and MailTips issues"), resolution after them;
 * a known `###` heading (`### Cause` under a scenario) switches the kind below it.
 */
function splitSections(blocks: Block[]): Section[] {
  const sections: Section[] = [{ kind: 'intro', heading: '', blocks: [] }];
  let seenFix = false;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.kind === 'heading' && block.level === 1) continue;
    if (block.kind === 'heading' && block.level >= 2) {
      let kind = classify(block.text);
      if (block.level > 2 && kind === null) {
        sections[sections.length - 1].blocks.push(block);
        continue;
      }
      if (kind === null) kind = seenFix && !hasKnownSubsection(blocks, i) ? 'resolution' : 'symptoms';
      if (kind === 'cause' || kind === 'resolution') seenFix = true;
      sections.push({ kind, heading: block.text, blocks: [] });
      continue;
    }
    sections[sections.length - 1].blocks.push(block);
  }
  return sections.filter((s) => s.blocks.length > 0 || s.kind !== 'intro');
}

function hasKnownSubsection(blocks: Block[], from: number): boolean {
  for (let i = from + 1; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.kind !== 'heading') continue;
    if (block.level <= 2) return false;
    if (classify(block.text)) return true;
  }
  return false;
}

// ---------------------------------------------------------------- symptoms

interface FoundError {
  error: string;
  description: string;
  /** Shown under an item label (`Error 1`, `Event entry 2`): described by the run's intro and closing paragraph (`itemLabel`). */
  labelled?: boolean;
}

function extractSymptoms(sections: Section[], title: string, lang: Lang): Symptom[] {
  let symptomSections = sections.filter((s) => s.kind === 'symptoms');
  if (symptomSections.length === 0) symptomSections = sections.filter((s) => s.kind === 'intro');
  let found = symptomSections.flatMap((s) => findErrors(s.blocks, s.heading, title));
  if (found.length === 0) found = symptomSections.flatMap((s) => findInlineErrors(s.blocks, title));
  if (found.length === 0) {
    // errors shown elsewhere, e.g. in the introduction or the cause
    found = sections
      .filter((s) => s.kind === 'intro' || s.kind === 'cause')
      .flatMap((s) => [...findErrors(s.blocks, s.heading, title), ...findInlineErrors(s.blocks, title)]);
  }

  // `### Error: …` under Resolution (an article that is a list of fixes, one per error): each is a symptom too
  found = [...found, ...sections.filter((s) => s.kind !== 'symptoms').flatMap((s) => findHeadedErrors(s.blocks))];

  const taken = new Set<string>();
  const seen = new Set<string>();
  const symptoms: Symptom[] = [];
  for (const { error, description } of found) {
    const key = errorKey(error);
    if (!key || seen.has(key) || isNoErrorText(error)) continue;
    seen.add(key);
    symptoms.push({
      id: uniqueId(symptomIdFor(description, error), taken),
      description: localized(lang, description),
      errors: { [lang]: [error] },
    });
  }
  if (symptoms.length === 0) {
    const described = symptomSections
      .map((s) => proseOf(s.blocks))
      .filter(Boolean)
      .join('\n');
    const description = shorten(oneLine(described)) || title;
    symptoms.push({
      id: uniqueId(symptomIdFor(title || description, undefined) || 'symptom', taken),
      description: localized(lang, description),
      errors: {},
    });
  }
  // a problem the article describes under a heading of its own without an error text (`## HCW8110`, `### Blank page in EAC
  // or OWA` over an `**Issue:**` label) is a symptom of its own: its heading and first sentences, the codes they name keywords
  for (const problem of symptomSections.flatMap((s) => headedProblems(s, title))) {
    const key = `\u0000${problem.description}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const symptom: Symptom = {
      id: uniqueId(symptomIdFor(problem.description, problem.keywords.join(' ') || undefined), taken),
      description: localized(lang, problem.description),
      errors: {},
    };
    if (problem.keywords.length > 0) symptom.keywords = { [lang]: problem.keywords };
    symptoms.push(symptom);
  }
  // error output the article shows under Cause, Resolution or More information is what the admin sees too:
  // it belongs to the symptom whose error contains it (a part quoted again under Cause), else to the main one
  for (const section of sections.filter((s) => s.kind !== 'symptoms')) {
    for (const error of findOutputErrors(section.blocks)) {
      const key = errorKey(error);
      if (!key || seen.has(key) || isNoErrorText(error)) continue;
      seen.add(key);
      const owner = symptoms.find((s) => (s.errors[lang] ?? []).some((e) => errorKey(e).includes(key))) ?? symptoms[0];
      (owner.errors[lang] ??= []).push(error);
    }
  }
  // a message the article names in bold as one the reader receives (`…you continue to receive the **X** error…`), in any
  // section, also in a note: what the admin sees, though said in passing under More information
  // (the short name of an error it quotes in full — `**Get-OrganizationConfig is not recognized**` — is no other error)
  const quoted = symptoms.flatMap((s) => s.errors[lang] ?? []).map((e) => new Set(errorKey(e).split(' ')));
  const summarizes = (key: string) => {
    const words = key.split(' ').filter((w) => w.length > 2);
    return quoted.some((q) => words.filter((w) => q.has(w)).length * 2 >= words.length);
  };
  for (const error of findReceivedErrors(sections.flatMap((s) => s.blocks))) {
    const key = errorKey(error);
    if (!key || seen.has(key) || isNoErrorText(error) || !isSpecificMessage(error) || summarizes(key)) continue;
    seen.add(key);
    const owner = symptoms.find((s) => (s.errors[lang] ?? []).some((e) => errorKey(e).includes(key))) ?? symptoms[0];
    (owner.errors[lang] ??= []).push(error);
  }
  return symptoms;
}

/** A paragraph that labels what follows as the problem (`**Issue:**`, `Symptom:`), with or without the text after it. */
const ISSUE_LABEL = /^(?:Issues?|Symptoms?|Problem)[ \t]*:/i;
/** A paragraph that ends the problem's description: the next label (`**Cause:**`) or the fix (`To fix this error, …`). */
const PROBLEM_END =
  /^(?:(?:Causes?|Resolution|Solution|Workaround|Fix|More information|Status)[ \t]*:|To (?:fix|resolve|work around|solve|correct)\b)/i;

/**
 * The problems a symptom section describes each under a heading of its own — a heading that names a code (`## HCW8110`,
 * `### Event ID 3028 on the destination server`) or one whose text opens with an issue label — where that part shows no
 * error text (those are symptoms already): described by the heading and the sentences up to its cause or fix, with the
 * codes the heading names (else those the sentences name; `PROBLEM_CODE_IN_TEXT`) as keywords. So an article that lists
 * several problems is several documents for descriptions, not one, and a code named only in a heading points at its part.
 */
function headedProblems(section: Section, title: string): { description: string; keywords: string[] }[] {
  const parts: { heading: string; blocks: Block[] }[] = [{ heading: section.heading, blocks: [] }];
  for (const block of section.blocks) {
    if (block.kind === 'heading') parts.push({ heading: block.text, blocks: [] });
    else parts[parts.length - 1].blocks.push(block);
  }
  const problems: { description: string; keywords: string[] }[] = [];
  for (const { heading, blocks } of parts) {
    const first = blocks.find((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph');
    const labelled = first !== undefined && ISSUE_LABEL.test(oneLine(first.text));
    if (!heading || (!labelled && problemCodes(heading).length === 0)) continue;
    if (findErrors(blocks, heading, title).length > 0 || findInlineErrors(blocks, title).length > 0) continue;
    const said: string[] = [];
    for (const block of blocks) {
      if (block.kind !== 'paragraph' && block.kind !== 'list') continue;
      const text = proseOf([block]).replace(ISSUE_LABEL, '').trim();
      if (PROBLEM_END.test(text)) break;
      if (text) said.push(text);
    }
    if (said.length === 0) continue;
    const description = shorten(oneLine(`${heading}: ${said.join(' ')}`));
    // the heading's own codes; a heading without one (`Blank page in EAC or OWA`): the ones its first sentences name
    const codes = problemCodes(heading);
    problems.push({ description, keywords: [...new Set(codes.length > 0 ? codes : problemCodes(description))] });
  }
  return problems;
}

/** The codes a text names (`PROBLEM_CODE_IN_TEXT`), as keywords: `HCW8110`, `0x8004010F`, `Event ID 15021`. */
function problemCodes(text: string): string[] {
  return [...text.matchAll(PROBLEM_CODE_IN_TEXT)].map((m) => (m[1] ? `Event ID ${m[1]}` : m[0].toUpperCase().replace(/^0X/, '0x')));
}

/**
 * Messages a sentence says the reader receives, gets or sees, in bold right before the word error or warning: `If you
 * continue to receive the **X** error…`. Read in paragraphs, list items, quotes and notes alike; the verb makes it what
 * the admin sees, not a name the article explains (`the **Shared** value`).
 */
function findReceivedErrors(blocks: Block[]): string[] {
  const found: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      const text = oneLine(block.text);
      for (const bold of block.bold) {
        const said = new RegExp(
          `\\b(?:receive[sd]?|receiving|get|gets|getting|see|sees|seeing)\\s+(?:the|an?)\\s+\\*{0,2}${escapeRegExp(bold)}\\*{0,2}\\s+(?:error|warning)\\b`,
          'i',
        );
        if (said.test(text)) found.push(cleanErrorText(bold));
      }
    } else if (block.kind === 'list') for (const item of block.items) found.push(...findReceivedErrors(item));
    else if (block.kind === 'quote') found.push(...findReceivedErrors(block.blocks));
  }
  return found;
}

/** An SMTP status in a title, with its reply code when given (`550 5.7.12`) and a range's end dropped (`4.7.500-699`). */
const TITLE_STATUS = /(?:\b[245]\d\d\s+)?\b[245]\.\d{1,2}\.\d{1,3}\b(?:\s*[-–]\s*\d{1,3}\b)?/g;

/**
 * The status codes an NDR article names only in its title (`Fix NDR error "550 5.7.12" in Exchange Online`, `NDR
 * 450 4.4.317 "Cannot connect…"`): what the bounce prints, so an error text of the main symptom — the quoted
 * status with its text when the title quotes one, else the code alone. Codes an error text already holds are left.
 */
export function titleStatusErrors(title: string): string[] {
  const found: string[] = [];
  // `"550 5.6.0 APPROVAL.InvalidExpiry"` or `550 5.1.20 "Multiple From addresses…"`: the code with its quoted text
  const quoted = /((?:\b[245]\d\d\s+)?\b[245]\.\d{1,2}\.\d{1,3}\s+)?["“]([^"”]{3,})["”]/g;
  let rest = title;
  for (const match of title.matchAll(quoted)) {
    const text = `${match[1] ?? ''}${match[2]}`.trim();
    if (!/\b[245]\.\d{1,2}\.\d{1,3}\b/.test(text)) continue;
    found.push(text);
    rest = rest.replace(match[0], ' ');
  }
  for (const match of rest.matchAll(TITLE_STATUS)) found.push(match[0]);
  return found.map((text) => cleanErrorText(text.replace(/(\d\.\d{1,2}\.\d{1,3})\s*[-–]\s*\d{1,3}\b/, '$1')));
}

function addTitleStatus(symptoms: Symptom[], title: string, lang: Lang): void {
  const main = symptoms[0];
  if (!main) return;
  const errors = symptoms.flatMap((s) => s.errors[lang] ?? []);
  for (const error of titleStatusErrors(title)) {
    const code = /\b[245]\.\d{1,2}\.\d{1,3}\b/.exec(error)?.[0] ?? '';
    const printed = (text: string) => new RegExp(`(?<![\\d.])${code.replace(/\./g, '\\.')}(?![\\d])`).test(text);
    if (!code || errors.some(printed)) continue;
    errors.push(error);
    (main.errors[lang] ??= []).push(error);
  }
}

/** Words that make a block of output an error report, not a listing. */
// (Only ever tested, never matched: `(?<!\w)[A-Za-z]*Exception` holds where `\b[A-Za-z.]*Exception` did, without
// walking every run of letters and dots from each of its word starts; a line start's spaces don't cross lines,
// as a later line start then holds the same.)
const ERROR_MARK =
  /(?<!\w)[A-Za-z]*Exception\b|\berror\b|\bwarning\b|\bfail(?:ed|ure)\b|\baccess (?:is )?denied\b|^[^\S\n\r\u2028\u2029]*\\?\+\s*(?:CategoryInfo|FullyQualifiedErrorId)\b|\bA?ADSTS\d{4,}|\b[45]\.\d\.\d{1,3}\b|\bHCW\d{4}\b|\bFehler\b|\bWarnung\b|\bfehlgeschlagen\b/im;
/** A sentence announcing an error shown below it (`…the following sign-in failure message:`). */
const ERROR_WORD = /\b(?:error|warning|alert|failure|exception|NDR|Fehler\w*|Warnung\w*)\b/i;

/**
 * `ERROR_LEAD_IN.test(text)` as it was, `\b(?:error|…)\b[^.]*:\s*$`: an error word after the last full stop, and a
 * colon at the end. (The expression walked to the end of the text from every error word: quadratic.)
 */
export function isErrorLeadIn(text: string): boolean {
  const t = text.trimEnd();
  return t.endsWith(':') && ERROR_WORD.test(t.slice(t.lastIndexOf('.') + 1));
}

/**
 * Error output outside the symptom sections: `>` quotes and code blocks (or the output part
 * of a code block after its commands) that read as an error or follow a sentence announcing
 * one. Commands, callout notes and listings without an error word are left alone.
 */
function findOutputErrors(blocks: Block[], inherited = ''): string[] {
  const found: string[] = [];
  let leadIn = inherited;
  const take = (text: string): void => {
    // what a command shows when all is well (`If the configuration is correct, you'll see the following output:`)
    if (announcesHealthyOutput(leadIn)) return;
    // a record is judged by its error properties only: `Failure :` left empty is no failure
    const output = errorFields(text.trim());
    if (!output || !(ERROR_MARK.test(output) || isErrorLeadIn(oneLine(leadIn)))) return;
    const error = cleanErrorText(output);
    if (error) found.push(error);
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        leadIn = '';
        break;
      case 'paragraph':
        leadIn = block.text;
        break;
      case 'quote':
        if (block.callout) found.push(...findOutputErrors(block.blocks, leadIn));
        else if (!block.blocks.some((b) => b.kind === 'code') && !looksLikeCommand(quoteText(block.blocks).trim().split('\n')[0]))
          take(quoteText(block.blocks));
        else found.push(...findOutputErrors(block.blocks, leadIn));
        break;
      case 'code':
        take(outputLines(block.content.replace(/\\([[\]<>*_|#])/g, '$1').split('\n')).join('\n'));
        break;
      case 'table':
        for (const { error } of tableErrors(block.rows)) {
          const text = cleanErrorText(error);
          if (text) found.push(text);
        }
        break;
      case 'list':
        for (const item of block.items) found.push(...findOutputErrors(item, leadIn));
        break;
      default:
        break;
    }
  }
  return found;
}

/**
 * Errors in `>` quotes, in code blocks that are output rather than commands, and in paragraphs that are one code span.
 * A run of item labels (`### Error 1`, `**Event entry 2:**`, `- On a Mac`: `itemLabel`) under an intro
 * sentence numbers or names the quotes below it: each error is described by the intro (a label that names something
 * is put before it) and the paragraph that closes the run (the kinds of object it happens to, say), not by the label
 * alone.
 */
function findErrors(
  blocks: Block[],
  heading: string,
  title: string,
  inherited = '',
  underAlternatives = true,
  outerStory: string[] = [],
): FoundError[] {
  const found: FoundError[] = [];
  let leadIn = inherited;
  let subheading = '';
  // the prose of this part so far (a list item's starts with its list's): what a bare announcement is described by
  let story = [...outerStory];
  const tell = (text: string): void => {
    const sentence = describeLeadIn(text);
    // a list item without a full stop (`The New Migration Batch Wizard`) ends as a sentence in the description
    if (sentence && !isBareAnnouncement(sentence)) story.push(/[.!?…]["”)]*$/.test(sentence) ? sentence : `${sentence}.`);
  };
  // a lead-in that only announces (`You receive this error message:`) says nothing of the problem: the prose before it does
  const told = (lead: string): string => (lead && isBareAnnouncement(lead) && story.length > 0 ? shorten(story.join(' ')) : lead);
  // the item label above the next error, the intro sentence of the run of labels (undefined: no run) and the paragraph
  // right after the run's last error (what comes after it goes on with the story: causes, further checks)
  let label = '';
  let intro: string | undefined;
  let closing = '';
  let closingOpen = false;
  // a list item under "…one of the following error messages:" shows one of them, whatever its own first line says
  const underLeadIn = underAlternatives && announcesMessages(inherited);
  // a section's own heading describes its errors unless it is the generic "Symptoms"
  const plainDescription = (): string => told(describeLeadIn(leadIn)) || subheading || (classify(heading) ? '' : heading) || title;
  const describe = (): string => {
    if (!label) return plainDescription();
    const named = namingLabel(label);
    const lead = describeLeadIn(intro ?? '');
    return (lead && named ? `${named}: ${lead}` : lead || named) || plainDescription();
  };
  // an error was found: the paragraph right after it may close the run
  const afterAnError = (): void => {
    closing = '';
    closingOpen = true;
  };
  const add = (error: string, description: string): void => {
    found.push(label ? { error, description, labelled: true } : { error, description });
    afterAnError();
  };
  const announced = (message: string, description = describe()): void => {
    const error = cleanErrorText(message);
    if (error && isSpecificMessage(error)) add(error, description);
  };
  // an item label starts or continues a run: the run's errors are described by the sentence above its first label
  const labelled = (text: string, asHeading = false): boolean => {
    const name = itemLabel(text);
    // a heading that names something (`### Outlook`, `#### On-premises side`) is a subsection of its own
    if (name === null || (asHeading && namingLabel(name))) return false;
    if (intro === undefined) intro = leadIn;
    label = name;
    leadIn = intro;
    return true;
  };
  for (const [index, block] of blocks.entries()) {
    // the closing prose is the paragraph right after the run's last error
    const afterError = closingOpen;
    closingOpen = false;
    switch (block.kind) {
      case 'heading': {
        const message = errorHeading(block.text);
        if (!message && labelled(block.text, true)) break;
        subheading = block.text;
        leadIn = '';
        story = [];
        label = '';
        intro = undefined;
        if (message) announced(message, subheading);
        break;
      }
      case 'paragraph': {
        // (below a sentence announcing something to run, the code is the command: `netdom query fsmo`)
        if (block.codeOnly && !looksLikeCommand(block.codeOnly) && !announcesCommand(leadIn)) {
          const error = cleanErrorText(block.codeOnly);
          if (error) add(error, describe());
          break;
        }
        // the message in bold on a line of its own, below the sentence announcing it
        const bold = boldLine(block);
        // (a label restores the run's intro as the lead-in: a bold line below a label is no message it announces)
        if (bold && (underLeadIn || (!label && announcesMessages(leadIn)))) {
          // described by the sentence announcing it, not by an item label such as "Error message 2"
          announced(bold, underLeadIn ? describeLeadIn(inherited) || describe() : describe());
          break;
        }
        const inline = inlineAnnounced(oneLine(block.text));
        if (inline) announced(inline.message, told(describeLeadIn(`${inline.leadIn}.`)) || describe());
        // the message as a paragraph of its own, in plain text, right below the sentence announcing it
        const above = blocks[index - 1];
        const plain = above?.kind === 'paragraph' && announcesMessage(above.text) ? plainParagraphMessage(block) : null;
        if (plain) announced(plain);
        if (!inline && !plain && labelled(block.text)) break;
        if (inline) tell(`${inline.leadIn}.`);
        // (`You expect to see the following output:` tells nothing of the problem)
        else if (!plain && !boldLine(block) && !announcesHealthyOutput(block.text)) tell(block.text);
        label = '';
        // a sentence announcing messages starts what follows afresh; other prose in a run may close it
        if (announcesMessage(block.text)) intro = undefined;
        else if (intro !== undefined && afterError && !inline && !plain && !boldLine(block)) closing = block.text;
        leadIn = block.text;
        break;
      }
      case 'quote': {
        // a healthy output the problem is compared with (`You expect to see the following output:`) is no error text
        if (block.callout || announcesHealthyOutput(leadIn)) break;
        for (const part of quoteErrors(block.blocks)) {
          const error = cleanErrorText(errorFields(part));
          if (error) add(error, describe());
        }
        break;
      }
      case 'code': {
        if (isCommandBlock(block.content) || announcesHealthyOutput(leadIn) || announcesCommand(leadIn)) break;
        // authors sometimes escape Markdown inside code (`\[Client=UX…`); logs never contain these escapes
        const error = cleanErrorText(errorFields(block.content.replace(/\\([[\]<>*_|#])/g, '$1')));
        if (error) add(error, describe());
        break;
      }
      case 'list': {
        // "…(one of) the following error messages:" over items of plain text: each item is one of them
        // (more alternatives than MAX_ALTERNATIVES are a family of symptoms: none of them is taken as announced)
        const alternatives = listsAlternatives(label ? '' : leadIn, block.items.length);
        for (const item of block.items) {
          const message = alternatives ? plainMessage(item) : null;
          if (message) announced(message);
          else {
            const inItem = findErrors(item, heading, title, leadIn, alternatives, story);
            found.push(...inItem);
            if (inItem.length > 0) afterAnError();
            // the item's own sentences go on with the story (`- You run Setup /PrepareAD without …`); numbered steps are
            // a procedure to follow, not what happened
            if (!block.ordered)
              for (const part of item) if (part.kind === 'paragraph' && !part.codeOnly && !boldLine(part)) tell(part.text);
          }
        }
        break;
      }
      case 'table':
        // a code's row says what it means; an event-log entry is described by the sentence before it
        for (const row of tableErrors(block.rows)) {
          const error = cleanErrorText(row.error);
          if (error) add(error, shorten(oneLine(row.description)) || describe());
        }
        break;
      default:
        break;
    }
  }
  // the paragraph after a run's last error says more of the problem its labelled quotes show
  const after = shorten(oneLine(closing));
  if (after) for (const f of found) if (f.labelled && !f.description.includes(after)) f.description = shorten(`${f.description} ${after}`);
  return found;
}

/**
 * An item label: a line of at most four words (a colon or full stop after them), not a sentence (no `you`, `the
 * following`, …), that numbers or names the quote below it: `Error 1`, `Event entry 2:`, `Event ID: 12003`, `Or`,
 * `On a Mac`, `Management Shell:`. Null for anything else.
 */
function itemLabel(text: string): string | null {
  const line = oneLine(text).trim();
  if (!line || line.length > 160) return null;
  const name = line.replace(/\s*[:.]$/, '').trim();
  if (!name || /[.!?;]\s/.test(name) || name.split(/\s+/).length > 4) return null;
  if (
    /\b(?:you|we|they|users?|it|this|these|those|there|following|below|resembles?|like|is|are|was|were|see|receive|get|occurs?)\b/i.test(
      name,
    )
  )
    return null;
  return name;
}

/** The part of an item label that names something, '' for one that only numbers its item (`Error 2`, `Event ID: 327`, `Or`). */
function namingLabel(label: string): string {
  return GENERIC_LABEL.test(label) ? '' : label;
}
const GENERIC_LABEL =
  /^(?:(?:error|errors|event|entry|id|message|details?|example|output|warning|exception|log|xml|sample|no\.?|number|or|and|fehler|fehlermeldung|ereignis|eintrag|meldung|beispiel|oder|und|\d+|[#:(),-])\s*)+$/i;

/**
 * Errors under an `Error: <message>` heading outside the symptom sections: the message itself, the messages a
 * sentence below it announces (`If you receive one of the following errors:` and a short list) and quoted output,
 * described by the paragraph right below the heading when it is no such announcement, else by the heading.
 */
function findHeadedErrors(blocks: Block[]): FoundError[] {
  const found: FoundError[] = [];
  let group: { level: number; heading: string; description: string; errors: string[] } | null = null;
  let leadIn = '';
  const flush = (): void => {
    if (!group) return;
    const description = shorten(group.description || group.heading);
    for (const error of group.errors) if (error && isSpecificMessage(error)) found.push({ error, description });
  };
  for (const block of blocks) {
    if (block.kind === 'heading') {
      if (group && block.level > group.level) continue;
      flush();
      const message = errorHeading(block.text);
      group = message ? { level: block.level, heading: block.text, description: '', errors: [cleanErrorText(message)] } : null;
      leadIn = '';
      continue;
    }
    if (!group) continue;
    if (block.kind === 'paragraph') {
      if (!leadIn && !announcesMessages(block.text)) group.description = oneLine(block.text);
      leadIn = block.text;
    } else if (block.kind === 'list' && listsAlternatives(leadIn, block.items.length)) {
      for (const item of block.items) {
        const message = plainMessage(item);
        if (message) group.errors.push(cleanErrorText(message));
      }
    } else if (block.kind === 'quote' && !block.callout && !announcesHealthyOutput(leadIn))
      group.errors.push(...quoteErrors(block.blocks).map(cleanErrorText));
  }
  flush();
  return found;
}

/**
 * The error texts of one quote: one, except where every paragraph is an `Error: …` record of its
 * own (two alternatives shown in one quote, `Error: AException: …` / `Error: BException: …`).
 * Other multi-paragraph quotes (an NDR, an event with its description, an HCW error and its inner
 * detail) are one error.
 */
function quoteErrors(blocks: Block[]): string[] {
  const paragraphs = blocks.filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph');
  const separate =
    paragraphs.length >= 2 &&
    paragraphs.length === blocks.length &&
    paragraphs.every((p) => /^(?:Error|Fehler)\s*:\s*\S.{20,}/is.test(p.text.trim()));
  return separate ? paragraphs.map((p) => p.text) : [quoteText(blocks)];
}

/** `you receive a **The request was aborted: …** error message` — the error named inline when no quote shows it. */
function findInlineErrors(blocks: Block[], title: string): FoundError[] {
  const found: FoundError[] = [];
  const visit = (list: Block[]): void => {
    for (const block of list) {
      if (block.kind === 'paragraph') {
        const text = oneLine(block.text);
        for (const bold of block.bold) {
          if (new RegExp(`${escapeRegExp(bold)}\\*{0,2}"?\\s+(?:error|warning)`, 'i').test(text) || /^(?:error|fehler)\s*:/i.test(bold)) {
            found.push({ error: cleanErrorText(bold), description: describeLeadIn(text) || title });
          }
        }
        for (const match of text.matchAll(/(?:error(?: message)?|fehler(?:meldung)?)\s*(?::\s*)?"([^"]{12,})"/gi)) {
          found.push({ error: cleanErrorText(match[1]), description: describeLeadIn(text) || title });
        }
        const line = /^(?:Error|Fehler)\s*:\s*(.{12,})$/i.exec(text);
        if (line) found.push({ error: cleanErrorText(line[1]), description: title });
      } else if (block.kind === 'list') for (const item of block.items) visit(item);
    }
  };
  visit(blocks);
  return found;
}

/** The sentence that introduces an error, as a plain statement ("…you receive the following error message."). */
function describeLeadIn(text: string): string {
  let lead = oneLine(text)
    .replace(/(?<!\s)\s*The full text of (?:the|this) (?:error )?message resembles the following(?: example)?\s*(?:[:.]\s*)?$/i, '')
    .replace(/(?<!\s)\s*For example, the error (?:entry )?in the IIS log may resemble the following\s*(?::\s*)?$/i, '')
    .trim();
  lead = lead.replace(/(?<!\s)\s*:$/, '.');
  return shorten(lead);
}

/**
 * A sentence that only announces what follows and says nothing of the problem: `You receive this error message.`,
 * `In this scenario, you may get the following error message.`, `However, you see the following output instead.`,
 * `Consider the following scenario.` (its words are all announcing words).
 */
function isBareAnnouncement(text: string): boolean {
  const words = text.toLowerCase().match(/[a-zäöüß]+/g) ?? [];
  return words.length > 0 && words.every((w) => ANNOUNCING_WORDS.has(w));
}
const ANNOUNCING_WORDS = new Set(
  (
    'you your the a an this that these following below error errors message messages warning output text entry entries ' +
    'receive receives received see sees get gets may might will can could also additionally however then instead in ' +
    'situation scenario case resembles resemble like similar to one of is are be returned displayed appears occurs ' +
    'users user consider assume example for ' +
    'sie erhalten erhält die der das folgende folgenden fehlermeldung fehlermeldungen fehler meldung ähnlich wie diesem ' +
    'dieser szenario fall möglicherweise außerdem jedoch dann'
  ).split(' '),
);

function shorten(text: string, max = 400): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const sentence = cut.lastIndexOf('. ');
  return sentence > 80 ? cut.slice(0, sentence + 1) : `${cut.replace(/(?<!\s)\s+\S*$/, '')} …`;
}

function isCommandBlock(content: string): boolean {
  const first = content.split('\n').find((line) => line.trim() && !line.trim().startsWith('#'));
  return first !== undefined && looksLikeCommand(first);
}

// ---------------------------------------------------------------- cause

function extractCause(sections: Section[]): string {
  const causes = sections.filter((s) => s.kind === 'cause');
  if (causes.length > 0) {
    return tidy(
      causes
        .map((s) => {
          const body = proseOf(s.blocks);
          return /^(?:causes?|ursachen?)$/i.test(s.heading.trim()) || !body ? body : `${s.heading}: ${body}`;
        })
        .filter(Boolean)
        .join('\n\n'),
    );
  }
  // "This issue occurs if …" / "… can occur if TLS 1.2 isn't enabled" elsewhere in the article
  for (const section of sections) {
    for (const sentence of proseOf(section.blocks).split(/\n|(?<=\.)\s+/)) {
      const text = sentence.replace(/^[-\d.]+\s+/, '').trim();
      if (/\b(?:occurs?|occur|happens?|is caused|are caused)\s+(?:only\s+)?(?:if|because|when|by)\b/i.test(text)) return text;
    }
  }
  return '';
}

// ---------------------------------------------------------------- steps

interface Draft {
  lines: string[];
  commands: Command[];
}

const STEP_INTRO_WORDS =
  /follow these steps|do the following|the following steps|one of the following|any of the following|either of the following|use one of the following methods/i;

/**
 * What `(?:follow these steps|…)[^:]*:\s*$` tested: those words after the last colon but one, and a colon at
 * the end (the expression walked to the end from every place the words occur: quadratic).
 */
export function isStepIntro(text: string): boolean {
  const t = text.trimEnd();
  return t.endsWith(':') && STEP_INTRO_WORDS.test(t.slice(0, -1).slice(t.slice(0, -1).lastIndexOf(':') + 1));
}
const GENERIC_HEADING = /^(?:resolution|solution|workaround|lösung|problemumgehung|more information|status|weitere informationen)$/i;
/** Support-site boilerplate at the end of many articles. */
const BOILERPLATE = /^(?:Still need help\?|Benötigen Sie weitere Hilfe\?)/i;

/**
 * Steps from the resolution sections: each list item and each paragraph is a step, code
 * blocks give the commands of the step they follow, callouts are added to their step's
 * text, and a sub-heading (`### Method 1 …`) is put in front of the first step below it.
 */
function extractSteps(sections: Section[], lang: Lang, kind: SectionKind): Step[] {
  const drafts: Draft[] = [];
  for (const section of sections.filter((s) => s.kind === kind)) {
    const firstOfSection = drafts.length;
    let prefix = GENERIC_HEADING.test(section.heading.trim()) ? '' : section.heading.trim();
    let pendingNotes: string[] = [];
    let context = section.heading;
    const start = (text: string): Draft => {
      const draft: Draft = { lines: [prefix ? `${prefix}: ${text}` : text, ...pendingNotes], commands: [] };
      prefix = '';
      pendingNotes = [];
      drafts.push(draft);
      return draft;
    };
    const last = (): Draft | undefined => (drafts.length > firstOfSection ? drafts[drafts.length - 1] : undefined);

    section.blocks.forEach((block, index) => {
      switch (block.kind) {
        case 'heading':
          prefix = block.text;
          break;
        case 'paragraph': {
          const text = oneLine(block.text);
          if (BOILERPLATE.test(text)) break;
          context += `\n${text}`;
          const introducesList = /:$/.test(text) && section.blocks[index + 1]?.kind === 'list';
          // "To resolve this issue, follow these steps:" says nothing the numbered steps don't
          if (!(introducesList && isStepIntro(text) && text.length < 90)) start(text);
          break;
        }
        case 'list': {
          const previous = last();
          const intro = previous?.lines[0] ?? '';
          if (!block.ordered && previous && /:$/.test(intro) && previous.commands.length === 0 && isShortList(block.items)) {
            // a short list of names or links under "…see the following:" belongs to that step
            previous.lines.push(...block.items.map((item) => `- ${proseOf(item)}`));
            break;
          }
          for (const item of block.items) {
            const text = itemProse(item);
            if (!text && !item.some((b) => b.kind === 'code')) continue;
            const draft = start(text || runLabel(lang));
            collectCommands(item, draft, text, context, lang);
            context += `\n${text}`;
          }
          break;
        }
        case 'code': {
          const commands = commandsOf(block.lang, block.content, [last()?.lines.join('\n') ?? ''], context, lang);
          if (commands.length > 0) (last() ?? start(runLabel(lang))).commands.push(...commands);
          break;
        }
        case 'quote': {
          const text = proseOf(block.blocks);
          const draft = last();
          if (text) (draft ? draft.lines : pendingNotes).push(block.callout ? `${calloutLabel(block.callout)}: ${text}` : text);
          if (draft) collectCommands(block.blocks, draft, text, context, lang);
          break;
        }
        default:
          break;
      }
    });
    if (pendingNotes.length > 0) {
      const draft = last();
      if (draft) draft.lines.push(...pendingNotes);
      else {
        // a section that is only a note ("Resolution 2 - …" with a [!NOTE]) is still a step
        const notes = pendingNotes;
        pendingNotes = [];
        start(notes.join('\n'));
      }
    }
  }
  return drafts
    .map((draft): Step => {
      const step: Step = { text: localized(lang, tidy(draft.lines.filter(Boolean).join('\n'))) };
      const commands = dedupeCommands(draft.commands);
      if (commands.length > 0) step.commands = commands;
      return step;
    })
    .filter((step) => Object.values(step.text).some((t) => t) || step.commands);
}

/** A list item's text as a step: its paragraphs, then its sub-items indented under it. */
function itemProse(item: Block[]): string {
  return item
    .map((block) => proseOf([block], block.kind === 'list' ? '   ' : ''))
    .filter(Boolean)
    .join('\n');
}

function isShortList(items: Block[][]): boolean {
  return items.every((item) => !item.some((b) => b.kind === 'code') && proseOf(item).length <= 100 && !/[.!?]$/.test(proseOf(item)));
}

function runLabel(lang: Lang): string {
  return lang === 'de' ? 'Führen Sie die folgenden Befehle aus.' : 'Run the following commands.';
}

/** Commands of the code blocks in `blocks`; `contexts` is the text around them, nearest first (it decides the shell). */
function collectCommands(blocks: Block[], draft: Draft, near: string, far: string, lang: Lang, outer: string[] = []): void {
  const contexts = [near, ...outer];
  let before = '';
  for (const block of blocks) {
    if (block.kind === 'paragraph') before += `\n${block.text}`;
    if (block.kind === 'code') draft.commands.push(...commandsOf(block.lang, block.content, [before, ...contexts], far, lang));
    else if (block.kind === 'quote') collectCommands(block.blocks, draft, proseOf(block.blocks), far, lang, contexts);
    else if (block.kind === 'list') for (const item of block.items) collectCommands(item, draft, proseOf(item), far, lang, contexts);
  }
}

function commandsOf(language: string, content: string, near: string[], far: string, lang: Lang): Command[] {
  if (/^(?:output|xml|json|text|asciidoc|log)$/i.test(language)) return [];
  return assembleCommands(content.split('\n')).map((code) => makeCommand(code, language, [...near, far], lang));
}

function dedupeCommands(commands: Command[]): Command[] {
  const seen = new Set<string>();
  return commands.filter((c) => (seen.has(c.code) ? false : (seen.add(c.code), true)));
}

// ---------------------------------------------------------------- references

const NOT_A_REFERENCE = /support\.microsoft\.com\/(?:[a-z-]+\/)?contactus|\/answers\/|answers\.microsoft\.com|aka\.ms\/hybridwizard$/i;

function extractReferences(sections: Section[], lang: Lang): Reference[] {
  const seen = new Set<string>();
  const references: Reference[] = [];
  const links: Link[] = sections.flatMap((s) => linksOf(s.blocks));
  for (const link of links) {
    if (NOT_A_REFERENCE.test(link.url) || seen.has(link.url)) continue;
    seen.add(link.url);
    references.push({ title: localized(lang, link.text), url: link.url });
  }
  return references;
}
