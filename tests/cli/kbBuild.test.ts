import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadKnowledge } from '../../src/knowledge/load';
import { openKnowledgeIndex } from '../../src/matching/compiled';
import { Matcher } from '../../src/matching/matcher';
import { articleYaml } from '../helpers/articles';
import { ROOT, tempFolder } from '../helpers/tmp';

/** `kb build`: the real command line, and the file it writes opened as the service opens it. */
function kb(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/src/cli/kb.js'), ...args], { encoding: 'utf8', cwd });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli/kb build', function () {
  this.timeout(60_000);
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('writes the knowledge and the matcher to one file that opens to the same matcher; a bad file is reported, not fatal', () => {
    const t = tempFolder({
      'kb/a.yaml': articleYaml('a', 'The alpha connector failed to start because the beta queue is full'),
      'kb/b.yaml': articleYaml('b', 'The gamma transport rejected the delta message with a quota error'),
      'kb/broken.yaml': 'id: broken\ntitle: [',
    });
    cleanup = t.cleanup;
    const r = kb(['build', '--kb', 'kb', '--out', 'out/kb.idx'], t.dir);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, '2 articles from 3 files compiled into out/kb.idx (0.0 MB)\n');
    assert.match(r.err, /^kb: left out: .*broken\.yaml:2: YAML syntax: /);

    const sources = path.join(t.dir, 'kb');
    const opened = openKnowledgeIndex(path.join(t.dir, 'out/kb.idx'), [sources]);
    assert.ok(opened.ok, opened.ok ? '' : opened.reason);
    const kbLoaded = loadKnowledge([sources]);
    assert.deepEqual(opened.kb.articles, kbLoaded.articles);
    assert.deepEqual(opened.kb.problems, kbLoaded.problems, 'the problems travel with it, for the service to log');
    const built = new Matcher(kbLoaded);
    for (const paste of ['The alpha connector failed to start because the beta queue is full', 'gamma transport quota', 'hello']) {
      assert.deepEqual(opened.matcher.match(paste, { explain: true }), built.match(paste, { explain: true }), paste);
    }
  });

  it('--strict: a file left out exits 2 and writes nothing; without --out: usage, exit 2', () => {
    const t = tempFolder({ 'kb/a.yaml': articleYaml('a', 'Alpha failed'), 'kb/broken.yaml': 'id: broken\ntitle: [' });
    cleanup = t.cleanup;
    const strict = kb(['build', '--kb', 'kb', '--strict', '--out', 'kb.idx'], t.dir);
    assert.equal(strict.code, 2);
    assert.match(strict.err, /^kb: invalid knowledge: .*broken\.yaml:2: YAML syntax: /);
    assert.ok(!fs.existsSync(path.join(t.dir, 'kb.idx')));
    const usage = kb(['build', '--kb', 'kb'], t.dir);
    assert.equal(usage.code, 2);
    assert.match(usage.err, /^kb: build needs --out FILE\n/);
  });
});
