import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { BUILTIN_KNOWLEDGE, formatProblem, loadKnowledge } from '../../src/knowledge/load';
import { articleYaml } from '../helpers/articles';
import { tempFolder } from '../helpers/tmp';

/** A valid article with a PowerShell command whose placeholder is explained (its `code` is line 14). */
const GOOD = (id: string) =>
  articleYaml(id, 'Something specific went wrong with the frobnicator', { title: { en: 'A title', de: 'Ein Titel' } }) +
  `    commands:
      - shell: powershell
        code: "Get-Thing -Name <name>"
        placeholders:
          - name: name
            description: { en: "The name", de: "Der Name" }
`;

describe('knowledge/load', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('loads the built-in knowledge base with no problems', () => {
    const kb = loadKnowledge([BUILTIN_KNOWLEDGE]);
    assert.deepEqual(kb.problems.map(formatProblem), []);
    assert.ok(kb.byId.has('exo-legacy-tls-hybrid'));
  });

  it('names file, line and field of a wrong value, and still loads the good files', () => {
    const bad = GOOD('bad-one').replace('      en: ["Something specific went wrong with the frobnicator"]', '      en: "not a list"');
    const t = tempFolder({ 'a.yaml': GOOD('good-one'), 'b.yaml': bad, 'c.yaml': GOOD('good-two') });
    cleanup = t.cleanup;
    const kb = loadKnowledge([t.dir]);
    assert.deepEqual(
      kb.articles.map((a) => a.id),
      ['good-one', 'good-two'],
    );
    assert.deepEqual(kb.problems.map(formatProblem), [
      `${path.join(t.dir, 'b.yaml')}:8: symptoms[0].errors.en: Invalid input: expected array, received string`,
    ]);
  });

  it('reports a duplicate article id with both files, keeping the first', () => {
    const t = tempFolder({ 'a.yaml': GOOD('same'), 'b.yaml': GOOD('same') });
    cleanup = t.cleanup;
    const kb = loadKnowledge([t.dir]);
    assert.equal(kb.articles.length, 1);
    const a = path.join(t.dir, 'a.yaml');
    const b = path.join(t.dir, 'b.yaml');
    assert.deepEqual(kb.problems.map(formatProblem), [`${b}:1: id: knowledge: duplicate article id "same" in ${a} and ${b}`]);
  });

  it('reports YAML syntax errors with their line', () => {
    const t = tempFolder({ 'broken.yaml': 'id: x\ntitle: [unclosed\n' });
    cleanup = t.cleanup;
    const kb = loadKnowledge([t.dir]);
    assert.equal(kb.articles.length, 0);
    assert.equal(kb.problems.length >= 1, true);
    assert.match(formatProblem(kb.problems[0]), /broken\.yaml:\d+: YAML syntax: /);
  });

  it('requires every declared language, explained placeholders, known fields and kebab-case ids', () => {
    const text = GOOD('Not_Kebab')
      .replace('title: { en: "A title", de: "Ein Titel" }', 'title: { en: "A title" }\ncolour: red')
      .replace('        placeholders:\n          - name: name\n            description: { en: "The name", de: "Der Name" }\n', '');
    const t = tempFolder({ 'x.yaml': text });
    cleanup = t.cleanup;
    const messages = loadKnowledge([t.dir]).problems.map((p) => `${p.line}: ${p.field}: ${p.message}`);
    assert.deepEqual(messages, ['1: id: must be kebab-case: lower-case letters, digits and single hyphens', '3: colour: unknown field']);
    const t2 = tempFolder({ 'y.yaml': text.replace('id: Not_Kebab', 'id: fine').replace('\ncolour: red', '') });
    const cleanup1 = t.cleanup;
    cleanup = () => (cleanup1(), t2.cleanup());
    const messages2 = loadKnowledge([t2.dir]).problems.map((p) => `${p.line}: ${p.field}: ${p.message}`);
    assert.deepEqual(messages2, [
      '2: title: missing the "de" text (the article declares languages de, en)',
      '14: steps[0].commands[0].code: placeholder <name> is not explained in placeholders',
    ]);
  });

  it('a placeholder written with spaces inside the brackets is explained by its trimmed name', () => {
    const t = tempFolder({ 'x.yaml': GOOD('spaced').replace('code: "Get-Thing -Name <name>"', 'code: "Get-Thing -Name < name >"') });
    cleanup = t.cleanup;
    const kb = loadKnowledge([t.dir]);
    assert.deepEqual(kb.problems.map(formatProblem), []);
    assert.equal(kb.articles.length, 1);
  });

  it('skips a raw article the importer cannot make valid with warnings naming file, field and reason; the rest load', () => {
    const t = tempFolder({ 'a.yaml': GOOD('good-one'), 'raw.md': 'x', 'empty.md': 'x' });
    cleanup = t.cleanup;
    const valid = loadKnowledge([path.join(t.dir, 'a.yaml')]).articles[0]!;
    const importer = {
      extensions: ['.md'],
      importArticle: (file: string) =>
        path.basename(file) === 'empty.md'
          ? { article: null, problems: [{ file, message: 'import: the file is empty' }] }
          : {
              article: { ...valid, id: 'raw', cause: { en: 'only English' } },
              problems: [{ file, field: 'symptoms', message: 'import: a note', severity: 'warning' as const }],
            },
    };
    const kb = loadKnowledge([t.dir], { importer });
    assert.deepEqual(
      kb.articles.map((a) => a.id),
      ['good-one'],
    );
    const raw = path.join(t.dir, 'raw.md');
    const empty = path.join(t.dir, 'empty.md');
    assert.deepEqual(kb.problems, [
      { file: empty, message: 'import: article skipped: the file is empty', severity: 'warning', skipped: true },
      { file: raw, field: 'symptoms', message: 'import: a note', severity: 'warning' },
      {
        file: raw,
        field: 'cause',
        message: 'import: article skipped: missing the "de" text (the article declares languages de, en)',
        severity: 'warning',
        skipped: true,
      },
    ]);
  });

  it('reports a path that does not exist', () => {
    const kb = loadKnowledge(['/nonexistent/pastefix-kb']);
    assert.deepEqual(kb.problems.map(formatProblem), ['/nonexistent/pastefix-kb: knowledge: no such file or folder']);
  });
  it('loads the Markdown importer (markdown-it) only with the first raw article: YAML-only knowledge starts without it', () => {
    const t = tempFolder({ 'raw/note.md': '# Widget fails\n\nThe widget fails.\n' });
    try {
      // A fresh process: this one has the importer loaded by other tests.
      const script = `
        const { loadKnowledge } = require(${JSON.stringify(require.resolve('../../src/knowledge/load'))});
        const loaded = () => Object.keys(require.cache).some((f) => f.includes('node_modules/markdown-it/'));
        const builtin = loadKnowledge([${JSON.stringify(BUILTIN_KNOWLEDGE)}]);
        const before = loaded();
        loadKnowledge([${JSON.stringify(path.join(t.dir, 'raw'))}]);
        console.log(JSON.stringify({ articles: builtin.articles.length > 0, before, after: loaded() }));`;
      const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as Record<string, boolean>;
      assert.deepEqual(out, { articles: true, before: false, after: true });
    } finally {
      t.cleanup();
    }
  });
});
