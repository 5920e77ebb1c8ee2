/**
 * npm's `prepare` step (scripts/prepare.mjs), run for real in a folder laid out like the project: it builds
 * when the TypeScript compiler is installed, runs the dist/ built before in a production install, and stops
 * with a plain message when a production install has nothing built. (`.ci/production-install` checks the
 * whole production install: `npm ci --omit=dev` next to a built dist/, then `npm run manifest`.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, tempFolder } from '../helpers/tmp';

const SCRIPT = fs.readFileSync(path.join(ROOT, 'scripts/prepare.mjs'), 'utf8');
/** The project's `build` stood in for by one that leaves a marker where tsc would write dist/. */
const PACKAGE = JSON.stringify({
  name: 'prepare-test',
  private: true,
  scripts: {
    build: `node -e "require('fs').mkdirSync('dist/src',{recursive:true});require('fs').writeFileSync('dist/src/index.js','built')"`,
  },
});

function project(files: Record<string, string>) {
  return tempFolder({ 'package.json': PACKAGE, 'scripts/prepare.mjs': SCRIPT, ...files });
}

function prepare(dir: string) {
  const run = spawnSync(process.execPath, ['scripts/prepare.mjs'], { cwd: dir, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('scripts/prepare (npm ci, npm install)', function () {
  this.timeout(60_000);

  it('builds with `npm run build` when the TypeScript compiler is installed (a development install)', () => {
    const { dir, cleanup } = project({
      'node_modules/typescript/package.json': JSON.stringify({ name: 'typescript', version: '6.0.3', main: 'index.js' }),
      'node_modules/typescript/index.js': '',
    });
    try {
      const run = prepare(dir);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(fs.readFileSync(path.join(dir, 'dist/src/index.js'), 'utf8'), 'built');
    } finally {
      cleanup();
    }
  });

  it('runs the dist/ built before in a production install (no compiler), and says so', () => {
    const { dir, cleanup } = project({ 'dist/src/index.js': 'built before' });
    try {
      const run = prepare(dir);
      assert.equal(run.status, 0, run.stderr);
      assert.equal(
        run.stdout,
        'prepare: no TypeScript compiler (a production install, npm ci --omit=dev): running the dist/ built before.\n',
      );
      assert.equal(fs.readFileSync(path.join(dir, 'dist/src/index.js'), 'utf8'), 'built before');
    } finally {
      cleanup();
    }
  });

  it('stops a production install with nothing built, saying what to run instead', () => {
    const { dir, cleanup } = project({});
    try {
      const run = prepare(dir);
      assert.equal(run.status, 1);
      assert.equal(
        run.stderr,
        [
          'prepare: a production install (npm ci --omit=dev) has no TypeScript compiler, and there is no built dist/ to run.',
          'Build it first with the development install (npm ci builds dist/), then install for production next to it:',
          '  npm ci && npm ci --omit=dev',
          'or run the development install as it is: npm ci && npm start',
          '',
        ].join('\n'),
      );
      assert.ok(!fs.existsSync(path.join(dir, 'dist')));
    } finally {
      cleanup();
    }
  });
});
