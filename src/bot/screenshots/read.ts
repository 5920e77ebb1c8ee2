/**
 * Reading the screenshots of one message: fetch each image (see sources.ts for where from), hand it
 * to the OCR reader, and return the text. The bytes live only in memory and are dropped when this
 * returns; what the bot keeps is the text, like a paste.
 */
import type { TurnContext } from 'botbuilder';
import { ActivityTypes } from '../../botbuilder';
import type { Logger } from 'pino';
import { OcrError, type ImageReader } from '../../ocr/reader';
import type { OcrLimits } from '../../ocr/limits';
import { DownloadError, downloadImage } from './download';
import { MAX_IMAGES_PER_MESSAGE, type ImageSource } from './sources';

export interface ScreenshotDeps {
  reader: ImageReader;
  /** The reader's limits: the largest image is refused while downloading already. */
  limits: OcrLimits;
  /** Authentication on (`MicrosoftAppId` set): decides where images may be fetched from. */
  authEnabled: boolean;
  /** Default global `fetch`. */
  fetch?: typeof fetch;
}

/**
 * Turn-state key of images the channel holds in this process (the local Direct Line's uploads): a
 * lookup by `contentUrl`, so they are read without an HTTP round trip or a token.
 */
export const LOCAL_IMAGES = Symbol('pastefix.localImages');
export type LocalImages = (url: string) => Uint8Array | undefined;

/** Why an image gave no text. */
export type ScreenshotProblem = 'too-large' | 'not-image' | 'unreadable' | 'not-fetched';

export interface ScreenshotsRead {
  /** The text of all images read, in order; empty when none had readable text. */
  text: string;
  /** One entry per image that could not be read. */
  problems: ScreenshotProblem[];
  /** Images left unread (more than `MAX_IMAGES_PER_MESSAGE`). */
  skipped: number;
  /** How many images were read (with or without text). */
  read: number;
}

export async function readScreenshots(
  context: TurnContext,
  sources: readonly ImageSource[],
  deps: ScreenshotDeps,
  logger: Logger,
): Promise<ScreenshotsRead> {
  const out: ScreenshotsRead = { text: '', problems: [], skipped: Math.max(0, sources.length - MAX_IMAGES_PER_MESSAGE), read: 0 };
  const texts: string[] = [];
  const local = context.turnState.get(LOCAL_IMAGES) as LocalImages | undefined;
  const ids = { activityId: context.activity.id, conversationId: context.activity.conversation?.id };
  for (const source of sources.slice(0, MAX_IMAGES_PER_MESSAGE)) {
    const started = Date.now();
    try {
      const bytes =
        local?.(source.url) ??
        (await downloadImage(source.url, source.kind, {
          serviceUrl: context.activity.serviceUrl,
          authEnabled: deps.authEnabled,
          maxBytes: deps.limits.maxBytes,
          timeoutMs: deps.limits.timeoutMs,
          token: () => channelToken(context),
          fetch: deps.fetch,
        }));
      const ocr = await deps.reader.read(bytes);
      out.read++;
      texts.push(ocr.text.trim());
      logger.info(
        {
          ...ids,
          kind: source.kind,
          bytes: bytes.byteLength,
          chars: ocr.text.length,
          confidence: Math.round(ocr.confidence),
          steps: ocr.steps,
          ms: Date.now() - started,
        },
        'screenshot read',
      );
    } catch (err) {
      const problem = problemOf(err);
      if (!problem) throw err;
      out.problems.push(problem);
      logger.warn({ ...ids, kind: source.kind, problem, reason: (err as Error).message, ms: Date.now() - started }, 'screenshot not read');
    }
  }
  out.text = texts.filter((t) => t !== '').join('\n\n');
  return out;
}

function problemOf(err: unknown): ScreenshotProblem | undefined {
  if (err instanceof DownloadError) return err.code === 'too-large' ? 'too-large' : 'not-fetched';
  if (err instanceof OcrError) {
    if (err.code === 'too-large' || err.code === 'too-many-pixels') return 'too-large';
    if (err.code === 'unsupported') return 'not-image';
    return 'unreadable';
  }
  return undefined;
}

/** The bot's token for the channel (Teams requires it for its attachment URLs); none with authentication off. */
async function channelToken(context: TurnContext): Promise<string | undefined> {
  const client = context.turnState.get(context.adapter.ConnectorClientKey) as
    { credentials?: { appId?: string; getToken?: () => Promise<string> } } | undefined;
  const credentials = client?.credentials;
  if (!credentials?.appId || typeof credentials.getToken !== 'function') return undefined;
  return credentials.getToken();
}

/**
 * Shows "typing…" until `stop` is called: Teams and Web Chat hide the indicator after a few seconds,
 * so it is sent again every 3 s while the screenshot is read.
 */
export function keepTyping(context: TurnContext, logger: Logger): () => void {
  const send = () =>
    context.sendActivity({ type: ActivityTypes.Typing }).catch((err: unknown) => {
      logger.debug({ err, activityId: context.activity.id }, 'could not send the typing indicator');
    });
  void send();
  const timer = setInterval(() => void send(), 3000);
  return () => clearInterval(timer);
}

/** Lines of recognised text worth quoting back: non-empty, with letters or digits; at most `max`. */
export function quotedLines(text: string, max = 15): { lines: string[]; more: boolean } {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => /[\p{L}\p{N}]{2}/u.test(l));
  return { lines: lines.slice(0, max), more: lines.length > max };
}
