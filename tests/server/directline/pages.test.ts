import assert from 'node:assert/strict';
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
      });
    });
  });
  after(async () => running.close());

  it('serves the chat page with a CSP that lets it reach Direct Line and be framed', async () => {
    const res = await fetch(`${running.url}/`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type')!, /^text\/html/);
    const html = await res.text();
    assert.match(html, /<script src="webchat\/webchat.js"/, 'the bundle comes from our server, not a CDN');
    assert.ok(!/https?:\/\/(?!www\.w3\.org)/.test(html), 'no absolute URLs: works offline and under a path prefix');
    const csp = res.headers.get('content-security-policy')!;
    assert.match(csp, /connect-src 'self' https:\/\/europe\.directline\.botframework\.com wss:\/\/europe\.directline\.botframework\.com/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors \*/);
  });

  it('serves the Web Chat bundle from node_modules, gzipped when accepted, and 304 when unchanged', async () => {
    const res = await fetch(`${running.url}/webchat/webchat.js`, { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(res.status, 200);
    const plain = Buffer.from(await res.arrayBuffer());
    assert.ok(plain.length > 1_000_000, 'the full bundle (with Adaptive Cards)');
    assert.ok(plain.toString('utf8', 0, plain.length).includes('createDirectLine'));

    const raw = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      // fetch decompresses transparently; read the bytes with http to see the encoding.
      const http = require('node:http') as typeof import('node:http');
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
});
