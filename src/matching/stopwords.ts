import { ENGLISH_HINTS, GERMAN_HINTS } from '../knowledge/vocabulary';
import { foldWord } from './normalize';

// Function words carry no evidence; they are left out of weights and word pairs.
// Kept short on purpose: error vocabulary such as "not", "closed" or "failed" must stay. `due` (as in "due to") was
// dropped through folding onto German `du` before foldWord kept English `ue`; it stays out, now by name.
const EN = `a an the and or of to in on at by for from with as is are was were be been being it its this that these those
there their then than so if into out up do does did done has have had i you he she we they me my your our us
please hi hello hey thanks thank can could would should will just also any some what when where which who why how
still again now here very really due`;

const DE = `der die das den dem des ein eine einer eines einem einen und oder zu im in am an auf aus bei mit von vom zum zur
ist sind war waren wird werden wurde wurden sein hat haben hatte es sie er wir ihr ich du man sich dass das
bitte hallo danke kann konnen konnte sollte will auch noch wieder jetzt hier sehr was wann wo wie warum welche
mein meine unser unsere ihre ihren hab habe`;

/** Folded stop words of both languages. */
export const STOPWORDS: ReadonlySet<string> = new Set(`${EN} ${DE}`.split(/\s+/).filter(Boolean).map(foldWord));

// Frequent words that tell the language of a paste apart (folded forms): knowledge/vocabulary.ts.
const DE_HINTS = new Set(GERMAN_HINTS.map(foldWord));
const EN_HINTS = new Set(ENGLISH_HINTS.map(foldWord));

/** The folded term is one of the frequent words `guessLanguage` counts for `lang`. */
export function isLanguageHint(term: string, lang: 'de' | 'en'): boolean {
  return (lang === 'de' ? DE_HINTS : EN_HINTS).has(term);
}

/** `de` or `en`, by which language's frequent words the terms contain more of; undefined when undecided. */
export function guessLanguage(terms: readonly string[], raw: string): 'de' | 'en' | undefined {
  let de = /[äöüß]/i.test(raw) ? 2 : 0;
  let en = 0;
  for (const t of terms) {
    if (DE_HINTS.has(t)) de++;
    if (EN_HINTS.has(t)) en++;
  }
  if (de === en) return undefined;
  return de > en ? 'de' : 'en';
}
