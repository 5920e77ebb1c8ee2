/**
 * Importer for article text copied from a web page (German or English), like the seed:
 * headings on lines of their own, bullets whose `-` may stand alone on the line before,
 * error blocks after `Fehler:`/`Error:`, commands whose parameters continue on the
 * following lines. Copy artifacts (`Add-PSSnap in`, `cmdletSet-…`) are repaired.
 */
import type { Article, Command, KnowledgeProblem, Lang, Product, Reference, Step, Symptom } from '../types';
import type { ImportResult } from './result';
import {
  assembleCommands,
  cleanErrorText,
  detectLanguage,
  errorKey,
  fixProseArtifacts,
  localized,
  looksLikeCommand,
  makeCommand,
  productsFrom,
  symptomIdFor,
  tidy,
  uniqueId,
} from './text';

type Item =
  | { kind: 'heading'; text: string; section: Section }
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullet'; text: string; numbered: boolean }
  | { kind: 'command'; code: string }
  | { kind: 'error'; text: string };

type Section = 'symptoms' | 'cause' | 'resolution' | 'info';

const HEADINGS: Array<[RegExp, Section]> = [
  [/^(?:symptome?|symptoms?|problem|beschreibung|description|zusammenfassung|summary)$/i, 'symptoms'],
  [/^(?:ursachen?|causes?)$/i, 'cause'],
  [/^(?:lösung|loesung|lösungen|resolution|solution|problemumgehung|workaround|abhilfe|behebung)$/i, 'resolution'],
  [/^(?:weitere informationen|more information|status|verweise|references|siehe auch|see also|gilt für|applies to)$/i, 'info'],
];

/** Words that start a sentence of prose, i.e. the end of an error block. */
const PROSE_START = /^(?:Wenn|Falls|Um|Nachdem|Sie|Dies|Diese|Weitere|Führen|If|When|To|After|You|This|These|For|Run|Make)\b/;
const BULLET_MARKER = /^\s*[-–•*]\s*$/;
// `(?=(\s+))\1` takes all the spaces at once (JavaScript has no possessive `\s++`): giving some back to `(.*)`
// can't help it reach the end, and trying that made a long run of spaces before a U+2028 quadratic.
// The spaces are a group of their own; the text after them is the last group.
const BULLET = /^\s*[-–•*](?=(\s+))\1(.*)$/;
const NUMBERED = /^\s*(\d{1,2})[.)](?=(\s+))\2(.*)$/;
const ERROR_MARKER = /^\s*(?:Fehler(?:meldung)?|Error(?: message)?|Fehlermeldung)\s*:(?=(\s*))\1(.*)$/i;

export function importPlainText(file: string, text: string, id: string): ImportResult {
  const problems: KnowledgeProblem[] = [];
  const lines = fixProseArtifacts(text.replace(/\r\n?/g, '\n')).split('\n');
  const items = tokenize(lines);
  if (!items.some((i) => i.kind !== 'heading')) {
    problems.push({ file, message: 'import: no article text found, nothing to import' });
    return { article: null, problems };
  }
  const lang = detectLanguage(text);

  const title = titleOf(items);
  const { symptoms, intro, cause: causeText } = extractProblem(items, lang);
  const steps = extractSteps(items, lang);
  if (symptoms.every((s) => Object.keys(s.errors).length === 0)) {
    problems.push({ file, field: 'symptoms', message: 'import: no error message found; the symptoms are described in words only' });
  }
  if (steps.length === 0) problems.push({ file, field: 'steps', message: 'import: no resolution steps found' });

  const article: Article = {
    id,
    title: localized(lang, title || id),
    languages: [lang],
    products: productsMentioned(text),
    symptoms: symptoms.length > 0 ? symptoms : [{ id: 'symptom', description: localized(lang, intro || title), errors: {} }],
    cause: localized(lang, causeText || intro || title),
    affects: [],
    steps,
    references: referencesIn(lines, lang),
    source: { title: title || id },
  };
  return { article, problems };
}

