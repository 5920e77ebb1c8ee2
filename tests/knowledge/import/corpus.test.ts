import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { importArticle } from '../../../src/knowledge/import';
import type { Article, Command } from '../../../src/knowledge/types';
import { corpusFile, corpusFiles, requireShared } from './corpus';

function load(id: string): Article {
  const file = corpusFile(id);
  const { article, problems } = importArticle(file, fs.readFileSync(file, 'utf8'));
  assert.ok(article, `${id} imports: ${JSON.stringify(problems)}`);
  return article;
}

/** The first line of every `>` quote block in Markdown text. */
function quoteBlocks(markdown: string): string[] {
  const firsts: string[] = [];
  let inQuote = false;
  for (const line of markdown.split('\n')) {
    const quoted = /^\s*(?:[-*]\s+)?>\s?(.*)$/.exec(line);
    if (quoted && !inQuote) firsts.push(quoted[1].trim());
    inQuote = Boolean(quoted) || (inQuote && line.trim() !== '');
  }
  return firsts;
}

const errorsOf = (a: Article): string[] => a.symptoms.flatMap((s) => s.errors.en ?? []);
const commandsOf = (a: Article): Command[] => a.steps.flatMap((s) => s.commands ?? []);

describe('import: every article of ../shared/corpus (Microsoft support-docs Markdown)', function () {
  before(function () {
    requireShared(this);
  });

  it('imports each file into an article: title, error texts where the article shows an error, steps where it has a fix', function () {
    const files = corpusFiles()!;
    assert.ok(files.length >= 120, `expected the ~130 corpus articles, found ${files.length}`);
    const failures: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const { article, problems } = importArticle(file, text);
      const id = path.basename(file, '.md');
      if (!article) {
        failures.push(`${id}: no article (${problems.map((p) => p.message).join('; ')})`);
        continue;
      }
      if (article.id !== id) failures.push(`${id}: id ${article.id}`);
      if (!article.title.en?.trim()) failures.push(`${id}: empty title`);
      if (!article.cause.en?.trim()) failures.push(`${id}: empty cause`);
      if (article.symptoms.length === 0) failures.push(`${id}: no symptom`);
      // an article shows an error message when its symptoms quote one (a `>` quote that is no [!NOTE]) or show output
      const body = text.split(/^## (?:Cause|Resolution|Solution|Workaround)/m)[0];
      const showsError = quoteBlocks(body).some((first) => !first.startsWith('[!')) || /```output/.test(body);
      if (showsError && errorsOf(article).length === 0) failures.push(`${id}: the error message was not found`);
      const hasFix = /^#{2,3} (?:Resolution|Solution|Workaround)/m.test(text);
      if (hasFix && article.steps.length === 0) failures.push(`${id}: no steps`);
      const json = JSON.stringify(article);
      if (/:::|\[!NOTE\]|\[!WARNING\]|\[!INCLUDE|<!--/.test(json))
        failures.push(`${id}: a DocFX directive or comment was left in the text`);
      if (/Still need help\?/.test(json)) failures.push(`${id}: support-site boilerplate left in`);
      for (const command of commandsOf(article)) {
        if (/[\r\n]/.test(command.code)) failures.push(`${id}: command on several lines: ${command.code}`);
      }
      for (const ref of article.references) {
        if (!/^https?:\/\/[^\s]+$/.test(ref.url)) failures.push(`${id}: reference URL not absolute: ${ref.url}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('puts no corpus article into an error state and reports the reasons for its warnings', function () {
    const file = corpusFile('cannot-accept-external-sharing-invitation-in-outlook');
    const { article, problems } = importArticle(file, fs.readFileSync(file, 'utf8'));
    assert.ok(article);
    assert.deepEqual(
      problems.map((p) => [p.field, p.message]),
      [
        ['symptoms', 'import: no error message found; the symptom is described in words only'],
        ['steps', 'import: no resolution section; steps taken from Status / More information'],
      ],
    );
    // its "Status" section is the advice it has
    assert.match(article.steps[0].text.en!, /Microsoft is currently developing a fix/);
  });
});

describe('import: spot checks on corpus articles of different shapes', function () {
  before(function () {
    requireShared(this);
  });

  it('free-busy-sharing-issues-tls12: several error quotes under custom headings, cause found in the resolution, products', function () {
    const a = load('free-busy-sharing-issues-tls12');
    assert.equal(a.title.en, 'Resolve free/busy sharing issues in a hybrid Exchange environment');
    assert.deepEqual(a.languages, ['en']);
    const errors = errorsOf(a);
    assert.equal(errors.length, 5);
    assert.ok(
      errors.includes(
        `PowerShell failed to invoke 'Set-FederatedOrganizationIdentifier': An error occurred while attempting to provision Exchange to the Partner STS. Detailed Information "An error occurred accessing Windows Live. Detailed information: "The underlying connection was closed: An unexpected error occurred on a send."."`,
      ),
    );
    assert.ok(errors.some((e) => e.endsWith('An unexpected error occurred on a receive."."')));
    assert.ok(
      errors.some((e) => e.startsWith('PowerShell failed to invoke \'Add-FederatedDomain\': Unable to reserve the URI "contoso.com"')),
    );
    assert.ok(
      errors.includes(
        'System.Net.WebException: The underlying connection was closed: An unexpected error occurred on a send. System.IO.IOException: Unable to read data from the transport connection: An existing connection was forcibly closed by the remote host.',
      ),
    );
    assert.equal(new Set(a.symptoms.map((s) => s.id)).size, a.symptoms.length);
    assert.match(a.cause.en!, /TLS 1\.2 isn't fully enabled/);
    assert.match(a.steps[0].text.en!, /Exchange Server TLS configuration best practices/);
    assert.deepEqual(a.products.slice(0, 2), [
      { name: 'Exchange Server', versions: ['2019', '2016', '2013'] },
      { name: 'Exchange Online', versions: [] },
    ]);
    assert.ok(a.products.some((p) => p.name === 'Outlook' && p.versions.includes('LTSC 2021')));
    assert.deepEqual(a.source, {
      title: 'Resolve free/busy sharing issues in a hybrid Exchange environment',
      url: 'https://learn.microsoft.com/troubleshoot/exchange/hybrid-configuration-wizard-errors/free-busy-sharing-issues-tls12',
      license: 'CC BY 4.0',
    });
    // site-relative links become absolute learn.microsoft.com links
    assert.ok(a.references.some((r) => r.url === 'https://learn.microsoft.com/Exchange/exchange-tls-configuration'));
    assert.ok(a.references.some((r) => r.url === 'https://www.ssllabs.com/ssltest/' && r.title.en === 'Qualys SSL Server Test'));
  });

  it('the-underlying-connection-was-closed-error: HCW log error with lazy quote lines; stack frames dropped; nested steps with a command', function () {
    const a = load('the-underlying-connection-was-closed-error');
    assert.equal(a.symptoms.length, 1);
    const [error] = errorsOf(a);
    assert.equal(
      error,
      `ERROR:Updating hybrid configuration failed with error 'Subtask Configure execution failed: Creating Organization Relationships. Execution of the Set-FederatedOrganizationIdentifier cmdlet had thrown an exception. This may indicate invalid parameters in your Hybrid Configuration settings. An error occurred while attempting to provision Exchange to the Partner STS. Detailed Information ""An error occurred accessing Windows Live. Detailed information: ""The underlying connection was closed: The connection was closed unexpectedly."".""."`.slice(
        0,
        -1,
      ),
    );
    assert.match(a.cause.en!, /proxy settings are configured incorrectly/);
    assert.equal(a.steps.length, 3);
    assert.match(a.steps[1].text.en!, /^ {3}1\. Set the proxy in Internet Explorer\.$/m);
    assert.deepEqual(a.steps[1].commands, [
      { shell: 'powershell', code: 'Set-ExchangeServer NameOfServer -InternetWebProxy Http://proxyURL:Port' },
    ]);
    assert.equal(a.steps[2].text.en, 'Rerun the Hybrid Configuration wizard.');
  });

  it('request-failed-with-http-status-403-forbidden: "Problem"/"Solution" headings; the inner detail kept; no support boilerplate', function () {
    const a = load('request-failed-with-http-status-403-forbidden');
    assert.equal(a.title.en, 'The request failed with HTTP status 403: Forbidden when you run the Hybrid Configuration wizard');
    const [error] = errorsOf(a);
    assert.match(error, /Detailed information: ""The request failed with HTTP status 403: Forbidden\.""/);
    assert.doesNotMatch(error, /RemotePowershellSession\.RunCommand/);
    assert.match(a.cause.en!, /timing issue/);
    assert.deepEqual(
      a.steps.map((s) => s.text.en),
      ['Wait approximately 30 minutes, and then rerun the Hybrid Configuration wizard.'],
    );
  });

  it('hcw-erros-about-accepted-domains: one symptom per HCW code, ids from the codes, escapes removed', function () {
    const a = load('hcw-erros-about-accepted-domains');
    assert.deepEqual(
      a.symptoms.map((s) => s.id),
      ['hcw8004', 'hcw8009', 'hcw8016', 'hcw8017', 'hcw8029', 'hcw8030'],
    );
    assert.deepEqual(a.symptoms[1].errors, {
      en: ['HCW8009 Coexistence domain contoso.com is not an Accepted Domain in your <NameOfTenant> tenant.'],
    });
    assert.equal(
      a.symptoms[0].description.en,
      'When you run the Hybrid Configuration wizard (HCW), you receive one of the following error messages.',
    );
    assert.equal(a.steps.length, 3);
    assert.match(a.steps[2].text.en!, /^Run the Hybrid Configuration wizard again\./);
  });

  it('hcw8010-default-receive-connector-not-found: fenced PowerShell with several commands, placeholders, Exchange Management Shell', function () {
    const a = load('hcw8010-default-receive-connector-not-found');
    assert.deepEqual(errorsOf(a), ['HCW8010 Default Receive Connector cannot be found on server <ServerName>.']);
    assert.match(a.cause.en!, /IPv6\) is disabled/);
    const commands = commandsOf(a);
    assert.deepEqual(
      commands.map((c) => c.code),
      [
        "Get-ReceiveConnector -Server <ServerName> | Where {$_.Bindings -match '25'}",
        '$rc = Get-ReceiveConnector "<ServerName>\\Default Frontend <ServerName>"',
        '$rc.Bindings += "[::]:25"',
        'Set-ReceiveConnector $rc -Bindings $rc.Bindings',
      ],
    );
    assert.ok(
      commands.every((c) => c.shell === 'exchange-management-shell'),
      JSON.stringify(commands.map((c) => c.shell)),
    );
    assert.deepEqual(
      commands[1].placeholders?.map((p) => p.name),
      ['ServerName'],
    );
    assert.equal(commands[2].placeholders, undefined);
  });

  it('migration-endpoint-could-not-be-created: :::image directives removed, error in a bare code block, "Solution N:" headings', function () {
    const a = load('migration-endpoint-could-not-be-created');
    assert.deepEqual(a.symptoms.map((s) => s.id).slice(0, 1), ['hcw8078']);
    assert.deepEqual(a.symptoms[0].errors, { en: ["'HCW8078 - Migration Endpoint could not be created.'"] });
    assert.match(
      a.symptoms[1].errors.en![0],
      /MigrationConnectionTestedTooRecentlyException\|The last connection attempt happened too recently/,
    );
    assert.match(a.cause.en!, /GRAPH endpoint is throttling/);
    assert.ok(a.steps.some((s) => s.text.en!.startsWith('Solution 2: Rerun HCW and skip the Migration Endpoint option: ')));
    assert.doesNotMatch(JSON.stringify(a), /:::|\.png/);
  });

  it('1007-accessdenied-or-ensure-your-system-time-is-correct-error: two errors, two symptoms', function () {
    const a = load('1007-accessdenied-or-ensure-your-system-time-is-correct-error');
    assert.equal(a.symptoms.length, 2);
    assert.match(a.symptoms[0].errors.en![0], /Detailed information: "1007 AccessDenied: Access Denied\."/);
    assert.match(
      a.symptoms[1].errors.en![0],
      /^Unable to federate your domain, your system time appears to be more than five minutes out of sync/,
    );
    assert.match(a.symptoms[1].id, /^unable-federate-domain/);
    assert.match(a.cause.en!, /out of sync with a valid time server/);
  });

  it('execution-failed-configure-legacy-exchange-support-error: [!NOTE] and [!WARNING] callouts go into the step text; a note-only resolution is a step', function () {
    const a = load('execution-failed-configure-legacy-exchange-support-error');
    const texts = a.steps.map((s) => s.text.en!);
    assert.ok(
      texts.some((t) =>
        t.startsWith('Resolution 2 - Mail-enable the Exchange admin account: Note: You should always mail-enable Exchange admin accounts.'),
      ),
    );
    assert.ok(
      texts.some(
        (t) =>
          /^Resolution 3 - Use ADSI Edit to remove the empty Servers container: Start ADSI Edit\./.test(t) &&
          /\nWarning: This procedure requires ADSI Edit\./.test(t),
      ),
    );
    assert.deepEqual(
      commandsOf(a).map((c) => [c.shell, c.code]),
      [
        ['exchange-management-shell', 'Add-PsSnapin Microsoft.Exchange.Management.Powershell.Setup'],
        ['exchange-management-shell', 'Install-FreeBusyFolder'],
        ['exchange-management-shell', 'Update-PublicFolderHierarchy'],
        ['exchange-management-shell', 'Get-PublicFolder "\\NON_IPM_SUBTREE\\SCHEDULE+ FREE BUSY" -recurse | fl identity'],
      ],
    );
    assert.match(a.cause.en!, /Cause 1: The External Schedule\+ Free Busy public folder/);
  });

  it('you-must-specify-the-primaryonly-parameter-error: scenario sections with their own ### Cause and ### Resolution', function () {
    const a = load('you-must-specify-the-primaryonly-parameter-error');
    assert.deepEqual(errorsOf(a), [
      'Error: MigrationPermanentException ErrorSummary: You must specify the PrimaryOnly parameter',
      'Error: ParameterValueRequiredPermanentException ErrorSummary: You must specify the ArchiveDomain parameter',
    ]);
    const moves = commandsOf(a).filter((c) => c.code.startsWith('New-MoveRequest'));
    assert.equal(moves.length, 2);
    assert.ok(moves.every((c) => c.shell === 'exchange-online-powershell'));
    assert.ok(moves[0].placeholders?.some((p) => p.name === 'on-premises MRS proxy URL'));
  });

  it('cannot-migrate-on-premises-primary-mailbox: the shell of each command comes from its own bullet', function () {
    const a = load('cannot-migrate-on-premises-primary-mailbox');
    const [onPremises, cloud] = a.steps[0].commands!;
    assert.deepEqual(onPremises, {
      shell: 'exchange-management-shell',
      code: 'Get-Mailbox -Identity <name of affected mailbox> | FL *archive*',
      placeholders: [
        {
          name: 'name of affected mailbox',
          description: { en: 'Replace <name of affected mailbox> with the value for your organization.' },
        },
      ],
    });
    assert.equal(cloud.shell, 'exchange-online-powershell');
    assert.equal(cloud.code, 'Get-MailUser -Identity <name of affected mailbox> | FL *archive*');
  });

  it('winrm-client-cannot-complete-operation-with-time-specified-error: a command continued on the next line is one line', function () {
    const a = load('winrm-client-cannot-complete-operation-with-time-specified-error');
    assert.deepEqual(
      commandsOf(a).map((c) => c.code),
      [
        "Update-EmailAddressPolicy -Identity 'CN=Default Policy,CN=Recipient Policies,CN=<Exchange Org>,CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=<DN of Org>",
      ],
    );
  });

  it('error-move-mailboxes-to-from-o365: page-relative links resolve against the article address; typos in commands repaired', function () {
    const a = load('error-move-mailboxes-to-from-o365');
    assert.ok(
      a.references.some((r) => r.url === 'https://learn.microsoft.com/troubleshoot/exchange/move-mailboxes/hybrid-deployment-errors'),
    );
    assert.ok(
      commandsOf(a).some(
        (c) => c.code === 'Set-WebServicesVirtualDirectory -Identity "Server\\EWS(default Web site)" -MRSProxyEnabled $true',
      ),
    );
  });

  it('microsoft-365-group-email-delivery-fails: Markdown escapes left in code by the author are removed from commands', function () {
    const a = load('microsoft-365-group-email-delivery-fails');
    const codes = commandsOf(a).map((c) => c.code);
    // `\|` and `\$` are never meant in PowerShell; `\*` may be part of a path, so it stays
    assert.ok(codes.includes('Get-SendConnector -Identity *Outbound to Office 365\\* | fl name,AddressSpaces'), codes.join('\n'));
    assert.ok(codes.includes('Set-InboundConnector -Identity "Inbound connector name" -CloudServicesMailEnabled $true'));
    assert.ok(codes.every((c) => !/\\[$|<>]/.test(c)));
    assert.match(errorsOf(a)[0], /550 5\.7\.133 RESOLVER\.RST\.SenderNotAuthenticatedForGroup/);
  });

  it('outlook-does-not-connect-with-modern-authentication: the AADSTS500011 error in an output block under Resolution is an error; the Get-MsolServicePrincipal note stays a command', function () {
    const a = load('outlook-does-not-connect-with-modern-authentication');
    assert.ok(
      errorsOf(a).some((e) =>
        /"error_description":"AADSTS500011: The resource principal named <resource principal name> was not found in the tenant named <tenant name>\./.test(
          e,
        ),
      ),
      errorsOf(a).join('\n'),
    );
    assert.ok(
      commandsOf(a).some((c) => c.code.startsWith('Get-MsolServicePrincipal -AppPrincipalId 00000002-0000-0ff1-ce00-000000000000')),
    );
    assert.ok(errorsOf(a).every((e) => !/Get-MsolServicePrincipal/.test(e)));
  });

  it('cannot-view-freebusy-information-for-remote-user: the Test-OrganizationRelationship warning under Cause, cut to its error properties; console blocks stay commands', function () {
    const a = load('cannot-view-freebusy-information-for-remote-user');
    const errors = errorsOf(a);
    assert.ok(
      errors.includes(
        "Id : LocalFederatedDomainsAreMissingFromTheRemoteOrganizationRelationsipDomains Status : Warning Description : There are locally federated domains that aren't present in the list of domains for the remote organization relationship object.",
      ),
      errors.join('\n'),
    );
    assert.ok(errors.every((e) => !/RunspaceId|\$OrgRel/.test(e)));
    assert.ok(commandsOf(a).some((c) => c.code === '$OrgRel = Get-OrganizationRelationship Contoso'));
  });

  it("users-prompted-credentials-after-adding-shared-mailbox: the [LoginPermException] under More information is the main symptom's error", function () {
    const a = load('users-prompted-credentials-after-adding-shared-mailbox');
    assert.match(
      a.symptoms[0].errors.en?.[0] ?? '',
      /^\[LoginPermException\] 'User SID: SID' can't act as owner of a MailUser object .* \(StoreError=LoginPerm\)$/,
    );
    assert.ok(commandsOf(a).some((c) => c.code === 'Set-CASMailbox tony@contoso.com -PublicFolderClientAccess $true'));
  });

  it('mailbox-exists-exo-onpremises: the restore report after the command in a PowerShell block is an error; the informational entry and the command are not', function () {
    const a = load('mailbox-exists-exo-onpremises');
    const errors = errorsOf(a);
    assert.ok(
      errors.includes(
        "Message : Fatal error RecipientNotFoundPermanentException has occurred. Failure : RecipientNotFoundPermanentException: Cannot find a recipient that has mailbox GUID '2ed5d0ca-54e2-4226-xxxx-a48848e18c0f'.",
      ),
      errors.join('\n'),
    );
    assert.ok(
      errors.every((e) => !/Copy progress|Get-MailboxRestoreRequest/.test(e)),
      errors.join('\n'),
    );
    assert.ok(
      commandsOf(a).some((c) =>
        /^Get-MailboxRestoreRequest "<mailbox's ID>" \| Get-MailboxRestoreRequestStatistics -IncludeReport \|/.test(c.code),
      ),
    );
  });

  it('user-is-already-being-moved-error: two Error: records in one quote are two symptoms; the parts quoted again under Cause join the symptom they come from', function () {
    const a = load('user-is-already-being-moved-error');
    assert.equal(a.symptoms.length, 2);
    const [first, second] = a.symptoms.map((s) => s.errors.en ?? []);
    assert.match(
      first[0],
      /^Error: UserAlreadyBeingMigratedException: .* --> Mailbox 'Name' is already being moved to 'Cloud Database Name'\.$/,
    );
    assert.ok(first.includes("Mailbox 'Name' is already being moved to '<Cloud Database Name>'."), first.join('\n'));
    assert.match(second[0], /^Error: MigrationPermanentException: The onboarding move could not be created/);
    assert.ok(second.includes("The onboarding move could not be created because user 'Name' is already being moved."), second.join('\n'));
  });

  it('hybrid-move-fails and federation-certificate-with-thumbprint-not-found: _x000A_ decoded and the frames of a bare stack trace kept; the [PS] prompt line left out', function () {
    const trace = errorsOf(load('hybrid-move-fails')).find((e) => e.includes('StackTrace')) ?? '';
    assert.ok(!/_x000/.test(trace), trace);
    assert.match(
      trace,
      /^<S N="StackTrace"> at Microsoft\.Exchange\.MailboxReplicationService\.CommonUtils\.CallService \(Action serviceCall/,
    );
    const federation = errorsOf(load('federation-certificate-with-thumbprint-not-found'));
    assert.ok(
      federation.some((e) =>
        e.startsWith('Federation certificate with the thumbprint "<thumbprint of the current certificate>" cannot be found.'),
      ),
      federation.join('\n'),
    );
    assert.ok(federation.every((e) => !/\[PS\]/.test(e)));
  });
});
