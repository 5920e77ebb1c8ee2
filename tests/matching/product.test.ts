import assert from 'node:assert/strict';
import type { KnowledgeBase } from '../../src/knowledge/load';
import type { Article } from '../../src/knowledge/types';
import { Matcher } from '../../src/matching/matcher';
import {
  namesCloud,
  namesProduct,
  onlineOnly,
  pasteCloudOnly,
  pastedServers,
  pasteOnPremises,
  serverOnly,
} from '../../src/matching/product';
import { describedArticle, englishArticle as article, proseArticle } from '../helpers/articles';

/** README "How matching works": the product rule (product.ts), on small hand-made articles and pastes. */

const kbOf = (articles: Article[]): KnowledgeBase => ({ articles, byId: new Map(articles.map((a) => [a.id, a])), problems: [] });
const top = (m: Matcher, text: string) => {
  const r = m.match(text);
  return [r.decision, r.matches[0]?.article ?? null, r.matches[0]?.score ?? null];
};
const online = [{ name: 'Exchange Online', versions: [] }];
const server = [{ name: 'Exchange Server', versions: ['2016'] }];

describe('matching: the product rule (product.ts)', () => {
  const error = 'Delivery to the wombat address is restricted by the quokka policy. WOMBAT.RST.Restricted';
  const build = (products: Article['products'], title?: string) =>
    new Matcher(
      kbOf([
        article('wombat', [error], { products, ...(title ? { title: { en: title } } : {}) }),
        article('other', ['Unrelated quokka text about feeding schedules of the zoo.']),
      ]),
    );

  it('offers an Exchange Online-only article for a paste that says it runs on an on-premises Exchange server', () => {
    const m = build(online);
    assert.deepEqual(top(m, error), ['answer', 'wombat', 1]);
    for (const said of [
      'Our Exchange 2013 distribution group bounces it.',
      'Exchange Server 2016 CU23',
      '[PS] C:\\Windows\\system32>Get-Queue',
    ]) {
      assert.deepEqual(top(m, `${said}\n${error}`), ['clarify', 'wombat', 0.75], said);
    }
    const explained = m.match(`Exchange 2013 here.\n${error}`, { explain: true }).matches[0];
    assert.ok(explained.why?.rules.some((r) => r.rule === 'product' && r.note.includes('applies to Exchange Online only')));
    // An article without products whose title says it is about Exchange Online.
    assert.deepEqual(top(build([], 'Fix the wombat error in Exchange Online'), `Exchange 2013 here.\n${error}`), [
      'clarify',
      'wombat',
      0.75,
    ]);
  });

  it('answers when the paste names the cloud too, or the article applies to an Exchange Server, or has no products', () => {
    assert.deepEqual(top(build(online), `Hybrid with Exchange 2016 and Exchange Online.\n${error}`), ['answer', 'wombat', 1]);
    assert.deepEqual(top(build([...online, ...server]), `Exchange 2016 here.\n${error}`), ['answer', 'wombat', 1]);
    assert.deepEqual(top(build([]), `Exchange 2016 here.\n${error}`), ['answer', 'wombat', 1]);
    // The cloud side named by a host name only (read on the paste as pasted: tokenizing masks host names).
    assert.deepEqual(top(build(online), `Exchange 2016 relays to contoso.mail.protection.outlook.com\n${error}`), ['answer', 'wombat', 1]);
  });

  it('offers an Exchange Online-only article found by prose for a paste on an on-premises server (errorCaps.ts capOtherProduct)', () => {
    const m = new Matcher(
      kbOf([
        proseArticle(
          'portraits',
          'Staff portraits never refresh',
          'Portraits changed in the directory keep the old picture.',
          'The portraitblob attribute is copied from the directory a single time; afterwards the mailbox owns it.',
          { products: online },
        ),
        describedArticle('colours', 'Calendar colours look odd', 'Colours of shared calendars change after a restart.', {
          cause: { en: 'A theme cache.' },
        }),
        proseArticle('rooms', 'Room lists are empty', 'The room finder shows no rooms.', 'The room list lacks members.'),
      ]),
    );
    const post =
      'Staff portraits changed in the directory never refresh, users keep the old picture. Is the portraitblob attribute copied from the directory only once?';
    assert.deepEqual(top(m, post), ['answer', 'portraits', 0.8]);
    assert.deepEqual(top(m, `Exchange 2016 hybrid with Exchange Online. ${post}`), ['answer', 'portraits', 0.8]);
    const onPremises = m.match(`Exchange 2016 on-premises. ${post}`, { explain: true });
    assert.deepEqual([onPremises.decision, onPremises.matches[0]?.article, onPremises.matches[0]?.score], ['clarify', 'portraits', 0.75]);
    assert.ok(
      onPremises.matches[0].why?.rules.some(
        (r) => r.rule === 'product' && r.note.includes('applies to Exchange Online only; the paste says it runs on Exchange 2016'),
      ),
    );
  });

  it('offers an article on newer Exchange Server versions only for a paste that names only an older one', () => {
    const newer = [{ name: 'Exchange Server', versions: ['2013', '2016'] }];
    const m = build(newer);
    assert.deepEqual(top(m, `Moving a mailbox on Exchange 2010 fails.\n${error}`), ['clarify', 'wombat', 0.75]);
    const explained = m.match(`Exchange Server 2010 here.\n${error}`, { explain: true }).matches[0];
    assert.ok(explained.why?.rules.some((r) => r.rule === 'product' && r.note.includes('Exchange Server 2013 or a later version')));
    // A version it applies to, a newer one, or an older one beside a newer: answered.
    for (const said of [
      'Exchange 2013 here.',
      'Exchange 2019 here.',
      'Exchange 2010 and Exchange 2016 servers side by side.',
      'No version named.',
    ])
      assert.deepEqual(top(m, `${said}\n${error}`), ['answer', 'wombat', 1], said);
    // An article for all versions, or with no products, or whose own text names the older version: answered.
    assert.deepEqual(top(build([{ name: 'Exchange Server', versions: [] }]), `Exchange 2010 here.\n${error}`), ['answer', 'wombat', 1]);
    assert.deepEqual(top(build([]), `Exchange 2010 here.\n${error}`), ['answer', 'wombat', 1]);
    assert.deepEqual(top(build(newer, 'The wombat error after a move from Exchange 2010'), `Exchange 2010 here.\n${error}`), [
      'answer',
      'wombat',
      1,
    ]);
  });

  it('answers the Hybrid Configuration Wizard error on an older server when the paste and the article both name the wizard', () => {
    const newer = [{ name: 'Exchange Server', versions: ['2013', '2016'] }];
    // The wizard is one program for every server version: its error is the same whatever server it configures.
    const hcw = build(newer, 'The wombat error when you run the Hybrid Configuration Wizard');
    assert.deepEqual(top(hcw, `Exchange 2010 SP3. I ran the Hybrid Configuration Wizard:\n${error}`), ['answer', 'wombat', 1]);
    // The wizard named by one side only: the older server's message, offered.
    assert.deepEqual(top(hcw, `Exchange 2010 SP3 here.\n${error}`), ['clarify', 'wombat', 0.75]);
    assert.deepEqual(top(build(newer), `Exchange 2010 SP3. I ran the Hybrid Configuration Wizard:\n${error}`), ['clarify', 'wombat', 0.75]);
  });

  it('offers an Exchange Server-only article for a paste printed in Exchange Online that names no on-premises side', () => {
    const m = build(server);
    assert.deepEqual(top(m, error), ['answer', 'wombat', 1]);
    for (const said of [
      'PS C:\\> Connect-ExchangeOnline -UserPrincipalName admin@contoso.onmicrosoft.com',
      '    + PSComputerName        : outlook.office365.com',
      'Generating server: BN8PR11MB3601.namprd11.prod.outlook.com',
      'Our Exchange Online tenant bounces it.',
    ]) {
      assert.deepEqual(top(m, `${said}\n${error}`), ['clarify', 'wombat', 0.75], said);
    }
    const explained = m.match(`Our Exchange Online tenant.\n${error}`, { explain: true }).matches[0];
    assert.ok(explained.why?.rules.some((r) => r.rule === 'product' && r.note.includes('applies to Exchange Server only')));
    // Hybrid pastes name both sides; an article for both products, or one whose text speaks of the cloud, fits.
    assert.deepEqual(top(m, `Hybrid: Exchange Server 2016 and Exchange Online.\n${error}`), ['answer', 'wombat', 1]);
    assert.deepEqual(top(m, `Mail to user@contoso.mail.onmicrosoft.com\n${error}`), ['answer', 'wombat', 1]);
    assert.deepEqual(top(build([...online, ...server]), `Our Exchange Online tenant.\n${error}`), ['answer', 'wombat', 1]);
  });

  it('offers an article scoped to some Exchange Server versions for a paste that names only others (errorCaps.ts capOtherVersion)', () => {
    const coexistence = [{ name: 'Exchange Server', versions: ['2010', '2013'] }];
    // Scoped by its title's coexistence, or by the version its title names.
    const coexisting = build(coexistence, 'The wombat error in an Exchange coexistence environment');
    assert.deepEqual(top(coexisting, `We removed Exchange 2016; the Exchange 2019 servers print:\n${error}`), ['clarify', 'wombat', 0.75]);
    const explained = coexisting.match(`Exchange 2019 CU14 here.\n${error}`, { explain: true }).matches[0];
    assert.ok(explained.why?.rules.some((r) => r.rule === 'product' && r.note.includes('applies to Exchange Server 2010, 2013 only')));
    const titled = build([{ name: 'Exchange Server', versions: ['2013'] }], 'The wombat error in Exchange Server 2013');
    assert.deepEqual(top(titled, `Exchange 2016 CU23 here.\n${error}`), ['clarify', 'wombat', 0.75]);
    // A version it is about, in a list too; no version named; a later one where its title says later versions follow.
    for (const said of ['Exchange 2013 and 2016 side by side.', 'Exchange 2010/2019 here.', 'No version named here.'])
      assert.deepEqual(top(coexisting, `${said}\n${error}`), ['answer', 'wombat', 1], said);
    const later = build([{ name: 'Exchange Server', versions: ['2016'] }], 'The wombat error in Exchange Server 2016 and later versions');
    assert.deepEqual(top(later, `Exchange 2019 here.\n${error}`), ['answer', 'wombat', 1]);
    // Not scoped: an article that lists the versions of its day (no version in its title, no coexistence), or a hybrid one.
    assert.deepEqual(top(build(coexistence, 'The wombat error'), `Exchange 2019 here.\n${error}`), ['answer', 'wombat', 1]);
    assert.deepEqual(top(build([...coexistence, ...online], 'The wombat error in Exchange 2013'), `Exchange 2019 here.\n${error}`), [
      'answer',
      'wombat',
      1,
    ]);
    // The article's own text names the paste's version.
    assert.deepEqual(
      top(build(coexistence, 'The wombat error in Exchange 2013 after a move from Exchange 2016'), `Exchange 2016.\n${error}`),
      ['answer', 'wombat', 1],
    );
  });

  it('reads the Exchange Server versions a paste names, lists too', () => {
    assert.deepEqual([...pastedServers('Exchange 2013 and 2016, Exchange Server 2019 CU14; Outlook 2016')].sort(), [2013, 2016, 2019]);
    assert.deepEqual([...pastedServers('Exchange 2010/2013 coexistence')].sort(), [2010, 2013]);
    assert.deepEqual([...pastedServers('Windows Server 2016, Outlook 2019')], []);
    // Builds: a server's, never Exchange Online's datacenter build, nor an address.
    assert.deepEqual([...pastedServers('AdminDisplayVersion : Version 15.1 (Build 2507.6)')], [2016]);
    assert.deepEqual([...pastedServers('X-MS-Exchange-Version: 15.02.1544.004; 14.3.123.4')].sort(), [2010, 2019]);
    assert.deepEqual([...pastedServers('Exchange/15.20.1665.000, host 10.15.1.2507.6, 15.3.1234.5')], []);
  });

  it('reads German on-premises forms', () => {
    assert.equal(pasteOnPremises('Unser lokaler Exchange lehnt die Mail ab'), 'lokaler Exchange');
    assert.equal(pasteOnPremises('In der Exchange-Verwaltungsshell kommt'), 'Exchange-Verwaltungsshell');
    assert.equal(pasteOnPremises('auf dem Exchange-Server 2016'), 'Exchange-Server 2016');
  });

  it('reads the product a paste names and which articles apply to Exchange Online only', () => {
    assert.equal(pasteOnPremises('We run Exchange 2010 SP3'), 'Exchange 2010');
    assert.equal(pasteOnPremises('our on-premises Exchange rejects it'), 'on-premises Exchange');
    assert.equal(pasteOnPremises('Exchange 2019 and our Office 365 tenant'), undefined);
    assert.equal(pasteOnPremises('Running the HCW on Exchange 2010'), undefined);
    assert.equal(pasteOnPremises('Outlook shows the error'), undefined);
    assert.equal(onlineOnly(article('a', [], { products: online })), true);
    assert.equal(onlineOnly(article('a', [], { products: [...online, ...server] })), false);
    assert.equal(onlineOnly(article('a', [], {})), false);
    // The version the paste names is in the article's own text (its error): no conflict.
    assert.equal(namesProduct('sendingmailboxserverisntrunningexchange2013oralaterversion', 'Exchange Server 2013'), true);
    assert.equal(namesProduct('ndroverview', 'Exchange 2013'), false);
    assert.equal(pasteCloudOnly('Connect-ExchangeOnline -AppId x'), 'Connect-ExchangeOnline');
    assert.equal(pasteCloudOnly('DSN generated by CY1PR0601MB1642.namprd06.prod.outlook.com'), 'prod.outlook.com');
    assert.equal(pasteCloudOnly('Exchange Online and our on-premises servers'), undefined);
    assert.equal(pasteCloudOnly('Running the HCW: Exchange Online'), undefined);
    assert.equal(pasteCloudOnly('Outlook shows the error'), undefined);
    // A client called Exchange Online's own endpoint; the bare host name (a remote server) is read as before.
    assert.equal(pasteCloudOnly('HTTP Server error 503\nURL:https://outlook.office365.com/EWS/Exchange.asmx'), '//outlook.office365.com/');
    assert.equal(pasteCloudOnly('Connecting to remote server outlook.office365.com failed'), undefined);
    // Exchange Online's datacenter builds are 15.20 and later; Exchange Server 2019 and SE are 15.2 (`15.02.…` padded).
    assert.equal(pasteCloudOnly('X-ServerApplication: Exchange/15.20.1665.000'), '15.20.1665.000');
    assert.equal(pasteCloudOnly('Microsoft SMTP Server id 15.2.1544.4'), undefined);
    assert.equal(pasteCloudOnly('X-ServerApplication: Exchange/15.02.1544.004'), undefined);
    assert.equal(serverOnly(article('a', [], { products: server })), true);
    assert.equal(serverOnly(article('a', [], { products: [...online, ...server] })), false);
    assert.equal(serverOnly(article('a', [], { products: [{ name: 'Exchange Server Online', versions: [] }] })), false);
    assert.equal(serverOnly(article('a', [], {})), false);
    assert.equal(namesCloud('movemailboxestoexchangeonline'), true);
    assert.equal(namesCloud('databasecopyseedingfails'), false);
  });

  it('reads which products an article applies to, name by name', () => {
    const products = (...names: string[]) => article('a', [], { products: names.map((name) => ({ name, versions: [] })) });
    assert.equal(onlineOnly(products('Exchange Online Protection')), true);
    assert.equal(onlineOnly(products('Exchange Online', 'SharePoint Online')), true);
    assert.equal(onlineOnly(products('Exchange Online', 'Exchange')), false);
    assert.equal(onlineOnly(products('Exchange Online', 'Exchange Server SE')), false);
    assert.equal(onlineOnly(products('SharePoint Online')), false);
    // Without products, a title that ends with `in Exchange Online` (and only one that ends so).
    assert.equal(onlineOnly(article('a', [], { products: undefined, title: { en: 'Mail flow rules fail in Exchange Online' } })), true);
    assert.equal(onlineOnly(article('a', [], { products: undefined, title: { en: 'Reports in Exchange Online PowerShell' } })), false);
    assert.equal(serverOnly(products('SharePoint Server')), false);
    assert.equal(serverOnly(products('Exchange Server 2016', 'Exchange')), false);
    assert.equal(serverOnly(products('Exchange Server 2016', 'Microsoft 365')), false);
  });

  it('reads the version the paste names, SE too, and nothing when it names none', () => {
    assert.equal(namesProduct('appliestoexchangeserverse', 'Exchange Server SE'), true);
    assert.equal(namesProduct('exchangeonlineexchangeserver', '[PS] C:\\Windows\\system32>'), false);
    assert.equal(pasteOnPremises('  Exchange 2016 CU23 here'), 'Exchange 2016');
  });
});

