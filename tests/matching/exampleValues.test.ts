import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { cleanPaste } from '../../src/matching/normalize';
import { englishArticle as article, kbOf } from '../helpers/articles';

describe("matching: an article's example name in double quotes is a value (signals.ts)", () => {
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('room', ['Cannot open the Calendar folder for user "room alias". The operation failed.']),
        article('walrus', ['The walrus sync stalled at midnight.']),
      ]),
    );
  });

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

describe('matching: a quoted .NET type or assembly name in a paste is the message, not a value (normalize.ts)', () => {
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('assembly', [
          "Could not load file or assembly 'Microsoft.Exchange.Common, Version=15.0.0.0, Culture=neutral, " +
            "PublicKeyToken=31bf3856ad364e35' or one of its dependencies. The system cannot find the file specified.",
        ]),
        article('cast', ["Unable to cast object of type 'Microsoft.Exchange.Data.Directory.ADObjectId' to type 'System.String'."]),
        article('walrus', ['The walrus sync stalled at midnight.']),
      ]),
    );
  });

  it('answers the error with its own name quoted', () => {
    const r = m.match(
      "Could not load file or assembly 'Microsoft.Exchange.Common, Version=15.0.0.0, Culture=neutral, " +
        "PublicKeyToken=31bf3856ad364e35' or one of its dependencies. The system cannot find the file specified.",
    );
    assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'assembly']);
    const c = m.match("Unable to cast object of type 'Microsoft.Exchange.Data.Directory.ADObjectId' to type 'System.String'.");
    assert.deepEqual([c.decision, c.matches[0]?.article], ['answer', 'cast']);
  });

  it('does not answer another assembly or class of the same namespace: the paste goes on differently there', () => {
    for (const paste of [
      "Excpt=Could not load file or assembly 'Microsoft.Exchange.Compliance, Version=, Culture=neutral, " +
        "PublicKeyToken=31bf3856ad364e35' or one of its dependencies. The system cannot find the file specified.-FileNotFoundException",
      "Unable to cast object of type 'Microsoft.Exchange.Data.Directory.ADRecipient' to type 'System.String'.",
    ]) {
      const r = m.match(paste);
      assert.notEqual(r.decision, 'answer', paste);
      assert.ok(
        r.matches.every((x) => x.score < 0.8),
        paste,
      );
    }
  });
});

describe("matching: a distinguished name's domain components are the directory's domain, not words (normalize.ts)", () => {
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('wko', [
          'The well-known object entry B:32:<guid>:CN=Recipient Management\\0ADEL:<guid>,CN=Deleted Objects,DC=contoso,DC=com ' +
            'on the otherWellKnownObjects attribute in the container object CN=Microsoft Exchange,CN=Services,CN=Configuration,' +
            'DC=contoso,DC=com points to an invalid DN or a deleted object. Remove the entry, and then rerun the task.',
        ]),
        article('walrus', ['The walrus sync stalled at midnight.']),
      ]),
    );
  });

  it('drops DC= parts on both sides, as host names are', () => {
    assert.deepEqual(cleanPaste('CN=Deleted Objects,DC=zorg,DC=local on the x; CN=Configuration,dc=Corp, DC=Contoso, DC=com.'), [
      'CN=Deleted Objects,  on the x; CN=Configuration, .',
    ]);
    // `DC` alone (a domain controller) is a word.
    assert.deepEqual(cleanPaste('the DC is down, DC01 too'), ['the DC is down, DC01 too']);
  });

  it("answers the error in another organisation's domain: its name there is no other error", () => {
    const paste =
      '[ERROR] The well-known object entry B:32:C262A929D691B74A9E068728F8F842EA:CN=Organization Management\\0ADEL:' +
      'c1b94668-b67b-4231-8e5a-b11ecf5b7838,CN=Deleted Objects,DC=zorg,DC=local on the otherWellKnownObjects attribute in the ' +
      'container object CN=Microsoft Exchange,CN=Services,CN=Configuration,DC=zorg,DC=local points to an invalid DN or a ' +
      'deleted object.  Remove the entry, and then rerun the task.';
    const r = m.match(paste);
    assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'wko']);
  });
});
