import assert from 'node:assert/strict';
import { chainLinks, holdsFound, joinChainLabels, wrapperWords } from '../../src/matching/chains';

describe('matching/chains (error chains in a paste)', () => {
  it('cuts a line at each chain marker into outer and inner message, common words and class names left out', () => {
    const links = chainLinks([
      'Connecting to remote server pony.example.net failed with the following error message : The pony ledger refused. Inner exception: System.Net.WebException: The yak timed out.',
      'A line without any chain at all: just prose',
    ]);
    assert.deepEqual(
      links.map((l) => [l.outer, l.inner]),
      [
        [
          ['connecting', 'remote', 'server'],
          ['pony', 'ledger', 'refused'],
        ],
        [['pony', 'ledger', 'refused'], []],
        [[], ['yak', 'timed']],
      ],
    );
  });

  it('finds every kind of chain marker, upper or lower case, and none on a line whose colons are no marker', () => {
    const markers = [
      'failed with the following error message :',
      'Error message:',
      'error details :',
      'Detailed Information:',
      'INNER EXCEPTION:',
      'Caused by:',
      'Fehlerdetails:',
      '->',
      '--->',
      'Pony.Yak.LedgerException:',
      'LedgerError :',
    ];
    for (const marker of markers) {
      const links = chainLinks([`The pony ledger sync ${marker} The yak stalled.`]);
      assert.deepEqual(
        links.map((l) => l.inner),
        [['yak', 'stalled']],
        marker,
      );
    }
    assert.deepEqual(
      chainLinks(['    + CategoryInfo          : NotSpecified: (:) [Set-PonyLedger], LedgerException', 'Time: 10:42 > noon']),
      [],
    );
  });

  it('reads the places an outer message names before clean-up drops its address', () => {
    const [link] = chainLinks(["The call to 'https://mail.contoso.com/EWS/mrsproxy.svc' failed. Error details: Access is denied."]);
    assert.deepEqual([...link.anchors], ['service:mrs']);
    assert.deepEqual(link.outer, ['call', 'failed']);
  });

  it("takes an error text's wrapper up to its last marker, none when it is too short or there is no marker", () => {
    assert.deepEqual(
      wrapperWords('WombatStatus=ProtocolFault;ResponseCode=403;WombatException=System.Net.WombatException: The yak said no.', 3),
      ['wombatstatus', 'protocolfault', 'responsecode', '403', 'wombatexception'],
    );
    assert.equal(wrapperWords('The call failed. Error details: The yak said no.', 3), undefined);
    assert.equal(wrapperWords('The pony ledger refused the yak entirely.', 1), undefined);
  });

  it('finds the links whose inner message holds most of the words found', () => {
    const [link] = chainLinks(['Provisioning the walrus failed. Error details: The pony ledger refused the yak.']);
    // As capOtherOuter (outerCaps.ts) reads it: the inner message's words among those the error text found.
    const holds = (found: string[]) => holdsFound(found.filter((t) => link.inner.includes(t)).length, found.length, 3);
    assert.equal(holds(['pony', 'ledger', 'refused', 'yak']), true);
    // Three of the words, but not half of those found: the error is elsewhere.
    assert.equal(holds(['pony', 'ledger', 'refused', 'a', 'b', 'c', 'd', 'e']), false);
    assert.equal(holds(['pony', 'ledger']), false);
  });

  it('reads a chain label that ends a line like one with a colon, its message on the next line with words', () => {
    assert.deepEqual(joinChainLabels(['The yak failed. Inner Exception', '', 'The pony refused.', 'Next line']), [
      'The yak failed. inner exception: The pony refused.',
      'Next line',
    ]);
    assert.deepEqual(joinChainLabels(['The yak failed. --->', 'The pony refused.']), ['The yak failed. ---> The pony refused.']);
    assert.deepEqual(joinChainLabels(['InnerException', 'Caused by:', 'The pony refused.']), [
      'inner exception: inner exception: The pony refused.',
    ]);
    // The end of an inner exception's stack trace is no label; a label at the paste's end has nothing to join.
    const lines = ['   --- End of inner exception stack trace ---', 'at Pony.Run()', 'The yak failed. Inner Exception'];
    assert.deepEqual(joinChainLabels(lines), lines);
    const [link] = chainLinks(['Unable to reach the llama endpoint. Inner Exception', 'The pony refused the yak.']);
    assert.deepEqual(
      [link.outer, link.inner],
      [
        ['unable', 'reach', 'llama', 'endpoint'],
        ['pony', 'refused', 'yak'],
      ],
    );
  });
});

