import assert from 'node:assert/strict';
import path from 'node:path';
import { parseLexicon } from '../../src/knowledge/lexicon';
import { BUILTIN_KNOWLEDGE, formatProblem, loadKnowledge } from '../../src/knowledge/load';
import { articleYaml } from '../helpers/articles';
import { tempFolder } from '../helpers/tmp';

describe('knowledge/lexicon', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('the built-in lexicon loads with no problems and is not read as an article', () => {
    const kb = loadKnowledge([BUILTIN_KNOWLEDGE]);
    assert.deepEqual(kb.problems.map(formatProblem), []);
    assert.deepEqual(
      kb.articles.map((a) => a.id),
      ['exo-legacy-tls-hybrid'],
    );
    const template = kb.lexicon?.find((e) => e.en[0] === 'The underlying connection was closed');
    assert.deepEqual(template?.de, ['Die zugrunde liegende Verbindung wurde geschlossen']);
  });

  it('takes one form or a list of forms on each side', () => {
    const r = parseLexicon('x.yaml', 'entries:\n  - de: Postfach\n    en: mailbox\n  - de: [Kennwort, Passwort]\n    en: password\n');
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.entries.map((e) => [e.de, e.en, e.line]),
      [
        [['Postfach'], ['mailbox'], 2],
        [['Kennwort', 'Passwort'], ['password'], 4],
      ],
    );
  });

  it('marks a platform message (`platform: true`) and takes no other value there', () => {
    const text = [
      'entries:',
      '  - de: Der Remoteserver hat einen Fehler zurückgegeben',
      '    en: The remote server returned an error',
      '    platform: true',
      '  - de: Postfach',
      '    en: mailbox',
      '  - de: Zugriff',
      '    en: access',
      '    platform: yes',
    ].join('\n');
    const r = parseLexicon('lex.yaml', text);
    assert.deepEqual(
      r.entries.map((e) => [e.en[0], e.platform]),
      [
        ['The remote server returned an error', true],
        ['mailbox', undefined],
      ],
    );
    assert.deepEqual(r.problems.map(formatProblem), ['lex.yaml:9: entries[2].platform: lexicon: Invalid input: expected true']);
    const builtin = loadKnowledge([BUILTIN_KNOWLEDGE]).lexicon ?? [];
    assert.equal(builtin.find((e) => e.en[0] === 'The underlying connection was closed')?.platform, true);
    assert.equal(builtin.find((e) => e.en[0] === 'mailbox')?.platform, undefined);
  });

  it('takes a platform message in English alone (no German text known), and no other entry without `de`', () => {
    const text = [
      'entries:',
      '  - en: Couldn\'t find object "{}"',
      '    platform: true',
      '  - en: mailbox',
      '  - en: Couldn\'t find object "{}"',
      '    platform: true',
    ].join('\n');
    const r = parseLexicon('lex.yaml', text);
    assert.deepEqual(
      r.entries.map((e) => [e.de, e.en, e.platform]),
      [[[], ['Couldn\'t find object "{}"'], true]],
    );
    assert.deepEqual(r.problems.map(formatProblem), [
      'lex.yaml:4: entries[1].de: lexicon: is required',
      'lex.yaml:5: entries[2].de: lexicon: duplicate entry "Couldn\'t find object "{}"" (first at entries[0])',
    ]);
  });

  it('names file, line and field of a bad entry and keeps the good ones', () => {
    const text = [
      'entries:',
      '  - de: Postfach',
      '    en: mailbox',
      '  - de: Zugriff',
      '    english: access',
      '  - de: ""',
      '    en: nothing',
      '  - de: Die Benennung "{}" wurde nicht erkannt',
      '    en: The term is not recognized',
      '  - de: Postfach',
      '    en: mailbox again',
    ].join('\n');
    const r = parseLexicon('lex.yaml', text);
    assert.deepEqual(
      r.entries.map((e) => e.en[0]),
      ['mailbox'],
    );
    assert.deepEqual(r.problems.map(formatProblem), [
      'lex.yaml:4: entries[1].en: lexicon: is required',
      'lex.yaml:5: entries[1].english: lexicon: unknown field',
      'lex.yaml:6: entries[2].de: lexicon: must not be empty',
      'lex.yaml:8: entries[3]: lexicon: every form needs the same number of {} slots ("The term is not recognized")',
      'lex.yaml:10: entries[4].de: lexicon: duplicate entry "Postfach" (first at entries[0])',
    ]);
  });

  it('reads English synonym groups beside the pairs, or alone, and names what is wrong with a group', () => {
    const text = [
      'synonyms:',
      '  - en: [Exchange Online, EXO]',
      '  - en: hybrid wizard',
      '  - en: [stuck, "it {} hangs"]',
      '  - en: [EXO, Office 365 Exchange]',
      '  - names: [a, b]',
    ].join('\n');
    const r = parseLexicon('syn.yaml', text);
    assert.deepEqual(
      r.entries.map((e) => [e.de, e.en, e.synonyms, e.line]),
      [[[], ['Exchange Online', 'EXO'], true, 2]],
    );
    assert.deepEqual(r.problems.map(formatProblem), [
      'syn.yaml:3: synonyms[1].en: lexicon: needs at least two names',
      'syn.yaml:4: synonyms[2].en[1]: lexicon: must not hold a {} slot',
      'syn.yaml:5: synonyms[3].en: lexicon: "EXO" is already in synonyms[0]',
      'syn.yaml:6: synonyms[4].en: lexicon: is required',
      'syn.yaml:6: synonyms[4].names: lexicon: unknown field',
    ]);
    const both = parseLexicon('x.yaml', 'entries:\n  - de: Postfach\n    en: mailbox\nsynonyms:\n  - en: [mailbox, mbx]\n');
    assert.deepEqual(
      both.entries.map((e) => [e.de, e.en, e.synonyms ?? false]),
      [
        [['Postfach'], ['mailbox'], false],
        [[], ['mailbox', 'mbx'], true],
      ],
    );
    assert.deepEqual(parseLexicon('x.yaml', 'words: []\n').problems.map(formatProblem), [
      'x.yaml:1: entries: lexicon: needs a list of entries',
    ]);
  });

  it('the built-in synonyms load: each group names the thing as the articles do first', () => {
    const groups = (loadKnowledge([BUILTIN_KNOWLEDGE]).lexicon ?? []).filter((e) => e.synonyms);
    assert.ok(groups.length >= 5);
    assert.deepEqual(groups.find((g) => g.en.includes('EXO'))?.en[0], 'Exchange Online');
  });

  it('a broken lexicon file is reported while every article still loads', () => {
    const t = tempFolder({
      'a.yaml': articleYaml('good-one', 'Something specific went wrong'),
      'lexicon/de-en.yaml': 'entries: [unclosed',
    });
    cleanup = t.cleanup;
    const kb = loadKnowledge([t.dir]);
    assert.deepEqual(
      kb.articles.map((a) => a.id),
      ['good-one'],
    );
    assert.deepEqual(kb.lexicon, []);
    assert.equal(kb.problems.length > 0, true);
    assert.ok(
      kb.problems.every((p) => p.file === path.join(t.dir, 'lexicon', 'de-en.yaml') && p.message.startsWith('lexicon: YAML syntax:')),
    );
  });
});
