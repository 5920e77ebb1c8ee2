import assert from 'node:assert/strict';
import { buildSignals } from '../../src/matching/signals';
import { twinsOf } from '../../src/matching/twins';
import { englishArticle as article } from '../helpers/articles';

describe('matching/twins', () => {
  it('maps an error text to the first one that scores alike: same words, weights and parts; placeholders may differ', () => {
    const index = buildSignals([
      article('a', ['The marmot gateway on <ServerName> refused the sprocket handshake.']),
      article('b', ['The marmot gateway on <Host> refused the sprocket handshake.', 'The marmot gateway refused the sprocket.']),
      article('c', ['The marmot gateway on <ServerName> refused the sprocket handshake. Detailed information: "Access is denied."']),
    ]);
    assert.deepEqual(Array.from(twinsOf(index)), [0, 0, 2, 3]);
  });

  it('keeps texts apart whose words differ only in their parts (a sentence end) or order', () => {
    const index = buildSignals([
      article('a', ['Marmot gateway failed. Sprocket handshake refused.']),
      article('b', ['Marmot gateway failed sprocket handshake refused.']),
      article('c', ['Sprocket handshake refused. Marmot gateway failed.']),
    ]);
    assert.deepEqual(Array.from(twinsOf(index)), [0, 1, 2]);
  });

  it('maps every twin to the first of its group, also when other texts stand between them', () => {
    const handshake = 'The marmot gateway refused the sprocket handshake.';
    const index = buildSignals([
      article('a', [handshake]),
      article('b', [handshake, 'Quokka feeder jammed at the gate.']),
      article('c', [handshake]),
    ]);
    assert.deepEqual(Array.from(twinsOf(index)), [0, 0, 2, 0]);
  });
});
