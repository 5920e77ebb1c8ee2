/**
 * The compiled knowledge index file (`kb build … --out FILE`, read at start-up from `KNOWLEDGE_INDEX`): a
 * loaded knowledge base and the matcher's index in one file, so a start skips reading YAML, importing
 * support articles and building the matcher.
 *
 * Layout (little-endian, sections 8-byte aligned so typed arrays are read in place, without a copy):
 *
 *     PASTEFIX-KNOWLEDGE-INDEX <format> <crc32 of the rest, hex> <bytes of the rest>\n
 *     {header JSON: what it was built from, and where each section lies}   (padded with spaces)\n
 *     sections: the articles' heads, problems, lexicon and the matcher's index as JSON; the matcher's typed
 *     arrays (and where each article's body lies) as raw bytes; last the articles' bodies
 *
 * Every JSON section is ASCII (other characters written as \u escapes): read as Latin-1 it becomes a
 * one-byte string, three times faster to make than decoding UTF-8 and half the memory of the two-byte
 * string a single umlaut would give the whole text. Of each article only its id and languages (what a
 * start reads of every article) are in the `articles` section, with the names of its fields; the rest
 * (title, symptoms, steps, …) is its own JSON object in `bodies`, parsed the first time one of those
 * fields is read: matching reads them only for the few articles a paste brings up, the bot for the one it
 * answers with. A start parses a few hundred KB of JSON, not the whole knowledge base, and reads the
 * bodies (three fifths of the file at 10,000 articles) only to checksum them, through one small buffer: they
 * stay in the file, kept open, and each is read from it when first needed (and checked against its own crc32).
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
import { asciiJson } from './packedArticles';
import { RAW_ARTICLE_EXTENSIONS, YAML_EXTENSIONS } from './sources';
import type { Article, KnowledgeProblem } from './types';

/** The file format's version: raised with every change to the layout or the header. */
export const INDEX_FORMAT = 4;
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
  /** Counted from the end of the header line. */
  offset: number;
  length: number;
}

/**
 * The sections lie in three runs, in this order: the JSON ones (`articles`, `problems`, `lexicon`, `matcher`) up to
 * `jsonEnd`, the typed arrays (`bodyOffsets`, `bodyChecks`, `binary`) up to `binaryEnd`, then `bodies` to the end.
 * A start reads the first two runs into a buffer each and only checksums the third, which stays in the file.
 */
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
  problems: Section;
  lexicon: Section;
  /** The matcher's part as JSON; a typed array in it stands as `{"$section": n}`, n indexing `binary`. */
  matcher: Section;
  /** i32 byte offsets into `bodies`: article i's body is `bodyOffsets[i]` … `bodyOffsets[i + 1]`. */
  bodyOffsets: Section;
  /** i32 per article: the crc32 of its body, checked when the body is read. */
  bodyChecks: Section;
  binary: Section[];
  /** Per article the fields not in its head, one JSON object after another (an article of head fields only has none). */
  bodies: Section;
  jsonEnd: number;
  binaryEnd: number;
}

export type IndexRead = { ok: true; contents: IndexContents; files: number } | { ok: false; reason: string };

/** File endings of the knowledge sources the service reads (YAML articles, lexicon files, raw support articles). */
const SOURCE_EXTENSIONS = [...YAML_EXTENSIONS, ...RAW_ARTICLE_EXTENSIONS];

/** Sections written one after another, each padded to 8 bytes; offsets counted from the run's start until `place`d. */
class Run {
  readonly chunks: Buffer[] = [];
  readonly sections: Section[] = [];
  length = 0;

  add(type: SectionType, bytes: Buffer): Section {
    const section = { type, offset: this.length, length: bytes.length };
    const pad = (8 - (bytes.length % 8)) % 8;
    this.chunks.push(bytes, Buffer.alloc(pad));
    this.length += bytes.length + pad;
    this.sections.push(section);
    return section;
  }

  /** Moves the sections to their place in the file: the run starts `at` bytes after the header line. */
  place(at: number): void {
    for (const s of this.sections) s.offset += at;
  }
}

/**
 * Writes the index file: to a temporary file beside it, then renamed over it, so a service starting at the same
 * time reads the old file or the new one, never half of one (and one that has read the old file keeps reading its
 * articles from it). Returns its size and the number of source files.
 */
