/**
 * The real PasteFix service for browser tests: config-free wiring like src/index.ts — the real knowledge
 * loader, Matcher, PasteFixBot, createServer with /api/messages — plus the web chat in local mode, on
 * 127.0.0.1 and a free port.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { ConversationState, MemoryStorage } from 'botbuilder';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../../src/knowledge/load';
import { Matcher } from '../../../src/matching/matcher';
import { FEEDBACK_FILE, FileFeedbackLog, PasteFixBot, readFeedbackLog } from '../../../src/bot';
import { createAdapter } from '../../../src/server/adapter';
import { createServer } from '../../../src/server/server';
import { webChatRoutes, type WebChat } from '../../../src/server/directline';

export interface RealServer {
  url: string;
  webChat: WebChat;
  matcher: Matcher;
  /** The feedback log's entries so far. */
  feedback(): ReturnType<typeof readFeedbackLog>['entries'];
  close(): Promise<void>;
}

export async function startRealServer(knowledgePaths: string[] = [BUILTIN_KNOWLEDGE]): Promise<RealServer> {
  const logger = pino({ level: process.env.PASTEFIX_TEST_LOG ?? 'silent' });
  const kb = loadKnowledge(knowledgePaths);
  if (kb.problems.length > 0) throw new Error(`test knowledge has problems: ${JSON.stringify(kb.problems)}`);
  const matcher = new Matcher(kb);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-web-'));
  const feedbackLog = new FileFeedbackLog(dataDir);
  const bot = new PasteFixBot({
    matcher: () => matcher,
    conversationState: new ConversationState(new MemoryStorage()),
    feedbackLog,
    logger,
  });
  let webChat: WebChat | undefined;
  const server = createServer({
    adapter: createAdapter({ appType: 'MultiTenant' }, logger),
    bot,
    logger,
    version: 'test',
    knowledge: () => ({ articles: kb.articles.length }),
    routes: [webChatRoutes({ mode: { kind: 'local' }, onRegistered: (registered) => (webChat = registered) })],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    webChat: webChat!,
    matcher,
    feedback: () => readFeedbackLog(path.join(dataDir, FEEDBACK_FILE)).entries,
    close: async () => {
      await webChat?.local?.idle();
      server.server.closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await feedbackLog.flush();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
