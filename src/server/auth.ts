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
import type { Activity } from 'botbuilder';
import { ConfigurationBotFrameworkAuthentication } from '../botbuilder';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { createConnectorHttpClient, type ConnectorHttpClient, type ConnectorRetryOptions } from './connectorHttpClient';
import { proxyConfigured, sendRepliesDirectly } from './connectorReplies';

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ConnectorFactory = NonNullable<AuthenticateRequestResult['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = AuthenticateRequestResult['claimsIdentity'];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;
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
  const httpClient = createConnectorHttpClient(logger, options.connector);
  return new CheckedAuthentication(
    httpClient,
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
    { httpClient },
  );
}

/**
 * Most reply clients kept for reuse: one per channel endpoint (`serviceUrl`), app id and audience. Teams
 * uses a handful of regional endpoints; the bound only matters when auth is off and anyone can name one.
 */
export const MAX_CACHED_CLIENTS = 64;

class CheckedAuthentication extends ConfigurationBotFrameworkAuthentication {
  /**
   * CloudAdapter builds a new ConnectorClient (a whole Azure request pipeline) and a new UserTokenClient for
   * every turn: about 6 % of a turn's CPU time in the serving benchmark. Both are safe to share between turns,
   * as the old BotFrameworkAdapter shared its connector clients: they hold the app's credentials, whose tokens
   * live in botbuilder's own cache, and no per-turn state.
   */
  private readonly connectors = new ReuseCache<ConnectorClient>(MAX_CACHED_CLIENTS);
  private readonly userTokenClients = new ReuseCache<UserTokenClient>(MAX_CACHED_CLIENTS);
  /** Replies skip the Azure pipeline (connectorReplies.ts) unless a proxy is configured, which only it applies. */
  private readonly direct = !proxyConfigured();

  constructor(
    private readonly httpClient: ConnectorHttpClient,
    ...args: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>
  ) {
    super(...args);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      throw toRejection(err);
    }
    const factory = result.connectorFactory;
    if (factory) result.connectorFactory = this.reusing(factory);
    return result;
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    // botbuilder creates it for the app id these claims name (audience, else appid claim).
    const appId = claimsIdentity.getClaimValue('aud') ?? claimsIdentity.getClaimValue('appid') ?? '';
    return this.userTokenClients.get(appId, () => super.createUserTokenClient(claimsIdentity));
  }

  /** The factory of this request, handing out a shared client per app id, endpoint and audience. */
  private reusing(factory: ConnectorFactory): ConnectorFactory {
    // botbuilder's factory is made per request for the app id of its claims (a public field of ConnectorFactoryImpl).
    const appId = String((factory as { appId?: unknown }).appId ?? '');
    return {
      create: (serviceUrl: string, audience?: string) =>
        this.connectors.get([appId, serviceUrl, audience ?? ''].join('\n'), async () => {
          const client = await factory.create(serviceUrl, audience);
          return this.direct ? sendRepliesDirectly(client, this.httpClient) : client;
        }),
    };
  }
}

/** Promises of shared objects by key, least recently used dropped beyond `max`; a failed creation is not kept. */
class ReuseCache<T> {
  private readonly entries = new Map<string, Promise<T>>();
  constructor(private readonly max: number) {}

  get(key: string, create: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
    } else {
      entry = create();
      entry.catch(() => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      });
    }
    this.entries.set(key, entry);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return entry;
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
