import assert from 'node:assert/strict';
import { replaceHostNames } from '../../src/matching/hostNames';
import { EMAIL, cleanPaste } from '../../src/matching/normalize';
import { assertSameResults } from '../helpers/linearRewrite';

/** The expressions these replaced (quadratic on `a.a.a.a…`), kept as the reference of what they found. */
const OLD_HOST =
  /\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|net|org|local|lan|corp|internal|intra|onmicrosoft|de|at|ch|uk|eu|fr|nl|us|io|info|biz|edu|gov)\b/gi;
const OLD_EMAIL = /\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g;
const TLDS = 'com net org local lan corp internal intra onmicrosoft de at ch uk eu fr nl us io info biz edu gov'.split(' ');

const PIECES = [
  'a',
  'b',
  'Z',
  '1',
  '.',
  '.',
  '.',
  '-',
  '-',
  '_',
  ' ',
  '@',
  '+',
  'é',
  '\n',
  'com',
  'COM',
  'de',
  'intra',
  'internal',
  'info',
  'x-',
];

describe('matching/hostNames', () => {
  it('finds exactly the host names the regular expression found', () => {
    assertSameResults(
      (t) => t.replace(OLD_HOST, ' '),
      (t) => replaceHostNames(t, { tlds: new Set(TLDS), labels: 'strict' }, ' '),
      PIECES,
      [
        'mail.contoso.com',
        'see a-.b.com and x_a.b.de',
        'EX01.Contoso.LOCAL:443',
        'a.com-b.c.de',
        'foo.com.bar',
        '.de',
        'a..de',
        'host.intra_net.de',
        // The ends of the character ranges: 9, z and Z.
        'z9.y9.de and 9z.Z9.com',
      ],
    );
  });

  it('finds the same in a text of more dots than its reused arrays hold, and in the shorter texts after it', () => {
    const shape = { tlds: new Set(TLDS), labels: 'strict' as const };
    const long = `${'x.y '.repeat(700)}mail.contoso.com ${'a.'.repeat(600)}de`;
    for (const text of [long, 'mail.contoso.com', 'a.b', long.slice(0, 3000), 'x.de y.z.com'])
      assert.equal(replaceHostNames(text, shape, ' '), text.replace(OLD_HOST, ' '), text.slice(0, 40));
  });

  it('also in the loose shape kb gaps uses (labels may start or end with a hyphen, lower case only)', () => {
    const old = /\b(?:[a-z0-9-]+\.)+(?:com|net|org|local|lan|corp|intern|internal|de|at|ch|eu|io|us|uk)\b/g;
    const tlds = new Set('com net org local lan corp intern internal de at ch eu io us uk'.split(' '));
    assertSameResults(
      (t) => t.replace(old, '<host>'),
      (t) => replaceHostNames(t, { tlds, labels: 'loose' }, '<host>'),
      [...PIECES, 'intern'],
      ['x_-foo.com', '-a-.de', 'a.internal', 'a.intern-x', 'A.COM', 'z9.y9.de and 9z.z9.com'],
    );
  });

  it('finds exactly the e-mail addresses the regular expression found', () => {
    assertSameResults(
      (t) => t.replace(OLD_EMAIL, ' '),
      (t) => t.replace(EMAIL, '$1 '),
      PIECES,
      ['alice@contoso.com', '..a.b@x.y', '-+.@a.b', 'a@b.c@d.e', 'a@b-.c-', 'x.y+z@mail-1.contoso.co.uk.'],
    );
  });

  it('removes host names and addresses from a paste, keeping the words around them', () => {
    assert.deepEqual(cleanPaste('Server EX01.contoso.local refused pat@contoso.com, see mail.fabrikam.de.'), [
      'Server   refused  , see  .',
    ]);
  });
});
