import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { importArticle } from '../../../src/knowledge/import';
import { checkArticle } from '../../../src/knowledge/schema';
import type { Article } from '../../../src/knowledge/types';
import { articleToYaml } from '../../../src/knowledge/write';
import { corpusFiles, requireShared, seedFile } from './corpus';

/** The article as plain data (what YAML.parse can give back: no undefined fields). */
const plain = (a: Article): unknown => JSON.parse(JSON.stringify(a));

describe('write: articleToYaml', function () {
  const sample: Article = {
    id: 'sample-article',
    title: { en: 'A sample', de: 'Ein Beispiel' },
    languages: ['en'],
    products: [{ name: 'Exchange Server', versions: ['2019'] }],
    symptoms: [
      {
        id: 'first',
        description: { en: 'A description that is long enough to be written as a folded block scalar by the writer, with words.' },
        errors: {
          en: [
            'Error: "quoted" text with a colon: and # hash, and a very long tail that goes on and on past one hundred characters easily',
          ],
        },
      },
    ],
    cause: { en: 'Line one.\nLine two with  two spaces.\n   - indented item', de: 'Eine Ursache.' },
    affects: [],
    steps: [
      {
        text: { en: 'Run it.' },
        commands: [
          {
            shell: 'exchange-management-shell',
            code: "Set-FederatedOrganizationIdentifier -DelegationFederationTrust 'Microsoft Federation Gateway' -AccountNamespace <account namespace> -Enabled $True -Verbose",
            placeholders: [{ name: 'account namespace', description: { en: 'Your domain.' } }],
          },
        ],
      },
    ],
    references: [{ title: { en: 'Docs' }, url: 'https://learn.microsoft.com/exchange/x?view=a&b=c' }],
    source: { title: 'Somewhere', url: 'https://example.org/a', license: 'CC BY 4.0' },
  };

  it('writes the keys in the documented order and reads back to an equal article', function () {
    const text = articleToYaml(sample);
    const keys = text
      .split('\n')
      .filter((l) => /^[a-z]+:/.test(l))
      .map((l) => l.split(':')[0]);
    assert.deepEqual(keys, ['id', 'title', 'languages', 'products', 'symptoms', 'cause', 'affects', 'steps', 'references', 'source']);
    assert.deepEqual(YAML.parse(text), plain(sample));
    assert.deepEqual(checkArticle(YAML.parse(text)).problems, []);
  });

  it('writes prose as block scalars, and error texts and commands as one-line strings', function () {
    const text = articleToYaml(sample);
    assert.match(text, /description:\n {6}en: >-\n {8}A description that is long enough/);
    assert.match(text, /cause:\n {2}en: \|-\n {4}Line one\.\n {4}Line two with {2}two spaces\.\n {7}- indented item/);
    assert.ok(
      text
        .split('\n')
        .some((l) =>
          l.includes(
            "code: Set-FederatedOrganizationIdentifier -DelegationFederationTrust 'Microsoft Federation Gateway' -AccountNamespace <account namespace> -Enabled $True -Verbose",
          ),
        ),
    );
    assert.ok(
      text.split('\n').some((l) => /^ {8}- 'Error: "quoted" text with a colon: and # hash, .* easily'$/.test(l)),
      text,
    );
    // folded blocks are wrapped for reading
    const longest = Math.max(
      ...text
        .split('\n')
        .filter((l) => !/code:|- '|url:/.test(l))
        .map((l) => l.length),
    );
    assert.ok(longest <= 110, `longest prose line ${longest}`);
  });
});

describe('write: every imported corpus article survives the trip to YAML and back', function () {
  before(function () {
    requireShared(this);
  });

  it('articleToYaml → YAML.parse deep-equals the article and passes the knowledge schema', function () {
    const failures: string[] = [];
    for (const file of [...corpusFiles()!, seedFile()!]) {
      const { article } = importArticle(file, fs.readFileSync(file, 'utf8'));
      assert.ok(article, file);
      const back: unknown = YAML.parse(articleToYaml(article));
      try {
        assert.deepEqual(back, plain(article));
      } catch (error) {
        failures.push(`${path.basename(file)}: ${(error as Error).message.slice(0, 300)}`);
      }
      const checked = checkArticle(back);
      if (checked.problems.length > 0) failures.push(`${path.basename(file)}: ${JSON.stringify(checked.problems)}`);
    }
    assert.deepEqual(failures, []);
  });
});
