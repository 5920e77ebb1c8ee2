/**
 * The bot answers a pasted TLS configuration with the diagnosis card, in Web Chat, in Teams and as Markdown,
 * on botbuilder's TestAdapter with the real knowledge base.
 */
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { allText, findAll } from './support/cards';
import { createHarness, goodCardOf, onlyReply, type Harness } from './support/harness';
import * as CONFIG from '../diagnosis/pastes';

let h: Harness;

const only = (replies: Partial<Activity>[]) => onlyReply(replies, h);
const goodCard = goodCardOf;

const snippets = (card: Record<string, unknown>) => findAll(card, (o) => o.type === 'CodeBlock').map((b) => b.codeSnippet);
const SCHANNEL = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2';

describe('PasteFixBot: a pasted TLS configuration', () => {
  afterEach(() => h?.cleanup());

  it('TLS 1.2 disabled: the card lists found vs expected, what it breaks, the exact fix commands and the reboot', async () => {
    h = createHarness({ locale: 'en-US' });
    const reply = only(await h.turn(CONFIG.TLS12_DISABLED_GIP));
    const card = goodCard(reply);
    const text = allText(card);
    assert.equal(reply.text, 'TLS configuration checked: 4 wrong or missing.');
    assert.ok(text.startsWith('TLS configuration of your server\n4 settings are wrong or missing.'), text);
    assert.ok(text.includes('✗  TLS 1.2 server: Enabled\n – found 0, expected 1'), text);
    assert.ok(text.includes('✗  TLS 1.2 client: DisabledByDefault\n – found 1, expected 0'));
    assert.ok(text.includes('HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server\\Enabled'));
    // What it breaks: the reference article's affected features, with the command that opens it.
    assert.ok(text.includes('Without TLS 1.2 these hybrid features fail (full article: show exo-legacy-tls-hybrid):'));
    assert.ok(text.includes('•  Free/busy lookups from on-premises mailboxes to Exchange Online mailboxes'));
    assert.ok(text.includes('•  Creating the federation trust (Set-FederatedOrganizationIdentifier)'));
    assert.deepEqual(snippets(card).slice(0, 4), [
      `New-ItemProperty -Path '${SCHANNEL}\\Server' -Name Enabled -Value 1 -PropertyType DWord -Force`,
      `New-ItemProperty -Path '${SCHANNEL}\\Server' -Name DisabledByDefault -Value 0 -PropertyType DWord -Force`,
      `New-ItemProperty -Path '${SCHANNEL}\\Client' -Name Enabled -Value 1 -PropertyType DWord -Force`,
      `New-ItemProperty -Path '${SCHANNEL}\\Client' -Name DisabledByDefault -Value 0 -PropertyType DWord -Force`,
    ]);
    assert.ok(text.includes('Restart the server afterwards: Windows reads SCHANNEL and WinHTTP settings only at start.'));
    // The rest is named as not in the paste, with the commands that read it.
    assert.ok(text.includes('Not in your paste\n?  .NET Framework 4.x (64-bit): SystemDefaultTlsVersions'));
    assert.ok(snippets(card).includes('reg query "HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319"'));
    assert.ok(snippets(card).includes('[Net.ServicePointManager]::SecurityProtocol'));
    const links = findAll(card, (o) => o.type === 'Action.OpenUrl').map((a) => a.url);
    assert.ok(links.includes('https://microsoft.github.io/CSS-Exchange/Diagnostics/HealthChecker/TLSConfigurationCheck/'));
    assert.equal(h.logs.find((l) => l.msg === 'configuration diagnosed')?.wrong, 4);
    assert.deepEqual(h.logEntries(), [], 'a configuration is no unmatched paste');
  });

  it('German reg query (FEHLER) for a German user: German card, reg add for the missing key, New-ItemProperty for the missing values', async () => {
    h = createHarness({ locale: 'de-DE' });
    const card = goodCard(only(await h.turn(CONFIG.NO_STRONG_CRYPTO_REG_DE)));
    const text = allText(card);
    assert.ok(text.startsWith('So ist TLS auf Ihrem Server eingestellt\n4 Einstellungen sind falsch oder fehlen.'), text);
    assert.ok(text.includes('✗  .NET Framework 4.x (64-Bit): SchUseStrongCrypto\n – fehlt, erwartet 1'));
    assert.ok(text.includes('✓  .NET Framework 4.x (64-Bit): SystemDefaultTlsVersions\n – Wert 1'));
    assert.ok(text.includes('Ohne TLS 1.2 schlagen diese Hybridfunktionen fehl (ganzer Artikel: zeige exo-legacy-tls-hybrid):'));
    assert.ok(text.includes('•  Zugriff auf das Cloudarchiv für Benutzer mit lokalem primärem Postfach'));
    assert.deepEqual(snippets(card).slice(0, 4), [
      'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client" /v Enabled /t REG_DWORD /d 1 /f',
      'reg add "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client" /v DisabledByDefault /t REG_DWORD /d 0 /f',
      "New-ItemProperty -Path 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319' -Name SchUseStrongCrypto -Value 1 -PropertyType DWord -Force",
      "New-ItemProperty -Path 'HKLM:\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319' -Name SchUseStrongCrypto -Value 1 -PropertyType DWord -Force",
    ]);
    assert.ok(text.includes('Starten Sie den Server danach neu'));
  });

  it('without a locale, a German reg.exe message makes the answer German', async () => {
    h = createHarness();
    assert.ok(allText(goodCard(only(await h.turn(CONFIG.NO_STRONG_CRYPTO_REG_DE)))).startsWith('So ist TLS auf Ihrem Server eingestellt'));
  });

  it('all good says so plainly: no fix section, no reboot', async () => {
    h = createHarness({ locale: 'en-US' });
    const card = goodCard(only(await h.turn(CONFIG.ALL_GOOD_REG)));
    const text = allText(card);
    assert.ok(
      text.startsWith(
        "TLS configuration of your server\nEverything your paste shows is set the way Microsoft's Exchange TLS guidance expects – nothing to fix there.",
      ),
      text,
    );
    for (const absent of ['Wrong or missing', 'What this breaks', 'Fix\n', 'Restart the server']) assert.ok(!text.includes(absent), absent);
    assert.ok(text.includes('✓  TLS 1.2 client: Enabled\n – value 1'));
    assert.ok(!snippets(card).some((s) => String(s).startsWith('New-ItemProperty') || String(s).startsWith('reg add')));
  });

  it('sends the diagnosis as Markdown where the channel has no cards', async () => {
    h = createHarness({ channelId: 'slack', locale: 'en-US' });
    const reply = only(await h.turn(CONFIG.SSL3_TLS_SESSION));
    assert.equal(reply.attachments, undefined);
    const md = String(reply.text);
    assert.ok(md.startsWith('**TLS configuration of your server**\n\n1 setting is wrong or missing.'), md);
    assert.ok(md.includes('- **This PowerShell session: SecurityProtocol** – found 240, expected 3072'));
    assert.ok(md.includes('```powershell\n[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12\n```'));
  });

  it('no configuration paste is taken for an error of an article, and none is logged as unmatched', async () => {
    h = createHarness({ locale: 'en-US' });
    for (const [name, paste] of Object.entries(CONFIG)) {
      const reply = only(await h.turn(paste));
      const card = goodCard(reply);
      assert.ok(allText(card).startsWith('TLS configuration of your server'), name);
      assert.equal(card.actions, undefined, `${name}: no answer card with feedback buttons`);
    }
    assert.deepEqual(h.logEntries(), []);
  });

  it('help says a configuration can be pasted, in both languages', async () => {
    h = createHarness({ locale: 'en-US' });
    assert.ok(String(only(await h.turn('help')).text).includes("I also check a server's TLS settings: paste the output of `reg query`"));
    assert.ok(String(only(await h.turn('hilfe')).text).includes('Die TLS-Einstellungen eines Servers prüfe ich auch'));
  });

  it('Teams: an @mention in a channel around a pasted configuration gets the diagnosis card', async () => {
    h = createHarness();
    const reply = only(
      await h.turn({
        type: 'message',
        channelId: 'msteams',
        locale: 'de-DE',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        from: { id: '29:1abc', name: 'Alex Admin', aadObjectId: '00000000-0000-0000-0000-0000000000aa' },
        recipient: { id: '28:bot-app-id', name: 'PasteFix' },
        conversation: { id: '19:channel@thread.skype;messageid=1', conversationType: 'channel', isGroup: true, name: '' },
        channelData: { tenant: { id: 'tenant-1' }, channel: { id: '19:channel@thread.skype' }, team: { id: '19:team@thread.skype' } },
        text: `<at>PasteFix</at> ${CONFIG.TLS12_DISABLED_GIP}`,
        entities: [{ type: 'mention', text: '<at>PasteFix</at>', mentioned: { id: '28:bot-app-id', name: 'PasteFix' } }],
      }),
    );
    const card = goodCard(reply);
    assert.deepEqual(card.msteams, { width: 'Full' });
    assert.ok(allText(card).startsWith('So ist TLS auf Ihrem Server eingestellt\n4 Einstellungen sind falsch oder fehlen.'));
    assert.ok(findAll(card, (o) => o.type === 'CodeBlock').every((b) => b.language === 'PowerShell'));
  });
});
