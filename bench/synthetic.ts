/**
 * Synthetic knowledge bases of any size, grown from real articles by varying their error details —
 * server names, domains, HCW codes, exception names, status codes and the inner detail of nested
 * errors — so the result is full of realistic near-duplicates, the hard case for a matcher.
 *
 * Deterministic: the same base articles (in the same order) and seed give the same articles on
 * every run. Only error texts, titles and symptom descriptions vary; cause, steps and references
 * are shared with the base article (they are not searched by the matcher or the baselines).
 */
import type { Article, Localized, Symptom } from '../src/knowledge/types';
import { createRandom, type Random } from './random';

/** Default seed; changing it changes every synthetic article (and so the benchmark's numbers). */
export const SYNTHETIC_SEED = 20261128;

/** Inner details that real Exchange / .NET errors end in (error strings, copied as facts). */
export const INNER_DETAILS: readonly string[] = [
  'The underlying connection was closed: An unexpected error occurred on a send.',
  'The underlying connection was closed: An unexpected error occurred on a receive.',
  'The remote server returned an error: (401) Unauthorized.',
  'The remote server returned an error: (403) Forbidden.',
  'The remote server returned an error: (404) Not Found.',
  'The remote server returned an error: (407) Proxy Authentication Required.',
  'The remote server returned an error: (500) Internal Server Error.',
  'The remote server returned an error: (503) Server Unavailable.',
  'The request was aborted: Could not create SSL/TLS secure channel.',
  'Unable to connect to the remote server.',
  'The operation has timed out.',
  'The remote name could not be resolved.',
  '1007 AccessDenied: Access Denied.',
  'MaxUriReached',
  'An existing connection was forcibly closed by the remote host.',
  'The client and server cannot communicate, because they do not possess a common algorithm.',
  'The specified domain either does not exist or could not be contacted.',
  'Access is denied.',
  'The user name or password is incorrect.',
  'The remote certificate is invalid according to the validation procedure.',
  'The certificate chain was issued by an authority that is not trusted.',
  'The token has expired.',
];

const EXCEPTIONS: readonly string[] = [
  'ProvisioningException',
  'MigrationPermanentException',
  'MigrationTransientException',
  'StoragePermanentException',
  'StorageTransientException',
  'FederationCertificateInvalidException',
  'DataValidationException',
  'ManagementObjectNotFoundException',
  'RecipientTaskException',
  'ADOperationException',
  'ADTransientException',
  'CommunicationErrorTransientException',
  'TimeoutErrorTransientException',
  'SoapHeaderException',
  'WebException',
  'IOException',
  'AuthenticationException',
  'UnauthorizedAccessException',
  'InvalidOperationException',
  'TokenValidationException',
  'ServiceResponseException',
  'MapiExceptionNetworkError',
  'RemotePermanentException',
];

const ORGS: readonly string[] = [
  'contoso',
  'fabrikam',
  'tailspintoys',
  'northwindtraders',
  'adatum',
  'litwareinc',
  'wingtiptoys',
  'woodgrovebank',
  'proseware',
  'relecloud',
];
const TLDS: readonly string[] = ['com', 'net', 'org', 'de', 'local'];
const SERVER_PREFIXES: readonly string[] = ['EXCH', 'EX', 'MBX', 'CAS', 'HYB', 'SRV-EX', 'EDGE'];
const CONTEXTS: readonly string[] = [
  'Exchange Server 2016 CU23',
  'Exchange Server 2019 CU14',
  'Exchange Server 2013 CU23',
  'Exchange Server 2010 SP3',
  'Exchange Online',
  'after a certificate renewal',
  'behind an outbound proxy',
  'in a multi-forest setup',
  'with an Edge Transport server',
  'during a staged migration',
  'with Modern Hybrid',
  'after a cumulative update',
];
const STATUS_CODES: readonly string[] = ['400', '401', '403', '404', '405', '409', '412', '429', '500', '502', '503'];

/**
 * `count` variants of `bases` (round-robin, so every base gets about count / bases.length siblings).
 * Ids are `<base id>-v<n>`; they never collide with the bases' ids.
 */
export function generateSynthetic(bases: readonly Article[], count: number, seed = SYNTHETIC_SEED): Article[] {
  if (count > 0 && !bases.length) throw new Error('bench: synthetic knowledge needs at least one base article');
  const random = createRandom(seed);
  const taken = new Set(bases.map((a) => a.id));
  const out: Article[] = [];
  for (let k = 0; k < count; k++) {
    const base = bases[k % bases.length];
    let id = `${base.id}-v${Math.floor(k / bases.length) + 1}`;
    while (taken.has(id)) id = `${id}-x`;
    taken.add(id);
    out.push(variant(base, id, random));
  }
  return out;
}

