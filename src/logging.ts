/**
 * The service's logger: structured JSON lines (pino) on stdout, one object per event, with the
 * activity and conversation ids where there is a turn. Two guarantees hold whatever a caller logs:
 *
 * - secrets never reach the log: authorization headers, the app password, storage connection strings
 *   and tokens are replaced by `[redacted]` (pino `redact`);
 * - pasted text only at debug level: fields that carry what users pasted (`paste`, `text`) are dropped
 *   from records above debug, so a production log at `info` holds ids, decisions and sizes, not content.
 */
import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config';

/** Paths pino replaces with `[redacted]` (one wildcard level each: pino's redact syntax). */
export const REDACT_PATHS = [
  'authorization',
  'Authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'req.headers.authorization',
  'err.request.headers.authorization',
  'err.request.headers._headersMap.authorization',
  'MicrosoftAppPassword',
  '*.MicrosoftAppPassword',
  'appPassword',
  '*.appPassword',
  'password',
  '*.password',
  'connectionString',
  '*.connectionString',
  'storageConnectionString',
  '*.storageConnectionString',
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
];

/** Fields that hold what a user pasted or typed; logged at debug and trace only. */
export const CONTENT_FIELDS = ['paste', 'text'] as const;

const DEBUG_LEVEL = pino.levels.values.debug;

export interface LoggerOptions {
  level: LogLevel;
  /** Where the JSON lines go. Default: stdout. */
  destination?: DestinationStream;
  /** `name` field on every line. Default `pastefix`. */
  name?: string;
}

export function createLogger(options: LoggerOptions): Logger {
  const settings: pino.LoggerOptions = {
    level: options.level,
    name: options.name ?? 'pastefix',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    hooks: {
      logMethod(args, method, level) {
        if (level > DEBUG_LEVEL) {
          const first = args[0];
          if (first && typeof first === 'object' && !(first instanceof Error) && CONTENT_FIELDS.some((f) => f in first)) {
            const copy: Record<string, unknown> = { ...(first as Record<string, unknown>) };
            for (const field of CONTENT_FIELDS) delete copy[field];
            args[0] = copy;
          }
        }
        return method.apply(this, args as Parameters<typeof method>);
      },
    },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** Mentions a connection string in a log without its account key: `AccountName=x;…` only. */
export function describeConnectionString(connectionString: string): string {
  const account = /AccountName=([^;]+)/i.exec(connectionString)?.[1];
  const endpoint = /BlobEndpoint=([^;]+)/i.exec(connectionString)?.[1];
  if (/UseDevelopmentStorage=true/i.test(connectionString)) return 'development storage';
  return (
    [account ? `account ${account}` : undefined, endpoint ? `endpoint ${endpoint}` : undefined].filter(Boolean).join(', ') ||
    'a connection string'
  );
}
