import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { gapKey } from '../../src/cli/gaps';
import { detectLanguage, symptomIdFor } from '../../src/knowledge/import/text';
import { parseLabelled } from '../../src/cli/evaluate';
import {
  CMDLET_IN_TEXT,
  HCW_CODE_IN_TEXT,
  HOST_TLDS,
  hintedServices,
  isCmdletName,
  SCENARIO_SERVICES,
  scenarioAnchors,
} from '../../src/knowledge/vocabulary';
import { guessLanguage } from '../../src/matching/stopwords';
import { termsOf, tokenize } from '../../src/matching/normalize';
import { ROOT } from '../helpers/tmp';

/** One vocabulary, used alike by normalising, importing, `kb gaps` and the matcher. */
describe('knowledge/vocabulary', () => {
  it('recognises cmdlet names, in text and as a whole, and not hyphenated words', () => {
    assert.ok(isCmdletName('Set-FederatedOrganizationIdentifier') && isCmdletName('Get-Mailbox'));
    assert.ok(!isCmdletName('e-mail') && !isCmdletName('Set-federated') && !isCmdletName('Get-Mailbox x'));
    assert.deepEqual(
      [...'run Get-Mailbox then New-MoveRequest now'.matchAll(CMDLET_IN_TEXT)].map((m) => m[0]),
      ['Get-Mailbox', 'New-MoveRequest'],
    );
  });

  it('finds HCW codes of three to five digits, in any case; the importer names a symptom by one', () => {
    for (const c of ['HCW101', 'hcw8078', 'HCW10050']) assert.ok(HCW_CODE_IN_TEXT.test(`x ${c} y`), c);
    assert.ok(!HCW_CODE_IN_TEXT.test('HCW80') && !HCW_CODE_IN_TEXT.test('HCW8078X'));
    assert.equal(symptomIdFor('The wizard fails.', 'HCW101 The connection failed'), 'hcw101');
    assert.equal(symptomIdFor('Sign-in fails.', 'AADSTS50011: The reply URL does not match'), 'aadsts50011');
  });

  it('treats the same host names as volatile when matching and when grouping gaps', () => {
    for (const tld of ['onmicrosoft', 'local', 'intern', 'fr']) assert.ok(HOST_TLDS.has(tld), tld);
    assert.deepEqual(
      termsOf(
        tokenize('relay ex01.contoso.fr refused')
          .tokens.map((t) => t.term)
          .join(' '),
      ),
      ['relay', 'refused'],
    );
    assert.equal(gapKey('relay ex01.contoso.fr refused'), gapKey('relay mx7.fabrikam.onmicrosoft.com refused'));
  });

  it('tells German from English with the same words when importing and when matching', () => {
    const de = 'Fehler beim Zugriff auf Windows Live: die Verbindung wurde geschlossen';
    const en = 'An error occurred while accessing Windows Live: the connection was closed';
    assert.deepEqual([detectLanguage(de), detectLanguage(en)], ['de', 'en']);
    const terms = (t: string) => tokenize(t).tokens.map((x) => x.term);
    assert.deepEqual([guessLanguage(terms(de), de), guessLanguage(terms(en), en)], ['de', 'en']);
  });

  // scenarioAnchors tries a service's pattern only on text holding one of its hints: every match must hold one.
  it("finds a service's hint in every text its pattern matches, so texts without one skip the pattern", () => {
    const named = [
      'Hybrid Configuration Wizard',
      'HybridConfigurationWizard',
      'HCW8078',
      'Hybridkonfigurations-Assistent',
      'https://mail.contoso.com/EWS/mrsproxy.svc',
      'MRS',
      'New-MoveRequest',
      'New-MigrationBatch',
      'moving the mailbox',
      'mailbox migrations',
      'move requests',
      'migration batch',
      'Test-OAuthConnectivity',
      'Autodiscover',
      'https://outlook.office365.com/powershell-liveid/',
      'remote Windows PowerShell',
      'New-PSSession',
      'remote shell session',
      'https://ex01.contoso.com/PowerShell/',
      'free / busy',
      'Frei/Gebucht',
      'availability service',
      'OWA',
      'Outlook on the web',
      'Outlook Web App',
      'ECP',
      'EAC',
      'admin center',
      'Control Panel',
      'setup.exe',
      'Exchange Server setup',
      'resume the setup',
      'setup failed',
      '/PrepareAllDomains',
      'Organization Preparation',
      '/IAcceptExchangeServerLicenseTerms',
      '/Mode:Upgrade',
      'The following error was generated when',
      'Readiness Checks',
      'Prerequisite Analysis',
      '/library/ms.exch.setupreadiness.Rule.aspx',
      'Failed [Rule:X]',
      'Step 3 of 13',
      'Mailbox role: ',
      'deployment step',
      'during the installation',
      'while upgrading',
      'installing the Cumulative Update',
      'app-only',
      'managed identity',
      'service principal',
      'Azure Automation',
      'runbook',
      'Azure AD Connect',
      'Microsoft Entra Connect',
      'ADSync',
      'DirSync',
      'sync engine',
      'Synchronization Service Manager',
      'Entra Cloud Sync',
      'Health Checker',
      'SetupAssist',
    ];
    const files = fs.readdirSync(path.join(ROOT, 'tests/data')).filter((f) => f.endsWith('.jsonl') && !f.includes('heldout'));
    const pastes = files.flatMap((f) => parseLabelled(fs.readFileSync(path.join(ROOT, 'tests/data', f), 'utf8'), f).map((p) => p.text));
    let matches = 0;
    for (const [service, pattern, hints] of SCENARIO_SERVICES) {
      const every = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
      // (A dotted name is read as a host name, which names nothing: it is only searched here.)
      for (const text of [...named, 'Microsoft.Online.CSE.Hybrid.Client', ...pastes])
        for (const m of text.matchAll(every)) {
          matches++;
          assert.ok(
            hints.some((h) => m[0].toLowerCase().includes(h)),
            `${service}: '${m[0]}' holds none of ${hints.join(', ')}`,
          );
        }
    }
    assert.ok(matches > named.length, `${matches} matches`);
    // Every name above names its service (or script: the Health Checker named in words).
    for (const text of named)
      assert.ok(
        [...scenarioAnchors(text)].some((a) => a.startsWith('service:') || a.startsWith('script:')),
        text,
      );
  });

  // One scan for all hints must find what a search per hint finds, also where hints overlap (`ecpowershell`: `ecp`
  // and `powershell` share the `p`) or repeat.
  it('finds every service whose hint a lower-case text holds, in one scan, overlapping hints included', () => {
    const services = (bits: number) => SCENARIO_SERVICES.filter((_, s) => bits & (1 << s)).map(([service]) => service);
    const bySearch = (lower: string) => SCENARIO_SERVICES.filter(([, , hints]) => hints.some((h) => lower.includes(h))).map(([s]) => s);
    assert.deepEqual(services(hintedServices('the operation timed out')), []);
    assert.deepEqual(services(hintedServices('ecpowershell')), ['remote-powershell', 'admin-center']);
    // `control` alone is no hint of the admin center (every `-DomainController` of an HCW log holds it), nor `hybrid` of the HCW.
    assert.deepEqual(services(hintedServices('-domaincontroller dc01 and the oauth token')), ['oauth']);
    assert.deepEqual(services(hintedServices('reading hybrid configuration; the control panel')), ['admin-center']);
    assert.deepEqual(services(hintedServices('removed mailbox; hcw hybrid; frei/busy, freebusy')), ['hcw', 'mrs', 'freebusy']);
    const hints = SCENARIO_SERVICES.flatMap(([, , h]) => h);
    for (let k = 0; k < 300; k++) {
      // Hints run into each other and into letters that complete or break them.
      let text = '';
      for (let i = 0; i < 6; i++) text += hints[(k * 7 + i * 13) % hints.length].slice((k + i) % 3 === 0 ? 1 : 0) + 'aeox -'[(k + i) % 6];
      assert.deepEqual(services(hintedServices(text)), bySearch(text), text);
    }
  });
});
