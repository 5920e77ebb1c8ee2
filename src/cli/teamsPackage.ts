/**
 * Builds the Teams app package (appPackage.zip) from the template in manifest/.
 *
 * Everything here is pure (input in, Buffer or error out) so tests call it directly;
 * src/cli/manifest.ts is the thin `npm run manifest` command around it.
 * The manifest is checked offline against the schemas bundled in @microsoft/app-manifest,
 * never against the network.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { COLOR_ICON_SIZE, OUTLINE_ICON_SIZE } from './icons';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The folder holding manifest.json, the icons and the localization files. */
export const MANIFEST_DIR = path.join(REPO_ROOT, 'manifest');

/** Where @microsoft/app-manifest keeps its Teams schemas, one folder per version (v1.0 … v1.30, vDevPreview). */
export const BUNDLED_SCHEMA_DIR = path.join(
  path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build',
  'json-schemas',
  'teams',
);

/** The environment variables the package is filled from. */
export const ENV = {
  /** The Teams app's own id (manifest "id"): a GUID the admin makes once and keeps for updates. */
  appId: 'TEAMS_APP_ID',
  /** The bot's Microsoft App ID from its Azure Bot resource (bots[0].botId); the bot reads the same variable. */
  botId: 'MicrosoftAppId',
  /** The bot's public host name (validDomains and the developer URLs), like pastefix.contoso.com. */
  host: 'BOT_DOMAIN',
} as const;

/** What goes into the template, checked. */
export interface PackageSettings {
  /** Teams app id (GUID, lower case). */
  appId: string;
  /** Bot's Microsoft App ID (GUID, lower case). */
  botId: string;
  /** Bot's host name (lower case, no scheme, path or port). */
  host: string;
}

export interface BuildOptions {
  /** Folder with manifest.json and the files it names. Default: the repository's manifest/. */
  manifestDir?: string;
  /** App version written into the manifest. Default: "version" of package.json. */
  version?: string;
}

export interface AppPackage {
  /** The zip, ready to upload to Teams. */
  zip: Buffer;
  /** The filled, validated manifest.json as written into the zip. */
  manifest: Record<string, unknown>;
  /** Names of the zip's entries, in order. */
  files: string[];
}

/**
 * Input the package cannot be built from. Each problem is one line starting with "manifest: ".
 * exitCode: 2 for bad settings from the environment, 1 for a broken template or schema failure.
 */
export class ManifestError extends Error {
  constructor(
    readonly problems: readonly string[],
    readonly exitCode: 1 | 2,
  ) {
    super(problems.join('\n'));
    this.name = 'ManifestError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const MISSING_HINT: Record<string, string> = {
  [ENV.appId]: "give the Teams app's id, a new GUID (e.g. from uuidgen) that you keep for updates",
  [ENV.botId]: "give the Microsoft App ID of the bot's Azure Bot resource (a GUID)",
  [ENV.host]: "give the bot's public host name, like pastefix.contoso.com",
};

function checkGuid(name: string, value: string | undefined, problems: string[]): string {
  if (value === undefined || value === '') {
    problems.push(`manifest: ${name} is not set: ${MISSING_HINT[name]}`);
  } else if (!GUID.test(value)) {
    problems.push(`manifest: ${name} ${JSON.stringify(value)} is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, hex digits)`);
  } else if (value === NIL_GUID) {
    problems.push(`manifest: ${name} ${JSON.stringify(value)} is the empty GUID: ${MISSING_HINT[name]}`);
  }
  return (value ?? '').toLowerCase();
}

/** Why `value` is not a host name Teams can use, or undefined when it is one. */
export function hostProblem(value: string): string | undefined {
  if (/\s/.test(value)) return 'it contains white space';
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value);
  if (scheme) return `remove ${JSON.stringify(scheme[0])}`;
  const slash = value.indexOf('/');
  if (slash >= 0) return `remove the path ${JSON.stringify(value.slice(slash))}`;
  const colon = value.indexOf(':');
  if (colon >= 0) return `remove the port ${JSON.stringify(value.slice(colon))}`;
  if (value.length > 253) return 'it is longer than 253 characters';
  const labels = value.toLowerCase().split('.');
  const bad = labels.find((label) => !HOST_LABEL.test(label));
  if (bad !== undefined)
    return bad === '' ? 'it has an empty part between dots' : `${JSON.stringify(bad)} is not a valid part of a host name`;
  if (labels.length < 2) return 'a public host name has at least one dot';
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return 'use the host name, not an IP address';
  return undefined;
}

function checkHost(name: string, value: string | undefined, problems: string[]): string {
  if (value === undefined || value === '') {
    problems.push(`manifest: ${name} is not set: ${MISSING_HINT[name]}`);
    return '';
  }
  const problem = hostProblem(value);
  if (problem) {
    problems.push(`manifest: ${name} ${JSON.stringify(value)} is not a host name: ${problem} (like pastefix.contoso.com)`);
  }
  return value.toLowerCase();
}

