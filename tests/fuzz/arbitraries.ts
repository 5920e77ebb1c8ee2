/**
 * fast-check generators for what users paste: arbitrary Unicode, and paste-like text built from the
 * knowledge base's own error strings mixed with log noise, markup, entities and broken encodings.
 */
import fc from 'fast-check';
import { realMatcher } from '../bot/support/harness';

/** Every error string of the built-in articles, both languages. */
export function errorFragments(): string[] {
  const out: string[] = [];
  for (const article of realMatcher().kb.articles) {
    for (const symptom of article.symptoms) for (const list of Object.values(symptom.errors)) out.push(...(list ?? []));
  }
  return out;
}

const NOISE = [
  '\n',
  '\r\n',
  '\t',
  ' ',
  '    ',
  '[PS] C:\\>',
  'VERBOSE: ',
  'WARNUNG: ',
  '+ CategoryInfo          : ',
  'at System.Net.',
  '   --- End of stack trace ---',
  '&quot;',
  '&#39;',
  '&#x27;',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '"',
  "'",
  '`',
  '```',
  '**',
  '_',
  '[',
  '](',
  ')',
  '<',
  '>',
  '<script>',
  '#',
  '|',
  'Ã¤',
  'Ã¶',
  'ü',
  'ß',
  '„',
  '“',
  '\u200b',
  '\ufeff',
  '\u0000',
  '\ud800',
  '🙂',
  'x'.repeat(300),
  '-'.repeat(80),
  'alice@contoso.com',
  '0x80070005',
  'HCW8078',
  '{6b4f0f2c-0000-4000-8000-000000000001}',
  'Set-FederatedOrganizationIdentifier',
  'https://contoso.example/a?b=c',
];

/** Any Unicode, including lone surrogates and control characters. */
export const anyText = (maxLength = 2000) => fc.string({ unit: 'binary', maxLength });

/** Text that looks like a paste: error strings, noise and arbitrary bits in any order. */
export function pasteLike(maxParts = 40): fc.Arbitrary<string> {
  const fragments = errorFragments();
  return fc
    .array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...fragments) },
        { weight: 4, arbitrary: fc.constantFrom(...NOISE) },
        { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
        // An error string with a letter changed, cut or upper-cased, as people mangle them.
        {
          weight: 2,
          arbitrary: fc.tuple(fc.constantFrom(...fragments), fc.nat(), fc.boolean()).map(([f, at, upper]) => {
            const cut = f.slice(0, Math.max(1, at % f.length)) + f.slice((at % f.length) + 1);
            return upper ? cut.toUpperCase() : cut;
          }),
        },
      ),
      { maxLength: maxParts },
    )
    .map((parts) => parts.join(''));
}

/** About `bytes` of paste-like text (repeating generated chunks), for size tests. */
export function largePaste(chars: number): fc.Arbitrary<string> {
  return fc.tuple(pasteLike(60), anyText(500), fc.nat()).map(([a, b, seed]) => {
    const chunk = `${a}\n${b}\n`;
    const safe = chunk.length > 0 ? chunk : `noise ${seed}\n`;
    return safe.repeat(Math.ceil(chars / safe.length)).slice(0, chars);
  });
}
