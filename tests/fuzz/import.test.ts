/**
 * Property tests for the article importers: on arbitrary text and on Markdown- and support-article-
 * shaped junk they never throw, always say why when they give no article, and what they do give
 * passes the knowledge schema (so the loader would accept it).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { importArticle } from '../../src/knowledge/import';
import { checkArticle } from '../../src/knowledge/schema';
import { anyText, pasteLike } from './arbitraries';

const FILES = ['article.md', 'notes.txt', 'Weird Name (copy).md', 'x.markdown', 'no-extension', 'README.md', 'de-artikel.txt'];

/** Markdown with the parts support articles have, in random order and amounts. */
const markdownish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '---\ntitle: T\nms.date: 01/02/2024\n---\n',
        '---\n',
        '# ',
        '## Symptoms\n',
        '## Cause\n',
        '## Resolution\n',
        '## Ursache\n',
        '## Lösung\n',
        '### ',
        '- ',
        '1. ',
        '```powershell\n',
        '```\n',
        '> [!NOTE]\n> ',
        '| a | b |\n|---|---|\n',
        '[link](https://learn.microsoft.com/x)',
        '<br>',
        '\n\n',
      ),
      pasteLike(6),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('fuzz: article importers', function () {
  this.timeout(120_000);

  it('never throw, report why when there is no article, and produce only schema-valid articles', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FILES), fc.oneof(anyText(3000), markdownish, pasteLike()), (file, text) => {
        const result = importArticle(file, text);
        assert.ok(Array.isArray(result.problems));
        for (const p of result.problems) {
          assert.equal(p.file, file);
          assert.equal(typeof p.message, 'string');
          assert.ok(p.message.length > 0);
        }
        if (result.article === null) assert.ok(result.problems.length > 0, 'no article and no reason');
        else assert.deepEqual(checkArticle(JSON.parse(JSON.stringify(result.article))).problems, [], 'the article passes the schema');
      }),
      { numRuns: 400 },
    );
  });

  it('are deterministic', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FILES), fc.oneof(markdownish, anyText(1000)), (file, text) => {
        assert.deepEqual(importArticle(file, text), importArticle(file, text));
      }),
      { numRuns: 150 },
    );
  });

  it('finish on 200 KB of junk', () => {
    fc.assert(
      fc.property(markdownish, fc.constantFrom(...FILES), (chunk, file) => {
        const big = (chunk || 'x').repeat(Math.ceil(200_000 / Math.max(1, chunk.length))).slice(0, 200_000);
        const result = importArticle(file, big);
        assert.ok(result.article !== null || result.problems.length > 0);
      }),
      { numRuns: 4 },
    );
  });
});
