/**
 * A local stand-in for the Bot Framework connector (what Teams' and Web Chat's `serviceUrl` points at):
 * records every activity the bot sends, with the decoded conversation id and the replyToId from the URL.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

export interface ReceivedActivity {
  method: string;
  /** Conversation id from the URL, URL-decoded (Teams channel threads carry `;messageid=…`). */
  conversationId: string;
  /** Activity id from `/activities/{replyToId}`, when the bot replied to one. */
  replyToId?: string;
  authorization?: string;
  activity: Partial<Activity>;
}

export interface StandInConnector {
  /** The `serviceUrl` to put into activities, with a trailing slash as Teams sends it. */
  serviceUrl: string;
  received: ReceivedActivity[];
  /** Status to answer with (default 200). */
  status: number;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

export async function startConnector(): Promise<StandInConnector> {
  const received: ReceivedActivity[] = [];
  let nextId = 1;
  const connector: StandInConnector = {
    serviceUrl: '',
    received,
    status: 200,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://connector');
      const route = ROUTE.exec(url.pathname);
      if (req.method !== 'POST' || !route) {
        res.writeHead(404).end();
        return;
      }
      received.push({
        method: req.method,
        conversationId: decodeURIComponent(route[1]!),
        replyToId: route[2] === undefined ? undefined : decodeURIComponent(route[2]),
        authorization: req.headers.authorization,
        activity: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<Activity>,
      });
      res.writeHead(connector.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${nextId++}` }));
    });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  connector.serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return connector;
}
