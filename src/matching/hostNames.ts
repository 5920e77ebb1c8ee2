/**
 * Host and domain names (`mail.contoso.com`) found in linear time.
 *
 * The obvious regular expression, `\b(?:label\.)+(?:com|net|…)\b`, restarts at every label of a long
 * dotted run (`a.a.a.a…`) and walks to its end each time: quadratic, a minute of blocked event loop for a
 * 200 KB paste. This scanner gives exactly that expression's matches (leftmost start, longest run of labels
 * ending in a listed top-level name; tests/matching/hostNames.test.ts compares the two on random text) while
 * looking at each character a bounded number of times.
 */

/** The shape of a name, as the expression it replaces wrote it. */
export interface HostNameShape {
  /** Top-level names (lower case) that make a dotted run a host name; compared in either case for `strict` labels. */
  tlds: ReadonlySet<string>;
  /**
   * `strict`: labels start and end with a letter or digit (`[a-z0-9](?:[a-z0-9-]*[a-z0-9])?`), letters in
   * either case. `loose`: any run of `[a-z0-9-]` (lower case only) is a label.
   */
  labels: 'strict' | 'loose';
}

const enum Code {
  Hyphen = 45,
  Underscore = 95,
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLower = (c: number) => c >= 97 && c <= 122;
const isUpper = (c: number) => c >= 65 && c <= 90;
/** `\w` of a regular expression without the `u` flag. */
const isWord = (c: number) => isDigit(c) || isLower(c) || isUpper(c) || c === Code.Underscore;
/** A letter or digit of a label: either case for strict labels, lower case only for loose ones. */
const isAlnum = (c: number, strict: boolean) => isDigit(c) || isLower(c) || (strict && isUpper(c));
const isLabelChar = (c: number, strict: boolean) => isAlnum(c, strict) || c === Code.Hyphen;
/** Where a name may begin: strict labels start with a letter or digit, loose ones with any label character. */
const isStartChar = (c: number, strict: boolean) => (strict ? isAlnum(c, true) : isLabelChar(c, false));
/** The character code at `i`, or -1 outside the text. */
const codeAt = (text: string, i: number) => (i >= 0 && i < text.length ? text.charCodeAt(i) : -1);
/** A label must end right before a dot: strict labels end with a letter or digit, loose ones with anything. */
const endsWell = (text: string, from: number, end: number, strict: boolean) =>
  end > from && (!strict || isAlnum(codeAt(text, end - 1), true));

/** A paste's segments (between its dots), each described by a few numbers (replaceHostNames). */
interface SegmentArrays {
  start: Int32Array;
  end: Int32Array;
  /** Its last character that can't be part of a label, or start - 1. */
  lastForeign: Int32Array;
  /** Length of the listed top-level name it begins with (followed by a non-word character), or 0. */
  tld: Int32Array;
  /**
   * lastTld[k]: the furthest segment, reached from the start of segment k through whole labels, that begins with a
   * top-level name; -1 when there is none. The expression's greedy run of labels stops there.
   */
  lastTld: Int32Array;
}

function segmentArrays(count: number): SegmentArrays {
  const a = () => new Int32Array(count + 1);
  return { start: a(), end: a(), lastForeign: a(), tld: a(), lastTld: a() };
}

/**
 * The arrays of a text of fewer segments than this, made once and written over by every call (each entry is written
 * before it is read): a paste's were five new arrays. A text of more (a long log) gets its own, so none stays large.
 */
const SCRATCH_SEGMENTS = 1024;
const SCRATCH = segmentArrays(SCRATCH_SEGMENTS);

/**
 * `text` with every host name of `shape` replaced by `replacement`. (The character tests are plain functions of the
 * module, not closures made per call: this runs on every paste, and its closures were most of matching's cleaning.)
 */
export function replaceHostNames(text: string, shape: HostNameShape, replacement: string): string {
  if (!text.includes('.')) return text;
  const strict = shape.labels === 'strict';
  const n = text.length;
  /** The longest listed top-level name: a longer segment start is looked up without being cut out. */
  let longestTld = 0;
  for (const t of shape.tlds) longestTld = Math.max(longestTld, t.length);

  // The text split at its dots into segments, each described by a few numbers (in the module's arrays when they fit).
  let count = 1;
  for (let i = text.indexOf('.'); i >= 0; i = text.indexOf('.', i + 1)) count++;
  const { start, end, lastForeign, tld, lastTld } = count < SCRATCH_SEGMENTS ? SCRATCH : segmentArrays(count);
  lastTld[count] = -1;
  for (let k = 0, from = 0; k < count; k++) {
    const dot = text.indexOf('.', from);
    tld[k] = 0;
    start[k] = from;
    end[k] = dot < 0 ? n : dot;
    lastForeign[k] = from - 1;
    let word = from;
    for (let i = from; i < end[k]; i++) {
      const c = text.charCodeAt(i);
      if (!isLabelChar(c, strict)) lastForeign[k] = i;
      if (word === i && isWord(c)) word++;
    }
    if (word > from && word - from <= longestTld) {
      const name = text.slice(from, word);
      if (shape.tlds.has(strict ? name.toLowerCase() : name)) tld[k] = word - from;
    }
    from = end[k] + 1;
  }
  for (let k = count - 1; k >= 0; k--) {
    // The whole segment is a label (a dot follows it, which the last segment lacks).
    const label =
      k < count - 1 && lastForeign[k] < start[k] && endsWell(text, start[k], end[k], strict) && isStartChar(codeAt(text, start[k]), strict);
    lastTld[k] = label && lastTld[k + 1] >= 0 ? lastTld[k + 1] : tld[k] > 0 ? k : -1;
  }

  let out = '';
  let copied = 0;
  for (let k = 0, from = 0; k < count;) {
    const next = k + 1 < count ? lastTld[k + 1] : -1;
    // Every start inside one segment reaches the same dot and the same labels after it, so only the first
    // start that leaves a label (nothing foreign after it) needs trying: if it fails, they all do.
    let p = Math.max(from, lastForeign[k] + 1);
    while (p < end[k] && !(isStartChar(codeAt(text, p), strict) && isWord(codeAt(text, p)) !== isWord(codeAt(text, p - 1)))) p++;
    if (next >= 0 && p < end[k] && endsWell(text, p, end[k], strict)) {
      const stop = start[next] + tld[next];
      out += text.slice(copied, p) + replacement;
      copied = stop;
      from = stop;
      k = next;
      continue;
    }
    k++;
    from = k < count ? start[k] : n;
  }
  return copied === 0 ? text : out + text.slice(copied);
}
