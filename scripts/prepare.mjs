// npm's `prepare` step, run by `npm ci` and `npm install` in this folder: builds dist/ (`npm run build`)
// when the TypeScript compiler is installed, that is in a development install. A production install
// (`npm ci --omit=dev`) has no compiler: it runs the dist/ built before, and says so; without one it stops
// and says what to do, rather than failing later with "Cannot find module". Plain JavaScript, as it must
// run where nothing can be compiled.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist', 'src', 'index.js');

function hasCompiler() {
  try {
    createRequire(path.join(root, 'package.json')).resolve('typescript');
    return true;
  } catch {
    return false;
  }
}

if (hasCompiler()) {
  // One definition of the build: package.json's `build` script.
  const run = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(run.status ?? 1);
} else if (existsSync(built)) {
  console.log('prepare: no TypeScript compiler (a production install, npm ci --omit=dev): running the dist/ built before.');
} else {
  console.error(
    [
      'prepare: a production install (npm ci --omit=dev) has no TypeScript compiler, and there is no built dist/ to run.',
      'Build it first with the development install (npm ci builds dist/), then install for production next to it:',
      '  npm ci && npm ci --omit=dev',
      'or run the development install as it is: npm ci && npm start',
    ].join('\n'),
  );
  process.exit(1);
}
