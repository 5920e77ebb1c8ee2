/**
 * The processes the serving benchmarks talk to: the real PasteFix service (`node dist/src/index.js`,
 * authentication off, loopback only), a bare botbuilder echo bot (echoBot.ts), and a local stand-in
 * for the Bot Framework connector that receives the bots' replies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
export const SERVICE_ENTRY = path.join(ROOT, 'dist/src/index.js');
const ECHO_ENTRY = path.join(__dirname, 'echoBot.js');
/** The line gcProbe.ts prints (kept in step with it; not imported, so no process loads the probe by accident). */
const GC_PROBE_LINE = 'gc-probe ';
/** Node flags that preload gcProbe.ts: SIGUSR2 then collects garbage and prints the memory (see `memoryAfterGc`). */
const GC_PROBE_FLAGS = ['--expose-gc', '-r', path.join(__dirname, 'gcProbe.js')];

/**
 * The Node flags of `npm start` (package.json's start script, `node [FLAGS] dist/src/index.js`): the service is
 * measured as it is run, and the echo bots get the same flags, so every bot runs with the same runtime settings.
 */
export function startFlags(script: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start): string[] {
  const words = script.trim().split(/\s+/);
  const flags = words.slice(1, -1);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/src/index.js' || flags.some((f) => !f.startsWith('--')))
    throw new Error(`bench: package.json's start script must be "node [--FLAG...] dist/src/index.js", got "${script}"`);
  return flags;
}

/**
 * The environment README's "Running in production" recommends on Linux, given to every bot alike: glibc's malloc
 * with at most two arenas. With its default (up to 8 per core) the service's RSS after a full garbage collection
 * rose by 20–24 MB over its first ~5,000 requests and then stayed (glibc's main arena kept it; V8's heap, external
 * memory and the threads stayed flat); with two it stayed within 2 MB, at the same CPU time per request. Other C
 * libraries ignore it. Not in `npm start`, which must run on Windows too.
 */
export const PRODUCTION_ENV: Readonly<Record<string, string>> = { MALLOC_ARENA_MAX: '2' };

/** A port nobody listens on right now (the service's PORT must be 1..65535, so port 0 cannot be passed). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface Running {
  url: string;
  process: ChildProcess;
  /** Output of the process so far (for error messages). */
  output(): string;
  stop(): Promise<void>;
}

function track(proc: ChildProcess, url: string): Running {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve();
    else proc.once('exit', () => resolve());
  });
  return {
    url,
    process: proc,
    output: () => output,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface ServiceOptions {
  knowledgePaths: string[];
  /** A compiled knowledge index of `knowledgePaths` (`KNOWLEDGE_INDEX`). Default none. */
  knowledgeIndex?: string;
  dataDir: string;
  port: number;
  /** Preload gcProbe.ts, for `memoryAfterGc`. Default false. */
  gcProbe?: boolean;
}

/** Starts the real service; resolves as soon as the process is spawned (poll `/healthz` to know it is up). */
export function spawnService(o: ServiceOptions): Running {
  const env: NodeJS.ProcessEnv = {
    ...PRODUCTION_ENV,
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(o.port),
    HOST: '127.0.0.1',
    KNOWLEDGE_PATHS: o.knowledgePaths.join(','),
    ...(o.knowledgeIndex ? { KNOWLEDGE_INDEX: o.knowledgeIndex } : {}),
    DATA_DIR: o.dataDir,
    // Request logging would be measured too; the echo bot logs nothing either.
    LOG_LEVEL: 'warn',
  };
  // cwd = dataDir: no stray .env of the developer's is read (it could turn authentication on).
  const args = [...startFlags(), ...(o.gcProbe ? GC_PROBE_FLAGS : []), SERVICE_ENTRY];
  const proc = spawn(process.execPath, args, { cwd: o.dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return track(proc, `http://127.0.0.1:${o.port}`);
}

/**
 * Starts the echo bot on `port` (answering with a card of about `cardBytes` when given); resolves when it listens.
 * `gcProbe`: preload gcProbe.ts, for `memoryAfterGc`.
 */
export async function startEchoBot(port: number, cardBytes = 0, gcProbe = false): Promise<Running> {
  const env = { ...PRODUCTION_ENV, PATH: process.env.PATH, PORT: String(port), ECHO_CARD_BYTES: String(cardBytes) };
  const proc = spawn(process.execPath, [...startFlags(), ...(gcProbe ? GC_PROBE_FLAGS : []), ECHO_ENTRY], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const running = track(proc, `http://127.0.0.1:${port}`);
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      if (chunk.toString().includes('listening')) {
        proc.stdout?.off('data', onData);
        resolve();
      }
    };
    proc.stdout?.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`bench: echo bot exited with code ${code}: ${running.output()}`)));
  });
  return running;
}

