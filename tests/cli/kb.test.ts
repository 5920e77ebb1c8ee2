import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { requireShared } from '../helpers/prerequisites';
import { ROOT, tempFolder } from '../helpers/tmp';
import { articleYaml } from '../helpers/articles';

/** Runs the real `kb` command line as other tools do. */
function kb(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/src/cli/kb.js'), ...args], { input, encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const DE_ERR =
  'Fehler beim Versuch, Exchange für den Partner STS bereitzustellen. Detaillierte Informationen: "Fehler beim Zugriff auf Windows Live". "Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden."';

describe('cli/kb', function () {
  this.timeout(60_000);
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('match --json prints the decision and at most five matches with scores 0..1', () => {
    const r = kb(['match', '--json', DE_ERR]);
    assert.equal(r.code, 0);
    const out = JSON.parse(r.out);
    assert.equal(out.decision, 'answer');
    assert.deepEqual(Object.keys(out.matches[0]), ['article', 'symptom', 'score', 'title']);
    assert.deepEqual([out.matches[0].article, out.matches[0].symptom], ['exo-legacy-tls-hybrid', 'federation-trust']);
    assert.ok(out.matches[0].score > 0 && out.matches[0].score <= 1);
  });

  it('match reads stdin without TEXT, and exits 0 on "none"', () => {
    const r = kb(['match', '--json', '--lang', 'en'], 'good morning');
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out), { decision: 'none', matches: [] });
  });

  it('match --batch answers every line in order, loading the knowledge once', () => {
    const t = tempFolder({
      'in.jsonl':
        [
          { id: 'a', text: DE_ERR },
          { id: 7, text: 'hello' },
        ]
          .map((x) => JSON.stringify(x))
          .join('\n') + '\n',
    });
    cleanup = t.cleanup;
    const r = kb(['match', '--batch', path.join(t.dir, 'in.jsonl'), '--json']);
    assert.equal(r.code, 0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.map((l) => [l.id, l.decision]),
      [
        ['a', 'answer'],
        [7, 'none'],
      ],
    );
  });

  it('exits 2 with one line on bad usage', () => {
    for (const args of [['frobnicate'], ['match', '--lang', 'fr', 'x'], ['match', '--nope'], ['eval'], ['import', 'x']]) {
      const r = kb(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err.split('\n')[0], /^kb: |Unknown option/);
    }
  });

  it('exits 2 naming file, line and field when no article is valid; validate lists every problem', () => {
    const t = tempFolder({ 'bad.yaml': 'id: bad\ntitle: { en: x }\nlanguages: [en]\nsymptoms: []\n' });
    cleanup = t.cleanup;
    const m = kb(['match', '--kb', t.dir, 'x']);
    assert.equal(m.code, 2);
    assert.equal(
      m.err.split('\n')[0],
      `kb: invalid knowledge: ${path.join(t.dir, 'bad.yaml')}:4: symptoms: needs at least one symptom (and 2 more; see kb validate)`,
    );
    const v = kb(['validate', '--kb', t.dir]);
    assert.equal(v.code, 2);
    assert.equal(v.out.trim(), '0 articles valid, 3 errors in 1 files');
    assert.equal(kb(['validate']).code, 0);
  });

  it('text output escapes control characters from the knowledge; --json keeps the text as it is', () => {
    // YAML double quotes: \e is ESC, \a is BEL. A title that would rename the terminal window and turn it red.
    const yaml = articleYaml('esc-title', 'The frobnicator crashed with code 77', {
      title: { en: '\\e]0;owned\\a\\e[31mRed title', de: 'Rot' },
    });
    const t = tempFolder({ 'esc.yaml': yaml });
    cleanup = t.cleanup;
    const text = kb(['match', '--kb', t.dir, '--lang', 'en', 'The frobnicator crashed with code 77']);
    assert.equal(text.code, 0, text.err);
    assert.equal(text.out, 'answer\n  1. esc-title #first  1.00  \\x1b]0;owned\\x07\\x1b[31mRed title\n');
    const json = kb(['match', '--kb', t.dir, '--lang', 'en', '--json', 'The frobnicator crashed with code 77']);
    assert.equal(JSON.parse(json.out).matches[0].title, '\u001b]0;owned\u0007\u001b[31mRed title');
  });

  it('validate accepts only https: and http: links, naming file, line and field of each other one', () => {
    const yaml = `${articleYaml('bad-links', 'The frobnicator crashed with code 77')}references:
  - title: { en: "Script", de: "Skript" }
    url: "javascript:alert(document.cookie)"
  - title: { en: "Data", de: "Daten" }
    url: "data:text/html,<script>alert(1)</script>"
  - title: { en: "File", de: "Datei" }
    url: "file:///etc/passwd"
  - title: { en: "Fine", de: "Gut" }
    url: https://learn.microsoft.com/exchange/
source:
  title: Somewhere
  url: "FILE:///C:/secret.txt"
`;
    const t = tempFolder({ 'links.yaml': yaml });
    cleanup = t.cleanup;
    const file = path.join(t.dir, 'links.yaml');
    const v = kb(['validate', '--kb', t.dir]);
    assert.equal(v.code, 2);
    assert.equal(
      v.err,
      [
        `error: ${file}:14: references[0].url: must be an https: or http: URL, got "javascript:alert(document.cookie)"`,
        `error: ${file}:16: references[1].url: must be an https: or http: URL, got "data:text/html,<script>alert(1)</script>"`,
        `error: ${file}:18: references[2].url: must be an https: or http: URL, got "file:///etc/passwd"`,
        `error: ${file}:23: source.url: must be an https: or http: URL, got "FILE:///C:/secret.txt"`,
        '',
      ].join('\n'),
    );
    assert.equal(v.out, '0 articles valid, 4 errors in 1 files\n');
  });

  it('like the service, match and eval use the good articles and report the files left out; --strict and validate exit 2', () => {
    const good = fs.readFileSync(path.join(ROOT, 'knowledge/exo-legacy-tls-hybrid.yaml'), 'utf8');
    const t = tempFolder({
      'good.yaml': good,
      'bad.yaml': 'id: bad\ntitle: { en: x }\nlanguages: [en]\nsymptoms: []\n',
      'set.jsonl': JSON.stringify({ text: DE_ERR, expect: ['exo-legacy-tls-hybrid'] }),
    });
    cleanup = t.cleanup;
    const bad = path.join(t.dir, 'bad.yaml');
    const leftOut = [
      `kb: left out: ${bad}:4: symptoms: needs at least one symptom`,
      `kb: left out: ${bad}:1: cause: Invalid input: expected object, received undefined`,
      `kb: left out: ${bad}:1: steps: Invalid input: expected array, received undefined`,
    ];
    const m = kb(['match', '--json', '--kb', t.dir, DE_ERR]);
    assert.equal(m.code, 0, m.err);
    assert.equal(JSON.parse(m.out).matches[0].article, 'exo-legacy-tls-hybrid');
    assert.deepEqual(m.err.trim().split('\n'), leftOut);
    const e = kb(['eval', path.join(t.dir, 'set.jsonl'), '--kb', t.dir, '--json']);
    assert.equal(e.code, 0, e.err);
    assert.equal(JSON.parse(e.out).right, 1);
    assert.deepEqual(e.err.trim().split('\n'), leftOut);

    const strict = kb(['match', '--strict', '--kb', t.dir, DE_ERR]);
    assert.equal(strict.code, 2);
    assert.equal(
      strict.err.split('\n')[0],
      `kb: invalid knowledge: ${bad}:4: symptoms: needs at least one symptom (and 2 more; see kb validate)`,
    );
    const v = kb(['validate', '--kb', t.dir]);
    assert.equal(v.code, 2);
    assert.equal(v.out.trim(), '1 articles valid, 3 errors in 1 files');
  });

  it('eval on the dev set: at least 95% right, no confident wrong answer, with a calibration table', () => {
    const r = kb(['eval', path.join(ROOT, 'tests/data/dev-builtin.jsonl'), '--min-right', '0.95', '--max-false', '0', '--json']);
    const report = JSON.parse(r.out);
    assert.equal(report.total, 54);
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(report.falseAnswers, 0);
    const bands = report.calibration as { from: number; count: number; right: number }[];
    assert.ok(bands.every((b) => b.right <= b.count && b.count > 0));
    assert.deepEqual(
      bands.map((b) => b.from),
      [...bands.map((b) => b.from)].sort((x, y) => x - y),
    );
    const exact = bands.find((b) => b.from === 1)!;
    assert.equal(exact.right, exact.count);
    const text = kb(['eval', path.join(ROOT, 'tests/data/dev-builtin.jsonl')]).out;
    assert.match(text, /\ncalibration \(best match score → pastes, best match right\):\n/);
    assert.match(text, /\n {2}1\.00 exact +(\d+) +\1 +100\.0%\n/);
  });

  it('eval --held-back lists the covered pastes offered first but not answered, with what held each back', () => {
    const set = path.join(ROOT, 'tests/data/dev-builtin.jsonl');
    const report = JSON.parse(kb(['eval', set, '--held-back', '--json']).out);
    assert.equal(report.heldBack.length, report.coveredOfferedFirst - report.coveredAnswered);
    const inner = report.heldBack.find((h: { id: string }) => h.id === 'fed-en-inner-only');
    assert.deepEqual([inner.article, inner.reason], ['exo-legacy-tls-hybrid', 'cap inner-message']);
    assert.equal(JSON.parse(kb(['eval', set, '--json']).out).heldBack, undefined);
    const text = kb(['eval', set, '--held-back']).out;
    assert.match(
      text,
      /\n\nheld back \(covered, a right article offered first, not answered\): 1\n {2}cap inner-message: 1\n {4}fed-en-inner-only {2}exo-legacy-tls-hybrid {2}0\.75 {2}capped at 0\.75/,
    );
  });

  it('eval --outcomes names every paste whose outcome differs from the snapshot, and exits 1', () => {
    const t = tempFolder({
      'set.jsonl': [
        JSON.stringify({ id: 'greeting', text: 'hello', expect: [] }),
        JSON.stringify({
          id: 'seed',
          text: 'Fehler beim Zugriff auf Windows Live. Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden.',
          expect: ['exo-legacy-tls-hybrid'],
        }),
      ].join('\n'),
      'same.json': JSON.stringify({ greeting: 'none', seed: 'answer exo-legacy-tls-hybrid' }),
      'other.json': JSON.stringify({ greeting: 'none', seed: 'clarify exo-legacy-tls-hybrid', gone: 'none' }),
    });
    cleanup = t.cleanup;
    const same = kb(['eval', path.join(t.dir, 'set.jsonl'), '--outcomes', path.join(t.dir, 'same.json')]);
    assert.equal(same.code, 0, same.out + same.err);
    assert.match(same.out, /outcomes: all as committed/);
    const other = kb(['eval', path.join(t.dir, 'set.jsonl'), '--outcomes', path.join(t.dir, 'other.json')]);
    assert.equal(other.code, 1);
    assert.match(
      other.out,
      /outcomes changed \(2\):\n {2}seed: was "clarify exo-legacy-tls-hybrid", now "answer exo-legacy-tls-hybrid"\n {2}gone: no longer in the set \(was "none"\)/,
    );
    assert.equal(
      other.err.trim(),
      `kb: 2 outcome(s) differ from ${path.join(t.dir, 'other.json')}; if the change is intended, rewrite it with --write-outcomes`,
    );
    const written = path.join(t.dir, 'written.json');
    assert.equal(kb(['eval', path.join(t.dir, 'set.jsonl'), '--write-outcomes', written]).code, 0);
    assert.equal(fs.readFileSync(written, 'utf8'), '{\n  "greeting": "none",\n  "seed": "answer exo-legacy-tls-hybrid"\n}\n');
  });

  it('match --explain shows what the lexicon read a German paste as, for an English-only article', () => {
    const t = tempFolder({
      'term.yaml': `id: org-config-term
title: { en: "Get-OrganizationConfig is not recognized" }
languages: [en]
symptoms:
  - id: main
    description: { en: "The cmdlet is missing in the session" }
    errors:
      en: ["The term 'Get-OrganizationConfig' is not recognized as the name of a cmdlet, function, script file, or operable program."]
cause: { en: "The module is not loaded" }
steps:
  - text: { en: "Load the module" }
`,
    });
    cleanup = t.cleanup;
    const paste =
      'Die Benennung "Get-OrganizationConfig" wurde nicht als Name eines Cmdlet, einer Funktion, einer Skriptdatei oder eines ausführbaren Programms erkannt.';
    const r = kb(['match', '--explain', '--kb', 'knowledge', '--kb', t.dir, paste]);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.trimEnd().split('\n');
    assert.match(lines[1], /^ {2}1\. org-config-term #main +0\.\d\d /);
    const at = lines.indexOf('read through the lexicon (de → en): answered on the translation');
    assert.ok(at > 1, r.out);
    assert.match(lines[at + 1], /^ {2}terms: .*the term is not recognized as the name of a cmdlet/);
    assert.match(lines[at + 2], /^ {2}\| The term 'Get-OrganizationConfig' is not recognized as the name of a cmdlet/);
    const json = JSON.parse(kb(['match', '--explain', '--json', '--kb', 'knowledge', '--kb', t.dir, paste]).out);
    assert.deepEqual([json.translation.from, json.translation.to, json.translation.outcome], ['de', 'en', 'answered']);
    assert.equal(JSON.parse(kb(['match', '--json', '--kb', 'knowledge', '--kb', t.dir, paste]).out).translation, undefined);
  });

  it('match --explain shows the error text, its units, the words found and the rules applied', () => {
    const r = kb([
      'match',
      '--explain',
      'Fehler beim Zugriff auf Windows Live. Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden.',
    ]);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.split('\n');
    assert.equal(lines[0], 'answer');
    assert.match(lines[1], /^ {2}1\. exo-legacy-tls-hybrid #federation-trust +\d\.\d\d /);
    assert.match(r.out, /found by its error text \(raw score \d\.\d\d\): Fehler beim Versuch, Exchange für den Partner STS/);
    assert.match(r.out, /\n +not pasted +fehler beim versuch exchange fur partner sts bereitzustellen\n/);
    assert.match(r.out, /\n +pasted, inner +zugrunde liegende verbindung geschlossen\n/);
    assert.match(r.out, /\n +inner-message: inner message covered 1; it counts 0\.7 of the score\n/);
    const json = JSON.parse(
      kb([
        'match',
        '--explain',
        '--json',
        'Fehler beim Zugriff auf Windows Live. Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden.',
      ]).out,
    );
    assert.deepEqual(Object.keys(json.matches[0].why), ['kind', 'raw', 'rules', 'error']);
    assert.deepEqual(
      json.matches[0].why.rules.map((x: { rule: string }) => x.rule),
      ['coverage', 'inner-message'],
    );
    const focus = kb(['match', '--explain', '--article', 'exo-legacy-tls-hybrid', 'The quokka ate the marmot.']);
    assert.equal(
      focus.out.trimEnd().split('\n').pop(),
      '  exo-legacy-tls-hybrid: nothing of it in the paste (no word of its error texts, no keyword, no code)',
    );
    // A word of its title or descriptions in the paste's prose: how the description path fit it, and what an offer needs.
    const fit = kb(['match', '--explain', '--article', 'exo-legacy-tls-hybrid', 'The request failed with HTTP status 403: Forbidden.']);
    assert.deepEqual(fit.out.trimEnd().split('\n').slice(1), [
      '  exo-legacy-tls-hybrid #free-busy: not offered; its title and description words in the paste: fail',
      "    they hold 1 of the paste's, the paste 0.017 of theirs (1 distinctive words): fit 0.017, the best of the articles",
      "    a description is offered at a fit of 0.1 or more with 2.5 distinctive words (or 2 rare ones), 1.4× the next article's fit",
    ]);
    const fitJson = JSON.parse(
      kb(['match', '--explain', '--json', '--article', 'exo-legacy-tls-hybrid', 'The request failed with HTTP status 403: Forbidden.']).out,
    );
    assert.deepEqual([fitJson.focusFit.symptom, fitJson.focusFit.found, fitJson.focusFit.rank], ['free-busy', ['fail'], 1]);
    const near = kb([
      'match',
      '--explain',
      '--article',
      'exo-legacy-tls-hybrid',
      'An error occurred accessing Windows Live. Detailed information: "The request failed with HTTP status 403: Forbidden."',
    ]);
    assert.match(near.out, /\d\. exo-legacy-tls-hybrid #federation-trust +0\.\d\d /);
    assert.equal(kb(['match', '--article', 'x', 'y']).err.split('\n')[0], 'kb: --article needs --explain');
    assert.equal(
      kb(['match', '--explain', '--article', 'nope', 'y']).err.split('\n')[0],
      'kb: --article: no article "nope" in the knowledge base',
    );
  });

  it('match --explain shows status codes as pasted in the words and notes, not as the index reads them', () => {
    const t = tempFolder({
      'store.yaml': articleYaml('store', '554 5.2.0 WOMBATDRV.Deliver.Exception: the marmot store failed to process the quokka message.'),
    });
    cleanup = t.cleanup;
    const paste = '554 5.2.0 WOMBATDRV.Submission.Exception: the marmot store failed to process the quokka message.';
    const r = kb(['match', '--explain', '--kb', t.dir, paste]);
    assert.equal(r.code, 0, r.err);
    assert.match(
      r.out,
      /\n +not pasted +5\.2\.0 wombatdrv deliver exception\n +pasted +marmot store .*\n +words found: +5\.2\.0 wombatdrv exception marmot /,
    );
    assert.match(
      r.out,
      /\n +contradiction: ×0\.5: after "5\.2\.0 wombatdrv" the error goes on with "deliver", the paste with "submission"\n/,
    );
    assert.doesNotMatch(r.out, /smtp5x2x0/);
  });

  it('eval exits 1 below its thresholds', () => {
    const t = tempFolder({ 'set.jsonl': JSON.stringify({ text: 'hello', expect: ['exo-legacy-tls-hybrid'] }) + '\n' });
    cleanup = t.cleanup;
    const r = kb(['eval', path.join(t.dir, 'set.jsonl'), '--min-right', '0.5']);
    assert.equal(r.code, 1);
    assert.match(r.out, /right: +0 \(0\.0%\)/);
    assert.match(r.out, /missed: +1/);
  });

  it('eval --labels more scores expectMore, and counts covered pastes answered or offered first', () => {
    const lines = [
      {
        id: 'seed',
        text: DE_ERR,
        expect: [],
        expectMore: ['exo-legacy-tls-hybrid'],
        lang: 'de',
        kind: 'error',
        source: 'https://example.org/a',
        reason: 'r',
      },
      {
        id: 'chat',
        text: 'good morning',
        expect: [],
        expectMore: [],
        lang: 'en',
        kind: 'question',
        source: 'https://example.org/b',
        reason: 'r',
      },
    ];
    const t = tempFolder({ 'set.jsonl': lines.map((l) => JSON.stringify(l)).join('\n') + '\n' });
    cleanup = t.cleanup;
    const plain = JSON.parse(kb(['eval', path.join(t.dir, 'set.jsonl'), '--json']).out);
    assert.deepEqual([plain.covered, plain.falseAnswers], [0, 1], 'with expect [] the seed paste is a false answer');
    const more = JSON.parse(kb(['eval', path.join(t.dir, 'set.jsonl'), '--labels', 'more', '--json']).out);
    assert.deepEqual([more.covered, more.coveredAnswered, more.coveredOfferedFirst, more.falseAnswers, more.right], [1, 1, 1, 0, 2]);
  });

  it('eval --by lang reports each language on its own', () => {
    const lines = [
      { text: DE_ERR, expect: ['exo-legacy-tls-hybrid'], lang: 'de' },
      { text: 'good morning', expect: [], lang: 'en' },
      { text: 'hello there', expect: ['exo-legacy-tls-hybrid'], lang: 'en' },
    ];
    const t = tempFolder({ 'set.jsonl': lines.map((l) => JSON.stringify(l)).join('\n') + '\n' });
    cleanup = t.cleanup;
    const r = JSON.parse(kb(['eval', path.join(t.dir, 'set.jsonl'), '--by', 'lang', '--json']).out);
    assert.equal(r.by, 'lang');
    assert.deepEqual(
      r.groups.map((g: { name: string; total: number; covered: number; coveredAnswered: number }) => [
        g.name,
        g.total,
        g.covered,
        g.coveredAnswered,
      ]),
      [
        ['de', 1, 1, 1],
        ['en', 2, 1, 0],
      ],
    );
    const text = kb(['eval', path.join(t.dir, 'set.jsonl'), '--by', 'lang']).out;
    assert.match(text, /\nlang = de\npastes: +1\n/);
    assert.match(text, /covered, answered right: +1 of 2 \(50\.0%\)/);
  });

  it('eval names the line and field of bad labels, and rejects unknown --labels and --by values', () => {
    const t = tempFolder({
      'bad.jsonl': JSON.stringify({ text: 'x', expect: [], expectMore: 'exo-legacy-tls-hybrid' }) + '\n',
      'none.jsonl': JSON.stringify({ text: 'x', expect: [] }) + '\n',
    });
    cleanup = t.cleanup;
    const bad = kb(['eval', path.join(t.dir, 'bad.jsonl')]);
    assert.equal(bad.code, 2);
    assert.equal(bad.err.split('\n')[0], `kb: ${path.join(t.dir, 'bad.jsonl')}:1: expectMore: must be a list of article ids`);
    const missing = kb(['eval', path.join(t.dir, 'none.jsonl'), '--labels', 'more']);
    assert.equal(missing.err.split('\n')[0], `kb: ${path.join(t.dir, 'none.jsonl')}:1: expectMore: missing, and --labels more scores it`);
    assert.equal(
      kb(['eval', path.join(t.dir, 'none.jsonl'), '--labels', 'all']).err.split('\n')[0],
      'kb: --labels must be "expect" or "more", got "all"',
    );
    assert.equal(
      kb(['eval', path.join(t.dir, 'none.jsonl'), '--by', 'source']).err.split('\n')[0],
      'kb: --by must be "lang" or "kind", got "source"',
    );
  });

  it('match --explain names a description hit by its title and description words, not by an undefined code', function () {
    const corpus = requireShared(this, 'corpus');
    const r = kb([
      'match',
      '--explain',
      '--kb',
      'knowledge',
      '--kb',
      corpus,
      'on-premises security groups are not synced to Exchange Online',
    ]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /found by its title and description words \(raw score \d\.\d\d\): [^\n]*\bsynced\b/);
    assert.doesNotMatch(r.out, /undefined/);
  });

  it('import writes YAML articles that load and match like the raw ones', function () {
    const seed = requireShared(this, 'seed');
    const t = tempFolder();
    cleanup = t.cleanup;
    const r = kb(['import', seed, '--out', t.dir]);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(fs.readdirSync(t.dir), ['000-3690693f447264cb.yaml']);
    assert.equal(kb(['validate', '--kb', t.dir]).code, 0);
    const raw = JSON.parse(kb(['match', '--json', '--kb', seed, DE_ERR]).out);
    const curated = JSON.parse(kb(['match', '--json', '--kb', t.dir, DE_ERR]).out);
    assert.equal(raw.decision, 'answer');
    assert.deepEqual(curated, raw);
  });
});
