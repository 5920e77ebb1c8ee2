import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../src/knowledge/load';
import type { Article } from '../../src/knowledge/types';
import { apiAnchors, scenarioAnchors } from '../../src/knowledge/vocabulary';
import { Matcher } from '../../src/matching/matcher';
import {
  accountKinds,
  articleAccounts,
  articleScenario,
  consoleElsewhere,
  deniedDeployments,
  deniedInLines,
  deniedInTitle,
  isErrorsLine,
  nounOf,
  otherAccount,
  outsideScenario,
  pasteConsole,
  pasteScenario,
  whereBeside,
  type ArticleScenario,
  type PasteScenario,
} from '../../src/matching/scenario';
import { buildSignals } from '../../src/matching/signals';
import { describedArticle, englishArticle as article } from '../helpers/articles';

/** README "How matching works": the scenario rule and `-->` chains, on small hand-made texts. */

const kbOf = (articles: Article[]): KnowledgeBase => ({ articles, byId: new Map(articles.map((a) => [a.id, a])), problems: [] });
/** As checkScenario (errorCaps.ts) reads a hit that found `found`: the paste's anchors beside the error's own lines. */
const otherScenario = (paste: PasteScenario, found: ReadonlySet<string>, article: ArticleScenario) =>
  outsideScenario(
    whereBeside(paste, (k) => isErrorsLine(paste.lines[k].terms.length, paste.lines[k].terms.filter((t) => found.has(t)).length)),
    article,
  );
const top = (m: Matcher, text: string) => {
  const r = m.match(text);
  return [r.decision, r.matches[0]?.article ?? null, r.matches[0]?.score ?? null];
};

