import assert from 'node:assert/strict';
import path from 'node:path';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../src/knowledge/load';
import { Matcher } from '../../src/matching/matcher';
import { sharedOcrReader } from '../helpers/ocr';
import {
  closeScreenshotBrowser,
  corpusScreenshots,
  referenceScreenshots,
  screenshotPng,
  UNRELATED,
  type ScreenshotSpec,
} from '../helpers/screenshots';
import { sharedDir } from '../helpers/tmp';
import { skipWithoutChromium } from '../web/support/browser';

/**
 * Screenshots in the looks admins paste (rendered by Chromium, see tests/helpers/screenshots.ts), read
 * by the OCR reader and matched like a paste. Each image is read once (OCR is heavy on a shared machine).
 */
// The shared Chromium that rendered the screenshots, closed after all tests (a root hook).
after(() => closeScreenshotBrowser());

/**
 * Screenshots Tesseract reads with a slip the matcher does not tolerate yet (issue 16 item 5, OCR-noise
 * tolerance, is the matcher's): they would be offered as a choice (clarify) instead of answered. None
 * today. (With small text scaled up, powershell-de-small was read with `fir` for `für`, a clarify at 0.55
 * before the matcher learnt to tolerate one misread word; scaling is off, see src/ocr/preprocess.ts.)
 */
const PENDING_OCR_NOISE: Record<string, string> = {};

describe('ocr: screenshots read and matched to their article', function () {
  this.timeout(180_000);
  const read = async (spec: ScreenshotSpec) => (await sharedOcrReader().read(await screenshotPng(spec))).text;

  before(function () {
    skipWithoutChromium(this);
  });

  describe('the reference error (built-in knowledge)', () => {
    const matcher = new Matcher(loadKnowledge([BUILTIN_KNOWLEDGE]));
    for (const spec of referenceScreenshots()) {
      const slip = PENDING_OCR_NOISE[spec.name];
      if (slip) {
        it(`${spec.name}: read with ${slip}, the reference article is the first candidate`, async () => {
          const text = await read(spec);
          const result = matcher.match(text);
          assert.notEqual(result.decision, 'none', `for what was read:\n${text}`);
          assert.equal(result.matches[0]?.article, 'exo-legacy-tls-hybrid');
        });
        // Pending: answered once the matcher tolerates one substituted short word (issue 16 item 5).
        it(`${spec.name}: answered with the reference article despite ${slip}`);
        continue;
      }
      it(`${spec.name}: answered with the reference article`, async () => {
        const text = await read(spec);
        const result = matcher.match(text);
        assert.equal(result.decision, 'answer', `decision ${result.decision} for what was read:\n${text}`);
        assert.equal(result.matches[0]?.article, 'exo-legacy-tls-hybrid');
      });
    }
  });

  describe('errors of corpus articles (../shared/corpus)', function () {
    const shared = sharedDir();
    let matcher: Matcher;
    before(function () {
      if (!shared) {
        console.log('      (skipped: ../shared with the corpus is absent in this clone)');
        this.skip();
      }
      matcher = new Matcher(loadKnowledge([BUILTIN_KNOWLEDGE, path.join(shared!, 'corpus')]));
    });
    for (const spec of corpusScreenshots()) {
      it(`${spec.name}: ${spec.family ? `its family offered, ${spec.family.join(', ')}` : `answered with ${spec.article}`}`, async () => {
        const text = await read(spec);
        const result = matcher.match(text);
        if (spec.family) {
          assert.equal(result.decision, 'clarify', `decision ${result.decision} for what was read:\n${text}`);
          assert.deepEqual(
            result.matches
              .slice(0, spec.family.length)
              .map((x) => x.article)
              .sort(),
            [...spec.family].sort(),
          );
          return;
        }
        assert.equal(result.decision, 'answer', `decision ${result.decision} for what was read:\n${text}`);
        assert.equal(result.matches[0]?.article, spec.article);
      });
    }
  });

  it('a screenshot of unrelated text is read but not answered', async () => {
    const text = await read(UNRELATED);
    assert.match(text, /lunch/i);
    assert.equal(new Matcher(loadKnowledge([BUILTIN_KNOWLEDGE])).match(text).decision, 'none');
  });
});
