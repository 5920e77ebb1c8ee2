import assert from 'node:assert/strict';
import {
  cleanPaste,
  decodeEntities,
  droppedTerm,
  foldWord,
  hasSpaced,
  splitNegations,
  stripLineLabels,
  termsOf,
  tokenize,
} from '../../src/matching/normalize';

describe('matching/normalize', () => {
  it('decodes HTML entities left by web pages', () => {
    assert.equal(
      decodeEntities('&quot;Windows Live&quot; &amp; f&uuml;r &#39;x&#39; &#x27;y&#x27; &bogus;'),
      "\"Windows Live\" & für 'x' 'y' &bogus;",
    );
  });

  it('decodes numeric entities in upper-case hex too, and keeps those that name no character', () => {
    assert.equal(decodeEntities('&#X27;a&#X27; &#x10FFFF; &#1114111;'), "'a' \u{10FFFF} \u{10FFFF}");
    assert.equal(decodeEntities('&#0; &#x0; &#x110000; &#1114112;'), '&#0; &#x0; &#x110000; &#1114112;');
  });

  it("splits negations: can't → cannot, won't → will not, isn't → is not", () => {
    assert.equal(splitNegations("I can't, it won't, it isn't, they Won’t"), 'I cannot, it will not, it is not, they will not');
  });

  it('reads a hex number as its value: leading zeros and a bare HRESULT write the same code (hexValue)', () => {
    assert.equal(foldWord('0x000004DC'), '0x4dc');
    assert.equal(foldWord('0x0004dc'), '0x4dc');
    assert.equal(foldWord('0x00000000'), '0x0');
    assert.equal(foldWord('80070005'), '0x80070005');
    assert.equal(foldWord('800CCC0E'), foldWord('0x800ccc0e'));
    // Unchanged: a code without leading zeros, another eight-digit number, a word that merely starts like one.
    assert.equal(foldWord('0x80070005'), '0x80070005');
    assert.equal(foldWord('20231201'), '20231201');
    assert.equal(foldWord('0xzz'), '0xzz');
    // A fault offset of sixteen digits stays as it is, dropped like any long hex number.
    assert.deepEqual(termsOf('Fault offset: 0x000000000001b0e0'), ['fault', 'offset']);
    assert.deepEqual(termsOf('Error 0x000004dc, then 80070005'), ['error', '0x4dc', 'then', '0x80070005']);
  });

  it('reads every kind of line end as one: \\r\\n, \\r and \\n', () => {
    assert.deepEqual(cleanPaste('first line\r\nsecond line\rthird line\nfourth line'), [
      'first line',
      'second line',
      'third line',
      'fourth line',
    ]);
  });

  it('folds case and every spelling of umlauts to one form (English words fold the same way on both sides)', () => {
    assert.equal(foldWord('True'), foldWord('TRUE'));
    assert.equal(foldWord('FÜR'), 'fur');
    assert.equal(foldWord('fuer'), 'fur');
    assert.equal(foldWord('fur'), 'fur');
    assert.equal(foldWord('Domänenüberprüfung'), foldWord('Domaenenueberpruefung'));
    assert.equal(foldWord('Straße'), 'strasse');
    assert.equal(foldWord('Loeschen'), foldWord('Löschen'));
    assert.equal(foldWord('Aenderung'), foldWord('Änderung'));
  });

  it('reads ae, oe, ue as an umlaut only where German spells one that way (English words and diphthongs keep them)', () => {
    // After q, after a vowel or at the word's end the letters are themselves: no umlaut is written so.
    assert.equal(foldWord('request'), 'request');
    assert.equal(foldWord('Queue'), 'queue');
    assert.equal(foldWord('value'), 'value');
    assert.equal(foldWord('neue'), 'neue');
    assert.equal(foldWord('Dauer'), 'dauer');
    // `due` folded onto German `du`, a stop word, and lost its weight.
    assert.notEqual(foldWord('due'), foldWord('du'));
  });

  it('removes values that change from paste to paste: GUIDs, timestamps, e-mail addresses, URLs, IPs, long numbers', () => {
    const terms = termsOf(
      cleanPaste(
        'RequestId=5c6b0f0e-1234-4e0b-9d1c-2a2b3c4d5e6f TimeStamp=3/4/2024 10:11:12 AM admin@contoso.com https://x.y/z 10.1.2.3 2026-11-28T10:00:00Z 12345678 HTTP 403',
      ).join(' '),
    );
    assert.deepEqual(terms, ['requestid', 'timestamp', 'http', '403'].map(foldWord));
  });

  // cleanPaste skips the GUID, ISO date and time patterns on a paste without such a run of separators: each match holds one.
  it('finds a run of a character at fixed distances (a GUID, date or time), anywhere and nowhere else', () => {
    assert.equal(hasSpaced('RequestId=7d1e9a40-3b2c-4f8e-9a11-5c6d7e8f9012', '-', 5, 3), true);
    assert.equal(hasSpaced('Set-Mailbox -Identity x-y-z', '-', 5, 3), false);
    assert.equal(hasSpaced('a-bcde-fghi-jklm', '-', 5, 3), false); // the last one would stand past the end
    assert.equal(hasSpaced('a-bcde-fghi-jklm-', '-', 5, 3), true);
    assert.equal(hasSpaced('x-y 2026-11-28', '-', 3, 1), true);
    assert.equal(hasSpaced('at 7:12:45 AM', ':', 3, 1), true);
    assert.equal(hasSpaced('at 7:12 and 8:30', ':', 3, 1), false);
    assert.equal(hasSpaced('', ':', 3, 1), false);
    // What the guarded patterns remove is removed, and text without such a run is kept.
    assert.deepEqual(cleanPaste('id 7d1e9a40-3b2c-4f8e-9a11-5c6d7e8f9012 at 2026-11-28 07:12:45 done'), ['id   at   done']);
    assert.deepEqual(cleanPaste('Get-Mailbox -Identity a-b-c at 7:12'), ['Get-Mailbox -Identity a-b-c at 7:12']);
  });

  it('keeps codes that identify errors', () => {
    assert.deepEqual(termsOf('HCW8078 0x80004005 1007 AccessDenied'), ['hcw8078', '0x80004005', '1007', 'accessdenied']);
  });

  it('drops exactly the terms its three patterns dropped: long digit runs, long hex numbers, single letters', () => {
    const byPatterns = (w: string) => /^\d{6,}$/.test(w) || /^0x[0-9a-f]{9,}$/.test(w) || /^[a-z]$/.test(w);
    const words = ['a', 'z', 'é', '7', '٣', '12345', '123456', '0x12345678', '0x123456789', '0xabcdef0123', '0xabcdefg012', '00x123456789'];
    // Random words over the characters that decide (digits, hex letters, x, other letters, a non-ASCII digit); some
    // begin with 0x, some are mostly digits.
    const alphabet = '0123456789abcdefxgzé٣';
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + Math.floor(next() * 14);
      const kind = next();
      const chars = kind < 0.3 ? alphabet.slice(0, 10) + 'a' : alphabet;
      let w = kind > 0.7 ? '0x' : '';
      while (w.length < length) w += chars[Math.floor(next() * chars.length)];
      words.push(w);
    }
    for (const w of words) assert.equal(droppedTerm(w), byPatterns(w), w);
    // Each kind of dropped term is among them many times.
    for (const kind of [/^\d{6,}$/, /^0x[0-9a-f]{9,}$/, /^[a-z]$/]) assert.ok(words.filter((w) => kind.test(w)).length > 100, String(kind));
  });

  it('splits a code run into the word before it (a lost line break), and nothing else', () => {
    assert.deepEqual(
      tokenize('possible mail loopATTR34 [host]').tokens.map((t) => t.term),
      ['possible', 'mail', 'loop', 'attr34', 'host'],
    );
    assert.deepEqual(
      tokenize('failed errorHCW8078').tokens.map((t) => t.term),
      ['failed', 'error', 'hcw8078'],
    );
    // Not a code (no digits), not glued to a lower-case word, or one letter only: kept whole.
    assert.deepEqual(
      tokenize('mailboxGUID ExchangeSE2019 FYDIBOHF23SPDLT xHCW8078 IPv4').tokens.map((t) => t.term),
      ['mailboxguid', 'exchangese2019', 'fydibohf23spdlt', 'xhcw8078', 'ipv4'],
    );
  });

  it("reads the message trace's MSG field of a last error as the Message field a bounce writes, and no other MSG", () => {
    assert.deepEqual(
      tokenize('[{LED=450 4.4.316 Connection refused};{MSG=Socket error code 10061};{FQDN=relay}]').tokens.map((t) => t.term),
      ['led', '450', 'smtp4x4x316', 'connection', 'refused', 'message', 'socket', 'error', 'code', '10061', 'fqdn', 'relay'],
    );
    assert.deepEqual(
      tokenize('MSG=Socket error; the msg was lost').tokens.map((t) => t.term),
      ['msg', 'socket', 'error', 'the', 'msg', 'was', 'lost'],
    );
  });

  it("reads an HCW log line without the wizard's timing of the call (`] FINISH Time=184.1ms`), as the articles quote it", () => {
    const terms = (text: string) => tokenize(text).tokens.map((t) => t.term);
    assert.deepEqual(
      terms('10333 [Client=UX, fn=SendAsync, Thread=19] FINISH Time=184.1ms Results=BadRequest {"error":{"code":"Widget_Gone"}}'),
      terms('10333 [Client=UX, fn=SendAsync, Thread=19] Results=BadRequest {"error":{"code":"Widget_Gone"}}'),
    );
    assert.deepEqual(terms('10333 [Client=UX, Thread=19] FINISH Time=184.1ms Results=Failed').slice(-2), ['results', 'failed']);
    // Not the words FINISH and Time elsewhere.
    assert.deepEqual(terms('Setup will FINISH Time=5ms later'), ['setup', 'will', 'finish', 'time', '5ms', 'later']);
  });

  it('re-joins a word hyphenated at a line end but keeps parameter lines', () => {
    assert.deepEqual(
      tokenize('the connec-\ntion was closed').tokens.map((t) => t.term),
      ['the', 'connection', 'was', 'closed'].map(foldWord),
    );
    assert.deepEqual(
      tokenize('Set-FederatedOrganizationIdentifier\n-Enabled $True').tokens.map((t) => t.term),
      ['set', 'federatedorganizationidentifier', 'enabled', 'true'].map(foldWord),
    );
  });

  it('reads a quoted .NET type or assembly name as words of the message, a quoted name as a value', () => {
    const marked = (text: string) => tokenize(text).tokens.map((t) => (t.quoted ? `[${t.term}]` : t.term));
    assert.deepEqual(marked("assembly 'Microsoft.Exchange.Common, Version=15.0.0.0' for 'Pat Kim'"), [
      'assembly',
      'microsoft',
      'exchange',
      'common',
      'version',
      'for',
      '[pat]',
      '[kim]',
    ]);
  });

  it('ends a quoted URL at its closing quote, and marks the word after a quoted value clean-up emptied', () => {
    const marked = (text: string) => tokenize(text).tokens.map((t) => (t.quoted ? `[${t.term}]` : t.afterValue ? `^${t.term}` : t.term));
    assert.deepEqual(marked("The call to 'https://mail.contoso.com/EWS/mrsproxy.svc' failed, scheme 'Negotiate'."), [
      'the',
      'call',
      'to',
      '^failed',
      'scheme',
      '[negotiate]',
    ]);
    assert.deepEqual(marked("The trinket 'fabrikam.com' is 'Pat Kim'"), ['the', 'trinket', '^is', '[pat]', '[kim]']);
  });

  it('remembers the line of every token', () => {
    const { tokens, lines } = tokenize('hello\n\nsecond line');
    assert.deepEqual(
      tokens.map((t) => [t.term, t.line]),
      [
        ['hello', 0],
        ['second', 2],
        ['line', 2],
      ],
    );
    assert.equal(lines[2], 'second line');
  });
  it('reads an enhanced status code typed with a space for its last dot after its reply code as the code (`421 4.4 2`)', () => {
    assert.deepEqual(
      termsOf(cleanPaste('error “421 4.4 2 connection dropped”').join(' ')),
      termsOf(cleanPaste('error “421 4.4.2 connection dropped”').join(' ')),
    );
    // Only after a reply code of the same class: a version or a list is no status code.
    assert.ok(!cleanPaste('version 521 4.4 2 pony').join(' ').includes('smtp'));
    assert.ok(!cleanPaste('build 4.4 2 pony').join(' ').includes('smtp'));
  });

  describe('a label on every line of a block (stripLineLabels)', () => {
    it("reads lines that all start with the same word and colon without it: the log's label, not the message", () => {
      assert.deepEqual(
        cleanPaste('Error: The gadget is tagged with\nError: following frobnicators : Outbound.\nError: Remove them first.').map((l) =>
          l.trim(),
        ),
        ['The gadget is tagged with', 'following frobnicators : Outbound.', 'Remove them first.'],
      );
    });

    it('keeps a label on one or two lines (a field), and labels that differ from line to line', () => {
      assert.deepEqual(stripLineLabels(['Error: 0x80070005', 'Error: access denied', 'done']), [
        'Error: 0x80070005',
        'Error: access denied',
        'done',
      ]);
      assert.deepEqual(stripLineLabels(['Name: a', 'Type: b', 'State: c']), ['Name: a', 'Type: b', 'State: c']);
      // Not a label: a colon inside the first word's run (`At line:1`), or no space after it.
      assert.deepEqual(stripLineLabels(['x:1 a', 'x:1 b', 'x:1 c']), ['x:1 a', 'x:1 b', 'x:1 c']);
    });
  });
});
