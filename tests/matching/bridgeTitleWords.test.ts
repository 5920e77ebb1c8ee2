import assert from 'node:assert/strict';
import path from 'node:path';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../src/knowledge/load';
import { Translator } from '../../src/matching/bridge';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { requireShared } from '../helpers/prerequisites';

/**
 * Ordinary German words of corpus titles' problems that the lexicon left German (issue 13, round 29): a German sentence of
 * the problem found nothing where its English wording found the article. Hand-made sentences, a German admin's wording.
 */
const SENTENCES: readonly { de: string; words: readonly string[]; article: string }[] = [
  {
    de: 'E-Mails werden in unserer Hybridbereitstellung mit zentralisiertem Nachrichtentransport fälschlicherweise in Quarantäne gestellt.',
    words: ['centralized', 'incorrectly'],
    article: 'email-messages-incorrectly-quarantined',
  },
  {
    de: 'Der Hybrid-Agent lässt sich auf unserem Exchange Server nicht registrieren.',
    words: ['register'],
    article: 'cannot-register-hybrid-agent',
  },
  {
    de: 'Einige Nachrichten werden trotz zentralisiertem Nachrichtentransport nicht über die lokale Organisation geleitet.',
    words: ['centralized', 'routed'],
    article: 'hybrid-messages-not-routed-through-on-premises',
  },
  {
    de: 'Beim Verschieben eines Postfachs nach Microsoft 365 kann für den Benutzer keine Durchwahl generiert werden.',
    words: ['extension number'],
    article: 'extension-number-not-generated-error',
  },
  {
    de: 'Der Hybridkonfigurations-Assistent zeigt bei der Einrichtung keine digitalen Zertifikate an.',
    words: ['setup', 'digital'],
    article: 'hybrid-configuration-wizard-fails-to-show-digital-certificates',
  },
];

describe('bridge: German words of corpus titles read as the titles write them (built-in lexicon)', () => {
  const lexicon = loadKnowledge([BUILTIN_KNOWLEDGE], {}).lexicon ?? [];
  const english = new Translator(lexicon, 'de');

  it('reads each word as the English title writes it', () => {
    for (const s of SENTENCES) {
      const read = english.translate(s.de).applied.map((a) => a.words.join(' '));
      for (const w of s.words) assert.ok(read.includes(w), `${w} in ${s.de}: ${read.join(', ')}`);
    }
  });

  it('finds the article first, as the English wording does (corpus)', function () {
    const corpus = requireShared(this);
    const matcher = new Matcher(loadKnowledge([BUILTIN_KNOWLEDGE, path.resolve(corpus)], {}));
    for (const s of SENTENCES) {
      const r = matcher.match(s.de);
      assert.notEqual(r.decision, 'none', s.de);
      assert.equal(r.matches[0]?.article, s.article, s.de);
      assert.ok(r.matches[0].score >= DEFAULT_PARAMETERS.decision.candidate, s.de);
    }
  });
});
