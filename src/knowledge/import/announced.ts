/**
 * Error messages an article announces in prose rather than quoting them: a list under "…you receive one of the
 * following error messages:", a bold line below such a sentence, the text after its colon, and a heading that is
 * the message itself (`### Error: 550 5.1.8 Bad outbound sender`). Such shapes also hold things that are no error
 * text of their own — a generic line every tool prints, a long list of alternatives — which are told apart here.
 */
import { type Block, oneLine } from './blocks';
import { looksLikeCommand } from './text';

/** A sentence that announces messages shown below it: `…you receive one of the following error messages:`. */
export function announcesMessages(leadIn: string): boolean {
  const text = oneLine(leadIn);
  return /\b(?:following|these)\s+(?:[\w-]+\s+){0,2}?(?:errors?|(?:error |warning )?messages?|warnings?|exceptions?)\s*:$/i.test(
    text.slice(-120),
  );
}

/**
 * A paragraph that says the next one is an error message: a sentence announcing messages, one that says the message
 * or log entry resembles what follows (`…you see an error in the protocol log that resembles the following:`,
 * `The following error is logged when …:`), or the label `Error:` alone.
 */
export function announcesMessage(leadIn: string): boolean {
  const text = oneLine(leadIn);
  if (!text.endsWith(':')) return false;
  if (announcesMessages(text) || /^(?:error(?: message)?|fehler(?:meldung)?)\s*:$/i.test(text)) return true;
  const sentence = text.slice(text.lastIndexOf('. ') + 1);
  return /\b(?:following (?:error|warning|exception)s?|(?:resembles?|like) the following)\b/i.test(sentence);
}

/**
 * A paragraph in plain text that can be the message announced above it: one line of a message's length, not a
 * lead-in itself (`EMS:`, `Additionally, the following event is logged:`, with or without its colon), not a command;
 * or null.
 */
