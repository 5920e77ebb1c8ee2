import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../src/knowledge/load';
import type { Article } from '../../src/knowledge/types';
import { foreignProgram, programNamed } from '../../src/matching/foreignProgram';
import { Matcher } from '../../src/matching/matcher';
import { englishArticle as article } from '../helpers/articles';

/** README "How matching works": the foreign-program rule, on small hand-made pastes and articles. */

const kbOf = (articles: Article[]): KnowledgeBase => ({ articles, byId: new Map(articles.map((a) => [a.id, a])), problems: [] });

const ERROR = 'The vault service refused the request: the frobnicator account has no access to the ledger mailbox.';

describe('matching: the foreign-program rule (foreignProgram.ts)', () => {
  describe('what shows a paste was printed by another program', () => {
    it('reads Python, Java, Node, PHP, Go and Ruby stacks', () => {
      assert.equal(
        foreignProgram(`Traceback (most recent call last):\n  File "/srv/sync.py", line 12, in run\nError: ${ERROR}`),
        'a Python traceback',
      );
      assert.equal(foreignProgram('  File "/srv/sync.py", line 12, in run'), 'a Python traceback');
      assert.equal(foreignProgram(`Exception in thread "main" x.y.VaultException: ${ERROR}`), 'a Java stack trace');
      assert.equal(foreignProgram(`${ERROR}\n\tat com.acme.vault.Client.send(Client.java:278)`), 'a Java stack trace');
      assert.equal(
        foreignProgram(`${ERROR}\n\tat java.mail/com.sun.mail.smtp.SMTPTransport.auth(SMTPTransport.java:965)`),
        'a Java stack trace',
      );
      assert.equal(
        foreignProgram(`${ERROR}\n    at send (/srv/app/mail.js:10:5)\n    at /srv/app/node_modules/x/index.js:3:9`),
        'a Node.js stack trace',
      );
      // A stack logged on one line.
      const oneLine = `Error: Invalid login: ${ERROR} at SMTPConnection._formatError (C:\\app\\lib\\smtp-connection.js:528:15)`;
      assert.equal(foreignProgram(oneLine), 'a Node.js stack trace');
      assert.equal(foreignProgram(`PHP Fatal error:  Uncaught Exception: ${ERROR}`), 'a PHP error');
      assert.equal(foreignProgram(`Fatal error: ${ERROR} in /var/www/vault.php on line 40`), 'a PHP error');
      assert.equal(foreignProgram(`panic: ${ERROR}\n\ngoroutine 1 [running]:\nmain.main()`), 'a Go panic');
      assert.equal(foreignProgram(`/app/lib/vault.rb:12:in 'block in send': ${ERROR}`), 'a Ruby stack trace');
    });

    it('reads a .NET stack of another namespace, a Java or Python exception in its package, a client program named', () => {
      assert.equal(foreignProgram(`${ERROR}\n   at MailKit.Net.Smtp.SmtpClient.Send(MimeMessage message)`), '.NET stack frames of MailKit');
      assert.equal(foreignProgram(`smtplib.SMTPAuthenticationError: ${ERROR}`), 'the exception smtplib.SMTPAuthenticationError');
      assert.equal(foreignProgram(`exchangelib.errors.ErrorAccessDenied: ${ERROR}`), 'the exception exchangelib.errors.ErrorAccessDenied');
      // A program calling the EWS Managed API, Microsoft's client library: its own frames say so.
      const ews = `${ERROR}\n   at Microsoft.Exchange.WebServices.Data.ServiceRequestBase.Validate()\n   at Contoso.Sync.Job.Run()`;
      assert.equal(foreignProgram(ews), '.NET stack frames of Contoso');
      assert.equal(foreignProgram(`We fetch the ledger mailbox with exchangelib and get: ${ERROR}`), 'the client exchangelib');
      assert.equal(foreignProgram(`php-ews says: ${ERROR}`), 'the client php-ews');
    });

    it("reads a relay's own refusal, not a reply it relays (the other server's, often Exchange's own)", () => {
      const own = `postfix/smtpd[130]: NOQUEUE: reject: RCPT from pc[10.0.0.7]: 554 5.7.1 <a@contoso.com>: Recipient address rejected: Access denied`;
      assert.equal(foreignProgram(own), "a mail relay's own refusal");
      const relayed = 'host mail.contoso.com[192.0.2.1] said: 550 5.7.1 Client does not have permissions (in reply to RCPT TO command)';
      assert.equal(foreignProgram(`postfix/smtp[592]: to=<a@contoso.com>, status=bounced (${relayed})`), undefined);
    });

    it("reads nothing in Microsoft's own output: Exchange and .NET stacks, PowerShell, the HCW's log", () => {
      const exchange = `Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException: ${ERROR}\n   at Microsoft.Exchange.Configuration.Tasks.Task.ThrowError(Exception exception)\n   at System.Management.Automation.CommandProcessor.ProcessRecord()`;
      assert.equal(foreignProgram(exchange), undefined);
      // Exchange's own stack calling a library it ships is still Exchange's.
      assert.equal(foreignProgram(`${exchange}\n   at Newtonsoft.Json.JsonSerializer.Deserialize(JsonReader reader)`), undefined);
      assert.equal(
        foreignProgram(`Set-Vault : ${ERROR}\nAt line:1 char:1\n+ CategoryInfo : NotSpecified: (:) [Set-Vault], VaultException`),
        undefined,
      );
      assert.equal(
        foreignProgram(`2024.01.02 10:11:12.123 10180 [Client=UX, Thread=5] FINISH Time=3.2s Results=FAILED\n ${ERROR}`),
        undefined,
      );
      assert.equal(
        foreignProgram(`The remote server returned an error: (403) Forbidden. at https://outlook.office365.com/EWS/Exchange.asmx`),
        undefined,
      );
    });
  });

  describe('an article that agrees: its prose names programs', () => {
    it('reads the title, symptoms and cause, not error texts or steps, and not Microsoft programs named with those words', () => {
      assert.equal(
        programNamed(article('lob', [ERROR], { title: { en: 'Printers and LOB apps that send mail through the vault' } })),
        'Printers',
      );
      assert.equal(programNamed(article('rest', [ERROR], { cause: { en: 'The REST API needs a cloud mailbox.' } })), 'REST API');
      assert.equal(programNamed(article('admin', [ERROR], { title: { en: 'Moving the ledger mailbox fails' } })), undefined);
      // In an error text, in a step, or as Microsoft's own program or log: no.
      assert.equal(programNamed(article('err', ['The call to https://x/EWS/app.svc by the application failed.'])), undefined);
      assert.equal(programNamed(article('step', [ERROR], { steps: [{ text: { en: 'Restart the application.' } }] })), undefined);
      const noise = { en: 'Users of Outlook Web App see it; event 9 is in the Application log; recycle the application pool.' };
      assert.equal(programNamed(article('noise', [ERROR], { cause: noise })), undefined);
    });

    it("reads the article's keywords and each symptom's description, keywords and context", () => {
      const symptom = (extra: object) => [
        { id: 'main', description: { en: 'The ledger mailbox fails.' }, errors: { en: [ERROR] }, ...extra },
      ];
      assert.equal(programNamed(article('kw', [ERROR], { keywords: { en: ['ledger', 'multifunction printer'] } })), 'multifunction');
      assert.equal(
        programNamed(article('desc', [ERROR], { symptoms: symptom({ description: { en: 'A scanner cannot send.' } }) })),
        'scanner',
      );
      assert.equal(programNamed(article('skw', [ERROR], { symptoms: symptom({ keywords: { en: ['mail client'] } }) })), 'mail client');
      assert.equal(programNamed(article('ctx', [ERROR], { symptoms: symptom({ context: { en: ['SMTP AUTH'] } }) })), 'SMTP AUTH');
      assert.equal(programNamed(article('none', [ERROR], { symptoms: symptom({}) })), undefined);
    });

    it('reads each text apart: words of two texts or around a blanked-out name do not make a program kind', () => {
      // `line` ends one text and `of business` starts the next; `REST` stands before a blanked-out name and `API` after it.
      assert.equal(programNamed(article('apart', [ERROR], { keywords: { en: ['the ledger line', 'of business hours'] } })), undefined);
      assert.equal(programNamed(article('noise2', [ERROR], { cause: { en: 'The REST Outlook Web App API was slow.' } })), undefined);
    });
  });

  describe('the cap', () => {
    const admin = article('vault-admin', [ERROR], { title: { en: 'Moving the ledger mailbox fails' } });
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(kbOf([admin]));
    });
    const traceback = `Traceback (most recent call last):\n  File "/srv/sync.py", line 12, in run\nvault.errors.AccessError: ${ERROR}`;

    it('offers, not answers, an admin-task article for a paste another program printed', () => {
      assert.equal(m.match(ERROR).decision, 'answer');
      const r = m.match(traceback);
      assert.deepEqual([r.decision, r.matches[0]?.article, r.matches[0]?.score], ['clarify', 'vault-admin', 0.75]);
      const client = m.match(`Our exchangelib sync stops with: ${ERROR}`);
      assert.deepEqual([client.decision, client.matches[0]?.score], ['clarify', 0.75]);
    });

    it('answers an article whose prose names programs of that kind', () => {
      const apps = article('vault-apps', [ERROR], { title: { en: 'Apps that read the ledger mailbox get access errors' } });
      const r = new Matcher(kbOf([apps])).match(traceback);
      assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'vault-apps']);
    });

    it('names the rule in --explain', () => {
      const rule = m.match(traceback, { explain: true }).matches[0].why?.rules.find((x) => x.rule === 'foreign-program');
      assert.equal(
        rule?.note,
        "capped at 0.75: the paste was printed by another program than Microsoft's (a Python traceback) and this article names no program (apps, clients, scripts, EWS, SMTP AUTH…): offered, not answered",
      );
    });
  });
});
