import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type restify from 'restify';
import type { DirectLineMode } from './options';

/**
 * The web chat's static files: the page, its script and CSS, the widget, the sample host page, and the
 * Web Chat browser bundle straight from node_modules (no CDN: intranets and tests run offline).
 *
 *   GET /                    the chat page (web/index.html)
 *   GET /widget.js           the embeddable widget
 *   GET /sample              a sample intranet page with the widget
 *   GET /privacy, /terms     the privacy statement and terms of use the Teams app links to
 *   GET /web/<file>          the page's own script, CSS and icon
 *   GET /webchat/webchat.js  botframework-webchat's bundle (gzip when the browser accepts it)
 */

/** The repository's web/ folder, seen from dist/src/server/directline. */
export const WEB_ROOT = path.resolve(__dirname, '../../../../web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Files under /web/ that may be fetched; nothing else in the folder is served. */
const WEB_FILES = ['app.js', 'chat.css', 'icon.svg', 'sample.js', 'legal.css'];

export interface PagesDeps {
  mode: DirectLineMode;
  /** Other origins whose pages may frame the chat (the widget's iframe). Default: none, our own only. */
  allowedOrigins?: readonly string[];
  /** Folder holding index.html, widget.js, … Default: the repository's web/. */
  webRoot?: string;
}

interface StaticFile {
  body: Buffer;
  gzipped?: Buffer;
  type: string;
  etag: string;
  headers: Record<string, string>;
}

function webChatBundlePath(): string {
  // The package's "exports" hide dist/, so find it from the package's main entry.
  const main = require.resolve('botframework-webchat');
  return path.join(path.dirname(main), '..', 'dist', 'webchat.js');
}

export function registerWebChatPages(server: restify.Server, deps: PagesDeps): void {
  const webRoot = deps.webRoot ?? WEB_ROOT;
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error(`web chat: index.html not found in ${webRoot}`);
  }
  const connect = deps.mode.kind === 'azure' ? `'self' ${deps.mode.domain} ${deps.mode.domain.replace(/^http/, 'ws')}` : "'self'";
  // Screenshots: Web Chat makes the upload's thumbnail in a blob: worker and Direct Line JS reads the
  // chosen file from its blob: URL; the transcript shows the uploaded image from Direct Line.
  const images = deps.mode.kind === 'azure' ? `'self' data: blob: ${deps.mode.domain}` : "'self' data: blob:";
  // Web Chat sets inline styles (emotion), hence 'unsafe-inline' for styles only. Only our own pages and the
  // allowed origins may frame the chat (the widget's iframe): a page that can frame it can chat through it.
  const pageCsp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src ${images}`,
    "font-src 'self' data:",
    `connect-src ${connect} blob:`,
    "worker-src 'self' blob:",
    "media-src 'self' blob:",
    `frame-ancestors ${["'self'", ...(deps.allowedOrigins ?? [])].join(' ')}`,
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');

  const load = (file: string, headers: Record<string, string> = {}): StaticFile => {
    const full = path.join(webRoot, file);
    const body = readFileSync(full);
    return {
      body,
      type: TYPES[path.extname(file)] ?? 'application/octet-stream',
      etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
      headers,
    };
  };

  const page = load('index.html', { 'Content-Security-Policy': pageCsp, 'Cache-Control': 'no-cache' });
  const sample = load('sample.html', {
    'Content-Security-Policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-src 'self'",
    'Cache-Control': 'no-cache',
  });
  const legalHeaders = {
    'Content-Security-Policy': "default-src 'none'; style-src 'self'; frame-ancestors *",
    'Cache-Control': 'no-cache',
  };
  const privacy = load('privacy.html', legalHeaders);
  const terms = load('terms.html', legalHeaders);
  // Host pages on other origins load the widget; allow that under a strict Cross-Origin-Resource-Policy too.
  const widget = load('widget.js', { 'Cache-Control': 'public, max-age=300', 'Cross-Origin-Resource-Policy': 'cross-origin' });
  const webFiles = new Map(WEB_FILES.map((name) => [name, load(name, { 'Cache-Control': 'public, max-age=300' })]));

  let bundle: Promise<StaticFile> | undefined;
  const loadBundle = (): Promise<StaticFile> => {
    bundle ??= (async () => {
      const body = readFileSync(webChatBundlePath());
      return {
        body,
        gzipped: await promisify(gzip)(body),
        type: TYPES['.js'],
        etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
        headers: { 'Cache-Control': 'public, max-age=86400' },
      };
    })();
    bundle.catch(() => (bundle = undefined));
    return bundle;
  };

  const send = (req: restify.Request, res: restify.Response, file: StaticFile): void => {
    const headers: Record<string, string | number> = {
      'Content-Type': file.type,
      ETag: file.etag,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      Vary: 'Accept-Encoding',
      ...file.headers,
    };
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const useGzip = file.gzipped !== undefined && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = useGzip ? file.gzipped! : file.body;
    if (useGzip) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const route = (urlPath: string, file: () => StaticFile | Promise<StaticFile>) => {
    const handler = async (req: restify.Request, res: restify.Response): Promise<void> => {
      send(req, res, await file());
    };
    server.get(urlPath, handler);
    server.head(urlPath, handler);
  };

  route('/', () => page);
  route('/index.html', () => page);
  route('/sample', () => sample);
  route('/privacy', () => privacy);
  route('/terms', () => terms);
  route('/widget.js', () => widget);
  route('/webchat/webchat.js', loadBundle);
  for (const [name, file] of webFiles) route(`/web/${name}`, () => file);
}
