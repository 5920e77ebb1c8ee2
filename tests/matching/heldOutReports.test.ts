import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { Matcher } from '../../src/matching/matcher';
import { builtinMatcher } from '../helpers/fixture';
import { checkEachPaste, failuresIn, isHeldOut } from '../helpers/heldOut';

/**
 * The checks that run over every labelled set (pruning, snapshot, diagnosis, the real-world set's format and labels) go
 * through tests/helpers/heldOut.ts. A failure in a held-out part must carry neither a paste's id nor its text nor its
 * labels — not in the message, not in what the reporter diffs, not anywhere on the error — only the count and places.
 * Made-up pastes under a held-out part's file name stand in for it here: the real parts are never read for this.
 */
const ID = 'made-up-heldout-id-4711';
const TEXT = 'The wombat relay QUOKKA-MARKER rejected the message for numbat.example';
const PASTES = [
  { id: 'made-up-first', text: 'The quokka service started.' },
  { id: ID, text: TEXT },
  { id: 'made-up-third', text: 'The quokka service stopped.' },
  { id: `${ID}-2`, text: `${TEXT} again` },
];

/** Everything an error carries that a reporter may print: message, stack, actual, expected, cause, own fields. */
function everything(err: unknown): string {
  return inspect(err, { depth: Infinity, showHidden: true, maxStringLength: Infinity, maxArrayLength: Infinity });
}

function thrown(f: () => void): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  return assert.fail('the check did not fail');
}

describe('tests/helpers/heldOut: a check over a held-out part fails without its ids or texts', () => {
  it('knows the held-out parts by their file names', () => {
    assert.deepEqual(
      ['realworld-heldout.jsonl', 'tests/data/realworld-de-heldout.jsonl', 'realworld-tuning.jsonl', 'corpus-dev.jsonl'].map(isHeldOut),
      [true, true, false, false],
    );
  });

  it('a failed assertion per paste (the snapshot check): count and places only, no id, text or diff', () => {
    const check = (p: { id: string; text: string }) => {
      // Like the snapshot check: results that hold the paste, compared with the id as the message.
      const r = { text: p.text, words: p.text.split(' ').length };
      assert.deepEqual(r, p.text.includes('QUOKKA') ? { ...r, text: `${p.text}.` } : r, p.id);
    };
    const err = thrown(() => checkEachPaste('realworld-heldout.jsonl', PASTES, check));
    assert.ok(err instanceof assert.AssertionError);
    assert.equal(err.message, 'realworld-heldout.jsonl: 2 of 4 pastes fail, at places 2, 4 (held out: no id, text or difference shown)');
    assert.equal(err.actual, undefined);
    assert.equal(err.expected, undefined);
    const all = everything(err);
    for (const secret of [ID, 'made-up', 'QUOKKA', 'wombat']) assert.ok(!all.includes(secret), `the error carries "${secret}"`);
    // Where the file may be read, the same check fails as it is, naming the paste (so the check above can fail).
    const readable = thrown(() => checkEachPaste('corpus-dev.jsonl', PASTES, check));
    assert.ok(everything(readable).includes(ID) && everything(readable).includes('QUOKKA'));
  });

  it('a listed failure per paste (the pruning check, with a real matcher): count and places only', () => {
    const m = builtinMatcher();
    // A matcher that scores every candidate to the end but lists what the pruned one drops: results differ where it
    // finds anything — standing in for a pruning bug.
    const other = Object.assign(new Matcher(m.kb, m.params, m.built), { floors: { offered: 0, listed: 0 } });
    other.match = (text: string) => ({ ...m.match(text), matches: [] });
    const pastes = [
      {
        id: ID,
        text: 'Set-FederatedOrganizationIdentifier : The underlying connection was closed: An unexpected error occurred on a send.',
      },
      { id: 'made-up-none', text: 'The quokka service started.' },
    ];
    const describe = (p: { id: string; text: string }) => {
      const [a, b] = [m.match(p.text), other.match(p.text)];
      return JSON.stringify(a) === JSON.stringify(b)
        ? undefined
        : `${p.id}: ${JSON.stringify(a.matches[0])} vs ${JSON.stringify(b.matches[0])}`;
    };
    const held = failuresIn('realworld-de-heldout.jsonl', pastes, describe);
    assert.deepEqual(held, ['realworld-de-heldout.jsonl: 1 of 2 pastes fail, at places 1 (held out: no id, text or difference shown)']);
    const err = thrown(() => assert.deepEqual(held, []));
    for (const secret of [ID, 'Set-FederatedOrganizationIdentifier', 'exo-legacy-tls-hybrid'])
      assert.ok(!everything(err).includes(secret), `the error carries "${secret}"`);
    // A readable set lists the paste with its id and what it matched.
    const listed = failuresIn('corpus-dev2.jsonl', pastes, describe);
    assert.equal(listed.length, 1);
    assert.ok(listed[0].startsWith(`${ID}: `) && listed[0].includes('exo-legacy-tls-hybrid'));
    // No failure, nothing listed.
    assert.deepEqual(
      failuresIn('realworld-heldout.jsonl', pastes, () => undefined),
      [],
    );
  });

  it('a check that throws something else than an assertion (a matcher that throws on a paste): places only', () => {
    const err = thrown(() =>
      checkEachPaste('realworld-heldout.jsonl', PASTES, (p) => {
        if (p.id === ID) throw new Error(`cannot read ${p.text}`, { cause: p });
      }),
    );
    assert.equal(
      (err as Error).message,
      'realworld-heldout.jsonl: 1 of 4 pastes fail, at places 2 (held out: no id, text or difference shown)',
    );
    assert.ok(!everything(err).includes(ID) && !everything(err).includes('QUOKKA'));
  });
});
