import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { TEXTS } from '../../src/bot/texts';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../src/knowledge/load';
import type { Article } from '../../src/knowledge/types';
import { Matcher } from '../../src/matching/matcher';
import { requireShared } from '../helpers/prerequisites';
import { launchBrowser, screenshot, SEND_BOX, skipWithoutChromium, watchErrors } from './support/browser';
import { cardCount, nextCard, squash } from './support/cards';
import { type RealServer, startRealServer } from './support/realServer';

/** A German admin's description of a free/busy problem, no error text: the symptom only, in our own words. */
const FREE_BUSY_DE =
  'Seit letzter Woche sehen unsere lokalen Benutzer keine Frei/Gebucht-Informationen der Postfächer, die schon in Exchange Online liegen. ' +
  'Wir haben eine Hybridbereitstellung mit Exchange 2016.';

const REFERENCE = 'exo-legacy-tls-hybrid';

/** The article's English title or one of its symptom descriptions speaks of free/busy. */
function aboutFreeBusy(article: Article): boolean {
  return [article.title.en, ...article.symptoms.map((s) => s.description.en)].some((t) => t && /free\/busy/i.test(t));
}

/**
 * Issue 13, done-when: a German free/busy description in the web chat, from a German browser, offers the English
 * free/busy articles of ../shared/corpus next to the reference article — German question and buttons around
 * English titles — and choosing an English one answers in the German frame with the "English only" note.
 * Knowledge: built-in + ../shared/corpus, through the real service, Direct Line and Chromium.
 */
describe('web: a German browser describes a free/busy problem, English articles are offered', function () {
  this.timeout(120_000);
  let server: RealServer;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let matcher: Matcher;

  before(async function () {
    skipWithoutChromium(this);
    const corpus = requireShared(this);
    const kb = loadKnowledge([BUILTIN_KNOWLEDGE, corpus]);
    assert.deepEqual(
      kb.problems.filter((p) => p.severity !== 'warning'),
      [],
    );
    matcher = new Matcher(kb);
    server = await startRealServer({ matcher });
    browser = await launchBrowser();
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('offers the reference article and English free/busy articles in German, and answers the chosen English one in German', async () => {
    const decision = matcher.match(FREE_BUSY_DE);
    assert.equal(decision.decision, 'clarify', JSON.stringify(decision.matches));
    const offered = decision.matches.map((m) => matcher.kb.byId.get(m.article)!);
    const english = offered.filter((a) => !a.languages.includes('de'));
    assert.ok(
      offered.some((a) => a.id === REFERENCE),
      `the reference article is offered: ${offered.map((a) => a.id).join(', ')}`,
    );
    assert.ok(english.length >= 2, `at least two English-only articles next to it: ${offered.map((a) => a.id).join(', ')}`);
    for (const a of english) assert.ok(aboutFreeBusy(a), `${a.id} is a free/busy article`);

    context = await browser.newContext({ locale: 'de-DE', extraHTTPHeaders: { 'Accept-Language': 'de-DE,de;q=0.9' } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/`);
    await page.waitForSelector(SEND_BOX, { timeout: 45_000 });
    assert.equal(await page.getAttribute('html', 'lang'), 'de', 'the page follows the German browser');

    const before = await cardCount(page);
    await page.fill(SEND_BOX, FREE_BUSY_DE);
    await page.keyboard.press('Enter');
    const question = await nextCard(page, before);
    await screenshot(page, 'chat-de-free-busy-english-articles.png');

    // The rendered page: the German question, each offered title (German for the reference, English for the
    // corpus articles), German buttons.
    assert.ok(question.text.includes(TEXTS.de.clarifyIntro), question.text);
    assert.ok(question.text.includes(squash(matcher.kb.byId.get(REFERENCE)!.title.de!)), 'the reference article, titled in German');
    for (const a of english) assert.ok(question.text.includes(squash(a.title.en!)), `offered: ${a.title.en}`);
    assert.deepEqual(question.buttons, [...offered.map((_, i) => TEXTS.de.chooseThis(i + 1)), TEXTS.de.noneOfThese]);

    const choice = offered.indexOf(english[0]);
    const beforeAnswer = await cardCount(page);
    await page
      .locator('.ac-adaptiveCard')
      .last()
      .locator('button', { hasText: TEXTS.de.chooseThis(choice + 1) })
      .click();
    const answer = await nextCard(page, beforeAnswer);
    // The answer card's heading sets typographic apostrophes (Can’t).
    const plain = (t: string) => squash(t).replace(/\u2019/g, "'");
    assert.ok(plain(answer.text).startsWith(plain(english[0].title.en!)), answer.text.slice(0, 160));
    assert.ok(answer.text.includes(TEXTS.de.otherLanguage), 'the one-line note that the article exists only in English');
    for (const heading of [TEXTS.de.cause, TEXTS.de.fix]) assert.ok(answer.text.includes(heading), `German heading "${heading}"`);
    assert.ok(answer.buttons.includes(TEXTS.de.helpful), 'German feedback buttons');
    await screenshot(page, 'chat-de-free-busy-english-answer.png');
    assert.deepEqual(errors, []);
  });
});
