import { scenarioAnchors } from '../knowledge/vocabulary';
import { GENERIC } from './descriptions';
import { cleanPaste, termsOf } from './normalize';
import { STOPWORDS } from './stopwords';

/**
 * Error chains in a paste (issue 12). An error announces its inner message — `…failed with the following error
 * message :`, `Error details:`, `Detailed information:`, `Inner exception:`, `-->`, `SomeException:` — and the words
 * before that announcement are its outer message: what failed (a call to an endpoint, a cmdlet, a tool's task). The
 * inner-message rule (score.ts) reads the chains of the articles' error texts; this reads the paste's, for the mirror
 * image: an article's message found inside an outer message that none of the article's own text names is that message
 * printed by another failure, whose cause the article's fix is not sure to fit.
 */

/**
 * Where an error chains to its inner message; `probe.ts` cuts the articles' error texts at the same places. A class
 * name before a colon (`System.Net.WebException:`) is a marker whole: a class is a family, not an outer message.
 */
export const CHAIN_MARKER =
  /(failed with the following error message\s*:|error message\s*:|error details\s*:|detailed information\s*:|inner exception\s*:|caused by\s*:|fehlerdetails\s*:|-{1,3}>|\b[A-Z][\w.]*(?:Exception|Error)\s*:)/gi;

/**
 * What every match of CHAIN_MARKER ends with: one of its last words before a colon, or an arrow. A line without one
 * (`+ CategoryInfo : …`, `FullyQualifiedErrorId : …`) chains nothing, and is not walked by CHAIN_MARKER, whose class-name
 * part tries every word of it (case-insensitive: every word, to its end and back).
 */
const MARKER_END = /(?:message|details|information|exception|error|caused by)\s*:|->/i;

/**
 * A chain label that ends its line with nothing after it (`…valid credentials. Inner Exception`, `InnerException`,
 * `--->`, `Caused by:`): the inner message is on the next line that has words. Not `--- End of inner exception stack
 * trace ---`, which closes a stack trace.
 */
const LABEL_AT_END = /(^|[\s.;,!?])(inner ?exception|caused by|-{2,3}>)[ \t]*:?[ \t]*$/i;

/**
 * The lines with each chain label that ends a line joined to the next line with words (`Outer. Inner Exception` and
 * `Inner message.` read as `Outer. inner exception: Inner message.`), and a label alone on its line to the last line with
 * words before it as well, so such a chain is read like `…: message`.
 */
export function joinChainLabels(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    // A label alone on its line chains the message before it (the last line with words) to the one after it.
    if (LABEL_AT_END.test(line) && !/\w/.test(line.replace(LABEL_AT_END, '')) && out.length > 0 && i + 1 < lines.length) {
      let before = out.length - 1;
      while (before > 0 && !/\w/.test(out[before])) before--;
      if (/\w/.test(out[before]) && !LABEL_AT_END.test(out[before])) line = `${out.splice(before).join(' ').trim()} ${line.trim()}`;
    }
    // The joined line may end with a label again (`Caused by:` on two lines in a row): read on.
    while (LABEL_AT_END.test(line)) {
      let next = i + 1;
      while (next < lines.length && !/\w/.test(lines[next])) next++;
      if (next >= lines.length) break;
      line = `${line.replace(LABEL_AT_END, (_, before: string, label: string) => `${before}${/>$/.test(label) ? label : 'inner exception:'}`)} ${lines[next].trim()}`;
      i = next;
    }
    out.push(line);
  }
  return out;
}

/**
 * One link of a paste's chain: the content words of the outer message before a marker (words every error uses,
 * `error`, `following`, `run`, left out) and of the message after it, and the places the outer message names
 * (scenario anchors: `service:mrs` for a call to `…/EWS/mrsproxy.svc`).
 */
export interface ChainLink {
  outer: string[];
  inner: string[];
  anchors: Set<string>;
}

/**
 * The links of the chains on the paste's lines as pasted (not cleaned up), a label that ends a line joined to the next
 * one (joinChainLabels): for each marker, the outer message (from the line's start or the previous marker) and the inner
 * one (to the next marker or the line's end), as content words.
 */
export function chainLinks(pasted: readonly string[]): ChainLink[] {
  const out: ChainLink[] = [];
  for (const line of joinChainLabels(pasted)) {
    // Most lines of a paste chain nothing: one cheap test before the regular expression walks them.
    if (!MARKER_END.test(line)) continue;
    const markers = [...line.matchAll(CHAIN_MARKER)];
    markers.forEach((m, k) => {
      const from = k === 0 ? 0 : markers[k - 1].index + markers[k - 1][0].length;
      const to = k + 1 < markers.length ? markers[k + 1].index : line.length;
      const outer = line.slice(from, m.index);
      out.push({
        outer: content(outer).filter((t) => !GENERIC.has(t)),
        inner: content(line.slice(m.index + m[0].length, to)),
        // Read before clean-up drops addresses: an endpoint names a place (`…/EWS/mrsproxy.svc`).
        anchors: scenarioAnchors(outer),
      });
    });
  }
  return out;
}

/** Content words of a part of a line, as the paste's are read (cleaned up: addresses, GUIDs and times dropped). */
function content(text: string): string[] {
  return termsOf(cleanPaste(text).join(' ')).filter((t) => !STOPWORDS.has(t));
}

/**
 * The wrapper of an error text: the content words (as `ChainLink.outer`) before its last chain marker; undefined when
 * it has no marker or fewer than `min` such words.
 */
export function wrapperWords(text: string, min: number): string[] | undefined {
  let last: RegExpMatchArray | undefined;
  for (const m of text.matchAll(CHAIN_MARKER)) last = m;
  if (!last) return undefined;
  const words = [...new Set(content(text.slice(0, last.index)).filter((t) => !GENERIC.has(t)))];
  return words.length >= min ? words : undefined;
}

/** An inner message holding `inside` of the `found` words an error text found holds that error: `innerWords` or more, and half. */
export function holdsFound(inside: number, found: number, innerWords: number): boolean {
  return inside >= innerWords && 2 * inside >= found;
}
