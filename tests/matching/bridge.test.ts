import assert from 'node:assert/strict';
import type { LexiconEntry } from '../../src/knowledge/lexicon';
import type { KnowledgeBase } from '../../src/knowledge/load';
import type { Article } from '../../src/knowledge/types';
import { agreement, Bridge, languageFreeTerms, Translator } from '../../src/matching/bridge';
import { Matcher } from '../../src/matching/matcher';

const entry = (de: string | string[], en: string): LexiconEntry => ({ de: Array.isArray(de) ? de : [de], en: [en], file: 'test' });

const LEXICON = [
  entry('Die zugrunde liegende Verbindung wurde geschlossen', 'The underlying connection was closed'),
  entry('Unerwarteter Fehler beim Senden', 'An unexpected error occurred on a send'),
  entry('Die Benennung "{}" wurde nicht als Name eines Cmdlet erkannt', "The term '{}' is not recognized as the name of a cmdlet"),
  entry(
    'Beim Verbinden mit dem Remoteserver "{}" ist folgender Fehler aufgetreten',
    'Connecting to remote server {} failed with the following error message',
  ),
  entry(['Postfach', 'Postfächer'], 'mailbox'),
  entry('Verschiebung', 'move'),
  entry('Zugriff verweigert', 'Access is denied'),
  entry('Fehler', 'error'),
  entry('Frei/Gebucht', 'free/busy'),
];

function article(id: string, errors: { en?: string[]; de?: string[] }, languages: ('de' | 'en')[] = ['en']): Article {
  const text = Object.fromEntries(languages.map((l) => [l, `${id} ${l}`]));
  return {
    id,
    title: text,
    languages,
    products: [],
    symptoms: [{ id: 'main', description: text, errors }],
    cause: text,
    affects: [],
    steps: [{ text }],
    references: [],
  };
}

function kbOf(articles: Article[], lexicon: LexiconEntry[] = LEXICON): KnowledgeBase {
  return { articles, byId: new Map(articles.map((a) => [a.id, a])), problems: [], lexicon };
}

describe('matching/bridge', () => {
  describe('Translator', () => {
    const de = new Translator(LEXICON, 'de');

    it('rewrites a message template, keeps the rest of the line and its punctuation', () => {
      const t = de.translate('WARNUNG: Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden. (Server EX01)');
      assert.equal(t.text, 'WARNUNG: The underlying connection was closed: An unexpected error occurred on a send. (Server EX01)');
      assert.deepEqual(
        t.applied.map((a) => a.words.length),
        [5, 7],
      );
    });

    it("carries a slot over as pasted, with the other language's quotes", () => {
      const t = de.translate('Die Benennung "Get-OrganizationConfig" wurde nicht als Name eines Cmdlet erkannt.');
      assert.equal(t.text, "The term 'Get-OrganizationConfig' is not recognized as the name of a cmdlet.");
    });

    it('folds case and umlauts, keeps the number of lines, and splits compounds of known words', () => {
      const t = de.translate('die POSTFÄCHER\nPostfachverschiebung ist fehlgeschlagen\n\nkein Fehler');
      assert.equal(t.text, 'die mailbox\nmailbox move ist fehlgeschlagen\n\nkein error');
    });

    it('leaves a line it knows nothing of exactly as it was', () => {
      const line = 'Set-FederatedOrganizationIdentifier -DelegationFederationTrust "Azure AD" => 0x80070005';
      assert.deepEqual(de.translate(line), { text: line, applied: [] });
    });

    it('reads English as German the other way round', () => {
      const t = new Bridge(LEXICON).translate('Access is denied for the mailbox', 'en');
      assert.equal(t.text, 'Zugriff verweigert for the Postfach');
    });
  });

  describe('agreement', () => {
    const errors = [['the', 'term', 'get', 'organizationconfig', 'is', 'not', 'recognized']];
    it("language-free evidence of the paste in the article's error texts agrees", () => {
      assert.deepEqual(languageFreeTerms('HCW8078 bei Get-OrganizationConfig: System.Net.WebException 0x80004005'), [
        'hcw8078',
        '0x80004005',
        'get',
        'organizationconfig',
      ]);
      assert.equal(agreement(errors, ['organizationconfig'], []), true);
      assert.equal(agreement(errors, ['hcw8078'], []), false);
    });

    it('two long translated phrases found in the error texts agree; one does not', () => {
      const long = [['the', 'underlying', 'connection', 'was', 'closed', 'an', 'unexpected', 'error', 'occurred', 'on', 'a', 'send']];
      const closed = { words: ['the', 'underlying', 'connection', 'was', 'closed'] };
      const send = { words: ['an', 'unexpected', 'error', 'occurred', 'on', 'a', 'send'] };
      assert.equal(agreement(long, [], [closed]), false);
      assert.equal(agreement(long, [], [closed, send]), true);
      assert.equal(agreement(long, [], [closed, { words: ['error'] }]), false, 'a single word is no unit');
    });
  });

  describe('Matcher through the bridge', () => {
    const SEND = 'The underlying connection was closed: An unexpected error occurred on a send.';
    const TERM = "The term 'Get-OrganizationConfig' is not recognized as the name of a cmdlet";
    const WRAPPER =
      'Connecting to remote server outlook.office365.com failed with the following error message : The WinRM client cannot process the request';
    const kb = kbOf([
      article('tls-send', { en: [SEND] }),
      article('org-config-term', { en: [TERM] }),
      article('winrm-client', { en: [WRAPPER] }),
    ]);
    const matcher = new Matcher(kb);

    it('answers a German paste with the English-only article when the translated template agrees, quoting the German line', () => {
      const r = matcher.match('Fehler: Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden.');
      assert.equal(r.decision, 'answer');
      assert.equal(r.lang, 'de');
      assert.equal(r.matches[0].article, 'tls-send');
      assert.equal(r.matches[0].evidence, 'Fehler: Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden.');
      assert.ok(r.matches[0].score < 1, 'translated evidence weighs less than verbatim');
    });

    it('answers through a cmdlet name, which reads the same in every language', () => {
      const r = matcher.match('Die Benennung "Get-OrganizationConfig" wurde nicht als Name eines Cmdlet erkannt.');
      assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'org-config-term']);
    });

    it('offers, not answers, when only a short translated phrase backs the article', () => {
      const r = matcher.match(
        'Beim Verbinden mit dem Remoteserver "outlook.office365.com" ist folgender Fehler aufgetreten: Zugriff verweigert',
      );
      assert.notEqual(r.decision, 'answer');
    });

    it("without a lexicon, or when every article speaks the paste's language, nothing is translated", () => {
      const plain = new Matcher(kbOf(kb.articles, []));
      assert.equal(plain.match('Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden.').decision, 'none');
      const bilingual = new Matcher(kbOf([article('tls-send', { en: [SEND], de: ['Etwas ganz anderes ist passiert'] }, ['de', 'en'])]));
      assert.equal(
        bilingual.match('Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden.').decision,
        'none',
      );
    });

    it('an English paste finds a German-only article the other way round', () => {
      const german = new Matcher(
        kbOf([article('de-only', { de: ['Zugriff verweigert für das Postfach beim Verschieben der Daten'] }, ['de'])]),
      );
      const r = german.match('Access is denied for the mailbox beim Verschieben der Daten');
      assert.notEqual(r.decision, 'none');
      assert.equal(r.matches[0].article, 'de-only');
    });
  });
});
