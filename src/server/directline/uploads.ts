/**
 * Web Chat's upload button in local mode: `POST /v3/directline/conversations/{id}/upload`, the one
 * route of the service that takes `multipart/form-data`. Direct Line JS sends a part `activity` (the
 * message as JSON) and one part `file` per attachment. The body is parsed here, in memory (busboy),
 * never by the server-wide body parser (restify's writes uploaded files to disk): images only (PNG and
 * JPEG, by declared type and by their first bytes), size-capped, nothing written to disk.
 *
 * An uploaded image is kept in memory for `keepMs` (so the chat transcript can show it, from
 * `GET …/attachments/{id}`, an unguessable URL like Direct Line's own) and then dropped; the bot reads
 * it in-process (see LOCAL_IMAGES) and keeps only the text.
 */
import crypto from 'node:crypto';
import busboy from 'busboy';
import type restify from 'restify';
import { imageInfo } from '../../ocr/imageInfo';
import { HttpError } from '../errors';

export interface UploadLimits {
  /** Largest image in bytes. Default 4 MB (the OCR limit). */
  maxFileBytes: number;
  /** Images in one upload. Default 3 (the bot reads at most 3 per message). */
  maxFiles: number;
  /** How long an image stays available for the transcript, in ms. Default 5 minutes. */
  keepMs: number;
  /** All uploaded images kept at once, in bytes; the oldest go first. Default 32 MB. */
  maxTotalBytes: number;
}

export const DEFAULT_UPLOAD_LIMITS: Readonly<UploadLimits> = Object.freeze({
  maxFileBytes: 4 * 1024 * 1024,
  maxFiles: 3,
  keepMs: 5 * 60_000,
  maxTotalBytes: 32 * 1024 * 1024,
});

/** The `activity` part is a small JSON document. */
const MAX_ACTIVITY_BYTES = 64 * 1024;

export interface UploadedFile {
  bytes: Buffer;
  contentType: 'image/png' | 'image/jpeg';
  name?: string;
}

interface Kept extends UploadedFile {
  conversationId: string;
  expires: number;
}

/** The uploaded images, in memory, bounded in time and bytes. */
export class UploadStore {
  private readonly items = new Map<string, Kept>();
  private total = 0;

  constructor(
    readonly limits: UploadLimits,
    private readonly now: () => number,
  ) {}

  /** Keeps the image; returns its id (128 random bits). */
  put(conversationId: string, file: UploadedFile): string {
    this.prune();
    const id = crypto.randomBytes(16).toString('base64url');
    this.items.set(id, { ...file, conversationId, expires: this.now() + this.limits.keepMs });
    this.total += file.bytes.byteLength;
    // Oldest first (Map keeps insertion order).
    for (const [key, item] of this.items) {
      if (this.total <= this.limits.maxTotalBytes) break;
      this.drop(key, item);
    }
    return id;
  }

  get(conversationId: string, id: string): UploadedFile | undefined {
    this.prune();
    const item = this.items.get(id);
    return item && item.conversationId === conversationId ? item : undefined;
  }

  get size(): number {
    this.prune();
    return this.items.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [key, item] of this.items) if (item.expires <= now) this.drop(key, item);
  }

  private drop(key: string, item: Kept): void {
    this.items.delete(key);
    this.total -= item.bytes.byteLength;
  }
}

/** The path of an uploaded image under the Direct Line emulation; the id is the last segment. */
export function attachmentPath(base: string, conversationId: string, id: string): string {
  return `${base}/conversations/${encodeURIComponent(conversationId)}/attachments/${id}`;
}

