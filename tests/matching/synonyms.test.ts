import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseLexicon, type LexiconEntry } from '../../src/knowledge/lexicon';
import { BUILTIN_KNOWLEDGE, loadKnowledge, type KnowledgeBase } from '../../src/knowledge/load';
import { Matcher } from '../../src/matching/matcher';
import { Synonyms } from '../../src/matching/synonyms';
import { describedArticle } from '../helpers/articles';
import { fixture } from '../helpers/fixture';
import { requireShared } from '../helpers/prerequisites';
import { sharedDir } from '../helpers/tmp';

const group = (...en: string[]): LexiconEntry => ({ de: [], en, synonyms: true, file: 'en-synonyms.yaml' });

describe('matching/synonyms', () => {
  let synonyms: Synonyms;
  beforeEach(() => {
    synonyms = new Synonyms([
      group('Exchange Online', 'EXO'),
      group('Hybrid Configuration Wizard', 'hybrid wizard', 'hybrid config wizard'),
      group('hangs', 'stuck', 'freezes'),
      // A German↔English pair is the bridge's, never a synonym.
      { de: ['Postfach'], en: ['mailbox'], file: 'de-en.yaml' },
    ]);
  });

  it('rewrites each name to its group’s first, the longest name at a place first, and lists what it rewrote', () => {
    const r = synonyms.rewrite(['exo', 'archive', 'hybrid', 'config', 'wizard', 'stuck']);
    assert.deepEqual(r.seq, ['exchange', 'online', 'archive', 'hybrid', 'configuration', 'wizard', 'hangs']);
    assert.deepEqual(r.found, ['exo → exchange online', 'hybrid config wizard → hybrid configuration wizard', 'stuck → hangs']);
  });

  it('reads only groups marked as synonyms whose first name has words, skips names without words, and prefers the longest name', () => {
    const s = new Synonyms([
      // A bridge pair with two English names: no synonyms either.
      { de: ['Postfach'], en: ['mailbox', 'quokka box'], file: 'de-en.yaml' },
      // A first name of stop words only: nothing to rewrite to.
      group('the', 'wombat'),
      // A name of stop words only is no name; the shorter name comes first in the file.
      group('Hybrid Configuration Wizard', 'hybrid', 'the', 'hybrid wizard'),
    ]);
    assert.equal(s.size, 1);
    assert.deepEqual(s.rewrite(['quokka', 'box', 'wombat']).found, []);
    assert.deepEqual(s.rewrite(['hybrid', 'wizard', 'stuck']), {
      seq: ['hybrid', 'configuration', 'wizard', 'stuck'],
      found: ['hybrid wizard → hybrid configuration wizard'],
    });
  });

  it('returns the sequence itself when no name is in it; a name cut short or a pair of the bridge is not one', () => {
    const seq = ['hybrid', 'wizardry', 'postfach', 'hybrid'];
    const r = synonyms.rewrite(seq);
    assert.equal(r.seq, seq);
    assert.deepEqual(r.found, []);
    assert.equal(new Synonyms([{ de: ['Postfach'], en: ['mailbox'], file: 'x' }]).size, 0);
  });

  describe('a description read with them', () => {
    const articles = [
      describedArticle(
        'wizard-hangs',
        'Hybrid Configuration Wizard hangs at the federation step',
        'The wizard hangs while it creates the federation trust',
      ),
      describedArticle(
        'archive-online',
        'Online archive in Exchange Online cannot be opened',
        'Outlook cannot open the online archive in Exchange Online',
      ),
      describedArticle('room-calendar', 'Room mailbox declines meetings', 'A room mailbox declines every meeting request'),
    ];
    const kbOf = (lexicon: LexiconEntry[]): KnowledgeBase => ({
      articles,
      byId: new Map(articles.map((a) => [a.id, a])),
      problems: [],
      lexicon,
    });
    let withSynonyms: Matcher;
    beforeEach(() => {
      withSynonyms = new Matcher(kbOf([group('Hybrid Configuration Wizard', 'hybrid wizard'), group('hangs', 'stuck', 'freezes')]));
    });
    let without: Matcher;
    beforeEach(() => {
      without = new Matcher(kbOf([]));
    });
    const outcome = (m: Matcher, text: string) => {
      const r = m.match(text, { explain: true });
      return [r.decision, r.matches[0]?.article ?? null];
    };

    it('finds the article the admin’s words name only through a synonym, offered and explained', () => {
      const text = 'the wizard freezes';
      assert.deepEqual(outcome(without, text), ['none', null]);
      assert.deepEqual(outcome(withSynonyms, text), ['clarify', 'wizard-hangs']);
      const rules = withSynonyms.match(text, { explain: true }).matches[0].why!.rules;
      assert.ok(
        rules.some((r) => r.rule === 'synonyms' && r.note.endsWith(': freezes → hangs')),
        JSON.stringify(rules),
      );
    });

    it('reads the words as written first: synonyms change nothing where they already find an article', () => {
      const text = 'the room mailbox is stuck and declines every meeting request';
      const r = withSynonyms.match(text, { explain: true });
      assert.deepEqual([r.decision, r.matches[0]?.article], ['clarify', 'room-calendar']);
      assert.ok(!r.matches[0].why!.rules.some((x) => x.rule === 'synonyms'));
    });
  });

  describe('the built-in groups (knowledge/lexicon/en-synonyms.yaml)', () => {
    const file = path.join(__dirname, '../../../knowledge/lexicon/en-synonyms.yaml');
    const { entries, problems } = parseLexicon(file, fs.readFileSync(file, 'utf8'));
    // Articles that write the names out, as Microsoft's do; the admin writes the abbreviation.
    const articles = [
      describedArticle('eas-fails', 'Exchange ActiveSync devices fail to sync', 'Phones fail to sync'),
      describedArticle('owa-fails', 'Outlook on the web fails to load', 'The page fails to load'),
      describedArticle('dag-fails', 'Database Availability Group copy fails', 'A database copy fails'),
      describedArticle('ddg-fails', 'Dynamic distribution group fails to expand', 'Its expansion fails'),
    ];
    const kb: KnowledgeBase = { articles, byId: new Map(articles.map((a) => [a.id, a])), problems: [], lexicon: entries };
    let matcher: Matcher;
    beforeEach(() => {
      matcher = new Matcher(kb);
    });
    let bare: Matcher;
    beforeEach(() => {
      bare = new Matcher({ ...kb, lexicon: [] });
    });
    const first = (m: Matcher, text: string) => {
      const r = m.match(text);
      return [r.decision, r.matches[0]?.article ?? null];
    };

    it('load without problems and read product and feature abbreviations as the articles write them out', () => {
      assert.deepEqual(problems, []);
      for (const [text, article] of [
        ['EAS fails', 'eas-fails'],
        ['OWA fails', 'owa-fails'],
        ['the DAG fails', 'dag-fails'],
        ['our DDG fails', 'ddg-fails'],
      ]) {
        assert.deepEqual(first(bare, text), ['none', null], text);
        assert.deepEqual(first(matcher, text), ['clarify', article], text);
      }
    });

    it('read the names admins write for what the articles call a cumulative update and a meeting subject', () => {
      // Seen on the real-world tuning part: `CU` (gh-exchangeenvreport-2013-cu21-reported-as-cu20), `title of the meeting`
      // (gh-meeteasier-room-display-organizer-instead-of-title); the articles write `Cumulative Update`, `meeting subject`.
      const more = [
        ...articles,
        describedArticle('cu-version', 'Cumulative Update shows an older version number', 'The installed version looks older'),
        describedArticle('room-subject', 'Room calendar shows the organizer instead of the meeting subject', 'The booking is listed'),
      ];
      const withMore: KnowledgeBase = { ...kb, articles: more, byId: new Map(more.map((a) => [a.id, a])) };
      for (const [text, article] of [
        ['our CU is wrong', 'cu-version'],
        ['the title of the meeting is wrong', 'room-subject'],
      ]) {
        assert.deepEqual(first(new Matcher({ ...withMore, lexicon: [] }), text), ['none', null], text);
        assert.deepEqual(first(new Matcher(withMore), text), ['clarify', article], text);
      }
    });
  });
});

