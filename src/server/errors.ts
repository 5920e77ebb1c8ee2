/**
 * The one HTTP error type: throw `HttpError` from a route, and `route()` turns it into a JSON
 * response with its status. Anything else thrown becomes a logged 500 that reveals nothing.
 */
import type { Request, Response } from 'restify';
import type { Logger } from 'pino';

export class HttpError extends Error {
  override name = 'HttpError';
  /**
   * @param status HTTP status code to answer with.
   * @param code Short machine-readable reason, e.g. `starting`, `bad_request`.
   */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Writes `{ error: { code, message } }` with the error's status (500 and a generic text for unknown errors). */
export function sendError(res: Response, err: unknown, logger: Logger, req?: Request): void {
  if (err instanceof HttpError) {
    if (err.status >= 500) logger.warn({ status: err.status, code: err.code, path: req?.path() }, err.message);
    res.json(err.status, { error: { code: err.code, message: err.message } });
    return;
  }
  logger.error({ err, path: req?.path() }, 'request failed');
  res.json(500, { error: { code: 'internal', message: 'Internal server error' } });
}

/** Wraps an async route (restify awaits it; no `next`) so that thrown errors become proper responses. */
export function route(logger: Logger, handler: (req: Request, res: Response) => Promise<void> | void) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      await handler(req, res);
    } catch (err) {
      if (!res.headersSent) sendError(res, err, logger, req);
      else logger.error({ err, path: req.path() }, 'request failed after the response started');
    }
  };
}
