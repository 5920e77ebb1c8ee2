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
}

export interface Outcome {
  decision: Decision;
  /** Article ids, best first. */
  ranked: string[];
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
  rightRate: number;
  falseRate: number;
  /** The pastes that were not right, for people to look at. */
  failures: { paste: LabelledPaste; outcome: Outcome }[];
}

export function evaluate(set: readonly LabelledPaste[], run: (text: string) => Outcome): EvalReport {
  let right = 0;
  let clarified = 0;
  let falseAnswers = 0;
  let missed = 0;
  let rrSum = 0;
  let rrCount = 0;
  const failures: EvalReport['failures'] = [];
  for (const paste of set) {
    const outcome = run(paste.text);
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
      rrCount++;
      const rank = outcome.ranked.findIndex((id) => expected.has(id));
      if (rank >= 0) rrSum += 1 / (rank + 1);
    }
  }
  const total = set.length;
  return {
    total,
    right,
    clarified,
    falseAnswers,
    missed,
    mrr: rrCount ? rrSum / rrCount : 1,
    rightRate: total ? right / total : 1,
    falseRate: total ? falseAnswers / total : 0,
    failures,
  };
}

/** Parses labelled JSON Lines; throws an Error naming the line on bad input. */
export function parseLabelled(text: string, file: string): LabelledPaste[] {
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
    const o = v as Partial<LabelledPaste>;
    if (typeof o.text !== 'string') throw new Error(`${file}:${i + 1}: text: must be a string`);
    if (!Array.isArray(o.expect) || !o.expect.every((e) => typeof e === 'string')) {
      throw new Error(`${file}:${i + 1}: expect: must be a list of article ids`);
    }
    out.push({ text: o.text, expect: o.expect, ...(typeof o.id === 'string' ? { id: o.id } : {}) });
  });
  return out;
}
