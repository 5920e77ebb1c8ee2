/**
 * Where the images of a message are, and whether the bot may fetch them.
 *
 * Teams delivers a pasted image as an attachment with an `image/*` content type and a `contentUrl` on
 * the Bot Connector (the conversation's `serviceUrl` host, `smba.trafficmanager.net`), which answers
 * only with the bot's own token; a file sent to the bot in a 1:1 chat as
 * `application/vnd.microsoft.teams.file.download.info` with a pre-authorised SharePoint `downloadUrl`;
 * and, in the message's `text/html` attachment, as `<img src>` (used only when there is no image
 * attachment: Teams' own `*.asm.skype.com` image URLs don't accept a bot, and are refused below).
 * Web Chat (Direct Line) sends an uploaded image as an attachment with a `contentUrl` on Direct Line.
 *
 * The rule: never fetch from a host that is not the channel's. With authentication on: https only,
 * the activity's `serviceUrl` host or the Teams Bot Connector (`smba.trafficmanager.net`) — with the
 * bot's token, as Teams requires — or, for a Teams file, `*.sharepoint.com` without it. With
 * authentication off (local use): only loopback addresses and the `serviceUrl` host, without a token.
 */
import type { Activity, Attachment } from 'botbuilder';

export type ImageSourceKind = 'attachment' | 'file' | 'inline';

export interface ImageSource {
  url: string;
  kind: ImageSourceKind;
  /** The file name, when the channel gives one. */
  name?: string;
}

/** Images read from one message at most; more are mentioned, not read. */
export const MAX_IMAGES_PER_MESSAGE = 3;

export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** The images a message carries, in order, without duplicates. */
export function imageSources(activity: Partial<Activity>): ImageSource[] {
  const found: ImageSource[] = [];
  const add = (source: ImageSource) => {
    if (!found.some((f) => f.url === source.url)) found.push(source);
  };
  for (const attachment of activity.attachments ?? []) {
    const type = (attachment.contentType ?? '').toLowerCase();
    const content = (attachment.content ?? {}) as { downloadUrl?: unknown; fileType?: unknown };
    if (type.startsWith('image/')) {
      const url = attachment.contentUrl ?? (typeof content.downloadUrl === 'string' ? content.downloadUrl : undefined);
      if (url) add({ url, kind: 'attachment', name: attachment.name });
    } else if (
      type === TEAMS_FILE_DOWNLOAD_INFO &&
      typeof content.downloadUrl === 'string' &&
      /^(png|jpe?g)$/i.test(String(content.fileType ?? ''))
    ) {
      add({ url: content.downloadUrl, kind: 'file', name: attachment.name });
    }
  }
  if (found.length === 0) for (const url of inlineImages(activity.attachments ?? [])) add({ url, kind: 'inline' });
  return found;
}

/** `<img src="…">` in the message's HTML attachments (entities decoded: Teams writes `&amp;` in URLs). */
function inlineImages(attachments: readonly Attachment[]): string[] {
  const urls: string[] = [];
  for (const attachment of attachments) {
    if ((attachment.contentType ?? '').toLowerCase() !== 'text/html' || typeof attachment.content !== 'string') continue;
    // Bounded: at most 100 tags looked at, attribute values up to 2,000 characters.
    const tags = attachment.content.match(/<img\b[^>]{0,3000}>/gi) ?? [];
    for (const tag of tags.slice(0, 100)) {
      const src = /\bsrc\s*=\s*("([^"]{1,2000})"|'([^']{1,2000})')/i.exec(tag);
      const value = src?.[2] ?? src?.[3];
      if (value) urls.push(value.replace(/&amp;/g, '&'));
    }
  }
  return urls;
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Bot Connector hosts of Teams (the public cloud's; a sovereign cloud's connector is its `serviceUrl` host). */
const TEAMS_CONNECTOR = /^smba\.trafficmanager\.net$/i;
const SHAREPOINT = /^[a-z0-9-]+(-my)?\.sharepoint\.com$/i;

export type SourceCheck = { ok: true; withToken: boolean } | { ok: false; reason: string };

export interface SourcePolicy {
  /** The activity's `serviceUrl`: the channel that delivered the message. */
  serviceUrl: string | undefined;
  /** Authentication on (`MicrosoftAppId` set). */
  authEnabled: boolean;
}

/** Whether the bot may fetch `url` for a source of this kind, and whether it sends its token there. */
export function checkSource(url: string, kind: ImageSourceKind, policy: SourcePolicy): SourceCheck {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: `screenshot: "${url.slice(0, 100)}" is not a URL` };
  }
  const host = parsed.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  let serviceHost: string | undefined;
  try {
    serviceHost = policy.serviceUrl ? new URL(policy.serviceUrl).hostname.toLowerCase().replace(/^\[|\]$/g, '') : undefined;
  } catch {
    serviceHost = undefined;
  }
  const refused = (why: string): SourceCheck => ({ ok: false, reason: `screenshot: not fetched from ${parsed.protocol}//${host}: ${why}` });
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return refused('only http and https URLs are fetched');
  if (parsed.username || parsed.password) return refused('URLs with credentials are not fetched');
  if (!policy.authEnabled) {
    if (isLoopbackHost(host) || host === serviceHost) return { ok: true, withToken: false };
    return refused("with authentication off only loopback addresses and the activity's serviceUrl host are fetched from");
  }
  if (parsed.protocol !== 'https:') return refused('with authentication on only https URLs are fetched');
  if (host === serviceHost || TEAMS_CONNECTOR.test(host)) return { ok: true, withToken: true };
  if (kind === 'file' && SHAREPOINT.test(host)) return { ok: true, withToken: false };
  return refused("it is not the channel's host (the activity's serviceUrl host or the Teams Bot Connector)");
}
