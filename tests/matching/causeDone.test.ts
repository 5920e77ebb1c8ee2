import assert from 'node:assert/strict';
import { doneAgainstCause, lackedPhrases, pastedPolarity } from '../../src/matching/causeDone';
import { englishArticle, explainedOutcome } from '../helpers/articles';

// A made-up error whose article's cause is that a made-up protocol is not switched on.
const ERROR = 'The wombat handshake with the quokka gateway failed: the burrow connection was closed on send.';
const lacking = englishArticle('wombat-missing', [ERROR], {
  title: { en: 'Burrow sync without Wombat 2.0: the quokka gateway drops the handshake' },
  cause: { en: 'The gateway accepts Wombat 2.0 only; when Wombat 2.0 is not enabled on the server, the handshake fails.' },
});
const far = englishArticle('far', ['Replication of the dingo database copy failed.']);

const DONE = { done: true, missing: false };
const MISSING = { done: false, missing: true };
const NONE = { done: false, missing: false };

/** What `pastedPolarity` reads of each sentence for `phrase`. */
function assertPolarity(sentences: readonly string[], expected: typeof DONE, phrase = 'TLS 1.2'): void {
  for (const said of sentences) assert.deepEqual(pastedPolarity(said, phrase), expected, said);
}

/** Each sentence before the article's error: the article is answered. */
function assertAnswered(sentences: readonly string[]): void {
  for (const said of sentences) assert.equal(explainedOutcome([lacking, far], `${said}\n${ERROR}`).decision, 'answer', said);
}

