import type { Decision } from '../matching/types';

/**
 * Scoring a matcher against a labelled set of pastes. Any matcher works (ours, or the baselines in
 * bench/), as long as it returns a decision and ranked article ids.
 */

/** One labelled paste: `expect` lists the right articles; empty means "must not be answered". */
export interface LabelledPaste {
  text: string;
  expect: string[];
  /** Optional label for reports. */
  id?: string;
  /** Optional language of the paste (`de`, `en`): `kb eval --by lang` groups by it. */
  lang?: string;
  /** Optional shape of the paste (`error`, `description`, `question`, …): `kb eval --by kind` groups by it. */
  kind?: string;
}

/**
 * Which labels of a line to score. Real-world sets carry two: `expect` against the built-in knowledge plus
 * `../shared/corpus`, and `expectMore` against the same plus `../shared/corpus-more`, because a larger
 * knowledge base has more right answers (and more wrong neighbours).
 */
export type LabelSet = 'expect' | 'more';

export interface Outcome {
  decision: Decision;
  /** Article ids, best first. */
  ranked: string[];
  /** The best match's confidence 0..1, when the matcher gives one (for the calibration table). */
  score?: number;
}

export interface EvalReport {
  total: number;
  /** Answered with a right article, or (for expect []) honestly not answered. */
  right: number;
  /** Offered a choice. */
  clarified: number;
  /** Answered confidently with an article not in expect. */
  falseAnswers: number;
  /** Said "none" although an article was expected. */
  missed: number;
  /** Mean reciprocal rank of the first right article, over pastes that expect one. */
  mrr: number;
  /** Pastes that expect an article (an article covers them). */
  covered: number;
  /** Covered pastes answered with a right article. */
  coveredAnswered: number;
  /** Covered pastes answered right, or offered a choice whose first entry is right. */
  coveredOfferedFirst: number;
  rightRate: number;
  falseRate: number;
  /** The pastes that were not right, for people to look at. */
  failures: { paste: LabelledPaste; outcome: Outcome }[];
  /** Per paste (by id, else `#n`, its position in the set), its outcome as `outcomeLabel` writes it, in set order. */
  outcomes: Record<string, string>;
  /**
   * Score band → pastes whose best match scored in it, and how many of those had a right article first:
   * what a threshold at a band's lower edge would get right. Only when the matcher gives scores.
   */
  calibration: CalibrationBand[];
}

export interface CalibrationBand {
  /** Lower edge (inclusive); the band ends before the next band's edge. The band from 1 holds exact fits only. */
  from: number;
  count: number;
  /** Best match is a right article. */
  right: number;
}

/** Band edges of the calibration table: tenths, finer where the answer and candidate thresholds live. */
export const CALIBRATION_EDGES = [0, 0.2, 0.3, 0.4, 0.45, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1] as const;

function bandOf(score: number): number {
  let b = 0;
  while (b + 1 < CALIBRATION_EDGES.length && score >= CALIBRATION_EDGES[b + 1]) b++;
  return b;
}

/**
 * A paste's outcome in a few words, for committing and diffing per paste: `answer <article>`,
 * `clarify <first offered article>` or `none`. Offsetting changes (one paste fixed, another broken)
 * leave the totals alone but show here.
 */
export function outcomeLabel(o: Outcome): string {
  if (o.decision === 'none' || !o.ranked.length) return 'none';
  return `${o.decision} ${o.ranked[0]}`;
}

/**
 * Lines naming every paste whose outcome differs from the committed one, plus pastes added or removed:
 * `<id>: was "answer x", now "clarify y"`. Empty when nothing changed.
 */
export function diffOutcomes(committed: Readonly<Record<string, string>>, now: Readonly<Record<string, string>>): string[] {
  const lines: string[] = [];
  for (const [id, label] of Object.entries(now)) {
    if (!(id in committed)) lines.push(`${id}: new paste, now "${label}"`);
    else if (committed[id] !== label) lines.push(`${id}: was "${committed[id]}", now "${label}"`);
  }
  for (const id of Object.keys(committed)) if (!(id in now)) lines.push(`${id}: no longer in the set (was "${committed[id]}")`);
  return lines;
}

