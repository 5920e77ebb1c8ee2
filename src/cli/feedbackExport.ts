/**
 * Prints the feedback log kept in Azure Blob Storage (several instances, `STORAGE_CONNECTION_STRING`)
 * as JSON Lines, the format of `DATA_DIR/feedback.jsonl`, so `kb gaps` can read it:
 *
 *   node dist/src/cli/feedbackExport.js > export/feedback.jsonl && npm run -s kb -- gaps --data export
 *
 * Reads the same variables as the bot (environment and `.env`). Exit code 2 when blob storage is not configured.
 */
import dotenv from 'dotenv';
import { blobSettings } from '../storage/settings';
import { createStorage } from '../storage';

export async function exportFeedback(env: Record<string, string | undefined>, write: (line: string) => void): Promise<number> {
  const settings = blobSettings(env.STORAGE_CONNECTION_STRING?.trim() || undefined, env.STORAGE_CONTAINER?.trim() || undefined);
  if (!settings) throw new Error('feedback-export: STORAGE_CONNECTION_STRING is not set; without it the log is DATA_DIR/feedback.jsonl');
  const entries = await createStorage({ blob: settings, dataDir: '' }).readFeedback();
  for (const entry of entries) write(`${JSON.stringify(entry)}\n`);
  return entries.length;
}

if (require.main === module) {
  dotenv.config({ quiet: true });
  exportFeedback(process.env, (line) => process.stdout.write(line)).then(
    (count) => process.stderr.write(`feedback-export: ${count} entries\n`),
    (err: Error) => {
      process.stderr.write(`${err.message}\n`);
      process.exitCode = 2;
    },
  );
}
