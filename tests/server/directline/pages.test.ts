import http from 'node:http';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { registerWebChat } from '../../../src/server/directline';
import { MemoryLog, type Running, startServer } from './helpers';

describe('server/directline/pages: the page, the widget and the Web Chat bundle', () => {
  let running: Running;
  before(async () => {
    running = await startServer((server) => {
      registerWebChat(server, {
        mode: { kind: 'azure', secret: 'x', domain: 'https://europe.directline.botframework.com' },
        logic: async () => {},
        onTurnError: async () => {},
        log: new MemoryLog().logger,
        allowedOrigins: ['https://intranet.contoso.com'],
      });
    });
  });
  after(async () => running.close());

  it('serves the chat page with a CSP that lets it reach Direct Line and be framed by our own and the allowed origins only', async () => {
    const res = await fetch(`${running.url}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/html/);
    const html = await res.text();
    assert.match(html, /<script src="webchat\/webchat.js"/, 'the bundle comes from our server, not a CDN');
    assert.ok(!/https?:\/\/(?!www\.w3\.org)/.test(html), 'no absolute URLs: works offline and under a path prefix');
    const csp = res.headers.get('content-security-policy')!;
    assert.match(csp, /connect-src 'self' https:\/\/europe\.directline\.botframework\.com wss:\/\/europe\.directline\.botframework\.com/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'self' https:\/\/intranet\.contoso\.com(;|$)/);
  });

  it('serves the Web Chat bundle from node_modules, gzipped when accepted, and 304 when unchanged', async () => {
    const res = await fetch(`${running.url}/webchat/webchat.js`, { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(res.status, 200);
    const plain = Buffer.from(await res.arrayBuffer());
    assert.ok(plain.length > 1_000_000, 'the full bundle (with Adaptive Cards)');
    assert.ok(plain.toString('utf8', 0, plain.length).includes('createDirectLine'));

    const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      // fetch decompresses transparently; read the bytes with http to see the encoding.
      http
        .get(`${running.url}/webchat/webchat.js`, { headers: { 'Accept-Encoding': 'gzip' } }, (r) => {
          const chunks: Buffer[] = [];
          r.on('data', (c) => chunks.push(c));
          r.on('end', () => resolve({ headers: r.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
    assert.equal(raw.headers['content-encoding'], 'gzip');
    assert.ok(raw.body.length < plain.length / 2);
    assert.ok(gunzipSync(raw.body).equals(plain));

    const again = await fetch(`${running.url}/webchat/webchat.js`, { headers: { 'If-None-Match': res.headers.get('etag')! } });
    assert.equal(again.status, 304);
  });

  it('serves the widget for other origins and the sample host page', async () => {
    const widget = await fetch(`${running.url}/widget.js`);
    assert.equal(widget.status, 200);
    assert.match(widget.headers.get('content-type')!, /javascript/);
    assert.equal(widget.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.match(await widget.text(), /data-position/);
    const sample = await fetch(`${running.url}/sample`);
    assert.equal(sample.status, 200);
    assert.match(await sample.text(), /<script src="widget.js" data-title=/);
  });

  it('serves only the listed files under /web/', async () => {
    assert.equal((await fetch(`${running.url}/web/app.js`)).status, 200);
    assert.equal((await fetch(`${running.url}/web/chat.css`)).status, 200);
    assert.equal((await fetch(`${running.url}/web/index.html`)).status, 404);
    assert.equal((await fetch(`${running.url}/web/..%2Fpackage.json`)).status, 404);
  });

  it('serves the privacy statement and terms of use that the Teams manifest links to, in English and German', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../manifest/manifest.json'), 'utf8'));
    const paths = [manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl].map(
      (u: string) => new URL(u.replace('${{BOT_DOMAIN}}', 'x.test')).pathname,
    );
    assert.deepEqual(paths, ['/privacy', '/terms']);
    for (const [p, en, de] of [
      ['/privacy', /<h1>Privacy<\/h1>/, /<h1 lang="de">Datenschutz<\/h1>/],
      ['/terms', /<h1>Terms of use<\/h1>/, /<h1 lang="de">Nutzungsbedingungen<\/h1>/],
    ] as const) {
      const res = await fetch(`${running.url}${p}`);
      assert.equal(res.status, 200, p);
      assert.match(res.headers.get('content-type')!, /^text\/html/);
      assert.match(res.headers.get('content-security-policy')!, /default-src 'none'/);
      const html = await res.text();
      assert.match(html, en);
      assert.match(html, de);
    }
    assert.equal((await fetch(`${running.url}/web/legal.css`)).status, 200);
  });
});
