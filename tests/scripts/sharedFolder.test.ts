/**
 * Where the benchmark, the tests and scripts/match-outputs.mjs find the shared material: the folder PASTEFIX_SHARED
 * names, else ../shared beside the project (a worktree or a clone elsewhere has none there), and a plain message
 * naming the variable when corpus/ is absent.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { sharedAbsent, sharedPath } from '../../bench/sharedDir';
import { buildSets } from '../../bench/knowledgeSets';
import { ROOT, tempFolder } from '../helpers/tmp';

describe('scripts/shared folder (PASTEFIX_SHARED)', function () {
  it('is the folder PASTEFIX_SHARED names, else ../shared beside the project', function () {
    assert.equal(sharedPath({ PASTEFIX_SHARED: '/somewhere/shared' }), path.resolve('/somewhere/shared'));
    assert.equal(sharedPath({}), path.resolve(ROOT, '../shared'));
  });

  it('an absent corpus: the benchmark notes it and names PASTEFIX_SHARED', function () {
    const { dir, cleanup } = tempFolder();
    try {
      const { notes } = buildSets([], path.join(dir, 'corpus'), { corpusMoreDir: path.join(dir, 'corpus-more') });
      assert.ok(
        notes.some((n) => n.includes(sharedAbsent(path.join(dir, 'corpus')))),
        notes.join('\n'),
      );
      assert.match(notes.join('\n'), /PASTEFIX_SHARED/);
    } finally {
      cleanup();
    }
  });

  it('match-outputs.mjs reads PASTEFIX_SHARED and stops with a plain message when its corpus/ is absent', function () {
    const { dir, cleanup } = tempFolder();
    try {
      const out = path.join(dir, 'out.jsonl');
      const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/match-outputs.mjs'), path.join(ROOT, 'dist'), out], {
        env: { ...process.env, PASTEFIX_SHARED: dir },
        encoding: 'utf8',
      });
      assert.equal(run.status, 2, run.stderr);
      assert.equal(
        run.stderr.trim(),
        `match-outputs: ${path.join(dir, 'corpus')} is absent (the shared folder is PASTEFIX_SHARED when set, else ../shared beside the project; set PASTEFIX_SHARED=/path/to/shared from a worktree or a clone elsewhere)`,
      );
    } finally {
      cleanup();
    }
  });
});
