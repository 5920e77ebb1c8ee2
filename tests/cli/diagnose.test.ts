/** `kb diagnose`, run as scripts run it: the JSON contract, stdin, the text report, exit codes. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../helpers/tmp';
import { NO_STRONG_CRYPTO_REG_DE, SSL3_TLS_SESSION } from '../diagnosis/pastes';

function kb(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/src/cli/kb.js'), ...args], { input, encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli/kb diagnose', function () {
  this.timeout(30_000);

  it('--json from stdin: every rule as {setting, path, name, found, expected, ok}, and the fix commands', () => {
    const r = kb(['diagnose', '--json'], NO_STRONG_CRYPTO_REG_DE);
    assert.equal(r.code, 0, r.err);
    const out = JSON.parse(r.out) as { findings: Record<string, unknown>[]; commands: string[] };
    assert.deepEqual(Object.keys(out), ['findings', 'commands']);
    assert.equal(out.findings.length, 15);
    for (const f of out.findings) assert.deepEqual(Object.keys(f), ['setting', 'path', 'name', 'found', 'expected', 'ok']);
    const byPath = (p: string, name: string) => out.findings.find((f) => f.path === p && f.name === name);
    // Shown as absent by reg.exe's German "FEHLER: …": missing.
    assert.deepEqual(byPath('HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319', 'SchUseStrongCrypto'), {
      setting: '.NET Framework 4.x (64-bit): SchUseStrongCrypto',
      path: 'HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319',
      name: 'SchUseStrongCrypto',
      found: null,
      expected: 1,
      ok: false,
    });
    assert.deepEqual(byPath('HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319', 'SystemDefaultTlsVersions')?.found, 1);
    assert.equal(byPath('HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319', 'SystemDefaultTlsVersions')?.ok, true);
    // Not in the paste at all: found null, ok null.
    const server = byPath('HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server', 'Enabled');
    assert.deepEqual([server?.found, server?.ok], [null, null]);
    assert.deepEqual(out.commands, [
      'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client" /v Enabled /t REG_DWORD /d 1 /f',
      'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client" /v DisabledByDefault /t REG_DWORD /d 0 /f',
      "New-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319' -Name SchUseStrongCrypto -Value 1 -PropertyType DWord -Force",
      "New-ItemProperty -Path 'HKLM:\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319' -Name SchUseStrongCrypto -Value 1 -PropertyType DWord -Force",
    ]);
  });

  it('TEXT as an argument; the text report names verdicts, the command and the reboot need', () => {
    const r = kb(['diagnose', SSL3_TLS_SESSION]);
    assert.equal(r.code, 0);
    assert.ok(r.out.startsWith('TLS configuration: 1 wrong or missing, 0 OK, 14 not in the paste\n'), r.out);
    assert.ok(
      r.out.includes(
        '  wrong      This PowerShell session: SecurityProtocol  [[Net.ServicePointManager]::SecurityProtocol]  found 240, expected 3072',
      ),
      r.out,
    );
    assert.ok(r.out.includes('\n  [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12\n'));
    assert.ok(!r.out.includes('Restart the server'), 'a session setting needs no reboot');
  });

  it('exits 0 when nothing is found, and 2 on bad usage', () => {
    const none = kb(['diagnose', '--json', 'hello']);
    assert.equal(none.code, 0);
    assert.equal(
      JSON.parse(none.out).findings.every((f: { ok: unknown }) => f.ok === null),
      true,
    );
    assert.deepEqual(JSON.parse(none.out).commands, []);
    const plain = kb(['diagnose', 'hello']);
    assert.equal(plain.code, 0);
    assert.match(plain.out, /^No TLS setting found in the text/);
    const bad = kb(['diagnose', '--lang', 'xx', 'text']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /^Unknown option '--lang'/);
    assert.match(bad.err, /kb diagnose \[--json\] \[TEXT\]/);
  });
});
