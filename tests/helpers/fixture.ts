/**
 * Fixtures that tests share (a matcher, a signal index, a scorer) without building them in a `describe` body.
 *
 * `fixture(build)` returns a getter: the first call builds, later calls return the same value. Call it inside a
 * test or a hook (`it`, `beforeEach`), never in a `describe` body: mocha runs `describe` bodies while it loads the
 * files, and code that runs then is *static* to StrykerJS (`npm run mutate`), whose mutants can only be tested by
 * reloading every test file and running every test.
 *
 * Under Stryker the getter also keeps mutation testing honest:
 * - it builds again when Stryker has switched on another mutant since it built, so a mutant in the build code
 *   (index building, parsing, the knowledge's tables) reaches every test that uses the fixture;
 * - in Stryker's first run, which records which tests reach which mutants, it credits the mutants the build
 *   reached to every test that reads the fixture, not only to the first one (the one that built it).
 * A `before` hook would not do: Stryker's mocha runner names the test that runs at a time in a `beforeEach`, so
 * code in a `before` hook counts as run by whatever test ran before it, often one in another file.
 * Outside Stryker (`npm test`) the getter is a plain lazy value.
 */
import { BUILTIN_KNOWLEDGE, loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load';
import { Matcher } from '../../src/matching/matcher';

/** What StrykerJS's instrumented code keeps in `globalThis.__stryker__` (@stryker-mutator/api INSTRUMENTER_CONSTANTS). */
interface StrykerState {
  activeMutant?: string;
  currentTestId?: string;
  mutantCoverage?: { static: Record<string, number>; perTest: Record<string, Record<string, number> | undefined> };
}

function stryker(): StrykerState | undefined {
  return (globalThis as { __stryker__?: StrykerState }).__stryker__;
}

/** The mutant counts recorded so far for the test running now (Stryker's static counts outside a test). */
function countsNow(s: StrykerState | undefined): Record<string, number> | undefined {
  const cov = s?.mutantCoverage;
  if (!cov) return undefined;
  return s.currentTestId ? cov.perTest[s.currentTestId] : cov.static;
}

/** A shared value built by `build` at its first use (see the file comment). */
export function fixture<T>(build: () => T): () => T {
  let built: { value: T; mutant: string | undefined } | undefined;
  let reached: string[] = [];
  return () => {
    const s = stryker();
    if (built === undefined || built.mutant !== s?.activeMutant) {
      const before = { ...countsNow(s) };
      built = { value: build(), mutant: s?.activeMutant };
      const after = countsNow(s) ?? {};
      reached = Object.keys(after).filter((id) => (after[id] ?? 0) > (before[id] ?? 0));
      return built.value;
    }
    if (reached.length > 0 && s?.mutantCoverage && s.currentTestId) {
      const mine = (s.mutantCoverage.perTest[s.currentTestId] ??= {});
      for (const id of reached) mine[id] = (mine[id] ?? 0) + 1;
    }
    return built.value;
  };
}

let builtin: KnowledgeBase | undefined;

/** The built-in knowledge as loaded, read once (loading is no matching code: Stryker does not mutate it). */
export function builtinKnowledge(): KnowledgeBase {
  return (builtin ??= loadKnowledge([BUILTIN_KNOWLEDGE]));
}

/** The matcher of the built-in knowledge alone, shared by every test file that reads it (do not change it). */
export const builtinMatcher = fixture(() => new Matcher(builtinKnowledge()));
