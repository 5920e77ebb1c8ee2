/**
 * What a typed message asks for, before anything is searched: a command, a greeting or thanks,
 * a number answering a clarify question, or a paste to match. Greetings never reach the matcher.
 */
import type { Lang } from '../knowledge/types';

export type Intent =
  | { kind: 'empty' }
  | { kind: 'help'; spoken?: Lang }
  | { kind: 'topics'; spoken?: Lang }
  | { kind: 'show'; id: string | undefined; spoken?: Lang }
  | { kind: 'greeting'; spoken?: Lang }
  | { kind: 'thanks'; spoken?: Lang }
  /** 1-based; only meaningful while a clarify choice is pending. */
  | { kind: 'number'; value: number }
  | { kind: 'paste'; text: string };

/** Command words; `spoken` only where the word gives the language away ("help" is used by German speakers too). */
const COMMANDS: Record<string, { kind: 'help' | 'topics' | 'show'; spoken?: Lang }> = {
  help: { kind: 'help' },
  hilfe: { kind: 'help', spoken: 'de' },
  '?': { kind: 'help' },
  topics: { kind: 'topics' },
  themen: { kind: 'topics', spoken: 'de' },
  show: { kind: 'show' },
  zeige: { kind: 'show', spoken: 'de' },
  zeig: { kind: 'show', spoken: 'de' },
};

/** Whole-message greetings and thanks (lower case, punctuation stripped). */
const GREETINGS: Record<string, Lang | undefined> = {
  hi: undefined,
  hey: undefined,
  hallo: 'de',
  hello: 'en',
  moin: 'de',
  servus: 'de',
  'grüß gott': 'de',
  'guten morgen': 'de',
  'guten tag': 'de',
  'guten abend': 'de',
  'good morning': 'en',
  'good afternoon': 'en',
  'good evening': 'en',
};
const THANKS: Record<string, Lang | undefined> = {
  danke: 'de',
  'danke schön': 'de',
  dankeschön: 'de',
  'vielen dank': 'de',
  merci: undefined,
  thanks: 'en',
  thx: 'en',
  'thank you': 'en',
  'thanks a lot': 'en',
  'many thanks': 'en',
  ty: 'en',
};

/** Classifies one message (mention already removed). */
export function parseIntent(raw: string): Intent {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  if (/^[1-9]$/.test(text.replace(/[.)]$/, ''))) return { kind: 'number', value: Number(text[0]) };

  // Commands are one line; a leading slash is accepted (`/help`), as in many chat clients.
  if (!text.includes('\n') && text.length <= 120) {
    const [first = '', ...rest] = text.replace(/^\//, '').split(/\s+/);
    const command = COMMANDS[first.toLowerCase()];
    if (command && (command.kind === 'show' ? rest.length <= 1 : rest.length === 0)) {
      return command.kind === 'show'
        ? { kind: 'show', id: rest[0] === undefined ? undefined : unquote(rest[0]), spoken: command.spoken }
        : { kind: command.kind, spoken: command.spoken };
    }
    const phrase = text
      .toLowerCase()
      .replace(/[!.,;:)(\s🙂😀👋]+/gu, ' ')
      .trim();
    const withoutName = phrase.replace(/(?<!\s)\s*pastefix$/, '');
    if (withoutName in GREETINGS) return { kind: 'greeting', spoken: GREETINGS[withoutName] };
    if (withoutName in THANKS) return { kind: 'thanks', spoken: THANKS[withoutName] };
  }
  return { kind: 'paste', text };
}

/**
 * `<id>`, `"id"`, `` `id` `` → `id`: quotes and brackets at the start, then at the end of what is left. (A loop,
 * not `/[`"'>]+$/`, which tries every start of a run of quotes.)
 */
function unquote(word: string): string {
  let start = 0;
  while (start < word.length && '`"\'<'.includes(word[start])) start++;
  let end = word.length;
  while (end > start && '`"\'>'.includes(word[end - 1])) end--;
  return word.slice(start, end);
}
