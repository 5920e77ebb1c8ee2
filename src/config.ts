/**
 * Service configuration: read from the environment (and `.env`) ONCE at start-up, validated,
 * and normalised into a `Config` so nothing downstream parses environment strings again.
 * Every variable is documented in `.env.example`.
 */
import path from 'node:path';
import { type DirectLineMode, directLineMode } from './server/directline/options';
import { parseAllowedOrigins } from './server/directline/origins';
import { blobSettings, type BlobSettings } from './storage/settings';

/** How the bot authenticates to Azure Bot Service (Bot Framework convention `MicrosoftAppType`). */
export const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
export type AppType = (typeof APP_TYPES)[number];

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  /** `MicrosoftAppId`: the bot's Entra app (client) id. Undefined = authentication off (local use only). */
  appId?: string;
  /** `MicrosoftAppPassword`: client secret; required for MultiTenant and SingleTenant when an app id is set. */
  appPassword?: string;
  /** `MicrosoftAppType`. Default: `SingleTenant` when a tenant id is given, otherwise `MultiTenant`. */
  appType: AppType;
  /** `MicrosoftAppTenantId`: required for SingleTenant and UserAssignedMSI. */
  appTenantId?: string;
  /** True when an app id is configured: `/api/messages` then only accepts Bot Framework-signed requests. */
  authEnabled: boolean;
  /** `PORT`. Default 3978. */
  port: number;
  /** `HOST`: address to listen on. Default `0.0.0.0`. */
  host: string;
  /** `KNOWLEDGE_PATHS`: comma-separated files or folders of articles, absolute. Default: the built-in `knowledge/`. */
  knowledgePaths: string[];
  /**
   * `KNOWLEDGE_INDEX`: a compiled knowledge index (`npm run kb -- build … --out FILE`), absolute. Used at start-up
   * instead of loading `knowledgePaths` when it was built from them and is newer than every source file; otherwise
   * ignored with a warning. Default none: the sources are loaded.
   */
  knowledgeIndex?: string;
  /** `DATA_DIR`: where the feedback / unmatched log lives, absolute. Default `./data`. */
  dataDir: string;
  /** `LOG_LEVEL`. Default `info`. */
  logLevel: LogLevel;
  /**
   * The web chat's Direct Line. `DIRECT_LINE_SECRET` set: Azure Direct Line at `DIRECT_LINE_DOMAIN`
   * (default https://directline.botframework.com; regional e.g. https://europe.directline.botframework.com),
   * the secret stays on the server. Unset: the built-in local Direct Line (development, single-server intranet)
   * when `WEBCHAT_LOCAL` allows it, else `off`.
   */
  directLine: DirectLineMode;
  /**
   * `WEBCHAT_ALLOWED_ORIGINS`: other origins (`https://intranet.contoso.com`) whose pages may embed the widget
   * and get web chat tokens. Default none: same origin only.
   */
  webChatAllowedOrigins: string[];
  /**
   * `TRUST_PROXY`: how many reverse proxies in front of the service append to X-Forwarded-For; the client
   * address for rate limits is the one the outermost of them saw. Default 0 (`off`): the header is ignored.
   */
  trustProxy: number;
  /**
   * `STORAGE_CONNECTION_STRING` (+ `STORAGE_CONTAINER`, default `pastefix`): conversation state and the
   * feedback log in Azure Blob Storage, for several instances. Unset: memory and `DATA_DIR` (one machine).
   */
  storage?: BlobSettings;
}

/** A configuration value is missing or malformed; the message names the variable and the offending value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface ConfigDefaults {
  /** Used when `KNOWLEDGE_PATHS` is unset (the entry passes the built-in knowledge folder). */
  knowledgePaths: string[];
  /** Relative paths are resolved against this. Default `process.cwd()`. */
  cwd?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads and validates the configuration. Throws `ConfigError` with every problem found, one per line. */
