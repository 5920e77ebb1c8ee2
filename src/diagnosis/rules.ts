/**
 * What a healthy TLS configuration of an Exchange server looks like, as data: one rule per registry value
 * (or per session setting), each with the value Microsoft's guidance expects, where it applies, why it
 * matters and where that comes from. The diagnosis (diagnose.ts) only compares a paste against this table;
 * adding a setting means adding a row here, not code.
 *
 * Facts (paths, value names, values) are taken from Microsoft's "Exchange Server TLS guidance" parts 1–3,
 * "Exchange Server TLS configuration best practices" and HealthChecker's TLS checks (CSS-Exchange,
 * Shared/TLS/Get-AllTlsSettingsFromRegistry.ps1 and Analyzer/Security/Invoke-AnalyzerSecuritySettings.ps1).
 * The explanations are our own words.
 */
import type { Localized } from '../knowledge/types';

/** A published source a rule is taken from. */
export interface RuleSource {
  title: string;
  url: string;
}

export const SOURCES = {
  part1: {
    title: 'Exchange Server TLS guidance, part 1: Getting ready for TLS 1.2',
    url: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/exchange-server-tls-guidance-part-1-getting-ready-for-tls-1-2/ba-p/607649',
  },
  part2: {
    title: 'Exchange Server TLS guidance, part 2: Enabling TLS 1.2 and identifying clients not using it',
    url: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/exchange-server-tls-guidance-part-2-enabling-tls-1-2-and/ba-p/607761',
  },
  part3: {
    title: 'Exchange Server TLS guidance, part 3: Turning off TLS 1.0/1.1',
    url: 'https://techcommunity.microsoft.com/t5/exchange-team-blog/exchange-server-tls-guidance-part-3-turning-off-tls-1-0-1-1/ba-p/607898',
  },
  bestPractices: {
    title: 'Exchange Server TLS configuration best practices',
    url: 'https://learn.microsoft.com/exchange/plan-and-deploy/post-installation-tasks/security-best-practices/exchange-tls-configuration',
  },
  healthChecker: {
    title: 'HealthChecker: TLS Configuration Check',
    url: 'https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/TLSConfigurationCheck/',
  },
  kb3140245: {
    title: 'KB3140245: TLS 1.1 and TLS 1.2 as default secure protocols in WinHTTP',
    url: 'https://support.microsoft.com/help/3140245',
  },
} as const satisfies Record<string, RuleSource>;

/**
 * How a found value is judged. `equals`: exactly this number. `bits`: every bit of the mask is set
 * (`DefaultSecureProtocols` lists protocols as bit flags; TLS 1.2 is 0x800).
 */
export type Accept = { equals: number } | { bits: number };

export interface Rule {
  /** Stable id, e.g. `schannel-tls12-client-enabled`. */
  id: string;
  /** Short name shown to people, e.g. `TLS 1.2 client: Enabled`. */
  setting: Localized;
  /**
   * The registry key as `HKLM\…` (compared without regard to case); for a session setting the expression
   * that reads it, e.g. `[Net.ServicePointManager]`.
   */
  path: string;
  /** The registry value name (or property), e.g. `Enabled`. */
  name: string;
  /** What the fix command sets: a DWORD for registry rules, the enum value for the session rule. */
  expected: number;
  /** Values that count as right. Default: exactly `expected`. */
  accept?: Accept[];
  /** Exchange Server versions the rule matters for. */
  exchange: string[];
  /** Windows Server versions the rule matters for; empty: all that run these Exchange versions. */
  windows: string[];
  /** Why it matters: what goes wrong when it is not set. */
  why: Localized;
  /** A change that takes effect only after a restart of Windows (SCHANNEL and WinHTTP settings). */
  reboot: boolean;
  source: RuleSource[];
  /** `registry`: fixed with New-ItemProperty; `session`: a value of the running PowerShell session. */
  kind: 'registry' | 'session';
}

const SCHANNEL = 'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2';
const NET4 = 'HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319';
const NET4_WOW = 'HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319';
const NET2 = 'HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727';
const NET2_WOW = 'HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727';
const WINHTTP = 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';
const WINHTTP_WOW = 'HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp';

const ALL_EXCHANGE = ['2010 SP3', '2013', '2016', '2019'];

