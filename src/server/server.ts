/**
 * The HTTP service (restify): `POST /api/messages` for the Bot Framework, `GET /healthz`, and
 * whatever extra routes are passed in (the web chat page and local Direct Line register themselves
 * through `ServerDeps.routes`, see src/server/directline).
 */
import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import type { Server } from 'restify';
import type { Logger } from 'pino';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { isLoopbackHost } from '../config';
import { jsonBody } from './body';
import { createRestifyServer } from './restify';
import { HttpError, route } from './errors';

/** Adds routes to the server; called once by `createServer` after the built-in routes. */
export type RouteRegistrar = (server: Server, deps: ServerDeps) => void;

export interface ServerDeps {
  adapter: CloudAdapter;
  /** Runs one turn (the bot's `run`). */
  bot: { run(context: TurnContext): Promise<void> };
  logger: Logger;
  /** App version reported by `/healthz`. */
  version: string;
  /** The loaded knowledge base's size, or undefined while it is not loaded yet (`/healthz` then answers 503). */
  knowledge: () => { articles: number } | undefined;
  /** Extra routes (web chat page, local Direct Line). Default: none. */
  routes?: RouteRegistrar[];
  /** Largest accepted request body in bytes. Default 1 MB (pastes are limited to 200 000 characters). */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export function createServer(deps: ServerDeps): Server {
  const { logger } = deps;
  const server = createRestifyServer({ name: 'PasteFix', handleUncaughtExceptions: false });
  // JSON only, on every route (multipart and forms are refused; see body.ts).
  server.use(jsonBody({ maxBytes: deps.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, log: logger }));

  server.post(
    '/api/messages',
    route(logger, async (req, res) => {
      try {
        await deps.adapter.process(req, res, (context) => deps.bot.run(context));
      } catch (err) {
        // The adapter throws (instead of answering) when the body is not an activity at all.
        if (res.headersSent || err instanceof HttpError) throw err;
        logger.warn({ err }, 'rejected a request to /api/messages that is not a valid activity');
        throw new HttpError(400, 'bad_request', 'The body is not a valid Bot Framework activity.');
      }
    }),
  );

  server.get(
    '/healthz',
    route(logger, (_req, res) => {
      const knowledge = deps.knowledge();
      if (!knowledge) throw new HttpError(503, 'starting', 'The knowledge base is not loaded yet.');
      res.json(200, { status: 'ok', articles: knowledge.articles, version: deps.version });
    }),
  );

  // Extra routes: the web chat helper registers the page and local Direct Line here.
  for (const register of deps.routes ?? []) register(server, deps);

  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number }, callback: () => void) => {
    if ((err.statusCode ?? 500) >= 500) logger.error({ err, path: req.path() }, 'request failed');
    else logger.debug({ status: err.statusCode, path: req.path(), message: err.message }, 'request rejected');
    callback();
  });
  return server;
}

export interface ListenOptions {
  port: number;
  host: string;
  authEnabled: boolean;
}

/** Starts listening; logs the URL, and warns loudly when authentication is off on a reachable address. */
export async function listen(server: Server, options: ListenOptions, logger: Logger): Promise<AddressInfo> {
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${address.port}`;
  logger.info({ url, messages: `${url}/api/messages`, host: options.host, port: address.port }, `PasteFix listening on ${url}`);
  if (!options.authEnabled) {
    if (isLoopbackHost(options.host)) {
      logger.info('authentication is off (no MicrosoftAppId): fine on this machine only');
    } else {
      logger.warn(
        `authentication is OFF and the bot listens on ${options.host}: anyone who can reach port ${address.port} can talk to it. ` +
          'Set MicrosoftAppId (and its secret or managed identity) for any shared or public deployment, or HOST=127.0.0.1 for local use.',
      );
    }
  }
  return address;
}
