import assert from 'node:assert/strict';
import fs from 'node:fs';
import { importArticle } from '../../../src/knowledge/import';
import { checkArticle } from '../../../src/knowledge/schema';
import type { Article } from '../../../src/knowledge/types';
import { requireShared, seedFile } from './corpus';

const FEDERATION_ERROR_DE =
  'Fehler beim Versuch, Exchange für den Partner STS bereitzustellen. Detaillierte Informationen: "Fehler beim Zugriff auf Windows Live". "Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden."';

describe('import: the seed article (plain text copied from a web page, German)', function () {
  let article: Article;
  let problems: ReturnType<typeof importArticle>['problems'];

  before(function () {
    requireShared(this);
    const file = seedFile()!;
    ({ article: article!, problems } = importArticle(file, fs.readFileSync(file, 'utf8')) as {
      article: Article;
      problems: typeof problems;
    });
    assert.ok(article, 'the seed imports into an article');
  });

  it('is a German article whose id is the file name made kebab-case, with a warning saying so', function () {
    assert.equal(article.id, '000-3690693f447264cb');
    assert.deepEqual(article.languages, ['de']);
    assert.ok(problems.some((p) => p.field === 'id' && /not kebab-case/.test(p.message)));
    assert.match(article.title.de!, /Legacy-TLS/);
  });

  it('has the four symptoms: free/busy, cloud archive, federation trust, HCW domain verification with Exchange 2010', function () {
    assert.deepEqual(
      article.symptoms.map((s) => s.id),
      ['free-busy', 'cloud-archive', 'federation-trust', 'hcw-domain-verification'],
    );
    assert.match(article.symptoms[0].description.de!, /Frei\/Gebucht/);
    assert.match(article.symptoms[1].description.de!, /Cloudarchive/);
    assert.match(article.symptoms[2].description.de!, /Verbundvertrauensstellung/);
    assert.match(article.symptoms[3].description.de!, /Exchange Server 2010/);
    assert.match(article.symptoms[3].description.de!, /HCW-Protokolle/);
  });

  it('joins the German federation-trust error into one error text, without the trailing " -" of the copy', function () {
    assert.deepEqual(article.symptoms[2].errors, { de: [FEDERATION_ERROR_DE] });
    for (const s of [article.symptoms[0], article.symptoms[1], article.symptoms[3]]) assert.deepEqual(s.errors, {});
  });

  it('reassembles the three commands exactly, in order, in the Exchange Management Shell', function () {
    const commands = article.steps.flatMap((s) => s.commands ?? []);
    assert.deepEqual(
      commands.map((c) => c.code),
      [
        'Add-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010',
        '[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12',
        // the seed writes "-verbose" here; common parameters are written in PowerShell's own casing
        "Set-FederatedOrganizationIdentifier -DelegationFederationTrust 'Microsoft Federation Gateway' -AccountNamespace <account namespace> -Enabled $True -Verbose",
      ],
    );
    assert.ok(commands.every((c) => c.shell === 'exchange-management-shell'));
    assert.deepEqual(
      commands[2].placeholders?.map((p) => p.name),
      ['account namespace'],
    );
  });

  it('repairs the extraction artifacts in the prose (Add-PSSnap in, cmdletSet-…, SieSet-…)', function () {
    const all = JSON.stringify(article);
    assert.doesNotMatch(all, /PSSnap in/);
    assert.doesNotMatch(all, /cmdletSet-|SieSet-/);
    assert.match(article.symptoms[2].description.de!, /das cmdlet Set-FederatedOrganizationIdentifier ausführen/);
    assert.match(article.steps[1].text.de!, /bevor Sie Set-FederatedOrganizationIdentifier/);
  });

  it('takes the steps from the "Lösung" part: enable TLS 1.2 (with the guidance articles), then the commands', function () {
    assert.equal(article.steps.length, 2);
    assert.match(article.steps[0].text.de!, /TLS 1\.2 unterstützt/);
    assert.match(article.steps[0].text.de!, /^- Exchange Server TLS-Anleitung, Teil 1/m);
    assert.match(article.steps[0].text.de!, /^- Exchange Server TLS-Anleitung Teil 3/m);
    assert.match(article.steps[0].text.de!, /Service Pack 2 \(SP2\)/);
    assert.equal(article.steps[0].commands, undefined);
    assert.match(article.steps[1].text.de!, /Exchange-Verwaltungsshell/);
  });

  it('takes the cause from the introduction and the products from the text', function () {
    assert.match(article.cause.de!, /Legacy-TLS/);
    assert.match(article.cause.de!, /TLS 1\.2/);
    assert.deepEqual(article.products, [
      { name: 'Exchange Online', versions: [] },
      { name: 'Exchange Server', versions: ['2010'] },
    ]);
  });

  it('passes the knowledge schema', function () {
    const checked = checkArticle(JSON.parse(JSON.stringify(article)));
    assert.deepEqual(checked.problems, []);
  });
});
