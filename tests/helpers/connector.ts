/**
 * A stand-in Bot Framework connector that can misbehave: the HTTP server at an activity's
 * `serviceUrl` that receives the bot's replies (`POST /v3/conversations/{id}/activities/{replyToId}`),
 * and, per request, answers normally, with an error status, never, or by dropping the connection.
 * Only replies it accepted (2xx) count as delivered. Like Teams' Bot Connector it also serves the
 * images users paste (`GET /v3/attachments/{id}/views/original`), from `images`.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Activity } from 'botbuilder';

/** What the connector does with one request. */
export type Behaviour = 'accept' | { status: number; retryAfter?: string } | { delayMs: number } | 'hang' | 'drop';

export interface Delivered {
  /** URL-decoded conversation id from the path. */
  conversationId: string;
  replyToId?: string;
  activity: Partial<Activity>;
}

export interface FaultyConnector {
  serviceUrl: string;
  /** Replies accepted with 201, in arrival order. */
  delivered: Delivered[];
  /** Every request that reached the connector, whatever it answered. */
  attempts: number;
  /** Decides each request's fate; `n` counts requests from 1. Default: accept all. */
  behaviour: (n: number, conversationId: string) => Behaviour;
  /** Images it serves by path (e.g. `/v3/attachments/img-1/views/original`), as Teams serves a pasted image. */
  images: Map<string, Buffer>;
  /** Every GET for an image, with the Authorization header it carried. */
  imageRequests: { path: string; authorization?: string }[];
  /** Resolves once `count` replies were delivered (rejects after `ms`). */
  waitForDelivered(count: number, ms?: number): Promise<void>;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

/** `lean`: keep only ids and the activity type of delivered replies (load tests: no cards piling up in memory). */
export async function startFaultyConnector(options: { lean?: boolean } = {}): Promise<FaultyConnector> {
  const sockets = new Set<Socket>();
  let nextId = 1;
  const waiters: (() => void)[] = [];
  const connector: FaultyConnector = {
    serviceUrl: '',
    delivered: [],
    attempts: 0,
    behaviour: () => 'accept',
    images: new Map(),
    imageRequests: [],
    async waitForDelivered(count, ms = 20_000) {
      const until = Date.now() + ms;
      while (connector.delivered.length < count) {
        if (Date.now() > until) throw new Error(`connector: ${connector.delivered.length} of ${count} replies delivered after ${ms} ms`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const pathname = new URL(req.url ?? '/', 'http://connector').pathname;
      const image = req.method === 'GET' ? connector.images.get(pathname) : undefined;
      if (req.method === 'GET') connector.imageRequests.push({ path: pathname, authorization: req.headers.authorization });
      if (image) {
        res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(image.length) });
        res.end(image);
        return;
      }
      const route = ROUTE.exec(pathname);
      if (req.method !== 'POST' || !route) {
        res.writeHead(404).end();
        return;
      }
      connector.attempts++;
      const conversationId = decodeURIComponent(route[1]!);
      const behaviour = connector.behaviour(connector.attempts, conversationId);
      if (behaviour === 'hang') return; // never answers; the socket is destroyed on close()
      if (behaviour === 'drop') {
        req.socket.destroy();
        return;
      }
      if (typeof behaviour === 'object' && 'delayMs' in behaviour) {
        setTimeout(() => deliver(conversationId, route[2], chunks, res), behaviour.delayMs);
        return;
      }
      if (typeof behaviour === 'object') {
        res.writeHead(behaviour.status, {
          'content-type': 'application/json',
          ...(behaviour.retryAfter ? { 'retry-after': behaviour.retryAfter } : {}),
        });
        res.end(JSON.stringify({ error: { code: 'ServiceError', message: 'stand-in failure' } }));
        return;
      }
      deliver(conversationId, route[2], chunks, res);
    });
  });
  const deliver = (conversationId: string, replyToId: string | undefined, chunks: Buffer[], res: http.ServerResponse) => {
    const activity = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<Activity>;
    connector.delivered.push({
      conversationId,
      replyToId: replyToId === undefined ? undefined : decodeURIComponent(replyToId),
      activity: options.lean ? { type: activity.type } : activity,
    });
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `reply-${nextId++}` }));
    for (const wake of waiters.splice(0)) wake();
  };
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  connector.serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return connector;
}
