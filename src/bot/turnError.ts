/**
 * The one turn-level error handler (`adapter.onTurnError`): logs the error with the activity and
 * conversation ids and apologises in the user's language. The service keeps running.
 * Exported for every adapter that runs the bot (CloudAdapter, the in-process Direct Line adapter).
 */
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import { langFromLocale } from './language';
import { texts } from './texts';

export function createTurnErrorHandler(logger: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const activity = context.activity;
    logger.error(
      { err: error, activityId: activity?.id, conversationId: activity?.conversation?.id, channel: activity?.channelId },
      'turn failed',
    );
    // Only a message deserves an answer; a failed conversationUpdate should stay silent.
    if (activity?.type !== 'message') return;
    try {
      await context.sendActivity(texts(langFromLocale(activity.locale) ?? guessLang(activity.text)).apology);
    } catch (sendError) {
      logger.error({ err: sendError, activityId: activity.id }, 'could not send the apology');
    }
  };
}

/** German if the message has German letters or common German error words; the apology is short either way. */
function guessLang(text: string | undefined): 'de' | 'en' {
  return /[äöüß]|\b(fehler|hilfe|themen|zeige|danke|hallo)\b/i.test(text ?? '') ? 'de' : 'en';
}
