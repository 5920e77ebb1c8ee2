import assert from 'node:assert/strict';
import fc from 'fast-check';
import { importArticle } from '../../../src/knowledge/import';
import { checkArticle } from '../../../src/knowledge/schema';

/** Importing never throws; what it returns is either nothing (with a reason) or an article the schema accepts. */
function importsSafely(file: string, text: string): ReturnType<typeof importArticle> {
  const result = importArticle(file, text);
  if (result.article === null) {
    assert.ok(result.problems.length > 0, 'a missing article comes with a reason');
    assert.ok(result.problems.every((p) => p.file === file && p.message.startsWith('import: ')));
  } else {
    assert.deepEqual(
      checkArticle(JSON.parse(JSON.stringify(result.article))).problems,
      [],
      `${file}: ${JSON.stringify(text.slice(0, 200))}`,
    );
  }
  return result;
}

describe('import: junk in, no exception out', function () {
  it('an empty or blank file gives no article and says why', function () {
    for (const text of ['', '   \n\n\t']) {
      const { article, problems } = importsSafely('empty.md', text);
      assert.equal(article, null);
      assert.deepEqual(problems, [{ file: 'empty.md', message: 'import: the file is empty' }]);
    }
  });

  it('binary-looking content gives no article', function () {
    const text = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256)).toString('latin1');
    const { article, problems } = importsSafely('image.md', text);
    assert.equal(article, null);
    assert.deepEqual(problems, [{ file: 'image.md', message: 'import: the file holds binary data, not article text' }]);
  });

  it('front matter alone gives no article', function () {
    const { article, problems } = importsSafely('only-front.md', '---\ntitle: Only a title\nappliesto:\n  - Exchange Online\n---\n');
    assert.equal(article, null);
    assert.deepEqual(problems, [{ file: 'only-front.md', message: 'import: only a title found, nothing to import' }]);
  });

  it('broken front matter is ignored with a warning; the body still imports', function () {
    const { article, problems } = importsSafely(
      'broken.md',
      '---\ntitle: [unclosed\n---\n# Title\n\n## Symptoms\n\n> Something failed badly.\n\n## Resolution\n\n1. Fix it.\n',
    );
    assert.ok(article);
    assert.equal(article.title.en, 'Title');
    assert.deepEqual(article.symptoms[0].errors, { en: ['Something failed badly.'] });
    assert.ok(problems.some((p) => p.field === 'front matter' && /not valid YAML/.test(p.message)));
  });

  it('unterminated fences, a lone heading, stray markup: an article or a reason, never an exception', function () {
    const cases: Array<[string, string]> = [
      ['fence.md', '# T\n\n## Symptoms\n\n```powershell\nGet-Mailbox |\n'],
      ['fence2.md', '## Resolution\n\n1. Run:\n\n   ```\n   Set-X -A `\n'],
      ['heading.md', '# Just a heading'],
      ['quote.md', '>'],
      ['front.md', '---\n---\n'],
      ['unclosed-front.md', '---\ntitle: x\n# Heading\n\n> error\n'],
      ['comment.md', '<!-- only a comment'],
      ['image.md', ':::image type="content" source="a.png" alt-text="x":::'],
      ['text.txt', 'Fehler:\n'],
      ['text2.txt', '-\n-\n-\n'],
      ['text3.txt', 'Lösung\nSet-Foo\n-Bar `\n'],
      ['text4.txt', 'Error: \u0000'],
      ['noext', '# Title\n\n## Problem\n\n`Weird-Error: boom`\n'],
    ];
    for (const [file, text] of cases) importsSafely(file, text);
  });

  it('arbitrary text never throws (property test, Markdown and plain text)', function () {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('a.md', 'b.txt', 'c.markdown', 'd'), (text, file) => {
        importsSafely(file, text);
      }),
      { numRuns: 300 },
    );
  });

  it('arbitrary lines built from article syntax never throw', function () {
    const piece = fc.constantFrom(
      '---',
      '# Title',
      '## Symptoms',
      '## Cause',
      '## Resolution',
      '### Method 1',
      '> [!NOTE]',
      '> quoted error',
      '>',
      '```powershell',
      '```',
      '```output',
      '1. Step',
      '- bullet',
      '  - nested',
      'Fehler:',
      'Error: boom',
      'Lösung',
      'Set-Mailbox',
      '-Identity x',
      'Add-PSSnap in X',
      'text <placeholder>',
      '',
      ':::image x:::',
      '<!--',
      '-->',
      '[link](/exchange/x)',
      '[rel](./other.md)',
      '| a | b |',
      '|---|---|',
      'Still need help? no',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom('x.md', 'y.txt'), (lines, file) => {
        importsSafely(file, lines.join('\n'));
      }),
      { numRuns: 400 },
    );
  });
});
