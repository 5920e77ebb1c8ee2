/**
 * Entry point: wires config → logger → knowledge → matcher → bot → server, nothing else.
 * Behaviour lives in src/bot, HTTP in src/server.
 */
import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import pino from 'pino';
import { ConversationState, MemoryStorage } from 'botbuilder';
import { ConfigError, loadConfig } from './config';
import { BUILTIN_KNOWLEDGE, formatProblem, loadKnowledge } from './knowledge/load';
import { Matcher } from './matching/matcher';
import { FileFeedbackLog, PasteFixBot } from './bot';
import { createAdapter } from './server/adapter';
import { createServer, listen } from './server/server';
import { webChatRoutes } from './server/directline';

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env, { knowledgePaths: [BUILTIN_KNOWLEDGE] });
  const logger = pino({ level: config.logLevel, name: 'pastefix' });
  logger.info(
    config.authEnabled
      ? { appId: config.appId, appType: config.appType }
      : { appId: null },
    config.authEnabled ? 'authentication on' : 'authentication off: no MicrosoftAppId configured (local use only)',
  );

  const kb = loadKnowledge(config.knowledgePaths);
  // A bad file is reported and skipped; the good ones still load (warnings: the article loaded anyway).
  for (const problem of kb.problems) logger[problem.severity === 'warning' ? 'warn' : 'error']({ file: problem.file }, formatProblem(problem));
  logger.info({ articles: kb.articles.length, problems: kb.problems.length, paths: config.knowledgePaths }, 'knowledge loaded');
  if (kb.articles.length === 0) logger.error({ paths: config.knowledgePaths }, 'no articles loaded: every paste will be answered "not in the knowledge base"');
  const matcher = new Matcher(kb);

  const feedbackLog = new FileFeedbackLog(config.dataDir);
  const bot = new PasteFixBot({
    matcher: () => matcher,
    conversationState: new ConversationState(new MemoryStorage()),
    feedbackLog,
    logger,
  });

  const server = createServer({
    adapter: createAdapter(config, logger),
    bot,
    logger,
    version: readVersion(),
    knowledge: () => ({ articles: kb.articles.length }),
    routes: [webChatRoutes({ mode: config.directLine })],
  });
  logger.info(
    config.directLine.kind === 'azure'
      ? { directLine: config.directLine.domain }
      : { directLine: 'local' },
    config.directLine.kind === 'azure'
      ? 'web chat: Azure Direct Line (tokens from DIRECT_LINE_SECRET)'
      : 'web chat: built-in local Direct Line (no DIRECT_LINE_SECRET; for development and single-server intranet use)',
  );
  await listen(server, config, logger);

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      void feedbackLog.flush().finally(() => process.exit(0));
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

function readVersion(): string {
  const file = path.resolve(__dirname, '../../package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

main().catch((err: unknown) => {
  // Configuration errors are for people: print the message alone, no stack.
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
