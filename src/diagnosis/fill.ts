/**
 * Values for command placeholders that a paste shows: the domain of the federation trust in a
 * `Set-FederatedOrganizationIdentifier -AccountNamespace …` or `Get-FederationInformation -DomainName …` line,
 * a server name in `-Server …` or in an error record's `[Server=…]`. What is read where is data (SOURCES);
 * a value is used only when the paste shows exactly one, and only when it looks like what it stands for —
 * never a guess.
 */

/** How a value looks: a DNS domain or a server (NetBIOS or DNS) name. */
export type ValueKind = 'domain' | 'server';

export interface PlaceholderSource {
  /** Placeholder names this fills, compared without regard to case, spaces or hyphens (`<ServerName>` = `<server name>`). */
  placeholders: string[];
  kind: ValueKind;
  /** Where the paste shows the value: a parameter of a cmdlet (`*`: any cmdlet), or a field of an error record. */
  from: ({ cmdlet: string; parameter: string } | { field: string })[];
}

export const SOURCES: readonly PlaceholderSource[] = [
  {
    placeholders: ['account namespace', 'domain', 'domain name', 'federated domain'],
    kind: 'domain',
    from: [
      { cmdlet: 'Set-FederatedOrganizationIdentifier', parameter: 'AccountNamespace' },
      { cmdlet: 'Get-FederationInformation', parameter: 'DomainName' },
      { cmdlet: 'Add-FederatedDomain', parameter: 'DomainName' },
    ],
  },
  {
    placeholders: ['server name', 'server', 'exchange server', 'exchange server name'],
    kind: 'server',
    from: [{ cmdlet: '*', parameter: 'Server' }, { field: 'Server' }],
  },
];

/** A value found in the paste, and where: `Set-FederatedOrganizationIdentifier -AccountNamespace`, `[Server=…]`. */
export interface FoundValue {
  value: string;
  from: string;
}

const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const SERVER = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9-]{1,63})*$/i;
/** Lines longer than this are not command lines; skipping them keeps the work linear. */
const MAX_LINE = 4000;

function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]+/g, '');
}

/** The source for a placeholder name, if PasteFix knows where such a value shows in a paste. */
export function sourceFor(placeholder: string): PlaceholderSource | undefined {
  const wanted = normalizeName(placeholder);
  return SOURCES.find((s) => s.placeholders.some((p) => normalizeName(p) === wanted));
}

/**
 * The value of each known placeholder kind the paste shows exactly once (the same value repeated counts as
 * once; two different values fill nothing).
 */
export function valuesInPaste(text: string): Map<ValueKind, FoundValue> {
  const found = new Map<ValueKind, FoundValue[]>();
  const lines = text.split(/\r?\n/).filter((l) => l.length <= MAX_LINE);
  for (const source of SOURCES) {
    const seen: FoundValue[] = [];
    for (const line of lines) {
      for (const where of source.from) {
        const raw = 'field' in where ? fieldValue(line, where.field) : parameterValue(line, where.cmdlet, where.parameter);
        if (raw === undefined) continue;
        const value = raw.replace(/\.$/, '');
        if (!(source.kind === 'domain' ? DOMAIN : SERVER).test(value)) continue;
        seen.push({
          value,
          from: 'field' in where ? `[${where.field}=…]` : `${where.cmdlet === '*' ? '' : `${where.cmdlet} `}-${where.parameter}`,
        });
      }
    }
    found.set(source.kind, seen);
  }
  const out = new Map<ValueKind, FoundValue>();
  for (const [kind, values] of found) {
    const distinct = new Set(values.map((v) => v.value.toLowerCase()));
    if (distinct.size === 1) out.set(kind, values[0]!);
  }
  return out;
}

/** `-Parameter value`, `-Parameter 'value'`, `-Parameter:value` on a line that runs `cmdlet`. */
function parameterValue(line: string, cmdlet: string, parameter: string): string | undefined {
  const lower = line.toLowerCase();
  const at = cmdlet === '*' ? 0 : lower.indexOf(cmdlet.toLowerCase());
  if (at < 0 || !lower.includes(`-${parameter.toLowerCase()}`)) return undefined;
  const rest = line.slice(at);
  const m = new RegExp(`(?:^|\\s)-${parameter}(?::\\s*|\\s+)(?:'([^']*)'|"([^"]*)"|([^\\s'"]+))`, 'i').exec(rest);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** `[Server=EX01,RequestId=…]` in an Exchange error record. */
function fieldValue(line: string, field: string): string | undefined {
  const m = new RegExp(`\\[${field}=([^,\\]\\s]+)[,\\]]`, 'i').exec(line);
  return m?.[1];
}
