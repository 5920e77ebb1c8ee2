/**
 * The Bot Framework adapter for `/api/messages`: CloudAdapter with the app registration from the
 * configuration (no app id = authentication off, for local use) and the bot's turn error handler.
 */
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import { createTurnErrorHandler } from '../bot/turnError';
import type { Config } from '../config';
import { createAuthentication, type AuthOptions } from './auth';
import { MessagesAdapter } from './messagesAdapter';

/** `options`: extra authentication settings and the reply retry policy (see auth.ts). */
export function createAdapter(
  config: Pick<Config, 'appId' | 'appPassword' | 'appType' | 'appTenantId'>,
  logger: Logger,
  options: AuthOptions = {},
): CloudAdapter {
  // 401 for bad tokens, 415/400 for bad bodies, retried replies: see messagesAdapter.ts and auth.ts.
  const adapter = new MessagesAdapter(createAuthentication(config, logger, options), logger);
  adapter.onTurnError = createTurnErrorHandler(logger);
  return adapter;
}
