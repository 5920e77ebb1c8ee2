import assert from 'node:assert/strict';
import { eventFrameTerms, stackFrameTerms } from '../../src/matching/eventFrame';
import { tokenize } from '../../src/matching/normalize';
import { Matcher } from '../../src/matching/matcher';
import { describedArticle, englishArticle as article, kbOf } from '../helpers/articles';

/** An event record as Event Viewer copies it, around a description. */
const record = (source: string, description: string) =>
  [
    'Log Name:      Application',
    `Source:        ${source}`,
    'Date:          11/20/2026 6:14:02 AM',
    'Event ID:      9321',
    'Task Category: General',
    'Level:         Error',
    'Keywords:      Classic',
    'User:          N/A',
    'Computer:      EX01.contoso.com',
    'Description:',
    description,
  ].join('\n');

describe('matching/eventFrame (an event record pasted with its field names)', () => {
  it('finds the terms written only as field names, once the paste names three of them', () => {
    assert.deepEqual([...eventFrameTerms(record('Yak Gateway', 'The user could not log on.'), 3)].sort(), [
      'category',
      'computer',
      'date',
      'description',
      'event',
      'id',
      'keywords',
      'level',
      'name',
      'source',
      'task',
    ]);
    // One line, as a post quotes it: three names.
    assert.deepEqual([...eventFrameTerms('Event ID: 2004 Source: Yak Task Category: SmtpSend', 3)].sort(), [
      'category',
      'event',
      'id',
      'source',
      'task',
    ]);
    // A German record as the lexicon translates it: some names in lower case.
    assert.deepEqual([...eventFrameTerms('log name: application\nsource: Yak\nEvent ID: 4001\ntask category: Allgemein', 3)].sort(), [
      'category',
      'event',
      'id',
      'log',
      'name',
      'source',
      'task',
    ]);
    // Two labels are anyone's; so is a name in prose without its colon.
    assert.equal(eventFrameTerms('User: pat\nSource: the wiki', 3).size, 0);
    assert.equal(eventFrameTerms('The event log source on this computer has a user level setting', 3).size, 0);
  });

  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        describedArticle('logs', 'Computer event log level keywords lost', 'The event log of a computer loses its level and keywords.'),
        describedArticle('walrus', 'Walrus sync stalls', 'The walrus sync stalls every night.'),
        article('user', ['The pony ledger refused the yak handshake.'], {
          title: { en: 'Pony ledger refuses the handshake when a user logs on to a computer' },
        }),
        article('gateway', ['The pony ledger refused the yak handshake.'], {
          title: { en: 'Pony ledger refuses the handshake at the gateway' },
        }),
      ]),
    );
  });

  it('reads no description into the field names of an event record', () => {
    const r = m.match(record('Zebra Service', 'The quokka ran out of hay.'));
    assert.deepEqual(
      r.matches.map((x) => x.article),
      [],
    );
  });

  it('decides between articles holding the same error by the rest of the record, not its field names', () => {
    const r = m.match(record('Yak Gateway', 'The pony ledger refused the yak handshake.'));
    assert.equal(r.matches[0].article, 'gateway');
    const explained = m.match(record('Yak Gateway', 'The pony ledger refused the yak handshake.'), { explain: true });
    const notes = explained.matches[0].why!.rules.map((x) => x.note);
    assert.ok(
      notes.some((n) => n.startsWith('an event record: the words it writes only as field names (') && n.includes('computer')),
      notes.join('\n'),
    );
  });

  it("finds nothing in the frame of an article's own event record: a made-up event around another message gets no offer", () => {
    const events = new Matcher(
      kbOf([
        article('ledger-event', [record('Yak Gateway', 'The pony ledger refused the yak handshake.').replace(/\s*\n\s*/g, ' ')]),
        article('other', ['The walrus sync stalled at midnight.']),
      ]),
    );
    assert.equal(events.match(record('Zebra Service', 'The quokka ran out of hay.')).decision, 'none');
    assert.deepEqual(
      events.match(record('Zebra Service', 'The quokka ran out of hay.')).matches.map((x) => x.article),
      [],
    );
    // The article's own event, as Event Viewer copies it, is still answered.
    const own = events.match(record('Yak Gateway', 'The pony ledger refused the yak handshake.'));
    assert.equal(own.decision, 'answer');
    assert.equal(own.matches[0].article, 'ledger-event');
  });

  it('tells Watson crash reports of two crashes apart by their parameters, whatever record shape they come in', () => {
    const watson = (parameters: string) =>
      `Watson report about to be sent for process id: 7996, with parameters: E12, c-RTL-AMD64, 08.03.0389.002, ${parameters}, 277a, ` +
      'unknown. ErrorReportingEnabled: False';
    const crashes = new Matcher(
      kbOf([
        article('ledger-crash', [
          `ID: 4999 Level: Error Source: Yak Common Message: ${watson('yakledger, Y.L.LedgerFactory.ctor, S.IO.PonyException')}`,
        ]),
        article('other', ['The walrus sync stalled at midnight.']),
      ]),
    );
    // Another crash's report, in Exchange 2003's record shape: nothing but the sentence every crash logs is the article's.
    const other = [
      'Event Type: Error',
      'Event Source: Yak Common',
      'Event Category: General',
      'Event ID: 4999',
      'Description:',
      watson('edgetransport, E.D.WalrusAgentFactory.ctor, S.IO.FileNotFoundException'),
    ].join('\n');
    const r = crashes.match(other);
    assert.ok((r.matches[0]?.score ?? 0) < 0.5, JSON.stringify(r.matches));
    // The same crash is answered, in either shape.
    const same = crashes.match(
      other.replace(
        watson('edgetransport, E.D.WalrusAgentFactory.ctor, S.IO.FileNotFoundException'),
        watson('yakledger, Y.L.LedgerFactory.ctor, S.IO.PonyException'),
      ),
    );
    assert.equal(same.decision, 'answer');
    assert.equal(same.matches[0].article, 'ledger-crash');
  });
});

describe('matching/eventFrame: stack-trace frame lines', () => {
  const read = (text: string) => {
    const { lines, tokens } = tokenize(text);
    return [...stackFrameTerms(lines, tokens)].sort();
  };

  it('finds the terms a paste writes only on frame lines, not those it also writes elsewhere', () => {
    const text = [
      'The wombat could not reach the target mailbox.',
      '   at Acme.Wombat.Task.ThrowError(Exception exception, Object target)',
      '   at Acme.Wombat.Runner.Invoke(String mailbox)',
    ].join('\n');
    const only = read(text);
    assert.ok(only.includes('throwerror') && only.includes('invoke'), only.join(' '));
    assert.ok(!only.includes('target') && !only.includes('mailbox') && !only.includes('wombat'), only.join(' '));
  });

  it('finds nothing when no line is a frame', () => {
    assert.deepEqual(read('The wombat could not reach the target mailbox.\nat the time of the move'), []);
  });
});
