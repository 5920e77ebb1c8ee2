/**
 * Bot Framework authentication for `/api/messages`: who may post activities, and the HTTP client the
 * bot's replies go out with.
 *
 * botbuilder validates the channel's JWT (issuer, audience = our app id, signature against the
 * channel's OpenID keys, the `serviceUrl` claim). Its failures come as different error types, and
 * CloudAdapter answers all but one of them with 500 and the library's message. Here every failure
 * becomes a `RequestRejected`: 401 for a token that is missing, malformed, expired, for someone
 * else or not signed by the channel; 503 when the channel's signing keys can't be fetched, so the
 * token can't be checked right now. Either way no turn runs.
 */
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { createConnectorHttpClient, type ConnectorRetryOptions } from './connectorHttpClient';

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type AuthSettings = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0]>;

/** An incoming request that must not run a turn; `status` is what the caller gets. */
export class RequestRejected extends Error {
  override name = 'RequestRejected';
  constructor(
    readonly status: 401 | 503,
    /** Why, for the log (never sent to the caller). */
    readonly reason: string,
  ) {
    super(status === 401 ? 'Unauthorized' : 'Authentication is unavailable; try again later');
  }
}

export interface AuthOptions {
  /**
   * More ConfigurationBotFrameworkAuthentication settings, e.g. `ToBotFromChannelOpenIdMetadataUrl`
   * and `ToBotFromChannelTokenIssuer` for a sovereign cloud (or a test's own token issuer). Default: none.
   */
  settings?: AuthSettings;
  /** Retries and time limit for replies to the channel. Default `DEFAULT_CONNECTOR_RETRY`. */
  connector?: ConnectorRetryOptions;
}

type AppConfig = Pick<Config, 'appId' | 'appPassword' | 'appType' | 'appTenantId'>;

/** Authentication from the app registration (no app id = off, for local use) with our connector client. */
export function createAuthentication(
  config: AppConfig,
  logger: Logger,
  options: AuthOptions = {},
): ConfigurationBotFrameworkAuthentication {
  return new CheckedAuthentication(
    {
      MicrosoftAppId: config.appId ?? '',
      MicrosoftAppPassword: config.appPassword ?? '',
      MicrosoftAppType: config.appType,
      MicrosoftAppTenantId: config.appTenantId ?? '',
      ...options.settings,
    },
    undefined,
    undefined,
    undefined,
    { httpClient: createConnectorHttpClient(logger, options.connector) },
  );
}

class CheckedAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      throw toRejection(err);
    }
  }
}

/** Maps what botbuilder throws while checking a token to 401 (the token) or 503 (the key service). */
export function toRejection(err: unknown): RequestRejected {
  if (err instanceof RequestRejected) return err;
  const e = err as { name?: string; message?: string; statusCode?: number } | undefined;
  const reason = e?.message ?? String(err);
  // node-fetch's FetchError, or botbuilder's "Failed to load openID config / Keys" (status 500).
  const keysUnavailable = e?.name === 'FetchError' || (typeof e?.statusCode === 'number' && e.statusCode >= 500);
  return new RequestRejected(keysUnavailable ? 503 : 401, reason);
}
