/**
 * What the channel a message came from can show. Adaptive Cards render in Teams, Web Chat / Direct Line,
 * the Emulator and Outlook; everywhere else the bot sends the same content as Markdown.
 */
import type { Activity } from 'botbuilder';

const CARD_CHANNELS = new Set(['msteams', 'webchat', 'directline', 'emulator', 'test', 'outlook', 'omnichannel', 'm365extensions']);

export function supportsAdaptiveCards(channelId: string | undefined): boolean {
  return channelId !== undefined && CARD_CHANNELS.has(channelId.toLowerCase());
}

/** Teams ids of bots start with `28:`; other channels mark bots with `from.role`. */
export function isFromOtherBot(activity: Partial<Activity>): boolean {
  const from = activity.from;
  if (!from) return false;
  if (from.role === 'bot') return true;
  return activity.channelId === 'msteams' && from.id.startsWith('28:') && from.id !== activity.recipient?.id;
}
