#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importToDirectory } from '../knowledge/import/directory';
import { BUILTIN_KNOWLEDGE, formatProblem, loadKnowledge, type KnowledgeBase } from '../knowledge/load';
import type { KnowledgeProblem } from '../knowledge/types';
import { compileKnowledgeIndex } from '../matching/compiled';
import { Matcher } from '../matching/matcher';
import { unmarkSmtpCodes } from '../matching/normalize';
import type { FocusFit, MatchExplanation, MatchResult, TranslationExplanation } from '../matching/types';
import {
  CALIBRATION_EDGES,
  diffOutcomes,
  evaluate,
  parseLabelled,
  type EvalReport,
  type LabelledPaste,
  type LabelSet,
  type Outcome,
} from './evaluate';
import { FEEDBACK_FILE, readFeedbackLog } from '../storage/fileFeedbackLog';
import { formatGaps, summarizeGaps, type Gap } from './gaps';
import { escapeControls } from './terminal';
import { buildProbes, formatProbeReport, runProbes } from './probe';
import { diagnose, diagnosisJson, diagnosisText } from './diagnose';
import { formatHeldBack, heldBackReason, type HeldBack } from './heldBack';
import { errorVocabulary, formatUntranslated, formatVocabulary, untranslatedWords } from './vocab';

/**
 * `kb` — the knowledge base from a terminal. Other tools script against it, so its output is a contract:
 * exit 0 on success whatever the decision, 2 with a one-line message on bad usage or invalid knowledge,
 * 1 when `eval` falls below its thresholds. Like the service, `match` and `eval` use the articles that
 * load and report the files left out on stderr; `validate`, or `--strict`, makes a file left out exit 2.
 */

const USAGE = `usage:
  kb validate [--kb PATH]...
  kb import SRC... --out DIR
  kb match [--kb PATH]... [--strict] [--lang de|en] [--json] [--explain [--article ID]] [TEXT]   (stdin without TEXT)
  kb match --batch FILE [--json] [--kb PATH]... [--strict]
  kb eval FILE [--kb PATH]... [--strict] [--labels expect|more] [--by lang|kind] [--min-right R] [--max-false F] [--verbose] [--json]
          [--outcomes SNAPSHOT | --write-outcomes SNAPSHOT] [--held-back]
  kb probe [--kb PATH]... [--strict] [--partners N] [--verbose] [--json]   (near-miss pastes built from the articles' error texts)
  kb gaps [--data DIR] [--top N] [--json]                     (DIR default: $DATA_DIR or ./data)
  kb diagnose [--json] [TEXT]                                 (TLS configuration; reads stdin without TEXT)
  kb vocab [--kb PATH]... [--strict] [--top N] [--missing] [--symptoms] [--json]   (error words, or title and symptom words, and the lexicon's coverage)
  kb vocab --untranslated [--kb PATH]... [--top N] [--json] [--set FILE | TEXT]     (German words of a paste or set the lexicon leaves as written)
  kb build [--kb PATH]... [--strict] --out FILE                (compiled index for KNOWLEDGE_INDEX: knowledge + matcher)
  --strict: a knowledge file left out (invalid, or a raw article that can't be imported) exits 2, as in validate`;

/** Bad usage or invalid knowledge: exit 2 with this one-line message. */
class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => string;
}

/** What the commands write through: text with control characters escaped; JSON as `JSON.stringify` makes it. */
interface Output extends Io {
  json: (value: unknown) => void;
}