/** Reads and checks TEAMS_APP_ID, MicrosoftAppId and BOT_DOMAIN; throws a ManifestError (exit 2) listing every problem. */
export function settingsFromEnv(env: Readonly<Record<string, string | undefined>>): PackageSettings {
  const problems: string[] = [];
  const settings = {
    appId: checkGuid(ENV.appId, env[ENV.appId], problems),
    botId: checkGuid(ENV.botId, env[ENV.botId], problems),
    host: checkHost(ENV.host, env[ENV.host], problems),
  };
  if (problems.length > 0) throw new ManifestError(problems, 2);
  return settings;
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Replaces every `${{NAME}}` in the strings of a JSON value with values[NAME].
 * A placeholder without a value is a ManifestError naming it and the file.
 */
export function fillTemplate<T>(template: T, values: Readonly<Record<string, string>>, fileName = 'manifest.json'): T {
  const unknown = new Set<string>();
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole: string, name: string) => {
        const value = values[name];
        if (value === undefined) unknown.add(name);
        return value ?? whole;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value)]));
    }
    return node;
  };
  const filled = fill(template) as T;
  if (unknown.size > 0) {
    throw new ManifestError(
      [...unknown].map((name) => `manifest: ${fileName} uses \${{${name}}} but no value is given for it`),
      1,
    );
  }
  return filled;
}

/** The manifest versions whose schemas @microsoft/app-manifest bundles, oldest first ("1.0" … "1.30"). */
export function bundledManifestVersions(): string[] {
  return readdirSync(BUNDLED_SCHEMA_DIR)
    .map((entry) => /^v(\d+)\.(\d+)$/.exec(entry))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]) || Number(a[2]) - Number(b[2]))
    .map((m) => `${m[1]}.${m[2]}`);
}

export type SchemaKind = 'manifest' | 'localization';

const SCHEMA_FILE: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

