import assert from 'node:assert/strict';
import type { Article } from '../../src/knowledge/types';
import { Matcher, MAX_PASTE_CHARS } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { describedArticle, englishArticle, kbOf } from '../helpers/articles';
import { builtinMatcher } from '../helpers/fixture';

const EN_ERR =
  'An error occurred while attempting to provision Exchange to the Partner STS. Detailed Information "An error occurred accessing Windows Live. Detailed information: "The underlying connection was closed: An unexpected error occurred on a send."';
const DE_ERR =
  'Fehler beim Versuch, Exchange für den Partner STS bereitzustellen. Detaillierte Informationen: "Fehler beim Zugriff auf Windows Live". "Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden."';
const WRAP = (inner: string) =>
  `An error occurred while attempting to provision Exchange to the Partner STS. Detailed Information "An error occurred accessing Windows Live. Detailed information: "${inner}"`;

const article = (id: string, error: string): Article => englishArticle(id, [error]);

describe('matching/Matcher', () => {
  const builtin = builtinMatcher;

  it('answers the German seed error with the federation-trust symptom and quotes the recognised line', () => {
    const r = builtin().match(`Hallo,\nich bekomme das hier:\n${DE_ERR}\nDanke!`);
    assert.equal(r.decision, 'answer');
    assert.equal(r.lang, 'de');
    assert.deepEqual([r.matches[0].article, r.matches[0].symptom], ['exo-legacy-tls-hybrid', 'federation-trust']);
    assert.equal(r.matches[0].evidence, DE_ERR);
    assert.match(r.matches[0].title, /^Exchange-Hybrid ohne TLS 1\.2/);
    assert.ok(r.matches[0].score > 0.9 && r.matches[0].score <= 1);
  });

  it('copes with PowerShell error records, HTML entities, doubled quotes, capitals, typos and missing umlauts', () => {
    const pastes = [
      `${EN_ERR}\nAt line:1 char:1\n+ Set-FederatedOrganizationIdentifier -DelegationFederationTrust 'Micros ...\n+ CategoryInfo : NotSpecified: (:) [Set-FederatedOrganizationIdentifier], ProvisioningException\n+ FullyQualifiedErrorId : [Server=EX01,RequestId=5c6b0f0e-1234-4e0b-9d1c-2a2b3c4d5e6f,TimeStamp=3/4/2024 10:11:12 AM] 8F1C2D3E`,
      EN_ERR.replace(/"/g, '&quot;'),
      EN_ERR.replace(/"/g, '""'),
      EN_ERR.toUpperCase(),
      EN_ERR.replace('occurred on a send', 'ocurred on a send').replace('underlying connection', 'underlying conection'),
      DE_ERR.replace(/ü/g, 'ue'),
      DE_ERR.replace(/ü/g, 'u'),
    ];
    for (const p of pastes) {
      const r = builtin().match(p);
      assert.equal(r.decision, 'answer', p);
      assert.equal(r.matches[0].symptom, 'federation-trust');
    }
  });

  it('repairs typos in a matcher that repaired other pastes before as a fresh matcher does (the typo search is kept per paste)', () => {
    const kb = kbOf([
      article('conn', 'The underlying connection was closed: An unexpected error occurred on a send.'),
      article('coll', 'The mailbox collection was dropped: An unrecoverable failure happened on a receive.'),
    ]);
    const pastes = [
      'The underlying conection was closed: An unexpected error occurred on a send.',
      'The mailbox colection was dropped: An unrecoverable failure happened on a receive.',
      // The same misspelt word among the other article's words: corrected to those.
      'The mailbox conection was dropped: An unrecoverable failure happened on a receive.',
      'The underlying connection was closed: An unexpected error ocurred on a send.',
      'The mailbox collection was droped: An unrecoverable failure happened on a receive.',
      'The underlying conection was closed: An unexpected error occurred on a send.',
    ];
    const shared = new Matcher(kb);
    for (const paste of pastes) {
      const r = shared.match(paste);
      assert.deepEqual(r, new Matcher(kb).match(paste), paste);
      assert.equal(r.decision, 'answer', paste);
    }
  });

  it('keeps a certain answer through one OCR slip: a substituted short word, two words glued, a word split', () => {
    for (const paste of [
      DE_ERR.replace('für', 'fir'),
      DE_ERR.replace('Verbindung wurde', 'Verbindungwurde'),
      DE_ERR.replace('zugrunde', 'zu grunde'),
    ]) {
      const r = builtin().match(paste);
      assert.deepEqual([r.decision, r.matches[0]?.symptom], ['answer', 'federation-trust'], paste);
    }
    assert.notEqual(builtin().match(DE_ERR.replace('Senden', 'Empfangen')).decision, 'answer');
  });

  it('lets the inner detail decide between errors that share the Partner STS wrapper', () => {
    const m = new Matcher(
      kbOf([
        article('on-a-send', WRAP('The underlying connection was closed: An unexpected error occurred on a send.')),
        article('on-a-receive', WRAP('The underlying connection was closed: An unexpected error occurred on a receive.')),
        article('forbidden', WRAP('The request failed with HTTP status 403: Forbidden.')),
        article('max-uri', WRAP('MaxUriReached')),
      ]),
    );
    const cases: [string, string][] = [
      ['on-a-send', WRAP('The underlying connection was closed: An unexpected error occurred on a send.')],
      ['on-a-receive', WRAP('The underlying connection was closed: An unexpected error occurred on a receive.')],
      ['forbidden', WRAP('The request failed with HTTP status 403: Forbidden.')],
      ['max-uri', WRAP('MaxUriReached')],
    ];
    for (const [id, paste] of cases) {
      const r = m.match(paste);
      assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', id], paste);
    }
  });

  it('does not answer the built-in article for the same wrapper with another inner detail', () => {
    for (const inner of [
      'The underlying connection was closed: An unexpected error occurred on a receive.',
      'The underlying connection was closed: The connection was closed unexpectedly.',
      'The request failed with HTTP status 403: Forbidden.',
      'MaxUriReached',
    ]) {
      assert.notEqual(builtin().match(WRAP(inner)).decision, 'answer', inner);
    }
  });

  it('offers an error that several articles hold word for word, all of them, when the paste does not say which', () => {
    const m = new Matcher(kbOf([article('one', WRAP('MaxUriReached')), article('two', WRAP('MaxUriReached'))]));
    const r = m.match(WRAP('MaxUriReached'));
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(
      r.matches.map((x) => x.article),
      ['one', 'two'],
    );
  });

  it('lets a longer error that explains more of the paste outrank a short one inside it, but never a contradicted one', () => {
    const send = WRAP('The underlying connection was closed: An unexpected error occurred on a send.');
    const m = new Matcher(
      kbOf([
        article('on-a-send', send),
        article(
          'on-a-receive',
          `${WRAP('The underlying connection was closed: An unexpected error occurred on a receive.')} Check the proxy before you send again.`,
        ),
      ]),
    );
    // "on-a-receive" finds every word "on-a-send" finds, and more — but the paste contradicts it.
    const r = m.match(`${send} Check the proxy before you send again.`);
    assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'on-a-send']);
  });

  it('lets the rest of the paste pick between articles that hold the same error text', () => {
    const error = 'The name cannot be resolved. The name cannot be matched to a name in the address list.';
    const room = { ...article('room', error), title: { en: 'Cannot add a room or resource mailbox from another forest' } };
    const hidden = { ...article('hidden', error), title: { en: 'Cannot open a hidden mailbox after migration' } };
    const m = new Matcher(kbOf([hidden, room]));
    const r = m.match(`Adding the cross-forest room mailbox 'Room-Lisbon-2' in Outlook: ${error}`);
    assert.deepEqual([r.decision, r.matches.map((x) => x.article)], ['answer', ['room', 'hidden']]);
    assert.deepEqual(
      m.match(`Opening the hidden mailbox after the migration: ${error}`).matches.map((x) => x.article),
      ['hidden', 'room'],
    );
  });

  it('asks when two articles fit equally well with different errors', () => {
    const m = new Matcher(
      kbOf([
        article('first', 'The frobnicator service could not reach the gateway server because the secure channel handshake timed out'),
        article('second', 'The frobnicator service could not reach the relay server because the secure channel handshake timed out'),
        article('third', WRAP('MaxUriReached')),
      ]),
    );
    const r = m.match('The frobnicator service could not reach the server because the secure channel handshake timed out');
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(r.matches.map((x) => x.article).sort(), ['first', 'second']);
  });

  it('never answers greetings, chit-chat or unknown errors', () => {
    for (const text of [
      'hello',
      'Hallo, wie geht es dir?',
      'thanks!',
      '',
      '   ',
      '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
    ]) {
      assert.equal(builtin().match(text).decision, 'none', text);
    }
  });

  it('finds a described symptom without an error text, in both languages', () => {
    const de = builtin().match(
      'Seit TLS 1.0 in Exchange Online abgeschaltet ist, sehen lokale Benutzer keine Frei/Gebucht-Informationen mehr (Hybrid).',
    );
    assert.deepEqual([de.decision, de.matches[0].symptom, de.lang], ['answer', 'free-busy', 'de']);
    const en = builtin().match(
      'Users with an on-premises mailbox cannot open their cloud archive in Exchange Online since legacy TLS was turned off (hybrid).',
    );
    assert.deepEqual([en.decision, en.matches[0].symptom, en.lang], ['answer', 'cloud-archive', 'en']);
  });

  it('answers legacy TLS or TLS 1.x named with a hybrid symptom or the hybrid itself; offers the German inner message alone', () => {
    for (const text of [
      'legacy TLS deprecated for Exchange Online, hybrid broken, TLS 1.2 not enabled on the Exchange servers',
      'TLS 1.2 not enabled, legacy TLS deprecated, hybrid broken',
      'Seit Legacy-TLS abgeschaltet ist, geht unser Hybrid nicht mehr',
    ]) {
      const r = builtin().match(text);
      assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'exo-legacy-tls-hybrid'], text);
    }
    const fragment = builtin().match('Fehler beim Zugriff auf Windows Live');
    assert.deepEqual([fragment.decision, fragment.matches[0]?.symptom], ['clarify', 'federation-trust']);
  });

  it('offers, not answers, TLS 1.2 and Hybrid named in passing where the paste says it happened elsewhere (a migration endpoint)', () => {
    const r = builtin().match(
      "We are moving mailboxes from a provider's old Exchange 2010 into our tenant. The migration endpoint wizard only says unable to " +
        'connect. Autodiscover is published through an SRV record only. The first test batch then failed and its report talks ' +
        'about TLS 1.2 on the source server. We picked Hybrid in the wizard because nothing else fit.',
      { explain: true },
    );
    assert.deepEqual([r.decision, r.matches[0]?.article], ['clarify', 'exo-legacy-tls-hybrid']);
    const note = r.matches[0].why!.rules.find((x) => x.rule === 'description')!.note;
    assert.ok(note.includes('its topic phrases add nothing') && note.includes('service:migration'), note);
  });

  it("offers, not answers, TLS 1.2 named for a mail client's own connection (POP, IMAP, SMTP submission, ActiveSync)", () => {
    for (const text of [
      'POP3 and SMTP client connections on port 465 fail with TLS 1.2 on Exchange 2019',
      'Outlook keeps asking for the password, the account uses IMAP on port 993 against Exchange 2016; TLS 1.2',
      "iPhones fail to sync via ActiveSync after we disabled TLS 1.0 on Exchange 2016; they don't support TLS 1.2.",
    ]) {
      const r = builtin().match(text, { explain: true });
      assert.deepEqual([r.decision, r.matches[0]?.article], ['clarify', 'exo-legacy-tls-hybrid'], text);
      const note = r.matches[0].why!.rules.find((x) => x.rule === 'description')!.note;
      assert.ok(note.includes('its topic phrases add nothing') && note.includes('service:mail-client'), note);
    }
    // The hybrid symptom named keeps the answer, a client protocol beside it or not.
    const hybrid = builtin().match(
      'Since Microsoft disabled TLS 1.0, free/busy between on-premises and Exchange Online stopped working. We use IMAP too.',
    );
    assert.deepEqual([hybrid.decision, hybrid.matches[0]?.article], ['answer', 'exo-legacy-tls-hybrid']);
  });

  it("offers, not answers, TLS named with only the product's name or a failure of its title's words (no scenario named)", () => {
    for (const text of [
      'Outlook 2013 clients keep prompting for credentials after disabling TLS 1.0/1.1 on Exchange 2016',
      "Internet Explorer 10 users can't log on anymore after we disabled TLS 1.0 on Exchange 2016; TLS 1.2 is on.",
      'Our Exchange 2016 send connector fails after TLS 1.0 was disabled',
    ]) {
      const r = builtin().match(text, { explain: true });
      assert.deepEqual([r.decision, r.matches[0]?.article], ['clarify', 'exo-legacy-tls-hybrid'], text);
      const note = r.matches[0].why!.rules.find((x) => x.rule === 'description')!.note;
      assert.ok(note.includes('words of its title that name no scenario (exchange'), note);
    }
    // A word of the title that names its scenario (`hybrid`) beside them keeps the answer.
    const hybrid = builtin().match('Our hybrid Exchange 2016 fails after TLS 1.0 was disabled');
    assert.deepEqual([hybrid.decision, hybrid.matches[0]?.article], ['answer', 'exo-legacy-tls-hybrid']);
  });

  it('only offers, never answers, a symptom described without anything pointing at its cause', () => {
    for (const text of [
      'free/busy is not working in our hybrid environment with Exchange Online',
      'Frei/Gebucht geht nicht in unserer Hybridumgebung',
    ]) {
      const r = builtin().match(text);
      assert.deepEqual([r.decision, r.matches[0]?.symptom], ['clarify', 'free-busy'], text);
    }
  });

  it('counts a symptom-only context phrase (Exchange 2010) for that symptom only', () => {
    const hang = builtin().match('The Hybrid Configuration Wizard hangs at domain verification, Exchange 2010 SP3 with Exchange Online.');
    assert.deepEqual([hang.decision, hang.matches[0]?.symptom], ['answer', 'hcw-domain-verification']);
    const archive = builtin().match("Users on Exchange 2010 with a cloud archive can't drag items into the online archive in OWA.");
    assert.deepEqual([archive.decision, archive.matches[0]?.symptom], ['clarify', 'cloud-archive']);
  });

  it('offers the article of a rare code such as HCW8078 pasted alone, without answering', () => {
    const m = new Matcher(
      kbOf([article('endpoint', 'HCW8078 Migration Endpoint could not be created'), article('other', WRAP('MaxUriReached'))]),
    );
    const r = m.match('HCW8078');
    assert.deepEqual([r.decision, r.matches.map((x) => x.article)], ['clarify', ['endpoint']]);
  });

  it("does not offer a rare exception class's article when the paste goes on with another message right after the class", () => {
    const m = new Matcher(
      kbOf([
        article(
          'switchover',
          'Unhandled exception (Widget.Diagnostics.WidgetAssertException: ASSERT: ProcessId perf counter (0) does not match actual process id)',
        ),
        article('other', WRAP('MaxUriReached')),
      ]),
    );
    // The same class, then another assertion: another error of that family.
    const other = m.match(
      'The unhandled exception was: Widget.Diagnostics.WidgetAssertException: ASSERT: TokenProvider.GetKeys:signingKeys.Length<1',
    );
    assert.equal(other.decision, 'none');
    // The class alone, or followed by the article's own words, still offers it.
    const alone = m.match('WidgetAssertException');
    assert.deepEqual([alone.decision, alone.matches[0]?.article], ['clarify', 'switchover']);
    const same = m.match('Service crashed: WidgetAssertException has occurred. Details: ASSERT: ProcessId perf counter mismatch');
    assert.equal(same.matches[0]?.article, 'switchover');
  });

  it('does not offer a class two articles print when the paste shares only the class and goes on with another message', () => {
    // The class stands in two error texts, so neither is a match by that one word (too common for one word alone):
    // the words right after the class still tell another error of that family.
    const m = new Matcher(
      kbOf([
        article(
          'switchover',
          'Unhandled exception (WidgetAssertException: ASSERT: ProcessId perf counter (0) does not match actual process id)',
        ),
        article('crash', 'Service host stopped after WidgetAssertException: ASSERT: Cache quota reached for the tenant store'),
        article('other', WRAP('MaxUriReached')),
      ]),
    );
    const other = m.match('Application crashed: WidgetAssertException: TokenProvider GetKeys signing keys empty');
    assert.deepEqual([other.decision, other.matches.map((x) => x.article)], ['none', []]);
    // The class alone names the family, not which of its errors: nothing. Followed by an article's own words, it offers that one.
    const alone = m.match('WidgetAssertException');
    assert.deepEqual([alone.decision, alone.matches.map((x) => x.article)], ['none', []]);
    const own = m.match('Application crashed: WidgetAssertException: ASSERT: Cache quota', { explain: true });
    assert.deepEqual(
      [own.decision, own.matches.map((x) => x.article), own.matches[0]?.why?.rules],
      [
        'clarify',
        ['crash'],
        [{ rule: 'code', note: "0.6: a code 2 articles hold (at most 3), the paste going on after it as this article's error text does" }],
      ],
    );
    // Held by one article only, the class alone still offers it.
    const one = new Matcher(
      kbOf([
        article('switchover', 'Unhandled exception (WidgetAssertException: ASSERT: ProcessId perf counter)'),
        article('other', WRAP('MaxUriReached')),
      ]),
    );
    assert.deepEqual(
      [one.match('WidgetAssertException').decision, one.match('WidgetAssertException').matches[0]?.article],
      ['clarify', 'switchover'],
    );
  });

  it('cuts a paste longer than the limit to its error lines and still finds the error', () => {
    const filler = 'INFO 2026-11-28 10:00:00 Processing mailbox batch, all good\n'.repeat(Math.ceil((MAX_PASTE_CHARS * 1.5) / 60));
    const r = builtin().match(`${filler}${EN_ERR}\n${filler}`);
    assert.equal(r.truncated, true);
    assert.equal(r.decision, 'answer');
    assert.equal(builtin().match(EN_ERR).truncated, false);
  });

  it('finds the error at the end of a 240 KB log of warnings, and keeps it when errors alone overflow the limit', () => {
    const warn =
      '2026.11.14 09:41:07.311 10332 [Client=UX, Activity=Check Prereqs, Thread=7] WARN Certificate check returned a warning, continuing\n';
    const atEnd = builtin().match(`${warn.repeat(Math.ceil(240_000 / warn.length))}${EN_ERR}`);
    assert.deepEqual([atEnd.truncated, atEnd.decision, atEnd.matches[0]?.article], [true, 'answer', 'exo-legacy-tls-hybrid']);
    const noise = 'ERROR Retrying mailbox batch 17 after a transient failure\n';
    const lastOfMany = builtin().match(`${noise.repeat(Math.ceil((MAX_PASTE_CHARS * 1.5) / noise.length))}${EN_ERR}`);
    assert.deepEqual([lastOfMany.decision, lastOfMany.matches[0]?.article], ['answer', 'exo-legacy-tls-hybrid']);
  });

  it('is deterministic and gives titles in the requested language', () => {
    const a = builtin().match(EN_ERR, { lang: 'de' });
    const b = builtin().match(EN_ERR, { lang: 'de' });
    assert.deepEqual(a, b);
    assert.equal(a.lang, 'en');
    assert.match(a.matches[0].title, /^Exchange-Hybrid/);
  });

  it("offers the article whose title a description writes, common as its words are, ahead of a keyword's article", () => {
    const titled = (id: string, title: string, description: string, keywords?: string[]): Article =>
      describedArticle(id, title, description, {}, keywords ? { keywords: { en: keywords } } : {});
    const matcher = new Matcher(
      kbOf([
        titled('not-getting', 'On-premises users not getting emails from Microsoft 365', 'Users wait for emails from Microsoft 365'),
        titled('cannot-send', 'Microsoft 365 users cannot send emails to on-premises users', 'Emails from users to Microsoft 365 bounce'),
        titled('no-display', 'Emails from Microsoft 365 users show no display names on-premises', 'Users see addresses', ['emails']),
        titled('archive', 'Cloud archive cannot be opened', 'Users cannot open the archive'),
      ]),
    );
    for (const text of ['On-premises users not getting emails from Microsoft 365', "on-prem users can't get emails from Microsoft 365"]) {
      const r = matcher.match(text);
      assert.equal(r.decision, 'clarify', text);
      assert.equal(r.matches[0].article, 'not-getting', text);
    }
    // The same words in another order are no title: the keyword's article, as before.
    assert.deepEqual(
      matcher.match('Microsoft 365 emails: on-premises users not getting').matches.map((m) => m.article),
      ['no-display'],
    );
  });

  it('ranks an error text found by less than one distinctive word below the description the prose found', () => {
    const titled = (id: string, title: string, description: string, errors: string[] = []): Article =>
      englishArticle(id, errors, {
        title: { en: title },
        symptoms: [{ id: 'main', description: { en: description }, errors: { en: errors } }],
      });
    const matcher = new Matcher(
      kbOf([
        titled('folder', 'Room calendar folder properties error', 'Opening the room calendar shows an error', ['Could not be updated.']),
        titled(
          'photos',
          'User photos are not synced to Exchange Online',
          'Thumbnail photos changed on-premises never reach the cloud mailbox',
        ),
        // Other error texts use the same words: `could not be updated` is no distinctive evidence.
        ...[0, 1].map((i) => titled(`updated-${i}`, `Filler ${i}`, 'w', [`Item${i} could not be updated.`])),
        ...[2, 3].map((i) => titled(`saved-${i}`, `Filler ${i}`, 'w', [`Item${i} could not be saved.`])),
      ]),
    );
    const scores = (text: string) => matcher.match(text, { explain: true }).matches.map((m) => [m.article, m.score]);
    // The common phrase alone: the error text's match as scored (under one distinctive word of evidence, ×0.569).
    assert.deepEqual(scores('the photos could not be updated')[0], ['folder', 0.569]);
    // Inside a description of another article's symptom: that article first, the error text just below it.
    const described = 'Thumbnail photos changed on-premises never reach the cloud: the photos could not be updated after the first sync';
    const r = matcher.match(described, { explain: true });
    assert.equal(r.decision, 'clarify');
    assert.deepEqual(scores(described).slice(0, 2), [
      ['photos', 0.55],
      ['folder', 0.54],
    ]);
    assert.match(r.matches[1].why!.rules.map((x) => x.note).join('\n'), /lowered to 0\.54: found by less than 1\.5 distinctive words/);
  });

  it('lists at most five matches, best first', () => {
    const many = Array.from({ length: 8 }, (_, i) => article(`same-${i}`, WRAP('MaxUriReached')));
    const r = new Matcher(kbOf(many)).match(WRAP('MaxUriReached'));
    assert.ok(r.matches.length <= 5);
    for (let i = 1; i < r.matches.length; i++) assert.ok(r.matches[i - 1].score >= r.matches[i].score);
  });

  describe('explaining one article (kb match --explain --article)', () => {
    const QUOTA = 'The mailbox quota of the user was exceeded and delivery of the message stopped.';
    const FAR = 'Replication of the database copy failed because the log stream of the passive node was interrupted.';
    const kb = kbOf([article('quota', QUOTA), article('far', FAR)]);
    // A pre-filter nothing passes: what is scored is then only what the article to explain adds. (Built in the
    // test, not while mocha loads the file: what runs at load time is "static" to Stryker, far slower to mutate.)
    const strict = () => new Matcher(kb, { ...DEFAULT_PARAMETERS, candidates: { share: 2, words: 1e9 } });
    const paste = `${QUOTA}\n${FAR}`;

    it('scores that article whatever the pre-filter says, and only that one', () => {
      const noCandidates = strict();
      assert.deepEqual(noCandidates.match(paste, { explain: true }).matches, []);
      // Without explain, the article to explain changes nothing.
      assert.deepEqual(noCandidates.match(paste, { article: 'far' }).matches, []);
      const far = noCandidates.match(paste, { explain: true, article: 'far' });
      assert.deepEqual(
        far.matches.map((m) => [m.article, m.score]),
        [['far', 1]],
      );
      assert.deepEqual([far.matches[0].why?.kind, far.matches[0].why?.error?.text], ['error', FAR]);
      // The first article too (its index is 0).
      assert.deepEqual(
        noCandidates.match(paste, { explain: true, article: 'quota' }).matches.map((m) => m.article),
        ['quota'],
      );
    });

    it('leaves the decision and the other matches as they are without it', () => {
      const noCandidates = strict();
      const plain = noCandidates.match(paste);
      assert.deepEqual([plain.decision, plain.matches], ['none', []]);
      // The article explained fits the paste fully (score 1) but passed no pre-filter: still no answer.
      const far = noCandidates.match(paste, { explain: true, article: 'far' });
      assert.deepEqual([far.decision, far.matches.map((m) => [m.article, m.score])], ['none', [['far', 1]]]);
      // Where the pre-filter lets everything through, explaining one article changes nothing of the decision.
      const open = new Matcher(kb);
      assert.equal(open.match(paste, { explain: true, article: 'far' }).decision, open.match(paste).decision);
    });

    it('lists it once when it is among the matches anyway', () => {
      const all = new Matcher(kb).match(paste, { explain: true, article: 'quota' });
      assert.deepEqual(all.matches.map((m) => m.article).sort(), ['far', 'quota']);
    });
  });
});
