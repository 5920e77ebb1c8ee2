/**
 * "Which articles should we write next?": groups the unmatched pastes and the answers users
 * said didn't help by what the error says, ignoring what differs between tenants and runs
 * (numbers, GUIDs, host names, addresses), and counts them. Used by `kb gaps`.
 */
import { HOST_TLDS } from '../knowledge/vocabulary';
import { replaceHostNames, type HostNameShape } from '../matching/hostNames';
import type { LogEntry } from '../bot/feedbackLog';

export interface Gap {
  /** The normalised error line the group shares. */
  key: string;
  /** All entries in the group. */
  count: number;
  /** Pastes nothing matched (including "none of these"). */
  unmatched: number;
  /** "Didn't help" clicks. */
  unhelpful: number;
  /** Articles that were shown but didn't help, most frequent first. */
  articles: string[];
  /** One original (masked) error line of the group, as users pasted it. */
  example: string;
}

export interface GapOptions {
  /** Longest list returned. Default 20. */
  top?: number;
}

/** Words that mark the line of a paste that carries the error. */
const ERROR_LINE =
  /error|fehler|exception|failed|fehlgeschlagen|cannot|can't|could not|konnte nicht|kann nicht|unable|denied|verweigert|invalid|ungültig|timed? ?out|nicht möglich/i;

/** The line of a paste that names the error: the first error-looking line, else the first non-empty one. */
export function errorLine(paste: string): string {
  const lines = paste
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.find((l) => ERROR_LINE.test(l)) ?? lines[0] ?? '';
}

/** Host names, as `\b(?:[a-z0-9-]+\.)+(?:com|…)\b` found them (without that expression's quadratic time on `a.a.a…`). */
const GAP_HOSTS: HostNameShape = {
  tlds: HOST_TLDS,
  labels: 'loose',
};

/** Normalises an error line so that the same error from different tenants and runs groups together. */
export function gapKey(line: string): string {
  const withoutIds = line
    .toLowerCase()
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<guid>')
    .replace(/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<ip>');
  return replaceHostNames(withoutIds, GAP_HOSTS, '<host>')
    .replace(/\b0x[0-9a-f]+\b/g, '<n>')
    .replace(/\d+/g, '<n>')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

/** Groups the unmatched and unhelpful entries of a feedback log; most frequent first, ties by key. */
export function summarizeGaps(entries: readonly LogEntry[], options: GapOptions = {}): Gap[] {
  const groups = new Map<string, Gap & { articleCounts: Map<string, number> }>();
  for (const entry of entries) {
    if (entry.kind === 'feedback' && entry.helpful) continue;
    const paste = entry.paste ?? '';
    const line = paste ? errorLine(paste) : '';
    // Unhelpful feedback without its paste still counts, grouped under the article it was about.
    const key = line ? gapKey(line) : entry.kind === 'feedback' ? `(article ${entry.article})` : '(empty paste)';
    let group = groups.get(key);
    if (!group) {
      group = { key, count: 0, unmatched: 0, unhelpful: 0, articles: [], example: line || key, articleCounts: new Map() };
      groups.set(key, group);
    }
    group.count++;
    if (entry.kind === 'unmatched') group.unmatched++;
    else {
      group.unhelpful++;
      group.articleCounts.set(entry.article, (group.articleCounts.get(entry.article) ?? 0) + 1);
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, options.top ?? 20)
    .map(({ articleCounts, ...gap }) => ({
      ...gap,
      articles: [...articleCounts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([id]) => id),
    }));
}

/** The gaps as a plain-text report for the command line. */
export function formatGaps(gaps: readonly Gap[]): string {
  if (gaps.length === 0) return 'No unmatched or unhelpful pastes recorded.\n';
  const width = String(gaps[0]!.count).length;
  const lines = gaps.map((g) => {
    const parts: string[] = [];
    if (g.unmatched) parts.push(`${g.unmatched} unmatched`);
    if (g.unhelpful) parts.push(`${g.unhelpful} didn't help${g.articles.length ? ` (${g.articles.join(', ')})` : ''}`);
    return `${String(g.count).padStart(width)}  ${g.example}\n${' '.repeat(width)}  ${parts.join(', ')}`;
  });
  return `${lines.join('\n')}\n`;
}