describe('matching/chains: a chain label alone on its line', () => {
  it('joins the last line with words before it and the next line with words after it', () => {
    assert.deepEqual(joinChainLabels(['The yak failed.', '', 'Inner Exception', 'The pony refused.']), [
      'The yak failed. inner exception: The pony refused.',
    ]);
    // Lines without words between the message and the label go with it; an indented label is read trimmed.
    assert.deepEqual(joinChainLabels(['The yak failed.', '----', '   Inner Exception', '', 'The pony refused.']), [
      'The yak failed. ---- inner exception: The pony refused.',
    ]);
    // A message without punctuation is a message too.
    assert.deepEqual(joinChainLabels(['Failed', 'Inner Exception', 'The pony refused.']), ['Failed inner exception: The pony refused.']);
  });

  it('joins nothing before a label with no words before it or nothing after it', () => {
    assert.deepEqual(joinChainLabels(['', 'Inner Exception', 'The pony refused.']), ['', 'inner exception: The pony refused.']);
    assert.deepEqual(joinChainLabels(['The yak failed.', 'Inner Exception']), ['The yak failed.', 'Inner Exception']);
    // A line that ends with a label after words of its own is no label alone: only the next line joins it.
    assert.deepEqual(joinChainLabels(['The yak failed.', 'Failed Inner Exception', 'The pony refused.']), [
      'The yak failed.',
      'Failed inner exception: The pony refused.',
    ]);
  });

  it('leaves lines without a label as they are, blank ones too', () => {
    const lines = ['The yak failed.', '', 'Next line', '   '];
    assert.deepEqual(joinChainLabels(lines), lines);
  });

  it('skips lines without words after a label at a line end, and joins a line of one word', () => {
    assert.deepEqual(joinChainLabels(['The yak failed. --->', '', '   ', 'Refused', 'Next line']), [
      'The yak failed. ---> Refused',
      'Next line',
    ]);
    assert.deepEqual(joinChainLabels(['The yak failed. Inner Exception', 'Refused']), ['The yak failed. inner exception: Refused']);
  });

  it('trims the line it joins after a label that ends with an arrow or a word', () => {
    assert.deepEqual(joinChainLabels(['The yak failed. --->', '    The pony refused.']), ['The yak failed. ---> The pony refused.']);
    assert.deepEqual(joinChainLabels(['The yak failed. Caused by', '    The pony refused.']), [
      'The yak failed. inner exception: The pony refused.',
    ]);
  });
});

describe('matching/chains: outer messages and wrappers', () => {
  it('leaves words every error uses out of an outer message and a wrapper', () => {
    const [link] = chainLinks(['An error occurred while provisioning the walrus. Error details: The pony refused.']);
    assert.deepEqual(link.outer, ['provisioning', 'walrus']);
    assert.deepEqual(wrapperWords('An error occurred while provisioning the walrus. Error details: The pony refused.', 2), [
      'provisioning',
      'walrus',
    ]);
  });

  it('takes a wrapper of exactly the least number of words', () => {
    assert.deepEqual(wrapperWords('Provisioning walrus failed. Error details: The pony refused.', 3), ['provisioning', 'walrus', 'failed']);
    assert.equal(wrapperWords('Provisioning walrus failed. Error details: The pony refused.', 4), undefined);
  });

  it('holds an error in an inner message with exactly the least number of its words, and exactly half of those found', () => {
    assert.equal(holdsFound(3, 6, 3), true);
    assert.equal(holdsFound(2, 4, 3), false);
    assert.equal(holdsFound(3, 7, 3), false);
    assert.equal(holdsFound(4, 8, 3), true);
  });
});
