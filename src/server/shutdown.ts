/**
 * Graceful shutdown (SIGTERM, Ctrl+C): no new connections, the turns in progress finish, the feedback
 * log is flushed, then exit 0 — or exit 1 once the grace period is over.
 *
 * Turns arrive two ways. Those of `/api/messages` answer their HTTP request when they end, so closing the
 * server waits for them. The local web chat's turns run after its `POST …/activities` was answered (as
 * Direct Line does), so they are awaited on their own (`inFlight`), before the log is flushed.
 */
import type { Logger } from 'pino';

export interface ShutdownDeps {
  /** Stops accepting connections; calls back once the open ones are done. */
  server: { close(callback: () => void): unknown };
  /** Resolves when no turn outside an HTTP request is running (the local web chat's `idle()`). Default: none. */
  inFlight?: () => Promise<void>;
  /** Resolves once every feedback entry started so far is stored. */
  flush: () => Promise<void>;
  logger: Logger;
  /** Longest wait in ms before exiting with 1. */
  graceMs: number;
  /** Default `process.exit`. */
  exit?: (code: number) => void;
}

/** Runs the shutdown once; later calls (a second Ctrl+C) do nothing more. */
export function gracefulShutdown(deps: ShutdownDeps): (signal: string) => void {
  const exit = deps.exit ?? ((code: number) => process.exit(code));
  let started = false;
  return (signal) => {
    if (started) return;
    started = true;
    deps.logger.info({ signal }, 'shutting down: finishing the turns in progress');
    setTimeout(() => {
      deps.logger.error({ graceMs: deps.graceMs }, 'turns still running after the grace period; exiting anyway');
      exit(1);
    }, deps.graceMs).unref();
    const closed = new Promise<void>((resolve) => deps.server.close(() => resolve()));
    Promise.all([closed, deps.inFlight?.()])
      .then(() => deps.flush())
      .then(
        () => {
          deps.logger.info('stopped');
          exit(0);
        },
        (err: unknown) => {
          deps.logger.error({ err }, 'shutting down: the feedback log could not be flushed');
          exit(1);
        },
      );
  };
}
