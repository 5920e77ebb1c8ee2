/**
 * The feedback / unmatched log kept in a botbuilder `Storage`, for several instances behind a load
 * balancer: every entry is its own item, under a key that sorts by time and can't collide
 * (`feedback/<ISO time>-<instance>-<sequence>`). No instance ever rewrites another's entry, so no
 * locking or eTags are needed, a retried write can't duplicate an entry, and the log is append-only
 * by construction. In Azure Blob Storage (BlobsStorage) each entry is one small blob; reading the log
 * lists the blobs under the prefix (see blobFeedback.ts).
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { Storage } from 'botbuilder';
import type { FeedbackLog, LogEntry } from '../bot/feedbackLog';

/** Key prefix of log entries in the storage. */
export const FEEDBACK_PREFIX = 'feedback/';

export interface StorageFeedbackLogOptions {
  /** Names this instance in entry keys. Default: host name, process id and a random suffix. */
  instance?: string;
  /** Default `FEEDBACK_PREFIX`. */
  prefix?: string;
}

export class StorageFeedbackLog implements FeedbackLog {
  private readonly instance: string;
  private readonly prefix: string;
  private sequence = 0;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly storage: Storage,
    options: StorageFeedbackLogOptions = {},
  ) {
    this.instance = sanitize(options.instance ?? `${os.hostname()}-${process.pid}-${crypto.randomBytes(3).toString('hex')}`);
    this.prefix = options.prefix ?? FEEDBACK_PREFIX;
  }

  append(entry: LogEntry): Promise<void> {
    const key = `${this.prefix}${entry.time}-${this.instance}-${String(++this.sequence).padStart(6, '0')}`;
    const write = this.storage.write({ [key]: { entry } });
    this.pending.add(write);
    const done = () => void this.pending.delete(write);
    write.then(done, done);
    return write;
  }

  async flush(): Promise<void> {
    await Promise.allSettled([...this.pending]);
  }
}

function sanitize(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .slice(0, 60) || 'instance'
  );
}
