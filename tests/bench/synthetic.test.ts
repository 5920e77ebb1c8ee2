import assert from 'node:assert/strict';
import path from 'node:path';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../src/knowledge/load';
import { checkArticle } from '../../src/knowledge/schema';
import type { Article } from '../../src/knowledge/types';
import { buildSets, IMPORTING, materialize, TEAM_SET } from '../../bench/knowledgeSets';
import { generateSynthetic, INNER_DETAILS } from '../../bench/synthetic';
import { requireShared } from '../helpers/prerequisites';
import { tempFolder } from '../helpers/tmp';

const builtin = loadKnowledge([BUILTIN_KNOWLEDGE]).articles;
const errorsOf = (a: Article) => a.symptoms.flatMap((s) => [...(s.errors.en ?? []), ...(s.errors.de ?? [])]);

function assertValid(articles: readonly Article[]): void {
  for (const a of articles) {
    const checked = checkArticle(JSON.parse(JSON.stringify(a)));
    assert.deepEqual(checked.problems, [], `${a.id} is not a valid article`);
  }
}

describe('bench/synthetic', () => {
  it('is deterministic: the same bases and seed give the same articles', () => {
    assert.deepEqual(generateSynthetic(builtin, 40), generateSynthetic(builtin, 40));
    assert.notDeepEqual(generateSynthetic(builtin, 5, 1), generateSynthetic(builtin, 5, 2));
  });

  it('makes the requested number of valid articles with unique ids that do not clash with the bases', () => {
    const variants = generateSynthetic(builtin, 60);
    assert.equal(variants.length, 60);
    assertValid(variants);
    const ids = new Set([...builtin.map((a) => a.id), ...variants.map((a) => a.id)]);
    assert.equal(ids.size, builtin.length + 60);
    assert.equal(variants[0].id, 'exo-legacy-tls-hybrid-v1');
  });

  it('varies the error details, so every variant is a near-duplicate and not a copy', () => {
    const base = builtin[0];
    const baseErrors = new Set(errorsOf(base));
    const variants = generateSynthetic(builtin, 30);
    let newInnerDetail = 0;
    for (const v of variants) {
      const errors = errorsOf(v);
      assert.equal(errors.length, baseErrors.size, `${v.id} keeps one error text per base error text`);
      assert.ok(
        errors.some((e) => !baseErrors.has(e)),
        `${v.id} differs from its base in an error text`,
      );
      // The wrapper stays: the first words of each error text are the base's.
      errors.forEach((e, i) => assert.equal(e.slice(0, 20), errorsOf(base)[i].slice(0, 20)));
      if (errors.some((e) => INNER_DETAILS.some((d) => e.includes(d.replace(/\.$/, ''))))) newInnerDetail++;
      assert.notDeepEqual(v.title, base.title);
      assert.deepEqual(v.steps, base.steps, "the fix is the base article's");
    }
    assert.ok(newInnerDetail >= 10, `many variants get another inner detail (got ${newInnerDetail} of 30)`);
  });

  it('replaces volatile details consistently within one article', () => {
    const base: Article = {
      ...builtin[0],
      id: 'hcw-sample',
      symptoms: [
        {
          id: 'one',
          description: { de: 'HCW8078 auf EXCH2016-01', en: 'HCW8078 on EXCH2016-01' },
          errors: {
            en: ['HCW8078 Migration Endpoint on EXCH2016-01 for contoso.com failed with MigrationServerConnectionTimeoutException'],
          },
        },
      ],
    };
    for (const v of generateSynthetic([base], 10)) {
      const [error] = v.symptoms[0].errors.en!;
      const code = /HCW\d{4}/.exec(error)?.[0];
      assert.ok(code, error);
      assert.ok(v.symptoms[0].description.en!.includes(code), 'the same HCW code in description and error text');
      assert.ok(!error.includes('contoso.com') && !error.includes('EXCH2016-01'), error);
    }
  });

  it('without the corpus, says so and grows the synthetic sets from the built-in articles, written as YAML the loader reads back unchanged', function () {
    this.timeout(60_000);
    const missing = path.join(__dirname, 'no-such-corpus');
    const { sets, notes } = buildSets([40], missing);
    assert.deepEqual(
      sets.map((s) => s.name),
      ['builtin', 'synthetic-40'],
      'without the corpus its set is left out',
    );
    assert.deepEqual(notes, [
      `corpus: skipped, ${missing} is absent (the shared folder is PASTEFIX_SHARED when set, else ../shared beside the project; set PASTEFIX_SHARED=/path/to/shared from a worktree or a clone elsewhere); synthetic sets are grown from the built-in articles instead.`,
    ]);
    const { dir, cleanup } = tempFolder();
    try {
      materialize(sets, dir);
      const set = sets.find((s) => s.name === 'synthetic-40')!;
      const loaded = loadKnowledge(set.paths);
      assert.deepEqual(loaded.problems, []);
      assert.deepEqual(loaded.articles.map((a) => a.id).sort(), set.kb.articles.map((a) => a.id).sort());
      assert.deepEqual(loaded.byId.get('exo-legacy-tls-hybrid-v7'), set.kb.byId.get('exo-legacy-tls-hybrid-v7'));
    } finally {
      cleanup();
    }
  });

  it('has the knowledge base a team would run as a set of its own: built-in + corpus + corpus-more, the same articles from its YAML', function () {
    const corpusDir = requireShared(this);
    const corpusMoreDir = requireShared(this, 'corpus-more');
    this.timeout(180_000);
    const { sets, notes } = buildSets([], corpusDir, { corpusMoreDir });
    assert.deepEqual(
      sets.map((s) => s.name),
      ['builtin', 'corpus', TEAM_SET],
    );
    const [, corpus, team] = sets;
    assert.deepEqual(team.paths, [BUILTIN_KNOWLEDGE, corpusDir, corpusMoreDir]);
    assert.equal(team.raw, true);
    // Every real article imports (issue 14 item 0): the team set holds all of corpus-more beside the corpus.
    assert.deepEqual(notes, []);
    assert.ok(team.kb.articles.length >= corpus.kb.articles.length + 568, `${team.kb.articles.length} articles`);
    assert.equal(team.label, `built-in + corpus + corpus-more (${team.kb.articles.length})`);
    // A child measuring another set does not pay for importing corpus-more.
    assert.deepEqual(
      buildSets([], corpusDir, { corpusMoreDir, team: false }).sets.map((s) => s.name),
      ['builtin', 'corpus'],
    );
    const { dir, cleanup } = tempFolder();
    try {
      materialize(sets, dir);
      assert.deepEqual(team.yamlPaths, [BUILTIN_KNOWLEDGE, path.join(dir, 'corpus'), path.join(dir, 'corpus-more')]);
      const loaded = loadKnowledge(team.yamlPaths!);
      assert.deepEqual(loaded.problems, []);
      assert.deepEqual(loaded.articles.map((a) => a.id).sort(), team.kb.articles.map((a) => a.id).sort());
    } finally {
      cleanup();
    }
  });

  it('grows valid near-duplicates from the real support articles of ../shared/corpus', function () {
    const corpusDir = requireShared(this);
    this.timeout(60_000);
    const corpus = loadKnowledge([corpusDir], IMPORTING).articles;
    assert.ok(corpus.length > 50);
    const variants = generateSynthetic(corpus, 500);
    assertValid(variants);
    assert.deepEqual(
      variants.map((a) => a.id),
      generateSynthetic(corpus, 500).map((a) => a.id),
    );
    const withErrors = variants.filter((v) => errorsOf(v).length);
    const changed = withErrors.filter((v) => {
      const base = corpus[variants.indexOf(v) % corpus.length];
      return errorsOf(v).some((e, i) => e !== errorsOf(base)[i]);
    });
    assert.equal(changed.length, withErrors.length, 'every variant with error texts differs from its base');
  });
});
