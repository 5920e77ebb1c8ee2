/**
 * Stage 5b of matching, keyword hits: the articles' symptom keyword phrases found in the paste, raised by their topic
 * phrases (a cause, a scenario), which also tip ties between articles that share an error text (ranking.ts).
 */
import type { KeywordHit, MatchContext } from './hits';

/**
 * Stage 5b: keyword phrases found in the paste: per-symptom scores, and per article the number of its
 * topic phrases (which never make a candidate alone, but tip ties between articles that share an error text).
 * `families`: a family's symptom (`familySymptom`) named alone is listed, not offered.
 */
export function keywordHits(
  ctx: MatchContext,
  seq: readonly string[],
  families: boolean,
): { hits: KeywordHit[]; topics: Map<number, number>; topicPhrases: Map<number, Set<string>> } {
  const p = ctx.params.keywords;
  const symptomPhrases = new Map<string, { article: number; symptom: string; terms: string[]; phrases: string[] }>();
  const topicPhrases = new Map<number, Set<string>>();
  const contextPhrases = new Map<string, Set<string>>();
  const add = (map: Map<string | number, Set<string>>, key: string | number, value: string) =>
    map.set(key, (map.get(key) ?? new Set()).add(value));
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
      const key = `${ph.article}\u0000${ph.symptom}`;
      if (ph.symptom === null) add(topicPhrases, ph.article, phrase);
      else if (ph.topic) add(contextPhrases, key, phrase);
      else {
        const hit = symptomPhrases.get(key);
        if (hit) {
          hit.terms.push(...ph.terms);
          hit.phrases.push(phrase);
        } else symptomPhrases.set(key, { article: ph.article, symptom: ph.symptom, terms: [...ph.terms], phrases: [phrase] });
      }
    }
  }
  const hits: KeywordHit[] = [];
  for (const [key, { article, symptom, terms, phrases }] of symptomPhrases) {
    const topics = [...(topicPhrases.get(article) ?? []), ...(contextPhrases.get(key) ?? [])];
    const score = p.symptom + Math.min(p.topicMax, p.topic * topics.length);
    // A symptom many articles describe, named without this article's topic phrases, names the family: listed, not offered.
    const family = families && !topics.length && ctx.facts.familySymptom(article, symptom);
    const hit: KeywordHit = {
      kind: 'keyword',
      article,
      symptom,
      score: family ? p.familyScore : score,
      terms,
      keywords: phrases,
      topics,
    };
    if (family) hit.family = true;
    hits.push(hit);
  }
  const topics = new Map([...topicPhrases].map(([article, phrases]) => [article, phrases.size]));
  return { hits, topics, topicPhrases };
}