export function main(argv: string[], terminal: Io): number {
  const io: Output = {
    out: (s) => terminal.out(escapeControls(s, { layout: true })),
    err: (s) => terminal.err(escapeControls(s, { layout: true })),
    stdin: terminal.stdin,
    json: (value) => terminal.out(JSON.stringify(value)),
  };
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case 'validate':
        return validate(rest, io);
      case 'import':
        return importCommand(rest, io);
      case 'match':
        return match(rest, io);
      case 'eval':
        return evalCommand(rest, io);
      case 'probe':
        return probeCommand(rest, io);
      case 'gaps':
        return gapsCommand(rest, io);
      case 'diagnose':
        return diagnoseCommand(rest, io);
      case 'vocab':
        return vocabCommand(rest, io);
      case 'build':
        return buildCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`kb: unknown command "${command}"`);
    }
  } catch (err) {
    if (err instanceof UsageError || isParseArgsError(err)) {
      io.err(`${(err as Error).message.split('\n')[0]}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
}

function isParseArgsError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && String((err as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
}

/** `--kb PATH` (repeatable) and `--strict` (any article left out is an error, as `validate` treats it). */
const kbOption = { kb: { type: 'string', multiple: true }, strict: { type: 'boolean' } } as const;

/**
 * `--kb` paths, or the built-in knowledge; with the problems that left a file out: errors, and the
 * warnings of raw articles the importer skipped (the other warnings are notes on articles that loaded).
 */
function loadFromOption(paths: string[] | undefined): { kb: KnowledgeBase; leftOut: KnowledgeProblem[] } {
  const kb = loadKnowledge(paths?.length ? paths : [BUILTIN_KNOWLEDGE]);
  return { kb, leftOut: kb.problems.filter((p) => p.severity !== 'warning' || p.skipped) };
}

/**
 * Loads `--kb` paths (or the built-in knowledge) as the service does: the good articles are used and
 * each file left out is reported on stderr. With `--strict`, or when no article loaded, a file left out
 * is a UsageError naming the first problem.
 */
function openKnowledge(options: { kb?: string[]; strict?: boolean }, io: Io): KnowledgeBase {
  const { kb, leftOut } = loadFromOption(options.kb);
  if (leftOut.length && (options.strict || kb.articles.length === 0)) {
    const more = leftOut.length > 1 ? ` (and ${leftOut.length - 1} more; see kb validate)` : '';
    throw new UsageError(`kb: invalid knowledge: ${formatProblem(leftOut[0])}${more}`);
  }
  for (const p of leftOut) io.err(`kb: left out: ${formatProblem(p)}`);
  return kb;
}

function validate(args: string[], io: Output): number {
  const { values } = parseArgs({ args, options: kbOption, strict: true });
  const { kb, leftOut } = loadFromOption(values.kb);
  for (const p of kb.problems) io.err(`${p.severity === 'warning' && !p.skipped ? 'warning' : 'error'}: ${formatProblem(p)}`);
  const files = new Set(leftOut.map((p) => p.file)).size;
  io.out(`${kb.articles.length} articles valid, ${leftOut.length} errors in ${files} files`);
  return leftOut.length ? 2 : 0;
}

/**
 * Loads the knowledge as the service would load the same paths (KNOWLEDGE_PATHS = the `--kb` paths, or the
 * built-in folder), builds the matcher, and writes both to one file the service starts from (KNOWLEDGE_INDEX).
 */
function buildCommand(args: string[], io: Output): number {
  const { values } = parseArgs({ args, options: { ...kbOption, out: { type: 'string' } }, strict: true });
  if (!values.out) throw new UsageError('kb: build needs --out FILE');
  // Absolute, as the service resolves KNOWLEDGE_PATHS: the problems carried in the file name files as its log would.
  const paths = (values.kb?.length ? values.kb : [BUILTIN_KNOWLEDGE]).map((p) => path.resolve(p));
  const kb = openKnowledge({ ...values, kb: paths }, io);
  const { bytes, files } = compileKnowledgeIndex(values.out, paths, kb);
  io.out(`${kb.articles.length} articles from ${files} files compiled into ${values.out} (${(bytes / 1e6).toFixed(1)} MB)`);
  return 0;
}

function importCommand(args: string[], io: Output): number {
  const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true, strict: true });
  if (!positionals.length) throw new UsageError('kb: import needs at least one SRC file or folder');
  if (!values.out) throw new UsageError('kb: import needs --out DIR');
  const result = importToDirectory(positionals, values.out);
  for (const p of result.problems) io.err(`${p.severity === 'warning' ? 'warning' : 'note'}: ${formatProblem(p)}`);
  io.out(`${result.written.length} articles written to ${values.out}`);
  return 0;
}

function match(args: string[], io: Output): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...kbOption,
      lang: { type: 'string' },
      json: { type: 'boolean' },
      batch: { type: 'string' },
      explain: { type: 'boolean' },
      article: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.lang !== undefined && values.lang !== 'de' && values.lang !== 'en') {
    throw new UsageError(`kb: --lang must be de or en, got "${values.lang}"`);
  }
  const lang = values.lang as 'de' | 'en' | undefined;
  if (values.batch !== undefined) {
    if (positionals.length) throw new UsageError('kb: --batch takes no TEXT');
    const lines = readLines(values.batch);
    const matcher = new Matcher(openKnowledge(values, io));
    lines.forEach(({ line, n }) => {
      let item: { id?: unknown; text?: unknown };
      try {
        item = JSON.parse(line);
      } catch {
        throw new UsageError(`kb: ${values.batch}:${n}: not valid JSON`);
      }
      if (typeof item.text !== 'string') throw new UsageError(`kb: ${values.batch}:${n}: text: must be a string`);
      const r = matcher.match(item.text, { lang });
      io.json({ id: item.id ?? null, decision: r.decision, matches: jsonMatches(r) });
    });
    return 0;
  }
  const text = positionals.length ? positionals.join(' ') : io.stdin();
  const explain = values.explain ?? false;
  if (values.article !== undefined && !explain) throw new UsageError('kb: --article needs --explain');
  const kb = openKnowledge(values, io);
  if (values.article !== undefined && !kb.byId.has(values.article))
    throw new UsageError(`kb: --article: no article "${values.article}" in the knowledge base`);
  const r = new Matcher(kb).match(text, { lang, explain, ...(values.article !== undefined ? { article: values.article } : {}) });
  if (values.json) {
    io.json({
      decision: r.decision,
      matches: jsonMatches(r),
      ...(r.focusFit ? { focusFit: r.focusFit } : {}),
      ...(r.translation ? { translation: r.translation } : {}),
    });
    return 0;
  }
  let out = describe(r);
  if (values.article !== undefined && !r.matches.some((m) => m.article === values.article)) {
    out += r.focusFit
      ? `\n${describeFocusFit(values.article, r.focusFit).join('\n')}`
      : `\n  ${values.article}: nothing of it in the paste (no word of its error texts, no keyword, no code)`;
  }
  if (r.translation) out += `\n${describeTranslation(r.translation).join('\n')}`;
  io.out(out);
  return 0;
}

function jsonMatches(r: MatchResult) {
  return r.matches.map((m) => ({
    article: m.article,
    symptom: m.symptom,
    score: m.score,
    title: m.title,
    ...(m.why ? { why: m.why } : {}),
  }));
}

/** The evidence behind one match, indented under its row (see MatchExplanation). */
function describeWhy(w: MatchExplanation): string[] {
  const lines: string[] = [];
  const cut = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  if (w.error) {
    lines.push(`found by its error text (raw score ${w.raw.toFixed(2)}): ${cut(w.error.text.replace(/\s+/g, ' '))}`);
    for (const u of w.error.units)
      lines.push(
        `  ${`${u.pasted ? 'pasted' : 'not pasted'}${u.inner ? ', inner' : ''}`.padEnd(17)}  ${cut(unmarkSmtpCodes(u.words), 120)}`,
      );
    // The words as the index reads them, but status codes as pasted (`5.7.931`), as the notes below show them.
    lines.push(`  words found:   ${cut(unmarkSmtpCodes(w.error.found.join(' ')) || '–')}`);
    lines.push(`  words missing: ${cut(unmarkSmtpCodes(w.error.missing.join(' ')) || '–')}`);
  } else if (w.kind === 'keyword' || w.kind === 'description') {
    const by = w.kind === 'keyword' ? 'keywords' : 'its title and description words';
    lines.push(
      `found by ${by} (raw score ${w.raw.toFixed(2)}): ${w.keywords?.join(', ')}${w.topics?.length ? `; topics: ${w.topics.join(', ')}` : ''}`,
    );
  } else {
    lines.push(`found by the code ${w.code} (raw score ${w.raw.toFixed(2)})`);
  }
  for (const rule of w.rules) lines.push(`  ${rule.rule}: ${rule.note}`);
  return lines;
}

function describe(r: MatchResult): string {
  const head = { answer: 'answer', clarify: 'clarify: which one is it?', none: 'none: no article fits' }[r.decision];
  const rows = r.matches.flatMap((m, i) => [
    `  ${i + 1}. ${m.article}${m.symptom ? ` #${m.symptom}` : ''}  ${m.score.toFixed(2)}  ${m.title}`,
    ...(m.why ? describeWhy(m.why).map((l) => `       ${l}`) : []),
  ]);
  return [head + (r.truncated ? ' (long paste: matched its error lines only)' : ''), ...rows].join('\n');
}

/** With --explain --article: how the description path fit an article no hit found (`MatchResult.focusFit`). */
function describeFocusFit(article: string, f: FocusFit): string[] {
  const nth = f.rank === 1 ? 'the best' : `${f.rank}${['st', 'nd', 'rd'][f.rank - 1] ?? 'th'} best`;
  return [
    `  ${article} #${f.symptom}: not offered; its title and description words ${f.translated ? 'in the translation (read through the lexicon)' : 'in the paste'}: ${f.found.join(', ')}`,
    `    they hold ${f.pasteShare} of the paste's, the paste ${f.docShare} of theirs (${f.evidence} distinctive words): fit ${f.fit}, ${nth} of the articles${f.other ? `; the best other: ${f.other.article}, fit ${f.other.fit}` : ''}`,
    `    a description is offered at ${f.offeredAt}`,
  ];
}

/** With --explain: what the lexicon read a paste in the other language as, and what that changed. */
function describeTranslation(t: TranslationExplanation | undefined): string[] {
  if (!t) return [];
  const outcome = {
    unchanged: 'the paste as written decides; the translation changed nothing',
    answered: 'answered on the translation',
    merged: "the translation's matches are offered with the others",
  }[t.outcome];
  return [
    `read through the lexicon (${t.from} → ${t.to}): ${outcome}`,
    `  terms: ${t.terms.join(', ') || '–'}`,
    ...(t.notes ?? []).map((n) => `  ${n}`),
    ...t.text
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => `  | ${l}`),
  ];
}

