/**
 * Running the real entry point (`node dist/src/index.js`, what `npm start` runs) as a child process:
 * a free port, its JSON log lines and stderr as they arrive, waiting for conditions, and mocha hooks
 * that give each test a working folder and stop what it started.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ENTRY = path.resolve(__dirname, '../../src/index.js');

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Polls `check` every 25 ms until it gives a truthy value, and resolves with that value; rejects after `ms`. */
export async function until<T>(check: () => T, what: string, ms = 15_000): Promise<NonNullable<T>> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface Entry {
  child: ChildProcess;
  /** Parsed JSON log lines from stdout, in order. */
  lines: Record<string, unknown>[];
  /** Everything written to stderr so far. */
  stderr(): string;
  exited: Promise<number | null>;
}

/** Starts the entry point in `cwd` with only PATH and `env` in its environment. */
export function startEntry(env: Record<string, string>, cwd: string): Entry {
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  // A clean environment: nothing from the developer's shell or a .env leaks in.
  const child = spawn(process.execPath, [ENTRY], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        lines.push({ raw: line });
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  // 'close', not 'exit': it comes after stdout and stderr are read to the end, so a test sees all of them.
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, lines, stderr: () => stderr, exited };
}

/** The entry point started by one test, in that test's working folder. */
export interface EntryPerTest {
  /** This test's fresh working folder (the entry's working directory). */
  readonly dir: string;
  /** The entry this test started, if any. */
  readonly entry: Entry | undefined;
  /** Starts the entry point in `dir` with only PATH and `env` in its environment. */
  start(env: Record<string, string>): Entry;
  /**
   * Starts it on a free port of 127.0.0.1 (DATA_DIR `data` and LOG_LEVEL `info` unless `env` says
   * otherwise) and waits for its `PasteFix listening` line; fails with its log if it exits instead.
   */
  listen(env?: Record<string, string>): Promise<{ entry: Entry; port: number; url: string }>;
}

/**
 * Registers mocha hooks for a suite whose tests each run the entry point: before each test a fresh
 * folder (`prefix` + random); after it, an entry still running is stopped with `signal` and waited
 * for, and the folder removed. Call it before the suite's own hooks, so the entry stops before they
 * close what it talks to.
 */
export function useEntryPerTest(prefix: string, signal: NodeJS.Signals = 'SIGKILL'): EntryPerTest {
  let dir = '';
  let entry: Entry | undefined;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(async () => {
    if (entry && entry.child.exitCode === null && entry.child.signalCode === null) {
      entry.child.kill(signal);
      await entry.exited;
    }
    entry = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const start = (env: Record<string, string>): Entry => (entry = startEntry(env, dir));
  return {
    get dir() {
      return dir;
    },
    get entry() {
      return entry;
    },
    start,
    async listen(env = {}) {
      const port = await freePort();
      const e = start({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: 'data', LOG_LEVEL: 'info', ...env });
      await until(
        () => e.lines.some((l) => typeof l.msg === 'string' && l.msg.startsWith('PasteFix listening')) || e.child.exitCode !== null,
        'the server to listen',
      );
      assert.equal(e.child.exitCode, null, JSON.stringify(e.lines));
      return { entry: e, port, url: `http://127.0.0.1:${port}` };
    },
  };
}
