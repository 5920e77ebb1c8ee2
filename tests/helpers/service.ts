/**
 * The real service in-process for HTTP tests: restify server, MessagesAdapter with real
 * authentication, the real PasteFixBot on the built-in knowledge (or a stand-in bot), a JSON logger
 * that records every line. Bound to 127.0.0.1 on a free port; `stop()` closes it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { ConversationState, MemoryStorage, type Activity, type Storage, type TurnContext } from 'botbuilder';
import { PasteFixBot } from '../../src/bot/pasteFixBot';
import type { FeedbackLog } from '../../src/bot/feedbackLog';
import { FileFeedbackLog } from '../../src/storage/fileFeedbackLog';
import type { ScreenshotDeps } from '../../src/bot/screenshots/read';
import { createLogger } from '../../src/logging';
import type { LogLevel } from '../../src/config';
import { createAdapter } from '../../src/server/adapter';
import type { AuthOptions } from '../../src/server/auth';
import { createServer, listen, type RouteRegistrar } from '../../src/server/server';
import type { Matcher } from '../../src/matching/matcher';
import { realMatcher } from '../bot/support/harness';
import { startFaultyConnector, type FaultyConnector } from './connector';

export interface ServiceOptions {
  /** App registration; default none (authentication off). */
  app?: { appId: string; appPassword: string; appTenantId?: string };
  auth?: AuthOptions;
  /** Conversation state storage. Default a fresh MemoryStorage. */
  storage?: Storage;
  /** Default a file log in a temp folder. */
  feedbackLog?: FeedbackLog;
  /** Runs instead of the real bot. */
  bot?: { run(context: TurnContext): Promise<void> };
  logLevel?: LogLevel;
  /** Extra routes, e.g. the web chat (`webChatRoutes`). Default none. */
  routes?: RouteRegistrar[];
  /** Screenshot reading for the real bot. Default none (images ignored). */
  screenshots?: ScreenshotDeps;
  /** The real bot's matcher. Default the built-in knowledge (`realMatcher`). */
  matcher?: () => Matcher;
}

export interface Service {
  url: string;
  /** Parsed JSON log lines, in order. */
  logs: Record<string, unknown>[];
  /** Raw log output, as written. */
  rawLog(): string;
  dataDir: string;
  feedbackLog: FeedbackLog;
  server: Server;
  stop(): Promise<void>;
}

export async function startService(options: ServiceOptions = {}): Promise<Service> {
  const logs: Record<string, unknown>[] = [];
  let raw = '';
  const logger = createLogger({
    level: options.logLevel ?? 'debug',
    destination: {
      write(line: string) {
        raw += line;
        logs.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-svc-'));
  const feedbackLog = options.feedbackLog ?? new FileFeedbackLog(dataDir);
  const bot =
    options.bot ??
    new PasteFixBot({
      matcher: options.matcher ?? realMatcher,
      conversationState: new ConversationState(options.storage ?? new MemoryStorage()),
      feedbackLog,
      logger,
      screenshots: options.screenshots,
    });
  const app = options.app;
  const adapter = createAdapter(
    app
      ? {
          appId: app.appId,
          appPassword: app.appPassword,
          appType: app.appTenantId ? 'SingleTenant' : 'MultiTenant',
          appTenantId: app.appTenantId,
        }
      : { appType: 'MultiTenant' },
    logger,
    options.auth,
  );
  const server = createServer({
    adapter,
    bot,
    logger,
    version: '0.0.0-test',
    knowledge: () => ({ articles: (options.matcher ?? realMatcher)().kb.articles.length }),
    routes: options.routes,
  });
  const address: AddressInfo = await listen(server, { port: 0, host: '127.0.0.1', authEnabled: !!app }, logger);
  return {
    url: `http://127.0.0.1:${address.port}`,
    logs,
    rawLog: () => raw,
    dataDir,
    feedbackLog,
    server,
    async stop() {
      await new Promise<void>((resolve) => {
        server.server.closeAllConnections?.();
        server.close(() => resolve());
      });
      await feedbackLog.flush();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * For suites that send many requests (fuzz, load): registers mocha `before`/`after` hooks that start a
 * lean stand-in connector (it keeps no cards) and the service (log level warn), and stop them after
 * the suite. Read `service` and `connector` inside the tests.
 */
export function useServiceWithLeanConnector(): { readonly service: Service; readonly connector: FaultyConnector } {
  let connector: FaultyConnector;
  let service: Service;
  before(async () => {
    connector = await startFaultyConnector({ lean: true });
    service = await startService({ logLevel: 'warn' });
  });
  after(async () => {
    await service.stop();
    await connector.close();
  });
  return {
    get service() {
      return service;
    },
    get connector() {
      return connector;
    },
  };
}

/** A message activity as Teams sends it (1:1 chat), to the given connector. */
export function message(serviceUrl: string, text: string, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    type: 'message',
    id: `m-${Math.random().toString(36).slice(2, 10)}`,
    channelId: 'msteams',
    serviceUrl,
    locale: 'en-US',
    from: { id: '29:user-1', name: 'Alex Admin' },
    recipient: { id: '28:pastefix-bot', name: 'PasteFix' },
    conversation: { id: 'a:conv-1', conversationType: 'personal' } as Activity['conversation'],
    text,
    ...extra,
  };
}

/** A message activity as the Bot Framework Emulator sends it (plain text replies, no cards), to the given connector. */
export function emulatorMessage(serviceUrl: string, text: string, id: string): Partial<Activity> {
  return {
    type: 'message',
    id,
    channelId: 'emulator',
    serviceUrl,
    from: { id: 'user-1' } as Activity['from'],
    recipient: { id: 'bot' } as Activity['recipient'],
    conversation: { id: 'conv-1' } as Activity['conversation'],
    locale: 'en-US',
    text,
  };
}

/** POSTs a body (object → JSON) to `/api/messages`. */
export function postActivity(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** GET /healthz status. */
export async function healthy(url: string): Promise<boolean> {
  const res = await fetch(`${url}/healthz`);
  await res.arrayBuffer();
  return res.status === 200;
}
