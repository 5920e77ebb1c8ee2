/**
 * The botbuilder classes the service uses, loaded without botbuilder's index: they all come from botbuilder-core,
 * but CloudAdapter, which lives in botbuilder's own files. botbuilder's index also loads what the service never
 * uses — the file transcript store (fs-extra), the speak middleware (htmlparser2), inspection, skills, the Teams
 * and SharePoint handlers and their SSO middleware — about 90 modules and, at start-up, about 0.07 s of CPU time.
 * botbuilder-core is resolved as botbuilder resolves it, so these are the very classes `require('botbuilder')`
 * gives (tests/botbuilder.test.ts); botbuilder is pinned (`~4.23.3` in package.json). Types come from 'botbuilder'.
 */
import { createRequire } from 'node:module';
import type * as botbuilder from 'botbuilder';
import { deferModule } from './deferModule';

/** Packages botframework-connector requires with its index but uses only on some authentication setups. */
const DEFERRED = ['@azure/identity', '@azure/msal-node'];

const fromBotbuilder = createRequire(require.resolve('botbuilder'));
// botframework-connector's index (loaded by botbuilder-core) requires @azure/identity and @azure/msal-node, used only
// to get tokens on some authentication setups: loaded when first used (deferModule.ts).
const connector = createRequire(fromBotbuilder.resolve('botbuilder-core')).resolve('botframework-connector');
for (const request of DEFERRED) deferModule(request, connector);
const core = fromBotbuilder('botbuilder-core') as typeof botbuilder;
const cloudAdapter = fromBotbuilder('./cloudAdapter') as Pick<typeof botbuilder, 'CloudAdapter'>;

export const {
  ActivityHandler,
  ActivityTypes,
  BotAdapter,
  CardFactory,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  MessageFactory,
  TurnContext,
} = core;
export const { CloudAdapter } = cloudAdapter;

export type ActivityHandler = botbuilder.ActivityHandler;
export type ActivityTypes = botbuilder.ActivityTypes;
export type BotAdapter = botbuilder.BotAdapter;
export type ConfigurationBotFrameworkAuthentication = botbuilder.ConfigurationBotFrameworkAuthentication;
export type ConversationState = botbuilder.ConversationState;
export type MemoryStorage = botbuilder.MemoryStorage;
export type TurnContext = botbuilder.TurnContext;
export type CloudAdapter = botbuilder.CloudAdapter;
