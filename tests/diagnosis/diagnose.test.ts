/**
 * The diagnosis on realistic pastes of every shape: which settings it finds, how it judges them, and the
 * exact commands it gives for exactly the wrong and missing ones.
 */
import assert from 'node:assert/strict';
import { diagnose, mayShowConfiguration, RULES, type Diagnosis } from '../../src/diagnosis';
import { parsePaste } from '../../src/diagnosis/parse';
import * as PASTES from './pastes';

const SCHANNEL = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2';

/** `rule id → [found, ok]` for every setting the paste shows. */
function shown(d: Diagnosis): Record<string, [number | null, boolean]> {
  return Object.fromEntries(d.findings.filter((f) => f.ok !== null).map((f) => [f.rule.id, [f.found, f.ok as boolean]]));
}

function notShown(d: Diagnosis): string[] {
  return d.findings.filter((f) => f.ok === null).map((f) => f.rule.id);
}

describe('diagnosis: TLS configuration pastes', () => {
  it('all good (reg query, English): every shown setting OK, no commands, no reboot', () => {
    const d = diagnose(PASTES.ALL_GOOD_REG);
    assert.equal(d.recognised, true);
    assert.deepEqual(shown(d), {
      'schannel-tls12-server-enabled': [1, true],
      'schannel-tls12-server-disabledbydefault': [0, true],
      'schannel-tls12-client-enabled': [1, true],
      'schannel-tls12-client-disabledbydefault': [0, true],
      'net4-systemdefaulttlsversions': [1, true],
      'net4-schusestrongcrypto': [1, true],
      'net4-wow-systemdefaulttlsversions': [1, true],
      'net4-wow-schusestrongcrypto': [1, true],
    });
    assert.deepEqual(d.commands, []);
    assert.equal(d.rebootNeeded, false);
    // What the paste doesn't show is named, with the command that reads it (one per key).
    assert.deepEqual(notShown(d), [
      'net2-systemdefaulttlsversions',
      'net2-schusestrongcrypto',
      'net2-wow-systemdefaulttlsversions',
      'net2-wow-schusestrongcrypto',
      'winhttp-defaultsecureprotocols',
      'winhttp-wow-defaultsecureprotocols',
      'session-securityprotocol',
    ]);
    assert.deepEqual(d.readCommands, [
      'reg query "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727"',
      'reg query "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727"',
      'reg query "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp"',
      'reg query "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp"',
      '[Net.ServicePointManager]::SecurityProtocol',
    ]);
  });

  it('TLS 1.2 disabled in SCHANNEL (Get-ItemProperty list, wrapped PSPath): four wrong values, New-ItemProperty for each, reboot', () => {
    const d = diagnose(PASTES.TLS12_DISABLED_GIP);
    assert.deepEqual(shown(d), {
      'schannel-tls12-server-enabled': [0, false],
      'schannel-tls12-server-disabledbydefault': [1, false],
      'schannel-tls12-client-enabled': [0, false],
      'schannel-tls12-client-disabledbydefault': [1, false],
    });
    assert.deepEqual(
      d.commands.map((c) => c.code),
      [
        `New-ItemProperty -Path 'HKLM:${SCHANNEL.slice(4)}\\Server' -Name Enabled -Value 1 -PropertyType DWord -Force`,
        `New-ItemProperty -Path 'HKLM:${SCHANNEL.slice(4)}\\Server' -Name DisabledByDefault -Value 0 -PropertyType DWord -Force`,
        `New-ItemProperty -Path 'HKLM:${SCHANNEL.slice(4)}\\Client' -Name Enabled -Value 1 -PropertyType DWord -Force`,
        `New-ItemProperty -Path 'HKLM:${SCHANNEL.slice(4)}\\Client' -Name DisabledByDefault -Value 0 -PropertyType DWord -Force`,
      ],
    );
    assert.equal(d.rebootNeeded, true);
    assert.equal(d.findings[0]!.line, 'Enabled           : 0', 'the line of the paste that showed it');
  });

  it('German reg query with FEHLER: .NET 4 strong crypto and the TLS 1.2 client key missing; reg add creates the missing key', () => {
    const d = diagnose(PASTES.NO_STRONG_CRYPTO_REG_DE);
    assert.equal(d.lang, 'de');
    assert.deepEqual(shown(d), {
      'schannel-tls12-client-enabled': [null, false],
      'schannel-tls12-client-disabledbydefault': [null, false],
      'net4-systemdefaulttlsversions': [1, true],
      'net4-schusestrongcrypto': [null, false],
      'net4-wow-systemdefaulttlsversions': [1, true],
      'net4-wow-schusestrongcrypto': [null, false],
    });
    assert.deepEqual(
      d.commands.map((c) => c.code),
      [
        `reg add "${SCHANNEL}\\Client" /v Enabled /t REG_DWORD /d 1 /f`,
        `reg add "${SCHANNEL}\\Client" /v DisabledByDefault /t REG_DWORD /d 0 /f`,
        "New-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319' -Name SchUseStrongCrypto -Value 1 -PropertyType DWord -Force",
        "New-ItemProperty -Path 'HKLM:\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319' -Name SchUseStrongCrypto -Value 1 -PropertyType DWord -Force",
      ],
    );
    assert.equal(d.rebootNeeded, true, 'an SCHANNEL value changes');
    // The server side wasn't queried: not in the paste, not guessed.
    assert.ok(notShown(d).includes('schannel-tls12-server-enabled'));
  });

  it('the same, in English: reg.exe ERROR after `reg query KEY /v NAME` is that value missing', () => {
    const d = diagnose(
      [
        'C:\\>reg query "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319" /v SchUseStrongCrypto',
        'ERROR: The system was unable to find the specified registry key or value.',
      ].join('\n'),
    );
    assert.deepEqual(shown(d), { 'net4-schusestrongcrypto': [null, false] });
    assert.deepEqual(
      d.commands.map((c) => c.code),
      ['reg add "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319" /v SchUseStrongCrypto /t REG_DWORD /d 1 /f'],
    );
    assert.equal(d.lang, undefined);
  });

  it('only the 64-bit keys set (Select-Object tables, Get-ItemPropertyValue): the 32-bit values are missing', () => {
    const d = diagnose(PASTES.ONLY_64BIT_TABLE);
    assert.deepEqual(shown(d), {
      'net4-systemdefaulttlsversions': [1, true],
      'net4-schusestrongcrypto': [1, true],
      'net4-wow-systemdefaulttlsversions': [null, false],
      'net4-wow-schusestrongcrypto': [null, false],
      'winhttp-defaultsecureprotocols': [2720, true],
      'winhttp-wow-defaultsecureprotocols': [null, false],
    });
    assert.deepEqual(
      d.commands.map((c) => c.code),
      [
        // The table doesn't show the key exists (an empty row looks the same without it): reg add is safe either way.
        'reg add "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319" /v SystemDefaultTlsVersions /t REG_DWORD /d 1 /f',
        'reg add "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319" /v SchUseStrongCrypto /t REG_DWORD /d 1 /f',
        // "Property … does not exist at path …" shows the key is there.
        "New-ItemProperty -Path 'HKLM:\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp' -Name DefaultSecureProtocols -Value 2720 -PropertyType DWord -Force",
      ],
    );
    assert.equal(d.rebootNeeded, true, 'WinHTTP is read at start');
  });

  it('`Ssl3, Tls` from [Net.ServicePointManager]::SecurityProtocol: the session has no TLS 1.2', () => {
    const d = diagnose(PASTES.SSL3_TLS_SESSION);
    assert.deepEqual(shown(d), { 'session-securityprotocol': [240, false] });
    assert.deepEqual(
      d.commands.map((c) => c.code),
      ['[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12'],
    );
    assert.equal(d.rebootNeeded, false);
    // The lasting fix is in .NET: the read commands for those keys are offered.
    assert.ok(d.readCommands.includes('reg query "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319"'));
    assert.deepEqual(shown(diagnose('Tls, Tls11, Tls12')), { 'session-securityprotocol': [4032, true] }, 'a paste of only the output');
    assert.deepEqual(shown(diagnose('PS C:\\> [System.Net.ServicePointManager]::SecurityProtocol\nSystemDefault')), {
      'session-securityprotocol': [0, true],
    });
  });

  it("HealthChecker's TLS section: NULL is missing; TLS 1.0/1.1 are not judged", () => {
    const d = diagnose(PASTES.HEALTHCHECKER_TLS);
    assert.deepEqual(shown(d), {
      'schannel-tls12-server-enabled': [1, true],
      'schannel-tls12-server-disabledbydefault': [0, true],
      'schannel-tls12-client-enabled': [1, true],
      'schannel-tls12-client-disabledbydefault': [0, true],
      'net4-systemdefaulttlsversions': [1, true],
      'net4-schusestrongcrypto': [1, true],
      'net4-wow-systemdefaulttlsversions': [1, true],
      'net4-wow-schusestrongcrypto': [null, false],
      'net2-systemdefaulttlsversions': [null, false],
      'net2-schusestrongcrypto': [null, false],
      'net2-wow-systemdefaulttlsversions': [null, false],
      'net2-wow-schusestrongcrypto': [null, false],
      'session-securityprotocol': [0, true],
    });
    assert.deepEqual(
      d.commands.map((c) => c.code),
      [
        "New-ItemProperty -Path 'HKLM:\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319' -Name SchUseStrongCrypto -Value 1 -PropertyType DWord -Force",
        'reg add "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727" /v SystemDefaultTlsVersions /t REG_DWORD /d 1 /f',
        'reg add "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727" /v SchUseStrongCrypto /t REG_DWORD /d 1 /f',
        'reg add "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727" /v SystemDefaultTlsVersions /t REG_DWORD /d 1 /f',
        'reg add "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727" /v SchUseStrongCrypto /t REG_DWORD /d 1 /f',
      ],
    );
    assert.equal(d.rebootNeeded, false);
  });

  it('Get-ItemProperty on a key that does not exist (English and German) makes all its values missing', () => {
    const en = diagnose(
      [
        "PS C:\\> Get-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client'",
        "Get-ItemProperty : Cannot find path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client' because it does not exist.",
      ].join('\n'),
    );
    const de = diagnose(
      'Get-ItemProperty : Der Pfad "HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client" kann nicht gefunden werden, da er nicht vorhanden ist.',
    );
    for (const d of [en, de]) {
      assert.deepEqual(shown(d), {
        'schannel-tls12-client-enabled': [null, false],
        'schannel-tls12-client-disabledbydefault': [null, false],
      });
      assert.deepEqual(
        d.commands.map((c) => c.code),
        [
          `reg add "${SCHANNEL}\\Client" /v Enabled /t REG_DWORD /d 1 /f`,
          `reg add "${SCHANNEL}\\Client" /v DisabledByDefault /t REG_DWORD /d 0 /f`,
        ],
      );
    }
    assert.equal(de.lang, 'de');
    const valueDe = diagnose(
      'Get-ItemPropertyValue : Die Eigenschaft "SchUseStrongCrypto" ist im Pfad "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319" nicht vorhanden.',
    );
    assert.deepEqual(shown(valueDe), { 'net4-schusestrongcrypto': [null, false] });
  });

  it('a reg.exe listing without its command line is not taken as complete: values not listed are "not in your paste"', () => {
    const d = diagnose(
      ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319', '    SystemDefaultTlsVersions    REG_DWORD    0x1'].join('\n'),
    );
    assert.deepEqual(shown(d), { 'net4-systemdefaulttlsversions': [1, true] });
    assert.ok(notShown(d).includes('net4-schusestrongcrypto'));
  });

  it('WinHTTP: any value with the TLS 1.2 bit (0x800) is right; without it, wrong', () => {
    const key = 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';
    assert.deepEqual(shown(diagnose(`${key}\n    DefaultSecureProtocols    REG_DWORD    0xa00`)), {
      'winhttp-defaultsecureprotocols': [0xa00, true],
    });
    const d = diagnose(`${key}\n    DefaultSecureProtocols    REG_DWORD    0xa0`);
    assert.deepEqual(shown(d), { 'winhttp-defaultsecureprotocols': [0xa0, false] });
    assert.deepEqual(
      d.commands.map((c) => c.code),
      [
        "New-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp' -Name DefaultSecureProtocols -Value 2720 -PropertyType DWord -Force",
      ],
    );
  });

  it('every rule names its source, versions and why, in both languages', () => {
    for (const rule of RULES) {
      assert.ok(rule.source.length > 0 && rule.source.every((s) => s.url.startsWith('https://')), rule.id);
      assert.ok(rule.exchange.length > 0, rule.id);
      assert.ok(rule.why.en && rule.why.de && rule.setting.en && rule.setting.de, rule.id);
    }
    assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length, 'ids are unique');
  });

  it('text that shows no TLS setting is not a configuration', () => {
    for (const text of [
      '',
      'hello',
      'Enabled : 1',
      'TLS 1.2 is enabled on all servers',
      "Get-ItemProperty : Cannot find path 'HKLM:\\SOFTWARE\\Contoso' because it does not exist.",
    ]) {
      assert.equal(diagnose(text).recognised, false, text);
    }
  });

  it('skips overlong lines and over-wide tables instead of scanning them (bounded work on hostile pastes)', () => {
    const long = `${'  a'.repeat(50_000)} REG_DWORD 0x1`;
    assert.equal(parsePaste(long).values.size, 0);
    const wide = `PS C:\\> Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319'\n${'Enabled '.repeat(20)}\n${'------- '.repeat(20)}\n${'      1 '.repeat(20)}`;
    assert.equal(parsePaste(wide).values.size, 0);
    // A lone protocol list is only the SecurityProtocol output when it is the whole paste.
    assert.equal(diagnose('Tls\n'.repeat(1000)).recognised, false);
  });
});

