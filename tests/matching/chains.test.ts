import assert from 'node:assert/strict';
import { chainLinks, joinChainLabels, linksHolding, wrapperWords } from '../../src/matching/chains';

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
    const links = chainLinks(['Provisioning the walrus failed. Error details: The pony ledger refused the yak.']);
    assert.equal(linksHolding(links, new Set(['pony', 'ledger', 'refused', 'yak']), 3).length, 1);
    // Three of the words, but not half of those found: the error is elsewhere.
    assert.equal(linksHolding(links, new Set(['pony', 'ledger', 'refused', 'a', 'b', 'c', 'd', 'e']), 3).length, 0);
    assert.equal(linksHolding(links, new Set(['pony', 'ledger']), 3).length, 0);
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