/** Exchange products named in the text (`Exchange Server 2010`, `Exchange Online`). */
function productsMentioned(text: string): Product[] {
  const names: string[] = [];
  for (const match of text.matchAll(/\b(Exchange Online|Exchange Server(?: (?:2007|2010|2013|2016|2019|SE)\b)?)/g)) names.push(match[1]);
  return productsFrom(names);
}

/** Web addresses written out in the text, titled by the words on their line (or the address itself). */
function referencesIn(lines: string[], lang: Lang): Reference[] {
  const references: Reference[] = [];
  for (const line of lines) {
    for (const match of line.matchAll(/https?:\/\/[^\s<>"')\]]+/g)) {
      const url = match[0].replace(/(?<![.,;:])[.,;:]+$/, '');
      if (references.some((r) => r.url === url)) continue;
      try {
        new URL(url);
      } catch {
        continue;
      }
      const words = line
        .replace(match[0], ' ')
        .replace(/^\s*[-–•*]\s*/, '')
        .replace(/(?<![\s:–-])[\s:–-]+$/, '')
        .replace(/\s+/g, ' ')
        .trim();
      references.push({ title: localized(lang, words || url), url });
    }
  }
  return references;
}

// ---------------------------------------------------------------- lines → items

function tokenize(lines: string[]): Item[] {
  const items: Item[] = [];
  let bulletPending = false;
  let i = 0;
  const commandAt = (start: number): number => {
    // the command line plus the lines that continue it
    let end = start + 1;
    while (end < lines.length && /^\s*(?:-[A-Za-z]|\|)/.test(lines[end]) && !BULLET.test(lines[end])) end++;
    return end;
  };
  while (i < lines.length) {
    const raw = lines[i];
    const line = raw.trim();
    if (!line) {
      i++;
      continue;
    }
    if (BULLET_MARKER.test(line)) {
      bulletPending = true;
      i++;
      continue;
    }
    const heading = HEADINGS.find(([pattern]) => pattern.test(line.replace(/:$/, '').trim()));
    if (heading && !bulletPending) {
      items.push({ kind: 'heading', text: line.replace(/:$/, ''), section: heading[1] });
      i++;
      continue;
    }
    const errorStart = ERROR_MARKER.exec(line);
    if (errorStart && !bulletPending) {
      const block: string[] = errorStart[2] ? [errorStart[2]] : [];
      i++;
      while (i < lines.length) {
        const next = lines[i].trim();
        if (!next || BULLET_MARKER.test(next) || BULLET.test(next) || looksLikeCommand(next) || PROSE_START.test(next)) break;
        if (HEADINGS.some(([pattern]) => pattern.test(next.replace(/:$/, '')))) break;
        i++;
        if (/\s[-–•]$/.test(next)) {
          // the next bullet's marker, glued to this line by the copy
          block.push(next.replace(/(?<!\s)\s+[-–•]$/, ''));
          bulletPending = true;
          break;
        }
        block.push(next);
      }
      const error = cleanErrorText(block.join('\n'));
      if (error) items.push({ kind: 'error', text: error });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    const content = bullet ? bullet[2].trim() : numbered ? numbered[3].trim() : line;
    if (looksLikeCommand(content)) {
      const end = commandAt(i);
      const commandLines = [content, ...lines.slice(i + 1, end)];
      for (const code of assembleCommands(commandLines)) items.push({ kind: 'command', code });
      i = end;
      bulletPending = false;
      continue;
    }
    if (bullet || numbered || bulletPending) {
      items.push({ kind: 'bullet', text: content, numbered: Boolean(numbered) });
      bulletPending = false;
      i++;
      continue;
    }
    items.push({ kind: 'paragraph', text: content });
    i++;
  }
  return items;
}

// ---------------------------------------------------------------- title, symptoms, cause

function titleOf(items: Item[]): string {
  const first = items.find((i): i is Extract<Item, { kind: 'paragraph' }> => i.kind === 'paragraph');
  if (!first) return '';
  if (first.text.length <= 120 && !/[.:]$/.test(first.text)) return first.text;
  const sentence = /^(.{10,160}?[.!?])(?:\s|$)/.exec(first.text);
  return (sentence ? sentence[1] : first.text.slice(0, 120)).replace(/[.!?]$/, '').trim();
}

interface Draft {
  description: string;
  errors: string[];
}

/**
 * Before the resolution: the first paragraphs are the introduction (the cause, unless a
 * cause section says otherwise); every bullet and every paragraph that states a
 * condition ("Wenn…", "If…") is a symptom; an error block belongs to the symptom before it.
 */
function extractProblem(items: Item[], lang: Lang): { symptoms: Symptom[]; intro: string; cause: string } {
  const drafts: Draft[] = [];
  const intro: string[] = [];
  const cause: string[] = [];
  let section: Section = 'symptoms';
  let lastText = '';
  for (const item of items) {
    if (item.kind === 'heading') {
      section = item.section;
      continue;
    }
    if (section === 'resolution' || section === 'info') continue;
    if (section === 'cause') {
      if (item.kind === 'paragraph' || item.kind === 'bullet') cause.push(item.kind === 'bullet' ? `- ${item.text}` : item.text);
      continue;
    }
    switch (item.kind) {
      case 'paragraph':
        if (drafts.length === 0 && !/^(?:Wenn|Falls|If|When)\b/.test(item.text)) intro.push(item.text);
        else if (/^(?:Wenn|Falls|If|When)\b/.test(item.text)) drafts.push({ description: item.text, errors: [] });
        lastText = item.text;
        break;
      case 'bullet':
        drafts.push({ description: item.text, errors: [] });
        lastText = item.text;
        break;
      case 'error': {
        let draft = drafts[drafts.length - 1];
        if (!draft) {
          draft = { description: lastText || item.text, errors: [] };
          drafts.push(draft);
        }
        if (!draft.errors.some((e) => errorKey(e) === errorKey(item.text))) draft.errors.push(item.text);
        break;
      }
      default:
        break;
    }
  }
  const taken = new Set<string>();
  const symptoms = drafts.map((draft): Symptom => {
    const description = draft.description.replace(/(?<!\s)\s*:$/, '.');
    return {
      id: uniqueId(symptomIdFor(description, draft.errors[0], true), taken),
      description: localized(lang, description),
      errors: draft.errors.length > 0 ? { [lang]: draft.errors } : {},
    };
  });
  return { symptoms, intro: tidy(intro.join('\n\n')), cause: tidy(cause.join('\n')) };
}

// ---------------------------------------------------------------- steps

interface StepDraft {
  lines: string[];
  commands: Command[];
}

/**
 * In the resolution: paragraphs and numbered items are steps; bullets under a step that ends with `:` belong to it; commands to the step
 * before them.
 */
function extractSteps(items: Item[], lang: Lang): Step[] {
  const drafts: StepDraft[] = [];
  let inResolution = false;
  for (const item of items) {
    if (item.kind === 'heading') {
      inResolution = item.section === 'resolution';
      continue;
    }
    if (!inResolution) continue;
    const last = drafts[drafts.length - 1];
    switch (item.kind) {
      case 'paragraph':
        drafts.push({ lines: [item.text], commands: [] });
        break;
      case 'bullet':
        if (last && !item.numbered && /:$/.test(last.lines[0]) && last.commands.length === 0) last.lines.push(`- ${item.text}`);
        else drafts.push({ lines: [item.text], commands: [] });
        break;
      case 'command': {
        const draft =
          last ??
          (drafts.push({ lines: [lang === 'de' ? 'Führen Sie die folgenden Befehle aus.' : 'Run the following commands.'], commands: [] }),
          drafts[0]);
        if (!draft.commands.some((c) => c.code === item.code))
          draft.commands.push(makeCommand(item.code, '', draft.lines.join('\n'), lang));
        break;
      }
      default:
        break;
    }
  }
  return drafts.map((draft) => {
    const step: Step = { text: localized(lang, tidy(draft.lines.join('\n'))) };
    if (draft.commands.length > 0) step.commands = draft.commands;
    return step;
  });
}
