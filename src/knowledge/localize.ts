import type { Lang, Localized } from './types';

/** The text in `lang`, or in the other language when the article lacks it (`lang` says which one came back). */
export function pick(text: Localized, lang: Lang): { text: string; lang: Lang } {
  const own = text[lang];
  if (own !== undefined) return { text: own, lang };
  const other: Lang = lang === 'de' ? 'en' : 'de';
  return { text: text[other] ?? '', lang: other };
}
