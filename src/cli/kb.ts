#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importToDirectory } from '../knowledge/import/directory';
import { BUILTIN_KNOWLEDGE, formatProblem, loadKnowledge, type KnowledgeBase } from '../knowledge/load';
import type { KnowledgeProblem } from '../knowledge/types';
import { Matcher } from '../matching/matcher';
import type { MatchResult } from '../matching/types';
import { evaluate, parseLabelled, type EvalReport } from './evaluate';
import { FEEDBACK_FILE, readFeedbackLog } from '../bot/feedbackLog';
import { formatGaps, summarizeGaps } from '../bot/gaps';
import { diagnose, diagnosisJson, diagnosisText } from './diagnose';
import { errorVocabulary, formatVocabulary } from './vocab';

/**
 * `kb` — the knowledge base from a terminal. Other tools script against it, so its output is a contract:
 * exit 0 on success whatever the decision, 2 with a one-line message on bad usage or invalid knowledge,
 * 1 when `eval` falls below its thresholds.
 */

const USAGE = `usage:
  kb validate [--kb PATH]...
  kb import SRC... --out DIR
  kb match [--kb PATH]... [--lang de|en] [--json] [TEXT]      (reads stdin without TEXT)
  kb match --batch FILE [--json] [--kb PATH]...
  kb eval FILE [--kb PATH]... [--min-right R] [--max-false F] [--verbose]
  kb gaps [--data DIR] [--top N] [--json]                     (DIR default: $DATA_DIR or ./data)
  kb diagnose [--json] [TEXT]                                 (TLS configuration; reads stdin without TEXT)
  kb vocab [--kb PATH]... [--top N] [--missing] [--json]      (error words and the lexicon's coverage)`;

/** Bad usage or invalid knowledge: exit 2 with this one-line message. */
class UsageError extends Error {}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: () => string;
}

