import type { Response } from 'restify';

/** An HTTP failure with the status to answer and a message safe to show the client. */
export class DirectLineHttpError extends Error {
  override name = 'DirectLineHttpError';
  constructor(
    readonly status: number,
    /** Direct Line error code, e.g. `TokenExpired`, `BadArgument`, `NotFound`. */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Sends the error in the Direct Line error shape: `{ error: { code, message } }`. */
export function sendError(res: Response, error: DirectLineHttpError): void {
  res.header('Cache-Control', 'no-store');
  res.send(error.status, { error: { code: error.code, message: error.message } });
}
