import fs from 'node:fs';
import path from 'node:path';
import { requireShared as requireSharedFolder } from '../../helpers/prerequisites';
import { sharedDir } from '../../helpers/tmp';

/** The support articles of ../shared/corpus (README excluded), sorted; null when ../shared is absent. */
export function corpusFiles(): string[] | null {
  const shared = sharedDir();
  if (!shared) return null;
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((e) =>
        e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.md') && e.name !== 'README.md' ? [path.join(dir, e.name)] : [],
      );
  return walk(path.join(shared, 'corpus'));
}

/** One corpus article by its file name (without .md). */
export function corpusFile(id: string): string {
  const file = (corpusFiles() ?? []).find((f) => path.basename(f, '.md') === id);
  if (!file) throw new Error(`corpus article ${id} not found`);
  return file;
}

/** The seed article's path, or null when ../shared is absent. */
export function seedFile(): string | null {
  const shared = sharedDir();
  return shared ? path.join(shared, 'seed', '000_3690693f447264cb.txt') : null;
}

/** Skips the calling suite or test with a note when ../shared is absent (fails it under CI). */
export function requireShared(ctx: Mocha.Context): void {
  requireSharedFolder(ctx, 'corpus');
}
