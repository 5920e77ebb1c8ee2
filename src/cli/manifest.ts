/**
 * `npm run manifest [-- --out FILE]`: builds the Teams app package (default build/appPackage.zip)
 * from manifest/ and the environment (TEAMS_APP_ID, MicrosoftAppId, BOT_DOMAIN; a .env file in the
 * current folder is read too, without overriding variables already set).
 *
 * Exit codes: 0 written · 1 the template or an icon is broken · 2 bad settings or arguments.
 * The work itself lives in teamsPackage.ts.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { buildAppPackage, ManifestError, settingsFromEnv } from './teamsPackage';

/** Where the package goes unless --out says otherwise. */
export const DEFAULT_OUT = path.resolve(__dirname, '..', '..', '..', 'build', 'appPackage.zip');

const USAGE = 'usage: npm run manifest [-- --out FILE]   (reads TEAMS_APP_ID, MicrosoftAppId, BOT_DOMAIN from the environment or .env)';

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** Runs the command; returns the exit code instead of exiting, so it can be called in-process. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv, io: Io): Promise<number> {
  let outFile = DEFAULT_OUT;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      io.out(USAGE);
      return 0;
    } else if (arg === '--out' && argv[i + 1]) {
      outFile = path.resolve(argv[++i]!);
    } else {
      io.err(`manifest: unknown argument ${JSON.stringify(arg)}`);
      io.err(USAGE);
      return 2;
    }
  }
  try {
    const settings = settingsFromEnv(env);
    const appPackage = await buildAppPackage(settings);
    mkdirSync(path.dirname(outFile), { recursive: true });
    writeFileSync(outFile, appPackage.zip);
    io.out(
      `manifest: wrote ${path.relative(process.cwd(), outFile) || outFile} (${appPackage.files.join(', ')}) ` +
        `for app ${settings.appId}, bot ${settings.botId}, host ${settings.host}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ManifestError) {
      for (const problem of error.problems) io.err(problem);
      return error.exitCode;
    }
    io.err(`manifest: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

if (require.main === module) {
  const dotenvFile = path.resolve(process.cwd(), '.env');
  if (existsSync(dotenvFile)) loadDotenv({ path: dotenvFile, quiet: true });
  main(process.argv.slice(2), process.env, { out: console.log, err: console.error }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
