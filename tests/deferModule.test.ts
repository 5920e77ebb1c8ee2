/**
 * A module loaded at its first use (src/deferModule.ts): who requires it gets a stand-in that loads the real module
 * when an export is first read, and answers with the real exports.
 */
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deferModule } from '../src/deferModule';
import { tempFolder } from './helpers/tmp';

describe('deferModule: a module loaded at its first use', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  /** A folder with `user.js` (the requiring file) and a package `lib` that counts its loads in a global. */
  const fixture = (name: string) => {
    const t = tempFolder({
      'user.js': '',
      [`node_modules/${name}/package.json`]: JSON.stringify({ name, main: 'main.js' }),
      [`node_modules/${name}/main.js`]: `globalThis.${name}Loads = (globalThis.${name}Loads ?? 0) + 1;
Object.defineProperty(exports, '__esModule', { value: true });
exports.Thing = class Thing {};
exports.answer = 42;`,
    });
    cleanup = () => {
      for (const f of Object.keys(require.cache)) if (f.startsWith(t.dir)) delete require.cache[f];
      delete (globalThis as Record<string, unknown>)[`${name}Loads`];
      t.cleanup();
    };
    return { user: path.join(t.dir, 'user.js'), loads: () => (globalThis as Record<string, unknown>)[`${name}Loads`] ?? 0 };
  };

  it('is not loaded when required, and is loaded once at the first export read; the exports are the real ones', () => {
    const { user, loads } = fixture('deferredone');
    assert.equal(deferModule('deferredone', user), true);
    const fromUser = createRequire(user);
    const standIn = fromUser('deferredone') as { Thing: new () => object; answer: number };
    assert.equal(loads(), 0, 'required, not loaded');
    assert.equal(standIn.answer, 42);
    assert.equal(loads(), 1);
    const real = fromUser('deferredone') as typeof standIn;
    assert.notEqual(real, standIn, 'later requires get the real module');
    assert.equal(standIn.Thing, real.Thing);
    assert.ok(new standIn.Thing() instanceof real.Thing);
    assert.equal(loads(), 1, 'loaded once');
  });

  it('listing its keys, `in` and descriptors load it and answer as the real module', () => {
    const { user, loads } = fixture('deferredtwo');
    deferModule('deferredtwo', user);
    const standIn = createRequire(user)('deferredtwo') as Record<string, unknown>;
    assert.deepEqual(Object.keys(standIn), ['Thing', 'answer']);
    assert.equal(loads(), 1);
    assert.ok('answer' in standIn && !('other' in standIn));
    assert.equal(Object.getOwnPropertyDescriptor(standIn, '__esModule')?.value, true);
    assert.deepEqual({ ...standIn }, { Thing: standIn.Thing, answer: 42 });
  });

  it('does nothing for a module loaded already or one that does not resolve', () => {
    const { user, loads } = fixture('deferredthree');
    const real = createRequire(user)('deferredthree') as unknown;
    assert.equal(deferModule('deferredthree', user), false);
    assert.equal(createRequire(user)('deferredthree'), real);
    assert.equal(deferModule('no-such-package-here', user), false);
    assert.equal(loads(), 1);
  });
});
