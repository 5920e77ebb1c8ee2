/**
 * Article → YAML text in the format of knowledge/ (the schema in schema.ts reads it back):
 * keys in the documented order, prose as block scalars wrapped for reading, error texts,
 * commands and URLs as one-line strings so they can be compared and copied letter for letter.
 */
import YAML, { isScalar, type Scalar } from 'yaml';
import type { Article, Command, Localized, Placeholder, Product, Reference, Source, Step, Symptom } from './types';

/** Prose longer than this becomes a block scalar. */
const BLOCK_FROM = 80;
/** Folded block lines are wrapped near this width. */
const WRAP_AT = 100;

/** The YAML file for an article; parsing it gives back an equal article. */
export function articleToYaml(article: Article): string {
  const doc = new YAML.Document(ordered(article));
  YAML.visit(doc, {
    Pair(_, pair) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      // prose: the texts of Localized maps (errors and keywords are lists, not texts) and source.title
      if (key === 'de' || key === 'en' || key === 'title') markProse(pair.value);
    },
  });
  const text = doc.toString({ lineWidth: 0, indent: 2, indentSeq: true });
  return wrapFoldedBlocks(text);
}

function markProse(node: unknown): void {
  if (!isScalar(node) || typeof node.value !== 'string') return;
  const value = node.value;
  const scalar = node as Scalar;
  if (/\t|[^\S\n ]/.test(value) || /^\s|\s$/.test(value)) return; // let the library quote what blocks cannot hold
  if (value.includes('\n')) scalar.type = 'BLOCK_LITERAL';
  else if (value.length > BLOCK_FROM) scalar.type = 'BLOCK_FOLDED';
}

/**
 * Wraps the long lines of folded (`>`) blocks at single spaces. In a folded block a line
 * break between two lines that start without a space reads as one space, so the value
 * is unchanged; the library itself is told not to wrap (lineWidth 0) so that error texts
 * and commands stay on one line.
 */
function wrapFoldedBlocks(text: string): string {
  const out: string[] = [];
  let blockIndent = -1;
  let contentIndent = -1;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent >= 0) {
      if (line.trim() && indent <= blockIndent) {
        blockIndent = -1;
      } else {
        if (contentIndent < 0 && line.trim()) contentIndent = indent;
        if (line.trim() && indent === contentIndent && line.length > WRAP_AT) {
          out.push(...wrapLine(line.slice(indent), WRAP_AT - indent).map((part) => ' '.repeat(indent) + part));
          continue;
        }
        out.push(line);
        continue;
      }
    }
    out.push(line);
    if (/(?:^|\s|:|-)>[-+]?\d?$/.test(line.trimEnd())) {
      blockIndent = indent;
      contentIndent = -1;
    }
  }
  return out.join('\n');
}

function wrapLine(line: string, width: number): string[] {
  const parts: string[] = [];
  let rest = line;
  while (rest.length > width) {
    let cut = -1;
    for (let i = Math.min(width, rest.length - 2); i > 0; i--) {
      if (rest[i] === ' ' && rest[i - 1] !== ' ' && rest[i + 1] !== ' ') {
        cut = i;
        break;
      }
    }
    if (cut < 0) {
      // no single space before the width: take the first one after it
      for (let i = width + 1; i < rest.length - 1; i++) {
        if (rest[i] === ' ' && rest[i - 1] !== ' ' && rest[i + 1] !== ' ') {
          cut = i;
          break;
        }
      }
    }
    if (cut < 0) break;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut + 1);
  }
  parts.push(rest);
  return parts;
}

// ---------------------------------------------------------------- key order

function ordered(a: Article): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: a.id,
    title: loc(a.title),
    languages: [...a.languages],
    products: a.products.map(product),
    symptoms: a.symptoms.map(symptom),
    cause: loc(a.cause),
    affects: a.affects.map(loc),
    steps: a.steps.map(step),
    references: a.references.map(reference),
  };
  if (a.source) out.source = source(a.source);
  return out;
}

function loc(text: Localized): Localized {
  const out: Localized = {};
  if (text.en !== undefined) out.en = text.en;
  if (text.de !== undefined) out.de = text.de;
  return out;
}

function perLang<T>(value: Partial<Record<'de' | 'en', T[]>>): Partial<Record<'de' | 'en', T[]>> {
  const out: Partial<Record<'de' | 'en', T[]>> = {};
  if (value.en !== undefined) out.en = [...value.en];
  if (value.de !== undefined) out.de = [...value.de];
  return out;
}

function product(p: Product): Product {
  return { name: p.name, versions: [...p.versions] };
}

function symptom(s: Symptom): Symptom {
  const out: Symptom = { id: s.id, description: loc(s.description), errors: perLang(s.errors) };
  if (s.keywords) out.keywords = perLang(s.keywords);
  return out;
}

function step(s: Step): Step {
  const out: Step = { text: loc(s.text) };
  if (s.commands && s.commands.length > 0) out.commands = s.commands.map(command);
  return out;
}

function command(c: Command): Command {
  const out: Command = { shell: c.shell, code: c.code };
  if (c.placeholders && c.placeholders.length > 0) out.placeholders = c.placeholders.map(placeholder);
  return out;
}

function placeholder(p: Placeholder): Placeholder {
  return { name: p.name, description: loc(p.description) };
}

function reference(r: Reference): Reference {
  return { title: loc(r.title), url: r.url };
}

function source(s: Source): Source {
  const out: Source = { title: s.title };
  if (s.url !== undefined) out.url = s.url;
  if (s.license !== undefined) out.license = s.license;
  return out;
}
