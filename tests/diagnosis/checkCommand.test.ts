/**
 * The check in step 1 of the reference article reads every setting the diagnosis knows and prints it in a
 * shape the diagnosis reads back: its output, produced here the way the script produces it, is diagnosed
 * completely — in German and English articles alike (the command is the same).
 */
import assert from 'node:assert/strict';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../src/knowledge/load';
import { diagnose, RULES } from '../../src/diagnosis';

const article = loadKnowledge([BUILTIN_KNOWLEDGE]).byId.get('exo-legacy-tls-hybrid')!;
const check = article.steps[0]!.commands![0]!;

/** The script's `@('KEY', 'Name', …)` entries. */
function entries(code: string): { key: string; names: string[] }[] {
  return [...code.matchAll(/@\(('[^']+'(?:, '[^']+')+)\)/g)].map((m) => {
    const [key, ...names] = [...m[1]!.matchAll(/'([^']+)'/g)].map((x) => x[1]!);
    return { key: key!, names };
  });
}

/** What the script prints for a registry where `values` holds what is set (others print NULL). */
function output(values: Record<string, number>, protocols: string): string {
  const lines: string[] = [];
  for (const { key, names } of entries(check.code)) {
    for (const name of names) {
      const value = values[`HKLM\\${key}|${name}`];
      // '{0} | {1} | {2}' -f ('HKLM\' + $e[0]), $n, $(if ($null -eq $v) { 'NULL' } else { $v })
      lines.push(`HKLM\\${key} | ${name} | ${value ?? 'NULL'}`);
    }
  }
  // 'SecurityProtocol | {0}' -f [Net.ServicePointManager]::SecurityProtocol
  lines.push(`SecurityProtocol | ${protocols}`);
  return `PS C:\\Windows\\system32> ${check.code}\n${lines.join('\n')}\nPS C:\\Windows\\system32>`;
}

describe('diagnosis: the check command in the reference article', () => {
  it('is one PowerShell line that prints `path | name | value` and the session protocols', () => {
    assert.equal(check.shell, 'powershell');
    assert.ok(!/[\r\n]/.test(check.code));
    assert.ok(
      check.code.includes("'{0} | {1} | {2}' -f ('HKLM\\' + $e[0]), $n, $(if ($null -eq $v) { 'NULL' } else { $v })"),
      'the format the test reproduces',
    );
    assert.ok(check.code.endsWith("'SecurityProtocol | {0}' -f [Net.ServicePointManager]::SecurityProtocol"));
    assert.match(article.steps[0]!.text.en!, /paste its output into the chat/);
    assert.match(article.steps[0]!.text.de!, /fügen Sie die Ausgabe\s+in den Chat ein/);
  });

  it('reads exactly the registry values of the rules', () => {
    const read = entries(check.code)
      .flatMap(({ key, names }) => names.map((n) => `HKLM\\${key}|${n}`))
      .sort();
    const ruled = RULES.filter((r) => r.kind === 'registry')
      .map((r) => `${r.path}|${r.name}`)
      .sort();
    assert.deepEqual(read, ruled);
  });

  it('its output is diagnosed completely: every setting judged, the wrong ones fixed', () => {
    const good = Object.fromEntries(RULES.filter((r) => r.kind === 'registry').map((r) => [`${r.path}|${r.name}`, r.expected]));
    // A server where TLS 1.2 client is off, 32-bit .NET 4 strong crypto is not set, and WinHTTP lacks TLS 1.2.
    const state = { ...good };
    state['HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client|Enabled'] = 0;
    delete state['HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319|SchUseStrongCrypto'];
    state['HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp|DefaultSecureProtocols'] = 0xa0;
    const d = diagnose(output(state, 'Ssl3, Tls'));
    assert.equal(d.recognised, true);
    assert.deepEqual(
      d.findings.filter((f) => f.ok === null).map((f) => f.rule.id),
      [],
      'nothing left "not in your paste"',
    );
    assert.deepEqual(
      d.findings.filter((f) => f.ok === false).map((f) => [f.rule.id, f.found]),
      [
        ['schannel-tls12-client-enabled', 0],
        ['net4-wow-schusestrongcrypto', null],
        ['winhttp-defaultsecureprotocols', 0xa0],
        ['session-securityprotocol', 240],
      ],
    );
    assert.deepEqual(
      d.commands.map((c) => c.code),
      [
        "New-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client' -Name Enabled -Value 1 -PropertyType DWord -Force",
        "New-ItemProperty -Path 'HKLM:\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319' -Name SchUseStrongCrypto -Value 1 -PropertyType DWord -Force",
        "New-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp' -Name DefaultSecureProtocols -Value 2720 -PropertyType DWord -Force",
        '[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12',
      ],
    );
    const healthy = diagnose(output(good, 'Tls, Tls11, Tls12'));
    assert.deepEqual(
      healthy.findings.filter((f) => f.ok !== true).map((f) => f.rule.id),
      [],
    );
    assert.deepEqual(healthy.commands, []);
  });
});
