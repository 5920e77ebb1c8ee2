import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { quoteDistinguishedNames, tokenize } from '../../src/matching/normalize';
import { englishArticle as article, kbOf } from '../helpers/articles';

/**
 * A distinguished name pasted without quotes (`…The object CN=…,CN=Users,DC=contoso,DC=com failed…`) is one value, as a
 * quoted one is (normalize.ts quoteDistinguishedNames): where the error has a placeholder, the paste's words after the name
 * say how it goes on (score.ts otherAfterValue). Before, clean-up dropped the domain components and left the name's
 * `CN=` words as words of the message, and nothing after the placeholder was compared.
 */
describe('matching rules: an unquoted distinguished name is one value (normalize.ts quoteDistinguishedNames)', () => {
  describe('quoteDistinguishedNames', () => {
    it('puts a run of relative names that ends with domain components in single quotes', () => {
      assert.equal(
        quoteDistinguishedNames('The walrus CN=Quokka01,CN=Users,DC=contoso,DC=com failed.'),
        "The walrus 'CN=Quokka01,CN=Users,DC=contoso,DC=com' failed.",
      );
      // Values with spaces and an escaped comma; `OU=` opens one too; a sentence's last stop is not the name's.
      assert.equal(
        quoteDistinguishedNames('in OU=Zoo Keepers,CN=Smith\\, Kim,DC=zorg,DC=local.'),
        "in 'OU=Zoo Keepers,CN=Smith\\, Kim,DC=zorg,DC=local'.",
      );
      assert.equal(quoteDistinguishedNames('x CN=A, OU=B, DC=c end'), "x 'CN=A, OU=B, DC=c' end");
    });

    it('leaves a quoted name, one inside a quoted stretch of its line, a legacy DN and a name without domain components', () => {
      for (const text of [
        "The walrus 'CN=Quokka01,CN=Users,DC=contoso,DC=com' failed.",
        '"CN=Quokka01,DC=contoso,DC=com"',
        "the 'marmot CN=A,DC=d' walrus",
        '/o=Zoo/ou=Exchange Administrative Group/cn=Recipients/cn=kim,DC=zoo',
        'The walrus CN=Quokka01,CN=Users failed.',
        'xCN=A,DC=b',
      ])
        assert.equal(quoteDistinguishedNames(text), text);
      // Only the line's own quotes count: a quoted value on the line before does not change it.
      assert.equal(quoteDistinguishedNames("a 'b\nc CN=A,DC=d"), "a 'b\nc 'CN=A,DC=d'");
    });

    it('tokenize reads the name’s words as quoted, the words after it as the paste’s own', () => {
      const terms = tokenize('The walrus CN=Quokka01,CN=Users,DC=contoso,DC=com failed.').tokens.map(
        (t) => `${t.term}${t.quoted ? "'" : ''}`,
      );
      assert.deepEqual(terms, ['the', 'walrus', "cn'", "quokka01'", "cn'", "users'", 'failed']);
    });
  });

  describe('matching', () => {
    let m: Matcher;
    beforeEach(() => {
      m = new Matcher(
        kbOf([
          article('gone', [
            'Zoo directory operation failed on <FQDN of domain controller>. The walrus object <DN of walrus account> does not exist.',
          ]),
          article('entry', [
            'The walrus entry B:<guid>:CN=Quokka Keepers\\0ADEL:<guid>,CN=Deleted Objects,DC=contoso,DC=com on the zooKnownObjects ' +
              'attribute points to a deleted object. Remove the entry and rerun the task.',
          ]),
          article('other', ['Unrelated marmot text about the zoo.']),
        ]),
      );
    });
    const top = (text: string) => {
      const r = m.match(text);
      return [r.decision, r.matches[0]?.article ?? null];
    };
    const head = 'Zoo directory operation failed on dc01.contoso.com. The walrus object';

    it('does not answer the error where the paste goes on differently after an unquoted name', () => {
      const paste = `${head} CN=Walrus0a1b2c,CN=Users,DC=contoso,DC=com failed marmot validation.`;
      assert.notEqual(m.match(paste).decision, 'answer');
      // The same as with the name quoted.
      assert.notEqual(m.match(`${head} 'CN=Walrus0a1b2c,CN=Users,DC=contoso,DC=com' failed marmot validation.`).decision, 'answer');
    });

    it('answers it where the paste goes on as the error after the name', () => {
      assert.deepEqual(top(`${head} CN=Walrus0a1b2c,CN=Monitoring Walruses,CN=Zoo System Objects,DC=contoso,DC=com does not exist.`), [
        'answer',
        'gone',
      ]);
    });

    it('answers an error that writes the name out where the paste’s name holds the error’s next words (score.ts valueAfterWords)', () => {
      // `entry` twice in the error: the pair `walrus entry` locates the value; the paste's quoted name starts with the
      // error's own `CN=` after the placeholder, so the paste goes on as the error inside its value.
      assert.deepEqual(
        top(
          'The walrus entry B:32:C262A929D691B74A9E068728F8F842EA:CN=Quokka Keepers\\0ADEL:c1b94668-b67b-4231-8e5a-b11ecf5b7838,' +
            'CN=Deleted Objects,DC=zorg,DC=local on the zooKnownObjects attribute points to a deleted object. Remove the entry and ' +
            'rerun the task.',
        ),
        ['answer', 'entry'],
      );
    });
  });
});
