/**
 * `npm run manifest` on a production install (`npm ci --omit=dev`, or `npm prune --omit=dev` after a
 * build) must work: every module the command loads while building a real package has to come from a
 * package that such an install keeps. package-lock.json says which those are (`dev: true` ones are left
 * out), so this test builds the package in a fresh process and checks every file it loaded against it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { ROOT, tempFolder } from '../helpers/tmp';

const ENV = {
  TEAMS_APP_ID: '6d5a0c1e-8f3b-4c2a-9e7d-1b2c3d4e5f60',
  MicrosoftAppId: '0f9e8d7c-6b5a-4493-8281-706f5e4d3c2b',
  BOT_DOMAIN: 'pastefix.contoso.com',
};

/** Builds the package in a new process; returns its exit code and every CommonJS file it loaded. */
function loadedByManifest(outFile: string): { code: number; files: string[]; err: string } {
  const script = `
    const { main } = require(${JSON.stringify(path.join(ROOT, 'dist/src/cli/manifest.js'))});
    main(['--out', ${JSON.stringify(outFile)}], ${JSON.stringify(ENV)}, { out: () => {}, err: (l) => process.stderr.write(l + '\\n') })
      .then((code) => process.stdout.write(JSON.stringify({ code, files: Object.keys(require.cache) })));
  `;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  const { code, files } = JSON.parse(r.stdout) as { code: number; files: string[] };
  return { code, files, err: r.stderr };
}

/** `node_modules/a/node_modules/@s/b/x.js` → `node_modules/a/node_modules/@s/b`: the package-lock key of its package. */
function packageKey(relativeFile: string): string | undefined {
  return /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(relativeFile)?.[1];
}

/** Is `file` inside folder `dir` (both real paths)? */
function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && relative.split(path.sep)[0] !== '..' && !path.isAbsolute(relative);
}

/**
 * Where a loaded file sits, as package-lock spells it: `node_modules/…` for a package, `dist/…` for the
 * project's own build, undefined for anything else. Node keys require.cache by real path, so a checkout
 * whose node_modules is a symlink (a git worktree sharing another checkout's install) loads its packages
 * from the link's target: files are placed against the real folders of ROOT and ROOT/node_modules.
 */
function placeOf(file: string, root: string, modules: string): string | undefined {
  if (isInside(file, modules)) return ['node_modules', ...path.relative(modules, file).split(path.sep)].join('/');
  if (isInside(file, root)) return path.relative(root, file).split(path.sep).join('/');
  return undefined;
}

describe('cli/manifest on a production install', function () {
  this.timeout(60_000);

  it('loads only packages that npm ci --omit=dev installs', () => {
    const t = tempFolder();
    try {
      const { code, files, err } = loadedByManifest(path.join(t.dir, 'appPackage.zip'));
      assert.equal(code, 0, err);
      const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, { dev?: boolean }>;
      };
      const root = realpathSync(ROOT);
      const modules = realpathSync(path.join(ROOT, 'node_modules'));
      const packages = new Set<string>();
      for (const file of files) {
        const relative = placeOf(file, root, modules) ?? '';
        if (relative.startsWith('dist/')) continue;
        const key = packageKey(relative);
        assert.ok(key, `loaded from outside the project and node_modules: ${file}`);
        packages.add(key);
      }
      assert.ok(packages.has('node_modules/@microsoft/app-manifest'), 'the check sees the packages the build uses');
      const devOnly = [...packages].filter((key) => !lock.packages[key] || lock.packages[key].dev).sort();
      assert.deepEqual(devOnly, [], 'packages the manifest build loads that a production install leaves out');
    } finally {
      t.cleanup();
    }
  });
});
