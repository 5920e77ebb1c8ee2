import assert from 'node:assert/strict';
import { builtinMatcher } from '../helpers/fixture';

/**
 * Issue 12, the reference article with the built-in knowledge only: every description that names one of its
 * symptoms is at least offered, and every input that names TLS 1.0/1.1/1.2 or legacy TLS together with a
 * hybrid symptom is answered. The issue's own examples verbatim, then each symptom (English and German, as
 * admins word it) alone and with each way of naming the cause.
 */
const REFERENCE = 'exo-legacy-tls-hybrid';

const SYMPTOMS = {
  en: [
    'no free/busy from Exchange Online mailboxes since last week in our hybrid',
    "users with on-prem mailboxes can't open their cloud archive",
    'scheduling assistant shows no availability for cloud users',
    'Set-FederatedOrganizationIdentifier fails',
    'creating the federation trust fails',
    'the Hybrid Configuration Wizard hangs at domain verification',
    'the Hybrid Configuration Wizard hangs',
    'the HCW hangs',
    // In admins' own names for the same things (knowledge/lexicon/en-synonyms.yaml).
    "EXO archive won't open for on-premises mailboxes",
    'the hybrid wizard is stuck at domain verification',
    'the hybrid wizard hangs',
    'calendar sharing with Exchange Online stopped working in our hybrid',
    'cannot see availability of cloud mailboxes from on-premises Outlook',
    'cross-premises free/busy broken',
  ],
  de: [
    'keine Frei/Gebucht-Informationen von Exchange Online Postfächern in unserem Hybrid',
    'Benutzer mit lokalem Postfach können ihr Cloudarchiv nicht öffnen',
    'Set-FederatedOrganizationIdentifier schlägt fehl',
    'die Verbundvertrauensstellung lässt sich nicht erstellen',
    'der Hybridkonfigurations-Assistent hängt bei der Domänenüberprüfung',
    'der Hybridkonfigurations-Assistent hängt',
    'der HCW hängt',
  ],
};

const CAUSES = {
  en: [
    'since TLS 1.0 was disabled in Exchange Online',
    'since TLS 1.1 was turned off',
    'TLS 1.2 is not enabled on the Exchange servers',
    'since legacy TLS was deprecated',
    'after the TLS 1.0/1.1 retirement',
  ],
  de: [
    'seit TLS 1.0 in Exchange Online abgeschaltet ist',
    'seit TLS 1.1 abgeschaltet wurde',
    'TLS 1.2 ist auf den Exchange-Servern nicht aktiviert',
    'seit Legacy-TLS abgeschaltet wurde',
    'seit veraltetes TLS nicht mehr geht',
  ],
};

describe('matching: the reference article from descriptions (built-in knowledge only)', () => {
  const outcome = (text: string) => {
    const r = builtinMatcher().match(text);
    return [r.decision, r.matches[0]?.article ?? null];
  };

  it("answers the issue's examples that name legacy TLS or TLS 1.2 with a hybrid symptom, offers the others", () => {
    for (const text of [
      'legacy TLS was deprecated for Exchange Online, hybrid is broken and TLS 1.2 is not enabled on the Exchange servers',
      'TLS 1.2 not enabled, legacy TLS deprecated, hybrid broken',
    ])
      assert.deepEqual(outcome(text), ['answer', REFERENCE], text);
    for (const text of [
      'no free/busy from Exchange Online mailboxes since last week in our hybrid',
      "users with on-prem mailboxes can't open their cloud archive",
      'Fehler beim Zugriff auf Windows Live',
    ])
      assert.deepEqual(outcome(text), ['clarify', REFERENCE], text);
  });

  it('never answers a post that names no TLS with it: in a knowledge base of one article every word of its cause is distinctive', () => {
    // Like a tuning post (qa-hcw8078-no-mrsproxy): the wizard fails at the migration endpoint, and the words it shares with
    // the article's cause ("no", "endpoints", "Microsoft", "Exchange Online") are no cause named.
    const post =
      "I'm running Exchange 2016 CU16 and am trying to set up a Hybrid environment with Microsoft Exchange Online in order to start a migration to 365 services.\n\n" +
      'When running the Hybrid Configuration Wizard, I get the error HCW8078 - Migration Endpoint could not be created\n\n' +
      "I've also run Test-MigrationServerAvailability and the output indicates that no MRSProxy was found running at the host indicated.";
    assert.deepEqual(outcome(post), ['clarify', REFERENCE]);
  });

  for (const lang of ['en', 'de'] as const) {
    it(`offers every symptom described alone (${lang}), and answers it named with TLS 1.0, 1.1, 1.2 or legacy TLS`, () => {
      const wrong: string[] = [];
      for (const symptom of SYMPTOMS[lang]) {
        const [decision, article] = outcome(symptom);
        if (decision === 'none' || article !== REFERENCE) wrong.push(`${symptom} → ${decision} ${article}`);
        // The cause after the symptom or before it.
        for (const cause of CAUSES[lang]) {
          for (const text of [`${symptom}, ${cause}`, `${cause}: ${symptom}`]) {
            const [d, a] = outcome(text);
            if (d !== 'answer' || a !== REFERENCE) wrong.push(`${text} → ${d} ${a}`);
          }
        }
      }
      assert.deepEqual(wrong, []);
    });
  }
});
