import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { PNG } from 'pngjs';
import { DEFAULT_OCR_LIMITS } from '../../src/ocr/limits';
import { startFaultyConnector, type FaultyConnector } from '../helpers/connector';
import { sharedOcrReader } from '../helpers/ocr';
import { closeScreenshotBrowser, referenceScreenshots, screenshotPng } from '../helpers/screenshots';
import { message, postActivity, startService, type Service } from '../helpers/service';
import { skipWithoutChromium } from '../web/support/browser';

// The shared Chromium that rendered the screenshots, closed after all tests (a root hook).
after(() => closeScreenshotBrowser());

/**
 * Teams: a screenshot pasted into a chat reaches the bot as an attachment whose bytes the Bot
 * Connector serves (here the stand-in connector); the bot downloads it, reads it and answers like a
 * paste — through the real server, real HTTP and the real Bot Framework protocol (authentication off).
 */
describe('Teams: a pasted screenshot', function () {
  this.timeout(180_000);
  let connector: FaultyConnector;
  let service: Service;

  before(function () {
    skipWithoutChromium(this);
  });
  beforeEach(async () => {
    connector = await startFaultyConnector();
    service = await startService({
      logLevel: 'info',
      screenshots: { reader: sharedOcrReader(), limits: { ...DEFAULT_OCR_LIMITS, timeoutMs: 120_000 }, authEnabled: false },
    });
  });
  afterEach(async () => {
    await service.stop();
    await connector.close();
  });

  const texts = () => connector.delivered.filter((d) => d.activity.type === 'message').map((d) => d.activity.text ?? '');
  const cards = () =>
    connector.delivered.flatMap((d) =>
      (d.activity.attachments ?? []).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive'),
    );
  const cardText = (card: { content?: unknown }) => JSON.stringify(card.content);

  /** Posts the activity and waits until the bot's last reply (a card or text) arrived. */
  async function send(activity: Partial<Activity>, replies: number): Promise<void> {
    const res = await postActivity(service.url, activity);
    assert.equal(res.status, 200, await res.text());
    await connector.waitForDelivered(replies, 150_000);
  }

  it('1:1 chat, German: typing while reading, then what was read, then the reference article', async () => {
    // (powershell-de-small is read with `fir` for `für`: a clarify until the matcher tolerates it, see tests/ocr/screenshots.test.ts)
    const png = await screenshotPng(referenceScreenshots().find((s) => s.name === 'ems-de-scaled')!);
    connector.images.set('/v3/attachments/0-weu-d1-abc/views/original', png);
    const url = `${connector.serviceUrl}v3/attachments/0-weu-d1-abc/views/original`;
    await send(
      message(connector.serviceUrl, '', {
        locale: 'de-DE',
        attachments: [
          { contentType: 'image/*', contentUrl: url },
          {
            contentType: 'text/html',
            content: `<div><div><span><img src="https://eu-api.asm.skype.com/v1/objects/0-weu-d1-abc/views/imgo" width="880" height="174"></span></div></div>`,
          },
        ],
      }),
      3,
    );
    await waitForCard();
    const types = connector.delivered.map((d) => d.activity.type);
    assert.equal(types[0], 'typing', `first reply: ${types.join(', ')}`);
    const read = texts().find((t) => t.startsWith('Das habe ich aus Ihrem Screenshot gelesen:'));
    assert.ok(read, texts().join('\n---\n'));
    // Quoted as read (an OCR slip such as `fir` for `für` would show here), as text in a code block.
    assert.match(
      read,
      /```text\n[\s\S]*Fehler beim Versuch, Exchange .{2,4} den Partner STS bereitzustellen[\s\S]*Die zugrunde liegende Verbindung wurde geschlossen/,
    );
    const card = cards()[0]!;
    // The answer card (cause and fix), not a clarify question.
    assert.match(cardText(card), /"Ursache"/);
    assert.match(cardText(card), /"Lösung"/);
    assert.match(cardText(card), /Set-FederatedOrganizationIdentifier/);
    // Downloaded once, from the connector (the activity's serviceUrl host); the HTML's asm.skype.com image is not fetched.
    assert.deepEqual(
      connector.imageRequests.map((r) => r.path),
      ['/v3/attachments/0-weu-d1-abc/views/original'],
    );
    assert.equal(connector.imageRequests[0]!.authorization, undefined, 'authentication off: no token');
    assert.ok(service.logs.some((l) => l.msg === 'screenshot read' && l.kind === 'attachment'));
  });

  it('channel with @mention, English: an image only inline in the HTML is read together with the message text', async () => {
    const png = await screenshotPng(referenceScreenshots().find((s) => s.name === 'powershell-en-small')!);
    connector.images.set('/v3/attachments/inline-1/views/original', png);
    await send(
      message(connector.serviceUrl, '<at>PasteFix</at> this fails for us', {
        conversation: { id: '19:channel@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true } as Activity['conversation'],
        entities: [{ type: 'mention', text: '<at>PasteFix</at>', mentioned: { id: '28:pastefix-bot', name: 'PasteFix' } }],
        attachments: [
          {
            contentType: 'text/html',
            content: `<p><at>PasteFix</at> this fails for us</p><p><img src="${connector.serviceUrl}v3/attachments/inline-1/views/original"></p>`,
          },
        ],
      }),
      3,
    );
    await waitForCard();
    assert.ok(
      texts().some(
        (t) =>
          t.startsWith('I read this from your screenshot:') &&
          t.includes('An error occurred while attempting to provision Exchange to the Partner STS'),
      ),
    );
    assert.match(cardText(cards()[0]!), /"Cause"/);
    assert.match(cardText(cards()[0]!), /Set-FederatedOrganizationIdentifier/);
  });

  it('an image with no text: says so and how to paste the error as text instead', async () => {
    const png = new PNG({ width: 400, height: 120 });
    png.data.fill(255);
    connector.images.set('/v3/attachments/blank/views/original', PNG.sync.write(png));
    await send(
      message(connector.serviceUrl, '', {
        attachments: [{ contentType: 'image/png', contentUrl: `${connector.serviceUrl}v3/attachments/blank/views/original` }],
      }),
      2,
    );
    const reply = texts().at(-1)!;
    assert.equal(
      reply,
      "I couldn't read any text in your screenshot.\n\nPaste the error as text instead: in PowerShell select it and press Enter to copy it, in a message box press Ctrl+C, in a log select the lines and copy them – then paste it here.",
    );
    assert.equal(cards().length, 0);
  });

  it("an image on a host that is not the channel's is not fetched (authentication off: loopback and serviceUrl host only)", async () => {
    await send(
      message(connector.serviceUrl, '', { attachments: [{ contentType: 'image/png', contentUrl: 'https://images.example.net/shot.png' }] }),
      2,
    );
    assert.equal(
      texts().at(-1),
      "I couldn't download your screenshot.\n\nPaste the error as text instead: in PowerShell select it and press Enter to copy it, in a message box press Ctrl+C, in a log select the lines and copy them – then paste it here.",
    );
    assert.deepEqual(connector.imageRequests, []);
    const warning = service.logs.find((l) => l.msg === 'screenshot not read');
    assert.equal(
      warning?.reason,
      "screenshot: not fetched from https://images.example.net: with authentication off only loopback addresses and the activity's serviceUrl host are fetched from",
    );
  });

  async function waitForCard(): Promise<void> {
    const until = Date.now() + 150_000;
    while (cards().length === 0) {
      if (Date.now() > until) throw new Error(`no answer card; replies: ${texts().join('\n---\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
});
