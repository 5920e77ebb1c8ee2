/**
 * The append-only log of what users told us: "this solved it" / "didn't help" on answers, and pastes
 * nothing matched. `npm run -s kb -- gaps` reads it to show which articles to write next.
 * Entries hold masked text only (see mask.ts); callers mask before appending.
 * What the bot appends is defined here; where it is kept lives in src/storage (a JSON Lines file:
 * fileFeedbackLog.ts; Blob Storage: storageFeedbackLog.ts).
 */
import type { Lang } from '../knowledge/types';

interface EntryBase {
  /** ISO 8601 time of the turn. */
  time: string;
  /** Bot Framework channel id, e.g. `msteams`, `webchat`. */
  channel: string;
  lang: Lang;
}

/**
 * A paste the knowledge base has no article for (`reason: none`), one whose error was not recognised and was only offered
 * long shots (`long-shot`: `Match.weak`), or the user said none of the candidates fit.
 */
export interface UnmatchedEntry extends EntryBase {
  kind: 'unmatched';
  reason: 'none' | 'long-shot' | 'none-of-these';
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
