/**
 * Reading the feedback log written by `StorageFeedbackLog` into Azure Blob Storage: lists the entry
 * blobs under the prefix (in key order, which is time order) and reads them back through BlobsStorage,
 * so names are mapped exactly as botbuilder wrote them.
 */
import { ContainerClient } from '@azure/storage-blob';
import type { Storage } from 'botbuilder';
import type { LogEntry } from '../bot/feedbackLog';
import { FEEDBACK_PREFIX } from './storageFeedbackLog';

/** Entries read per storage call. */
const BATCH = 50;

export async function readBlobFeedback(
  connectionString: string,
  container: string,
  storage: Storage,
  prefix = FEEDBACK_PREFIX,
): Promise<LogEntry[]> {
  const client = new ContainerClient(connectionString, container);
  if (!(await client.exists())) return [];
  const keys: string[] = [];
  // BlobsStorage stores key "feedback/x" as blob "feedback%2Fx".
  for await (const blob of client.listBlobsFlat({ prefix: encodeURIComponent(prefix) })) keys.push(decodeURIComponent(blob.name));
  keys.sort();
  const entries: LogEntry[] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    const items = await storage.read(keys.slice(i, i + BATCH));
    for (const key of keys.slice(i, i + BATCH)) {
      const entry = (items[key] as { entry?: LogEntry } | undefined)?.entry;
      if (entry && (entry.kind === 'feedback' || entry.kind === 'unmatched')) entries.push(entry);
    }
  }
  return entries;
}