export function loadConfig(env: Record<string, string | undefined>, defaults: ConfigDefaults): Config {
  const problems: string[] = [];
  const cwd = defaults.cwd ?? process.cwd();
  const get = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const fail = (message: string): undefined => {
    problems.push(`config: ${message}`);
    return undefined;
  };

  const appId = get('MicrosoftAppId');
  if (appId !== undefined && !GUID.test(appId)) {
    fail(`MicrosoftAppId must be a GUID (the bot's app registration id), got "${appId}"`);
  }
  const appPassword = get('MicrosoftAppPassword');
  const appTenantId = get('MicrosoftAppTenantId');
  if (appTenantId !== undefined && !GUID.test(appTenantId)) {
    fail(`MicrosoftAppTenantId must be a GUID (the Entra tenant id), got "${appTenantId}"`);
  }

  const rawType = get('MicrosoftAppType');
  let appType: AppType = appTenantId ? 'SingleTenant' : 'MultiTenant';
  if (rawType !== undefined) {
    const known = APP_TYPES.find((t) => t.toLowerCase() === rawType.toLowerCase());
    if (known) appType = known;
    else fail(`MicrosoftAppType must be one of ${APP_TYPES.join(', ')}, got "${rawType}"`);
  }
  if (appId !== undefined) {
    if (appType !== 'UserAssignedMSI' && appPassword === undefined) {
      fail(`MicrosoftAppPassword is required when MicrosoftAppId is set and MicrosoftAppType is ${appType}`);
    }
    if (appType !== 'MultiTenant' && appTenantId === undefined) {
      fail(`MicrosoftAppTenantId is required when MicrosoftAppType is ${appType}`);
    }
  } else if (appPassword !== undefined) {
    fail('MicrosoftAppPassword is set but MicrosoftAppId is not; set both or neither');
  }

  let port = 3978;
  const rawPort = get('PORT');
  if (rawPort !== undefined) {
    const n = Number(rawPort);
    if (/^\d+$/.test(rawPort) && n >= 1 && n <= 65535) port = n;
    else fail(`PORT must be a number from 1 to 65535, got "${rawPort}"`);
  }

  const host = get('HOST') ?? '0.0.0.0';
  if (/\s|\/|:\/\//.test(host)) fail(`HOST must be a host name or IP address to listen on, got "${host}"`);

  const rawPaths = get('KNOWLEDGE_PATHS');
  const knowledgePaths = rawPaths
    ? rawPaths
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => path.resolve(cwd, p))
    : defaults.knowledgePaths.map((p) => path.resolve(cwd, p));
  if (rawPaths !== undefined && knowledgePaths.length === 0) {
    fail(`KNOWLEDGE_PATHS must list at least one file or folder, got "${rawPaths}"`);
  }
  const rawIndex = get('KNOWLEDGE_INDEX');
  const knowledgeIndex = rawIndex === undefined ? undefined : path.resolve(cwd, rawIndex);

  const dataDir = path.resolve(cwd, get('DATA_DIR') ?? 'data');

  let logLevel: LogLevel = 'info';
  const rawLevel = get('LOG_LEVEL');
  if (rawLevel !== undefined) {
    const known = LOG_LEVELS.find((l) => l === rawLevel.toLowerCase());
    if (known) logLevel = known;
    else fail(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${rawLevel}"`);
  }

  // The local Direct Line has no sign-in: with authentication on it would be a way around it, so it is
  // off then unless the operator turns it on explicitly.
  const rawLocal = get('WEBCHAT_LOCAL');
  let webChatLocal = appId === undefined;
  if (rawLocal !== undefined) {
    const value = rawLocal.toLowerCase();
    if (value === 'on' || value === 'off') webChatLocal = value === 'on';
    else fail(`WEBCHAT_LOCAL must be on or off, got "${rawLocal}"`);
  }
  if (rawLocal?.toLowerCase() === 'on' && get('DIRECT_LINE_SECRET') !== undefined) {
    fail('WEBCHAT_LOCAL=on and DIRECT_LINE_SECRET are both set; the web chat uses one Direct Line: unset one of them');
  }

  let directLine: DirectLineMode = { kind: 'off' };
  try {
    directLine = directLineMode(get('DIRECT_LINE_SECRET'), get('DIRECT_LINE_DOMAIN'), webChatLocal);
  } catch (err) {
    fail((err as Error).message.replace(/^directline: /, ''));
  }

  let webChatAllowedOrigins: string[] = [];
  try {
    webChatAllowedOrigins = parseAllowedOrigins(get('WEBCHAT_ALLOWED_ORIGINS'));
  } catch (err) {
    fail((err as Error).message);
  }

  let trustProxy = 0;
  const rawTrust = get('TRUST_PROXY');
  if (rawTrust !== undefined) {
    const value = rawTrust.toLowerCase();
    if (value === 'off') trustProxy = 0;
    else if (value === 'on') trustProxy = 1;
    else if (/^\d{1,2}$/.test(value) && Number(value) <= 10) trustProxy = Number(value);
    else fail(`TRUST_PROXY must be off, on (one proxy) or the number of proxies from 0 to 10, got "${rawTrust}"`);
  }

  let storage: BlobSettings | undefined;
  try {
    storage = blobSettings(get('STORAGE_CONNECTION_STRING'), get('STORAGE_CONTAINER'));
  } catch (err) {
    fail((err as Error).message.replace(/^storage: /, ''));
  }

  if (problems.length > 0) throw new ConfigError(problems.join('\n'));
  return {
    appId,
    appPassword,
    appType,
    appTenantId,
    authEnabled: appId !== undefined,
    port,
    host,
    knowledgePaths,
    ...(knowledgeIndex ? { knowledgeIndex } : {}),
    dataDir,
    logLevel,
    directLine,
    webChatAllowedOrigins,
    trustProxy,
    ...(storage ? { storage } : {}),
  };
}

/** True for addresses only this machine can reach (running without authentication is safe there). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
