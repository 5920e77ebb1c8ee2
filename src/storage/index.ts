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
import type { Storage } from 'botbuilder';
import { MemoryStorage } from '../botbuilder';
import path from 'node:path';
import type { FeedbackLog, LogEntry } from '../bot/feedbackLog';
import { FEEDBACK_FILE, FileFeedbackLog, readFeedbackLog } from './fileFeedbackLog';
import { StorageFeedbackLog } from './storageFeedbackLog';

import { BoundedMemoryStorage, type MemoryBounds } from './boundedMemory';
import type { BlobSettings } from './settings';

export { StorageFeedbackLog, FEEDBACK_PREFIX } from './storageFeedbackLog';
export { blobSettings, DEFAULT_CONTAINER, type BlobSettings } from './settings';
export { BoundedMemoryStorage, type MemoryBounds } from './boundedMemory';
export { LeanConversationState } from './conversationState';

export interface ServiceStorage {
  /** `local` (memory + file) or `blob`. */
  kind: 'local' | 'blob';
  /** Conversation state. */
  state: Storage;
  feedbackLog: FeedbackLog;
  /** Every entry of the feedback log, oldest first (for `kb gaps` and tests). */
  readFeedback(): Promise<LogEntry[]>;
}

/**
 * The key botbuilder's ConversationState (no namespace) stores a conversation's state under, as its
 * `getStorageKey` builds it from the turn's activity.
 */
export function conversationStateKey(channelId: string, conversationId: string): string {
  return `${channelId}/conversations/${conversationId}/`;
}

/** Drops a conversation's state, e.g. when the local Direct Line forgets the conversation. */
export async function forgetConversationState(state: Storage, channelId: string, conversationId: string): Promise<void> {
  await state.delete([conversationStateKey(channelId, conversationId)]);
}

/** `memory`: bounds of the in-memory state (one process); unbounded MemoryStorage without them. */
export function createStorage(settings: { blob?: BlobSettings; dataDir: string; memory?: MemoryBounds }): ServiceStorage {
  const blob = settings.blob;
  if (!blob) {
    const feedbackLog = new FileFeedbackLog(settings.dataDir);
    return {
      kind: 'local',
      state: settings.memory ? new BoundedMemoryStorage(settings.memory) : new MemoryStorage(),
      feedbackLog,
      readFeedback: async () => readFeedbackLog(path.join(settings.dataDir, FEEDBACK_FILE)).entries,
    };
  }
  const state = new (azureBlobs().BlobsStorage)(blob.connectionString, blob.container);
  return {
    kind: 'blob',
    state,
    feedbackLog: new StorageFeedbackLog(state),
    readFeedback: () => blobFeedback().readBlobFeedback(blob.connectionString, blob.container, state),
  };
}

// The Azure SDK (botbuilder-azure-blobs, @azure/storage-blob) takes about a quarter of a second to load, a good
// part of a start; a deployment without STORAGE_CONNECTION_STRING never needs it, so it is loaded on first use.
/* eslint-disable @typescript-eslint/no-require-imports */
const azureBlobs = () => require('botbuilder-azure-blobs') as typeof import('botbuilder-azure-blobs');
const blobFeedback = () => require('./blobFeedback') as typeof import('./blobFeedback');
/* eslint-enable @typescript-eslint/no-require-imports */
