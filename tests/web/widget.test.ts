import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { TEXTS } from '../../src/bot/texts';
import { launchBrowser, screenshot, SEND_BOX, skipWithoutChromium, watchErrors } from './support/browser';
import { cardCount, nextCard } from './support/cards';
import { SEED_DE } from './support/pastes';
import { type RealServer, startRealServer } from './support/realServer';

const LAUNCHER = '[data-pastefix-widget] .launcher';
const PANEL = '[data-pastefix-widget] .panel';

/** An intranet page on another origin: its own CSP-free markup, the one tag, and a script asking for a token itself. */
function hostPage(botBase: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Intranet</title>
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <style>button { background: red; font-size: 40px; }</style></head>
    <body><h1>Contoso intranet</h1><p><a href="#top">A link before the widget</a></p>
    <script src="${botBase}/widget.js" data-title="Exchange help" data-lang="en" data-accent="#107c10" data-position="left"></script>
    <script>
      window.tokenAttempt = fetch('${botBase}/api/directline/token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
        .then((res) => res.json()).then((body) => (body.token ? 'token' : 'no token: ' + JSON.stringify(body)), (error) => 'blocked: ' + error.message);
    </script>
    </body></html>`;
}

/** Serves `hostPage` on 127.0.0.1 and a free port; its origin is http://localhost:<port> (not the bot's). */
async function startHostPage(botBase: () => string): Promise<{ server: http.Server; url: string; origin: string }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(hostPage(botBase()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return { server, url: `${origin}/`, origin };
}

/**
 * The widget on host pages in Chromium: our sample page, an intranet page on another origin that only
 * adds the script tag and is allowed (`WEBCHAT_ALLOWED_ORIGINS`), and one that is not allowed and gets no
 * token. The chat inside is the real service.
 */
describe('web: the widget on an intranet page', function () {
  this.timeout(120_000);
  let server: RealServer;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let intranet: http.Server;
  let intranetUrl: string;
  let stranger: http.Server;
  let strangerUrl: string;

  before(async function () {
    skipWithoutChromium(this);
    // Host pages on other origins (localhost vs 127.0.0.1); only the intranet's is allowed.
    const host = await startHostPage(() => server.url);
    const other = await startHostPage(() => server.url);
    [intranet, intranetUrl, stranger, strangerUrl] = [host.server, host.url, other.server, other.url];
    server = await startRealServer({ allowedOrigins: [host.origin] });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    for (const page of [intranet, stranger]) await new Promise<void>((resolve) => (page ? page.close(() => resolve()) : resolve()));
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  async function open(url: string, width = 1280, height = 860): Promise<{ page: Page; errors: string[] }> {
    context = await browser.newContext({ locale: 'de-DE', viewport: { width, height } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(url);
    await page.waitForSelector(LAUNCHER);
    return { page, errors };
  }

  async function chatFrame(page: Page): Promise<Frame> {
    const handle = await page.waitForSelector('[data-pastefix-widget] iframe');
    const frame = (await handle.contentFrame())!;
    await frame.waitForSelector(SEND_BOX, { timeout: 45_000 });
    return frame;
  }

  const focusedInFrame = (frame: Frame) => frame.evaluate(() => document.hasFocus() && document.activeElement?.getAttribute('data-id'));
  const launcherFocused = (page: Page) =>
    page.evaluate(() => {
      const host = document.querySelector('[data-pastefix-widget]')!;
      return document.activeElement === host && !!host.shadowRoot!.activeElement?.classList.contains('launcher');
    });

  it('opens from the keyboard, answers the seed error, and closes with Escape back to the button', async () => {
    const { page, errors } = await open(`${server.url}/sample`);
    assert.equal(await page.isVisible(PANEL), false, 'closed at first');
    assert.equal(await page.textContent(LAUNCHER), 'Exchange-Hilfe', 'data-title');
    assert.equal(await page.getAttribute(LAUNCHER, 'aria-expanded'), 'false');

    // Tab from the top of the page until the launcher has focus.
    let reached = false;
    for (let i = 0; i < 10 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await launcherFocused(page);
    }
    assert.ok(reached, 'the launcher is reachable with Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.isVisible(PANEL), true);
    assert.equal(await page.getAttribute(LAUNCHER, 'aria-expanded'), 'true');
    const frame = await chatFrame(page);
    await frame.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input', undefined, {
      timeout: 5000,
    });
    assert.equal(await focusedInFrame(frame), 'webchat-sendbox-input', 'focus moved into the chat');
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'de', 'data-lang reaches the chat');

    const before = await cardCount(frame);
    await page.keyboard.insertText(SEED_DE);
    await page.keyboard.press('Enter');
    const card = await nextCard(frame, before);
    assert.ok(card.text.includes(TEXTS.de.cause));
    assert.ok(
      card.monospace.some((m) => m.startsWith('Set-FederatedOrganizationIdentifier ')),
      'the command',
    );
    assert.deepEqual(card.cutOff, []);
    await screenshot(page, 'widget-sample-answer-desktop.png');

    await page.keyboard.press('Escape');
    await page.waitForSelector(PANEL, { state: 'hidden' });
    assert.equal(await page.getAttribute(LAUNCHER, 'aria-expanded'), 'false');
    assert.ok(await launcherFocused(page), 'focus is back on the button');

    await page.keyboard.press('Space');
    await page.waitForSelector(PANEL, { state: 'visible' });
    await frame.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input', undefined, {
      timeout: 5000,
    });
    assert.ok((await cardCount(frame)) > before, 'the conversation is still there after reopening');
    await page.click('[data-pastefix-widget] .close');
    await page.waitForSelector(PANEL, { state: 'hidden' });
    assert.deepEqual(errors, []);
  });

  it('works on a page of another origin, with its title, language, colour and corner', async () => {
    const { page, errors } = await open(intranetUrl);
    assert.equal(
      await page.evaluate(() => (window as unknown as { tokenAttempt: Promise<string> }).tokenAttempt),
      'token',
      'an allowed origin gets a token',
    );
    assert.equal(await page.textContent(LAUNCHER), 'Exchange help');
    const look = await page.evaluate(() => {
      const launcher = document.querySelector('[data-pastefix-widget]')!.shadowRoot!.querySelector<HTMLElement>('.launcher')!;
      const style = getComputedStyle(launcher);
      return { background: style.backgroundColor, left: launcher.getBoundingClientRect().left, fontSize: style.fontSize };
    });
    assert.equal(look.background, 'rgb(16, 124, 16)', 'data-accent');
    assert.ok(look.left < 100, `data-position=left puts it on the left (${look.left})`);
    assert.equal(look.fontSize, '15px', "the host page's button styles do not leak in");

    await page.click(LAUNCHER);
    const frame = await chatFrame(page);
    assert.equal(await frame.evaluate(() => document.documentElement.lang), 'en');
    const before = await cardCount(frame);
    await frame.fill(SEND_BOX, SEED_DE);
    await frame.press(SEND_BOX, 'Enter');
    const card = await nextCard(frame, before);
    assert.ok(card.text.includes(TEXTS.en.cause), 'answered in English as data-lang asks, with the German paste');
    await screenshot(page, 'widget-other-origin.png');

    // Escape pressed inside the chat (another origin) closes the panel through postMessage.
    await frame.focus(SEND_BOX);
    await page.keyboard.press('Escape');
    await page.waitForSelector(PANEL, { state: 'hidden' });
    assert.deepEqual(errors, []);
  });

  it("gets no token on a page of an origin that is not allowed: the chat does not load and the page's own request is refused", async () => {
    const conversations = server.webChat.local!.store.size;
    const { page } = await open(strangerUrl);
    assert.match(await page.evaluate(() => (window as unknown as { tokenAttempt: Promise<string> }).tokenAttempt), /^blocked: /);
    await page.click(LAUNCHER);
    const frame = (await (await page.waitForSelector('[data-pastefix-widget] iframe')).contentFrame())!;
    // Chromium shows its own error page in place of a chat page whose frame-ancestors leave this origin out.
    // It gets there by a navigation of the frame: wait until the frame has left our origin and settled, or a
    // query can land in the page being replaced ("Execution context was destroyed").
    const ours = new URL(server.url).origin;
    for (const until = Date.now() + 15_000; Date.now() < until && (frame.url() === 'about:blank' || frame.url().startsWith(ours));)
      await new Promise((r) => setTimeout(r, 50));
    await frame.waitForLoadState('load');
    assert.equal(
      await frame.$(SEND_BOX).catch((e: Error) => (/context was destroyed/.test(e.message) ? frame.$(SEND_BOX) : Promise.reject(e))),
      null,
      'no chat in the panel',
    );
    assert.notEqual(new URL(frame.url()).origin, new URL(server.url).origin, `the chat page did not load: ${frame.url()}`);
    await screenshot(page, 'widget-origin-not-allowed.png');
    assert.equal(server.webChat.local!.store.size, conversations, 'no conversation was created for this page');
  });

  it('fills a 360 px phone screen and answers there', async () => {
    const { page, errors } = await open(`${server.url}/sample`, 360, 740);
    await screenshot(page, 'widget-sample-closed-360.png');
    await page.click(LAUNCHER);
    const box = await page.locator(PANEL).boundingBox();
    assert.deepEqual(box, { x: 0, y: 0, width: 360, height: 740 }, 'the panel takes the whole screen');
    const frame = await chatFrame(page);
    const before = await cardCount(frame);
    await frame.fill(SEND_BOX, SEED_DE);
    await frame.press(SEND_BOX, 'Enter');
    const card = await nextCard(frame, before);
    assert.deepEqual(card.cutOff, []);
    const widths = await frame.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    assert.ok(widths.doc <= widths.view, `no horizontal scrolling in the chat: ${widths.doc} > ${widths.view}`);
    await screenshot(page, 'widget-sample-answer-360.png');
    await page.click('[data-pastefix-widget] .close');
    await page.waitForSelector(PANEL, { state: 'hidden' });
    assert.deepEqual(errors, []);
  });
});
