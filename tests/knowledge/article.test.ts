import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../src/knowledge/load';
import { LANGS, type Article } from '../../src/knowledge/types';

/** The reference article must be complete and exact in both languages: admins copy its commands as they are. */
describe('knowledge/exo-legacy-tls-hybrid', () => {
  const kb = loadKnowledge([BUILTIN_KNOWLEDGE]);
  const a = kb.byId.get('exo-legacy-tls-hybrid') as Article;

  it('has the four symptoms', () => {
    assert.deepEqual(
      a.symptoms.map((s) => s.id),
      ['free-busy', 'cloud-archive', 'federation-trust', 'hcw-domain-verification'],
    );
  });

  it('carries the federation-trust error texts exactly as Exchange prints them', () => {
    const s = a.symptoms.find((x) => x.id === 'federation-trust')!;
    assert.ok(
      s.errors.en!.includes(
        'An error occurred while attempting to provision Exchange to the Partner STS. Detailed Information "An error occurred accessing Windows Live. Detailed information: "The underlying connection was closed: An unexpected error occurred on a send."',
      ),
    );
    assert.ok(
      s.errors.en!.some((e) =>
        e.startsWith("PowerShell failed to invoke 'Set-FederatedOrganizationIdentifier': An error occurred while attempting"),
      ),
    );
    assert.deepEqual(s.errors.de, [
      'Fehler beim Versuch, Exchange für den Partner STS bereitzustellen. Detaillierte Informationen: "Fehler beim Zugriff auf Windows Live". "Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden."',
    ]);
  });

  it('gives the three shell commands whole and in order', () => {
    const commands = a.steps.flatMap((s) => s.commands ?? []);
    // Step 1's check reads the TLS settings for the diagnosis (tested in tests/diagnosis/checkCommand.test.ts).
    assert.equal(commands.shift()?.shell, 'powershell');
    assert.deepEqual(
      commands.map((c) => [c.shell, c.code]),
      [
        ['exchange-management-shell', 'Add-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010'],
        ['exchange-management-shell', '[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12'],
        [
          'exchange-management-shell',
          "Set-FederatedOrganizationIdentifier -DelegationFederationTrust 'Microsoft Federation Gateway' -AccountNamespace <account namespace> -Enabled $True -Verbose",
        ],
      ],
    );
    assert.equal(commands[2].placeholders?.[0].name, 'account namespace');
  });

  it('names the fix in order: TLS 1.2, KB3154518 for Exchange 2010 SP2, the trust again, then the shell commands', () => {
    const en = a.steps.map((s) => s.text.en!);
    assert.match(en[0], /TLS 1\.2/);
    assert.match(en[1], /Exchange Server 2010 SP2[\s\S]*KB3154518/);
    assert.match(en[2], /federation trust/);
    assert.match(en[3], /Exchange Management Shell/);
    assert.match(a.steps[1].text.de!, /KB3154518/);
    assert.deepEqual(
      a.references.map((r) => r.url.includes('3154518') || /tls-guidance-part-[13]/.test(r.url)),
      [true, true, true],
    );
  });

  it('names the cause and the affected features in both languages', () => {
    assert.match(a.cause.en!, /TLS 1\.2/);
    assert.match(a.cause.de!, /TLS 1\.2/);
    const affects = a.affects.map((f) => f.en!).join(' | ');
    for (const feature of [/free\/busy/i, /archive/i, /federation trust/i, /Hybrid Configuration Wizard/]) assert.match(affects, feature);
  });

  it('is complete in German and English, with none of the seed copy artifacts', () => {
    assert.deepEqual(a.languages, ['de', 'en']);
    const all = JSON.stringify(a);
    for (const lang of LANGS) {
      for (const text of [a.title, a.cause, ...a.affects, ...a.steps.map((s) => s.text), ...a.symptoms.map((s) => s.description)]) {
        assert.ok(text[lang], `missing ${lang} text in ${JSON.stringify(text)}`);
      }
    }
    assert.doesNotMatch(all, /PSSnap in|cmdletSet-|SieSet-/);
    const file = fs.readFileSync(path.join(BUILTIN_KNOWLEDGE, 'exo-legacy-tls-hybrid.yaml'), 'utf8');
    assert.doesNotMatch(file, /PSSnap in|cmdletSet-|SieSet-/);
  });
});
