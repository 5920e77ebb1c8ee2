import assert from 'node:assert/strict';
import { Matcher } from '../../src/matching/matcher';
import { englishArticle as article, kbOf } from '../helpers/articles';

describe("matching: an article's host name written with a placeholder top-level name is a host name (vocabulary.ts HOST_TLDS)", () => {
  let m: Matcher;
  beforeEach(() => {
    m = new Matcher(
      kbOf([
        article('denied', [
          'The directory operation failed on DOMAINCONTROLLER.domain.suffix. This error is not retriable. Additional information: Access is denied.',
        ]),
        article('walrus', ['The walrus sync stalled at midnight.']),
      ]),
    );
  });

  it("answers the error with the paste's own server in its place, not read as another error going on", () => {
    const r = m.match(
      'The directory operation failed on dc07.fabrikam.local. This error is not retriable. Additional information: Access is denied.',
    );
    assert.deepEqual([r.decision, r.matches[0]?.article], ['answer', 'denied']);
  });
});
