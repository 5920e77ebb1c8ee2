import assert from 'node:assert/strict';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../src/knowledge/load';
import { packArticles, unpackArticles } from '../../src/knowledge/packedArticles';
import type { Article } from '../../src/knowledge/types';
import { englishArticle } from '../helpers/articles';
import { requireShared } from '../helpers/prerequisites';

/** Articles sent from the loading thread as one buffer and a table of texts (src/knowledge/packedArticles.ts). */
describe('knowledge/packedArticles: articles packed for the service thread', () => {
  it('unpacks the built-in knowledge and the corpus exactly as loaded: fields, their order, every text', function () {
    this.timeout(60_000);
    const { articles } = loadKnowledge([BUILTIN_KNOWLEDGE, requireShared(this)]);
    assert.ok(articles.length > 100, 'the case is about a real knowledge base');
    const back = unpackArticles(packArticles(articles)!);
    assert.equal(JSON.stringify(back), JSON.stringify(articles));
    assert.deepEqual(back, articles);
  });

  it('holds each text once, however many articles use it, and keeps texts outside ASCII', () => {
    const shared = 'Öffnen Sie die Exchange-Verwaltungsshell – „als Administrator“ 😀';
    const articles: Article[] = ['a', 'b', 'c'].map((id) =>
      englishArticle(id, [`Error ${id} happened`], { cause: { en: shared, de: shared }, steps: [{ text: { en: shared } }] }),
    );
    const packed = packArticles(articles)!;
    assert.equal(packed.texts.filter((t) => t === shared).length, 1);
    assert.equal(new Set(packed.texts).size, packed.texts.length);
    assert.ok(
      packed.bytes.every((b) => b < 0x80),
      'the JSON is ASCII',
    );
    assert.deepEqual(unpackArticles(packed), articles);
  });

  it('leaves out fields whose value is undefined, as the JSON copy loading makes does', () => {
    const article = englishArticle('a', ['Error A happened'], { keywords: undefined, source: { title: 'ours', url: undefined } });
    assert.deepEqual(unpackArticles(packArticles([article])!), [JSON.parse(JSON.stringify(article))]);
  });

  it('does not pack articles holding a value that is not a text (it would come back as one): they are sent as they are', () => {
    const article = { ...englishArticle('a', ['Error A happened']), rank: 3 } as unknown as Article;
    assert.equal(packArticles([article]), undefined);
  });
});
