import type { Activity, ConversationReference, ResourceResponse } from 'botbuilder';
import { ActivityTypes, BotAdapter, TurnContext } from '../../botbuilder';
import type { Logger } from 'pino';
import { LOCAL_IMAGES, type LocalImages } from '../../bot/screenshots/read';
import type { ConversationStore, WireActivity } from './store';

/** Runs one turn of the bot, e.g. `(context) => bot.run(context)`. */
export type BotLogic = (context: TurnContext) => Promise<void>;

/** The longest `delay` activity honoured, so a bot cannot park a turn for ever. */
const MAX_DELAY_MS = 5_000;

/**
 * A Bot Framework adapter for the local Direct Line emulation: the bot runs in-process and its replies
 * are appended to the conversation's activity list, from where Web Chat polls them.
 *
 * Like the Direct Line service, it does not pass `trace` activities on to the client.
 */
export class LocalChannelAdapter extends BotAdapter {
  constructor(
    private readonly store: ConversationStore,
    private readonly log: Pick<Logger, 'warn'>,
    /** Images uploaded to this process, by URL: the bot reads them without a download. */
    private readonly localImages?: LocalImages,
  ) {
    super();
  }

  /** Runs the bot (through the middleware and `onTurnError`) for one incoming activity. */
  async processActivity(activity: Partial<Activity>, logic: BotLogic): Promise<void> {
    const context = new TurnContext(this, activity);
    if (this.localImages) context.turnState.set(LOCAL_IMAGES, this.localImages);
    await this.runMiddleware(context, logic);
  }

  override async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') {
        const ms = Math.min(Math.max(Number(activity.value) || 1000, 0), MAX_DELAY_MS);
        await new Promise((resolve) => setTimeout(resolve, ms));
        responses.push({ id: '' });
        continue;
      }
      if (activity.type === ActivityTypes.Trace || activity.type === ActivityTypes.InvokeResponse) {
        responses.push({ id: '' });
        continue;
      }
      const conversation = this.store.get(activity.conversation?.id);
      const stored = conversation && this.store.append(conversation, toWire(activity));
      if (!stored) {
        this.log.warn({ conversationId: activity.conversation?.id }, 'directline: reply dropped, the conversation is gone');
      }
      responses.push({ id: stored?.id ?? '' });
    }
    return responses;
  }

  override async updateActivity(_context: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const conversation = this.store.get(activity.conversation?.id);
    if (!conversation || !activity.id) throw new Error(`directline: cannot update activity "${activity.id}": unknown`);
    const stored = this.store.replace(conversation, activity.id, toWire(activity));
    if (!stored) throw new Error(`directline: cannot update activity "${activity.id}": not in the conversation`);
    return { id: activity.id };
  }

  override async deleteActivity(_context: TurnContext, reference: Partial<ConversationReference>): Promise<void> {
    const conversation = this.store.get(reference.conversation?.id);
    if (conversation && reference.activityId) this.store.remove(conversation, reference.activityId);
  }

  override async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    await this.processActivity(activity, logic);
  }
}

/** The bot's activity as JSON for the client: a fresh timestamp, sender marked as the bot. */
function toWire(activity: Partial<Activity>): WireActivity {
  const wire = JSON.parse(JSON.stringify(activity)) as WireActivity;
  wire.type = activity.type ?? ActivityTypes.Message;
  wire.timestamp = new Date().toISOString();
  const from = (wire.from ?? {}) as Record<string, unknown>;
  wire.from = { ...from, role: 'bot' };
  return wire;
}
