import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { DEFAULT_PARAMETERS } from '../../src/matching/parameters';
import { directoryOrganisations, tokenize, withoutDirectoryAddresses } from '../../src/matching/normalize';
import { englishArticle as article, kbOf } from '../helpers/articles';

/**
 * An address written as a directory path — IMCEA-encapsulated (`IMCEAEX-_O=…_OU=…_CN=…@…`) or a legacy distinguished name
 * (`/o=…/ou=…/cn=…`, also after `X500:`) — is one value: its O=, OU= and CN= parts are no words of a message, in a paste
 * or in an article's error text; only its kind stays (normalize.ts `withoutDirectoryAddresses`).
 */
/** The decision and the first article. */
const top = (m: Matcher, text: string) => {
  const r = m.match(text);
  return [r.decision, r.matches[0]?.article ?? null];
};

/** The words of a paste as tokenized (clean-up first). */
function termsOf(text: string): string[] {
  return tokenize(text).tokens.map((t) => t.term);
}

describe('matching rules: a directory-path address is one value', () => {
  it('keeps only the kind of an IMCEA-encapsulated address, and the sentence end after it', () => {
    assert.deepEqual(
      termsOf(
        'IMCEAEX-_O=NWT_OU=EXCHANGE+20ADMINISTRATIVE+20GROUP+20+28FYDIBOHF23SPDLT+29_CN=RECIPIENTS_CN=jdoe@nwt.com. Remote Server returned',
      ),
      ['imceaex', 'remote', 'server', 'returned'],
    );
    assert.equal(withoutDirectoryAddresses('IMCEAEX-_O=A_cn=x@b.com.').trim(), 'IMCEAEX.');
    // An article's placeholders inside the address are the address too.
    assert.equal(
      withoutDirectoryAddresses('IMCEAEX-_O=CONTOSO_cn=Recipients_cn=<username>@<server name>.local. #550').trim(),
      'IMCEAEX. #550',
    );
  });

  it('reads a legacy distinguished name as one value, with spaces in its parts, and keeps X500 before it', () => {
    assert.deepEqual(
      termsOf('Mapi session "/o=Fabrikam/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=jdoe" exceeded'),
      ['mapi', 'session', 'exceeded'],
    );
    assert.deepEqual(termsOf('X500:/o=Fabrikam/ou=First Administrative Group/cn=Recipients/cn=jdoe is not valid'), [
      'x500',
      'is',
      'not',
      'valid',
    ]);
    // A path that is no distinguished name stays as written.
    assert.deepEqual(termsOf('see /ou=reports/sales'), ['see', 'ou', 'reports', 'sales']);
  });

  it("answers no article for an address alone whose fixed parts are another address's in the article's error text", () => {
    const m = new Matcher(
      kbOf([
        article('walrus', [
          'IMCEAEX-_o=ExchangeLabs_ou=Exchange+20Administrative+20Group+20+28FYDIBOHF23SPDLT+29_cn=Recipients_cn=SystemMailbox-quokka@contoso.com',
          'Heron flamingo delivery refused.',
        ]),
        article('other', ['Unrelated zebra text about the zoo.']),
      ]),
    );
    // Another mailbox's address in the same organisation: only the names of the organisation and its groups are shared.
    const r = m.match(
      'IMCEAEX-_o=ExchangeLabs_ou=Exchange+20Administrative+20Group+20+28FYDIBOHF23SPDLT+29_cn=Recipients_cn=abc123-numbat@fabrikam.com',
    );
    assert.notEqual(r.decision, 'answer', JSON.stringify(r.matches));
  });

  it("offers, not answers, an error about Exchange Online's organisation's address where the paste's is an on-premises one", () => {
    const bounce = (org: string) =>
      `IMCEAEX-_o=${org}_ou=Exchange+20Administrative+20Group+20+28FYDIBOHF23SPDLT+29_cn=Recipients_cn=numbat@contoso.com\n` +
      "Remote Server returned '550 5.1.11 RESOLVER.ADR.ExRecipNotFound; Recipient not found by the quokka walrus lookup'";
    const m = new Matcher(kbOf([article('walrus', [bounce('ExchangeLabs')]), article('other', ['Unrelated zebra text about the zoo.'])]));
    // The cloud organisation's address, another mailbox: the article's error.
    assert.deepEqual(top(m, bounce('ExchangeLabs')), ['answer', 'walrus']);
    // An on-premises organisation's address (`o=Fabrikam`, also as a legacy DN): another side's object.
    for (const paste of [
      bounce('Fabrikam'),
      bounce('ExchangeLabs').replace(/^\S+/, '/o=Fabrikam/ou=First Administrative Group/cn=Recipients/cn=pat'),
    ]) {
      const r = m.match(paste, { explain: true });
      assert.deepEqual(
        [r.decision, r.matches[0].article, r.matches[0].score],
        ['clarify', 'walrus', DEFAULT_PARAMETERS.score.otherProduct],
        paste,
      );
      assert.match(r.matches[0].why!.rules.map((x) => x.note).join('\n'), /Exchange Online's organisation \(O=ExchangeLabs\)/);
    }
    assert.deepEqual(directoryOrganisations('/o=<organization>/ou=x/cn=Recipients/cn=pat'), { cloud: false, premises: false });
  });

  it('reads an article placeholder with a top-level domain as a host name, and keeps a word after one that is no domain', () => {
    const m = new Matcher(
      kbOf([
        article('walrus', ['Generating server: <server name>.local. Quokka numbat delivery refused by the wombat relay.']),
        article('heron', ['The target numbat has no proxy matching <name>.quokka today.']),
        article('other', ['Unrelated zebra text about the zoo.']),
      ]),
    );
    // The paste's host name is dropped whole: the article's `.local` after its placeholder is no word the paste lacks.
    const r = m.match('Generating server: EX02.local. Quokka numbat delivery refused by the wombat relay.', { explain: true });
    assert.deepEqual([r.decision, r.matches[0].article], ['answer', 'walrus']);
    assert.deepEqual(r.matches[0].why!.error!.missing, []);
    const h = m.match('The target numbat has no proxy matching today.', { explain: true, article: 'heron' });
    assert.ok(
      h.matches.find((x) => x.article === 'heron')!.why!.error!.missing.includes('quokka'),
      JSON.stringify(h.matches.map((x) => x.why?.error)),
    );
  });

  it('reads another kind of address where the error has a directory-path one as the paste going on differently', () => {
    const wombat = article('wombat-sync', [
      'The numbat address "X500:/O=Zoo/OU=EXCHANGE ADMINISTRATIVE GROUP (FYDIBOHF23SPDLT)/CN=RECIPIENTS/CN=abc-koala" is already taken by the quokka records. Choose another numbat address.',
    ]);
    const m = new Matcher(kbOf([wombat, article('other', ['Unrelated zebra text about the zoo.'])]));
    const said = (text: string) => {
      const r = m.match(text, { explain: true, article: 'wombat-sync' });
      const why = r.matches.find((x) => x.article === 'wombat-sync')?.why;
      return { decision: r.decision, contradiction: why?.rules.find((x) => x.rule === 'contradiction')?.note };
    };
    // An SMTP address in the directory address's place: the same sentence about another kind of address.
    const smtp = said('The numbat address "SMTP:pat@zoo.example" is already taken by the quokka records. Choose another numbat address.');
    assert.notEqual(smtp.decision, 'answer');
    assert.match(smtp.contradiction ?? '', /goes on with "x500", the paste with "smtp"/);
    // Another directory address of the same kind is the same error with another value.
    const x500 = said(
      'The numbat address "X500:/O=Farm/OU=First Administrative Group/CN=RECIPIENTS/CN=pat" is already taken by the quokka records. Choose another numbat address.',
    );
    assert.deepEqual([x500.decision, x500.contradiction], ['answer', undefined]);
  });
});
