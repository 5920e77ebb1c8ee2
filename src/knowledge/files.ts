/**
 * Which files a list of knowledge paths (files, or folders searched recursively) stands for; shared
 * by the loader (`--kb`, KNOWLEDGE_PATHS) and `kb import`, so both read a folder the same way.
 */
import fs from 'node:fs';
import path from 'node:path';

/**
 * The files under `paths`, in order: a path named directly is always listed; in a folder, the entries
 * sorted by name, hidden ones (`.x`) passed over, and only files whose extension (lower-cased, with
 * the dot) is one of `extensions` — except a README, which describes its folder and is no article.
 * Never throws: a path that does not exist or a folder that cannot be read is passed to `onProblem`
 * with a message for the caller to prefix with its module name. `onVisit` sees every folder searched and
 * every file listed with its stat, for whoever needs their times (a compiled index checks it is not stale).
 */
export function listFiles(
  paths: readonly string[],
  extensions: readonly string[],
  onProblem: (file: string, message: string) => void,
  onVisit?: (entry: string, stat: fs.Stats) => void,
): string[] {
  const files: string[] = [];
  const visit = (entry: string, explicit: boolean): void => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(entry);
    } catch {
      onProblem(entry, 'no such file or folder');
      return;
    }
    if (stat.isDirectory()) {
      onVisit?.(entry, stat);
      let names: string[];
      try {
        names = fs.readdirSync(entry).sort();
      } catch (error) {
        onProblem(entry, `cannot read the folder (${(error as Error).message})`);
        return;
      }
      for (const name of names) if (!name.startsWith('.')) visit(path.join(entry, name), false);
      return;
    }
    const extension = path.extname(entry).toLowerCase();
    if (explicit || (extensions.includes(extension) && !/^readme$/i.test(path.basename(entry, path.extname(entry))))) {
      files.push(entry);
      onVisit?.(entry, stat);
    }
  };
  for (const p of paths) visit(p, true);
  return files;
}
