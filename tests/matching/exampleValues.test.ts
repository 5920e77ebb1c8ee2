import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { englishArticle as article, kbOf } from '../helpers/articles';

describe("matching: an article's example name in double quotes is a value (signals.ts)", () => {
  const m = new Matcher(
    kbOf([
      article('room', ['Cannot open the Calendar folder for user "room alias". The operation failed.']),
      article('walrus', ['The walrus sync stalled at midnight.']),
    ]),
  );

  it('answers the error with the name the admin chose in its place', () => {
    const r = m.match('Cannot open the Calendar folder for user "Board Room". The operation failed.');
    assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'room']);
    assert.equal(m.match('Cannot open the Calendar folder for user "Board Room".').decision, 'answer');
  });

  it("offers nothing to a paste that only happens to hold the example's words", () => {
    for (const paste of [
      'We set the room alias in the calendar settings of the new room, and now nothing happens.',
      'New-Mailbox -Alias "room alias" -Room; the calendar is empty',
    ])
      assert.deepEqual(
        m.match(paste).matches.map((x) => x.article),
        [],
        paste,
      );
  });
});
