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

/** SOURCES by their placeholder names, normalised once (every answer looks up each placeholder of its commands). */
const SOURCE_BY_NAME: ReadonlyMap<string, PlaceholderSource> = new Map(
  [...SOURCES].reverse().flatMap((s) => s.placeholders.map((p) => [normalizeName(p), s] as const)),
);

/** The source for a placeholder name, if PasteFix knows where such a value shows in a paste. */
export function sourceFor(placeholder: string): PlaceholderSource | undefined {
  return SOURCE_BY_NAME.get(normalizeName(placeholder));
}

/**
 * The value of each known placeholder kind the paste shows exactly once (the same value repeated counts as
 * once; two different values fill nothing).
 */
export function valuesInPaste(text: string): Map<ValueKind, FoundValue> {
  const found = new Map<ValueKind, FoundValue[]>(READERS.map((r) => [r.kind, []]));
  for (const line of text.split(/\r?\n/)) {
    if (line.length > MAX_LINE) continue;
    // Lower-cased once per line for every reader's cheap test (it ran once per reader and line, on every paste turn).
    const lower = line.toLowerCase();
    for (const { kind, readers } of READERS) {
      for (const reader of readers) {
        const raw = reader.read(line, lower);
        if (raw === undefined) continue;
        const value = raw.replace(/\.$/, '');
        if (!(kind === 'domain' ? DOMAIN : SERVER).test(value)) continue;
        found.get(kind)!.push({ value, from: reader.from });
      }
    }
  }
  const out = new Map<ValueKind, FoundValue>();
  for (const [kind, values] of found) {
    const distinct = new Set(values.map((v) => v.value.toLowerCase()));
    if (distinct.size === 1) out.set(kind, values[0]!);
  }
  return out;
}

/** Reads one place of SOURCES off a line (given as written and lower-cased); `from` is what the answer names. */
interface Reader {
  from: string;
  read(line: string, lower: string): string | undefined;
}

/** SOURCES as readers, their patterns compiled once (they were built anew for every line of every paste). */
const READERS = SOURCES.map((source) => ({
  kind: source.kind,
  readers: source.from.map((where): Reader =>
    'field' in where ? fieldReader(where.field) : parameterReader(where.cmdlet, where.parameter),
  ),
}));

/** `-Parameter value`, `-Parameter 'value'`, `-Parameter:value` on a line that runs `cmdlet` (`*`: any). */
function parameterReader(cmdlet: string, parameter: string): Reader {
  const command = cmdlet === '*' ? undefined : cmdlet.toLowerCase();
  const flag = `-${parameter.toLowerCase()}`;
  const pattern = new RegExp(`(?:^|\\s)-${parameter}(?::\\s*|\\s+)(?:'([^']*)'|"([^"]*)"|([^\\s'"]+))`, 'i');
  return {
    from: `${command === undefined ? '' : `${cmdlet} `}-${parameter}`,
    read(line, lower) {
      const at = command === undefined ? 0 : lower.indexOf(command);
      if (at < 0 || !lower.includes(flag)) return undefined;
      const m = pattern.exec(at === 0 ? line : line.slice(at));
      return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
    },
  };
}

/** `[Server=EX01,RequestId=…]` in an Exchange error record. */
function fieldReader(field: string): Reader {
  const pattern = new RegExp(`\\[${field}=([^,\\]\\s]+)[,\\]]`, 'i');
  const opening = `[${field.toLowerCase()}=`;
  return {
    from: `[${field}=…]`,
    read: (line, lower) => (lower.includes(opening) ? pattern.exec(line)?.[1] : undefined),
  };
}
