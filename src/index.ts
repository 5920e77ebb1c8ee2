/**
 * Entry point: reads the configuration, starts checking the compiled knowledge index (if any) — or, without one,
 * loading the knowledge sources and building the matcher — in a worker thread, then loads and starts the service
 * (service.ts), nothing else. The service's modules (botbuilder, restify, …) take most of a start to load; the index
 * file is read, checksummed and compared with its sources (or the sources parsed and the matcher built) meanwhile.
 */
import './compileCache';
import dotenv from 'dotenv';
import { ConfigError, loadConfig } from './config';
import { BUILTIN_KNOWLEDGE } from './knowledge/sources';
import { checkKnowledgeIndexInThread } from './knowledge/indexThread';
import { loadMatcherInThread } from './matching/buildThread';
import { indexIdentity } from './matching/indexIdentity';

async function main(): Promise<void> {
  dotenv.config({ quiet: true });
  const config = loadConfig(process.env, { knowledgePaths: [BUILTIN_KNOWLEDGE] });
  const indexCheck = config.knowledgeIndex
    ? checkKnowledgeIndexInThread(config.knowledgeIndex, indexIdentity(config.knowledgePaths))
    : undefined;
  // Without an index the sources are loaded, and the matcher built, in a worker thread, meanwhile too.
  const sources = indexCheck ? undefined : loadMatcherInThread(config.knowledgePaths);
  // Loaded only now, so that the index check above runs while these modules load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startService } = require('./service') as typeof import('./service');
  await startService(config, indexCheck, sources);
}

main().catch((err: unknown) => {
  // Configuration errors are for people: print the message alone, no stack.
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
