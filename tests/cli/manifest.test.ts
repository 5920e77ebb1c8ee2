import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { parseIntent } from '../../src/bot/intents';
import { renderColorIcon, renderOutlineIcon } from '../../src/cli/icons';
import {
  buildAppPackage,
  bundledManifestVersions,
  fillTemplate,
  iconProblems,
  MANIFEST_DIR,
  ManifestError,
  schemaProblems,
  settingsFromEnv,
  type PackageSettings,
} from '../../src/cli/teamsPackage';

const APP_ID = '6d5a0c1e-8f3b-4c2a-9e7d-1b2c3d4e5f60';
const BOT_ID = '0f9e8d7c-6b5a-4493-8281-706f5e4d3c2b';
const HOST = 'pastefix.contoso.com';
const SETTINGS: PackageSettings = { appId: APP_ID, botId: BOT_ID, host: HOST };
const ENV = { TEAMS_APP_ID: APP_ID, MicrosoftAppId: BOT_ID, BOT_DOMAIN: HOST };

const CLI = path.resolve(__dirname, '..', '..', 'src', 'cli', 'manifest.js');
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

function readJson(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}

/** The ManifestError `fn` throws (sync or async); fails the test when it throws nothing or something else. */
async function refusal(fn: () => unknown): Promise<ManifestError> {
  try {
    await fn();
  } catch (error) {
    assert.ok(error instanceof ManifestError, `expected a ManifestError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a ManifestError, nothing was thrown');
}

function refusalOf(env: Record<string, string | undefined>): string[] {
  try {
    settingsFromEnv(env);
  } catch (error) {
    assert.ok(error instanceof ManifestError);
    assert.equal(error.exitCode, 2);
    return [...error.problems];
  }
  assert.fail(`settingsFromEnv accepted ${JSON.stringify(env)}`);
}

describe('Teams app package (manifest/, npm run manifest)', function () {
  let tmp: string;
  const manifestTemplate = readJson(path.join(MANIFEST_DIR, 'manifest.json'));
  const german = readJson(path.join(MANIFEST_DIR, 'de.json'));
  const newest = bundledManifestVersions().at(-1)!;

  beforeEach(function () {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'pastefix-manifest-'));
  });
  afterEach(function () {
    rmSync(tmp, { recursive: true, force: true });
  });

  describe('manifest.json and de.json', function () {
    it('use the newest manifest version whose schema @microsoft/app-manifest bundles', function () {
      assert.match(newest, /^1\.\d+$/);
      assert.ok(Number(newest.split('.')[1]) >= 30, `bundled versions: ${bundledManifestVersions().join(', ')}`);
      assert.equal(manifestTemplate.manifestVersion, newest);
      assert.equal(
        manifestTemplate.$schema,
        `https://developer.microsoft.com/en-us/json-schemas/teams/v${newest}/MicrosoftTeams.schema.json`,
      );
      assert.equal(
        german.$schema,
        `https://developer.microsoft.com/en-us/json-schemas/teams/v${newest}/MicrosoftTeams.Localization.schema.json`,
      );
    });

    it('fill into a manifest that passes the bundled schema, with the bot, its commands and the host', async function () {
      const { manifest } = await buildAppPackage(SETTINGS);
      assert.deepEqual(await schemaProblems(manifest, newest, 'manifest', 'manifest.json'), []);

      const pkg = readJson(path.join(REPO_ROOT, 'package.json'));
      assert.equal(manifest.id, APP_ID);
      assert.equal(manifest.version, pkg.version);
      assert.deepEqual(manifest.name, { short: 'PasteFix', full: 'PasteFix: Exchange and Microsoft 365 error helper' });
      assert.deepEqual(manifest.developer, {
        name: 'PasteFix',
        websiteUrl: `https://${HOST}/`,
        privacyUrl: `https://${HOST}/privacy`,
        termsOfUseUrl: `https://${HOST}/terms`,
      });
      assert.deepEqual(manifest.validDomains, [HOST]);
      assert.deepEqual(manifest.icons, { color: 'color.png', outline: 'outline.png' });
      assert.deepEqual(manifest.localizationInfo, {
        defaultLanguageTag: 'en-us',
        additionalLanguages: [{ languageTag: 'de', file: 'de.json' }],
      });

      const bots = manifest.bots as Array<Record<string, unknown>>;
      assert.equal(bots.length, 1);
      const bot = bots[0]!;
      assert.equal(bot.botId, BOT_ID);
      assert.deepEqual([...(bot.scopes as string[])].sort(), ['groupChat', 'personal', 'team']);
      assert.equal(bot.supportsFiles, false);
      assert.equal(bot.isNotificationOnly, false);
      const lists = bot.commandLists as Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }>;
      assert.deepEqual([...lists[0]!.scopes].sort(), ['groupChat', 'personal', 'team']);
      assert.deepEqual(
        lists[0]!.commands.map((c) => c.title),
        ['help', 'topics'],
      );
      assert.ok(lists[0]!.commands.every((c) => c.description.length > 10));
      assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);
    });

    it('are checked for real: schema errors name the file and the JSON path', async function () {
      const filled = fillTemplate(manifestTemplate, {
        TEAMS_APP_ID: APP_ID,
        MicrosoftAppId: 'not-a-guid',
        BOT_DOMAIN: HOST,
        APP_VERSION: '1.0.0',
      });
      (filled.name as Record<string, string>).short = 'PasteFix for Exchange and Microsoft 365';
      const problems = await schemaProblems(filled, newest, 'manifest', 'manifest.json');
      assert.ok(
        problems.some((p) =>
          p.startsWith(
            `manifest: manifest.json does not match the Teams ${newest} manifest schema: /name/short must NOT have more than 30 characters`,
          ),
        ),
        problems.join('\n'),
      );
      assert.ok(
        problems.some((p) => p.includes('/bots/0/botId must match pattern')),
        problems.join('\n'),
      );
    });

    it('German localization passes the bundled localization schema, and its checks bite', async function () {
      assert.deepEqual(await schemaProblems(german, newest, 'localization', 'de.json'), []);
      assert.notEqual(german['description.short'], (manifestTemplate.description as Record<string, string>).short);
      assert.match(String(german['description.full']), /Fehler/);

      const tooLong = { ...german, 'description.short': 'x'.repeat(81), 'bogus.key': 'y' };
      const problems = await schemaProblems(tooLong, newest, 'localization', 'de.json');
      const prefix = `manifest: de.json does not match the Teams ${newest} localization schema: `;
      assert.ok(
        problems.includes(`${prefix}/description.short must NOT have more than 80 characters. Details: {"limit":80}`),
        problems.join('\n'),
      );
      assert.ok(
        problems.some((p) => p.startsWith(`${prefix}(top level) must NOT have additional properties`) && p.includes('bogus.key')),
        problems.join('\n'),
      );
    });

    it('a broken template fails the build with exit code 1, listing every problem', async function () {
      const dir = path.join(tmp, 'manifest');
      cpSync(MANIFEST_DIR, dir, { recursive: true });
      const manifest = readJson(path.join(dir, 'manifest.json'));
      (manifest.description as Record<string, string>).short = 'y'.repeat(81);
      writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
      writeFileSync(
        path.join(dir, 'de.json'),
        JSON.stringify({ ...german, 'bots[0].commandLists[0].commands[5].description': 'gibt es nicht' }),
      );
      rmSync(path.join(dir, 'outline.png'));

      const error = await refusal(() => buildAppPackage(SETTINGS, { manifestDir: dir }));
      assert.equal(error.exitCode, 1);
      assert.ok(
        error.problems.some(
          (p) => p.includes('manifest.json does not match') && p.includes('/description/short must NOT have more than 80 characters'),
        ),
        error.message,
      );
      assert.ok(error.problems.includes(`manifest: outline.png is named in manifest.json but missing from ${dir}`), error.message);
      assert.ok(
        error.problems.includes(
          'manifest: de.json translates "bots[0].commandLists[0].commands[5].description", which manifest.json does not have',
        ),
        error.message,
      );
    });

    it('offers commands the bot understands, in English and German (the German ones make it answer in German)', function () {
      const commands = (
        (manifestTemplate.bots as Array<Record<string, unknown>>)[0]!.commandLists as Array<{ commands: Array<{ title: string }> }>
      )[0]!.commands;
      assert.deepEqual(
        commands.map((c) => parseIntent(c.title)),
        [
          { kind: 'help', spoken: undefined },
          { kind: 'topics', spoken: undefined },
        ],
      );
      const germanTitles = commands.map((_, i) => String(german[`bots[0].commandLists[0].commands[${i}].title`]));
      assert.deepEqual(
        germanTitles.map((title) => parseIntent(title)),
        [
          { kind: 'help', spoken: 'de' },
          { kind: 'topics', spoken: 'de' },
        ],
      );
    });

    it('a placeholder without a value is refused by name', async function () {
      const error = await refusal(() => fillTemplate({ a: ['x ${{NOPE}} y'] }, {}, 'manifest.json'));
      assert.deepEqual(error.problems, ['manifest: manifest.json uses ${{NOPE}} but no value is given for it']);
    });
  });

  describe('icons', function () {
    const color = readFileSync(path.join(MANIFEST_DIR, 'color.png'));
    const outline = readFileSync(path.join(MANIFEST_DIR, 'outline.png'));

    it('color.png is 192x192 and opaque', function () {
      const png = PNG.sync.read(color);
      assert.equal(png.width, 192);
      assert.equal(png.height, 192);
      for (let i = 3; i < png.data.length; i += 4) assert.equal(png.data[i], 255);
      assert.deepEqual(iconProblems(color, 'color', 'color.png'), []);
    });

    it('outline.png is 32x32, transparent around, white where drawn', function () {
      const png = PNG.sync.read(outline);
      assert.equal(png.width, 32);
      assert.equal(png.height, 32);
      let ink = 0;
      let clear = 0;
      for (let i = 0; i < png.data.length; i += 4) {
        const [r, g, b, a] = png.data.subarray(i, i + 4);
        if (a === 0) clear++;
        else {
          ink++;
          assert.deepEqual([r, g, b], [255, 255, 255], `pixel ${i / 4} is not white`);
        }
      }
      for (const corner of [0, 31, 32 * 31, 32 * 32 - 1]) assert.equal(png.data[corner * 4 + 3], 0, `corner ${corner} is not transparent`);
      assert.ok(ink > 100 && clear > 300, `ink ${ink}, clear ${clear}: the glyph should be visible and the background clear`);
      assert.deepEqual(iconProblems(outline, 'outline', 'outline.png'), []);
    });

    it('the committed icons are exactly what src/cli/icons.ts draws', function () {
      assert.deepEqual(PNG.sync.read(color).data, PNG.sync.read(renderColorIcon()).data);
      assert.deepEqual(PNG.sync.read(outline).data, PNG.sync.read(renderOutlineIcon()).data);
    });

    it('wrong icons are named: size, a coloured outline pixel, an opaque background', function () {
      assert.deepEqual(iconProblems(outline, 'color', 'color.png'), ['manifest: color.png is 32x32; the color icon must be 192x192']);
      const png = PNG.sync.read(outline);
      png.data.set([0, 0, 0, 255], (5 * 32 + 3) * 4);
      assert.deepEqual(iconProblems(PNG.sync.write(png), 'outline', 'outline.png'), [
        'manifest: outline.png pixel (3,5) is rgba(0,0,0,255); the outline icon must be white on transparent',
      ]);
      const filled = new PNG({ width: 32, height: 32 });
      filled.data.fill(255);
      assert.deepEqual(iconProblems(PNG.sync.write(filled), 'outline', 'outline.png'), [
        'manifest: outline.png has no transparent background (a corner pixel is opaque)',
      ]);
      assert.match(iconProblems(Buffer.from('not a png'), 'color', 'color.png')[0]!, /^manifest: color\.png is not a readable PNG/);
    });
  });

  describe('the zip', function () {
    it('holds manifest.json, both icons and de.json at its root, filled with the ids and host', async function () {
      const built = await buildAppPackage(SETTINGS);
      const file = path.join(tmp, 'appPackage.zip');
      writeFileSync(file, built.zip);

      const zip = await JSZip.loadAsync(readFileSync(file));
      const entries = Object.values(zip.files);
      assert.deepEqual(entries.map((e) => e.name).sort(), ['color.png', 'de.json', 'manifest.json', 'outline.png']);
      assert.ok(entries.every((e) => !e.dir));
      assert.deepEqual(built.files, ['manifest.json', 'color.png', 'outline.png', 'de.json']);

      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as Record<string, unknown>;
      assert.equal(manifest.id, APP_ID);
      assert.equal((manifest.bots as Array<{ botId: string }>)[0]!.botId, BOT_ID);
      assert.deepEqual(manifest.validDomains, [HOST]);
      assert.equal((manifest.developer as Record<string, string>).privacyUrl, `https://${HOST}/privacy`);
      assert.deepEqual(manifest, built.manifest);
      assert.deepEqual(JSON.parse(await zip.file('de.json')!.async('string')), german);
      assert.ok((await zip.file('color.png')!.async('nodebuffer')).equals(readFileSync(path.join(MANIFEST_DIR, 'color.png'))));
      assert.ok((await zip.file('outline.png')!.async('nodebuffer')).equals(readFileSync(path.join(MANIFEST_DIR, 'outline.png'))));
    });

    it('is the same byte for byte when built twice', async function () {
      const [a, b] = [await buildAppPackage(SETTINGS), await buildAppPackage(SETTINGS)];
      assert.ok(a.zip.equals(b.zip));
    });
  });

  describe('settings from the environment', function () {
    it('accepts GUIDs and a host, lower-casing them', function () {
      assert.deepEqual(
        settingsFromEnv({ TEAMS_APP_ID: APP_ID.toUpperCase(), MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'PasteFix.Contoso.COM' }),
        SETTINGS,
      );
      assert.equal(
        settingsFromEnv({ ...ENV, BOT_DOMAIN: 'pastefix-bot.westeurope.cloudapp.azure.com' }).host,
        'pastefix-bot.westeurope.cloudapp.azure.com',
      );
    });

    it('refuses missing ids and host, one line each', function () {
      assert.deepEqual(refusalOf({}), [
        "manifest: TEAMS_APP_ID is not set: give the Teams app's id, a new GUID (e.g. from uuidgen) that you keep for updates",
        "manifest: MicrosoftAppId is not set: give the Microsoft App ID of the bot's Azure Bot resource (a GUID)",
        "manifest: BOT_DOMAIN is not set: give the bot's public host name, like pastefix.contoso.com",
      ]);
      assert.deepEqual(refusalOf({ ...ENV, MicrosoftAppId: '' }), [
        "manifest: MicrosoftAppId is not set: give the Microsoft App ID of the bot's Azure Bot resource (a GUID)",
      ]);
    });

    it('refuses ids that are not GUIDs, naming variable and value', function () {
      assert.deepEqual(refusalOf({ ...ENV, TEAMS_APP_ID: 'pastefix' }), [
        'manifest: TEAMS_APP_ID "pastefix" is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, hex digits)',
      ]);
      assert.deepEqual(refusalOf({ ...ENV, MicrosoftAppId: `{${BOT_ID}}` }), [
        `manifest: MicrosoftAppId "{${BOT_ID}}" is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, hex digits)`,
      ]);
      assert.deepEqual(refusalOf({ ...ENV, MicrosoftAppId: ` ${BOT_ID}` }), [
        `manifest: MicrosoftAppId " ${BOT_ID}" is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, hex digits)`,
      ]);
      assert.deepEqual(refusalOf({ ...ENV, TEAMS_APP_ID: '00000000-0000-0000-0000-000000000000' }), [
        'manifest: TEAMS_APP_ID "00000000-0000-0000-0000-000000000000" is the empty GUID: give the Teams app\'s id, a new GUID (e.g. from uuidgen) that you keep for updates',
      ]);
    });

    const badHosts: Array<[string, string]> = [
      ['https://pastefix.contoso.com', 'remove "https://"'],
      ['pastefix.contoso.com/api/messages', 'remove the path "/api/messages"'],
      ['pastefix.contoso.com:443', 'remove the port ":443"'],
      ['pastefix.contoso.com:3978junk', 'remove the port ":3978junk"'],
      ['pastefix .contoso.com', 'it contains white space'],
      ['pastefix.contoso.com ', 'it contains white space'],
      ['pastefix_bot.contoso.com', '"pastefix_bot" is not a valid part of a host name'],
      ['-pastefix.contoso.com', '"-pastefix" is not a valid part of a host name'],
      ['pastefix..contoso.com', 'it has an empty part between dots'],
      ['localhost', 'a public host name has at least one dot'],
      ['10.1.2.3', 'use the host name, not an IP address'],
    ];
    for (const [value, reason] of badHosts) {
      it(`refuses BOT_DOMAIN ${JSON.stringify(value)}`, function () {
        assert.deepEqual(refusalOf({ ...ENV, BOT_DOMAIN: value }), [
          `manifest: BOT_DOMAIN ${JSON.stringify(value)} is not a host name: ${reason} (like pastefix.contoso.com)`,
        ]);
      });
    }
  });

  describe('node dist/src/cli/manifest.js (what npm run manifest runs)', function () {
    /** The test runner's environment without the three variables, so a developer's own settings cannot leak in. */
    function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
      const env = { ...process.env };
      delete env.TEAMS_APP_ID;
      delete env.MicrosoftAppId;
      delete env.BOT_DOMAIN;
      return { ...env, ...extra };
    }

    it('writes the package with ids from the environment and .env, and exits 2 on bad input', async function () {
      const out = path.join(tmp, 'out', 'appPackage.zip');
      // BOT_DOMAIN comes from .env in the working folder; the ids from the environment.
      writeFileSync(path.join(tmp, '.env'), `BOT_DOMAIN=${HOST}\n`);
      const ok = spawnSync(process.execPath, [CLI, '--out', out], {
        cwd: tmp,
        env: cleanEnv({ TEAMS_APP_ID: APP_ID, MicrosoftAppId: BOT_ID }),
        encoding: 'utf8',
      });
      assert.equal(ok.status, 0, ok.stderr);
      assert.equal(ok.stderr, '');
      assert.equal(
        ok.stdout,
        `manifest: wrote ${path.join('out', 'appPackage.zip')} (manifest.json, color.png, outline.png, de.json) for app ${APP_ID}, bot ${BOT_ID}, host ${HOST}\n`,
      );
      const manifest = JSON.parse(await (await JSZip.loadAsync(readFileSync(out))).file('manifest.json')!.async('string')) as Record<
        string,
        unknown
      >;
      assert.equal(manifest.id, APP_ID);
      assert.deepEqual(manifest.validDomains, [HOST]);

      rmSync(path.join(tmp, '.env'));
      const bad = path.join(tmp, 'bad.zip');
      const refused = spawnSync(process.execPath, [CLI, '--out', bad], {
        cwd: tmp,
        env: cleanEnv({ TEAMS_APP_ID: APP_ID, MicrosoftAppId: '12345', BOT_DOMAIN: `https://${HOST}/api/messages` }),
        encoding: 'utf8',
      });
      assert.equal(refused.status, 2);
      assert.equal(refused.stdout, '');
      assert.equal(
        refused.stderr,
        'manifest: MicrosoftAppId "12345" is not a GUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, hex digits)\n' +
          `manifest: BOT_DOMAIN "https://${HOST}/api/messages" is not a host name: remove "https://" (like pastefix.contoso.com)\n`,
      );
      assert.equal(existsSync(bad), false);

      const unknownArg = spawnSync(process.execPath, [CLI, '--zip'], { cwd: tmp, env: cleanEnv(ENV), encoding: 'utf8' });
      assert.equal(unknownArg.status, 2);
      assert.match(unknownArg.stderr, /^manifest: unknown argument "--zip"\nusage: npm run manifest/);
    });
  });
});
