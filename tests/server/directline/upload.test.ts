import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import { ActivityHandler, type TurnContext } from 'botbuilder';
import { PNG } from 'pngjs';
import { LOCAL_IMAGES, type LocalImages } from '../../../src/bot/screenshots/read';
import { webChatRoutes, type WebChat } from '../../../src/server/directline';
import { startService, type Service } from '../../helpers/service';

/** Records what the bot receives of an upload: the activity and the image bytes it can read in-process. */
class UploadBot extends ActivityHandler {
  readonly received: { activity: TurnContext['activity']; bytes: (Uint8Array | undefined)[] }[] = [];
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const local = context.turnState.get(LOCAL_IMAGES) as LocalImages | undefined;
      this.received.push({
        activity: context.activity,
        bytes: (context.activity.attachments ?? []).map((a) => local?.(a.contentUrl ?? '')),
      });
      await next();
    });
  }
}

function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(200);
  return PNG.sync.write(image);
}

/** The body Direct Line JS sends for a message with attachments: the activity as a part, then the files. */
function uploadForm(
  files: { bytes: Buffer; type: string; name: string }[],
  activity: object = { type: 'message', text: 'see screenshot', from: { id: 'dl_x' } },
): FormData {
  const form = new FormData();
  form.append('activity', new Blob([JSON.stringify(activity)], { type: 'application/vnd.microsoft.activity' }));
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return form;
}

describe('local Direct Line: Web Chat uploads (multipart, in memory)', () => {
  let service: Service;
  let webChat: WebChat;
  let bot: UploadBot;
  let token: string;
  let conversationId: string;

  beforeEach(async () => {
    bot = new UploadBot();
    service = await startService({
      bot,
      logLevel: 'warn',
      routes: [webChatRoutes({ mode: { kind: 'local' }, onRegistered: (registered) => (webChat = registered) })],
    });
    const issued = webChat.local!.generateToken();
    token = issued.token;
    conversationId = issued.conversationId;
  });
  afterEach(async () => {
    await webChat.local?.idle();
    await service.stop();
  });

  const upload = (form: FormData, bearer = token, id = conversationId) =>
    fetch(`${service.url}/v3/directline/conversations/${id}/upload?userId=dl_x`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${bearer}` },
    });

  it('takes a PNG: the bot gets a message with the image as an attachment, readable in-process; the transcript can show it', async () => {
    const image = png(40, 20);
    const tmpBefore = fs.readdirSync(os.tmpdir()).length;
    const res = await upload(uploadForm([{ bytes: image, type: 'image/png', name: 'shot.png' }]));
    assert.equal(res.status, 200, await res.clone().text());
    const { id } = (await res.json()) as { id: string };
    await webChat.local!.idle();
    assert.equal(bot.received.length, 1);
    const { activity, bytes } = bot.received[0]!;
    assert.equal(activity.text, 'see screenshot');
    assert.equal(activity.attachments?.length, 1);
    const attachment = activity.attachments![0]!;
    assert.equal(attachment.contentType, 'image/png');
    assert.equal(attachment.name, 'shot.png');
    assert.match(
      attachment.contentUrl!,
      new RegExp(`^${service.url}/v3/directline/conversations/${conversationId}/attachments/[A-Za-z0-9_-]{22}$`),
    );
    assert.deepEqual(Buffer.from(bytes[0]!), image);
    // The echo in the transcript carries the same attachment; its URL serves the image (no token: the URL is the key).
    const page = (await (
      await fetch(`${service.url}/v3/directline/conversations/${conversationId}/activities`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as {
      activities: { id: string; attachments?: { contentUrl: string }[] }[];
    };
    const echo = page.activities.find((a) => a.id === id)!;
    const served = await fetch(echo.attachments![0]!.contentUrl);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.equal(served.headers.get('cache-control'), 'no-store');
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), image);
    assert.equal(fs.readdirSync(os.tmpdir()).length, tmpBefore, 'nothing written to the temp folder');
  });

  it('is token-checked like the other routes: 403 without a valid token, 403 for another conversation', async () => {
    const form = () => uploadForm([{ bytes: png(4, 4), type: 'image/png', name: 'a.png' }]);
    let res = await upload(form(), 'not-a-token');
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'TokenExpired');
    const other = webChat.local!.generateToken();
    res = await upload(form(), other.token);
    assert.equal(res.status, 403);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'BadToken');
    assert.equal(bot.received.length, 0);
  });

  it('takes images only: a GIF, an SVG or a PNG declared as something else get 415', async () => {
    const cases = [
      { bytes: Buffer.from('GIF89a\x01\x00\x01\x00'), type: 'image/gif', name: 'a.gif' },
      { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), type: 'image/svg+xml', name: 'a.svg' },
      { bytes: png(4, 4), type: 'text/html', name: 'a.html' },
    ];
    for (const file of cases) {
      const res = await upload(uploadForm([file]));
      assert.equal(res.status, 415, file.name);
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.message, `Only PNG and JPEG images can be uploaded; "${file.name}" is ${file.type}.`);
    }
    assert.equal(bot.received.length, 0);
  });

  it('caps the size: an image over 4 MB gets 413 and nothing reaches the bot', async () => {
    const big = Buffer.concat([png(4, 4), Buffer.alloc(4 * 1024 * 1024)]);
    const res = await upload(uploadForm([{ bytes: big, type: 'image/png', name: 'big.png' }]));
    assert.equal(res.status, 413);
    assert.equal(
      ((await res.json()) as { error: { message: string } }).error.message,
      'An image may have at most 4 MB, and at most 3 can be uploaded at once.',
    );
    assert.equal(bot.received.length, 0);
  });

  it('refuses a body that is not multipart (415) and an upload without the activity part (400)', async () => {
    let res = await fetch(`${service.url}/v3/directline/conversations/${conversationId}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"type":"message"}',
    });
    assert.equal(res.status, 415);
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(png(4, 4))], { type: 'image/png' }), 'a.png');
    res = await upload(form);
    assert.equal(res.status, 400);
    assert.equal(
      ((await res.json()) as { error: { message: string } }).error.message,
      'The upload has no part "activity" (the message as JSON).',
    );
  });

  it('multipart is parsed nowhere else: a multipart body to /api/messages gets 415 and writes no file', async () => {
    const tmpBefore = fs.readdirSync(os.tmpdir()).length;
    const res = await fetch(`${service.url}/api/messages`, {
      method: 'POST',
      body: uploadForm([{ bytes: png(4, 4), type: 'image/png', name: 'a.png' }]),
    });
    assert.equal(res.status, 415);
    assert.equal(fs.readdirSync(os.tmpdir()).length, tmpBefore);
  });
});