export function plainParagraphMessage(block: Extract<Block, { kind: 'paragraph' }>): string | null {
  // without the quotes an article puts around the whole message (`"Setup encountered a problem …"`): they are not its words
  const text = oneLine(block.text).replace(/^["“]([^"“”]+)["”]$/, '$1');
  if (text.length < 12 || text.length > MAX_MESSAGE || text.endsWith(':') || looksLikeCommand(text)) return null;
  // `…information that resembles the following is logged.` below a lead-in whose message is a screenshot
  return /\bthe following\b/i.test(text) ? null : text;
}

/**
 * Longer plain paragraphs are explanations, not a message. Set from the corpora's error texts: nine in ten of them
 * are at most 482 characters long (the announced plain ones 50 to 402); 400 left out the schema master's setup error.
 */
const MAX_MESSAGE = 500;

/**
 * A sentence that announces something to run, not what is shown: `…run the following command from an administrative
 * command prompt:`, `…resume setup by using the following command:`, `…together with the following switch:`. The
 * block below it is a command an admin types (`netdom query fsmo`, `D:\setup.exe /m:upgrade …`), no error text, even
 * where its form is one `looksLikeCommand` doesn't know. A sentence that also announces an error (`When you run the
 * following command, you receive the following error:`) still announces the error.
 */
export function announcesCommand(leadIn: string): boolean {
  const text = oneLine(leadIn).trimEnd();
  const sentence = text.slice(text.lastIndexOf('. ') + 1);
  return RUN_THIS.test(sentence) && !announcesMessage(text) && !ERROR_SHOWN.test(sentence);
}
const RUN_THIS = /\b(?:following|this|these)\s+(?:[\w-]+\s+){0,2}?(?:commands?|cmdlets?|command lines?|scripts?|switch(?:es)?|syntax)\b/i;
/** The sentence says what the command shows: an error word makes the block below it output. */
const ERROR_SHOWN = /\b(?:errors?|warnings?|exceptions?|fails?|failed|failure|fehler\w*|output)\b/i;

/**
 * `…you receive the following error message: <the message>` in one paragraph: the lead-in and the message. The
 * lead-in is prose that says who sees it (`you`, `users`): `Connecting to remote server failed with the following
 * error message: …` is itself the error, a wrapper around its inner message, not a sentence announcing one.
 */
export function inlineAnnounced(text: string): { leadIn: string; message: string } | null {
  const match = /^(.*\bfollowing (?:error|warning)(?: message)?\s*):\s*([^:]{12,})$/i.exec(text);
  if (!match || !/\b(?:you|users?)\b/i.test(match[1]) || looksLikeCommand(match[2])) return null;
  return { leadIn: match[1], message: match[2] };
}

/** A list item that is one message in plain text (not a command, not a label ending in a colon), or null. */
export function plainMessage(item: Block[]): string | null {
  const block = item.length === 1 ? item[0] : undefined;
  if (block?.kind !== 'paragraph' || block.codeOnly || block.bold.length > 0) return null;
  const text = oneLine(block.text);
  return text.length >= 12 && !text.endsWith(':') && !looksLikeCommand(text) ? text : null;
}

/** A paragraph that is nothing but one bold line (`**Connecting to … failed …**`), or null. */
export function boldLine(block: Extract<Block, { kind: 'paragraph' }>): string | null {
  const text = oneLine(block.text);
  return block.bold.length === 1 && block.bold[0] === text && text.length >= 12 && !text.endsWith(':') ? text : null;
}

/**
 * A heading that is an error message: `Error: <message>` / `Fehler: <message>`, numbered (`Error 2: "<message>"`,
 * quotes dropped), or the message followed by the word error (`### <message> error`) when the message says enough
 * on its own words: `Policy error`, `Exchange Setup or PrepareAD error` name a topic, not a message. Null otherwise.
 */
export function errorHeading(heading: string): string | null {
  const text = heading.trim();
  const labelled = /^(?:Error|Fehler)(?:\s+\d{1,2})?\s*:\s*(\S.{5,})$/i.exec(text);
  if (labelled) return unquoted(labelled[1].trim());
  const named = /^(.{12,}?)\s+(?:error|Fehler)$/i.exec(text);
  if (!named) return null;
  // `Setup fails with "<message>" error`: the quoted part is the message, the rest says where it shows
  const quoted = /["“]([^"“”]{6,})["”]/.exec(named[1]);
  if (quoted) return quoted[1].trim();
  return sayingWords(named[1]) >= 4 ? unquoted(named[1].trim()) : null;
}

/** A message without the quotes around it (`"Unable to …"` → `Unable to …`). */
function unquoted(text: string): string {
  const match = /^["“]([^"“”]+)["”]$/.exec(text);
  return match ? match[1].trim() : text;
}

/**
 * More alternatives than this under one lead-in are a family of symptoms, not error texts: an article that lists
 * nine connection failures has one catch-all fix (run a troubleshooter) and is the answer to none of them in
 * particular; the articles about each of them are. Set from the corpora: lists of announced messages there have
 * 1 to 4 items, except such catch-alls.
 */
export const MAX_ALTERNATIVES = 4;

/** Whether the `items` of a list below `leadIn` are announced messages, each one of them (at most MAX_ALTERNATIVES). */
export function listsAlternatives(leadIn: string, items: number): boolean {
  return items <= MAX_ALTERNATIVES && announcesMessages(leadIn);
}

/** Words that say nothing about which error it is: articles, pronouns, auxiliaries and the words of every error. */
const PLAIN_WORDS = new Set(
  (
    'a an the this that these those it its is are was were be been has have had do does did don t not no can cannot could ' +
    'will would should may might you your we our i me my to of in on at for from by with as and or but if then than ' +
    'there here what which who when where error errors message failed fail failure please try again later occurred ' +
    'unknown unexpected internal denied access found operation action perform performed permission permissions request ' +
    'server remote returned http status invalid not allowed'
  ).split(' '),
);

/**
 * Whether an announced message says enough to be an error text of its own. A generic line (`Access is denied`,
 * `Authentication unsuccessful`, `The remote server returned an error: (404) Not Found.`) is printed by countless
 * tools for countless reasons: as an article's whole error text it would answer them all. A message is specific
 * when it holds a name (a code, an exception or CamelCase name, a dotted identifier, a quoted value, a placeholder,
 * an address or path) or at least four other words.
 */
export function isSpecificMessage(text: string): boolean {
  return NAMED.test(text) || CODED.test(text) || sayingWords(text) >= 4;
}

/** How many words of a text say which error it is (not an article, a pronoun or a word every error has). */
function sayingWords(text: string): number {
  return (text.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => w.length > 1 && !PLAIN_WORDS.has(w)).length;
}
/** A CamelCase or dotted name (`WinRM`, `ActiveSync`, `System.Net.WebException`), a placeholder, a quoted value, an address or path. */
const NAMED =
  /[a-z][A-Z]|\b[A-Za-z]\w*\.[A-Za-z]\w*\.[A-Za-z]|<[^<>\s][^<>]*>|["'“‘][^"'”’\s][^"'”’]+["'”’]|https?:\/\/|\\\\|\b[A-Za-z]:\\/;
/** A code: an SMTP status, an HCW or sign-in code, a hex result, a number of five digits or more. */
const CODED = /\b[245]\.\d{1,2}\.\d{1,3}\b|\b[A-Z]{2,}\d{3,}|\b0x[0-9a-f]{8}\b|\b\d{5,}\b/i;

/**
 * A sentence announcing what is shown when all is well, not an error: `You expect to see the following output:`,
 * `If the configuration is correct, you'll see the following output:`, `The expected result resembles the following:`,
 * `After you apply the fix, the output looks like this:`. The block below it is a healthy output an admin compares
 * with, no error text. An error word in the sentence (`the following warning, which is expected …`) or a negation
 * (`…doesn't return the expected output:`) keeps it an announcement of what goes wrong; a sentence announcing a command
 * (`Run the following command to verify that the value is set correctly:`) announces no output.
 */
export function announcesHealthyOutput(leadIn: string): boolean {
  const text = oneLine(leadIn).trimEnd();
  if (!text.endsWith(':')) return false;
  const sentence = text.slice(text.lastIndexOf('. ') + 1);
  if (HEALTHY_NOT.test(sentence) || /^\s*(?:run|use|type|enter)\b/i.test(sentence) || !HEALTHY_SHOWN.test(sentence)) return false;
  return HEALTHY_WORD.test(sentence) || HEALTHY_AFTER_FIX.test(sentence);
}
const HEALTHY_WORD = /\b(?:expect(?:s|ed)?|correct(?:ly)?|successful(?:ly)?|healthy)\b/i;
const HEALTHY_AFTER_FIX =
  /\bafter (?:you (?:apply|install|make)|applying|installing|the)\b[^,:]*\b(?:fix|hotfix|update|change|resolution)\b/i;
/** It shows something: output, a result, a response, values. */
const HEALTHY_SHOWN = /\b(?:output|results?|response|message|values?|see|shown|returns?|resembles?|like this|as follows)\b/i;
const HEALTHY_NOT =
  /\b(?:error|errors|warning|warnings|failure|fails?|failed|exception|fehler\w*|warnung\w*|not|never|instead|rather than|following (?:command|cmdlet|script)s?)\b|n't\b/i;