/** `kb probe`: how many near-miss pastes built from the knowledge's own error texts get a wrong answer (probe.ts). */
function probeCommand(args: string[], io: Output): number {
  const { values } = parseArgs({
    args,
    options: { ...kbOption, partners: { type: 'string' }, verbose: { type: 'boolean' }, json: { type: 'boolean' } },
    strict: true,
  });
  const partners = Number(values.partners ?? '2');
  if (!Number.isInteger(partners) || partners < 1 || partners > 100)
    throw new UsageError(`kb: --partners must be a whole number from 1 to 100 (pairs per hundred), got "${values.partners}"`);
  const kb = openKnowledge(values, io);
  const matcher = new Matcher(kb);
  const report = runProbes(buildProbes(kb, partners), (text) => {
    const r = matcher.match(text);
    return { decision: r.decision, article: r.matches[0]?.article, score: r.matches[0]?.score };
  });
  if (values.json) io.json(report);
  else io.out(formatProbeReport(report, values.verbose ?? false));
  return 0;
}

function evalCommand(args: string[], io: Output): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...kbOption,
      'min-right': { type: 'string' },
      'max-false': { type: 'string' },
      labels: { type: 'string' },
      by: { type: 'string' },
      verbose: { type: 'boolean' },
      json: { type: 'boolean' },
      outcomes: { type: 'string' },
      'write-outcomes': { type: 'string' },
      'held-back': { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('kb: eval needs exactly one FILE');
  const minRight = fraction(values['min-right'], '--min-right', 0);
  const maxFalse = fraction(values['max-false'], '--max-false', 1);
  const labels = values.labels ?? 'expect';
  if (labels !== 'expect' && labels !== 'more') throw new UsageError(`kb: --labels must be "expect" or "more", got "${labels}"`);
  const by = values.by;
  if (by !== undefined && by !== 'lang' && by !== 'kind') throw new UsageError(`kb: --by must be "lang" or "kind", got "${by}"`);
  let set;
  try {
    set = parseLabelled(readFile(positionals[0]), positionals[0], labels as LabelSet);
  } catch (err) {
    throw new UsageError(`kb: ${(err as Error).message}`);
  }
  if (values.outcomes !== undefined && values['write-outcomes'] !== undefined)
    throw new UsageError('kb: eval takes --outcomes or --write-outcomes, not both');
  const committed = values.outcomes === undefined ? undefined : readOutcomes(values.outcomes);
  const matcher = new Matcher(openKnowledge(values, io));
  // Matched once per text: the per-group reports reuse the outcomes of the whole run.
  const matched = new Map<string, Outcome>();
  const run = (text: string): Outcome => {
    let outcome = matched.get(text);
    if (!outcome) {
      const r = matcher.match(text);
      outcome = { decision: r.decision, ranked: r.matches.map((m) => m.article), score: r.matches[0]?.score };
      matched.set(text, outcome);
    }
    return outcome;
  };
  const report = evaluate(set, run);
  const groups = by === undefined ? [] : groupBy(set, by).map(([name, pastes]) => ({ name, report: evaluate(pastes, run) }));
  const changed = committed ? diffOutcomes(committed, report.outcomes) : [];
  const heldBack = values['held-back'] ? heldBackOf(set, run, matcher) : undefined;
  if (values.json) {
    const brief = (r: EvalReport) => ({ ...r, failures: r.failures.length });
    io.json({
      ...brief(report),
      ...(committed ? { changed } : {}),
      ...(by ? { by, groups: groups.map((g) => ({ name: g.name, ...brief(g.report) })) } : {}),
      ...(heldBack ? { heldBack } : {}),
    });
  } else {
    const text = formatReport(report, values.verbose ?? false, committed ? changed : undefined);
    io.out(
      [
        text,
        ...groups.map((g) => `\n${by} = ${g.name}\n${formatReport(g.report, false)}`),
        ...(heldBack ? [`\n${formatHeldBack(heldBack)}`] : []),
      ].join('\n'),
    );
  }
  if (values['write-outcomes'] !== undefined) writeOutcomes(values['write-outcomes'], report.outcomes);
  let pass = report.rightRate >= minRight && report.falseRate <= maxFalse;
  if (!pass)
    io.err(
      `kb: eval below thresholds (right ${pct(report.rightRate)} < ${pct(minRight)} or false ${pct(report.falseRate)} > ${pct(maxFalse)})`,
    );
  if (changed.length) {
    io.err(`kb: ${changed.length} outcome(s) differ from ${values.outcomes}; if the change is intended, rewrite it with --write-outcomes`);
    pass = false;
  }
  return pass ? 0 : 1;
}

