/**
 * What the channel a message came from can show. Adaptive Cards render in Teams, Web Chat / Direct Line,
 * the Emulator and Outlook; everywhere else the bot sends the same content as Markdown.
 */
import type { Activity } from 'botbuilder';

const CARD_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator', 'test', 'outlook', 'omnichannel', 'm365extensions']);

export function supportsAdaptiveCards(channelId: string | undefined): boolean {
  return channelId !== undefined && CARD_CHANNELS.has(channelId.toLowerCase());
}

/**
 * Teams ids of bots start with `28:`; other channels mark bots with `from.role`. The activity is the sender's
 * JSON: `from` may lack an id (or be no object at all), and that is a message from someone, not a bot.
 */
export function isFromOtherBot(activity: Partial<Activity>): boolean {
  const from: unknown = activity.from;
  if (typeof from !== 'object' || from === null) return false;
  const { role, id } = from as { role?: unknown; id?: unknown };
  if (role === 'bot') return true;
  return activity.channelId === 'msteams' && typeof id === 'string' && id.startsWith('28:') && id !== activity.recipient?.id;
}