function schannel(side: 'Client' | 'Server', name: 'Enabled' | 'DisabledByDefault'): Rule {
  const enabled = name === 'Enabled';
  const role = {
    Client: {
      en: 'connections this server opens (to Exchange Online, the Microsoft Federation Gateway)',
      de: 'Verbindungen, die dieser Server aufbaut (zu Exchange Online, zum Microsoft Federation Gateway)',
    },
    Server: {
      en: 'connections this server accepts (from Exchange Online and other servers)',
      de: 'Verbindungen, die dieser Server annimmt (von Exchange Online und anderen Servern)',
    },
  }[side];
  return {
    id: `schannel-tls12-${side.toLowerCase()}-${enabled ? 'enabled' : 'disabledbydefault'}`,
    setting: { en: `TLS 1.2 ${side.toLowerCase()}: ${name}`, de: `TLS 1.2 ${side === 'Client' ? 'Client' : 'Server'}: ${name}` },
    path: `${SCHANNEL}\\${side}`,
    name,
    expected: enabled ? 1 : 0,
    exchange: ALL_EXCHANGE,
    windows: [],
    why: enabled
      ? {
          en: `Windows (SCHANNEL) may use TLS 1.2 for ${role.en} only when this is 1; with 0 TLS 1.2 is switched off whatever the application asks for.`,
          de: `Windows (SCHANNEL) darf TLS 1.2 für ${role.de} nur verwenden, wenn dieser Wert 1 ist; bei 0 ist TLS 1.2 abgeschaltet, egal was die Anwendung verlangt.`,
        }
      : {
          en: `With 1, TLS 1.2 is not offered for ${role.en} unless an application asks for it explicitly; .NET applications that use the system defaults then fall back to older versions.`,
          de: `Bei 1 wird TLS 1.2 für ${role.de} nur angeboten, wenn eine Anwendung es ausdrücklich verlangt; .NET-Anwendungen, die die Systemstandards nutzen, fallen dann auf ältere Versionen zurück.`,
        },
    reboot: true,
    source: [SOURCES.part2, SOURCES.bestPractices, SOURCES.healthChecker],
    kind: 'registry',
  };
}

function dotnet(path: string, version: '4' | '3.5', wow: boolean, name: 'SystemDefaultTlsVersions' | 'SchUseStrongCrypto'): Rule {
  const bits = wow ? { en: '32-bit', de: '32-Bit' } : { en: '64-bit', de: '64-Bit' };
  const framework = version === '4' ? '.NET Framework 4.x' : '.NET Framework 3.5';
  const what =
    name === 'SystemDefaultTlsVersions'
      ? {
          en: `lets ${bits.en} ${framework} applications use the TLS versions Windows allows (including TLS 1.2) instead of their own older defaults`,
          de: `lässt ${bits.de}-Anwendungen unter ${framework} die TLS-Versionen nutzen, die Windows erlaubt (auch TLS 1.2), statt ihrer eigenen älteren Vorgaben`,
        }
      : {
          en: `makes ${bits.en} ${framework} applications use strong cryptography, which includes TLS 1.2, and not the weak old protocols`,
          de: `lässt ${bits.de}-Anwendungen unter ${framework} starke Kryptografie verwenden – dazu gehört TLS 1.2 – statt der schwachen alten Protokolle`,
        };
  return {
    id: `net${version === '4' ? '4' : '2'}${wow ? '-wow' : ''}-${name.toLowerCase()}`,
    setting: {
      en: `${framework} (${bits.en}): ${name}`,
      de: `${framework} (${bits.de}): ${name}`,
    },
    path,
    name,
    expected: 1,
    exchange: version === '4' ? ['2013', '2016', '2019'] : ['2010 SP3', '2013', '2016', '2019'],
    windows: [],
    why: {
      en: `1 ${what.en}. Exchange's connections to Exchange Online are made by .NET code; without it they can still try TLS 1.0 and are refused.`,
      de: `1 ${what.de}. Die Verbindungen von Exchange zu Exchange Online baut .NET-Code auf; ohne diesen Wert versucht er womöglich noch TLS 1.0 und wird abgewiesen.`,
    },
    reboot: false,
    source: [SOURCES.part2, SOURCES.bestPractices, SOURCES.healthChecker],
    kind: 'registry',
  };
}

