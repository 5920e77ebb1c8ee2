/**
 * Which language the bot answers in. Signals, strongest first:
 * 1. words the user typed in this turn (`hilfe`, `danke`, `zeige …` are German),
 * 2. the language the user chose with such words earlier in the conversation,
 * 3. `activity.locale` (Teams sends the client language, e.g. `de-DE`),
 * 4. the language of the pasted error, as the matcher detected it,
 * 5. English.
 * The user's own locale beats the paste's language because many admins run English servers
 * but read German (and the other way round); the paste decides only when nothing else does.
 */
import { LANGS, type Lang } from '../knowledge/types';

export interface LanguageSignals {
  /** Language of words the user typed in this turn (commands, greetings). */
  spoken?: Lang;
  /** Language remembered from earlier turns of this conversation. */
  remembered?: Lang;
  /** `activity.locale`, e.g. `de-DE`, `en-US`, `de`. */
  locale?: string;
  /** Detected language of the paste (`MatchResult.lang`). */
  paste?: Lang;
}

/** `de-DE`, `de-AT`, `de` → `de`; `en-US`, `en` → `en`; anything else → undefined. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  const primary = locale?.trim().toLowerCase().split(/[-_]/)[0];
  return LANGS.find((l) => l === primary);
}

/** The language to answer in; see the module comment for the order. */
export function chooseLang(signals: LanguageSignals): Lang {
  return signals.spoken ?? signals.remembered ?? langFromLocale(signals.locale) ?? signals.paste ?? 'en';
}

/** Like `chooseLang` but without the paste: undefined when only the paste could decide. */
export function preferredLang(signals: Omit<LanguageSignals, 'paste'>): Lang | undefined {
  return signals.spoken ?? signals.remembered ?? langFromLocale(signals.locale);
}