/**
 * `--held-back`: each covered paste whose clarify offered a right article first, matched again with `explain` to say what
 * kept that article from an answer (heldBack.ts).
 */
function heldBackOf(set: readonly LabelledPaste[], run: (text: string) => Outcome, matcher: Matcher): HeldBack[] {
  const { answer, margin } = matcher.params.decision;
  const rows: HeldBack[] = [];
  set.forEach((paste, i) => {
    const outcome = run(paste.text);
    if (outcome.decision !== 'clarify' || !paste.expect.includes(outcome.ranked[0])) return;
    const r = matcher.match(paste.text, { explain: true });
    if (!r.matches.length) return;
    const { reason, note } = heldBackReason(r, answer, margin);
    rows.push({ id: paste.id ?? `#${i + 1}`, article: r.matches[0].article, score: r.matches[0].score, reason, note });
  });
  return rows;
}

/** A committed outcome snapshot: a JSON object, paste id → `answer <id>` | `clarify <id>` | `none`. */
function readOutcomes(file: string): Record<string, string> {
  let v: unknown;
  try {
    v = JSON.parse(readFile(file));
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`kb: ${file}: not valid JSON`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.values(v).every((x) => typeof x === 'string')) {
    throw new UsageError(`kb: ${file}: must be a JSON object of paste id to outcome`);
  }
  return v as Record<string, string>;
}

