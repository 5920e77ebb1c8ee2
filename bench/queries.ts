/**
 * The pastes every engine is timed with: what admins really paste, from one line to a log excerpt.
 * All three show the federation-trust symptom of the built-in article `exo-legacy-tls-hybrid`, so
 * every knowledge base size holds the right answer (and the synthetic near-duplicates around it).
 */
import { createRandom } from './random';

export interface BenchQuery {
  /** Stable name used in the results. */
  name: 'short' | 'ps-record' | 'log-10k';
  label: string;
  text: string;
  /** The article a good engine answers with. */
  expect: string;
}

const FEDERATION_ERROR =
  'An error occurred while attempting to provision Exchange to the Partner STS. Detailed Information "An error occurred accessing Windows Live. ' +
  'Detailed information: "The underlying connection was closed: An unexpected error occurred on a send."';

/** A PowerShell error record as the Exchange Management Shell prints it (server names, request ids, time stamps). */
const PS_RECORD = [
  "[PS] C:\\Windows\\system32>Set-FederatedOrganizationIdentifier -DelegationFederationTrust 'Microsoft Federation Gateway' -AccountNamespace tailspintoys.com -Enabled $true",
  FEDERATION_ERROR,
  '    + CategoryInfo          : NotSpecified: (:) [Set-FederatedOrganizationIdentifier], ProvisioningException',
  '    + FullyQualifiedErrorId : [Server=EXMBX02,RequestId=7d1e9a40-3b2c-4f8e-9a11-5c6d7e8f9012,TimeStamp=11/28/2026 7:12:45 AM] ' +
    '[FailureCategory=Cmdlet-ProvisioningException] 1A2B3C4D,Microsoft.Exchange.Management.SystemConfigurationTasks.SetFederatedOrganizationIdentifier',
  '    + PSComputerName        : exmbx02.tailspintoys.local',
].join('\n');

const LOG_ACTIVITIES = [
  'Connecting to on-premises organization',
  'Reading hybrid configuration',
  'Checking accepted domains',
  'Validating certificates',
  'Querying federation information',
  'Getting organization relationship',
  'Checking OAuth configuration',
  'Reading receive connectors',
];

/**
 * About 10 KB of Hybrid Configuration Wizard log: informational lines around the one failing subtask,
 * like the excerpt an admin copies out of the HCW log folder. Deterministic.
 */
export function hcwLogExcerpt(bytes = 10_240): string {
  const random = createRandom(42);
  const line = (n: number, level: string, text: string) => {
    const ms = String(100 + n * 37)
      .padStart(3, '0')
      .slice(-3);
    const s = String(n % 60).padStart(2, '0');
    return `2026.11.28 07:${String(10 + Math.floor(n / 60)).padStart(2, '0')}:${s}.${ms} 10332 [Client=UX, Activity=${random.pick(LOG_ACTIVITIES)}, Thread=${1 + random.int(12)}] ${level}:${text}`;
  };
  const before: string[] = [];
  const after: string[] = [];
  let n = 0;
  const info = () =>
    line(
      n++,
      'INFO',
      `Cmdlet: Get-${random.pick(['AcceptedDomain', 'ExchangeCertificate', 'FederationTrust', 'OrganizationRelationship', 'ReceiveConnector', 'SendConnector'])} ` +
        `-DomainController 'dc0${1 + random.int(4)}.tailspintoys.local' completed in ${10 + random.int(900)} ms, ${random.int(20)} objects returned.`,
    );
  while (before.join('\n').length < bytes * 0.55) before.push(info());
  const failure =
    line(
      n++,
      'ERROR',
      "Updating hybrid configuration failed with error 'Subtask Configure execution failed: Configure Organization Relationship",
    ) +
    '\nExecution of the Set-FederatedOrganizationIdentifier cmdlet has thrown an exception. This may indicate invalid parameters in your Hybrid Configuration settings.\n' +
    `PowerShell failed to invoke 'Set-FederatedOrganizationIdentifier': ${FEDERATION_ERROR}`;
  const size = () => [...before, failure, ...after].join('\n').length;
  while (size() < bytes) after.push(info());
  return [...before, failure, ...after].join('\n').slice(0, bytes);
}

export function benchQueries(): BenchQuery[] {
  return [
    {
      name: 'short',
      label: 'short paste (1 line)',
      text: `Set-FederatedOrganizationIdentifier : ${FEDERATION_ERROR}`,
      expect: 'exo-legacy-tls-hybrid',
    },
    { name: 'ps-record', label: 'PowerShell error record', text: PS_RECORD, expect: 'exo-legacy-tls-hybrid' },
    { name: 'log-10k', label: '10 KB HCW log excerpt', text: hcwLogExcerpt(), expect: 'exo-legacy-tls-hybrid' },
  ];
}
