import type { MatchResult } from '../matching/types';

/**
 * `kb eval --held-back`: the covered pastes a right article was offered first for but not answered, each with what held the
 * answer back, read from `kb match --explain`'s notes of the first match — the census issue 12's recall work starts from
 * (offered when only the symptom is named, answered when symptom and cause both are).
 */
export interface HeldBack {
  id: string;
  article: string;
  score: number;
  /** The group: `margin` (scored an answer, too close to the runner-up), `cap <rule>`, or `<kind> below the answer`. */
  reason: string;
  /** The note of the rule that held it back, or how far it scored below the answer. */
  note: string;
}

/** Notes of the rules that keep a match from an answer (a cap, or a rule that offers only). */
const HOLDS = /capped at|offered, not answered|never answered|kept at/;

/**
 * What held back the first match of a clarify (`r` matched with `explain`): its score reached `answer` but led the next
 * match by less than `margin`, a rule capped it or marked it offered only (the first such rule), or it scored below the
 * answer with no rule saying why (its kind: a description, a keyword, a code, an error text found in part).
 */
export function heldBackReason(r: MatchResult, answer: number, margin: number): { reason: string; note: string } {
  const [first, next] = r.matches;
  if (first.score >= answer) {
    const lead = first.score - (next?.score ?? 0);
    return { reason: 'margin', note: `scored ${first.score.toFixed(2)}, ${lead.toFixed(2)} ahead of the next (needs ${margin})` };
  }
  const rule = first.why?.rules.find((x) => HOLDS.test(x.note));
  if (rule) return { reason: `cap ${rule.rule}`, note: rule.note };
  return { reason: `${first.why?.kind ?? 'match'} below the answer`, note: `scored ${first.score.toFixed(2)}, below ${answer}` };
}

/** The census as text: each reason with its count (most first), then its pastes. */
export function formatHeldBack(rows: readonly HeldBack[]): string {
  const groups = new Map<string, HeldBack[]>();
  for (const row of rows) groups.set(row.reason, [...(groups.get(row.reason) ?? []), row]);
  const sorted = [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const lines = [`held back (covered, a right article offered first, not answered): ${rows.length}`];
  for (const [reason, group] of sorted) {
    lines.push(`  ${reason}: ${group.length}`);
    for (const g of group)
      lines.push(`    ${g.id}  ${g.article}  ${g.score.toFixed(2)}  ${g.note.length > 160 ? `${g.note.slice(0, 159)}…` : g.note}`);
  }
  return lines.join('\n');
}