/** One paste per line, in set order, so a change shows as a one-line diff in review. */
function writeOutcomes(file: string, outcomes: Record<string, string>): void {
  const lines = Object.entries(outcomes).map(([id, label]) => `  ${JSON.stringify(id)}: ${JSON.stringify(label)}`);
  fs.writeFileSync(file, `{\n${lines.join(',\n')}\n}\n`);
}

/** The most frequent unmatched or unhelpful pastes from the bot's feedback log: the articles to write next. */
function gapsCommand(args: string[], io: Output): number {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string' }, top: { type: 'string' }, json: { type: 'boolean' } },
    strict: true,
  });
  const file = path.join(path.resolve(values.data ?? process.env.DATA_DIR ?? 'data'), FEEDBACK_FILE);
  const top = values.top === undefined ? 20 : Number(values.top);
  if (!Number.isInteger(top) || top < 1) throw new UsageError(`kb: --top must be a whole number from 1, got "${values.top}"`);
  if (!fs.existsSync(file)) {
    io.out(`No feedback log at ${file} yet: nothing recorded.`);
    return 0;
  }
  const { entries, badLines } = readFeedbackLog(file);
  const gaps = summarizeGaps(entries, { top });
  if (values.json) io.json({ file, entries: entries.length, badLines, gaps });
  else io.out(formatGaps(gaps.map(escapeGap)).trimEnd());
  if (badLines > 0 && !values.json) io.err(`kb: skipped ${badLines} unreadable line(s) in ${file}`);
  return 0;
}