function winhttp(path: string, wow: boolean): Rule {
  return {
    id: `winhttp${wow ? '-wow' : ''}-defaultsecureprotocols`,
    setting: {
      en: `WinHTTP (${wow ? '32-bit' : '64-bit'}): DefaultSecureProtocols`,
      de: `WinHTTP (${wow ? '32-Bit' : '64-Bit'}): DefaultSecureProtocols`,
    },
    path,
    name: 'DefaultSecureProtocols',
    // 0xAA0: TLS 1.0 (0x80), TLS 1.1 (0x200) and TLS 1.2 (0x800); only the TLS 1.2 bit is required.
    expected: 0xaa0,
    accept: [{ bits: 0x800 }],
    exchange: ALL_EXCHANGE,
    windows: ['2008 R2 SP1', '2012'],
    why: {
      en: 'WinHTTP on Windows Server 2008 R2 and 2012 offers TLS 1.2 only when this value includes 0x800 (with update KB3140245 installed); newer Windows offers it by default, and the value makes that explicit.',
      de: 'WinHTTP unter Windows Server 2008 R2 und 2012 bietet TLS 1.2 nur an, wenn dieser Wert 0x800 enthält (mit installiertem Update KB3140245); neuere Windows-Versionen tun es von sich aus, der Wert legt es ausdrücklich fest.',
    },
    reboot: true,
    source: [SOURCES.part1, SOURCES.part2, SOURCES.kb3140245],
    kind: 'registry',
  };
}

/** `[Net.SecurityProtocolType]` values, as PowerShell prints them (`Ssl3, Tls` is 48 | 192). */
export const SECURITY_PROTOCOL_TYPES: Readonly<Record<string, number>> = {
  SystemDefault: 0,
  Ssl3: 48,
  Tls: 192,
  Tls11: 768,
  Tls12: 3072,
  Tls13: 12288,
};

export const SESSION_PROTOCOL_RULE: Rule = {
  id: 'session-securityprotocol',
  setting: { en: 'This PowerShell session: SecurityProtocol', de: 'Diese PowerShell-Sitzung: SecurityProtocol' },
  path: '[Net.ServicePointManager]',
  name: 'SecurityProtocol',
  expected: SECURITY_PROTOCOL_TYPES.Tls12!,
  // SystemDefault leaves the choice to Windows, which then allows TLS 1.2.
  accept: [{ bits: SECURITY_PROTOCOL_TYPES.Tls12! }, { equals: SECURITY_PROTOCOL_TYPES.SystemDefault! }],
  exchange: ALL_EXCHANGE,
  windows: [],
  why: {
    en: 'Cmdlets run in this session (Set-FederatedOrganizationIdentifier, the Hybrid Configuration Wizard) connect with these protocols; without Tls12 they cannot reach Exchange Online. The lasting fix is the .NET values above (SchUseStrongCrypto, SystemDefaultTlsVersions); the command fixes this session only.',
    de: 'Cmdlets in dieser Sitzung (Set-FederatedOrganizationIdentifier, der Hybridkonfigurations-Assistent) verbinden sich mit diesen Protokollen; ohne Tls12 erreichen sie Exchange Online nicht. Dauerhaft helfen die .NET-Werte oben (SchUseStrongCrypto, SystemDefaultTlsVersions); der Befehl hilft nur dieser Sitzung.',
  },
  reboot: false,
  source: [SOURCES.part1, SOURCES.bestPractices],
  kind: 'session',
};

/** Every rule, in the order the answer lists them. */
export const RULES: readonly Rule[] = [
  schannel('Server', 'Enabled'),
  schannel('Server', 'DisabledByDefault'),
  schannel('Client', 'Enabled'),
  schannel('Client', 'DisabledByDefault'),
  dotnet(NET4, '4', false, 'SystemDefaultTlsVersions'),
  dotnet(NET4, '4', false, 'SchUseStrongCrypto'),
  dotnet(NET4_WOW, '4', true, 'SystemDefaultTlsVersions'),
  dotnet(NET4_WOW, '4', true, 'SchUseStrongCrypto'),
  dotnet(NET2, '3.5', false, 'SystemDefaultTlsVersions'),
  dotnet(NET2, '3.5', false, 'SchUseStrongCrypto'),
  dotnet(NET2_WOW, '3.5', true, 'SystemDefaultTlsVersions'),
  dotnet(NET2_WOW, '3.5', true, 'SchUseStrongCrypto'),
  winhttp(WINHTTP, false),
  winhttp(WINHTTP_WOW, true),
  SESSION_PROTOCOL_RULE,
];

/**
 * Keys the guidance also covers but the diagnosis does not judge: whether TLS 1.0/1.1 stay on is a choice
 * (part 3 turns them off once everything speaks TLS 1.2). A paste showing them is still a configuration.
 */
export const RECOGNISED_ONLY_KEYS = [
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Client',
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.0\\Server',
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Client',
  'HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.1\\Server',
];

/** Whether `value` is right for `rule`. */
export function accepts(rule: Rule, value: number): boolean {
  return (rule.accept ?? [{ equals: rule.expected }]).some((a) => ('equals' in a ? value === a.equals : (value & a.bits) === a.bits));
}
