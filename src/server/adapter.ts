/**
 * The Bot Framework adapter for `/api/messages`: CloudAdapter with the app registration from the
 * configuration (no app id = authentication off, for local use) and the bot's turn error handler.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Logger } from 'pino';
import { createTurnErrorHandler } from '../bot/turnError';
import type { Config } from '../config';

export function createAdapter(config: Pick<Config, 'appId' | 'appPassword' | 'appType' | 'appTenantId'>, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.appTenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = createTurnErrorHandler(logger);
  return adapter;
}