export function writeKnowledgeIndex(file: string, identity: IndexIdentity, contents: IndexContents): { bytes: number; files: number } {
  const sources = listSources(identity.paths);
  const jsonRun = new Run();
  const binaryRun = new Run();
  const bodiesRun = new Run();
  const json = (value: unknown) => jsonRun.add('json', asciiJson(value));
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
  const checks = Int32Array.from(bodyTexts, (b) => crc32(b) | 0);
  const problems = json(kb.problems);
  const lexicon = json(kb.lexicon ?? []);
  const bodyOffsets = binaryRun.add('i32', Buffer.from(offsets.buffer));
  const bodyChecks = binaryRun.add('i32', Buffer.from(checks.buffer));
  const binary: Section[] = [];
  const skeleton = pack(contents.matcher, (array) => {
    const type: SectionType = array instanceof Int32Array ? 'i32' : array instanceof Float64Array ? 'f64' : 'u8';
    binary.push(binaryRun.add(type, Buffer.from(array.buffer, array.byteOffset, array.byteLength)));
    return binary.length - 1;
  });
  const matcher = json(skeleton);
  const bodies = bodiesRun.add('json', Buffer.concat(bodyTexts));
  binaryRun.place(jsonRun.length);
  bodiesRun.place(jsonRun.length + binaryRun.length);
  const header: Header = {
    created: new Date().toISOString(),
    code: identity.code,
    paths: [...identity.paths],
    files: sources.files.length,
    filesHash: sources.filesHash,
    articles,
    problems,
    lexicon,
    matcher,
    bodyOffsets,
    bodyChecks,
    binary,
    bodies,
    jsonEnd: jsonRun.length,
    binaryEnd: jsonRun.length + binaryRun.length,
  };
  // The header line is padded so the sections start 8-byte aligned in the file.
  let headerLine = JSON.stringify(header);
  const rest = (text: string) => Buffer.from(`${text}\n`, 'utf8');
  while (rest(headerLine).length % 8) headerLine += ' ';
  const checked = Buffer.concat([rest(headerLine), ...jsonRun.chunks, ...binaryRun.chunks, ...bodiesRun.chunks]);
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

/**
 * An index file that is sound and up to date, not yet decoded: its header, the bytes of its JSON sections and of its
 * typed arrays, and the file itself, open, for the articles' bodies (read one at a time when first needed).
 */
export interface CheckedIndex {
  ok: true;
  file: string;
  header: Header;
  /** The JSON sections (`header`'s offsets as they are). */
  json: Buffer;
  /** The typed arrays, in a buffer of their own, 8-byte aligned (`header`'s offsets minus `header.jsonEnd`). */
  binary: Buffer;
  /** The open file (its descriptor: valid on every thread of the process) and where its bodies section starts in it. */
  fd: number;
  bodiesAt: number;
}

export type IndexCheck = CheckedIndex | { ok: false; reason: string };

/** Bytes a body section is checksummed in at a time, through one buffer (a fresh buffer of the file's size costs more). */
const CHUNK = 1 << 20;

/**
 * The part of reading an index that is I/O and hashing, not decoding: checks the file's checksum, format and header,
 * and that no source is newer and none was added or removed (a stat of every source file); reads the JSON sections
 * and the typed arrays, and only checksums the articles' bodies, which stay in the file (kept open when it is sound).
 * It runs in a worker thread at start-up, while the main thread loads the service's modules (indexThread.ts).
 */
export function checkKnowledgeIndex(file: string, identity: IndexIdentity): IndexCheck {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    return cannotRead(err);
  }
  const check = checkOpenKnowledgeIndex(file, fd, identity);
  if (!check.ok) fs.closeSync(fd);
  return check;
}

/**
 * `checkKnowledgeIndex` of `file` opened already as `fd` (by the main thread: a descriptor a worker thread opens is
 * closed when the thread ends). Never closes `fd`: a sound file's is the checked index's, else the caller closes it.
 */
export function checkOpenKnowledgeIndex(file: string, fd: number, identity: IndexIdentity): IndexCheck {
  try {
    return checkOpenIndex(file, fd, identity);
  } catch (err) {
    return cannotRead(err);
  }
}

