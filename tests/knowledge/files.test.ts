import assert from 'node:assert/strict';
import path from 'node:path';
import { listFiles } from '../../src/knowledge/files';
import { tempFolder } from '../helpers/tmp';

describe('knowledge/files: listFiles', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('lists matching files of folders recursively and sorted, without hidden entries or READMEs; a file named directly always', () => {
    const t = tempFolder({
      'b.yaml': '',
      'a.md': '',
      'README.md': '',
      'sub/Readme.txt': '',
      'sub/c.yml': '',
      'sub/notes.json': '',
      '.hidden/d.yaml': '',
      '.e.yaml': '',
      'other/README.yaml': '',
    });
    cleanup = t.cleanup;
    const problems: string[] = [];
    const files = listFiles([t.dir, path.join(t.dir, 'other', 'README.yaml')], ['.yaml', '.yml', '.md', '.txt'], (file, message) =>
      problems.push(`${file}: ${message}`),
    );
    assert.deepEqual(
      files.map((f) => path.relative(t.dir, f)),
      ['a.md', 'b.yaml', path.join('sub', 'c.yml'), path.join('other', 'README.yaml')],
    );
    assert.deepEqual(problems, []);
  });

  it('passes a missing path to onProblem and goes on with the others', () => {
    const t = tempFolder({ 'a.yaml': '' });
    cleanup = t.cleanup;
    const problems: string[] = [];
    const files = listFiles(['/nonexistent/pastefix-kb', t.dir], ['.yaml'], (file, message) => problems.push(`${file}: ${message}`));
    assert.deepEqual(files, [path.join(t.dir, 'a.yaml')]);
    assert.deepEqual(problems, ['/nonexistent/pastefix-kb: no such file or folder']);
  });
});
