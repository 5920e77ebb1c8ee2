/**
 * A real bot on botbuilder's TestAdapter: the real knowledge loader on the built-in knowledge/,
 * the real Matcher, memory conversation state, a file feedback log in a temp folder, and a pino
 * logger that records into an array.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { DialogTestLogger } from 'botbuilder-testing';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../../src/knowledge/load';
import { Matcher } from '../../../src/matching/matcher';
import { PasteFixBot, type MatcherLike } from '../../../src/bot/pasteFixBot';
import { createTurnErrorHandler } from '../../../src/bot/turnError';
import { checkCard } from './cards';
import { FileFeedbackLog, FEEDBACK_FILE, readFeedbackLog } from '../../../src/storage/fileFeedbackLog';

let shared: Matcher | undefined;
/** The real matcher on the built-in knowledge base (built once; it is immutable). */
export function realMatcher(): Matcher {
  if (!shared) {
    const kb = loadKnowledge([BUILTIN_KNOWLEDGE]);
    if (kb.problems.length > 0) throw new Error(`built-in knowledge has problems: ${JSON.stringify(kb.problems)}`);
    shared = new Matcher(kb);
  }
  return shared;
}

/** Built-in knowledge plus tests/bot/fixtures (a second article sharing symptoms), through the real loader. */
export const FIXTURES = path.resolve(__dirname, '../../../../tests/bot/fixtures');
let withFixtures: Matcher | undefined;
export function matcherWithFixtures(): Matcher {
  if (!withFixtures) {
    const kb = loadKnowledge([BUILTIN_KNOWLEDGE, FIXTURES]);
    if (kb.problems.length > 0 || kb.articles.length !== 2) throw new Error(`fixture knowledge: ${JSON.stringify(kb.problems)}`);
    withFixtures = new Matcher(kb);
  }
  return withFixtures;
}

/**
 * The real matcher wrapped: throws `error` on the first `failures` calls, then matches normally;
 * `calls` counts every call (greetings must not reach it).
 */
export function flakyMatcher(error: Error, failures = 1): MatcherLike & { calls: number } {
  let left = failures;
  return {
    calls: 0,
    get kb() {
      return realMatcher().kb;
    },
    match(text, options) {
      this.calls++;
      if (left > 0) {
        left--;
        throw error;
      }
      return realMatcher().match(text, options);
    },
  };
}

/** A logger writing parsed JSON lines into `lines`. */
export function memoryLogger(lines: Record<string, unknown>[], level = 'debug'): Logger {
  return pino({ level }, { write: (s: string) => void lines.push(JSON.parse(s) as Record<string, unknown>) });
}

export interface Harness {
  adapter: TestAdapter;
  bot: PasteFixBot;
  logs: Record<string, unknown>[];
  /** The exchange so far, as botbuilder-testing's DialogTestLogger wrote it (User: … / Bot: …). */
  transcript: string[];
  dataDir: string;
  /** Sends one activity (or text) and returns the bot's replies to it. */
  turn(activity: Partial<Activity> | string): Promise<Partial<Activity>[]>;
  /** The feedback log's entries so far. */
  logEntries(): ReturnType<typeof readFeedbackLog>['entries'];
  /** The raw feedback log file. */
  logFile(): string;
  cleanup(): void;
}

export interface HarnessOptions {
  /** Default: the real matcher on the built-in knowledge. */
  matcher?: () => MatcherLike;
  /** TestAdapter conversation template: channel id etc. Default channel `test`. */
  channelId?: string;
  locale?: string;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const logs: Record<string, unknown>[] = [];
  const logger = memoryLogger(logs);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-bot-'));
  const feedbackLog = new FileFeedbackLog(dataDir);
  const bot = new PasteFixBot({
    matcher: options.matcher ?? realMatcher,
    conversationState: new ConversationState(new MemoryStorage()),
    feedbackLog,
    logger,
    clock: () => new Date('2026-01-02T03:04:05.000Z'),
  });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  if (options.channelId) adapter.conversation.channelId = options.channelId;
  if (options.locale) adapter.locale = options.locale;
  adapter.onTurnError = createTurnErrorHandler(logger);
  // botbuilder-testing's transcript logger records every exchange; failing assertions print it.
  const transcript: string[] = [];
  adapter.use(new DialogTestLogger({ log: (...args: unknown[]) => void transcript.push(args.map(String).join(' ')) }));

  return {
    adapter,
    bot,
    logs,
    transcript,
    dataDir,
    async turn(activity) {
      const request: Partial<Activity> = typeof activity === 'string' ? adapter.makeActivity(activity) : { ...activity };
      // TestAdapter defaults to en-us; a harness without a locale sends none, as some channels do.
      if (typeof activity === 'string' || request.locale === undefined) request.locale = options.locale;
      adapter.activeQueue.splice(0);
      await adapter.processActivity(request);
      return adapter.activeQueue.splice(0);
    },
    logEntries: () => readFeedbackLog(path.join(dataDir, FEEDBACK_FILE)).entries,
    logFile: () => path.join(dataDir, FEEDBACK_FILE),
    cleanup: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** The Adaptive Card JSON of a reply, or undefined. */
export function cardOf(reply: Partial<Activity> | undefined): Record<string, unknown> | undefined {
  const attachment = reply?.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return attachment?.content as Record<string, unknown> | undefined;
}

/** The one reply of a turn; fails with the harness's transcript when there are none or several. */
export function onlyReply(replies: Partial<Activity>[], h: Harness | undefined): Partial<Activity> {
  assert.equal(replies.length, 1, `expected one reply, got ${replies.length}; transcript:\n${h?.transcript.join('\n')}`);
  return replies[0]!;
}

/** The reply's Adaptive Card, checked against the card schema (no problems). */
export function goodCardOf(reply: Partial<Activity>): Record<string, unknown> {
  const card = cardOf(reply);
  assert.ok(card, `expected a card, got text ${JSON.stringify(reply.text)}`);
  assert.deepEqual(checkCard(card).problems, []);
  return card;
}

/** Error texts users paste (facts: the product's exact messages; the cmdlet line as admins type it). */
export const PASTES = {
  federationDe: [
    "[PS] C:\\>Set-FederatedOrganizationIdentifier -DelegationFederationTrust 'Microsoft Federation Gateway' -AccountNamespace contoso.com -Enabled $True -Verbose",
    'Fehler beim Versuch, Exchange für den Partner STS bereitzustellen.',
    'Detaillierte Informationen: "Fehler beim Zugriff auf Windows Live". "Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden."',
  ].join('\n'),
  federationEn: [
    "[PS] C:\\>Set-FederatedOrganizationIdentifier -DelegationFederationTrust 'Microsoft Federation Gateway' -AccountNamespace contoso.com -Enabled $True -Verbose",
    'An error occurred while attempting to provision Exchange to the Partner STS. Detailed Information "An error occurred accessing Windows Live. Detailed information: "The underlying connection was closed: An unexpected error occurred on a send."',
  ].join('\n'),
  unknown: "The operation couldn't be performed because object 'mbx-42' couldn't be found on 'dc01.contoso.com'.",
};

/** The fix command, exactly as the article gives it. */
export const FEDERATION_COMMAND =
  "Set-FederatedOrganizationIdentifier -DelegationFederationTrust 'Microsoft Federation Gateway' -AccountNamespace <account namespace> -Enabled $True -Verbose";

/** The fix command as answers to PASTES.federationDe/En show it: the paste's `-AccountNamespace contoso.com` filled in. */
export const FEDERATION_COMMAND_FILLED = FEDERATION_COMMAND.replace('<account namespace>', 'contoso.com');
