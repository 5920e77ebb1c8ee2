import assert from 'node:assert/strict';
import type { Article } from '../../src/knowledge/types';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { packedSignals, PROPERTY } from '../../src/matching/packed';
import { propertiesOf } from '../../src/matching/readPaste';
import { buildSignals, contentTerms, gramCode, isCodeTerm, isStrongTerm, propertyName, type ErrorSignal } from '../../src/matching/signals';
import { englishArticle as article } from '../helpers/articles';

/** The signal of one English error text in an index of its own (plus `others`, which only change the weights). */
const signalOf = (error: string, ...others: Article[]): ErrorSignal => buildSignals([article('x', [error]), ...others]).errors[0];
/** The signal's units as their words. */
const unitsOf = (sig: ErrorSignal) => sig.units.map((u) => sig.terms.slice(u.start, u.end).join(' '));

describe('matching/signals', () => {
  describe("property lines: a Get-* listing's `Name : Value`", () => {
    it('knows a property name: one CamelCase word before the colon, no cmdlet noun, class or dotted name', () => {
      for (const piece of ['LitigationHoldEnabled ', 'x DeviceOS', '+ ErrorSummary\t']) assert.ok(propertyName(piece), piece);
      for (const piece of ['error message ', 'Get-OrganizationConfig ', 'MapiExceptionCorruptData', 'System.ObjectState', 'Status', ''])
        assert.ok(!propertyName(piece), piece);
    });

    it('marks the name before its value in an error text (PROPERTY), not a word before an announced message', () => {
      const index = buildSignals([article('x', ['QuokkaHoldEnabled : False WombatState : Ready']), article('y', ['Gadget failed: x y z'])]);
      const pk = packedSignals(index);
      const marked = (id: number) => index.errors[id].terms.filter((_, k) => pk.flags[pk.termStart[id] + k] & PROPERTY);
      assert.deepEqual(marked(0), ['quokkaholdenabled', 'wombatstate']);
      assert.deepEqual(marked(1), []);
    });

    it("reads a paste's property lines: each name with its value's first word, a listing copied flat too", () => {
      assert.deepEqual(propertiesOf(['QuokkaHoldState : Allowed', '  Name   : The Jsmith box']), [
        'quokkaholdstate',
        'allowed',
        'name',
        'jsmith',
      ]);
      assert.deepEqual(propertiesOf(['DeviceType : Outlook DeviceOS : iOS 17']), ['devicetype', 'outlook', 'deviceos', 'ios']);
      // No value words (a GUID clean-up dropped, an empty one), a drive, a time, an address, a cmdlet's record.
      assert.deepEqual(propertiesOf(['Guid :', 'Path: C:\\x', 'Address: SMTP:a', 'Set-Mailbox : failed']), ['address', 'smtp']);
    });
  });

  describe('isStrongTerm: codes and exception names name one problem', () => {
    it('knows HCW codes of 3 to 5 digits, error result codes with the high bit set, AADSTS codes and exception names', () => {
      for (const t of [
        'hcw101',
        'hcw8078',
        'hcw10001',
        '0x80040155',
        '0xc0000022',
        '0xe0434352',
        'aadsts5001',
        'aadsts700016',
        'xexception',
      ])
        assert.ok(isStrongTerm(t), t);
    });

    it('is not fooled by near misses: too few or too many digits, low hex values, words around the code', () => {
      for (const t of ['hcw10', 'hcw100001', '0x7fffffff', '0x8004015', '0x800401550', 'aadsts500', 'exception', 'myhcw8078', 'hcw8078x'])
        assert.ok(!isStrongTerm(t), t);
    });
  });

  it('isCodeTerm: HCW, result and sign-in codes label one error; an exception class names a family', () => {
    for (const t of ['hcw8083', '0x80040155', 'aadsts50011']) assert.ok(isCodeTerm(t), t);
    for (const t of ['migrationpermanentexception', 'hcw10', '0x7fffffff', 'attr34', '403']) assert.ok(!isCodeTerm(t), t);
  });

  it('gramCode: a word is its own id, a pair and a triple numbers above all words and all pairs', () => {
    assert.equal(gramCode(10, 3), 3);
    assert.equal(gramCode(10, 3, 4), 10 + 34);
    assert.equal(gramCode(10, 3, 4, 5), 10 + 100 + 345);
    assert.equal(gramCode(10, 9, 9), 10 + 99);
  });

  it('contentTerms: folded words without stop words of either language', () => {
    assert.deepEqual(contentTerms('The connection was closed by the Server'), ['connection', 'closed', 'server']);
    assert.deepEqual(contentTerms('Der Zugriff wurde verweigert'), ['zugriff', 'verweigert']);
  });

  describe('one error text: terms, units and the inner message', () => {
    it('cuts at sentence ends, at a colon before a space or quote, at quotes, at arrows, before advice and before stack frames', () => {
      assert.deepEqual(unitsOf(signalOf('Alpha failed. Beta broke! Gamma stopped? Delta ended')), [
        'alpha failed',
        'beta broke',
        'gamma stopped',
        'delta ended',
      ]);
      assert.deepEqual(unitsOf(signalOf('Event ID: 4002 --> Gamma broke -> delta stopped')), [
        'event id',
        '4002',
        'gamma broke',
        'delta stopped',
      ]);
      // No cut inside a word or number: a version (1.2), a ratio (1:2) or a file name (a.b).
      assert.deepEqual(unitsOf(signalOf('TLS 1.2 at ratio 1:2 in file.log failed')), ['tls 1 2 ratio 1 2 file log failed']);
      assert.deepEqual(unitsOf(signalOf('The sprocket failed. Please restart the gizmo.')), ['sprocket failed', 'restart gizmo']);
      assert.deepEqual(unitsOf(signalOf('The sprocket failed Bitte neu starten')), ['sprocket failed', 'neu starten']);
      assert.deepEqual(unitsOf(signalOf('The sprocket failed For more information see the log')), [
        'sprocket failed',
        'more information see log',
      ]);
      assert.deepEqual(unitsOf(signalOf('The sprocket failed at Foo.Bar.Baz(arg)')), ['sprocket failed', 'foo bar baz arg']);
    });

    it('marks what follows an opening quote as nested, and what follows a sentence end as after a sentence', () => {
      const sig = signalOf('Gizmo failed: "Sprocket broke"');
      assert.deepEqual(unitsOf(sig), ['gizmo failed', 'sprocket broke']);
      assert.deepEqual(
        sig.units.map((u) => u.nested),
        [false, true],
      );
      assert.deepEqual(
        signalOf('Alpha failed. Beta broke: gamma').units.map((u) => u.afterSentence),
        [false, true, false],
      );
    });

    it('returns to the outer message after a closing quote, and keeps quotes nested inside quotes', () => {
      // A quoted value: what follows its closing quote is the message around it again, not an inner message. (The X500
      // address in it is one value: only its kind stays, normalize.ts withoutDirectoryAddresses.)
      const value = signalOf('The sprocket "X500:/O=Alpha/CN=Beta" is already claimed by the gizmo.');
      assert.deepEqual(unitsOf(value), ['sprocket', 'x500', 'already claimed gizmo']);
      assert.deepEqual(
        value.units.map((u) => u.nested),
        [false, true, false],
      );
      // Quotes inside quotes: the inner quote opens a deeper message, the two closing quotes end both.
      const chain = signalOf('Gizmo failed. Detailed information: "Sprocket broke. Detailed information: "Marmot refused the handshake"".');
      assert.deepEqual(
        chain.units.map((u) => u.nested),
        [false, false, true, false, true],
      );
      assert.equal(chain.detailKey, 'marmot refused handshake');
    });

    it('closes a quote only when one is open, after a word and before a space, punctuation or the end', () => {
      // A quote with none open opens one, whatever follows it: a stray closing quote too.
      const stray = signalOf('Gizmo failed at sprocket" and the marmot broke');
      assert.deepEqual(unitsOf(stray), ['gizmo failed sprocket', 'marmot broke']);
      assert.deepEqual(
        stray.units.map((u) => u.nested),
        [false, true],
      );
      // A quote right after a colon, before a word, opens a deeper one inside the open quote.
      const deeper = signalOf('Gizmo failed. Detailed information: "Sprocket failed:"Marmot refused the handshake"".');
      assert.deepEqual(
        deeper.units.map((u) => u.nested),
        [false, false, true, true],
      );
      assert.equal(deeper.detailKey, 'marmot refused handshake');
    });

    it('keeps what follows a closed inner quote nested while an outer quote is still open', () => {
      const sig = signalOf('Gizmo failed. Error details: "Sprocket "X500" is claimed by marmot."');
      assert.deepEqual(unitsOf(sig), ['gizmo failed', 'error details', 'sprocket', 'x500', 'claimed marmot']);
      assert.deepEqual(
        sig.units.map((u) => u.nested),
        [false, false, true, true, true],
      );
    });

    it('reads an arrow or a colon at the very start of a text as nothing: no chain, no inner message', () => {
      const arrow = signalOf('--> Gizmo failed. Sprocket broke');
      assert.deepEqual(
        arrow.units.map((u) => u.nested),
        [false, false],
      );
      assert.deepEqual(arrow.arrows, []);
      assert.deepEqual(unitsOf(signalOf(': Gizmo failed')), ['gizmo failed']);
    });

    it("makes an error text's units and arrows once: every later read gets the same objects", () => {
      const sig = signalOf('Gizmo failed. --> Sprocket broke: marmot refused');
      assert.equal(sig.units, sig.units);
      assert.equal(sig.arrows, sig.arrows);
      assert.deepEqual(sig.arrows, [{ unit: 1, detailUnit: 0 }]);
    });

    it('reads a chain marker from the words of the unit before the colon only', () => {
      // `error. Message:`: the two last words are `error message`, but the unit is `message` alone, no marker.
      const sig = signalOf('Sync failed with error. Message: The marmot certificate has expired.');
      assert.deepEqual(
        sig.units.map((u) => u.nested),
        [false, false, false],
      );
      assert.equal(sig.detailUnit, 0);
    });

    it('takes a quoted part as announced when the unit before it ends with a marker, without a colon too', () => {
      const sig = signalOf('Provisioning failed with sync detailed information "The gateway refused the handshake"');
      assert.equal(sig.detailUnit, 1);
      assert.equal(sig.detailKey, 'gateway refused handshake');
    });

    it('takes the last quoted part as the inner message only when the error announces it and no sentence follows', () => {
      const announced = signalOf('Provisioning failed. Detailed information: "The gateway refused the handshake"');
      assert.equal(announced.detailUnit, 2);
      assert.equal(announced.detailKey, 'gateway refused handshake');
      // Quotes around a value, not announced: no inner message, the whole text is the key.
      const value = signalOf('The record "gateway refused handshake" was not found');
      assert.equal(value.detailUnit, 0);
      assert.equal(value.detailKey, value.terms.join(' '));
      // Announced, but a sentence follows it: the quotes held a value.
      assert.equal(
        signalOf('Provisioning failed. Error details: "The gateway refused the handshake" for tenant alpha. Try again later.').detailUnit,
        0,
      );
    });

    it('reads an error chain: after a marker (`error message:`, `Details:`) or an exception name and a colon comes the inner message', () => {
      for (const text of [
        'Connecting to the vault failed with the following error message : The marmot certificate has expired.',
        'Loading the vault failed. Error details: The marmot certificate has expired.',
        'Loading the vault failed. Fehlerdetails: The marmot certificate has expired.',
        'Loading the vault failed. Inner exception: The marmot certificate has expired.',
        'WidgetPermanentException: The marmot certificate has expired.',
      ]) {
        const sig = signalOf(text);
        assert.equal(sig.units.at(-1)!.nested, true, text);
        assert.equal(sig.detailKey, 'marmot certificate expired', text);
      }
      // A colon after other words is a field and its value; `Exception` alone is no class name.
      for (const text of [
        'Loading the vault failed: The marmot certificate has expired.',
        'Exception: The marmot certificate has expired.',
      ])
        assert.deepEqual([signalOf(text).units.at(-1)!.nested, signalOf(text).detailUnit], [false, 0], text);
    });

    it('keeps the inner message when only advice follows it (`For more information, see…`, `Please…`): advice is no further sentence', () => {
      for (const advice of [
        'For more information, see the about_Marmot_Troubleshooting Help topic.',
        'Please try the quokka again later.',
      ]) {
        const text = `Connecting to the vault server failed with the following error message : The marmot certificate has expired. ${advice}`;
        const sig = signalOf(text);
        assert.equal(unitsOf(sig)[sig.detailUnit], 'marmot certificate expired', text);
      }
      // A sentence of the message itself after the quoted part still makes the quotes a value.
      assert.equal(
        signalOf('Provisioning failed. Error details: "The gateway refused the handshake" for tenant alpha. Try again later.').detailUnit,
        0,
      );
    });

    it('takes the unit before in when the inner message is shorter than 3 words', () => {
      const sig = signalOf('Provisioning the gizmo failed. Detailed information: "Access denied"');
      assert.deepEqual(unitsOf(sig), ['provisioning gizmo failed', 'detailed information', 'access denied']);
      assert.equal(sig.detailUnit, 1);
      assert.equal(sig.detailKey, 'detailed information access denied');
    });

    it('leaves placeholders, example values in quotes and URLs out of the terms, and remembers where they were', () => {
      const sig = signalOf("The server <ServerName> rejected {0} for 'contoso.com' at https://x.example/y today xxxx-xxxx");
      assert.deepEqual(sig.terms, ['server', 'rejected', 'today']);
      assert.deepEqual(Array.from(sig.varAfter, Boolean), [true, true, true]);
      // A quoted cmdlet, a quoted .NET type and a quoted phrase of more than three words are the message itself.
      assert.deepEqual(signalOf("Running 'Set-FederatedOrganizationIdentifier' failed").terms, [
        'running',
        'set',
        'federatedorganizationidentifier',
        'failed',
      ]);
      assert.deepEqual(signalOf("Cannot load 'System.Runtime.Serialization.Holder' quickly").terms, [
        'cannot',
        'load',
        'system',
        'runtime',
        'serialization',
        'holder',
        'quickly',
      ]);
      assert.deepEqual(signalOf("Cannot load 'one two three four' quickly").terms, [
        'cannot',
        'load',
        'one',
        'two',
        'three',
        'four',
        'quickly',
      ]);
      assert.deepEqual(signalOf("Cannot load 'one two three' quickly").terms, ['cannot', 'load', 'quickly']);
      // Words are counted between runs of white space.
      assert.deepEqual(signalOf("Cannot load 'one  two   three' quickly").terms, ['cannot', 'load', 'quickly']);
      // A dotted name without a capital is no .NET type: an example value like any other.
      assert.deepEqual(signalOf("Cannot load 'alpha.bravo.charlie' quickly").terms, ['cannot', 'load', 'quickly']);
    });

    it('reads a short name in double quotes right after the object it names as an example value, not a code or a message', () => {
      const sig = signalOf('Cannot open the Calendar folder for user "room alias". The operation failed.');
      assert.deepEqual(sig.terms, ['cannot', 'open', 'calendar', 'folder', 'user', 'operation', 'failed']);
      assert.deepEqual(unitsOf(sig), ['cannot open calendar folder user', 'operation failed']);
      assert.equal(sig.varAfter[4], 1);
      assert.deepEqual(signalOf('Multiple mailbox users match identity "Mailbox1".').terms, [
        'multiple',
        'mailbox',
        'users',
        'match',
        'identity',
      ]);
      // Codes, a product's own names and messages in double quotes stay words of the error.
      assert.deepEqual(signalOf('Validation failed in agent "Provisioning Policy Agent" today').terms, [
        'validation',
        'failed',
        'agent',
        'provisioning',
        'policy',
        'agent',
        'today',
      ]);
      assert.deepEqual(signalOf('The user "InternalUrl_Duplicate" was refused').terms, ['user', 'internalurl', 'duplicate', 'refused']);
      assert.deepEqual(signalOf('The mailbox "ArbitrationMailbox" was refused').terms, ['mailbox', 'arbitrationmailbox', 'refused']);
      assert.deepEqual(signalOf('For user "the pony ran away fast" the ledger failed').terms, [
        'user',
        'pony',
        'ran',
        'away',
        'fast',
        'ledger',
        'failed',
      ]);
    });

    it("reads an event record's field names and the values every record has as placeholders, keeping source, id and message", () => {
      const sig = signalOf(
        'Log Name: Application Source: Yak Gateway Event ID: 9321 Task Category: Ledger Level: Error Keywords: Classic ' +
          'User: N/A Computer: EX01 Description: The pony ledger refused the handshake.',
      );
      assert.deepEqual(sig.terms, ['yak', 'gateway', '9321', 'ledger', 'pony', 'ledger', 'refused', 'handshake']);
      // The values that say which event it is are one unit; no word pair across a field name.
      assert.deepEqual(unitsOf(sig), ['yak gateway 9321 ledger', 'pony ledger refused handshake']);
      assert.deepEqual(Array.from(sig.varAfter, Boolean).slice(0, 4), [false, true, true, true]);
      // Copied from Event Viewer line by line: the same.
      assert.deepEqual(
        signalOf(
          'Log Name:      Application\nSource:        Yak Gateway\nEvent ID:      9321\nLevel:         Error\nDescription:\nThe pony failed.',
        ).terms,
        ['yak', 'gateway', '9321', 'pony', 'failed'],
      );
      // A long "value" is a message (`Current user: … failed`), and two labels are no record.
      assert.deepEqual(
        signalOf('Source: Yak Event ID: 4 Level: Error Description: Current user: pat asked for the ledger and it failed').terms,
        ['yak', '4', 'current', 'pat', 'asked', 'ledger', 'failed'],
      );
      assert.deepEqual(signalOf('Source: Yak Level: Error the pony failed').terms, ['source', 'yak', 'level', 'error', 'pony', 'failed']);
    });

    it('reads the other event record shapes articles quote the same way: Get-EventLog, Exchange 2003, the event reference', () => {
      // Get-EventLog's list: time, level and machine are the record's; the id and the source say which event, the message opens its unit.
      const listed = signalOf(
        'Time: 7/05/2026 2:20:24 PM ID: 4999 Level: Error Source: Yak Gateway Machine: EX01.contoso.com Message: The pony ledger refused the handshake.',
      );
      assert.deepEqual(listed.terms, ['4999', 'yak', 'gateway', 'pony', 'ledger', 'refused', 'handshake']);
      assert.deepEqual(unitsOf(listed), ['4999 yak gateway', 'pony ledger refused handshake']);
      // The same with its values in quotes.
      assert.deepEqual(signalOf('ID: "1001" Level: "Error" Source: "Yak Gateway" Message: "The pony failed."').terms, [
        '1001',
        'yak',
        'gateway',
        'pony',
        'failed',
      ]);
      // Exchange 2003's: the event type is the level; source, category and id stay.
      assert.deepEqual(
        signalOf('Event Type: Error Event Source: Yak Gateway Event Category: Ledger Event ID: 1035 Description: The pony failed.').terms,
        ['yak', 'gateway', 'ledger', '1035', 'pony', 'failed'],
      );
      // The event reference's: product and version are the program that logged it; the component and symbolic name stay.
      assert.deepEqual(
        signalOf(
          'Product: Walrus Event ID: 12003 Source: Yak Version: 6.0 Component: Ledger Store Symbolic Name: msgidPonyFailure Message: The pony failed.',
        ).terms,
        ['12003', 'yak', 'ledger', 'store', 'msgidponyfailure', 'pony', 'failed'],
      );
      // A field name written in lower case inside the message (`process id:`) is the message's word.
      assert.deepEqual(signalOf('ID: 4999 Level: Error Source: Yak Message: Watson report for process id: 7996 failed').terms, [
        '4999',
        'yak',
        'watson',
        'report',
        'process',
        'id',
        '7996',
        'failed',
      ]);
    });

    it("reads a Watson crash report's parameters as its inner message, and its closing flag as the record's frame", () => {
      // Every crash logs the sentence; the parameters (program, module, method, exception) say which crash it is.
      const sig = signalOf(
        'Time: 7/05/2026 2:20:24 PM ID: 4999 Level: Error Source: Yak Common Machine: EX01 Message: Watson report about to be sent ' +
          'for process id: 10472, with parameters: E12IIS, c-RTL-AMD64, 15.00.1178.004, w3wp#YakPool, Yak.Ledger.Convert, ' +
          'System.MissingMethodException, a16f, 003. ErrorReportingEnabled: False',
      );
      assert.equal(
        unitsOf(sig)[sig.detailUnit],
        'e12iis rtl amd64 004 w3wp yakpool yak ledger convert system missingmethodexception a16f 003',
      );
      assert.ok(!sig.terms.includes('errorreportingenabled'), sig.terms.join(' '));
    });

    it('drops the PowerShell error record that follows a copied error: it is the frame, not the error', () => {
      assert.deepEqual(signalOf('The gizmo failed. + CategoryInfo : NotSpecified').terms, ['gizmo', 'failed']);
      assert.deepEqual(signalOf('The gizmo failed. At line:1 char:1 + Foo').terms, ['gizmo', 'failed']);
    });

    it('weighs stack-trace frames at a quarter and never takes them as the inner message', () => {
      const sig = signalOf('The gizmo failed with sprocket.\n   at Foo.Bar.Baz()\n   at Qux.Quux.Corge()');
      assert.deepEqual(unitsOf(sig), ['gizmo failed sprocket', 'foo bar baz', 'qux quux corge']);
      assert.deepEqual(
        sig.units.map((u) => u.nested),
        [false, false, false],
      );
      const weight = (t: string) => sig.weights[sig.terms.indexOf(t)];
      // All words are in this one error text only: the same weight before the frame factor.
      assert.equal(weight('foo') / weight('gizmo'), DEFAULT_PARAMETERS.index.frameFactor);
    });

    it('counts a word that stands in the message and in a frame at its message weight in the information', () => {
      const sig = signalOf('The gizmo failed.\n   at Gizmo.Bar.Baz()');
      assert.deepEqual(sig.terms, ['gizmo', 'failed', 'gizmo', 'bar', 'baz']);
      const [gizmo, failed, , bar, baz] = sig.weights;
      assert.equal(sig.information, gizmo + failed + bar + baz);
      assert.ok(gizmo > bar);
    });

    it('knows the words, pairs and triples the error repeats', () => {
      const index = buildSignals([article('x', ['error occurred inside. error occurred outside. error occurred inside again'])]);
      const { ids, terms } = index.vocab;
      const gram = (...words: string[]) => gramCode(terms.length, ...(words.map((w) => ids.get(w)!) as [number, number?, number?]));
      const repeated = index.errors[0].repeated;
      assert.ok(
        repeated.has(gram('error')) && repeated.has(gram('error', 'occurred')) && repeated.has(gram('error', 'occurred', 'inside')),
      );
      assert.ok(!repeated.has(gram('outside')) && !repeated.has(gram('occurred', 'outside')));
    });
  });

  describe('the index of a knowledge base', () => {
    const kb = [
      article('a', ['Gizmo sprocket failed.', 'Gizmo HCW8078 stopped.'], {
        keywords: { en: ['free/busy', 'the', 'doohickey'] },
        symptoms: [
          {
            id: 'main',
            description: { en: 'd' },
            errors: { en: ['Gizmo sprocket failed.', 'Gizmo HCW8078 stopped.', 'the and'], de: ['Zahnrad kaputt.'] },
            keywords: { en: ['sprocket outage'] },
            context: { de: ['hybrid umgebung'] },
          },
        ],
      }),
      article('b', ['Widget failed.']),
    ];
    let index: ReturnType<typeof buildSignals>;
    beforeEach(() => {
      index = buildSignals(kb);
    });

    it('holds every error text with a content word, in both languages, and which article and symptom it belongs to', () => {
      assert.deepEqual(
        index.errors.map((e) => [e.article, e.symptom, e.lang, e.text]),
        [
          [0, 'main', 'de', 'Zahnrad kaputt.'],
          [0, 'main', 'en', 'Gizmo sprocket failed.'],
          [0, 'main', 'en', 'Gizmo HCW8078 stopped.'],
          [1, 'main', 'en', 'Widget failed.'],
        ],
      );
    });

    it('weighs a word by how few error texts hold it, codes 2.5 times, and measures evidence in a word of one text', () => {
      const n = index.errors.length + 1;
      const w = (t: string) => index.weight[index.vocab.ids.get(t)!];
      assert.equal(w('sprocket'), Math.log(1 + n / 1));
      assert.equal(w('gizmo'), Math.log(1 + n / 2));
      assert.equal(w('failed'), Math.log(1 + n / 2));
      assert.equal(w('hcw8078'), Math.log(1 + n / 1) * 2.5);
      assert.equal(index.uniqueWeight, Math.log(1 + n));
      const sig = index.errors[1];
      assert.deepEqual(Array.from(sig.weights), [w('gizmo'), w('sprocket'), w('failed')]);
      assert.equal(sig.information, w('gizmo') + w('sprocket') + w('failed'));
      assert.equal(sig.meanWeight, sig.information / 3);
    });

    it('lists for every word the error texts that hold it', () => {
      const postings = (t: string) => [...index.postings[index.vocab.ids.get(t)!]];
      assert.deepEqual(postings('gizmo'), [1, 2]);
      assert.deepEqual(postings('failed'), [1, 3]);
      assert.deepEqual(postings('kaputt'), [0]);
      assert.equal(index.vocab.ids.get('the'), undefined);
    });

    it('files keyword phrases under their first word, joined spelling too; topics are the article keywords and the context', () => {
      const phrase = (first: string) => index.phrases.get(first)?.map((p) => [p.article, p.symptom, p.terms.join(' '), p.topic]);
      assert.deepEqual(phrase('free'), [[0, null, 'free busy', true]]);
      assert.deepEqual(phrase('freebusy'), [[0, null, 'freebusy', true]]);
      assert.deepEqual(phrase('sprocket'), [[0, 'main', 'sprocket outage', false]]);
      assert.deepEqual(phrase('sprocketoutage'), [[0, 'main', 'sprocketoutage', false]]);
      assert.deepEqual(phrase('hybrid'), [[0, 'main', 'hybrid umgebung', true]]);
      // A one-word phrase once: it has no other spelling.
      assert.deepEqual(phrase('doohickey'), [[0, null, 'doohickey', true]]);
      // A phrase of stop words alone is no phrase.
      assert.equal([...index.phrases.values()].flat().length, 7);
    });

    it("gives every error text views of its own part of the flat arrays: the same as that text's index alone", () => {
      const texts = [
        'Gizmo failed. Gizmo failed again.',
        'Widget stopped. Error details: "The sprocket broke down completely today."',
        'Sprocket error. Sprocket error. Widget error.',
        'A plain widget message without repeats here',
      ];
      const many = buildSignals([article('a', texts.slice(0, 2)), article('b', texts.slice(2))]);
      const repeatedWords = (sig: ErrorSignal, ids: Map<string, number>) => sig.terms.filter((t) => sig.repeated.has(ids.get(t)!));
      texts.forEach((text, i) => {
        const alone = buildSignals([article('x', [text])]);
        const [sig, own] = [many.errors[i], alone.errors[0]];
        assert.deepEqual([Array.from(sig.firsts), sig.detailKey], [Array.from(own.firsts), own.detailKey], text);
        assert.deepEqual(repeatedWords(sig, many.vocab.ids), repeatedWords(own, alone.vocab.ids), text);
        assert.equal(sig.repeated.has(-1), false);
      });
      assert.deepEqual(
        many.errors.map((e) => new Set(repeatedWords(e, many.vocab.ids)).size),
        [2, 0, 2, 0],
      );
    });

    it('calls a unit generic when error texts of 2 articles hold it, not when 2 texts of one article do', () => {
      const generic = (e: ErrorSignal) => e.units.map((u) => u.generic);
      const shared = buildSignals([article('a', ['Gizmo failed. Access is denied.']), article('b', ['Widget failed. Access is denied.'])]);
      assert.deepEqual(shared.errors.map(generic), [
        [false, true],
        [false, true],
      ]);
      const own = buildSignals([article('a', ['Gizmo failed. Access is denied.', 'Widget failed. Access is denied.'])]);
      assert.deepEqual(own.errors.map(generic), [
        [false, false],
        [false, false],
      ]);
    });
  });
});