/** The TLS configuration diagnosis of a pasted configuration (exit 0 whatever it finds). */
function diagnoseCommand(args: string[], io: Output): number {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const text = positionals.length ? positionals.join(' ') : io.stdin();
  const d = diagnose(text);
  if (values.json) io.json(diagnosisJson(d));
  else io.out(diagnosisText(d));
  return 0;
}

/**
 * The error vocabulary of the knowledge base, most used first, and which of it the lexicon covers; with `--untranslated`,
 * the German words of a paste (or of a labelled set's German pastes, `--set`) that the lexicon leaves as written.
 */
function vocabCommand(args: string[], io: Output): number {
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...kbOption,
      top: { type: 'string' },
      missing: { type: 'boolean' },
      symptoms: { type: 'boolean' },
      untranslated: { type: 'boolean' },
      set: { type: 'string' },
      json: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  const top = values.top === undefined ? 50 : Number(values.top);
  if (!Number.isInteger(top) || top < 1) throw new UsageError(`kb: --top must be a whole number from 1, got "${values.top}"`);
  if (!values.untranslated && (values.set !== undefined || positionals.length))
    throw new UsageError('kb: vocab takes a paste or --set only with --untranslated');
  if (values.untranslated) {
    if (values.symptoms || values.missing) throw new UsageError('kb: --untranslated lists words of pastes: no --symptoms or --missing');
    // A set's lines without a language are read too: the words left in German are the German ones either way.
    const pastes =
      values.set !== undefined
        ? parseLabelled(readFile(values.set), values.set)
            .filter((p) => p.lang === undefined || p.lang === 'de')
            .map((p) => p.text)
        : [positionals.length ? positionals.join(' ') : io.stdin()];
    const rows = untranslatedWords(openKnowledge(values, io), pastes);
    if (values.json) io.json(rows.slice(0, top));
    else io.out(formatUntranslated(rows, top, pastes.length));
    return 0;
  }
  const source = values.symptoms ? 'symptoms' : 'errors';
  const rows = errorVocabulary(openKnowledge(values, io), source);
  if (values.json) io.json(rows.slice(0, top));
  else io.out(formatVocabulary(rows, top, values.missing ?? false, source));
  return 0;
}

