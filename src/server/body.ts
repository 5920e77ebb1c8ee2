/**
 * Request bodies: JSON only, everywhere. restify's `bodyParser` also parses multipart (formidable writes
 * every uploaded part to the temp folder, before any route or token check, and never deletes it) and
 * url-encoded forms; nothing of ours takes either. So a body must be JSON (`application/json` or
 * `…+json`), unencoded (a gzip body would be inflated past the size limit), at most `maxBytes` (read into
 * memory, never onto disk) and nested at most `maxDepth` levels (deeper activities made serialisers
 * overflow the stack). Anything else is refused with 415 / 413 / 400 before a route runs.
 *
 * A route that must read a body of another kind itself (an upload parsed in memory) opts out by its name:
 * `server.post({ path, name: ownBodyRoute('upload') }, …)`. It then gets the request stream unread.
 */
import type restify from 'restify';
import type { Request, RequestHandler, Response } from 'restify';
import type { Logger } from 'pino';
import { HttpError, sendError } from './errors';
import { bodyReader } from './restify';

export interface JsonBodyOptions {
  /** Largest body in bytes. */
  maxBytes: number;
  /** Deepest nesting of objects and arrays accepted. Default `MAX_JSON_DEPTH`. */
  maxDepth?: number;
  log: Logger;
}

/** Deepest nesting accepted: a Teams activity with a card nests about 10 levels; 64 leaves ample room. */
export const MAX_JSON_DEPTH = 64;

const OWN_BODY = 'ownbody-';
/** The route name that makes `jsonBody` leave the body to the route (restify keeps given route names). */
export function ownBodyRoute(name: string): string {
  return `${OWN_BODY}${name}`;
}

/** The `jsonBody` chain that handles a request's body: a route's own chain after the server's is a no-op. */
const HANDLER = Symbol('pastefix.body');
type Marked = Request & { [HANDLER]?: object; _readBody?: boolean };

/** Marks a request whose route reads its body itself. */
const OWN_BODY_ROUTE = {};

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/** The handlers that read and parse a JSON body: mount with `server.use(...)` or per route. */
export function jsonBody(options: JsonBodyOptions): RequestHandler[] {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  const self = {};
  const mine = (req: Request) => (req as Marked)[HANDLER] === self;
  const refuse = (req: Request, res: Response, next: restify.Next, error: HttpError): void => {
    sendError(res, error, options.log, req);
    next(false);
  };

  const gate: RequestHandler = (req, res, next) => {
    const marked = req as Marked;
    if (marked[HANDLER]) return next();
    if (req.getRoute()?.name?.startsWith(OWN_BODY)) {
      marked[HANDLER] = OWN_BODY_ROUTE;
      return next();
    }
    marked[HANDLER] = self;
    const hasBody = req.isChunked() || req.getContentLength() > 0;
    if (!hasBody) return next();
    const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity') {
      return refuse(
        req,
        res,
        next,
        new HttpError(415, 'unsupported_media_type', `Send the body unencoded, got Content-Encoding "${encoding.slice(0, 40)}".`),
      );
    }
    if (!JSON_TYPE.test(req.getContentType())) {
      return refuse(req, res, next, new HttpError(415, 'unsupported_media_type', 'Send JSON with Content-Type: application/json.'));
    }
    return next();
  };

  const reader = bodyReader({ maxBodySize: options.maxBytes });
  const read: RequestHandler = (req, res, next) => {
    if (!mine(req)) return next();
    reader(req, res, ((err?: unknown) => {
      if (err instanceof Error && (err as { statusCode?: number }).statusCode === 413) {
        return refuse(req, res, next, new HttpError(413, 'payload_too_large', `The body is larger than ${options.maxBytes} bytes.`));
      }
      return next(err as Error);
    }) as restify.Next);
  };

  const parse: RequestHandler = (req, res, next) => {
    const raw: unknown = req.body;
    if (!mine(req) || !(Buffer.isBuffer(raw) || typeof raw === 'string') || raw.length === 0) return next();
    let value: unknown;
    try {
      value = JSON.parse(raw.toString('utf8'));
    } catch (err) {
      return refuse(req, res, next, new HttpError(400, 'bad_request', `The body is not valid JSON: ${(err as Error).message}`));
    }
    if (depthExceeds(value, maxDepth)) {
      return refuse(req, res, next, new HttpError(400, 'bad_request', `The body is nested more than ${maxDepth} levels deep.`));
    }
    req.body = value;
    return next();
  };

  return [gate, read, parse];
}

/** True when objects and arrays nest deeper than `max`. Iterative, so a hostile depth can't overflow the stack. */
export function depthExceeds(value: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > max) return true;
    for (const child of Object.values(current)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
