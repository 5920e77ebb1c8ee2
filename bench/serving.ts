/**
 * Part 3, serving: autocannon against `POST /api/messages` of the real service (authentication off,
 * replies going to a local stand-in connector) with a realistic paste, next to a bare botbuilder echo
 * bot on the same restify, in the same run, loopback only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchQueries } from './queries';
import { freePort, spawnService, startConnector, startEchoBot, waitForHealth, type Running } from './servers';

export interface ServingOptions {
  knowledgePaths: string[];
  /** Measured seconds per bot. */
  seconds: number;
  /** Untimed seconds per bot before measuring. */
  warmupSeconds: number;
  /** Concurrent connections; each is one user's conversation. */
  connections: number;
}

export interface ServingRow {
  bot: 'pastefix' | 'echo';
  label: string;
  /** Mean requests per second over the measured seconds. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Responses other than 2xx, connection errors and timeouts: all should be 0. */
  non2xx: number;
  errors: number;
  /** Activities the bot sent to the connector per request. */
  repliesPerRequest: number;
  /** Their mean size in bytes (JSON bodies). */
  replyBytes: number;
}

export interface ServingResult {
  rows: ServingRow[];
  /** Which paste was sent, and against which knowledge. */
  paste: string;
  articles: number;
  connections: number;
  seconds: number;
}

export async function benchServing(o: ServingOptions, log: (s: string) => void): Promise<ServingResult> {
  const paste = benchQueries().find((q) => q.name === 'ps-record')!;
  const connector = await startConnector();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-bench-serve-'));
  const running: Running[] = [];
  try {
    log('serving: starting the service and the echo bot');
    const servicePort = await freePort();
    const since = process.hrtime.bigint();
    const service = spawnService({ knowledgePaths: o.knowledgePaths, dataDir, port: servicePort });
    running.push(service);
    const { articles } = await waitForHealth(service, since, 120_000);
    const echo = await startEchoBot(await freePort());
    running.push(echo);

    const rows: ServingRow[] = [];
    for (const [bot, label, target] of [
      ['pastefix', 'PasteFix /api/messages', service],
      ['echo', 'botbuilder echo bot', echo],
    ] as const) {
      log(`serving: ${label}`);
      await load(target.url, connector.url, paste.text, o.connections, o.warmupSeconds);
      const before = connector.received();
      const beforeBytes = connector.receivedBytes();
      const r = await load(target.url, connector.url, paste.text, o.connections, o.seconds);
      const requests = r.requests.total;
      rows.push({
        bot,
        label,
        rps: r.requests.average,
        p50Ms: r.latency.p50,
        p99Ms: r.latency.p99,
        requests,
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
        repliesPerRequest: requests ? (connector.received() - before) / requests : 0,
        replyBytes: connector.received() > before ? (connector.receivedBytes() - beforeBytes) / (connector.received() - before) : 0,
      });
    }
    return { rows, paste: paste.label, articles, connections: o.connections, seconds: o.seconds };
  } finally {
    for (const r of running) await r.stop();
    await connector.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Each autocannon connection is one user: its own conversation, its own message ids. */
function load(botUrl: string, serviceUrl: string, text: string, connections: number, seconds: number): Promise<autocannon.Result> {
  let users = 0;
  return autocannon({
    url: `${botUrl}/api/messages`,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context) => {
          if (context.user === undefined) context.user = ++users;
          const n = ((context.n as number | undefined) ?? 0) + 1;
          context.n = n;
          const user = context.user as number;
          return {
            ...req,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              type: 'message',
              id: `m-${user}-${n}`,
              timestamp: new Date().toISOString(),
              channelId: 'emulator',
              serviceUrl,
              from: { id: `user-${user}`, name: 'Admin' },
              recipient: { id: 'bot', name: 'Bot' },
              conversation: { id: `conversation-${user}` },
              locale: 'en-US',
              text,
            }),
          };
        },
      },
    ],
  });
}
