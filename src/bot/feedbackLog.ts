/**
 * The append-only log of what users told us: "this solved it" / "didn't help" on answers, and pastes
 * nothing matched. `npm run -s kb -- gaps` reads it to show which articles to write next.
 * Entries hold masked text only (see mask.ts); callers mask before appending.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Lang } from '../knowledge/types';

interface EntryBase {
  /** ISO 8601 time of the turn. */
  time: string;
  /** Bot Framework channel id, e.g. `msteams`, `webchat`. */
  channel: string;
  lang: Lang;
}

/** A paste the knowledge base has no article for (`reason: none`), or the user said none of the candidates fit. */
export interface UnmatchedEntry extends EntryBase {
  kind: 'unmatched';
  reason: 'none' | 'none-of-these';
  /** Masked, cut paste. */
  paste: string;
}

/** A click on "This solved it" / "Didn't help" under an answer. */
export interface FeedbackEntry extends EntryBase {
  kind: 'feedback';
  helpful: boolean;
  article: string;
  symptom: string | null;
  /** Masked, cut paste that led to the answer, when the conversation still knows it. */
  paste?: string;
}

export type LogEntry = UnmatchedEntry | FeedbackEntry;

export interface FeedbackLog {
  /** Appends one entry; resolves once it is stored. */
  append(entry: LogEntry): Promise<void>;
  /** Resolves once every append started so far is stored (used at shutdown). */
  flush(): Promise<void>;
}

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