/** Parses an upload's body: the activity JSON and the images. Throws HttpError 400/413/415. */
export function parseUpload(
  req: restify.Request,
  limits: UploadLimits,
): Promise<{ activity: Record<string, unknown>; files: UploadedFile[] }> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    return Promise.reject(
      new HttpError(415, 'UnsupportedMediaType', 'Upload the message as multipart/form-data with a part "activity" and the images.'),
    );
  }
  const declared = Number(req.headers['content-length']);
  const maxBody = limits.maxFiles * limits.maxFileBytes + MAX_ACTIVITY_BYTES + 16 * 1024;
  if (Number.isFinite(declared) && declared > maxBody) {
    req.resume();
    return Promise.reject(tooLarge(limits));
  }
  return new Promise((resolve, reject) => {
    let activity: Record<string, unknown> | undefined;
    const files: UploadedFile[] = [];
    let failed: HttpError | undefined;
    const fail = (err: HttpError) => {
      failed ??= err;
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: {
          fileSize: Math.max(limits.maxFileBytes, MAX_ACTIVITY_BYTES),
          files: limits.maxFiles + 1,
          fields: 1,
          parts: limits.maxFiles + 2,
          fieldSize: MAX_ACTIVITY_BYTES,
        },
      });
    } catch (err) {
      reject(new HttpError(400, 'BadArgument', `The upload is not valid multipart/form-data: ${(err as Error).message}`));
      return;
    }
    parser.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (!failed) chunks.push(chunk);
      });
      stream.on('limit', () => fail(tooLarge(limits)));
      stream.on('close', () => {
        if (failed) return;
        const bytes = Buffer.concat(chunks, size);
        if (name === 'activity') {
          if (bytes.length > MAX_ACTIVITY_BYTES) return fail(new HttpError(413, 'TooLarge', 'The activity part is too large.'));
          activity = parseActivity(bytes.toString('utf8'), fail);
          return;
        }
        const sniffed = imageInfo(bytes);
        const declaredType = info.mimeType.toLowerCase();
        const contentType = sniffed?.format === 'png' ? 'image/png' : sniffed?.format === 'jpeg' ? 'image/jpeg' : undefined;
        if (!contentType || (declaredType !== contentType && !(declaredType === 'image/jpg' && contentType === 'image/jpeg'))) {
          return fail(
            new HttpError(
              415,
              'UnsupportedMediaType',
              `Only PNG and JPEG images can be uploaded; "${(info.filename ?? name).slice(0, 80)}" is ${declaredType || 'of no type'}.`,
            ),
          );
        }
        if (bytes.length > limits.maxFileBytes) return fail(tooLarge(limits));
        files.push({ bytes, contentType, ...(info.filename ? { name: info.filename.slice(0, 200) } : {}) });
      });
    });
    parser.on('field', (name, value) => {
      if (name === 'activity') activity = parseActivity(value, fail);
    });
    parser.on('filesLimit', () => fail(new HttpError(413, 'TooLarge', `At most ${limits.maxFiles} images can be uploaded at once.`)));
    parser.on('partsLimit', () => fail(new HttpError(413, 'TooLarge', `At most ${limits.maxFiles} images can be uploaded at once.`)));
    parser.on('error', (err: Error) => {
      fail(new HttpError(400, 'BadArgument', `The upload is not valid multipart/form-data: ${err.message}`));
      req.unpipe(parser);
      req.resume();
      reject(failed);
    });
    parser.on('close', () => {
      if (failed) return reject(failed);
      if (!activity) return reject(new HttpError(400, 'BadArgument', 'The upload has no part "activity" (the message as JSON).'));
      if (files.length === 0) return reject(new HttpError(400, 'BadArgument', 'The upload has no image.'));
      resolve({ activity, files });
    });
    req.pipe(parser);
  });
}

function parseActivity(json: string, fail: (err: HttpError) => void): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(json) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  fail(new HttpError(400, 'BadArgument', 'The part "activity" must be an activity as JSON.'));
  return undefined;
}

function tooLarge(limits: UploadLimits): HttpError {
  return new HttpError(
    413,
    'TooLarge',
    `An image may have at most ${limits.maxFileBytes / (1024 * 1024)} MB, and at most ${limits.maxFiles} can be uploaded at once.`,
  );
}
