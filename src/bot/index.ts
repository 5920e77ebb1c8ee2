/** The bot layer's public surface, used by src/index.ts and the server's adapters. */
export { PasteFixBot, type PasteFixBotDeps, type MatcherLike, type ConversationData } from './pasteFixBot';
export { createTurnErrorHandler } from './turnError';
export { FileFeedbackLog, readFeedbackLog, FEEDBACK_FILE, type FeedbackLog, type LogEntry } from './feedbackLog';
export { summarizeGaps, formatGaps, type Gap } from './gaps';
export { TEXTS, texts, type Texts } from './texts';
