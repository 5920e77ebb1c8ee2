/**
 * The two parts of restify the service uses, its server and its body reader, loaded from restify's own files. Its
 * index (`require('restify')`) also loads every plugin — audit logging, throttles, static files, multipart and CSV
 * bodies (formidable, csv, sshpk for HTTP signatures, …) — about 290 modules and, at start-up, about 0.13 s of CPU
 * time under load for one plugin used here. restify is pinned (`~12.0.0` in package.json); should a release move
 * these files, tests/server/restify.test.ts fails.
 */
import { createRequire } from 'node:module';
import type { RequestHandler, Router as RestifyRouter, Server as RestifyServer, ServerOptions } from 'restify';

/** `require` as restify's index calls it: its files, and its dependencies as restify resolves them (its own pino). */
const fromRestify = createRequire(require.resolve('restify'));
const Server = fromRestify('./server') as new (options: ServerOptions) => RestifyServer;
const Router = fromRestify('./router') as new (options: ServerOptions) => RestifyRouter;
const pino = fromRestify('pino') as (options: { name: string }) => NonNullable<ServerOptions['log']>;

/** `restify.createServer(options)`: the same steps as restify's index (lib/index.js), without loading the plugins. */
export function createRestifyServer(options: ServerOptions): RestifyServer {
  // restify's index answers an uncaught exception in a route with a 500 when asked to; the service never asks
  // (`handleUncaughtExceptions: false`: route errors are answered by src/server/errors.ts).
  if (options.handleUncaughtExceptions) throw new Error('createRestifyServer: handleUncaughtExceptions is not supported');
  const opts: ServerOptions = { ...options };
  opts.name = Object.hasOwn(opts, 'name') ? opts.name : 'restify';
  opts.log ||= pino({ name: opts.name || 'restify' });
  opts.router ||= new Router(opts);
  return new Server(opts);
}

/** `restify.plugins.bodyReader(options)`. */
export const bodyReader = fromRestify('./plugins/bodyReader') as (options: { maxBodySize?: number }) => RequestHandler;
