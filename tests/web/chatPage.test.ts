import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Article, Lang } from '../../src/knowledge/types';
import { TEXTS } from '../../src/bot/texts';
import { launchBrowser, screenshot, SEND_BOX, skipWithoutChromium, watchErrors } from './support/browser';
import { bubbleTexts, cardCount, nextCard, squash, type CardView } from './support/cards';
import { SEED_DE, SEED_EN, VAGUE_DE } from './support/pastes';
import { type RealServer, startRealServer } from './support/realServer';
import { startService } from '../helpers/service';
import { webChatRoutes } from '../../src/server/directline';

/**
 * The chat page in headless Chromium against the real service: real knowledge base, matcher, bot,
 * server and local Direct Line. Screenshots land in test-artifacts/.
 */
describe('web: the chat page in Chromium', function () {
  this.timeout(120_000);
  let server: RealServer;
  let browser: Browser;
  let context: BrowserContext | undefined;

  before(async function () {
    skipWithoutChromium(this);
    server = await startRealServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  async function open(options: { locale: string; width?: number; height?: number }): Promise<{ page: Page; errors: string[] }> {
    context = await browser.newContext({
      locale: options.locale,
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    await page.waitForSelector(SEND_BOX, { timeout: 45_000 });
    return { page, errors };
  }

  async function paste(page: Page, text: string): Promise<CardView> {
    const before = await cardCount(page);
    await page.fill(SEND_BOX, text);
    await page.keyboard.press('Enter');
    return nextCard(page, before);
  }

  function articleFor(text: string): Article {
    const result = server.matcher.match(text);
    assert.equal(result.decision, 'answer', `the matcher answers the seed error (${JSON.stringify(result.matches[0])})`);
    return server.matcher.kb.byId.get(result.matches[0].article)!;
  }

  function assertFullAnswer(card: CardView, article: Article, lang: Lang): void {
    const t = TEXTS[lang];
    assert.ok(card.text.includes(squash(article.title[lang]!)), 'the title');
    assert.ok(card.text.includes(t.cause), `the "${t.cause}" heading`);
    assert.ok(card.text.includes(squash(article.cause[lang]!)), 'the whole cause');
    assert.ok(card.text.includes(t.fix), `the "${t.fix}" heading`);
    for (const step of article.steps) assert.ok(card.text.includes(squash(step.text[lang]!)), `step: ${step.text[lang]}`);
    const commands = article.steps.flatMap((s) => s.commands ?? []).map((c) => c.code);
    assert.ok(
      commands.some((c) => c.startsWith('Set-FederatedOrganizationIdentifier')),
      'the article has the federation command',
    );
    for (const code of commands) assert.ok(card.monospace.includes(code), `command shown whole in monospace: ${code}`);
    assert.deepEqual(card.cutOff, [], 'no command is cut off');
    assert.ok(card.buttons.includes(t.helpful), 'feedback buttons');
  }

  it('answers the seed German error with cause, steps and the exact commands; feedback is acknowledged', async () => {
    const { page, errors } = await open({ locale: 'de-DE' });
    assert.equal(await page.getAttribute('html', 'lang'), 'de');
    assert.match((await page.textContent('#pf-hint'))!, /Fügen Sie eine Fehlermeldung ein/);
    assert.equal(await page.getAttribute(SEND_BOX, 'placeholder'), 'Fehlermeldung hier einfügen');
    await page.waitForFunction((welcome) => document.body.innerText.includes(welcome), 'Hallo, ich bin PasteFix', { timeout: 10_000 });

    const article = articleFor(SEED_DE);
    const card = await paste(page, SEED_DE);
    assertFullAnswer(card, article, 'de');
    assert.ok(card.text.includes(squash(SEED_DE)), 'the recognised line of the paste is quoted');
    const bubbles = await bubbleTexts(page);
    assert.ok(bubbles.includes(squash(SEED_DE)), 'the paste is shown as sent');
    assert.ok(!bubbles.some((b) => b.startsWith('Bekanntes Problem:')), 'the card summary is not repeated as a bubble');
    await screenshot(page, 'chat-de-answer-desktop.png');

    await page.click(`.ac-adaptiveCard button:has-text("${TEXTS.de.helpful}")`);
    await page.waitForFunction((ack) => document.body.innerText.includes(ack), TEXTS.de.feedbackThanks, { timeout: 10_000 });
    const feedback = server.feedback().filter((e) => e.kind === 'feedback');
    assert.equal(feedback.length, 1);
    assert.deepEqual(
      { ...feedback[0], time: undefined },
      {
        kind: 'feedback',
        helpful: true,
        article: article.id,
        symptom: 'federation-trust',
        lang: 'de',
        paste: SEED_DE,
        time: undefined,
        channel: 'directline',
      },
    );
    await screenshot(page, 'chat-de-feedback.png');
    assert.deepEqual(errors, []);
  });

  it('asks when unsure and answers the candidate clicked', async () => {
    const decision = server.matcher.match(VAGUE_DE, { lang: 'de' });
    assert.equal(decision.decision, 'clarify', `"${VAGUE_DE}" must make the real matcher ask; it decided ${decision.decision}`);
    const { page, errors } = await open({ locale: 'de-DE' });
    const question = await paste(page, VAGUE_DE);
    assert.ok(question.buttons.includes(TEXTS.de.noneOfThese), 'a "none of these" button');
    const candidate = question.buttons.find((b) => b !== TEXTS.de.noneOfThese);
    assert.ok(candidate, `a candidate button among ${JSON.stringify(question.buttons)}`);
    assert.ok(question.text.includes(server.matcher.kb.byId.get(decision.matches[0].article)!.title.de!), 'the candidate is named');
    await screenshot(page, 'chat-de-clarify.png');

    const before = await cardCount(page);
    await page.locator('.ac-adaptiveCard').last().locator('button', { hasText: candidate }).click();
    const answer = await nextCard(page, before);
    const article = server.matcher.kb.byId.get(decision.matches[0].article)!;
    assertFullAnswer(answer, article, 'de');
    assert.ok(answer.text.includes(VAGUE_DE), 'the answer quotes what was pasted');
    assert.deepEqual(errors, []);
  });

  it('speaks English to an English browser', async () => {
    const { page, errors } = await open({ locale: 'en-US' });
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match((await page.textContent('#pf-hint'))!, /^Paste an error message/);
    const card = await paste(page, SEED_EN);
    assertFullAnswer(card, articleFor(SEED_EN), 'en');
    await screenshot(page, 'chat-en-answer-desktop.png');
    assert.deepEqual(errors, []);
  });

  it('diagnoses a pasted reg query: the wrong setting, found vs expected, and the command that fixes it', async () => {
    const { page, errors } = await open({ locale: 'en-US' });
    const regQuery = [
      'C:\\Windows\\system32>reg query "HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client"',
      '',
      'HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client',
      '    DisabledByDefault    REG_DWORD    0x0',
      '    Enabled    REG_DWORD    0x0',
    ].join('\n');
    const card = await paste(page, regQuery);
    assert.ok(card.text.startsWith('TLS configuration of your server 1 setting is wrong or missing.'), card.text);
    assert.ok(card.text.includes('✗ TLS 1.2 client: Enabled – found 0, expected 1'), card.text);
    assert.ok(card.text.includes('✓ TLS 1.2 client: DisabledByDefault – value 0'));
    const fix =
      "New-ItemProperty -Path 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client' -Name Enabled -Value 1 -PropertyType DWord -Force";
    assert.ok(card.monospace.includes(fix), `the fix command whole in monospace: ${JSON.stringify(card.monospace)}`);
    assert.deepEqual(card.cutOff, [], 'no command is cut off');
    assert.ok(card.text.includes('Restart the server afterwards'));
    assert.ok(card.text.includes('Not in your paste'));
    await screenshot(page, 'chat-en-tls-diagnosis.png');
    assert.deepEqual(errors, []);
  });

  it('fits a 360 px phone: nothing wider than the screen, commands wrapped, not cut off', async () => {
    const { page, errors } = await open({ locale: 'de-DE', width: 360, height: 740 });
    const card = await paste(page, SEED_DE);
    assertFullAnswer(card, articleFor(SEED_DE), 'de');
    const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
    assert.ok(widths.doc <= widths.view, `no horizontal scrolling: ${widths.doc} > ${widths.view}`);
    // The answer's top stays in view when it arrives (it is longer than the screen).
    const top = await page.evaluate(() => {
      const cards = document.querySelectorAll('.ac-adaptiveCard');
      return cards[cards.length - 1].getBoundingClientRect().top;
    });
    assert.ok(top > 0 && top < 740, `the card's title is on screen (top ${top})`);
    await screenshot(page, 'chat-de-answer-360.png');
    // The whole command block, scrolled into view.
    await page
      .locator('.ac-adaptiveCard [style*="monospace"]', { hasText: 'Set-FederatedOrganizationIdentifier' })
      .last()
      .scrollIntoViewIfNeeded();
    await screenshot(page, 'chat-de-commands-360.png');
    assert.deepEqual(errors, []);
  });

  it('says clearly when no chat token can be had, and offers to try again', async () => {
    // Azure mode with a Direct Line service that cannot be reached (nothing listens on port 9).
    const broken = await startService({
      logLevel: 'fatal',
      routes: [webChatRoutes({ mode: { kind: 'azure', secret: 'not-used', domain: 'http://127.0.0.1:9' } })],
    });
    try {
      context = await browser.newContext({ locale: 'de-DE', viewport: { width: 800, height: 600 } });
      const page = await context.newPage();
      await page.goto(`${broken.url}/`);
      const alert = page.locator('[role="alert"]');
      await alert.waitFor({ timeout: 10_000 });
      assert.equal(
        await alert.textContent(),
        'Der Chat konnte nicht starten: Could not reach the Direct Line service at http://127.0.0.1:9.',
      );
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Erneut versuchen', 'the retry button has focus');
      await screenshot(page, 'chat-de-token-error.png');
    } finally {
      await broken.stop();
    }
  });

  it('shows HTML in a paste as text, never as markup', async () => {
    const { page, errors } = await open({ locale: 'en-US' });
    const hostile = '<b id="pf-bold">bold</b> <img id="pf-img" src="x" onerror="window.__pwned = 1"> Get-Mailbox failed';
    await page.fill(SEND_BOX, hostile);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('.webchat__bubble__content')].length >= 3, undefined, {
      timeout: 10_000,
    });
    await page.waitForTimeout(500);
    assert.equal(await page.locator('#pf-bold, #pf-img').count(), 0, 'no element made from the paste');
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.ok(
      (await bubbleTexts(page)).some((t) => t.includes('<b id="pf-bold">bold</b>')),
      'the paste shows as typed',
    );
    assert.deepEqual(errors, []);
  });

  it('works with the keyboard alone', async () => {
    const { page, errors } = await open({ locale: 'de-DE' });
    const active = () => page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? document.activeElement?.tagName);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-id') === 'webchat-sendbox-input', undefined, {
      timeout: 5000,
    });
    const before = await cardCount(page);
    await page.keyboard.insertText(SEED_DE); // as a paste arrives: in one go
    await page.keyboard.press('Enter');
    await nextCard(page, before);
    assert.equal(await active(), 'webchat-sendbox-input', 'the cursor stays in the send box');

    // Into the transcript (Shift+Tab twice), to the newest activity (End), into it (Enter), to its buttons (Tab).
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    let label = '';
    for (let i = 0; i < 15 && label !== TEXTS.de.helpful; i++) {
      await page.keyboard.press('Tab');
      label = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    }
    assert.equal(label, TEXTS.de.helpful, 'the feedback button is reachable with Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction((ack) => document.body.innerText.includes(ack), TEXTS.de.feedbackThanks, { timeout: 10_000 });
    await screenshot(page, 'chat-de-keyboard.png');
    assert.deepEqual(errors, []);
  });
});
