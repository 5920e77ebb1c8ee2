import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { ActivityHandler, type TurnContext } from 'botbuilder';
import pino, { type Logger } from 'pino';

/** A pino logger that keeps its JSON lines, so tests can assert on them and stay quiet. */
export class MemoryLog {
  readonly lines: Record<string, unknown>[] = [];
  readonly logger: Logger = pino({ level: 'debug' }, { write: (line: string) => void this.lines.push(JSON.parse(line)) });
}

/** A tiny bot for testing the channel (not the PasteFix bot): echoes, welcomes, and fails on request. */
export class EchoBot extends ActivityHandler {
  readonly seen: TurnContext['activity'][] = [];
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      this.seen.push(context.activity);
      if (context.activity.text === 'fail') throw new Error('bot failed on purpose');
      if (context.activity.text?.startsWith('slow')) await new Promise((resolve) => setTimeout(resolve, 300));
      if (context.activity.text === 'edit') {
        const sent = await context.sendActivity('before edit');
        await context.updateActivity({
          ...context.activity,
          type: 'message',
          id: sent!.id,
          text: 'after edit',
          from: context.activity.recipient,
          recipient: context.activity.from,
        });
      } else {
        await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      }
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      this.seen.push(context.activity);
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) await context.sendActivity(`welcome (${context.activity.locale ?? 'no locale'})`);
      }
      await next();
    });
  }
}

export interface Running {
  server: restify.Server;
  url: string;
  close(): Promise<void>;
}

/** Starts a restify server on 127.0.0.1 and a free port, after `register` has added routes to it. */
export async function startServer(register: (server: restify.Server) => void): Promise<Running> {
  const server = restify.createServer({ handleUncaughtExceptions: false });
  register(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export interface JsonResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** One HTTP request with a JSON body (if any) and the answer parsed as JSON where it is JSON. */
export async function request<T = any>(
  url: string,
  options: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(url, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await res.text();
  let parsed: any;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed as T, text };
}

/** Polls until `predicate` holds or the time is up; returns the last value. */
export async function waitFor<T>(read: () => Promise<T>, predicate: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!predicate(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await read();
  }
  return value;
}
