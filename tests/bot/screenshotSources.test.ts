import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DownloadError, downloadImage } from '../../src/bot/screenshots/download';
import { checkSource, imageSources } from '../../src/bot/screenshots/sources';

describe('screenshots: where images are found and fetched from', () => {
  it('finds Teams image attachments, a Teams file, and <img> in the HTML only when there is no image attachment', () => {
    assert.deepEqual(
      imageSources({
        attachments: [
          { contentType: 'image/*', contentUrl: 'https://smba.trafficmanager.net/emea/v3/attachments/a/views/original' },
          { contentType: 'text/html', content: '<img src="https://eu-api.asm.skype.com/v1/objects/a/views/imgo">' },
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'shot.png',
            content: { downloadUrl: 'https://contoso-my.sharepoint.com/x?tempauth=1', fileType: 'png' },
          },
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'notes.docx',
            content: { downloadUrl: 'https://contoso-my.sharepoint.com/y', fileType: 'docx' },
          },
        ],
      }),
      [
        { url: 'https://smba.trafficmanager.net/emea/v3/attachments/a/views/original', kind: 'attachment', name: undefined },
        { url: 'https://contoso-my.sharepoint.com/x?tempauth=1', kind: 'file', name: 'shot.png' },
      ],
    );
    assert.deepEqual(
      imageSources({ attachments: [{ contentType: 'text/html', content: '<p>hi <img alt="x" src="https://host/a?b=1&amp;c=2"></p>' }] }),
      [{ url: 'https://host/a?b=1&c=2', kind: 'inline' }],
    );
    assert.deepEqual(imageSources({ text: 'no attachments' }), []);
  });

  it("with authentication on: https only, the channel's hosts with the bot's token, SharePoint files without it, nothing else", () => {
    const policy = { serviceUrl: 'https://smba.trafficmanager.net/emea/', authEnabled: true };
    assert.deepEqual(checkSource('https://smba.trafficmanager.net/emea/v3/attachments/a/views/original', 'attachment', policy), {
      ok: true,
      withToken: true,
    });
    assert.deepEqual(checkSource('https://contoso-my.sharepoint.com/x', 'file', policy), { ok: true, withToken: false });
    assert.deepEqual(checkSource('https://contoso-my.sharepoint.com/x', 'attachment', policy), {
      ok: false,
      reason:
        "screenshot: not fetched from https://contoso-my.sharepoint.com: it is not the channel's host (the activity's serviceUrl host or the Teams Bot Connector)",
    });
    assert.deepEqual(checkSource('https://eu-api.asm.skype.com/v1/objects/a/views/imgo', 'inline', policy), {
      ok: false,
      reason:
        "screenshot: not fetched from https://eu-api.asm.skype.com: it is not the channel's host (the activity's serviceUrl host or the Teams Bot Connector)",
    });
    assert.deepEqual(checkSource('http://smba.trafficmanager.net/emea/v3/attachments/a', 'attachment', policy), {
      ok: false,
      reason: 'screenshot: not fetched from http://smba.trafficmanager.net: with authentication on only https URLs are fetched',
    });
    assert.deepEqual(
      checkSource('https://directline.botframework.com/attachments/x', 'attachment', {
        serviceUrl: 'https://directline.botframework.com/',
        authEnabled: true,
      }),
      {
        ok: true,
        withToken: true,
      },
    );
    assert.deepEqual(checkSource('file:///etc/passwd', 'attachment', policy), {
      ok: false,
      reason: 'screenshot: not fetched from file://: only http and https URLs are fetched',
    });
  });

  it('with authentication off: loopback and the serviceUrl host only, never with a token', () => {
    const policy = { serviceUrl: 'http://10.1.2.3:3978', authEnabled: false };
    assert.deepEqual(checkSource('http://127.0.0.1:9/x.png', 'attachment', policy), { ok: true, withToken: false });
    assert.deepEqual(checkSource('http://[::1]:9/x.png', 'attachment', policy), { ok: true, withToken: false });
    assert.deepEqual(checkSource('http://10.1.2.3:3978/x.png', 'attachment', policy), { ok: true, withToken: false });
    assert.equal(checkSource('http://169.254.169.254/latest/meta-data', 'attachment', policy).ok, false);
    assert.equal(checkSource('https://smba.trafficmanager.net/emea/v3/attachments/a', 'attachment', policy).ok, false);
  });

  describe('downloading', () => {
    let server: http.Server;
    let base: string;
    const seen: { url?: string; authorization?: string }[] = [];
    before(async () => {
      server = http.createServer((req, res) => {
        seen.push({ url: req.url, authorization: req.headers.authorization });
        if (req.url === '/redirect-away') return void (res.writeHead(302, { location: 'https://elsewhere.example/x.png' }), res.end());
        if (req.url === '/redirect-here') return void (res.writeHead(302, { location: '/image' }), res.end());
        if (req.url === '/big') return void res.end(Buffer.alloc(2048));
        res.end(Buffer.from('image bytes'));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));
    beforeEach(() => (seen.length = 0));

    const options = { serviceUrl: 'http://127.0.0.1', authEnabled: false, maxBytes: 1024, timeoutMs: 5000 };

    it('follows a redirect on an allowed host, refuses one to another host, and caps the size', async () => {
      assert.equal(Buffer.from(await downloadImage(`${base}/redirect-here`, 'attachment', options)).toString(), 'image bytes');
      await assert.rejects(downloadImage(`${base}/redirect-away`, 'attachment', options), (err: DownloadError) => {
        assert.equal(err.code, 'refused');
        assert.equal(
          err.message,
          "screenshot: not fetched from https://elsewhere.example: with authentication off only loopback addresses and the activity's serviceUrl host are fetched from",
        );
        return true;
      });
      await assert.rejects(downloadImage(`${base}/big`, 'attachment', options), {
        message: `screenshot: the image from ${base.slice(7)} is larger than 0.0009765625 MB`,
      });
    });

    it("sends the bot's token only where the rule says so", async () => {
      const token = async () => 'bot-token';
      // Authentication off: never a token, even when one is offered.
      await downloadImage(`${base}/image`, 'attachment', { ...options, token });
      assert.equal(seen[0]!.authorization, undefined);
    });
  });
});
