/**
 * The compiled knowledge index file (`kb build … --out FILE`, read at start-up from `KNOWLEDGE_INDEX`): a
 * loaded knowledge base and the matcher's index in one file, so a start skips reading YAML, importing
 * support articles and building the matcher.
 *
 * Layout (little-endian, sections 8-byte aligned so typed arrays are read in place, without a copy):
 *
 *     PASTEFIX-KNOWLEDGE-INDEX <format> <crc32 of the rest, hex> <bytes of the rest>\n
 *     {header JSON: what it was built from, and where each section lies}   (padded with spaces)\n
 *     sections: the articles, problems and lexicon as JSON; the matcher's index as JSON with its
 *     typed arrays stored as raw bytes
 *
 * Every JSON section is ASCII (other characters written as \u escapes): read as Latin-1 it becomes a
 * one-byte string, three times faster to make than decoding UTF-8 and half the memory of the two-byte
 * string a single umlaut would give the whole text. Of each article only its id and languages (what a
 * start reads of every article) are in the `articles` section, with the names of its fields; the rest
 * (title, symptoms, steps, …) is its own JSON object in `bodies`, parsed the first time one of those
 * fields is read: matching reads them only for the few articles a paste brings up, the bot for the one it
 * answers with. A start parses a few hundred KB of JSON, not the whole knowledge base.
 *
 * A file that is damaged (checksum, truncated), of another format, or stale (a source newer than the
 * file, sources added or removed, other knowledge paths, built by another build of PasteFix) is not
 * used: `readKnowledgeIndex` says why, and the caller loads the sources as if there were no file. This
 * module knows nothing of the matcher: its part is opaque plain data (src/matching/compiled.ts fills it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { createHash } from 'node:crypto';
import { listFiles } from './files';
import type { LexiconEntry } from './lexicon';
import type { KnowledgeBase } from './load';
import { RAW_ARTICLE_EXTENSIONS, YAML_EXTENSIONS } from './sources';
import type { Article, KnowledgeProblem } from './types';

/** The file format's version: raised with every change to the layout or the header. */
export const INDEX_FORMAT = 3;
const MAGIC = 'PASTEFIX-KNOWLEDGE-INDEX';

/** What a compiled index holds besides its header. */
export interface IndexContents {
  /** The knowledge base as loaded from the sources, problems included (the service logs them as if it loaded them). */
  kb: KnowledgeBase;
  /** The matcher's index: plain data (JSON values and typed arrays); stored and returned as is. */
  matcher: unknown;
}

export interface IndexIdentity {
  /** The knowledge paths, absolute, in load order (KNOWLEDGE_PATHS, `--kb`). */
  paths: readonly string[];
  /** Identifies the code that loads and matches: an index built by other code is not used (see codeFingerprint). */
  code: string;
}

type SectionType = 'json' | 'i32' | 'f64' | 'u8';

interface Section {
  type: SectionType;
  offset: number;
  length: number;
}

export interface Header {
  /** When and by what it was built (for people reading the file's head). */
  created: string;
  code: string;
  paths: string[];
  /** The source files it was built from: how many, and a hash of their names in load order. */
  files: number;
  filesHash: string;
  /** The articles' heads, in order: `{ keys, heads }`, see ArticleHeads (the rest of each article is in `bodies`). */
  articles: Section;
  /** Per article the fields not in its head, one JSON object after another (an article of head fields only has none). */
  bodies: Section;
  /** i32 byte offsets into `bodies`: article i's body is `bodyOffsets[i]` … `bodyOffsets[i + 1]`. */
  bodyOffsets: Section;
  problems: Section;
  lexicon: Section;
  /** The matcher's part as JSON; a typed array in it stands as `{"$section": n}`, n indexing `binary`. */
  matcher: Section;
  binary: Section[];
}

export type IndexRead = { ok: true; contents: IndexContents; files: number } | { ok: false; reason: string };

