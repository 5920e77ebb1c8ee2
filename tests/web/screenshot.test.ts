import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { DEFAULT_OCR_LIMITS } from '../../src/ocr/limits';
import { TEXTS } from '../../src/bot/texts';
import { sharedOcrReader } from '../helpers/ocr';
import { closeScreenshotBrowser, referenceScreenshots, screenshotPng } from '../helpers/screenshots';
import { launchBrowser, screenshot, SEND_BOX, skipWithoutChromium, watchErrors } from './support/browser';
import { bubbleTexts, cardCount, nextCard } from './support/cards';
import { type RealServer, startRealServer } from './support/realServer';

// The shared Chromium that rendered the screenshots, closed after all tests (a root hook).
after(() => closeScreenshotBrowser());

/**
 * The web chat's upload button in Chromium, against the real service in local mode: a screenshot of
 * the reference error uploaded through Web Chat is read and answered.
 */
describe('web: a screenshot uploaded in the chat page', function () {
  this.timeout(180_000);
  let server: RealServer;
  let browser: Browser;
  let context: BrowserContext | undefined;

  before(async function () {
    skipWithoutChromium(this);
    server = await startRealServer({
      screenshots: { reader: sharedOcrReader(), limits: { ...DEFAULT_OCR_LIMITS, timeoutMs: 120_000 }, authEnabled: false },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('the upload button sends the image; the bot quotes what it read and answers with the reference article', async () => {
    const png = await screenshotPng(referenceScreenshots().find((s) => s.name === 'powershell-en-small')!);
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    await page.waitForSelector(SEND_BOX, { timeout: 45_000 });
    const upload = page.locator('input[type="file"]');
    assert.equal(await upload.getAttribute('accept'), 'image/png,image/jpeg');
    const before = await cardCount(page);
    // Web Chat attaches the chosen file to the send box; Send (or Enter) sends it, with any text typed.
    // Web Chat reads the chosen file before it counts as attached: under load an Enter pressed too early sends nothing, so
    // Enter is pressed again until the user's message shows in the transcript.
    const sentBefore = await page.evaluate(() => document.querySelectorAll('.webchat__bubble--from-user').length);
    await upload.setInputFiles({ name: 'powershell.png', mimeType: 'image/png', buffer: png });
    for (let attempt = 1; ; attempt++) {
      await page.click(SEND_BOX);
      await page.keyboard.press('Enter');
      const sent = await page
        .waitForFunction((n) => document.querySelectorAll('.webchat__bubble--from-user').length > n, sentBefore, { timeout: 15_000 })
        .then(() => true)
        .catch(() => false);
      if (sent) break;
      if (attempt === 4) throw new Error('the upload was never sent: no message of the user in the transcript after 4 tries');
    }
    const card = await nextCard(page, before, 150_000).catch(async (err: Error) => {
      await screenshot(page, 'webchat-screenshot-upload-failed.png');
      throw new Error(`${err.message}\nthe transcript:\n${(await bubbleTexts(page)).join('\n---\n')}\npage errors: ${errors.join('; ')}`);
    });
    const t = TEXTS.en;
    assert.ok(card.text.includes(t.cause) && card.text.includes(t.fix), `an answer card: ${card.text.slice(0, 200)}`);
    assert.ok(
      card.monospace.some((c) => c.startsWith('Set-FederatedOrganizationIdentifier')),
      'with the federation command',
    );
    const bubbles = await bubbleTexts(page);
    const read = bubbles.find((b) => b.includes(t.screenshotRead));
    assert.ok(read, bubbles.join('\n---\n'));
    assert.match(read, /An error occurred while attempting to provision Exchange to the Partner STS/);
    // The uploaded image shows in the transcript, served back by the local Direct Line.
    await screenshot(page, 'webchat-screenshot-upload.png');
    assert.deepEqual(errors, []);
  });
});