describe('matching/synonyms: the built-in groups with the corpora loaded', function () {
  this.timeout(120_000);
  const kb = fixture(() => loadKnowledge([BUILTIN_KNOWLEDGE, path.join(sharedDir()!, 'corpus'), path.join(sharedDir()!, 'corpus-more')]));
  before(function () {
    requireShared(this, 'corpus-more');
  });

  it('read the certificate’s subject name (`Microsoft Exchange Server Auth Certificate`) as the articles’ Exchange Server OAuth certificate', () => {
    // Seen on the real-world tuning part: qa-exchange2016-auth-certificate-expired (Get-ExchangeCertificate lists the
    // certificate by its subject name; the articles' titles and causes call it the Exchange Server OAuth certificate).
    const group = (e: LexiconEntry) => e.synonyms && (e.en ?? []).some((n) => /auth certificate/i.test(n));
    assert.ok(kb().lexicon?.some(group));
    const bare = new Matcher({ ...kb(), lexicon: kb().lexicon?.filter((e) => !group(e)) });
    const matcher = new Matcher(kb());
    for (const text of ['our Microsoft Exchange Server Auth Certificate is expired', 'the Exchange Server Auth Certificate is expired']) {
      assert.equal(bare.match(text).decision, 'none', text);
      const r = matcher.match(text);
      assert.equal(r.decision, 'clarify', text);
      assert.match(r.matches[0].title, /Exchange Server OAuth certificate is expired/, text);
    }
  });
});