/** A gap's texts come from pastes and log entries: a line break in them would fake a report line too. */
function escapeGap(gap: Gap): Gap {
  const value = (s: string) => escapeControls(s);
  return { ...gap, key: value(gap.key), example: value(gap.example), articles: gap.articles.map(value) };
}

/** The pastes by their `lang` or `kind` ("?" where a line has none), groups in name order. */
function groupBy(set: readonly LabelledPaste[], field: 'lang' | 'kind'): [string, LabelledPaste[]][] {
  const groups = new Map<string, LabelledPaste[]>();
  for (const p of set) {
    const name = p[field] ?? '?';
    groups.set(name, [...(groups.get(name) ?? []), p]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function formatReport(r: EvalReport, verbose: boolean, changed?: string[]): string {
  const ofCovered = (n: number) => `${n} of ${r.covered} (${pct(r.covered ? n / r.covered : 1)})`;
  const lines = [
    `pastes:         ${r.total}`,
    `right:          ${r.right} (${pct(r.rightRate)})`,
    `clarified:      ${r.clarified}`,
    `false answers:  ${r.falseAnswers} (${pct(r.falseRate)})`,
    `missed:         ${r.missed}`,
    `MRR:            ${r.mrr.toFixed(3)}`,
    `covered, answered right:          ${ofCovered(r.coveredAnswered)}`,
    `covered, right or offered first: ${ofCovered(r.coveredOfferedFirst)}`,
    '',
    'calibration (best match score → pastes, best match right):',
    ...r.calibration.map((b) => {
      const upper = CALIBRATION_EDGES[CALIBRATION_EDGES.indexOf(b.from as (typeof CALIBRATION_EDGES)[number]) + 1];
      const band = upper === undefined ? `${b.from.toFixed(2)} exact` : `${b.from.toFixed(2)}–${upper.toFixed(2)}`;
      return `  ${band}  ${String(b.count).padStart(4)}  ${String(b.right).padStart(4)}  ${pct(b.right / b.count).padStart(6)}`;
    }),
  ];
  if (changed) {
    lines.push('', changed.length ? `outcomes changed (${changed.length}):` : 'outcomes: all as committed');
    for (const c of changed) lines.push(`  ${c}`);
  }
  if (verbose) {
    for (const f of r.failures) {
      const label = f.paste.id ?? f.paste.text.replace(/\s+/g, ' ').slice(0, 80);
      lines.push(
        `  ✗ ${label}\n    expected [${f.paste.expect.join(', ')}], got ${f.outcome.decision} [${f.outcome.ranked.slice(0, 3).join(', ')}]`,
      );
    }
  }
  return lines.join('\n');
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function fraction(v: string | undefined, flag: string, fallback: number): number {
  if (v === undefined) return fallback;
  const x = Number(v.endsWith('%') ? Number(v.slice(0, -1)) / 100 : v);
  if (!Number.isFinite(x) || x < 0 || x > 1)
    throw new UsageError(`kb: ${flag} must be a fraction from 0 to 1 (or a percentage), got "${v}"`);
  return x;
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`kb: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function readLines(file: string): { line: string; n: number }[] {
  return readFile(file)
    .split(/\r?\n/)
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter((l) => l.line.length > 0);
}

if (require.main === module) {
  const code = main(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    stdin: () => fs.readFileSync(0, 'utf8'),
  });
  process.exitCode = code;
}
