import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { tokenize } from '../../src/matching/normalize';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { englishArticle, kbOf } from '../helpers/articles';

/** The terms tokenize marks as the end of a message a line quotes (Token.quoteEnd). */
const ends = (text: string) =>
  tokenize(text)
    .tokens.filter((t) => t.quoteEnd)
    .map((t) => t.term);

describe('matching: no contradiction read past the closing quote of a message a line ends with (markQuoteEnd)', () => {
  it('marks the last word of a message in double quotes that ends its line, not a value, not a quote the line goes on after', () => {
    assert.deepEqual(ends('I see the error "550 5.9.99 Burrow Access Denied".\nWhy is that happening'), ['denied']);
    assert.deepEqual(ends('Die Meldung \u201eDer Bau wurde verweigert\u201c'), ['verweigert']);
    // A value (fewer than three words), words after the closing quote, a quote left open: no end.
    assert.deepEqual(ends('Couldn\'t find object "Kim Akers"'), []);
    assert.deepEqual(ends('I see "Burrow access denied here" every morning'), []);
    assert.deepEqual(ends('He wrote "burrow access denied" and "it fails'), []);
  });

  const WOMBAT = '550 5.9.99 WombatAttribution; Burrow Access Denied SMTP.';
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        englishArticle('wombat', [WOMBAT]),
        englishArticle('far', ['The quokka service stopped unexpectedly while reading the burrow index']),
      ]),
    );
  });
  const top = (text: string) => {
    const r = m.match(text, { explain: true });
    return { score: r.matches[0]?.score ?? 0, notes: r.matches.flatMap((x) => x.why?.rules.map((y) => y.note) ?? []) };
  };

  it("reads the paste's own words after the quote as no contradiction, and says so", () => {
    const quoted = top('In the trace I always see "550 5.9.99 WombatAttribution: Burrow Access Denied".\n\nWhy is that happening?');
    const plain = top('In the trace I always see 550 5.9.99 WombatAttribution: Burrow Access Denied\n\nWhy is that happening?');
    const after = top('In the trace I always see "550 5.9.99 WombatAttribution: Burrow Access Denied" happening daily.');
    const factor = DEFAULT_PARAMETERS.score.contradiction;
    // Unquoted, or with the paste's words after the quote on the same line, the error goes on with `happening`: halved.
    assert.ok(
      plain.notes.some((n) => n.startsWith(`×${factor}: after "access denied" the error goes on with "smtp"`)),
      JSON.stringify(plain.notes),
    );
    assert.ok(
      after.notes.some((n) => n.startsWith(`×${factor}: after "access denied"`)),
      JSON.stringify(after.notes),
    );
    assert.ok(Math.abs(plain.score - quoted.score * factor) < 0.01, `${plain.score} ${quoted.score}`);
    assert.ok(quoted.score > 0.8, String(quoted.score));
    assert.ok(
      quoted.notes.includes(
        `contradiction waived: after "access denied" the error goes on with "smtp", the paste with "happening", the paste's own words after the quoted message or the sentence a line of it ends with (×${factor} otherwise)`,
      ),
      JSON.stringify(quoted.notes),
    );
  });
});

describe('matching: no contradiction read past a sentence a line ends with (SENTENCE_AT_LINE_END)', () => {
  it('marks the last word of a line that ends with a stop, an exclamation or a question mark, not an ellipsis', () => {
    assert.deepEqual(ends('I see 550 5.9.99 Burrow Access Denied.\nWhy is that happening?'), ['denied', 'happening']);
    assert.deepEqual(ends('The burrow refused (access denied).'), ['denied']);
    assert.deepEqual(ends('I see 550 5.9.99 Burrow Access Denied...\nand the rest'), []);
    assert.deepEqual(ends('I see 550 5.9.99 Burrow Access Denied\nand the rest'), []);
  });

  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        englishArticle('wombat', ['550 5.9.99 WombatAttribution; Burrow Access Denied SMTP.']),
        englishArticle('far', ['The quokka service stopped unexpectedly while reading the burrow index']),
      ]),
    );
  });

  it("reads the writer's words on the next line as no contradiction, and the same words on the line as one", () => {
    const factor = DEFAULT_PARAMETERS.score.contradiction;
    const ended = m.match('In the trace I always see 550 5.9.99 WombatAttribution: Burrow Access Denied.\n\nWhy is that happening?', {
      explain: true,
    });
    const onLine = m.match('In the trace I always see 550 5.9.99 WombatAttribution: Burrow Access Denied happening daily.', {
      explain: true,
    });
    const note = (r: ReturnType<Matcher['match']>) => r.matches.flatMap((x) => x.why?.rules.map((y) => y.note) ?? []);
    assert.ok(ended.matches[0].score > 0.8, String(ended.matches[0].score));
    assert.ok(
      note(ended).some((n) => n.startsWith('contradiction waived: after "access denied"')),
      JSON.stringify(note(ended)),
    );
    assert.ok(
      note(onLine).some((n) => n.startsWith(`×${factor}: after "access denied"`)),
      JSON.stringify(note(onLine)),
    );
  });
});