/** File endings of the knowledge sources the service reads (YAML articles, lexicon files, raw support articles). */
const SOURCE_EXTENSIONS = [...YAML_EXTENSIONS, ...RAW_ARTICLE_EXTENSIONS];

/**
 * Writes the index file: to a temporary file beside it, then renamed over it, so a service starting at the same
 * time reads the old file or the new one, never half of one. Returns its size and the number of source files.
 */
export function writeKnowledgeIndex(file: string, identity: IndexIdentity, contents: IndexContents): { bytes: number; files: number } {
  const sources = listSources(identity.paths);
  const chunks: Buffer[] = [];
  let offset = 0;
  const add = (type: SectionType, bytes: Buffer): Section => {
    const section = { type, offset, length: bytes.length };
    const pad = (8 - (bytes.length % 8)) % 8;
    chunks.push(bytes, Buffer.alloc(pad));
    offset += bytes.length + pad;
    return section;
  };
  const json = (value: unknown) => add('json', asciiJson(value));
  const { kb } = contents;
  const keySets = new Map<string, number>();
  const split = kb.articles.map((a) => splitArticle(a, keySets));
  const articles = json({
    keys: [...keySets.keys()].map((k) => JSON.parse(k) as string[]),
    heads: split.map((a) => a.head),
  } satisfies ArticleHeads);
  const bodyTexts = split.map((a) => (a.body ? asciiJson(a.body) : Buffer.alloc(0)));
  const offsets = new Int32Array(bodyTexts.length + 1);
  bodyTexts.forEach((b, i) => (offsets[i + 1] = offsets[i] + b.length));
  const bodies = add('json', Buffer.concat(bodyTexts));
  const bodyOffsets = add('i32', Buffer.from(offsets.buffer));
  const problems = json(kb.problems);
  const lexicon = json(kb.lexicon ?? []);
  const binary: Section[] = [];
  const skeleton = pack(contents.matcher, (array) => {
    const type: SectionType = array instanceof Int32Array ? 'i32' : array instanceof Float64Array ? 'f64' : 'u8';
    binary.push(add(type, Buffer.from(array.buffer, array.byteOffset, array.byteLength)));
    return binary.length - 1;
  });
  const matcher = json(skeleton);
  const header: Header = {
    created: new Date().toISOString(),
    code: identity.code,
    paths: [...identity.paths],
    files: sources.files.length,
    filesHash: sources.filesHash,
    articles,
    bodies,
    bodyOffsets,
    problems,
    lexicon,
    matcher,
    binary,
  };
  const body = Buffer.concat(chunks);
  // The header line is padded so the sections start 8-byte aligned in the file.
  let headerLine = JSON.stringify(header);
  const rest = (text: string) => Buffer.from(`${text}\n`, 'utf8');
  while (rest(headerLine).length % 8) headerLine += ' ';
  const checked = Buffer.concat([rest(headerLine), body]);
  const first = Buffer.from(`${MAGIC} ${INDEX_FORMAT} ${crc32(checked).toString(16).padStart(8, '0')} ${checked.length}\n`, 'utf8');
  const padFirst = Buffer.alloc((8 - (first.length % 8)) % 8, ' ');
  // The first line is padded too (spaces before its newline), keeping the rest aligned.
  const firstLine = Buffer.concat([first.subarray(0, first.length - 1), padFirst, Buffer.from('\n')]);
  const temp = `${file}.${process.pid}.tmp`;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  try {
    fs.writeFileSync(temp, Buffer.concat([firstLine, checked]));
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  return { bytes: firstLine.length + checked.length, files: sources.files.length };
}

/**
 * Reads an index file for the knowledge `identity.paths` name. Never throws: a file that can't be used
 * gives `{ ok: false, reason }`, the reason in a few words a person can act on.
 */
export function readKnowledgeIndex(file: string, identity: IndexIdentity): IndexRead {
  const checked = checkKnowledgeIndex(file, identity);
  return checked.ok ? decodeKnowledgeIndex(checked) : checked;
}

/** An index file that is sound and up to date, not yet decoded: its header and the bytes of its sections. */
export interface CheckedIndex {
  ok: true;
  header: Header;
  /** The sections, `header`'s offsets counted from its start (its byte offset keeps their 8-byte alignment). */
  body: Buffer;
  /**
   * The `bodies` section's bytes in a buffer of their own, which the knowledge base keeps (a view into `body` would
   * keep the whole file alive). The worker thread copies them beside the main thread's work; absent: copied on decoding.
   */
  bodies?: Buffer;
}

export type IndexCheck = CheckedIndex | { ok: false; reason: string };

/**
 * The part of reading an index that is I/O and hashing, not decoding: reads the file, checks its checksum,
 * format and header, and that no source is newer and none was added or removed (a stat of every source file).
 * It runs in a worker thread at start-up, while the main thread loads the service's modules (indexThread.ts).
 */
export function checkKnowledgeIndex(file: string, identity: IndexIdentity): IndexCheck {
  let data: Buffer;
  let built: number;
  try {
    built = fs.statSync(file).mtimeMs;
    data = fs.readFileSync(file);
  } catch (err) {
    return { ok: false, reason: `cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  const newline = data.indexOf(10);
  const first = data.toString('latin1', 0, newline < 0 ? Math.min(data.length, 200) : newline).trimEnd();
  const [magic, format, checksum, length] = first.split(' ');
  if (magic !== MAGIC) return { ok: false, reason: 'not a PasteFix knowledge index' };
  if (format !== String(INDEX_FORMAT))
    return { ok: false, reason: `format version ${format}, this PasteFix reads version ${INDEX_FORMAT}` };
  const checked = data.subarray(newline + 1);
  if (checked.length !== Number(length))
    return { ok: false, reason: `truncated or padded: ${checked.length} bytes where ${length} were written` };
  if (crc32(checked).toString(16).padStart(8, '0') !== checksum) return { ok: false, reason: 'damaged: checksum mismatch' };
  if (os.endianness() !== 'LE') return { ok: false, reason: 'this machine is big-endian; the index holds little-endian numbers' };

  let header: Header;
  const headerEnd = checked.indexOf(10);
  try {
    header = JSON.parse(checked.toString('utf8', 0, headerEnd)) as Header;
  } catch {
    return { ok: false, reason: 'damaged: unreadable header' };
  }
  if (header.code !== identity.code) return { ok: false, reason: 'built by another build of PasteFix (rebuild it with this one)' };
  if (JSON.stringify(header.paths) !== JSON.stringify(identity.paths))
    return { ok: false, reason: `built from other knowledge paths (${header.paths.join(', ')}), not ${identity.paths.join(', ')}` };
  const sources = listSources(identity.paths);
  const newer = sources.newest && sources.newest.mtimeMs > built ? sources.newest.path : undefined;
  if (newer) return { ok: false, reason: `stale: ${newer} is newer than the index` };
  if (sources.filesHash !== header.filesHash)
    return {
      ok: false,
      reason: `stale: source files were added or removed (${sources.files.length} now, ${header.files} when it was built)`,
    };
  return { ok: true, header, body: checked.subarray(headerEnd + 1) };
}

/** The knowledge base and the matcher's data of a checked index file. Never throws (see `readKnowledgeIndex`). */
export function decodeKnowledgeIndex({ header, body: read, bodies: ownBodies }: CheckedIndex): IndexRead {
  let body = read;
  // Typed arrays are read in place, which needs the sections 8-byte aligned in memory too: else copy once.
  if (body.byteOffset % 8) body = Buffer.from(new Uint8Array(body).buffer);
  const text = (s: Section) => body.toString('latin1', s.offset, s.offset + s.length);
  const array = (n: number): TypedArray => {
    const s = header.binary[n];
    const start = body.byteOffset + s.offset;
    if (s.type === 'i32') return new Int32Array(body.buffer, start, s.length / 4);
    if (s.type === 'f64') return new Float64Array(body.buffer, start, s.length / 8);
    return new Uint8Array(body.buffer, start, s.length);
  };
  try {
    const { keys, heads } = JSON.parse(text(header.articles)) as ArticleHeads;
    const offsets = new Int32Array(body.buffer, body.byteOffset + header.bodyOffsets.offset, header.bodyOffsets.length / 4);
    if (offsets.length !== heads.length + 1 || offsets[heads.length] !== header.bodies.length)
      throw new Error(`${heads.length} articles, ${offsets.length - 1} bodies of ${offsets[offsets.length - 1]} bytes`);
    const bodies = ownBodies ?? bodiesOf({ header, body });
    if (bodies.length !== header.bodies.length) throw new Error(`bodies of ${bodies.length} bytes, ${header.bodies.length} written`);
    const articles = heads.map((head, i) => lazyArticle(keys[head[0]], head, bodies, offsets[i], offsets[i + 1]));
    const kb: KnowledgeBase = {
      articles,
      byId: new Map(articles.map((a) => [a.id, a])),
      problems: JSON.parse(text(header.problems)) as KnowledgeProblem[],
      lexicon: JSON.parse(text(header.lexicon)) as LexiconEntry[],
    };
    return { ok: true, contents: { kb, matcher: unpack(JSON.parse(text(header.matcher)), array) }, files: header.files };
  } catch (err) {
    // The checksum matched, so this is a file written wrongly, not damaged on the way.
    return { ok: false, reason: `unreadable: ${(err as Error).message}` };
  }
}

/** The source files of `paths` as the service loads them, their newest file or folder, and a hash of their names. */
function listSources(paths: readonly string[]): { files: string[]; newest?: { path: string; mtimeMs: number }; filesHash: string } {
  let newest: { path: string; mtimeMs: number } | undefined;
  const files = listFiles(
    paths,
    SOURCE_EXTENSIONS,
    () => {},
    (entry, stat) => {
      if (!newest || stat.mtimeMs > newest.mtimeMs) newest = { path: entry, mtimeMs: stat.mtimeMs };
    },
  );
  return { files, newest, filesHash: createHash('sha256').update(files.join('\n')).digest('hex') };
}

/**
 * What a start reads of every article (Matcher: the ids' order, which languages articles lack; the knowledge base's
 * map by id). The other fields are read only for the articles a paste brings up, or the one answered with.
 */
const HEAD_FIELDS: ReadonlySet<string> = new Set(['id', 'languages']);

/**
 * The `articles` section. `keys`: each distinct list of an article's field names, in order; `heads`: per article
 * the index of its list in `keys`, then the values of its head fields (HEAD_FIELDS) in the list's order.
 */
interface ArticleHeads {
  keys: string[][];
  heads: [number, ...unknown[]][];
}

function splitArticle(article: Article, keySets: Map<string, number>): { head: [number, ...unknown[]]; body?: Record<string, unknown> } {
  const fields = Object.entries(article).filter(([, v]) => v !== undefined);
  const names = JSON.stringify(fields.map(([k]) => k));
  let set = keySets.get(names);
  if (set === undefined) keySets.set(names, (set = keySets.size));
  const head: [number, ...unknown[]] = [set];
  const rest = fields.filter(([k, v]) => (HEAD_FIELDS.has(k) ? (head.push(v), false) : true));
  return { head, body: rest.length ? Object.fromEntries(rest) : undefined };
}

/** The `bodies` section's bytes copied out of the file's buffer (a view would keep all of it alive). */
export function bodiesOf({ header, body }: Pick<CheckedIndex, 'header' | 'body'>): Buffer {
  return Buffer.from(body.subarray(header.bodies.offset, header.bodies.offset + header.bodies.length));
}

/** Where each lazily read article's other fields lie (kept beside the article, not in it: its keys stay the article's own). */
const bodyOf = new WeakMap<object, { text: Buffer; from: number; to: number }>();

/**
 * An article with its fields in the order written: the head fields as values, the others as getters (enumerable, so
 * JSON.stringify, spreading and deep comparisons see them as plain fields) that parse its body on the first read
 * and turn all of them into plain fields.
 */
function lazyArticle(keys: readonly string[], head: readonly unknown[], text: Buffer, from: number, to: number): Article {
  const article: Record<string, unknown> = {};
  let value = 1;
  for (const key of keys) {
    if (HEAD_FIELDS.has(key)) article[key] = head[value++];
    else Object.defineProperty(article, key, bodyGetter(key));
  }
  if (to > from) bodyOf.set(article, { text, from, to });
  return article as unknown as Article;
}

const bodyGetters = new Map<string, PropertyDescriptor>();

function bodyGetter(field: string): PropertyDescriptor {
  let getter = bodyGetters.get(field);
  if (!getter) {
    getter = {
      enumerable: true,
      configurable: true,
      get(this: object) {
        return readBody(this)[field];
      },
      set(this: object, value: unknown) {
        readBody(this);
        (this as Record<string, unknown>)[field] = value;
      },
    };
    bodyGetters.set(field, getter);
  }
  return getter;
}

function readBody(article: object): Record<string, unknown> {
  const where = bodyOf.get(article);
  // A field named in the head but without a body can only come from a file written wrongly: the field reads undefined.
  const body = where ? (JSON.parse(where.text.toString('latin1', where.from, where.to)) as Record<string, unknown>) : {};
  bodyOf.delete(article);
  for (const field of Object.keys(article))
    if (Object.getOwnPropertyDescriptor(article, field)?.get)
      Object.defineProperty(article, field, { value: body[field], enumerable: true, configurable: true, writable: true });
  return body;
}

/** `value` as JSON in ASCII: every other character as a \u escape (JSON.parse reads it back the same). */
function asciiJson(value: unknown): Buffer {
  return Buffer.from(
    JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    'latin1',
  );
}

type TypedArray = Int32Array | Float64Array | Uint8Array;

/** A copy of `value` with each typed array replaced by `{ $section: n }`, n from `store`. */
function pack(value: unknown, store: (array: TypedArray) => number): unknown {
  if (value instanceof Int32Array || value instanceof Float64Array || value instanceof Uint8Array) return { $section: store(value) };
  if (ArrayBuffer.isView(value)) throw new Error(`knowledge index: unsupported typed array ${value.constructor.name}`);
  if (Array.isArray(value)) return value.map((v) => pack(v, store));
  if (value && typeof value === 'object') {
    if (Object.getPrototypeOf(value) !== Object.prototype) throw new Error(`knowledge index: not plain data: ${value.constructor.name}`);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pack(v, store)]));
  }
  return value;
}

/** Puts the typed arrays back where `pack` took them out (in place: the parsed JSON is fresh). */
function unpack(value: unknown, array: (n: number) => TypedArray): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = unpack(value[i], array);
    return value;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.$section === 'number') return array(o.$section);
    for (const k of Object.keys(o)) o[k] = unpack(o[k], array);
  }
  return value;
}

/**
 * A fingerprint of the code in `dirs` (their .js files, recursively): an index built by other code — another
 * release, another build of the matcher — holds structures this code may read differently.
 */
export function codeFingerprint(dirs: readonly string[]): string {
  const hash = createHash('sha256');
  const walk = (root: string, dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) walk(root, full);
      else if (name.endsWith('.js')) hash.update(`${path.relative(root, full)}\0`).update(fs.readFileSync(full));
    }
  };
  for (const dir of dirs) walk(dir, dir);
  return hash.digest('hex');
}