/** The bundled JSON schema for a manifest version; a ManifestError when the package lacks it. */
export function bundledSchema(manifestVersion: string, kind: SchemaKind): Record<string, unknown> {
  const file = path.join(BUNDLED_SCHEMA_DIR, `v${manifestVersion}`, SCHEMA_FILE[kind]);
  if (!existsSync(file)) {
    const versions = bundledManifestVersions();
    throw new ManifestError(
      [
        `manifest: @microsoft/app-manifest bundles no ${kind} schema for manifestVersion ${JSON.stringify(manifestVersion)} (it has ${versions[0]} to ${versions[versions.length - 1]})`,
      ],
      1,
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/**
 * Problems of `doc` against the bundled schema, one line each, naming the file and the JSON path.
 * The manifest goes through the library's own AppManifestUtils.validateAgainstSchema. Localization files
 * cannot: the bundled localization schemas carry a patternProperties key ("^activities.activityTypes\[\b(…)\b]…" with
 * a lone "]") that is no valid regular expression in Unicode mode, which the library's Ajv uses. So they are
 * checked by the same Ajv draft-04 set-up with Unicode mode off.
 */
export async function schemaProblems(doc: unknown, manifestVersion: string, kind: SchemaKind, fileName: string): Promise<string[]> {
  const schema = bundledSchema(manifestVersion, kind);
  // Both arguments are plain JSON; the library's types only know the manifest shapes.
  const errors = kind === 'manifest' ? await AppManifestUtils.validateAgainstSchema(doc as never, schema as never) : ajvErrors(doc, schema);
  // Errors start with the JSON path, which is empty for the top-level object.
  return errors.map(
    (error) =>
      `manifest: ${fileName} does not match the Teams ${manifestVersion} ${kind} schema: ${error.replace(/^ /, '(top level) ').trim()}`,
  );
}

function ajvErrors(doc: unknown, schema: Record<string, unknown>): string[] {
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(doc)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}. Details: ${JSON.stringify(error.params)}`);
}

/** What an icon file must be, checked on its pixels. */
export function iconProblems(png: Buffer, role: 'color' | 'outline', fileName: string): string[] {
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch (error) {
    return [`manifest: ${fileName} is not a readable PNG (${(error as Error).message})`];
  }
  const size = role === 'color' ? COLOR_ICON_SIZE : OUTLINE_ICON_SIZE;
  if (image.width !== size || image.height !== size) {
    return [`manifest: ${fileName} is ${image.width}x${image.height}; the ${role} icon must be ${size}x${size}`];
  }
  if (role === 'outline') {
    for (let i = 0; i < image.data.length; i += 4) {
      const [r, g, b, a] = [image.data[i], image.data[i + 1], image.data[i + 2], image.data[i + 3]];
      if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) {
        const pixel = i / 4;
        return [
          `manifest: ${fileName} pixel (${pixel % size},${Math.floor(pixel / size)}) is rgba(${r},${g},${b},${a}); the outline icon must be white on transparent`,
        ];
      }
    }
    const corners = [0, size - 1, size * (size - 1), size * size - 1];
    if (corners.some((pixel) => image.data[pixel * 4 + 3] !== 0)) {
      return [`manifest: ${fileName} has no transparent background (a corner pixel is opaque)`];
    }
  }
  return [];
}

function readJson(dir: string, fileName: string): unknown {
  const file = path.join(dir, fileName);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ManifestError([`manifest: ${fileName} is missing from ${dir}`], 1);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ManifestError([`manifest: ${fileName} is not valid JSON: ${(error as Error).message}`], 1);
  }
}

function readFile(dir: string, fileName: string, problems: string[]): Buffer | undefined {
  try {
    return readFileSync(path.join(dir, fileName));
  } catch {
    problems.push(`manifest: ${fileName} is named in manifest.json but missing from ${dir}`);
    return undefined;
  }
}

/** Resolves a localization key like `bots[0].commandLists[0].commands[1].description` in the manifest. */
function lookUp(manifest: unknown, key: string): unknown {
  let node: unknown = manifest;
  for (const part of key.split('.')) {
    const m = /^([A-Za-z]+)((?:\[\d+\])*)$/.exec(part);
    if (!m || node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[m[1]!];
    for (const index of m[2]!.matchAll(/\[(\d+)\]/g)) {
      if (!Array.isArray(node)) return undefined;
      node = node[Number(index[1])];
    }
  }
  return node;
}

function localizationProblems(
  localization: Record<string, unknown>,
  manifest: Record<string, unknown>,
  manifestVersion: string,
  fileName: string,
): string[] {
  const problems: string[] = [];
  const schemaUrl = String(localization.$schema ?? '');
  if (!schemaUrl.includes(`/v${manifestVersion}/`)) {
    problems.push(
      `manifest: ${fileName} $schema ${JSON.stringify(schemaUrl)} is not for manifest version ${manifestVersion}; Teams needs both on the same version`,
    );
  }
  for (const key of Object.keys(localization)) {
    if (key === '$schema') continue;
    if (typeof lookUp(manifest, key) !== 'string') {
      problems.push(`manifest: ${fileName} translates ${JSON.stringify(key)}, which manifest.json does not have`);
    }
  }
  return problems;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string };
  return pkg.version ?? '1.0.0';
}

/** A fixed time for every zip entry, so the same input always gives the same bytes. */
const ENTRY_DATE = new Date(Date.UTC(2024, 0, 1));

/**
 * Fills manifest.json from `settings`, validates it and its localization files against the bundled
 * schema, checks the icons, and zips manifest.json with every file it names (at the zip's root, as
 * Teams expects). Throws a ManifestError listing every problem found.
 */
export async function buildAppPackage(settings: PackageSettings, options: BuildOptions = {}): Promise<AppPackage> {
  const dir = options.manifestDir ?? MANIFEST_DIR;
  const values = {
    [ENV.appId]: settings.appId,
    [ENV.botId]: settings.botId,
    [ENV.host]: settings.host,
    APP_VERSION: options.version ?? packageVersion(),
  };
  const manifest = fillTemplate(readJson(dir, 'manifest.json'), values) as Record<string, unknown>;
  const manifestVersion = String(manifest.manifestVersion ?? '');
  const problems = await schemaProblems(manifest, manifestVersion, 'manifest', 'manifest.json');

  const files = new Map<string, Buffer>();
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));

  const icons = (manifest.icons ?? {}) as Record<string, string | undefined>;
  for (const role of ['color', 'outline'] as const) {
    const fileName = icons[role];
    if (!fileName) continue; // the schema check above already names it
    const png = readFile(dir, fileName, problems);
    if (png) {
      problems.push(...iconProblems(png, role, fileName));
      files.set(fileName, png);
    }
  }

  const localizationInfo = (manifest.localizationInfo ?? {}) as {
    defaultLanguageFile?: string;
    additionalLanguages?: { file: string }[];
  };
  const languageFiles = [
    ...(localizationInfo.defaultLanguageFile ? [localizationInfo.defaultLanguageFile] : []),
    ...(localizationInfo.additionalLanguages ?? []).map((language) => language.file),
  ];
  for (const fileName of languageFiles) {
    if (!existsSync(path.join(dir, fileName))) {
      problems.push(`manifest: ${fileName} is named in manifest.json but missing from ${dir}`);
      continue;
    }
    const localization = fillTemplate(readJson(dir, fileName), values, fileName) as Record<string, unknown>;
    problems.push(...(await schemaProblems(localization, manifestVersion, 'localization', fileName)));
    problems.push(...localizationProblems(localization, manifest, manifestVersion, fileName));
    files.set(fileName, Buffer.from(`${JSON.stringify(localization, null, 2)}\n`));
  }

  if (problems.length > 0) throw new ManifestError(problems, 1);

  const zip = new JSZip();
  for (const [name, data] of files) zip.file(name, data, { date: ENTRY_DATE });
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  return { zip: buffer, manifest, files: [...files.keys()] };
}
