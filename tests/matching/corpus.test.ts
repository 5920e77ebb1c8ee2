import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { evaluate, parseLabelled } from '../../src/cli/evaluate';
import { importToDirectory } from '../../src/knowledge/import/directory';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../src/knowledge/load';
import { Matcher } from '../../src/matching/matcher';
import { requireShared } from '../helpers/prerequisites';
import { ROOT, sharedDir, tempFolder } from '../helpers/tmp';

/** The matcher with ~130 real support articles loaded beside the built-in knowledge (issue 3's bar). */
describe('matching with the corpus loaded', function () {
  this.timeout(120_000);
  const shared = sharedDir();
  const devSet = parseLabelled(fs.readFileSync(path.join(ROOT, 'tests/data/corpus-dev.jsonl'), 'utf8'), 'corpus-dev.jsonl');
  const run = (matcher: Matcher) => (text: string) => {
    const r = matcher.match(text);
    return { decision: r.decision, ranked: r.matches.map((m) => m.article) };
  };

  before(function () {
    requireShared(this);
  });

  it('tells the Partner STS family apart by its inner detail, each on its own article', () => {
    const m = new Matcher(loadKnowledge([path.join(shared!, 'corpus')]));
    const wrap = (inner: string) =>
      `An error occurred while attempting to provision Exchange to the Partner STS. Detailed Information "An error occurred accessing Windows Live. Detailed information: "${inner}"`;
    const cases: [string, string][] = [
      ['The underlying connection was closed: An unexpected error occurred on a receive.', 'free-busy-sharing-issues-tls12'],
      ['The underlying connection was closed: The connection was closed unexpectedly.', 'the-underlying-connection-was-closed-error'],
      ['The request failed with HTTP status 403: Forbidden.', 'request-failed-with-http-status-403-forbidden'],
      ['The request was aborted: Could not create SSL/TLS secure channel.', 'request-was-aborted-could-not-create-ssl-tls-secure-channel'],
    ];
    for (const [inner, article] of cases) {
      const r = m.match(wrap(inner));
      assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', article], inner);
    }
  });

  it('matches as well from `kb import` output, validated and loaded again, as from the raw articles', () => {
    const t = tempFolder();
    try {
      const imported = importToDirectory([path.join(shared!, 'corpus')], t.dir);
      assert.ok(imported.written.length >= 120, `${imported.written.length} written`);
      const curated = loadKnowledge([BUILTIN_KNOWLEDGE, t.dir]);
      assert.deepEqual(curated.problems, []);
      const raw = loadKnowledge([BUILTIN_KNOWLEDGE, path.join(shared!, 'corpus')]);
      const fromYaml = evaluate(devSet, run(new Matcher(curated)));
      const fromRaw = evaluate(devSet, run(new Matcher(raw)));
      assert.deepEqual(
        { right: fromYaml.right, falseAnswers: fromYaml.falseAnswers, clarified: fromYaml.clarified },
        { right: fromRaw.right, falseAnswers: fromRaw.falseAnswers, clarified: fromRaw.clarified },
      );
    } finally {
      t.cleanup();
    }
  });
});
