import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerWebChat } from '../../../src/server/directline';
import { MemoryLog, request, type Running, startServer } from './helpers';

const SECRET = 'dl-secret-Zq9x.Very-Secret-Value';

/** A stand-in for the Direct Line service: records what it receives, answers what the test says. */
class FakeDirectLine {
  readonly requests: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
  answer: { status: number; body: unknown } = {
    status: 200,
    body: { conversationId: 'conv-from-azure', token: 'token-from-azure', expires_in: 3600 },
  };
  private server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      this.requests.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.writeHead(this.answer.status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(this.answer.body));
    });
  });
  url = '';
  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('server/directline: POST /api/directline/token', () => {
  let running: Running | undefined;
  let upstream: FakeDirectLine;
  let log: MemoryLog;

  beforeEach(async () => {
    upstream = new FakeDirectLine();
    await upstream.start();
    log = new MemoryLog();
  });
  afterEach(async () => {
    await running?.close();
    running = undefined;
    await upstream.close();
  });

  async function startAzure(domain = upstream.url): Promise<void> {
    running = await startServer((server) => {
      registerWebChat(server, {
        mode: { kind: 'azure', secret: SECRET, domain },
        logic: async () => {},
        onTurnError: async () => {},
        log: log.logger,
      });
    });
  }

  it('trades the secret for a token; the secret never reaches the browser', async () => {
    await startAzure();
    const res = await request(`${running!.url}/api/directline/token`, { method: 'POST' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body, {
      mode: 'azure',
      token: 'token-from-azure',
      conversationId: 'conv-from-azure',
      expires_in: 3600,
      domain: `${upstream.url}/v3/directline`,
    });
    assert.ok(!res.text.includes(SECRET), 'no secret in the answer');
    assert.ok(![...res.headers.values()].some((v) => v.includes(SECRET)), 'no secret in the headers');
    assert.equal(res.headers.get('cache-control'), 'no-store');

    assert.equal(upstream.requests.length, 1);
    const sent = upstream.requests[0];
    assert.equal(sent.method, 'POST');
    assert.equal(sent.url, '/v3/directline/tokens/generate');
    assert.equal(sent.headers.authorization, `Bearer ${SECRET}`);
    const body = JSON.parse(sent.body);
    assert.match(body.user.id, /^dl_[0-9a-f]{24}$/, 'a fresh user id, embedded in the token');

    const second = await request(`${running!.url}/api/directline/token`, { method: 'POST' });
    assert.equal(second.status, 200);
    assert.notEqual(JSON.parse(upstream.requests[1].body).user.id, body.user.id, 'every visitor gets their own user id');
  });

  it('answers 502 with a clear message when Direct Line refuses, without passing its answer on', async () => {
    upstream.answer = { status: 403, body: { error: { code: 'BadArgument', message: `bad secret ${SECRET}` } } };
    await startAzure();
    const res = await request(`${running!.url}/api/directline/token`, { method: 'POST' });
    assert.equal(res.status, 502);
    assert.equal(
      res.body.error.message,
      `The Direct Line service at ${upstream.url} did not issue a token (HTTP 403). Check DIRECT_LINE_SECRET and DIRECT_LINE_DOMAIN.`,
    );
    assert.ok(!res.text.includes(SECRET));
    assert.ok(
      log.lines.some((e) => e.level === 50 && e.status === 403),
      'the refusal is logged',
    );
    assert.ok(!JSON.stringify(log.lines).includes(SECRET), 'the secret is not logged, even when the upstream answer repeats it');
  });

  it('answers 502 when Direct Line answers without a token', async () => {
    upstream.answer = { status: 200, body: { hello: 'world' } };
    await startAzure();
    const res = await request(`${running!.url}/api/directline/token`, { method: 'POST' });
    assert.equal(res.status, 502);
    assert.match(res.body.error.message, /answered without a token/);
  });

  it('answers 502 when Direct Line cannot be reached', async () => {
    const unreachable = upstream.url;
    await upstream.close();
    upstream = new FakeDirectLine(); // afterEach closes a started one
    await upstream.start();
    await startAzure(unreachable);
    const res = await request(`${running!.url}/api/directline/token`, { method: 'POST' });
    assert.equal(res.status, 502);
    assert.equal(res.body.error.message, `Could not reach the Direct Line service at ${unreachable}.`);
  });

  it('hands out a local token and a page-relative domain in local mode', async () => {
    running = await startServer((server) => {
      registerWebChat(server, { mode: { kind: 'local' }, logic: async () => {}, onTurnError: async () => {}, log: log.logger });
    });
    const res = await request(`${running.url}/api/directline/token`, { method: 'POST' });
    assert.equal(res.status, 200);
    assert.equal(res.body.mode, 'local');
    assert.equal(res.body.domain, 'v3/directline');
    assert.equal(upstream.requests.length, 0, 'no call to Azure in local mode');
    const started = await request(`${running.url}/v3/directline/conversations`, { token: res.body.token, body: {} });
    assert.equal(started.status, 201);
    assert.equal(started.body.conversationId, res.body.conversationId);
  });
});
