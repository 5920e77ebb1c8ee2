/**
 * Where the bot keeps what must outlive a turn: conversation state (a pending clarify choice, the
 * conversation's language) and the feedback / unmatched log.
 *
 * - One machine (default): state in memory (a restart forgets open clarify questions, nothing else),
 *   the log as JSON Lines in `DATA_DIR`.
 * - Several instances behind a load balancer: `STORAGE_CONNECTION_STRING` set → both in Azure Blob
 *   Storage (botbuilder's `BlobsStorage`, container `STORAGE_CONTAINER`), so any instance can answer
 *   any turn and all feedback lands in one log.
 */
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { MemoryStorage, type Storage } from 'botbuilder';
import path from 'node:path';
import { FEEDBACK_FILE, FileFeedbackLog, readFeedbackLog, type FeedbackLog, type LogEntry } from '../bot/feedbackLog';
import { readBlobFeedback } from './blobFeedback';
import { StorageFeedbackLog } from './storageFeedbackLog';

export { StorageFeedbackLog, FEEDBACK_PREFIX } from './storageFeedbackLog';
export { readBlobFeedback } from './blobFeedback';

/** Azure Blob Storage for several instances. */
export interface BlobSettings {
  /** `STORAGE_CONNECTION_STRING`: a storage account connection string (a secret: never logged). */
  connectionString: string;
  /** `STORAGE_CONTAINER`. Default `pastefix`; created if missing. */
  container: string;
}

export const DEFAULT_CONTAINER = 'pastefix';

/**
 * Validates the blob settings from the environment; undefined when no connection string is set.
 * Errors name the variable but never repeat the connection string (it holds the account key).
 */
export function blobSettings(connectionString: string | undefined, container: string | undefined): BlobSettings | undefined {
  if (connectionString === undefined) {
    if (container !== undefined) throw new Error('storage: STORAGE_CONTAINER is set but STORAGE_CONNECTION_STRING is not; set both or neither');
    return undefined;
  }
  const parts = new Map(
    connectionString
      .split(';')
      .filter(Boolean)
      .map((pair) => {
        const at = pair.indexOf('=');
        return [pair.slice(0, at).trim().toLowerCase(), pair.slice(at + 1)] as const;
      }),
  );
  const usable =
    parts.get('usedevelopmentstorage') === 'true' ||
    (parts.has('accountname') && parts.has('accountkey')) ||
    (parts.has('blobendpoint') && parts.has('sharedaccesssignature'));
  if (!usable) {
    throw new Error(
      'storage: STORAGE_CONNECTION_STRING must be an Azure Storage connection string with AccountName and AccountKey ' +
        '(or BlobEndpoint and SharedAccessSignature); copy it from the storage account\'s "Access keys"',
    );
  }
  const name = container ?? DEFAULT_CONTAINER;
  if (!/^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$/.test(name)) {
    throw new Error(`storage: STORAGE_CONTAINER must be 3–63 lowercase letters, digits and single hyphens, got "${name}"`);
  }
  return { connectionString, container: name };
}

export interface ServiceStorage {
  /** `local` (memory + file) or `blob`. */
  kind: 'local' | 'blob';
  /** Conversation state. */
  state: Storage;
  feedbackLog: FeedbackLog;
  /** Every entry of the feedback log, oldest first (for `kb gaps` and tests). */
  readFeedback(): Promise<LogEntry[]>;
}

export function createStorage(settings: { blob?: BlobSettings; dataDir: string }): ServiceStorage {
  const blob = settings.blob;
  if (!blob) {
    const feedbackLog = new FileFeedbackLog(settings.dataDir);
    return {
      kind: 'local',
      state: new MemoryStorage(),
      feedbackLog,
      readFeedback: async () => readFeedbackLog(path.join(settings.dataDir, FEEDBACK_FILE)).entries,
    };
  }
  const state = new BlobsStorage(blob.connectionString, blob.container);
  return {
    kind: 'blob',
    state,
    feedbackLog: new StorageFeedbackLog(state),
    readFeedback: () => readBlobFeedback(blob.connectionString, blob.container, state),
  };
}