export function evaluate(set: readonly LabelledPaste[], run: (text: string) => Outcome): EvalReport {
  let right = 0;
  let clarified = 0;
  let falseAnswers = 0;
  let missed = 0;
  let rrSum = 0;
  let rrCount = 0;
  let coveredAnswered = 0;
  let coveredOfferedFirst = 0;
  const failures: EvalReport['failures'] = [];
  const outcomes: Record<string, string> = {};
  const calibration: CalibrationBand[] = CALIBRATION_EDGES.map((from) => ({ from, count: 0, right: 0 }));
  set.forEach((paste, i) => {
    const outcome = run(paste.text);
    outcomes[paste.id ?? `#${i + 1}`] = outcomeLabel(outcome);
    if (outcome.score !== undefined && outcome.ranked.length) {
      const band = calibration[bandOf(outcome.score)];
      band.count++;
      if (paste.expect.includes(outcome.ranked[0])) band.right++;
    }
    const expected = new Set(paste.expect);
    const top = outcome.ranked[0];
    let ok = false;
    if (outcome.decision === 'answer') {
      if (top !== undefined && expected.has(top)) ok = true;
      else falseAnswers++;
    } else if (outcome.decision === 'clarify') {
      clarified++;
    } else if (expected.size === 0) {
      ok = true;
    } else {
      missed++;
    }
    if (ok) right++;
    else failures.push({ paste, outcome });
    if (expected.size) {
      const topRight = top !== undefined && expected.has(top);
      if (topRight && outcome.decision === 'answer') coveredAnswered++;
      if (topRight && outcome.decision !== 'none') coveredOfferedFirst++;
      rrCount++;
      const rank = outcome.ranked.findIndex((id) => expected.has(id));
      if (rank >= 0) rrSum += 1 / (rank + 1);
    }
  });
  const total = set.length;
  return {
    total,
    right,
    clarified,
    falseAnswers,
    missed,
    mrr: rrCount ? rrSum / rrCount : 1,
    covered: rrCount,
    coveredAnswered,
    coveredOfferedFirst,
    rightRate: total ? right / total : 1,
    falseRate: total ? falseAnswers / total : 0,
    failures,
    outcomes,
    calibration: calibration.filter((b) => b.count > 0),
  };
}

/**
 * Parses labelled JSON Lines; throws an Error naming the line on bad input. With `labels: 'more'` every line
 * must carry `expectMore`, which is then scored as the paste's `expect`. Other fields (`source`, `reason`, …)
 * are documentation for people and are ignored.
 */
export function parseLabelled(text: string, file: string, labels: LabelSet = 'expect'): LabelledPaste[] {
  const out: LabelledPaste[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('//')) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new Error(`${file}:${i + 1}: not valid JSON`);
    }
    const o = v as Partial<LabelledPaste> & { expectMore?: unknown };
    if (typeof o.text !== 'string') throw new Error(`${file}:${i + 1}: text: must be a string`);
    if (!isIdList(o.expect)) throw new Error(`${file}:${i + 1}: expect: must be a list of article ids`);
    if (o.expectMore !== undefined && !isIdList(o.expectMore)) {
      throw new Error(`${file}:${i + 1}: expectMore: must be a list of article ids`);
    }
    if (labels === 'more' && o.expectMore === undefined) {
      throw new Error(`${file}:${i + 1}: expectMore: missing, and --labels more scores it`);
    }
    out.push({
      text: o.text,
      expect: labels === 'more' ? (o.expectMore as string[]) : o.expect,
      ...(typeof o.id === 'string' ? { id: o.id } : {}),
      ...(typeof o.lang === 'string' ? { lang: o.lang } : {}),
      ...(typeof o.kind === 'string' ? { kind: o.kind } : {}),
    });
  });
  return out;
}

function isIdList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((e) => typeof e === 'string');
}