/**
 * What a process holds right after full garbage collections (MB): its resident memory, the V8 heap in use, and the
 * memory outside the heap V8 knows of (`external`, which includes the bytes of Buffers and other ArrayBuffers,
 * `arrayBuffers`). RSS also counts what the C allocator keeps for later and V8's committed but empty pages; the
 * other three are what the process's objects hold.
 */
export interface MemoryReading {
  rssMB: number;
  heapMB: number;
  /** V8's heap as committed (in use + free pages it keeps, the young generation's empty semi-spaces among them). */
  heapTotalMB?: number;
  /** Absent in readings written before they were taken. */
  externalMB?: number;
  arrayBuffersMB?: number;
}

/** The reading of one `gc-probe {...}` line (bytes) in MB. */
export function parseGcProbeLine(line: string): MemoryReading | null {
  if (!line.startsWith(GC_PROBE_LINE) || !line.endsWith('}')) return null;
  const m = JSON.parse(line.slice(GC_PROBE_LINE.length)) as {
    rss: number;
    heapUsed: number;
    heapTotal?: number;
    external?: number;
    arrayBuffers?: number;
  };
  const mb = (bytes: number) => bytes / 2 ** 20;
  return {
    rssMB: mb(m.rss),
    heapMB: mb(m.heapUsed),
    ...(m.heapTotal !== undefined ? { heapTotalMB: mb(m.heapTotal) } : {}),
    ...(m.external !== undefined ? { externalMB: mb(m.external) } : {}),
    ...(m.arrayBuffers !== undefined ? { arrayBuffersMB: mb(m.arrayBuffers) } : {}),
  };
}

/** `MemoryReading` of a process started with `gcProbe`, right after full garbage collections. */
export async function memoryAfterGc(running: Running, timeoutMs = 10_000): Promise<MemoryReading> {
  const stderr = running.process.stderr!;
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => done(new Error(`bench: no ${GC_PROBE_LINE.trim()} line within ${timeoutMs} ms`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const reading = seen
        .split('\n')
        .map(parseGcProbeLine)
        .find((r) => r !== null);
      if (reading) done(undefined, reading);
    };
    const done = (err?: Error, value?: MemoryReading) => {
      clearTimeout(timer);
      stderr.off('data', onData);
      if (err) reject(err);
      else resolve(value!);
    };
    stderr.on('data', onData);
    running.process.kill('SIGUSR2');
  });
}

export interface Health {
  /** Milliseconds from `since` to the first 200 of /healthz. */
  ms: number;
  articles: number;
}

/** Polls `/healthz` until it answers 200 (or the process dies, or `timeoutMs` passes). */
export async function waitForHealth(service: Running, since: bigint, timeoutMs: number): Promise<Health> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (service.process.exitCode !== null)
      throw new Error(`bench: the service exited (code ${service.process.exitCode}): ${service.output()}`);
    const body = await getJson(`${service.url}/healthz`).catch(() => null);
    if (body && typeof body.articles === 'number') {
      return { ms: Number(process.hrtime.bigint() - since) / 1e6, articles: body.articles };
    }
    if (Date.now() > deadline) throw new Error(`bench: /healthz did not answer within ${timeoutMs} ms: ${service.output()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function getJson(url: string): Promise<{ articles?: unknown } | null> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        if (res.statusCode !== 200) return resolve(null);
        try {
          resolve(JSON.parse(text) as { articles?: unknown });
        } catch {
          resolve(null);
        }
      });
    });
    req.on('error', reject);
    req.setTimeout(2000, () => req.destroy(new Error('timeout')));
  });
}

export interface Connector {
  url: string;
  /** Activities received (the bots' replies). */
  received(): number;
  /** Bytes of their bodies. */
  receivedBytes(): number;
  close(): Promise<void>;
}

/**
 * Stand-in for the Bot Framework connector: accepts what a bot sends to its `serviceUrl`
 * (`POST /v3/conversations/:id/activities[/:replyToId]`) and answers 200 `{id}`, like the real one.
 */
export function startConnector(): Promise<Connector> {
  let received = 0;
  let receivedBytes = 0;
  const server = http.createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => (bytes += chunk.length));
    req.on('end', () => {
      if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.test((req.url ?? '').split('?')[0])) {
        received++;
        receivedBytes += bytes;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${received}` }));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        received: () => received,
        receivedBytes: () => receivedBytes,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
