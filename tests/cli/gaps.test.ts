import assert from 'node:assert/strict';
import { errorLine, formatGaps, gapKey, summarizeGaps } from '../../src/cli/gaps';
import type { LogEntry } from '../../src/bot/feedbackLog';

const base = { time: '2026-01-01T00:00:00.000Z', channel: 'msteams', lang: 'en' as const };
const unmatched = (paste: string): LogEntry => ({ ...base, kind: 'unmatched', reason: 'none', paste });

describe('gaps: what to write next', () => {
  it('takes the error line of a paste', () => {
    assert.equal(
      errorLine('PS C:\\> Get-Thing -Identity x\n\nGet-Thing : The operation failed on dc01\n   + CategoryInfo'),
      'Get-Thing : The operation failed on dc01',
    );
    assert.equal(errorLine('\n  just words\nmore'), 'just words');
  });

  it('normalises what differs between tenants and runs', () => {
    assert.equal(
      gapKey("Couldn't find object 'mbx-42' on DC01.contoso.com (10.0.0.4:443), id 0f8fad5b-d9cb-469f-a165-70867728950e, error 0x80070005"),
      "couldn't find object 'mbx-<n>' on <host> (<ip>), id <guid>, error <n>",
    );
  });

  it('groups unmatched and unhelpful pastes, most frequent first, and skips helpful feedback', () => {
    const entries: LogEntry[] = [
      unmatched("The operation couldn't be performed because object 'a' couldn't be found on 'dc1.contoso.com'."),
      unmatched("The operation couldn't be performed because object 'a' couldn't be found on 'dc2.fabrikam.com'."),
      {
        ...base,
        kind: 'feedback',
        helpful: false,
        article: 'exo-legacy-tls-hybrid',
        symptom: 'free-busy',
        paste: "The operation couldn't be performed because object 'a' couldn't be found on 'dc3.contoso.com'.",
      },
      unmatched('Error 5: access denied'),
      { ...base, kind: 'feedback', helpful: true, article: 'exo-legacy-tls-hybrid', symptom: null, paste: 'Error 5: access denied' },
      { ...base, kind: 'feedback', helpful: false, article: 'exo-legacy-tls-hybrid', symptom: null },
    ];
    const gaps = summarizeGaps(entries);
    assert.deepEqual(
      gaps.map((g) => [g.count, g.unmatched, g.unhelpful, g.key]),
      [
        [3, 2, 1, "the operation couldn't be performed because object 'a' couldn't be found on '<host>'."],
        [1, 0, 1, '(article exo-legacy-tls-hybrid)'],
        [1, 1, 0, 'error <n>: access denied'],
      ],
    );
    assert.deepEqual(gaps[0]!.articles, ['exo-legacy-tls-hybrid']);
    assert.equal(gaps[0]!.example, "The operation couldn't be performed because object 'a' couldn't be found on 'dc1.contoso.com'.");
    assert.equal(summarizeGaps(entries, { top: 1 }).length, 1);
    assert.equal(
      formatGaps(gaps.slice(0, 1)),
      "3  The operation couldn't be performed because object 'a' couldn't be found on 'dc1.contoso.com'.\n   2 unmatched, 1 didn't help (exo-legacy-tls-hybrid)\n",
    );
    assert.equal(formatGaps([]), 'No unmatched or unhelpful pastes recorded.\n');
  });
});
