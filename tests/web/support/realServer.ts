/**
 * The real PasteFix service for browser tests: tests/helpers/service.ts (real knowledge base, Matcher,
 * PasteFixBot, createServer) plus the web chat in local mode, on 127.0.0.1 and a free port.
 */
import path from 'node:path';
import { FEEDBACK_FILE, readFeedbackLog } from '../../../src/storage/fileFeedbackLog';
import type { ScreenshotDeps } from '../../../src/bot/screenshots/read';
import type { Matcher } from '../../../src/matching/matcher';
import { webChatRoutes, type WebChat } from '../../../src/server/directline';
import { realMatcher } from '../../bot/support/harness';
import { startService } from '../../helpers/service';

export interface RealServer {
  url: string;
  webChat: WebChat;
  matcher: Matcher;
  /** The feedback log's entries so far. */
  feedback(): ReturnType<typeof readFeedbackLog>['entries'];
  close(): Promise<void>;
}

/**
 * `allowedOrigins`: other origins whose pages may embed the widget (`WEBCHAT_ALLOWED_ORIGINS`). Default none.
 * `screenshots`: screenshot reading for the bot (default none: images ignored).
 * `matcher`: the bot's matcher (default the built-in knowledge).
 */
export async function startRealServer(
  options: { allowedOrigins?: string[]; screenshots?: ScreenshotDeps; matcher?: Matcher } = {},
): Promise<RealServer> {
  const matcher = options.matcher;
  let webChat: WebChat | undefined;
  const service = await startService({
    logLevel: 'warn',
    screenshots: options.screenshots,
    ...(matcher ? { matcher: () => matcher } : {}),
    routes: [
      webChatRoutes({
        mode: { kind: 'local' },
        allowedOrigins: options.allowedOrigins,
        onRegistered: (registered) => (webChat = registered),
      }),
    ],
  });
  return {
    url: service.url,
    webChat: webChat!,
    matcher: matcher ?? realMatcher(),
    feedback: () => readFeedbackLog(path.join(service.dataDir, FEEDBACK_FILE)).entries,
    close: async () => {
      await webChat?.local?.idle();
      await service.stop();
    },
  };
}