/** One variant: the same problem as seen on another organisation's servers, or a sibling error with another inner detail. */
function variant(base: Article, id: string, random: Random): Article {
  const v = new Variation(random);
  const context = random.pick(CONTEXTS);
  const title = mapLocalized(base.title, (t) => `${v.apply(t)} (${context})`);
  const symptoms: Symptom[] = base.symptoms.map((s) => ({
    ...s,
    description: mapLocalized(s.description, (t) => v.apply(t)),
    errors: Object.fromEntries(
      Object.entries(s.errors).map(([lang, texts]) => [lang, (texts ?? []).map((t) => v.applyToError(t))]),
    ) as Symptom['errors'],
  }));
  return { ...base, id, title, symptoms };
}

function mapLocalized(text: Localized, f: (t: string) => string): Localized {
  const out: Localized = {};
  if (text.de !== undefined) out.de = f(text.de);
  if (text.en !== undefined) out.en = f(text.en);
  return out;
}

/** The replacements of one variant: a value seen twice in an article is replaced the same way both times. */
class Variation {
  private readonly chosen = new Map<string, string>();
  constructor(private readonly random: Random) {}

  private once(key: string, make: () => string): string {
    let value = this.chosen.get(key);
    if (value === undefined) this.chosen.set(key, (value = make()));
    return value;
  }

  private server(): string {
    return `${this.random.pick(SERVER_PREFIXES)}${String(1 + this.random.int(40)).padStart(2, '0')}`;
  }

  /** Replaces the volatile details of a text (ids, names, codes). */
  apply(text: string): string {
    const r = this.random;
    return text
      .replace(/\bHCW\d{4}\b/g, (m) => this.once(m, () => `HCW${8000 + r.int(1000)}`))
      .replace(/\b[A-Z]\w*Exception\b/g, (m) => this.once(m, () => r.pick(EXCEPTIONS)))
      .replace(/\b0x[0-9A-Fa-f]{8}\b/g, (m) => this.once(m, () => `0x${(0x80000000 + r.int(0x7fffffff)).toString(16).toUpperCase()}`))
      .replace(/\b(?:[a-z][\w-]*\.)+(?:com|net|org|local)\b/gi, (m) =>
        this.once(m.toLowerCase(), () => `${r.pick(ORGS)}${r.int(100)}.${r.pick(TLDS)}`),
      )
      .replace(/<[^<>]*server[^<>]*>/gi, (m) => this.once(m, () => this.server()))
      .replace(/\b(?!HCW|HTTP|TLS|SSL|UTF|KB|CU|SP|ID)[A-Z]{2,}[A-Z0-9]*-?\d{1,4}\b/g, (m) => this.once(m, () => this.server()))
      .replace(/\b[45]\.\d\.\d{1,3}\b/g, (m) => this.once(m, () => `${m[0]}.${r.int(8)}.${r.int(20)}`))
      .replace(/\bEvent ID: \d{3,5}\b/g, (m) => this.once(m, () => `Event ID: ${1000 + r.int(9000)}`))
      .replace(/\((\d{3})\)/g, (m) => this.once(m, () => `(${r.pick(STATUS_CODES)})`));
  }

  /**
   * Error texts also get another inner detail, often (the near-duplicate that only the detail tells apart);
   * a text nothing could vary in gets an error code appended, so no variant repeats its base exactly.
   */
  applyToError(text: string): string {
    let out = this.apply(text);
    if (this.random.chance(0.6)) out = this.replaceInnerDetail(out);
    if (out === text) out = `${out} Error code: 0x${(0x80000000 + this.random.int(0x7fffffff)).toString(16).toUpperCase()}`;
    return out;
  }

  /** The innermost detail is what follows the last `Detailed information: "`, or else the last `: `. */
  private replaceInnerDetail(text: string): string {
    const detail = this.random.pick(INNER_DETAILS);
    const marks = [...text.matchAll(/detailed information:\s*["“]?/gi)];
    const last = marks[marks.length - 1] ?? /: (?=[^:]*$)/.exec(text);
    if (last && last.index !== undefined && text.length - last.index < 300) {
      const cut = last.index + last[0].length;
      const closing = /["”]*\.?["”]*\s*$/.exec(text.slice(cut))?.[0] ?? '';
      return `${text.slice(0, cut)}${detail.replace(/\.$/, '')}${closing.includes('"') ? closing : '.'}`;
    }
    return `${text.replace(/\s+$/, '')} ${detail}`;
  }
}
