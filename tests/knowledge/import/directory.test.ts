import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { RAW_ARTICLE_EXTENSIONS, importArticle } from '../../../src/knowledge/import';
import { importToDirectory } from '../../../src/knowledge/import/directory';
import { loadKnowledge } from '../../../src/knowledge/load';
import { tempFolder } from '../../helpers/tmp';
import { corpusFiles, requireShared, seedFile } from './corpus';

const ARTICLE =
  '---\ntitle: T\n---\n# Widget error\n\n## Symptoms\n\n> Widget failed: code 7.\n\n## Resolution\n\n1. Restart the widget.\n';

describe('import: importToDirectory (kb import SRC... --out DIR)', function () {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((c) => c()));
  const temp = (files: Record<string, string> = {}): string => {
    const t = tempFolder(files);
    cleanups.push(t.cleanup);
    return t.dir;
  };

  it('imports files and folders (recursively), writes <id>.yaml, skips READMEs and other files, reports what it could not use', function () {
    const src = temp({
      'a/widget-error.md': ARTICLE,
      'a/nested/other-error.markdown': ARTICLE.replace('Widget failed: code 7.', 'Gadget failed.'),
      'a/README.md': '# About this folder',
      'a/notes.json': '{}',
      'a/empty.txt': '',
    });
    const out = path.join(temp(), 'out');
    const { written, problems } = importToDirectory([path.join(src, 'a'), path.join(src, 'missing')], out);
    // folders are read in name order: a/nested/ comes before a/widget-error.md
    assert.deepEqual(written, [path.join(out, 'other-error.yaml'), path.join(out, 'widget-error.yaml')]);
    assert.deepEqual(fs.readdirSync(out).sort(), ['other-error.yaml', 'widget-error.yaml']);
    assert.deepEqual(
      problems.map((p) => [path.relative(src, p.file), p.message]),
      [
        // sources are listed first, then imported
        ['missing', 'import: no such file or folder'],
        ['a/empty.txt', 'import: the file is empty'],
      ],
    );
  });

  it('refuses a second article with the same id and names both files', function () {
    const src = temp({ 'x/dup.md': ARTICLE, 'y/dup.txt': 'Widget text\nError:\nWidget failed.\nResolution\nRestart it.' });
    const out = temp();
    const { written, problems } = importToDirectory([path.join(src, 'x'), path.join(src, 'y')], out);
    assert.deepEqual(written, [path.join(out, 'dup.yaml')]);
    assert.deepEqual(
      problems.map((p) => p.message),
      [
        `import: duplicate article id "dup" in ${path.join(src, 'x', 'dup.md')} and ${path.join(src, 'y', 'dup.txt')}; the second was not written`,
      ],
    );
  });

  it('the written corpus and seed load again through the knowledge loader, valid and equal to the raw import', function () {
    requireShared(this);
    const out = temp();
    const sources = [path.dirname(seedFile()!), path.join(path.dirname(path.dirname(seedFile()!)), 'corpus')];
    const { written, problems } = importToDirectory(sources, out);
    assert.equal(written.length, corpusFiles()!.length + 1);
    assert.ok(
      problems.every((p) => !/^import: (?:cannot|duplicate|no such)/.test(p.message)),
      JSON.stringify(problems.slice(0, 3)),
    );
    const kb = loadKnowledge([out]);
    assert.deepEqual(kb.problems, []);
    assert.equal(kb.articles.length, written.length);
    for (const file of [...corpusFiles()!, seedFile()!]) {
      const { article } = importArticle(file, fs.readFileSync(file, 'utf8'));
      assert.deepEqual(kb.byId.get(article!.id), JSON.parse(JSON.stringify(article)), article!.id);
    }
  });

  it('the loader can import raw article folders itself with importArticle', function () {
    const src = temp({ 'widget-error.md': ARTICLE });
    const kb = loadKnowledge([src], { importer: { extensions: RAW_ARTICLE_EXTENSIONS, importArticle } });
    assert.deepEqual(kb.problems, []);
    assert.deepEqual(
      kb.articles.map((a) => a.id),
      ['widget-error'],
    );
  });
});
