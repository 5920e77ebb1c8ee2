import assert from 'node:assert/strict';
import { formatHeldBack, heldBackReason } from '../../src/cli/heldBack';
import type { HitKind, MatchResult } from '../../src/matching/types';

/** A clarify of these matches (score, and the first one's kind and rule notes). */
function clarify(
  matches: {
    score: number;
    kind?: HitKind;
    notes?: [string, string][];
  }[],
): MatchResult {
  return {
    decision: 'clarify',
    lang: 'en',
    truncated: false,
    matches: matches.map((m, i) => ({
      article: `a${i + 1}`,
      score: m.score,
      title: `A${i + 1}`,
      ...(m.kind ? { why: { kind: m.kind, raw: m.score, rules: (m.notes ?? []).map(([rule, note]) => ({ rule, note })) } } : {}),
    })),
  } as unknown as MatchResult;
}

describe('kb eval --held-back (heldBack.ts)', () => {
  it('a first match scored an answer but too close to the next is held back by the margin', () => {
    const r = heldBackReason(clarify([{ score: 0.85, kind: 'error' }, { score: 0.8 }]), 0.8, 0.1);
    assert.equal(r.reason, 'margin');
    assert.equal(r.note, 'scored 0.85, 0.05 ahead of the next (needs 0.1)');
  });

  it('below the answer, the first rule that caps it or offers it only names the reason; earlier notes that hold nothing are passed over', () => {
    const r = heldBackReason(
      clarify([
        {
          score: 0.75,
          kind: 'error',
          notes: [
            ['evidence', '×0.9: evidence of 2.5 distinctive words, full confidence needs 3'],
            ['scenario', 'capped at 0.75: the paste says it happened in cmdlet:get-recipient (offered, not answered)'],
            ['coverage', 'capped at 0.75: the paste holds 0.1 of the error'],
          ],
        },
      ]),
      0.8,
      0.1,
    );
    assert.deepEqual(r, {
      reason: 'cap scenario',
      note: 'capped at 0.75: the paste says it happened in cmdlet:get-recipient (offered, not answered)',
    });
    for (const note of [
      'first or alone only by it: offered, not answered',
      'a family: never answered',
      'another article is offered too: kept at 0.55',
    ])
      assert.equal(
        heldBackReason(clarify([{ score: 0.55, kind: 'description', notes: [['description', note]] }]), 0.8, 0.1).reason,
        'cap description',
      );
  });

  it('below the answer with no rule that holds it, its kind is the reason (a description, a code: evidence short of an answer)', () => {
    const r = heldBackReason(
      clarify([{ score: 0.55, kind: 'description', notes: [['description', "the symptom's words hold 0.3 of the paste's"]] }]),
      0.8,
      0.1,
    );
    assert.deepEqual(r, { reason: 'description below the answer', note: 'scored 0.55, below 0.8' });
    assert.equal(heldBackReason(clarify([{ score: 0.6 }]), 0.8, 0.1).reason, 'match below the answer');
  });

  it('the census lists the reasons, most pastes first (ties by name), each with its pastes', () => {
    const row = (id: string, reason: string) => ({ id, article: 'x', score: 0.55, reason, note: 'n' });
    const text = formatHeldBack([
      row('p1', 'cap scenario'),
      row('p2', 'description below the answer'),
      row('p3', 'cap scenario'),
      row('p4', 'cap coverage'),
    ]);
    assert.equal(
      text,
      [
        'held back (covered, a right article offered first, not answered): 4',
        '  cap scenario: 2',
        '    p1  x  0.55  n',
        '    p3  x  0.55  n',
        '  cap coverage: 1',
        '    p4  x  0.55  n',
        '  description below the answer: 1',
        '    p2  x  0.55  n',
      ].join('\n'),
    );
  });
});
