/** `text` as a regular expression that matches it literally (its special characters escaped), to build a pattern from words. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