describe('matching: the scenario rule (scenario.ts) and -->-chains', () => {
  describe('vocabulary: where a text says something happened', () => {
    it('reads cmdlets (by noun, in parts), scripts, the HCW, services named in words or URL paths, event ids', () => {
      assert.deepEqual(
        [...scenarioAnchors("PS C:\\tools> .\\Run-Frobnicator.ps1\nAdd-DistributionGroupMember -Identity 'x'")],
        ['script:run-frobnicator.ps1', 'cmdlet:distribution-group-member'],
      );
      assert.deepEqual([...scenarioAnchors('Test-OAuthConnectivity -Service EWS')], ['cmdlet:o-auth-connectivity', 'service:oauth']);
      assert.deepEqual(
        [...scenarioAnchors('New-PSSession -ConnectionUri https://outlook.office365.com/powershell-liveid/')],
        ['cmdlet:ps-session', 'service:remote-powershell'],
      );
      assert.deepEqual([...scenarioAnchors('The Hybrid Configuration Wizard stopped. Event ID: 4002')], ['service:hcw', 'event:4002']);
      // Event Viewer's copy pads the field name to line the values up
      assert.deepEqual([...scenarioAnchors('Log Name:      Application\nEvent ID:      9876\nLevel:         Error')], ['event:9876']);
      // German Event Viewer's label for the same id.
      assert.deepEqual([...scenarioAnchors('Protokollname: Application\nEreignis-ID:   9876\nEbene:         Fehler')], ['event:9876']);
      assert.deepEqual([...scenarioAnchors('Event ID:\n9876')], []);
    });

    it('reads a cmdlet with a one-word noun with its verb: every article names a mailbox, not every one Set-Mailbox', () => {
      assert.deepEqual([...scenarioAnchors('Set-Mailbox -Identity kim')], ['cmdlet:set-mailbox']);
      assert.deepEqual([...scenarioAnchors('Get-Recipient kim')], ['cmdlet:get-recipient']);
      // A noun of several parts names the object: Get- and New-MoveRequest agree.
      assert.deepEqual([...scenarioAnchors('Get-DistributionGroup; New-DistributionGroup')], ['cmdlet:distribution-group']);
    });

    it('reads a session cmdlet with its verb: its noun is the service every article about it names', () => {
      assert.deepEqual([...scenarioAnchors('Connect-ExchangeOnline -AppId x')], ['cmdlet:connect-exchange-online']);
      assert.deepEqual([...scenarioAnchors('Disconnect-ExchangeOnline')], ['cmdlet:disconnect-exchange-online']);
      assert.deepEqual([...scenarioAnchors('Get-ExchangeOnlineWidget')], ['cmdlet:exchange-online-widget']);
      // Its noun in words is the service, not the command: an article that says "Exchange Online" does not agree.
      assert.equal(nounOf('cmdlet:connect-exchange-online'), 'connectexchange');
      const hybrid: ArticleScenario = { anchors: new Set(), squashed: 'mailflowfromexchangeonlinefails', nouns: new Map() };
      assert.deepEqual(outsideScenario(['cmdlet:connect-exchange-online'], hybrid), ['cmdlet:connect-exchange-online']);
    });

    it('reads a migration named in words as a scenario', () => {
      assert.deepEqual([...scenarioAnchors('Using the script to migrate a group, the migration fails')], ['service:migration']);
      assert.deepEqual([...scenarioAnchors('The groups were migrated last week')], ['service:migration']);
      assert.deepEqual([...scenarioAnchors('The emigration of the quokkas')], []);
    });

    it('reads no place from a sentence of a paste that says the task works there, and a place from one that names a failure', () => {
      assert.deepEqual([...scenarioAnchors('When I create an archive on premises the archive works fine in OWA.')], []);
      assert.deepEqual([...scenarioAnchors('I can forward the email if I do it manually via Outlook on the Web.')], []);
      assert.deepEqual([...scenarioAnchors('Autodiscover works. The mailbox move fails.')], ['service:mrs']);
      for (const failing of [
        'The archive no longer works in OWA.',
        'It works fine in OWA but fails in Outlook.',
        'I can see the error in OWA.',
        'I can reproduce it in Outlook on the web',
      ])
        assert.deepEqual([...scenarioAnchors(failing)], ['service:owa'], failing);
      // An article names its places in every sentence.
      assert.deepEqual([...scenarioAnchors('Users can open the archive in OWA.', false)], ['service:owa']);
    });

    it("reads no place from a program's hyphenated name, nor from what the paste says is still to come", () => {
      // `email-oauth2-proxy` is a program, not OAuth; the lower-case `powershell-liveid` of a URL path still names its endpoint.
      assert.deepEqual([...scenarioAnchors('Sending through Claws-Mail with email-oauth2-proxy.')], []);
      assert.deepEqual([...scenarioAnchors('with sasl-xoauth2 it fails')], []);
      assert.deepEqual([...scenarioAnchors('Sending with OAuth2 fails')], ['service:oauth']);
      assert.deepEqual([...scenarioAnchors('https://outlook.office365.com/powershell-liveid/')], ['service:remote-powershell']);
      // The users who will be migrated are not being migrated: the error came from something else.
      assert.deepEqual([...scenarioAnchors('I add the users who will be migrated from Gmail as mail users')], []);
      assert.deepEqual([...scenarioAnchors('the users were migrated from Gmail')], ['service:migration']);
    });

    it("reads a mail client's own connection (POP, IMAP, ActiveSync, SMTP submission) as a place, not a pop-up or a bare port", () => {
      for (const text of [
        'Our POP3 clients fail',
        'Thunderbird over IMAP fails',
        'SMTP on port 587 fails with the certificate',
        'MAIL_PORT=465',
        'SMTP AUTH is blocked',
        'the iPhones sync through ActiveSync',
        'Your server does not support the connection encryption type you have specified.',
      ])
        assert.deepEqual([...scenarioAnchors(text)], ['service:mail-client'], text);
      for (const text of ['A pop-up asks for the password', 'the connector sends over SMTP on port 25', 'we do not use IMAP', 'port 5870'])
        assert.deepEqual([...scenarioAnchors(text)], [], text);
    });

    it('reads no scenario from host names, hyphenated words or output cmdlets', () => {
      // `owa.contoso.com` is any server; the URL's path names the endpoint (the MRS proxy).
      assert.deepEqual([...scenarioAnchors("The call to 'https://owa.contoso.com/EWS/mrsproxy.svc' failed.")], ['service:mrs']);
      assert.deepEqual([...scenarioAnchors('On-Premises Non-Delivery Write-ErrorMessage : failed')], []);
    });
  });

  describe('rule: a generic line where the paste says it happened elsewhere is offered, not answered', () => {
    const moveError =
      "The call to 'https://<Server>/EWS/mrsproxy.svc' failed. Error details: The remote vault returned an error: (403) Forbidden.";
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(
        kbOf([
          article('move-403', [moveError], { title: { en: 'The remote vault returns 403 when you move mailboxes' } }),
          article('wizard-term', ["The term 'Get-WidgetConfig' is not recognized as the name of a cmdlet, function, script file."], {
            title: { en: 'Get-WidgetConfig is not recognized when you run the Hybrid Configuration Wizard' },
          }),
          article(
            'group-sync',
            ["The action '<cmdlet>', '<property>', can't be performed on the marmot object because it is synchronized."],
            {
              title: { en: 'Owners of a synced distribution group cannot manage the group' },
            },
          ),
          article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
        ]),
      );
    });

    it('answers the error alone, and in a paste whose scenario is the article’s', () => {
      assert.deepEqual(top(m, "The term 'Get-WidgetConfig' is not recognized as the name of a cmdlet, function, script file."), [
        'answer',
        'wizard-term',
        1,
      ]);
      // The HCW log says where: the wizard, which is the article's scenario.
      assert.deepEqual(
        top(
          m,
          "Hybrid Configuration Wizard log, Check Prereqs\nThe term 'Get-WidgetConfig' is not recognized as the name of a cmdlet, function, script file.",
        ),
        ['answer', 'wizard-term', 1],
      );
      // A cmdlet in the error line itself says what failed, not where; and its object is named in the article's words.
      assert.deepEqual(
        top(
          m,
          "Add-DistributionGroupMember : The action 'Add-DistributionGroupMember', 'Members', can't be performed on the marmot object because it is synchronized.",
        ),
        ['answer', 'group-sync', 1],
      );
    });

    it('caps it at 0.75 when the paste names another command, script, service or tool, none of them the article’s', () => {
      const script = m.match(
        "PS C:\\tools> .\\Run-Analyzer.ps1\nWARNING: The term 'Get-WidgetConfig' is not recognized as the name of a cmdlet, function, script file.",
      );
      assert.deepEqual([script.decision, script.matches[0]?.article, script.matches[0]?.score], ['clarify', 'wizard-term', 0.75]);
      const oauth = m.match(
        'Task : Checking the API call under OAuth\nSystem.Net.WebException: The remote vault returned an error: (403) Forbidden.',
      );
      assert.deepEqual([oauth.decision, oauth.matches[0]?.article, oauth.matches[0]?.score], ['clarify', 'move-403', 0.75]);
      // Without the line that says where, the same lines are answered.
      assert.equal(m.match('System.Net.WebException: The remote vault returned an error: (403) Forbidden.').decision, 'answer');
      const explained = m.match(
        "PS C:\\tools> .\\Run-Analyzer.ps1\nThe term 'Get-WidgetConfig' is not recognized as the name of a cmdlet, function, script file.",
        {
          explain: true,
        },
      );
      const rule = explained.matches[0].why?.rules.find((r) => r.rule === 'scenario');
      assert.equal(
        rule?.note,
        "capped at 0.75: the paste says it happened in script:run-analyzer.ps1, none of them in this article's scenario (offered, not answered)",
      );
    });

    it('compares the lines around the error, not the error line itself; a one-word noun does not stand for its command', () => {
      const scenario = articleScenario(article('a', ['x'], { title: { en: 'Moving mailboxes of a distribution group fails' } }));
      const paste = (text: string) => {
        const lines = text.split('\n');
        return pasteScenario(
          lines,
          lines.flatMap((l, line) =>
            l
              .toLowerCase()
              .split(/\W+/)
              .filter(Boolean)
              .map((term) => ({ term, line })),
          ),
        );
      };
      const found = new Set(['operation', 'failed', 'object']);
      assert.deepEqual(otherScenario(paste('Get-Recipient\noperation failed object'), found, scenario), ['cmdlet:get-recipient']);
      assert.equal(otherScenario(paste('Get-DistributionGroup\noperation failed object'), found, scenario), undefined);
      assert.equal(otherScenario(paste('New-MoveRequest\noperation failed object'), found, scenario), undefined, 'mrs agrees');
      assert.equal(otherScenario(paste('Get-Recipient operation failed object'), found, scenario), undefined, 'the error line');
    });
  });

  describe('rule: a migration the paste names is a scenario like a service', () => {
    const error = 'There are multiple quokkas matching the identity "<User>". Please specify a unique value.';
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(
        kbOf([
          article('inbox-rules', [error], { title: { en: 'Multiple quokkas match the identity when creating inbox rules in OWA' } }),
          article('other', ['Unrelated narwhal text about feeding schedules of the zoo.']),
        ]),
      );
    });
    const pasted = 'There are multiple quokkas matching the identity "Engineering". Please specify a unique value.';

    it('offers, not answers, the error of an article that names no migration when the paste says a migration failed', () => {
      assert.deepEqual(top(m, pasted), ['answer', 'inbox-rules', 1]);
      assert.deepEqual(top(m, `Using the script to migrate a mail-enabled group, the migration fails with this error\n${pasted}`), [
        'clarify',
        'inbox-rules',
        0.75,
      ]);
    });
  });

  describe('rule: Exchange Setup, app-only sign-in, the sync engine and scripts named in words are places too', () => {
    const error =
      'Wombat operation failed on <Server>. This error is not retriable. Additional information: Insufficient quokka rights to perform the operation.';
    const articles = [
      article('sid-filter', [error], {
        title: { en: 'Insufficient quokka rights when you run management cmdlets in another domain of the forest' },
        cause: { en: 'SID filter quarantining drops the groups of the computer account.' },
      }),
      article('setup-rights', [error], {
        title: { en: 'Insufficient quokka rights when you install a Cumulative Update' },
        cause: { en: 'The account that runs the upgrade lacks rights.' },
      }),
      article('other', ['Unrelated narwhal text about feeding schedules of the zoo.']),
    ];
    const only = (...ids: string[]) => new Matcher(kbOf(articles.filter((a) => ids.includes(a.id))));

    it("reads the setup console and log, its switches and checks, and 'during the installation' as Exchange Setup", () => {
      for (const line of [
        'The following error was generated when "$error.Clear(); $roleList = $RoleRoles" was run:',
        'Mailbox role: Transport service                       FAILED',
        'Step 1 of 13: Stopping Services',
        'setup.exe /PrepareAD /IAcceptExchangeServerLicenseTerms_DiagnosticDataOFF',
        '[11/29/2018 10:00:37.0447] [1] Failed [Rule:NetTcpPortSharingSvcNotAuto] [Message:The service must be started]',
        'C:\\ExchangeSetupLogs\\ExchangeSetup.log',
        'I got the following error message on the last deployment step:',
        'It fails during the installation of the Mailbox role',
      ])
        assert.deepEqual([...scenarioAnchors(line)], ['service:setup'], line);
      // A configuration (`our hybrid setup`), a handshake, an update named as a time, a negation: no place.
      for (const line of [
        'in our hybrid setup',
        'We are running a hybrid Exchange setup',
        '450 4.4.101 Proxy session setup failed on Frontend',
        'since CU23 was installed last week',
        'we did not run setup yet',
      ])
        assert.deepEqual([...scenarioAnchors(line)], [], line);
    });

    it('reads app-only and managed-identity sign-in, the sync engine, the Health Checker and SetupAssist', () => {
      assert.deepEqual([...scenarioAnchors('The runbook signs in with a managed identity')], ['service:app-only']);
      assert.deepEqual([...scenarioAnchors('Using app-only authentication')], ['service:app-only']);
      assert.deepEqual([...scenarioAnchors('The Microsoft Entra Connect export step fails')], ['service:sync']);
      assert.deepEqual([...scenarioAnchors('we are not using Azure AD Connect, strictly cloud only')], []);
      assert.deepEqual([...scenarioAnchors('Exchange Health Checker version 24.01.23')], ['script:healthchecker.ps1']);
      assert.deepEqual([...scenarioAnchors('.\\HealthChecker.ps1 -Server EX1')], ['script:healthchecker.ps1']);
      assert.deepEqual([...scenarioAnchors('SetupAssist found issues')], ['script:setupassist.ps1']);
    });

    it("takes an article's wider words for it: installing, upgrading, preparing; app credentials; synced objects", () => {
      const named = (en: string) => [...articleScenario(article('a', ['x'], { title: { en } })).anchors];
      assert.deepEqual(named('Errors when you install a Cumulative Update'), ['service:setup']);
      assert.deepEqual(named('Run Setup /PrepareAD first'), ['service:setup']);
      assert.deepEqual(named('Grant the application permission Exchange.ManageAsApp'), ['service:app-only']);
      assert.deepEqual(named('Owners of a synced group cannot manage it'), ['service:sync']);
      assert.deepEqual(named('Management cmdlets fail in another domain'), []);
      // Setup in the cause or the steps says when or how to fix, not where the error happens.
      const moving = article('m', ['x'], {
        title: { en: 'Moving mailboxes fails' },
        cause: { en: 'The file was overwritten during the upgrade to the latest Cumulative Update.' },
        steps: [{ text: { en: 'Install the latest CU.' } }],
      });
      assert.deepEqual([...articleScenario(moving).anchors], ['service:mrs']);
    });

    it('offers, not answers, an article that names none of them for the same error there', () => {
      assert.deepEqual(top(only('sid-filter', 'other'), error), ['answer', 'sid-filter', 1]);
      for (const where of [
        'I got the following error message on the last deployment step:',
        'Mailbox role: Transport service FAILED',
        'The Azure Automation runbook connects with a managed identity',
        'Azure AD Connect: the export to the forest fails',
        'Exchange Health Checker version 24.01.23',
      ])
        assert.deepEqual(top(only('sid-filter', 'other'), `${where}\n${error}`), ['clarify', 'sid-filter', 0.75], where);
      // The article about installing agrees with the setup paste.
      assert.deepEqual(top(only('setup-rights', 'other'), `Mailbox role: Transport service FAILED\n${error}`), [
        'answer',
        'setup-rights',
        1,
      ]);
      const explained = only('sid-filter', 'other').match(`Step 5 of 13: Mailbox role\n${error}`, { explain: true });
      assert.match(explained.matches[0].why?.rules.find((r) => r.rule === 'scenario')?.note ?? '', /happened in service:setup/);
    });
  });

  describe('rule: the cmdlet that printed a PowerShell error record says where it happened', () => {
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(
        kbOf([
          article('widget-migration', ["The operation couldn't be performed because 'Widget1' matches several wombat entries."], {
            title: { en: 'Errors during a widget migration' },
            steps: [
              { text: { en: 'Find the duplicates' }, commands: [{ shell: 'powershell', code: 'Get-Mailbox -Widget | Remove-Mailbox' }] },
            ],
          }),
          article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
        ]),
      );
    });
    const error = "The operation couldn't be performed because 'kim@contoso.com' matches several wombat entries.";

    it("caps the article at 0.75 when the record's cmdlet is not the article's, even on the error's own line", () => {
      assert.deepEqual(top(m, `Set-Mailbox : ${error}`), ['clarify', 'widget-migration', 0.75]);
      assert.deepEqual(top(m, `${error}\n    + CategoryInfo : NotSpecified: (:) [Set-Mailbox], ManagementObjectAmbiguousException`), [
        'clarify',
        'widget-migration',
        0.75,
      ]);
    });

    it('caps it when the paste connected to a service that the article names only in words', () => {
      const online = new Matcher(
        kbOf([
          article('widget-online', [error], { title: { en: 'Errors when the wizard moves widgets to Exchange Online' } }),
          article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
        ]),
      );
      assert.deepEqual(top(online, error), ['answer', 'widget-online', 1]);
      // `Connect-ExchangeOnline` says the paste ran in an Exchange Online session, which the title names only as a place.
      const session = `PS C:\\> Connect-ExchangeOnline -AppId x -Organization y\nPS C:\\> Set-Wombat -Identity kim\n${error}`;
      assert.deepEqual(top(online, session), ['clarify', 'widget-online', 0.75]);
    });

    it('answers it when the article names that very cmdlet, or when no cmdlet is named', () => {
      assert.deepEqual(top(m, `Get-Mailbox : ${error}`), ['answer', 'widget-migration', 1]);
      assert.deepEqual(top(m, error), ['answer', 'widget-migration', 1]);
      // A cmdlet named inside the message, not before its colon, is what failed, not where.
      assert.deepEqual(top(m, `Set-Mailbox ${error}`), ['answer', 'widget-migration', 1]);
    });
  });

  describe('rule: the interface a client program called (EWS, Graph) is where its error happened', () => {
    const error = 'The quokka server version does not match the wombat server version of the resource that was accessed.';
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(
        kbOf([
          article('web-app', [error], { title: { en: 'Cannot open a shared folder in Outlook on the web' } }),
          article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
        ]),
      );
    });

    it('reads EWS calls, classes and operations and Graph requests, not the EWS virtual directory nor its endpoints', () => {
      assert.deepEqual([...scenarioAnchors('$s = [Microsoft.Exchange.WebServices.Data.ExchangeService]::new()')], ['api:ews']);
      assert.deepEqual([...scenarioAnchors('Exception calling "Bind" with "2" argument(s): "The request failed."')], ['api:ews']);
      assert.deepEqual([...scenarioAnchors('Our EWS script runs a FindItem on the inbox')], ['api:ews']);
      assert.deepEqual([...scenarioAnchors('Calls to the Microsoft Graph API fail')], ['api:graph']);
      // Outlook, OWA's lookups, the HCW and mailbox moves reach Exchange through these too.
      assert.deepEqual([...scenarioAnchors('Reset the EWS virtual directory of the server')], []);
      assert.deepEqual([...scenarioAnchors("The call to 'https://mail.contoso.com/EWS/mrsproxy.svc' failed.")], ['service:mrs']);
      assert.deepEqual([...scenarioAnchors('https://mail.contoso.com/EWS/Exchange.asmx')], []);
      // A paste's lines lose their URLs: the paste as pasted names the Graph host.
      assert.deepEqual(apiAnchors('POST https://graph.microsoft.com/v1.0/me/sendMail'), ['api:graph']);
      assert.deepEqual(apiAnchors('GET /beta/users/kim/messages'), ['api:graph']);
      assert.deepEqual(apiAnchors('The item was found'), []);
    });

    it('answers the error alone, and offers it when the paste shows an EWS or Graph call printed it', () => {
      assert.deepEqual(top(m, error), ['answer', 'web-app', 1]);
      // On the error's own line too: the call's name before the message says where.
      assert.deepEqual(top(m, `EWS FindItem request failed: ${error}`), ['clarify', 'web-app', 0.75]);
      assert.deepEqual(top(m, `${error}\n   at Microsoft.Exchange.WebServices.Data.ServiceRequestBase.GetResponse()`), [
        'clarify',
        'web-app',
        0.75,
      ]);
      assert.deepEqual(top(m, `POST https://graph.microsoft.com/v1.0/users/kim/sendMail\n${error}`), ['clarify', 'web-app', 0.75]);
    });

    it("takes EWS in an article's title, and a REST API anywhere in it, as that interface", () => {
      const titled = article('teams', ['x'], { title: { en: "EWS isn't supported when accessing Teams data" } });
      assert.ok(articleScenario(titled).anchors.has('api:ews'));
      const rest = article('rest', ['REST API is not yet supported for this mailbox.']);
      assert.ok(articleScenario(rest).anchors.has('api:graph'));
      // Bare EWS in the body is mostly the server's side (its URL, virtual directory, logs).
      const body = article('vdir', ['x'], { cause: { en: 'The EWS external URL is not set.' } });
      assert.ok(!articleScenario(body).anchors.has('api:ews'));
    });

    it('answers it when the article names that interface', () => {
      const ews = new Matcher(
        kbOf([
          article('ews-app', [error], { title: { en: 'EWS applications fail to read a shared folder' } }),
          article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
        ]),
      );
      assert.deepEqual(top(ews, `EWS FindItem request failed: ${error}`), ['answer', 'ews-app', 1]);
    });
  });

  describe('rule: a deployment the paste says it does not have, named in the article title, is offered, not answered', () => {
    const error = 'The caller does not have access to the wombat data. Name of the server where exception originated.';
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(
        kbOf([
          article('wombat-hybrid', [error], { title: { en: 'Wombat data is missing in a hybrid deployment' } }),
          article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
        ]),
      );
    });

    it('answers the error alone and where the paste says nothing against the setup', () => {
      assert.deepEqual(top(m, error), ['answer', 'wombat-hybrid', 1]);
      assert.deepEqual(top(m, `We run Exchange 2019 in hybrid.\n${error}`), ['answer', 'wombat-hybrid', 1]);
      // A negation before another word says nothing about the setup.
      assert.deepEqual(top(m, `It does not work since Monday.\n${error}`), ['answer', 'wombat-hybrid', 1]);
    });

    it('offers it when the paste says the setup has no such deployment, in English or German', () => {
      for (const said of ['We have no hybrid, just Exchange 2016.', 'This is not a hybrid setup.', 'Wir haben kein Hybrid.']) {
        assert.deepEqual(top(m, `${error}\n${said}`), ['clarify', 'wombat-hybrid', 0.75], said);
      }
      const explained = m.match(`${error}\nWe have no hybrid.`, { explain: true }).matches[0];
      assert.ok(
        explained.why?.rules.some(
          (r) => r.note === "capped at 0.75: the paste says it has no hybrid, the article's title names it (offered, not answered)",
        ),
      );
    });

    it('reads the deployments a text denies, and which of them an article title names', () => {
      assert.deepEqual([...deniedDeployments('We have no hybrid exchange server')], ['hybrid']);
      assert.deepEqual([...deniedDeployments('not part of a hybrid')], ['hybrid']);
      assert.deepEqual([...deniedDeployments('without the Hybrid Configuration Wizard')], []);
      assert.deepEqual([...deniedDeployments('a hybrid deployment that does not sync')], []);
      // A future or a verb between the negation and the deployment; a setup said to be on-premises and nothing else.
      assert.deepEqual([...deniedDeployments('we are not going to have hybrid connectivity with office 365')], ['hybrid']);
      assert.deepEqual([...deniedDeployments('We do not use hybrid.')], ['hybrid']);
      for (const onPremises of [
        'This is completely an on premises environment.',
        'an ADFS project for a pure on-premises Exchange 2019 CU15 environment',
        'We are an on-prem only organization.',
      ])
        assert.deepEqual([...deniedDeployments(onPremises)], ['hybrid'], onPremises);
      // Which users, not which setup: no denial.
      assert.deepEqual([...deniedDeployments('Only on-premises mailboxes are affected, the cloud ones work.')], []);
      assert.deepEqual([...deniedDeployments('It fails for on-premises only users.')], []);
      assert.equal(deniedInTitle(new Set(['hybrid']), ['Free/busy fails in a hybrid deployment', undefined]), 'hybrid');
      assert.equal(deniedInTitle(new Set(['hybrid']), ['Free/busy fails in Exchange Online']), undefined);
    });

    it('offers, not answers, a description or its topic phrases where the paste says it has no deployment the title names', () => {
      const d = new Matcher(
        kbOf([
          describedArticle(
            'hybrid',
            'Hybrid wombat servers without quokka 1.2: burrow sharing and numbat trust fail',
            'Burrow sharing between wombat servers and the cloud stops.',
            { keywords: { en: ['quokka 1.2', 'quokka 1.0'] } },
          ),
          describedArticle('photos', 'User photos are not shown in Outlook', 'Photos of users are missing.'),
          describedArticle('rooms', 'Room lists are empty in Microsoft 365', 'The room finder shows no rooms for on-premises users.'),
        ]),
      );
      const question = 'Our wombat servers fail to accept quokka 1.0 instead of quokka 1.2.';
      assert.deepEqual(top(d, question), ['answer', 'hybrid', 1]);
      assert.deepEqual(top(d, `${question} Only on-premises users are affected.`), ['answer', 'hybrid', 1]);
      for (const said of ['We are not going to have hybrid connectivity with the cloud.', 'This is a pure on-premises environment.']) {
        const [decision, first] = top(d, `${question} ${said}`);
        assert.deepEqual([decision, first], ['clarify', 'hybrid'], said);
      }
      const why = d.match(`${question} We have no hybrid.`, { explain: true }).matches[0].why;
      assert.ok(
        why?.rules.some(
          (r) =>
            r.note ===
            "the paste says it has no hybrid, the article's title names it: a symptom named beside a setup the paste rules out (its topic phrases add nothing; offered, not answered)",
        ),
        JSON.stringify(why?.rules),
      );
    });

    it('reads what a paste says a user lacks, and an article title that names it as its condition', () => {
      assert.deepEqual([...deniedDeployments("The sender has Send on behalf, but doesn't have Full Access permission.")], ['full access']);
      assert.deepEqual([...deniedDeployments('The group has no delivery restrictions set')], ['delivery restrictions']);
      // A paste's lines: read as one text, a denial over a line break too; lines without a word a denial needs deny nothing.
      assert.deepEqual([...deniedInLines(["The sender has Send on behalf, but doesn't", 'have Full Access permission.'])], ['full access']);
      assert.deepEqual([...deniedInLines(['Set-Mailbox : The operation failed', 'We are not in', 'HYBRID'])], ['hybrid']);
      assert.deepEqual([...deniedInLines(['Set-Mailbox : The operation failed', 'At line:1 char:1'])], []);
      // A stop word in the two words is no name of a permission or setting (`permission to`).
      assert.deepEqual([...deniedDeployments("You don't have permission to send")], []);
      const title = "Can't send an email message when Full Access permission is granted to a shared mailbox";
      assert.equal(deniedInTitle(new Set(['full access']), [title]), 'full access');
      // The title denies it too: that is its symptom, not a setup the paste rules out.
      assert.equal(deniedInTitle(new Set(['full access']), ["Users who don't have Full Access can't open the mailbox"]), undefined);
      assert.equal(deniedInTitle(new Set(['full access']), ['Access is denied for full mailboxes']), undefined);
    });

    it('offers, not answers, an article whose title names as its condition what the paste says the user lacks', () => {
      const error = 'You do not have the permission to send the wombat on behalf of the specified users.';
      const m = new Matcher(
        kbOf([
          article('full', [error], { title: { en: 'Cannot send a wombat when Full Access permission is granted to a shared burrow' } }),
          article('other', ['Unrelated zebra text about the zoo.']),
        ]),
      );
      assert.equal(m.match(error).decision, 'answer');
      const r = m.match(`The sender has Send on behalf, but doesn't have Full Access permission.\n${error}`);
      assert.deepEqual([r.decision, r.matches[0].article], ['clarify', 'full']);
    });
  });

  describe('rule: who the error concerns (a guest, a shared mailbox…) against the kind of account the article is about', () => {
    const error = 'WombatNotEnabledForBurrowAPI: the burrow API is not yet supported for this wombat.';
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(
        kbOf([
          article('burrow', [error], {
            title: { en: 'Burrow API is not supported for a wombat' },
            cause: { en: 'The mailbox is hosted on-premises and is not a valid cloud mailbox.' },
          }),
          article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
        ]),
      );
    });

    it('reads the kinds of account a text names, in words and as recipient types', () => {
      assert.deepEqual([...accountKinds('Calls for guest users fail; the B2B account was invited')], ['guest']);
      assert.deepEqual([...accountKinds('UserType : Guest')], ['guest']);
      assert.deepEqual([...accountKinds('RecipientTypeDetails : SharedMailbox')], ['shared']);
      assert.deepEqual([...accountKinds('the room mailbox of the board room')], ['resource']);
      assert.deepEqual([...accountKinds("The user doesn't have a mailbox")], ['no-mailbox']);
      assert.deepEqual([...accountKinds('my on-premises-mailbox; the mailbox is on premises')], ['on-premises']);
      assert.deepEqual([...accountKinds('Der Gastbenutzer hat ein freigegebenes Postfach')], ['guest', 'shared']);
      // An e-mail user is anyone: no kind.
      assert.deepEqual([...accountKinds('All e-mail users get the error; the guest room is booked')], []);
    });

    it("takes an article's condition from its title and cause only, and clashes only kinds that can't be one account", () => {
      const a = article('a', ['x'], { cause: { en: 'The mailbox is hosted on-premises.' } });
      const accounts = articleAccounts(a, articleScenario(a));
      assert.deepEqual([...accounts.condition], ['on-premises']);
      assert.deepEqual(otherAccount(new Set(['guest']), accounts), ['guest', 'on-premises']);
      // A shared mailbox may be on-premises; a user without a mailbox in the cloud may have one there.
      assert.equal(otherAccount(new Set(['shared']), accounts), undefined);
      assert.equal(otherAccount(new Set(['no-mailbox']), accounts), undefined);
      // One kind the paste names that may be the article's is enough.
      assert.equal(otherAccount(new Set(['guest', 'shared']), accounts), undefined);
      // An article that names the paste's kind anywhere (a step for guests) considers it.
      const steps = article('b', ['x'], {
        cause: { en: 'The mailbox is hosted on-premises.' },
        steps: [{ text: { en: 'For guest users, invite them again.' } }],
      });
      assert.equal(otherAccount(new Set(['guest']), articleAccounts(steps, articleScenario(steps))), undefined);
      // An article without a condition is about any account.
      const none = article('c', ['x']);
      assert.equal(otherAccount(new Set(['guest']), articleAccounts(none, articleScenario(none))), undefined);
    });

    it('answers the error alone and for an account the article is about', () => {
      assert.deepEqual(top(m, error), ['answer', 'burrow', 1]);
      assert.deepEqual(top(m, `Our on-premises mailbox gets this:\n${error}`), ['answer', 'burrow', 1]);
      assert.deepEqual(top(m, `The shared mailbox gets this:\n${error}`), ['answer', 'burrow', 1]);
    });

    it('offers it when the paste concerns another kind of account, even where an interface anchor agrees', () => {
      assert.deepEqual(top(m, `Calendar calls for our guest users fail:\n${error}`), ['clarify', 'burrow', 0.75]);
      // The article names a REST API (api:graph) and so does the paste: the place agrees, the account does not.
      const graph = new Matcher(
        kbOf([
          article('rest', [error], {
            title: { en: 'REST API is not supported for a wombat' },
            cause: { en: 'The mailbox is hosted on-premises.' },
          }),
          article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
        ]),
      );
      assert.deepEqual(top(graph, `GET https://graph.microsoft.com/v1.0/users/kim/events\n${error}`), ['answer', 'rest', 1]);
      const r = graph.match(`GET https://graph.microsoft.com/v1.0/users/kim/events\nUserType : Guest\n${error}`, { explain: true });
      assert.deepEqual([r.decision, r.matches[0].article, r.matches[0].score], ['clarify', 'rest', 0.75]);
      assert.ok(
        r.matches[0].why?.rules.some(
          (x) =>
            x.note ===
            "capped at 0.75: the paste concerns an account of kind guest, the article's title or cause one of kind on-premises, which can't be the same account (offered, not answered)",
        ),
      );
    });
  });

  describe('rule: a console paste of a command PowerShell did not recognize is not a tool’s error the paste never names', () => {
    const term = (c: string) =>
      `The term '${c}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name.`;
    const error = `Execution of the Get-PonyConfig cmdlet has thrown an exception. ${term('Get-PonyConfig')}`;
    const hcw = (cause: string) =>
      new Matcher(
        kbOf([
          article('hcw-pony', [error], {
            title: { en: '(The term Get-PonyConfig is not recognized) error when you run the Hybrid Configuration wizard' },
            cause: { en: cause },
          }),
          article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
        ]),
      );
    const console = `PS C:\\Users\\admin> Get-PonyConfig\nGet-PonyConfig : ${term('Get-PonyConfig')}\nAt line:1 char:1\n+ Get-PonyConfig`;

    it('reads a console paste and the commands it did not recognize', () => {
      assert.deepEqual(pasteConsole(console), { names: ['get-ponyconfig'], anchors: new Set(['cmdlet:pony-config']) });
      assert.deepEqual(
        pasteConsole(`In Zeile:1 Zeichen:1\nDie Benennung "Get-Mailbox" wurde nicht als Name eines Cmdlet erkannt.`)?.names,
        ['get-mailbox'],
      );
      // A tool's log quotes the message without a console around it.
      assert.equal(pasteConsole(`ERROR : Subtask CheckPrereqs execution failed\n${term('Get-PonyConfig')}`), undefined);
    });

    it("offers the tool's article for the console paste, answers it for the tool's log and where the paste names the tool", () => {
      const m = hcw('The wizard needs a plan that can run Get-PonyMailflow.');
      assert.deepEqual(top(m, console), ['clarify', 'hcw-pony', 0.75]);
      assert.deepEqual(top(m, error).slice(0, 2), ['answer', 'hcw-pony']);
      assert.deepEqual(top(m, `Running the Hybrid Configuration Wizard again from the console:\n${console}`).slice(0, 2), [
        'answer',
        'hcw-pony',
      ]);
    });

    it('answers it when the article’s cause names the command that was not recognized (why it is missing)', () => {
      assert.deepEqual(top(hcw('The plan cannot run Get-PonyConfig.'), console).slice(0, 2), ['answer', 'hcw-pony']);
      const a = articleScenario(article('a', ['x'], { title: { en: 'Error when you run the Hybrid Configuration wizard' } }));
      const c = pasteConsole(console)!;
      assert.equal(
        consoleElsewhere(
          ['cmdlet:pony-config'],
          c,
          () => false,
          a,
          () => 'Another cause.',
        ),
        'service:hcw',
      );
      // A command that ran, and that the article names, agrees.
      const ran = articleScenario(article('b', ['x'], { title: { en: 'Set-PonyStable fails in the Hybrid Configuration wizard' } }));
      assert.equal(
        consoleElsewhere(
          ['cmdlet:pony-stable'],
          c,
          () => false,
          ran,
          () => 'Another cause.',
        ),
        undefined,
      );
    });
  });

  describe('rule: -->-chains are error chains like the others', () => {
    const chained =
      'WidgetAlreadyMovingException: The marmot user already has a pending request. --> Mailbox marmot is already being moved to the quokka store.';
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(
        kbOf([
          article('moving', [chained]),
          article('send', ['Syncing the gizmo failed. --> The marmot channel was closed: an unexpected fault occurred on a send.']),
          article('send2', [
            'Provisioning the doohickey failed. --> The marmot channel was closed: an unexpected fault occurred on a send.',
          ]),
          article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
        ]),
      );
    });

    it('finds the inner message after an arrow', () => {
      const sig = buildSignals([article('moving', [chained])]).errors[0];
      assert.deepEqual(
        sig.units.map((u) => [sig.terms.slice(u.start, u.end).join(' '), u.nested]),
        [
          ['widgetalreadymovingexception', false],
          ['marmot user already pending request', true],
          ['mailbox marmot already moved quokka store', true],
        ],
      );
      assert.equal(sig.detailUnit, 2);
      assert.deepEqual(sig.arrows, [{ unit: 2, detailUnit: 1 }]);
    });

    it('answers the outer message pasted alone (tools print it so), and the whole chain', () => {
      assert.deepEqual(top(m, 'WidgetAlreadyMovingException: The marmot user already has a pending request.'), ['answer', 'moving', 1]);
      assert.deepEqual(top(m, chained), ['answer', 'moving', 1]);
    });

    it('does not answer the outer message with another inner message, nor a shared inner message alone', () => {
      assert.notEqual(
        m.match(
          'WidgetAlreadyMovingException: The marmot user already has a pending request. --> The quokka store is offline for maintenance.',
        ).decision,
        'answer',
      );
      const inner = m.match('The marmot channel was closed: an unexpected fault occurred on a send.');
      assert.deepEqual([inner.decision, inner.matches[0]?.score], ['clarify', 0.75]);
    });
  });

  describe('its pieces', () => {
    it("reads an article's scenario from its steps' commands too", () => {
      const a = article('x', ['Access is denied.'], {
        steps: [
          {
            text: { en: 'Give the account the role.' },
            commands: [{ shell: 'exchange-online-powershell', code: 'Set-CASMailbox -Identity x' }],
          },
        ],
      });
      assert.ok(articleScenario(a).anchors.has('cmdlet:cas-mailbox'));
    });

    it('keeps of a paste only the lines that name a scenario, each with its own terms', () => {
      const lines = ['Quokka feeder jammed', 'PS> Get-MoveRequest | fl', 'Access is denied'];
      const terms = ['quokka', 'feeder', 'jammed', 'get', 'moverequest', 'fl', 'access', 'denied'];
      const at = [0, 0, 0, 1, 1, 1, 2, 2];
      assert.deepEqual(
        pasteScenario(
          lines,
          terms.map((term, i) => ({ term, line: at[i] })),
        ).lines,
        [{ anchors: scenarioAnchors(lines[1]), terms: ['get', 'moverequest', 'fl'] }],
      );
    });

    it('takes a line half of whose words the match found for the error itself, not for where it happened', () => {
      const paste = { lines: [{ anchors: new Set(['cmdlet:move-request']), terms: ['get', 'moverequest', 'access', 'denied'] }] };
      const none: ArticleScenario = { anchors: new Set(), squashed: '', nouns: new Map() };
      assert.equal(otherScenario(paste, new Set(['access', 'denied']), none), undefined);
      assert.deepEqual(otherScenario(paste, new Set(['denied']), none), ['cmdlet:move-request']);
    });

    it("agrees with a cmdlet whose noun's first two parts the article names, never with a one-word noun", () => {
      const article = (squashed: string): ArticleScenario => ({ anchors: new Set(), squashed, nouns: new Map() });
      assert.equal(outsideScenario(['cmdlet:distribution-group-member'], article('ownerscantmanagethedistributiongroup')), undefined);
      assert.deepEqual(outsideScenario(['cmdlet:recipient'], article('therecipientisnotfound')), ['cmdlet:recipient']);
    });

    it("reads a cmdlet anchor's noun by its first two parts, the same each time it is asked", () => {
      assert.equal(nounOf('cmdlet:distribution-group-member'), 'distributiongroup');
      assert.equal(nounOf('cmdlet:distribution-group-member'), 'distributiongroup');
      assert.equal(nounOf('cmdlet:o-auth'), 'oauth');
      assert.equal(nounOf('cmdlet:get-mailbox'), 'getmailbox'); // a one-word noun comes with its verb: two parts
      assert.equal(nounOf('cmdlet:recipient'), null);
      assert.equal(nounOf('service:free-busy'), null);
      assert.equal(nounOf('script:run-frobnicator.ps1'), null);
    });

    it("reads a title's languages as separate words", () => {
      assert.equal(deniedInTitle(new Set(['hybrid']), ['Frei/Gebucht in Hybrid', 'Hybrid free/busy fails']), 'hybrid');
    });
  });
});
