/** The bot layer's public surface, used by src/index.ts and the server's adapters. */
export { PasteFixBot, type PasteFixBotDeps, type MatcherLike, type ConversationData } from './pasteFixBot';
export { createTurnErrorHandler } from './turnError';
export type { FeedbackLog, LogEntry } from './feedbackLog';
export { TEXTS, texts, type Texts } from './texts';