describe('matching: a bare SMTP reply in a paste that names nothing of the cloud (errorCaps.ts, product.ts)', () => {
  const reply = '530 5.7.1 Client was not authenticated';
  // Other articles print the reply's words and code too: found in the overview's row, they are thin evidence (under 3 words).
  const others = ['wombat', 'quokka', 'numbat', 'bilby', 'dingo', 'emu', 'koala', 'possum'].map((w) =>
    article(w, [`The ${w} client was not authenticated by the ${w} service.`, `5.7.1 ${w} rejected the ${w} message`]),
  );
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(kbOf([article('overview', [reply, '550 5.7.64 Relay Access Denied ATTR36'], { products: online }), ...others]));
  });

  it('offers an Exchange Online-only article for a short reply found with thin evidence: any server may have printed it', () => {
    for (const paste of [reply, `Our app relays through the company mail server and gets: ${reply}`]) {
      const r = m.match(paste, { explain: true });
      assert.deepEqual([r.decision, r.matches[0]?.article, r.matches[0]?.score], ['clarify', 'overview', 0.75], paste);
      assert.ok(r.matches[0].why?.rules.some((x) => x.rule === 'product' && x.note.includes('bare SMTP reply')));
    }
  });

  it("answers it when the paste shows the reply came from Microsoft's cloud", () => {
    for (const paste of [
      `smtp.office365.com:587 said ${reply}`,
      `${reply} [DB6P18901CA0015.EURP189.PROD.OUTLOOK.COM]`,
      `Exchange Online rejects our app: ${reply}`,
      `${reply} ATTR36`,
    ])
      assert.equal(m.match(paste).decision, 'answer', paste);
  });
});
