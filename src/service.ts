/**
 * The service itself, wired: logger → knowledge → matcher → bot → server, started on the configuration the entry
 * (index.ts) read. Behaviour lives in src/bot, HTTP in src/server.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './config';
import type { IndexCheck } from './knowledge/compiled';
import { formatProblem } from './knowledge/sources';
import { watchKnowledge } from './knowledge/watch';
import { loadMatcherInThread, type LoadedMatcher } from './matching/buildThread';
import { indexNotUsed, openCheckedKnowledgeIndex } from './matching/compiled';
import { Matcher } from './matching/matcher';
import { OcrReader } from './ocr/reader';
import { PasteFixBot } from './bot';
import { createLogger, describeConnectionString } from './logging';
import { createStorage, forgetConversationState, LeanConversationState } from './storage';
import { createAdapter } from './server/adapter';
import { createServer, listen } from './server/server';
import { gracefulShutdown } from './server/shutdown';
import { DEFAULT_LIMITS, LOCAL_CHANNEL_ID, logWebChatMode, webChatRoutes, type WebChat } from './server/directline';

/**
 * Starts the service; resolves once it listens. `indexCheck`: the check of `config.knowledgeIndex`, begun by the
 * entry before it loaded this module (see src/knowledge/indexThread.ts). `sources`: the knowledge sources being
 * loaded and the matcher built in a worker thread, begun by the entry when there is no index to check (see
 * src/matching/buildThread.ts).
 */
export async function startService(config: Config, indexCheck?: Promise<IndexCheck>, sources?: Promise<LoadedMatcher>): Promise<void> {
  const logger = createLogger({ level: config.logLevel });
  logger.info(
    config.authEnabled ? { appId: config.appId, appType: config.appType } : { appId: null },
    config.authEnabled ? 'authentication on' : 'authentication off: no MicrosoftAppId configured (local use only)',
  );

  // A compiled index (KNOWLEDGE_INDEX) that is up to date saves loading the sources and building the matcher;
  // one that can't be used is named with the reason, and the sources are loaded as without it.
  const compiled = indexCheck ? openCheckedKnowledgeIndex(await indexCheck) : undefined;
  if (config.knowledgeIndex && compiled && !compiled.ok)
    logger.warn({ file: config.knowledgeIndex, reason: compiled.reason }, indexNotUsed(config.knowledgeIndex, compiled.reason));
  // Loaded, and the matcher built, in a worker thread: the parsers' and the build's garbage and modules go with it.
  const loaded = compiled?.ok ? undefined : await (sources ?? loadMatcherInThread(config.knowledgePaths));
  const kb = compiled?.ok ? compiled.kb : loaded!.kb;
  // A bad file is reported and skipped; the good ones still load (warnings: the article loaded anyway).
  for (const problem of kb.problems)
    logger[problem.severity === 'warning' ? 'warn' : 'error']({ file: problem.file }, formatProblem(problem));
  logger.info(
    {
      articles: kb.articles.length,
      problems: kb.problems.length,
      paths: config.knowledgePaths,
      ...(compiled?.ok ? { index: config.knowledgeIndex } : {}),
    },
    compiled?.ok ? 'knowledge loaded from the compiled index' : 'knowledge loaded',
  );
  if (kb.articles.length === 0)
    logger.error({ paths: config.knowledgePaths }, 'no articles loaded: every paste will be answered "not in the knowledge base"');
  // Edits to the knowledge files go live without a restart (loaded, and the matcher built, in a worker thread too); a
  // bad edit keeps the last good knowledge.
  const knowledge = watchKnowledge(config.knowledgePaths, {
    initial: kb,
    load: () => loadMatcherInThread(config.knowledgePaths),
    build: (changed, previous) => new Matcher(changed, undefined, undefined, { previous }),
    initialValue: compiled?.ok ? compiled.matcher : loaded!.built(),
    logger,
  });

  // State in memory is bounded like the local Direct Line's conversations, and goes when one is forgotten.
  const memory = { maxEntries: DEFAULT_LIMITS.maxConversations, idleTimeoutMs: DEFAULT_LIMITS.idleTimeoutMs };
  const storage = createStorage({ blob: config.storage, dataDir: config.dataDir, memory });
  logger.info(
    config.storage
      ? { storage: 'azure-blob', account: describeConnectionString(config.storage.connectionString), container: config.storage.container }
      : { storage: 'local', dataDir: config.dataDir },
    config.storage
      ? 'state and feedback log in Azure Blob Storage (several instances)'
      : 'state in memory, feedback log in DATA_DIR (one instance)',
  );
  // Screenshots: one OCR thread, started with the first image (not every deployment gets screenshots).
  const ocr = new OcrReader();
  const bot = new PasteFixBot({
    matcher: () => knowledge.current(),
    conversationState: new LeanConversationState(storage.state),
    feedbackLog: storage.feedbackLog,
    logger,
    screenshots: { reader: ocr, limits: ocr.limits, authEnabled: config.authEnabled },
  });

  let webChat: WebChat | undefined;
  const server = createServer({
    adapter: createAdapter(config, logger),
    bot,
    logger,
    version: readVersion(),
    knowledge: () => ({ articles: knowledge.kb().articles.length }),
    routes: [
      webChatRoutes({
        mode: config.directLine,
        trustProxy: config.trustProxy,
        allowedOrigins: config.webChatAllowedOrigins,
        onRegistered: (registered) => (webChat = registered),
        onConversationForgotten: (id) => {
          forgetConversationState(storage.state, LOCAL_CHANNEL_ID, id).catch((err: unknown) =>
            logger.warn({ err }, 'could not drop the state of a forgotten web chat conversation'),
          );
        },
      }),
    ],
  });
  logWebChatMode(config, logger);
  await listen(server, config, logger);

  // Graceful: no new connections, the turns in progress (the local web chat's too) finish, the log is flushed.
  const shutdown = gracefulShutdown({
    server,
    inFlight: async () => webChat?.local?.idle(),
    flush: async () => {
      await ocr.close();
      await storage.feedbackLog.flush();
    },
    logger,
    graceMs: SHUTDOWN_GRACE_MS,
  });
  const stop = (signal: string) => {
    knowledge.close();
    shutdown(signal);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

/** Longest wait for turns in progress at shutdown (a turn's replies give up after about 15 s). */
const SHUTDOWN_GRACE_MS = 20_000;

function readVersion(): string {
  const file = path.resolve(__dirname, '../../package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}