describe('diagnosis: the cheap test before reading a paste (mayShowConfiguration)', () => {
  /** Every paste of this file's shapes, as pasted, wrapped at 40 columns and with doubled backslashes made single. */
  const recognised = Object.values(PASTES)
    .flatMap((text) => [text, text.replace(/[^\n]{40}/g, '$&\n'), text.replace(/\\\\/g, '\\')])
    // Each rule's value as a `path | name | value` line with the path bare (`SYSTEM\…`): the fewest backslashes it can have.
    .concat(RULES.filter((r) => r.kind !== 'session').map((r) => `${r.path.replace(/^HKLM\\/, '')} | ${r.name} | ${r.expected}\nmore text`))
    .concat(['Tls12', '  Tls, Tls12\n\n', 'SecurityProtocol : Tls12', '[Net.ServicePointManager]::SecurityProtocol\nTls12']);

  it('never turns away a paste the diagnosis recognises, down to the last backslash', () => {
    let checked = 0;
    for (const text of recognised) {
      // Take the paste's backslashes away one by one from the start: wherever it is still recognised, the test lets it through.
      let variant = text;
      for (;;) {
        if (diagnose(variant).recognised) {
          assert.equal(mayShowConfiguration(variant), true, variant);
          checked++;
        }
        const at = variant.indexOf('\\');
        if (at < 0) break;
        variant = variant.slice(0, at) + variant.slice(at + 1);
      }
    }
    assert.ok(checked > 30, `recognised variants checked: ${checked}`);
  });

  it('turns away error pastes, so they are not read line by line', () => {
    const psRecord = [
      "[PS] C:\\Windows\\system32>Set-FederatedOrganizationIdentifier -DelegationFederationTrust 'Microsoft Federation Gateway'",
      'An error occurred while attempting to provision Exchange to the Partner STS.',
      '    + CategoryInfo          : NotSpecified: (:) [Set-FederatedOrganizationIdentifier], ProvisioningException',
    ].join('\n');
    assert.equal(mayShowConfiguration(psRecord), false);
    assert.equal(mayShowConfiguration('Enabled : 1\nDisabledByDefault : 0'), false);
    assert.equal(mayShowConfiguration('Tls\n'.repeat(1000)), false);
  });
});