describe('matching: an article whose cause is that something is missing, for a paste that says it was done (causeDone.ts)', () => {
  it("reads what an article's title and cause say is missing: names only", () => {
    assert.deepEqual(lackedPhrases(lacking), ['Wombat 2.0']);
    const plain = englishArticle('plain', [ERROR], {
      cause: { en: "It fails without the recipient's consent, and when free/busy information isn't configured." },
    });
    assert.deepEqual(lackedPhrases(plain), []);
    // A cause that tells of the thing shown as enabled too covers a paste that says it is.
    const both = englishArticle('both', [ERROR], {
      cause: { en: 'Wombat 2.0 is not enabled, or Wombat 2.0 shows as Enabled in the console but is disabled on the server.' },
    });
    assert.deepEqual(lackedPhrases(both), []);
    // Something not installed is missing too; a name after a preposition is part of a lower-case thing, not the thing.
    const installed = englishArticle('installed', [ERROR], {
      cause: {
        en: "Setup fails because Visual C++ 2012 isn't installed, or the certificate for the trust with Exchange Online is not installed.",
      },
    });
    assert.deepEqual(lackedPhrases(installed), ['Visual C++ 2012']);
  });

  it("reads an article's phrases once (the matcher and the bridge share them), and a reloaded article afresh", () => {
    const first = lackedPhrases(lacking);
    assert.equal(lackedPhrases(lacking), first);
    const reloaded = { ...lacking, cause: { en: 'It fails when Quokka 3 is not enabled.' } };
    assert.deepEqual(lackedPhrases(reloaded), ['Quokka 3', 'Wombat 2.0']);
    assert.deepEqual(lackedPhrases(lacking), ['Wombat 2.0']);
    // The paste is read for each article's own phrases, the reloaded one's too.
    assert.equal(doneAgainstCause(reloaded, 'We enabled Quokka 3.'), 'Quokka 3');
    assert.equal(doneAgainstCause(lacking, 'We enabled Quokka 3.'), undefined);
    assert.equal(doneAgainstCause(lacking, 'We enabled Wombat 2.0.'), 'Wombat 2.0');
  });

  it('reads installed as done, in English and German, and not installed as missing', () => {
    assertPolarity(
      [
        'Visual C++ 2012 is installed.',
        'We installed Visual C++ 2012.',
        'Visual C++ 2012 ist installiert.',
        'Visual C++ 2012 ist auf dem Server installiert.',
      ],
      DONE,
      'Visual C++ 2012',
    );
    assertPolarity(
      ['Visual C++ 2012 is not installed.', 'Visual C++ 2012 ist auf dem Server nicht installiert.'],
      MISSING,
      'Visual C++ 2012',
    );
  });

  it('offers it where the paste says the thing was enabled or is there', () => {
    for (const said of [
      'After we enabled Wombat 2.0 on the server, the sync broke:',
      'Since enabling Wombat 2.0 we get:',
      'Wombat 2.0 is already enabled everywhere, still:',
      'The sync does not work since we enabled Wombat 2.0:',
      'Nach dem Aktivieren von Wombat 2.0:',
      'The client is using Wombat 2.0 and the server is using Wombat 2.0 as well:',
      'Our server uses Wombat 2.0:',
    ]) {
      const r = explainedOutcome([lacking, far], `${said}\n${ERROR}`);
      assert.deepEqual([r.decision, r.articles[0]], ['clarify', 'wombat-missing'], said);
      assert.match(r.notes, /cause is that Wombat 2\.0 is missing/, said);
    }
  });

  it('answers it where the paste says the thing is missing, or says nothing of it', () => {
    assertAnswered([
      'We never enabled Wombat 2.0:',
      "We haven't yet enabled Wombat 2.0:",
      'Wombat 2.0 is not enabled on the server:',
      'Wombat 2.0 not enabled, sync broken:',
      'We enabled Wombat 2.0 on one server; on the other Wombat 2.0 is not enabled:',
      'Wombat 2.0 ist nicht aktiviert:',
      "The server isn't using Wombat 2.0:",
      'We are not using Wombat 2.0 yet:',
      'We want to use Wombat 2.0:',
      '',
    ]);
  });

  it('reads the polarity of a statement, one clause at a time', () => {
    assertPolarity(['We enabled TLS 1.2 yesterday.', 'TLS 1.2 was enabled.'], DONE);
    assertPolarity(['without TLS 1.2 the wizard hangs'], MISSING);
    assertPolarity(['TLS 1.2 is mentioned only.', 'TLS 1.20 was enabled.'], NONE);
  });

  it('reads a question or a condition as saying neither (`check whether`, `ob … aktiviert ist`, `Is … enabled?`)', () => {
    assertPolarity(
      [
        'How do I check whether TLS 1.2 is enabled on the Exchange server?',
        'Free/busy broke. Is TLS 1.2 enabled by default on Exchange 2016?',
        'We need to make sure TLS 1.2 is enabled before we run the wizard.',
        'Wie prüfe ich, ob TLS 1.2 auf dem Exchange Server aktiviert ist?',
        'Falls TLS 1.2 aktiviert ist, geht dann Frei/Gebucht wieder',
      ],
      NONE,
    );
    // A statement beside the question still counts.
    assertPolarity(['We enabled TLS 1.2. Do we also need to check whether TLS 1.2 is enabled for .NET?'], DONE);
  });

  it('reads a German participle at the end of the clause, words between, and a negation between or before as missing', () => {
    assertPolarity(
      [
        'TLS 1.2 ist auf allen Servern aktiviert.',
        'Wir haben TLS 1.2 auf allen Exchange-Servern aktiviert, trotzdem hängt der Assistent.',
        'TLS 1.2 wurde gestern aktiviert',
        'Nachdem wir TLS 1.2 auf allen Servern aktiviert haben, geht nichts mehr.',
        'TLS 1.2 ist bei uns überall eingeschaltet',
      ],
      DONE,
    );
    assertPolarity(
      [
        'TLS 1.2 ist auf den Servern nicht aktiviert.',
        'Wir haben TLS 1.2 noch nicht aktiviert',
        'TLS 1.2 wurde nie aktiviert',
        'TLS 1.2 ist auf keinem Server aktiviert',
        'Wir haben nicht TLS 1.2 auf den Servern aktiviert',
      ],
      MISSING,
    );
    // The participle of another clause (after `und`, a comma), or past six words, is not the name's (`fehlt` is: missing).
    assertPolarity(['TLS 1.2 fehlt und der Dienst ist aktiviert', 'TLS 1.2 fehlt, der Dienst ist aktiviert'], MISSING);
    assertPolarity(
      ['TLS 1.2 wird angezeigt, der Dienst ist aktiviert', 'TLS 1.2 steht in der Anleitung von Microsoft für die Server als aktiviert'],
      NONE,
    );
  });

  it('reads absence words as missing, in English and German: `is missing`, `fehlt`, `nicht vorhanden`', () => {
    assertPolarity(
      [
        'TLS 1.2 is missing on the Exchange server.',
        'The Exchange server is missing TLS 1.2.',
        'TLS 1.2 fehlt auf dem Exchange-Server.',
        'Auf dem Exchange-Server fehlt TLS 1.2.',
        'Frei/Gebucht geht nicht, weil TLS 1.2 auf dem Hybridserver fehlt.',
        'TLS 1.2 ist auf dem Hybridserver nicht vorhanden.',
      ],
      MISSING,
    );
    // Not missing: said of another thing, negated, or asked.
    for (const said of [
      'Nach dem Aktivieren von TLS 1.2 fehlt immer noch Frei/Gebucht.',
      'TLS 1.2 fehlt nicht.',
      'Wie prüfe ich, ob TLS 1.2 fehlt?',
      'Is TLS 1.2 missing on the server?',
    ])
      assert.notDeepEqual(pastedPolarity(said, 'TLS 1.2'), MISSING, said);
    assertPolarity(['TLS 1.2 fehlt nicht.'], NONE);
    // A paste that says the thing is there on one server and missing on another: the article is answered.
    assertAnswered([
      'We enabled Wombat 2.0 on the front end, but the mailbox server is missing Wombat 2.0:',
      'Wombat 2.0 ist auf dem DC aktiviert, auf dem Exchange-Server fehlt Wombat 2.0:',
      'Wombat 2.0 ist aktiviert, aber auf dem Edge-Server ist Wombat 2.0 nicht vorhanden:',
    ]);
  });

  it("reads an article's `X is missing` as a thing it lacks, not `X is missing a …` (X lacks something else)", () => {
    const article = (cause: string) => englishArticle('a', [ERROR], { cause: { en: cause } });
    assert.deepEqual(lackedPhrases(article('The handshake fails because the Wombat module entry is missing.')), ['Wombat module entry']);
    assert.deepEqual(lackedPhrases(article('If the Wombat module entry is missing from the list, it fails.')), ['Wombat module entry']);
    assert.deepEqual(lackedPhrases(article('The certificate used for Wombat is missing a private key.')), []);
  });
});
