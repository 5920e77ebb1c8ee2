/**
 * Stage 5b of matching, keyword hits: the articles' symptom keyword phrases found in the paste, raised by their topic
 * phrases (a cause, a scenario), which also tip ties between articles that share an error text (ranking.ts).
 */
import type { KeywordHit, MatchContext } from './hits';

/** Per article, the topic phrases a paste holds: none (shared, never written). */
const NO_TOPICS: ReadonlyMap<number, ReadonlySet<string>> = new Map();

/** `value` added to the set `map` holds under `key`, made on the first. */
function addTo<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/**
 * Stage 5b: keyword phrases found in the paste: per-symptom scores, and per article its topic phrases found (which never
 * make a candidate alone, but tip ties between articles that share an error text: ranking.ts, by their number).
 * A family's symptom (`familySymptom`) named alone is marked `family`. `families`: `list` (a paste as written, in the
 * articles' own language or not): it scores `familyScore`, listed, not offered; `offer` (a paste's translation through the
 * lexicon): it keeps its score, offered beside the close symptoms of other articles but never answered on the translation
 * (bridge.ts `combineWithTranslation`), no higher than the family offer's first (matcher.ts), and ranks after another
 * article's symptom of the same score.
 * (The maps are made on the first phrase found: most pastes hold none.)
 */
export function keywordHits(
  ctx: MatchContext,
  seq: readonly string[],
  families: 'list' | 'offer',
): { hits: KeywordHit[]; topicPhrases: ReadonlyMap<number, ReadonlySet<string>> } {
  const p = ctx.params.keywords;
  let symptomPhrases: Map<string, { article: number; symptom: string; terms: string[]; phrases: string[] }> | undefined;
  let topicPhrases: Map<number, Set<string>> | undefined;
  let contextPhrases: Map<string, Set<string>> | undefined;
  for (let i = 0; i < seq.length; i++) {
    const starting = ctx.index.phrases.get(seq[i]);
    if (!starting) continue;
    for (const ph of starting) {
      // A loop, not every() with a closure: common words start many phrases, and this runs for each of their words
      // (the first word is the map's key).
      let k = 1;
      while (k < ph.terms.length && seq[i + k] === ph.terms[k]) k++;
      if (k < ph.terms.length) continue;
      const phrase = ph.terms.join(' ');
      if (ph.symptom === null) {
        addTo((topicPhrases ??= new Map()), ph.article, phrase);
        continue;
      }
      const key = `${ph.article}\u0000${ph.symptom}`;
      if (ph.topic) addTo((contextPhrases ??= new Map()), key, phrase);
      else {
        const hit = (symptomPhrases ??= new Map()).get(key);
        if (hit) {
          hit.terms.push(...ph.terms);
          hit.phrases.push(phrase);
        } else symptomPhrases.set(key, { article: ph.article, symptom: ph.symptom, terms: [...ph.terms], phrases: [phrase] });
      }
    }
  }
  const hits: KeywordHit[] = [];
  if (symptomPhrases)
    for (const [key, { article, symptom, terms, phrases }] of symptomPhrases) {
      const topics = [...(topicPhrases?.get(article) ?? []), ...(contextPhrases?.get(key) ?? [])];
      const score = p.symptom + Math.min(p.topicMax, p.topic * topics.length);
      // A symptom many articles describe, named without this article's topic phrases, names the family: listed, not offered
      // (through the lexicon: offered, never answered).
      const family = !topics.length && ctx.facts.familySymptom(article, symptom);
      const hit: KeywordHit = {
        kind: 'keyword',
        article,
        symptom,
        score: family && families === 'list' ? p.familyScore : score,
        terms,
        keywords: phrases,
        topics,
      };
      if (family) hit.family = true;
      hits.push(hit);
    }
  return { hits, topicPhrases: topicPhrases ?? NO_TOPICS };
}
