import assert from 'node:assert/strict';
import type { Article } from '../../src/knowledge/types';
import { buildProbes, nearTwin, recordMessage, runProbes, splitChain, tailWords, valueSpans, type Probe } from '../../src/cli/probe';
import { englishArticle, kbOf } from '../helpers/articles';

const article = (id: string, ...errors: string[]): Article => englishArticle(id, errors);
/** Every pair of texts partners (partners per hundred): the rules, not which pairs the hash picks. */
const ALL = 100;

// Two articles with the same wrapper around different inner messages, one with a wrapper of its own, two NDRs.
const WRAPPER = 'Connecting to remote server pony.example.net failed with the following error message :';
const KB = kbOf([
  article('cert', `${WRAPPER} The certificate chain of the pony server was issued by an untrusted authority.`),
  article('winrm', `${WRAPPER} The client cannot reach the pony listener on port 5986.`),
  article('token', 'The call to the pony token service failed. Error details: The pony token has expired for this tenant.'),
  article('bounce-a', "Remote Server returned '550 5.1.10 Recipient pony not found by address lookup'"),
  article('bounce-b', "Remote Server returned '550 5.7.64 Tenant attribution of the pony relay was rejected'"),
]);

describe('cli/probe (near-miss pastes built from the knowledge)', () => {
  it('cuts an error text at its last chain marker, and leaves texts without a wrapper and a message alone', () => {
    assert.deepEqual(splitChain(`${WRAPPER} Access is denied to the pony.`), {
      wrapper: WRAPPER,
      inner: 'Access is denied to the pony.',
      classMarker: false,
      ownMessage: false,
    });
    // A message between two markers is the wrapper's own; a class name there is none.
    assert.equal(
      splitChain(`${WRAPPER} Access is denied to the pony. CategoryInfo : OpenError: (pony) the pony run space`)?.ownMessage,
      true,
    );
    assert.equal(
      splitChain('Disabling the pony failed, error message: Pony.Stable.NoStallException: The stall is gone.')?.ownMessage,
      false,
    );
    assert.equal(
      splitChain('Error: Microsoft.Exchange.Migration.MigrationPermanentException: The target mailbox is missing.')?.classMarker,
      true,
    );
    assert.equal(splitChain('The pony server could not be reached at all.'), undefined);
    // An inner message of two words is no message.
    assert.equal(splitChain(`${WRAPPER} Access denied.`), undefined);
  });

  it('swaps inner messages only under a wrapper two articles share, and knows which article may be answered', () => {
    const probes = buildProbes(KB, ALL);
    const swapped = probes.filter((p) => p.rule === 'inner-swap');
    // The two under the shared wrapper swapped give each other's text whole: no near miss, left out. The token
    // message under the shared wrapper is one (made once); the token article may be answered, never the wrapper's.
    assert.deepEqual(
      swapped.map((p) => [p.from, p.allowed, p.text]),
      [['cert', ['token'], `${WRAPPER} The pony token has expired for this tenant.`]],
    );
    // The token wrapper is one article's only: no probe of it (its own words still say which error it is).
    assert.ok(!probes.some((p) => p.from === 'token' && p.rule !== 'client-swap'));
    // A generic line under the shared wrapper: no article holds both, none may be answered.
    const generic = probes.filter((p) => p.rule === 'generic-in-context');
    assert.ok(generic.length > 0);
    assert.ok(generic.every((p) => p.allowed.length === 0 && p.text.startsWith(WRAPPER)));
    // The wrapper alone, which two articles use: none may be answered.
    assert.deepEqual(
      probes.filter((p) => p.rule === 'wrapper-only').map((p) => [p.text, p.allowed]),
      [[WRAPPER, []]],
    );
  });

  it('puts an inner message several articles carry under a wrapper only one article prints, and lets none be answered', () => {
    const stall = 'The pony stable has no free stall left.';
    const kb = kbOf([
      article('token', 'The call to the pony token service failed. Error details: The pony token has expired for this tenant.'),
      article('barn', `Setting up the pony barn failed. Error details: ${stall}`),
      article('meadow', `Provisioning the pony meadow failed. Detailed information: ${stall}`),
      // A wrapper with a message of its own before its last marker: another inner message after it is still this error.
      article('runspace', `${WRAPPER} Access to the pony is denied. CategoryInfo : OpenError: the pony run space broke down`),
    ]);
    const swapped = buildProbes(kb, ALL).filter((p) => p.rule === 'context-swap');
    assert.deepEqual(
      swapped.map((p) => [p.from, p.allowed, p.text]),
      [['token', [], `The call to the pony token service failed. Error details: ${stall}`]],
    );
  });

  it("puts another NDR's status code into a bounce: the code's own article may be answered, the text's may not", () => {
    const swapped = buildProbes(KB, ALL).filter((p) => p.rule === 'code-swap');
    assert.deepEqual(swapped.map((p) => [p.from, p.allowed, p.text.match(/\d\.\d\.\d+/)?.[0]]).sort(), [
      ['bounce-a', ['bounce-b'], '5.7.64'],
      ['bounce-b', ['bounce-a'], '5.1.10'],
    ]);
  });

  it('puts an article of one product only after a line of the other product; an article of both may be answered', () => {
    const text = 'The pony database copy could not be seeded on this node.';
    const products = (...names: string[]) => ({ products: names.map((name) => ({ name, versions: [] })) });
    const kb = kbOf([
      englishArticle('server', [text], products('Exchange Server')),
      englishArticle('both', [text], products('Exchange Server', 'Exchange Online')),
      englishArticle('online', ['The pony sending quota was exceeded for this hour.'], products('Exchange Online')),
      // Its own text names the other side: left out.
      englishArticle('named', ['The pony relay for Exchange Online refused the hop.'], products('Exchange Server')),
    ]);
    const swapped = buildProbes(kb, 2).filter((p) => p.rule === 'product-swap');
    assert.deepEqual(
      swapped.map((p) => [p.from, p.allowed, p.text.split('\n')[0]]),
      [
        ['server', ['both'], '    + PSComputerName        : outlook.office365.com'],
        ['online', [], '[PS] C:\\Windows\\system32>'],
      ],
    );
  });

  it('lets a product-swap probe be answered with an article of the pasted product that quotes the same message otherwise', () => {
    const products = (...names: string[]) => ({ products: names.map((name) => ({ name, versions: [] })) });
    const kb = kbOf([
      englishArticle(
        'server',
        ['The pony quota [quota name]cannot be raised. + CategoryInfo : InvalidArgument: (:) [Set-PonyQuota], PonyQuotaException'],
        products('Exchange Server'),
      ),
      // The same message in another record and with another placeholder, and the message alone.
      englishArticle(
        'record',
        ['The pony quota "<quota>" cannot be raised. + CategoryInfo : InvalidResult: (:) [Set-PonyQuota], PonyQuotaException'],
        products('Exchange Online'),
      ),
      englishArticle('alone', ['The pony quota cannot be raised.'], products('Exchange Online', 'Exchange Server')),
      englishArticle('elsewhere', ['The pony quota cannot be lowered.'], products('Exchange Online')),
    ]);
    const swapped = buildProbes(kb, 2).filter((p) => p.rule === 'product-swap' && p.from === 'server');
    assert.deepEqual(
      swapped.map((p) => p.allowed.sort()),
      [['alone', 'record']],
    );
    assert.equal(recordMessage('The pony quota [quota name]cannot be raised. + CategoryInfo : x'), 'the pony quota cannot be raised');
  });

  it('lets a product-swap probe be answered with an article of the pasted product that quotes a near twin of its message', () => {
    const products = (...names: string[]) => ({ products: names.map((name) => ({ name, versions: [] })) });
    const kb = kbOf([
      englishArticle(
        'online',
        ['No active pony stables were found for organization <organization name>. Create a pony stable first.'],
        products('Exchange Online'),
      ),
      // The message without its clause (two words fewer: a near twin), one word more that is a code (no twin), another message.
      englishArticle('server', ['No active pony stables were found. Create a pony stable first.'], products('Exchange Server')),
      englishArticle(
        'coded',
        ['No active pony stables were found for organization PONY42. Create a pony stable first.'],
        products('Exchange Server'),
      ),
      englishArticle('other', ['No active pony saddles were found. Create a pony saddle first.'], products('Exchange Server')),
    ]);
    const swapped = buildProbes(kb, 2).filter((p) => p.rule === 'product-swap' && p.from === 'online');
    assert.deepEqual(
      swapped.map((p) => p.allowed.sort()),
      [['server']],
    );
    const words = (text: string) => new Set(recordMessage(text).split(' '));
    assert.equal(
      nearTwin(words('No active pony stables were found.'), words('No active pony stables were found for organization <x>.')),
      true,
    );
    assert.equal(
      nearTwin(words('No active pony stables were found.'), words('No active pony stables were found for organization PONY42.')),
      false,
    );
    // Too short to say which error it is.
    assert.equal(nearTwin(words('Pony not found.'), words('Pony not found here.')), false);
  });

  it('puts an article scoped to some Exchange Server versions after a line of another version; an unscoped one may be answered', () => {
    const text = 'The pony offline address book could not be downloaded by the client.';
    const server = (...versions: string[]) => ({ products: [{ name: 'Exchange Server', versions }] });
    const kb = kbOf([
      englishArticle('coexisting', [text], { title: { en: 'Pony OAB in an Exchange coexistence environment' }, ...server('2016', '2019') }),
      englishArticle('plain', [text], server('2010')),
      englishArticle('later', ['The pony archive could not be opened by a MAPI client.'], {
        title: { en: 'Pony archive in Exchange Server 2013 and later versions' },
        ...server('2013'),
      }),
    ]);
    const swapped = buildProbes(kb, 2).filter((p) => p.rule === 'version-swap');
    // The newest version outside the scope; an article open to later versions has none outside it above its own.
    assert.deepEqual(
      swapped.map((p) => [p.from, p.allowed, p.text.split('\n')[0]]),
      [
        ['coexisting', ['plain'], 'Exchange Server 2013 CU23'],
        ['later', [], 'Exchange Server 2010 SP3'],
      ],
    );
  });

  it("puts an overview's text without a code above another article's bounce with a code the overview lists", () => {
    const frame = 'Pony information for administrators Generating server: <server name> <enhanced status code>';
    const kb = kbOf([
      article('overview', frame, '5.1.10 Pony not found', '5.7.1 Pony not authorized', '5.4.1 Pony relay denied'),
      article('specific', "Remote Server returned '550 5.7.1 PONY.RST.AuthRequired; the pony must authenticate'"),
      article('elsewhere', "Remote Server returned '550 5.7.64 Pony tenant attribution failed for the relay'"),
    ]);
    const probes = buildProbes(kb, ALL).filter((p) => p.rule === 'overview-frame');
    // Only the bounce whose code the overview lists; the overview may never be answered for its format.
    assert.deepEqual(
      probes.map((p) => [p.from, p.allowed, p.text.split('\n')[0]]),
      [['overview', ['specific'], frame]],
    );
  });

  it('pastes an error text alone whose words another article quotes with one more word that is no code (a near twin)', () => {
    const kb = kbOf([
      article('setup', 'The connection to the pony gateway is unavailable. The llama must be online.'),
      article('crypto', 'The connection to the pony gateway server is unavailable. The llama must be online.'),
      article('hop', 'Hop count exceeded for the pony relay ATTR34'),
      article('loop', 'Hop count exceeded for the pony relay'),
    ]);
    const probes = buildProbes(kb, 2).filter((p) => p.rule === 'near-twin');
    // The longer text holds a word the shorter lacks; a code (`ATTR34`) tells the other pair apart.
    assert.deepEqual(
      probes.map((p) => [p.from, p.allowed]),
      [['setup', []]],
    );
  });

  it('puts an error text that names no place after an EWS client or a Graph request; an article naming that interface may be answered', () => {
    const text = 'The pony folder could not be found in the stable store.';
    const kb = kbOf([
      englishArticle('owa-app', [text], { title: { en: 'Pony folders in Outlook on the web' } }),
      englishArticle('web-client', [text], { title: { en: 'Pony folders missing for riders' } }),
      englishArticle('ews-app', [text], { title: { en: 'EWS applications cannot find pony folders' } }),
      englishArticle('graph-app', [text], { title: { en: 'Microsoft Graph requests cannot find pony folders' } }),
      // Its own text says where (a cmdlet's record): left out.
      article('record', 'Get-PonyFolder : The pony stable is locked for maintenance.'),
    ]);
    // The interface is picked by a hash of the article and its text (EWS for owa-app and ews-app, Graph for the others);
    // an article whose own text names the one picked gets no probe.
    const probes = buildProbes(kb, 2).filter((p) => p.rule === 'client-swap');
    assert.deepEqual(
      probes.map((p) => [p.from, p.allowed, p.text.includes('WebServices') ? 'ews' : 'graph']),
      [
        ['owa-app', ['ews-app'], 'ews'],
        ['web-client', ['graph-app'], 'graph'],
      ],
    );
  });

  it('puts another kind of account before the error text of an article whose title or cause names one; only a fitting article may be answered', () => {
    const text = 'The pony calendar could not be opened for this rider.';
    const kb = kbOf([
      englishArticle('onprem', [text], { cause: { en: 'The mailbox is hosted on-premises.' } }),
      englishArticle('room', [text], { title: { en: 'Pony calendars of a room mailbox' } }),
      // No kind of account in its title or cause: about any account, no probe of it, and may be answered.
      englishArticle('any', [text]),
    ]);
    const probes = buildProbes(kb, 2).filter((p) => p.rule === 'account-swap');
    assert.deepEqual(
      probes.map((p) => [p.from, p.allowed, p.text.split('\n')[0]]),
      [
        ['onprem', ['any'], 'UserType : Guest'],
        ['room', ['onprem', 'any'], 'RecipientTypeDetails : MailUser'],
      ],
    );
  });

  it('finds the values that vary from paste to paste, each with another of its kind, and leaves codes and names of things', () => {
    const text =
      "Pony 15.01.2375.031 on ex01.contoso.local for 'Pat Kim' at <ServerName> (3f2504e0-4f89-41d3-9a0c-0305e82c3301) " +
      "550 5.7.64 event 4999 outlook.office365.com 'Set-Mailbox' 'System.Pony.Stable' <Tag>x</Tag> <DebugData /> <Error Id=\"7\">";
    assert.deepEqual(
      valueSpans(text).map((s) => [text.slice(s.from, s.to), s.other, s.word]),
      [
        ['15.01.2375.031', '15.01.6729.075', true],
        ['ex01.contoso.local', 'mbx02.fabrikam.com', true],
        ["'Pat Kim'", "'Alex Wilber'", true],
        ['<ServerName>', 'EX02', true],
        ['3f2504e0-4f89-41d3-9a0c-0305e82c3301', '3f2504e0-4f89-41d3-9a0c-0305e82c3301', true],
      ].filter(([v, o]) => v !== o),
    );
  });

  it('changes the values of an error text (value-swap, kept as the text) and the words after one to another text’s (value-tail)', () => {
    const kb = kbOf([
      article('exists', "Refurbishing the pony ledger failed because the stable 'Paddock One' already exists in the barn."),
      article('missing', "Grooming the donkey failed because the saddle 'Blue Ribbon' was not found in the tack room."),
    ]);
    const probes = buildProbes(kb, ALL).filter((p) => p.rule.startsWith('value-'));
    assert.deepEqual(
      probes.map((p) => [p.rule, p.from, p.allowed, p.text, p.keeps !== undefined]),
      [
        [
          'value-swap',
          'exists',
          ['exists'],
          "Refurbishing the pony ledger failed because the stable 'Alex Wilber' already exists in the barn.",
          true,
        ],
        [
          'value-tail',
          'exists',
          ['missing'],
          "Refurbishing the pony ledger failed because the stable 'Alex Wilber' was not found in the tack room.",
          false,
        ],
        [
          'value-swap',
          'missing',
          ['missing'],
          "Grooming the donkey failed because the saddle 'Alex Wilber' was not found in the tack room.",
          true,
        ],
        [
          'value-tail',
          'missing',
          ['exists'],
          "Grooming the donkey failed because the saddle 'Alex Wilber' already exists in the barn.",
          false,
        ],
      ],
    );
  });

  it('reads as a tail’s words only what the matcher reads as words (tailWords)', () => {
    assert.equal(tailWords(' was not found in the tack room'), 4, 'not, found, tack, room');
    assert.equal(tailWords(" from '{host name}'"), 0, 'a stop word and a placeholder');
    assert.equal(tailWords(' to <ServerName> on {host}'), 0);
    assert.equal(tailWords('.mail.onmicrosoft.com'), 0, 'the rest of a host name');
    assert.equal(tailWords(', M.E.Store.Worker, M.E.S.Storage.StoreCommonServices, 15.01.2375.031'), 0, 'dotted names and a version');
  });

  it('makes a value-tail probe only where both values are whole words and the tail has three words that say something', () => {
    const exists = article('exists', "Refurbishing the pony ledger failed because the stable 'Paddock One' already exists in the barn.");
    const tails = (...others: Article[]) =>
      buildProbes(kbOf([exists, ...others]), ALL)
        .filter((p) => p.rule === 'value-tail' && p.from === 'exists')
        .map((p) => p.text);
    // The words after the value are a placeholder and a stop word: the probe would be exists's text cut after its value.
    assert.deepEqual(tails(article('host', "Grooming the donkey failed for the saddle 'Blue Ribbon' from '{host name}'. Try later.")), []);
    // The value is part of a word (`<Domain>.mail.example.com`): its tail begins with the rest of that word.
    assert.deepEqual(tails(article('glued', 'Grooming the donkey failed for <Domain>.mail.example.com because the pony ran away.')), []);
    // Three words that say something after a whole value: another error.
    assert.deepEqual(
      tails(article('missing', "Grooming the donkey failed because the saddle 'Blue Ribbon' was not found in the tack room.")),
      ["Refurbishing the pony ledger failed because the stable 'Alex Wilber' was not found in the tack room."],
    );
  });

  it('puts another value in every value’s place before a value-tail probe’s cut, as value-swap does', () => {
    const probes = buildProbes(
      kbOf([
        article('exists', "Refurbishing the pony ledger failed on <Server>. The stable 'Paddock One' already exists in the barn."),
        article('missing', "Grooming the donkey failed because the saddle 'Blue Ribbon' was not found in the tack room."),
      ]),
      ALL,
    ).filter((p) => p.rule === 'value-tail' && p.from === 'exists');
    // Not `failed on <Server>.`: a paste has a server's name there, never the placeholder's words.
    assert.deepEqual(
      probes.map((p) => p.text),
      ["Refurbishing the pony ledger failed on EX02. The stable 'Alex Wilber' was not found in the tack room."],
    );
  });

  it('allows a value-tail probe the article whose text holds the tail’s inner message', () => {
    const probes = buildProbes(
      kbOf([
        article('exists', "Refurbishing the pony ledger failed because the stable 'Paddock One' already exists in the barn."),
        article(
          'agent',
          "The grooming agent 'Brush Bot' stopped because the following error occurred: PonyException: The hay loft is locked.",
        ),
        article('loft', 'Feeding failed. PonyException: The hay loft is locked.'),
      ]),
      ALL,
    ).filter((p) => p.rule === 'value-tail' && p.from === 'exists');
    assert.deepEqual(
      probes.map((p) => [p.text, p.allowed]),
      [
        [
          "Refurbishing the pony ledger failed because the stable 'Alex Wilber' stopped because the following error occurred: PonyException: The hay loft is locked.",
          ['agent', 'loft'],
        ],
      ],
    );
  });

  it('picks partners, lines and kinds by a hash of the texts: an unrelated article adds its own probes and moves no other', () => {
    const products = (...names: string[]) => ({ products: names.map((name) => ({ name, versions: [] })) });
    const articles = [
      ...KB.articles,
      article('exists', "Refurbishing the pony ledger failed because the stable 'Paddock One' already exists in the barn."),
      article('missing', "Grooming the donkey failed because the saddle 'Blue Ribbon' was not found in the tack room."),
      article(
        'agent',
        "The grooming agent 'Brush Bot' stopped because the following error occurred: PonyException: The hay loft is locked.",
      ),
      englishArticle('server', ['The pony database copy could not be seeded on this node.'], products('Exchange Server')),
      englishArticle('online', ['The pony sending quota was exceeded for this hour.'], products('Exchange Online')),
      englishArticle('room', ['The pony calendar could not be opened for this rider.'], {
        title: { en: 'Pony calendars of a room mailbox' },
      }),
    ];
    // A zebra article of every shape: a wrapper, a value, a status code, one product (sharing no text with the others: a
    // text of theirs it held would change which articles may be answered).
    const zebra = englishArticle(
      'zebra',
      [
        'Counting the zebra herd failed with the following error message : The zebra stripes could not be counted.',
        "Painting the zebra fence failed because the brush 'Stripe Two' was not dipped in the paint pot.",
        "Remote Server returned '550 5.2.2 Zebra mailbox full beyond the stripe quota'",
      ],
      products('Exchange Server'),
    );
    const text = (p: Probe) => `${p.rule} ${p.from} ${p.text}`;
    const before = buildProbes(kbOf(articles), 50).map(text);
    // At the start, the zebra goes first: places in the list move for every other text.
    const after = buildProbes(kbOf([zebra, ...articles]), 50).map(text);
    // The probes with a part of a zebra text (its words, its value's tail, its code) are the zebra's own.
    const ofZebra = (t: string) => /zebra|paint pot|5\.2\.2/i.test(t);
    assert.ok(after.filter(ofZebra).length >= 5, `the zebra's own probes: ${after.filter(ofZebra).length}`);
    assert.deepEqual(
      after.filter((t) => !ofZebra(t)),
      before,
    );
  });

  it('counts a value-swap probe lost when the text it keeps is answered right and it is not', () => {
    const probes: Probe[] = [
      { rule: 'value-swap', text: 'a2', from: 'x', allowed: ['x'], keeps: 'a' },
      { rule: 'value-swap', text: 'b2', from: 'x', allowed: ['x'], keeps: 'b' },
      { rule: 'value-swap', text: 'c2', from: 'x', allowed: ['x'], keeps: 'c' },
    ];
    const outcomes = {
      a: { decision: 'answer', article: 'x' },
      a2: { decision: 'clarify', article: 'x' },
      b: { decision: 'clarify', article: 'x' },
      b2: { decision: 'none' },
      c: { decision: 'answer', article: 'x' },
      c2: { decision: 'answer', article: 'x' },
    } as const;
    const r = runProbes(probes, (text) => outcomes[text as keyof typeof outcomes]);
    assert.deepEqual([r.lost, r.losses.map((l) => [l.got, l.text])], [1, [['clarify x 0.00', 'a2']]]);
  });

  it('counts an answer with an article not allowed as false, and one with the article it was built from apart', () => {
    const probes: Probe[] = [
      { rule: 'inner-swap', text: 'a', from: 'cert', allowed: ['winrm'] },
      { rule: 'inner-swap', text: 'b', from: 'cert', allowed: ['winrm'] },
      { rule: 'generic-in-context', text: 'c', from: 'cert', allowed: [] },
      { rule: 'wrapper-only', text: 'd', from: 'cert', allowed: [] },
      { rule: 'code-swap', text: 'e', from: 'bounce-a', allowed: ['bounce-b'] },
    ];
    const outcomes = {
      a: { decision: 'answer', article: 'cert', score: 0.9 },
      b: { decision: 'answer', article: 'winrm', score: 0.9 },
      c: { decision: 'answer', article: 'move', score: 0.85 },
      d: { decision: 'clarify', article: 'cert', score: 0.6 },
      e: { decision: 'none' },
    } as const;
    const r = runProbes(probes, (text) => outcomes[text as keyof typeof outcomes]);
    assert.deepEqual([r.total, r.falseAnswers, r.answeredFrom, r.answeredRight, r.offered, r.none], [5, 2, 1, 1, 1, 1]);
    assert.deepEqual(r.byRule, {
      'inner-swap': { total: 2, falseAnswers: 1 },
      'generic-in-context': { total: 1, falseAnswers: 1 },
      'wrapper-only': { total: 1, falseAnswers: 0 },
      'code-swap': { total: 1, falseAnswers: 0 },
    });
    assert.deepEqual(
      r.failures.map((f) => [f.rule, f.answered, f.from]),
      [
        ['inner-swap', 'cert', 'cert'],
        ['generic-in-context', 'move', 'cert'],
      ],
    );
  });
});
