/**
 * The feedback / unmatched log as a JSON Lines file in `DATA_DIR`, for one instance (the default); its
 * twin for several instances is storageFeedbackLog.ts. What an entry holds: src/bot/feedbackLog.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FeedbackLog, LogEntry } from '../bot/feedbackLog';

/** File name of the JSON Lines log inside the data directory. */
export const FEEDBACK_FILE = 'feedback.jsonl';

/**
 * JSON Lines file in the data directory, one entry per line. Appends are queued so that lines
 * from concurrent turns never interleave; one process per file (several instances: see issue 8's storage log).
 */
export class FileFeedbackLog implements FeedbackLog {
  readonly file: string;
  private queue: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, FEEDBACK_FILE);
  }

  append(entry: LogEntry): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const write = this.queue.then(async () => {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
      await fs.promises.appendFile(this.file, line, 'utf8');
    });
    // A failed write must not block later ones; the caller still sees this one fail.
    this.queue = write.catch(() => undefined);
    return write;
  }

  flush(): Promise<void> {
    return this.queue;
  }
}

/** Reads a log written by `FileFeedbackLog`; lines that are not entries are counted, not fatal. */
export function readFeedbackLog(file: string): { entries: LogEntry[]; badLines: number } {
  const entries: LogEntry[] = [];
  let badLines = 0;
  if (!fs.existsSync(file)) return { entries, badLines };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as Partial<LogEntry>;
      if (value && (value.kind === 'unmatched' || value.kind === 'feedback')) entries.push(value as LogEntry);
      else badLines++;
    } catch {
      badLines++;
    }
  }
  return { entries, badLines };
}
