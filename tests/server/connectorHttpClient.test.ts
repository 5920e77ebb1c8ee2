/**
 * The reply client under a burst, against a real HTTP server in this process: the cause of the
 * duplicate replies the load test saw on a busy machine. Unbounded, 200 replies at once opened 200
 * connections; they waited in the connector's accept queue (the connection counts as up there, so a
 * time-out is not resent) until our time limit ran out, the turn failed and apologised — and then the
 * connector took the original reply too. Now a burst shares a bounded pool of connections, and the time
 * limit does not count the wait for a free connection in our own queue.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createConnectorHttpClient, MAX_CONNECTIONS_PER_HOST, type ConnectorHttpClient } from '../../src/server/connectorHttpClient';
import { createLogger } from '../../src/logging';

type WebResource = Parameters<ConnectorHttpClient['sendRequest']>[0];

/** A reply as botbuilder's ConnectorClient hands it to the client (only the fields the client reads). */
function reply(url: string): WebResource {
  return {
    url,
    method: 'POST',
    headers: { toJson: () => ({ 'Content-Type': 'application/json; charset=utf-8' }) },
    body: JSON.stringify({ type: 'message', text: 'hi' }),
  } as unknown as WebResource;
}

describe('server: connector HTTP client under a burst', function () {
  this.timeout(30_000);
  let server: http.Server;
  let baseUrl: string;
  let connections = 0;
  const taken = new Map<string, number>();
  const sockets = new Set<Socket>();
  /** How long the stand-in connector takes to answer each request. */
  const ANSWER_MS = 300;

  before(async () => {
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        taken.set(req.url!, (taken.get(req.url!) ?? 0) + 1);
        setTimeout(() => {
          res.writeHead(201, { 'content-type': 'application/json' }); // not chained: restify's patched writeHead returns nothing
          res.end('{"id":"r"}');
        }, ANSWER_MS);
      });
    });
    server.on('connection', (socket: Socket) => {
      connections++;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('320 replies at once share a bounded pool of connections; none times out waiting for one, none is sent twice', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({
      level: 'debug',
      destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    });
    // Each answer takes 300 ms, so the last of 10 rounds of 32 waits 2.7 s or more for a connection: longer than
    // the 2.5 s limit of one attempt, which must only count from getting a connection. One attempt itself stays
    // 2.2 s below the limit, so a busy machine does not turn an answer into a time-out.
    const client = createConnectorHttpClient(logger, { attempts: 3, attemptTimeoutMs: 2500, baseDelayMs: 20, maxDelayMs: 100 });
    const burst = 10 * MAX_CONNECTIONS_PER_HOST;
    const responses = await Promise.all(
      Array.from({ length: burst }, (_, i) => client.sendRequest(reply(`${baseUrl}/v3/conversations/c${i}/activities/m${i}`))),
    );

    assert.deepEqual([...new Set(responses.map((r) => r.status))], [201]);
    assert.ok(
      connections <= MAX_CONNECTIONS_PER_HOST,
      `${connections} connections opened for ${burst} replies (at most ${MAX_CONNECTIONS_PER_HOST})`,
    );
    assert.equal(taken.size, burst, 'every reply reached the connector');
    assert.ok(
      [...taken.values()].every((n) => n === 1),
      'no reply reached the connector twice',
    );
    assert.deepEqual(
      lines.filter((l) => (l.level as number) >= 40),
      [],
      'no attempt failed or was retried',
    );
  });
});
