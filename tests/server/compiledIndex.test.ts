/**
 * The service started from a compiled knowledge index (KNOWLEDGE_INDEX, built with `kb build`): the real
 * entry point as a child process, reached over HTTP, replying to a stand-in connector. An index that is
 * up to date is used; a stale or damaged one is named in a warning and the sources are loaded instead;
 * hot reload still follows the sources.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { INDEX_FORMAT } from '../../src/knowledge/compiled';
import { articleYaml } from '../helpers/articles';
import { until, useEntryPerTest, type Entry } from '../helpers/process';
import { emulatorMessage, postActivity } from '../helpers/service';
import { ROOT } from '../helpers/tmp';
import { startConnector, type StandInConnector } from './support/connector';

const ERROR = 'The frobnicator service could not reach the widget gateway endpoint';

describe('npm start with KNOWLEDGE_INDEX (a compiled knowledge index)', function () {
  this.timeout(60_000);
  const run = useEntryPerTest('pastefix-index-');
  let connector: StandInConnector;
  let sources: string;
  let index: string;

  beforeEach(async () => {
    connector = await startConnector();
    sources = path.join(run.dir, 'kb');
    index = path.join(run.dir, 'knowledge.idx');
    fs.mkdirSync(sources);
    fs.writeFileSync(
      path.join(sources, 'widget.yaml'),
      articleYaml('widget-gateway', ERROR, { title: { en: 'Old title', de: 'Alter Titel' } }),
    );
    // The sources a while in the past, so the index written next is plainly newer.
    const past = new Date(Date.now() - 5000);
    fs.utimesSync(path.join(sources, 'widget.yaml'), past, past);
    fs.utimesSync(sources, past, past);
    const built = spawnSync(process.execPath, [path.join(ROOT, 'dist/src/cli/kb.js'), 'build', '--kb', 'kb', '--out', 'knowledge.idx'], {
      cwd: run.dir,
      encoding: 'utf8',
    });
    assert.equal(built.stdout, '1 articles from 1 files compiled into knowledge.idx (0.0 MB)\n', built.stderr);
    assert.equal(built.status, 0);
  });
  afterEach(async () => {
    await connector.close();
  });

  /** Sends `text` as a user message over real HTTP and returns what the bot sent back, as JSON text. */
  async function ask(url: string, text: string): Promise<string> {
    const before = connector.received.length;
    const res = await postActivity(url, emulatorMessage(connector.serviceUrl, text, `m${before}`));
    assert.equal(res.status, 200);
    await until(() => connector.received.length > before, 'the reply');
    return JSON.stringify(connector.received.slice(before).map((r) => r.activity));
  }

  const env = () => ({ KNOWLEDGE_PATHS: 'kb', KNOWLEDGE_INDEX: 'knowledge.idx' });

  it('starts from an index that is up to date: says so in the log, serves /healthz and answers from it', async () => {
    const { entry, url } = await run.listen(env());
    const loaded = entry.lines.find((l) => l.msg === 'knowledge loaded from the compiled index');
    assert.ok(loaded, JSON.stringify(entry.lines));
    assert.equal(loaded.index, index);
    assert.equal(loaded.articles, 1);
    assert.ok(!entry.lines.some((l) => l.level === 40), 'no warning');
    const health = await fetch(`${url}/healthz`);
    assert.equal(health.status, 200);
    assert.equal(((await health.json()) as { articles: number }).articles, 1);
    assert.match(await ask(url, ERROR), /Old title/);
  });

  /**
   * A preload that lists the modules the service's thread has loaded when asked (SIGUSR2); written beside and
   * renamed, so the test never reads half a list.
   */
  function listingModules(): { env: { NODE_OPTIONS: string }; list: (entry: Entry) => Promise<string[]> } {
    const preload = path.join(run.dir, 'list-modules.js');
    const listed = path.join(run.dir, 'modules.json');
    fs.writeFileSync(
      preload,
      `const fs = require('node:fs');
      process.on('SIGUSR2', () => {
        fs.writeFileSync(${JSON.stringify(`${listed}.tmp`)}, JSON.stringify(Object.keys(require.cache)));
        fs.renameSync(${JSON.stringify(`${listed}.tmp`)}, ${JSON.stringify(listed)});
      });`,
    );
    return {
      env: { NODE_OPTIONS: `--require ${preload}` },
      async list(entry) {
        fs.rmSync(listed, { force: true });
        entry.child.kill('SIGUSR2');
        await until(() => fs.existsSync(listed), 'the module list');
        return JSON.parse(fs.readFileSync(listed, 'utf8')) as string[];
      },
    };
  }
  const packagesOf = (modules: string[]) => new Set(modules.map((m) => /node_modules\/((@[^/]+\/)?[^/]+)\//.exec(m)?.[1]).filter(Boolean));
  const sourceLoader = path.join('dist', 'src', 'knowledge', 'load.js');

  it('starts from an index without loading what reads the sources (YAML, Markdown importer) or the Azure SDK', async () => {
    const modules = listingModules();
    const { entry, url } = await run.listen({ ...env(), ...modules.env });
    assert.ok(
      entry.lines.some((l) => l.msg === 'knowledge loaded from the compiled index'),
      JSON.stringify(entry.lines),
    );
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    const loaded = await modules.list(entry);
    const packages = packagesOf(loaded);
    assert.ok(packages.has('restify') && packages.has('botbuilder'), [...packages].join(' '));
    for (const lazy of ['yaml', 'markdown-it', '@azure/storage-blob', 'botbuilder-azure-blobs'])
      assert.ok(!packages.has(lazy), `${lazy} was loaded: ${[...packages].join(' ')}`);
    assert.ok(!loaded.some((m) => m.endsWith(sourceLoader)), 'the source loader was loaded');
  });

  it('a stale index (a source edited after the build): warns, word for word, and answers from the sources', async () => {
    fs.writeFileSync(
      path.join(sources, 'widget.yaml'),
      articleYaml('widget-gateway', ERROR, { title: { en: 'New title', de: 'Neuer Titel' } }),
    );
    const future = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(sources, 'widget.yaml'), future, future);
    const { entry, url } = await run.listen(env());
    const source = path.join(sources, 'widget.yaml');
    const warning = entry.lines.find((l) => l.level === 40);
    assert.equal(
      warning?.msg,
      `knowledge index ${index} not used: stale: ${source} is newer than the index; loading the knowledge from its sources`,
    );
    assert.equal(warning?.file, index);
    assert.ok(entry.lines.some((l) => l.msg === 'knowledge loaded' && l.articles === 1));
    assert.match(await ask(url, ERROR), /New title/);
  });

  it('a damaged index (one byte flipped): warns, word for word, and answers from the sources', async () => {
    const bytes = fs.readFileSync(index);
    const { mtime } = fs.statSync(index);
    bytes[bytes.length - 3] ^= 0x20;
    fs.writeFileSync(index, bytes);
    fs.utimesSync(index, mtime, mtime);
    const { entry, url } = await run.listen(env());
    assert.equal(
      entry.lines.find((l) => l.level === 40)?.msg,
      `knowledge index ${index} not used: damaged: checksum mismatch; loading the knowledge from its sources`,
    );
    assert.ok(entry.lines.some((l) => l.msg === 'knowledge loaded' && l.articles === 1));
    assert.match(await ask(url, ERROR), /Old title/);
  });

  it('an index of another format version: warns and loads the sources', async () => {
    const text = fs.readFileSync(index, 'latin1').replace(/^PASTEFIX-KNOWLEDGE-INDEX \d+ /, 'PASTEFIX-KNOWLEDGE-INDEX 999 ');
    const { mtime } = fs.statSync(index);
    fs.writeFileSync(index, text, 'latin1');
    fs.utimesSync(index, mtime, mtime);
    const { entry, url } = await run.listen(env());
    assert.equal(
      entry.lines.find((l) => l.level === 40)?.msg,
      `knowledge index ${index} not used: format version 999, this PasteFix reads version ${INDEX_FORMAT}; loading the knowledge from its sources`,
    );
    assert.match(await ask(url, ERROR), /Old title/);
  });

  it('a missing index file: warns and loads the sources', async () => {
    fs.rmSync(index);
    const { entry, url } = await run.listen(env());
    assert.equal(
      entry.lines.find((l) => l.level === 40)?.msg,
      `knowledge index ${index} not used: cannot read it (ENOENT); loading the knowledge from its sources`,
    );
    assert.match(await ask(url, ERROR), /Old title/);
  });

  it('hot reload still works when it started from the index: an edited source goes live, read in a worker thread', async () => {
    const modules = listingModules();
    const { entry, url } = await run.listen({ ...env(), ...modules.env });
    assert.ok(entry.lines.some((l) => l.msg === 'knowledge loaded from the compiled index'));
    await until(() => entry.lines.some((l) => l.msg === 'watching knowledge for changes'), 'the watcher');
    fs.writeFileSync(
      path.join(sources, 'widget.yaml'),
      articleYaml('widget-gateway', ERROR, { title: { en: 'New title', de: 'Neuer Titel' } }),
    );
    await until(() => entry.lines.some((l) => l.msg === 'knowledge reloaded'), 'the reload');
    assert.match(await ask(url, ERROR), /New title/);
    // The reload parsed the sources in a worker thread: the parsers' code and its compiled patterns never reached the
    // service's thread (there they would count towards V8's limit on code, past which it compiles patterns unoptimized).
    const loaded = await modules.list(entry);
    for (const parser of ['yaml', 'markdown-it']) assert.ok(!packagesOf(loaded).has(parser), `${parser} was loaded`);
    assert.ok(!loaded.some((m) => m.endsWith(sourceLoader)), 'the source loader was loaded');
  });
});