export function main(argv: string[], io: Io): number {
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
      case 'gaps':
        return gapsCommand(rest, io);
      case 'diagnose':
        return diagnoseCommand(rest, io);
      case 'vocab':
        return vocabCommand(rest, io);
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

const kbOption = { kb: { type: 'string', multiple: true } } as const;

/** `--kb` paths, or the built-in knowledge; with the problems that are errors (not warnings). */
function loadFromOption(paths: string[] | undefined): { kb: KnowledgeBase; errors: KnowledgeProblem[] } {
  const kb = loadKnowledge(paths?.length ? paths : [BUILTIN_KNOWLEDGE]);
  return { kb, errors: kb.problems.filter((p) => p.severity !== 'warning') };
}

/** Loads `--kb` paths (or the built-in knowledge); any invalid file is a UsageError naming the first problem. */
function openKnowledge(paths: string[] | undefined): KnowledgeBase {
  const { kb, errors } = loadFromOption(paths);
  if (errors.length) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more; see kb validate)` : '';
    throw new UsageError(`kb: invalid knowledge: ${formatProblem(errors[0])}${more}`);
  }
  return kb;
}

function validate(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: kbOption, strict: true });
  const { kb, errors } = loadFromOption(values.kb);
  for (const p of kb.problems) io.err(`${p.severity === 'warning' ? 'warning' : 'error'}: ${formatProblem(p)}`);
  const files = new Set(errors.map((p) => p.file)).size;
  io.out(`${kb.articles.length} articles valid, ${errors.length} errors in ${files} files`);
  return errors.length ? 2 : 0;
}

function importCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, options: { out: { type: 'string' } }, allowPositionals: true, strict: true });
  if (!positionals.length) throw new UsageError('kb: import needs at least one SRC file or folder');
  if (!values.out) throw new UsageError('kb: import needs --out DIR');
  const result = importToDirectory(positionals, values.out);
  for (const p of result.problems) io.err(`${p.severity === 'warning' ? 'warning' : 'note'}: ${formatProblem(p)}`);
  io.out(`${result.written.length} articles written to ${values.out}`);
  return 0;
}

function match(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: { ...kbOption, lang: { type: 'string' }, json: { type: 'boolean' }, batch: { type: 'string' } },
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
    const matcher = new Matcher(openKnowledge(values.kb));
    lines.forEach(({ line, n }) => {
      let item: { id?: unknown; text?: unknown };
      try {
        item = JSON.parse(line);
      } catch {
        throw new UsageError(`kb: ${values.batch}:${n}: not valid JSON`);
      }
      if (typeof item.text !== 'string') throw new UsageError(`kb: ${values.batch}:${n}: text: must be a string`);
      const r = matcher.match(item.text, { lang });
      io.out(JSON.stringify({ id: item.id ?? null, decision: r.decision, matches: jsonMatches(r) }));
    });
    return 0;
  }
  const text = positionals.length ? positionals.join(' ') : io.stdin();
  const r = new Matcher(openKnowledge(values.kb)).match(text, { lang });
  io.out(values.json ? JSON.stringify({ decision: r.decision, matches: jsonMatches(r) }) : describe(r));
  return 0;
}

function jsonMatches(r: MatchResult) {
  return r.matches.map((m) => ({ article: m.article, symptom: m.symptom, score: m.score, title: m.title }));
}

function describe(r: MatchResult): string {
  const head = { answer: 'answer', clarify: 'clarify: which one is it?', none: 'none: no article fits' }[r.decision];
  const rows = r.matches.map((m, i) => `  ${i + 1}. ${m.article}${m.symptom ? ` #${m.symptom}` : ''}  ${m.score.toFixed(2)}  ${m.title}`);
  return [head + (r.truncated ? ' (long paste: matched its error lines only)' : ''), ...rows].join('\n');
}

function evalCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    options: { ...kbOption, 'min-right': { type: 'string' }, 'max-false': { type: 'string' }, verbose: { type: 'boolean' }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError('kb: eval needs exactly one FILE');
  const minRight = fraction(values['min-right'], '--min-right', 0);
  const maxFalse = fraction(values['max-false'], '--max-false', 1);
  let set;
  try {
    set = parseLabelled(readFile(positionals[0]), positionals[0]);
  } catch (err) {
    throw new UsageError(`kb: ${(err as Error).message}`);
  }
  const matcher = new Matcher(openKnowledge(values.kb));
  const report = evaluate(set, (text) => {
    const r = matcher.match(text);
    return { decision: r.decision, ranked: r.matches.map((m) => m.article) };
  });
  io.out(values.json ? JSON.stringify({ ...report, failures: report.failures.length }) : formatReport(report, values.verbose ?? false));
  const pass = report.rightRate >= minRight && report.falseRate <= maxFalse;
  if (!pass) io.err(`kb: eval below thresholds (right ${pct(report.rightRate)} < ${pct(minRight)} or false ${pct(report.falseRate)} > ${pct(maxFalse)})`);
  return pass ? 0 : 1;
}

/** The most frequent unmatched or unhelpful pastes from the bot's feedback log: the articles to write next. */
function gapsCommand(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, top: { type: 'string' }, json: { type: 'boolean' } }, strict: true });
  const file = path.join(path.resolve(values.data ?? process.env.DATA_DIR ?? 'data'), FEEDBACK_FILE);
  const top = values.top === undefined ? 20 : Number(values.top);
  if (!Number.isInteger(top) || top < 1) throw new UsageError(`kb: --top must be a whole number from 1, got "${values.top}"`);
  if (!fs.existsSync(file)) {
    io.out(`No feedback log at ${file} yet: nothing recorded.`);
    return 0;
  }
  const { entries, badLines } = readFeedbackLog(file);
  const gaps = summarizeGaps(entries, { top });
  io.out(values.json ? JSON.stringify({ file, entries: entries.length, badLines, gaps }) : formatGaps(gaps).trimEnd());
  if (badLines > 0 && !values.json) io.err(`kb: skipped ${badLines} unreadable line(s) in ${file}`);
  return 0;
}

/** The TLS configuration diagnosis of a pasted configuration (exit 0 whatever it finds). */
function diagnoseCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  const text = positionals.length ? positionals.join(' ') : io.stdin();
  const d = diagnose(text);
  io.out(values.json ? JSON.stringify(diagnosisJson(d)) : diagnosisText(d));
  return 0;
}

/** The error vocabulary of the knowledge base, most used first, and which of it the lexicon covers. */
function vocabCommand(args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { ...kbOption, top: { type: 'string' }, missing: { type: 'boolean' }, json: { type: 'boolean' } }, strict: true });
  const top = values.top === undefined ? 50 : Number(values.top);
  if (!Number.isInteger(top) || top < 1) throw new UsageError(`kb: --top must be a whole number from 1, got "${values.top}"`);
  const rows = errorVocabulary(openKnowledge(values.kb));
  io.out(values.json ? JSON.stringify(rows.slice(0, top)) : formatVocabulary(rows, top, values.missing ?? false));
  return 0;
}

function formatReport(r: EvalReport, verbose: boolean): string {
  const lines = [
    `pastes:         ${r.total}`,
    `right:          ${r.right} (${pct(r.rightRate)})`,
    `clarified:      ${r.clarified}`,
    `false answers:  ${r.falseAnswers} (${pct(r.falseRate)})`,
    `missed:         ${r.missed}`,
    `MRR:            ${r.mrr.toFixed(3)}`,
  ];
  if (verbose) {
    for (const f of r.failures) {
      const label = f.paste.id ?? f.paste.text.replace(/\s+/g, ' ').slice(0, 80);
      lines.push(`  ✗ ${label}\n    expected [${f.paste.expect.join(', ')}], got ${f.outcome.decision} [${f.outcome.ranked.slice(0, 3).join(', ')}]`);
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
  if (!Number.isFinite(x) || x < 0 || x > 1) throw new UsageError(`kb: ${flag} must be a fraction from 0 to 1 (or a percentage), got "${v}"`);
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