function cannotRead(err: unknown): { ok: false; reason: string } {
  return { ok: false, reason: `cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
}

/** Reads `buffer.length` bytes at `position` (fewer at the end of the file); returns how many were read. */
function readAt(fd: number, buffer: Buffer, position: number): number {
  let done = 0;
  while (done < buffer.length) {
    const n = fs.readSync(fd, buffer, done, buffer.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

function checkOpenIndex(file: string, fd: number, identity: IndexIdentity): IndexCheck {
  const { size, mtimeMs: built } = fs.fstatSync(fd);
  let head = Buffer.allocUnsafe(Math.min(size, 4096));
  head = head.subarray(0, readAt(fd, head, 0));
  const newline = head.indexOf(10);
  const first = head.toString('latin1', 0, newline < 0 ? Math.min(head.length, 200) : newline).trimEnd();
  const [magic, format, checksum, length] = first.split(' ');
  if (magic !== MAGIC) return { ok: false, reason: 'not a PasteFix knowledge index' };
  if (format !== String(INDEX_FORMAT))
    return { ok: false, reason: `format version ${format}, this PasteFix reads version ${INDEX_FORMAT}` };
  const restAt = newline + 1;
  if (size - restAt !== Number(length))
    return { ok: false, reason: `truncated or padded: ${size - restAt} bytes where ${length} were written` };

  // The header line (read further while it goes on), then its runs of sections; all of it checksummed in file order.
  let headerEnd = head.indexOf(10, restAt);
  while (headerEnd < 0 && head.length < size) {
    const more = Buffer.allocUnsafe(Math.min(size, head.length * 4));
    head = more.subarray(0, readAt(fd, more, 0));
    headerEnd = head.indexOf(10, restAt);
  }
  const headerBytes = head.subarray(restAt, headerEnd < 0 ? head.length : headerEnd + 1);
  let crc = crc32(headerBytes);
  const bodyAt = restAt + headerBytes.length;
  let header: Header | undefined;
  try {
    header = headerEnd < 0 ? undefined : (JSON.parse(headerBytes.toString('utf8', 0, headerBytes.length - 1)) as Header);
  } catch {
    header = undefined;
  }
  // Runs that fit the file are read into buffers of their own; the rest is only checksummed.
  const runs =
    header &&
    Number.isSafeInteger(header.jsonEnd) &&
    Number.isSafeInteger(header.binaryEnd) &&
    header.jsonEnd >= 0 &&
    header.jsonEnd % 8 === 0 &&
    header.jsonEnd <= header.binaryEnd &&
    bodyAt + header.binaryEnd <= size
      ? { json: Buffer.allocUnsafeSlow(header.jsonEnd), binary: Buffer.allocUnsafeSlow(header.binaryEnd - header.jsonEnd) }
      : undefined;
  let at = bodyAt;
  if (runs)
    for (const run of [runs.json, runs.binary]) {
      at += readAt(fd, run, at);
      crc = crc32(run, crc);
    }
  const bodiesAt = at;
  const chunk = Buffer.allocUnsafe(Math.min(CHUNK, size - at));
  while (at < size) {
    const n = readAt(fd, chunk.subarray(0, Math.min(chunk.length, size - at)), at);
    if (n === 0) break;
    crc = crc32(chunk.subarray(0, n), crc);
    at += n;
  }
  if (at !== size || crc.toString(16).padStart(8, '0') !== checksum) return { ok: false, reason: 'damaged: checksum mismatch' };
  if (os.endianness() !== 'LE') return { ok: false, reason: 'this machine is big-endian; the index holds little-endian numbers' };
  if (!header) return { ok: false, reason: 'damaged: unreadable header' };
  if (!runs) return { ok: false, reason: 'unreadable: its sections do not fit the file' };

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
  return { ok: true, file, header, json: runs.json, binary: runs.binary, fd, bodiesAt };
}

/**
 * The knowledge base and the matcher's data of a checked index file. Never throws (see `readKnowledgeIndex`). The
 * knowledge base keeps the file open for its articles' bodies (closed when the knowledge base is collected); a file
 * that can't be decoded is closed.
 */
export function decodeKnowledgeIndex(check: CheckedIndex): IndexRead {
  const { header, json } = check;
  let { binary } = check;
  // Typed arrays are read in place, which needs them 8-byte aligned in memory too: else copy once.
  if (binary.byteOffset % 8) binary = Buffer.from(new Uint8Array(binary).buffer);
  const text = (s: Section) => json.toString('latin1', s.offset, s.offset + s.length);
  const view = (s: Section): TypedArray => {
    const start = binary.byteOffset + s.offset - header.jsonEnd;
    if (s.offset < header.jsonEnd || s.offset + s.length > header.binaryEnd) throw new Error(`a ${s.type} section outside the arrays`);
    if (s.type === 'i32') return new Int32Array(binary.buffer, start, s.length / 4);
    if (s.type === 'f64') return new Float64Array(binary.buffer, start, s.length / 8);
    return new Uint8Array(binary.buffer, start, s.length);
  };
  let kb: KnowledgeBase;
  let matcher: unknown;
  let bodies: IndexBodies | undefined;
  try {
    const { keys, heads } = JSON.parse(text(header.articles)) as ArticleHeads;
    const offsets = view(header.bodyOffsets) as Int32Array;
    const checks = view(header.bodyChecks) as Int32Array;
    if (offsets.length !== heads.length + 1 || checks.length !== heads.length || offsets[heads.length] !== header.bodies.length)
      throw new Error(`${heads.length} articles, ${offsets.length - 1} bodies of ${offsets[offsets.length - 1]} bytes`);
    if (check.bodiesAt + header.bodies.length > fs.fstatSync(check.fd).size) throw new Error('the bodies go past the end of the file');
    const problems = JSON.parse(text(header.problems)) as KnowledgeProblem[];
    const lexicon = JSON.parse(text(header.lexicon)) as LexiconEntry[];
    matcher = unpack(JSON.parse(text(header.matcher)), (n) => view(header.binary[n]));
    bodies = new IndexBodies(check.file, check.fd, check.bodiesAt, offsets, checks);
    const own = bodies;
    const articles = heads.map((head, i) => lazyArticle(keys[head[0]], head, own, i));
    kb = { articles, byId: new Map(articles.map((a) => [a.id, a])), problems, lexicon };
  } catch (err) {
    if (bodies) bodies.close();
    else fs.closeSync(check.fd);
    // The checksum matched, so this is a file written wrongly, not damaged on the way.
    return { ok: false, reason: `unreadable: ${(err as Error).message}` };
  }
  return { ok: true, contents: { kb, matcher }, files: header.files };
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

/** Closes an index file once the knowledge base reading from it is gone (hot reload replaced it). */
const closeOnCollect = new FinalizationRegistry<number>((fd) => fs.close(fd, () => {}));

/** The articles' bodies of an index file, read from the open file one article at a time (their bytes are not kept). */
class IndexBodies {
  constructor(
    private readonly file: string,
    private readonly fd: number,
    private readonly at: number,
    private readonly offsets: Int32Array,
    private readonly checks: Int32Array,
  ) {
    closeOnCollect.register(this, fd, this);
  }

  /** Article i's other fields. Throws when the file changed in place since it was checked (`kb build` renames a new file over). */
  read(i: number): Record<string, unknown> {
    const from = this.offsets[i];
    const bytes = Buffer.allocUnsafe(this.offsets[i + 1] - from);
    if (readAt(this.fd, bytes, this.at + from) !== bytes.length || (crc32(bytes) | 0) !== this.checks[i])
      throw new Error(`knowledge index ${this.file} was changed in place after it was loaded: restart the service`);
    return JSON.parse(bytes.toString('latin1')) as Record<string, unknown>;
  }

  /** Closes the file now (a knowledge base that was not made after all). */
  close(): void {
    closeOnCollect.unregister(this);
    fs.closeSync(this.fd);
  }
}

/** Where each lazily read article's other fields lie (kept beside the article, not in it: its keys stay the article's own). */
const bodyOf = new WeakMap<object, { bodies: IndexBodies; index: number }>();

/**
 * An article with its fields in the order written: the head fields as values, the others as getters (enumerable, so
 * JSON.stringify, spreading and deep comparisons see them as plain fields) that read its body on the first read
 * and turn all of them into plain fields.
 */
function lazyArticle(keys: readonly string[], head: readonly unknown[], bodies: IndexBodies, index: number): Article {
  const article: Record<string, unknown> = {};
  let value = 1;
  let rest = false;
  for (const key of keys) {
    if (HEAD_FIELDS.has(key)) article[key] = head[value++];
    else {
      Object.defineProperty(article, key, bodyGetter(key));
      rest = true;
    }
  }
  if (rest) bodyOf.set(article, { bodies, index });
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
  const body = where ? where.bodies.read(where.index) : {};
  bodyOf.delete(article);
  for (const field of Object.keys(article))
    if (Object.getOwnPropertyDescriptor(article, field)?.get)
      Object.defineProperty(article, field, { value: body[field], enumerable: true, configurable: true, writable: true });
  return body;
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
