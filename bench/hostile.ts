/**
 * Part 6, hostile pastes (issue 11): the shapes that made the old patterns quadratic (a minute for 200 KB
 * of `a.a.a.…`), matched next to a plain paste of the same length, side by side in one process; then
 * the real service gets a normal paste and each of them on /api/messages, several rounds, while /healthz
 * is polled from here: the median and the longest /healthz wait during a heavy paste, next to the same
 * during a normal one, are what one heavy paste costs everyone else (target: at most 200 ms).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../src/knowledge/load';
import { Matcher } from '../src/matching/matcher';
import { benchQueries } from './queries';
import { freePort, spawnService, startConnector, waitForHealth, type Running } from './servers';
import { freshCopy, percentile, timeSideBySide, type Latency } from './timing';
import type { Mode } from './matching';

/** Paste length: the longest paste matched whole in a full run; a quarter of it in a quick one. */
export const HOSTILE_CHARS: Record<Mode, number> = { full: 200_000, quick: 50_000 };
/** What /healthz may wait while one heavy paste is matched. */
export const HEALTHZ_TARGET_MS = 200;
/** Rounds through the real service: every paste once per round, the normal one first. */
export const HOSTILE_ROUNDS: Record<Mode, number> = { full: 5, quick: 2 };
/** The normal paste the heavy ones are shown next to: the PowerShell error record of the matching part. */
export const NORMAL_PASTE = 'normal paste (PowerShell error record)';

export interface HostileRow {
  paste: string;
  chars: number;
  /** Matcher.match on it, in process. */
  latency: Latency;
  /** p50 against the plain log's p50; null for the normal paste (another length). */
  ratio: number | null;
  /** Through the real service: from POST to its answer (the reply is at the connector before), median over the rounds. */
  answeredMs: number | null;
  /** Every /healthz check that ran while this paste was being answered, over all rounds: median and longest. */
  healthzMedianMs: number | null;
  healthzMaxMs: number | null;
  healthzChecks: number;
}

export interface HostileResult {
  chars: number;
  articles: number;
  rounds: number;
  /** The normal paste first, then the plain log, then the hostile shapes. */
  rows: HostileRow[];
}

/** The pastes, each exactly `chars` long; the plain one first. */
export function hostilePastes(chars: number): { name: string; text: string }[] {
  const fill = (chunk: string, tail = '') => chunk.repeat(Math.ceil(chars / chunk.length)).slice(0, chars - tail.length) + tail;
  const log = [
    '2026-11-28 10:00:00 Set-FederatedOrganizationIdentifier : An error occurred while attempting to provision Exchange to the Partner STS.',
    '2026-11-28 10:00:01 The underlying connection was closed: An unexpected error occurred on a send.',
    '2026-11-28 10:00:02 INFO Processing mailbox batch 17 of 40, all good',
  ].join('\n');
  return [
    { name: 'plain log', text: fill(`${log}\n`) },
    { name: 'a.a.a.… (dotted run)', text: fill('a.', '!') },
    { name: 'a-a-a-… (hyphenated run)', text: fill('a-', '!') },
    { name: 'Error: + spaces + :', text: `Error:${fill(' ', '\n:').slice(6)}` },
    { name: '((((…)))) (nested brackets)', text: '('.repeat(chars / 2) + ')'.repeat(chars / 2) },
    { name: '\'"\'"… (quotes)', text: fill(`'"`, 'x') },
  ];
}

export async function benchHostile(mode: Mode, log: (s: string) => void): Promise<HostileResult> {
  const chars = HOSTILE_CHARS[mode];
  const rounds = HOSTILE_ROUNDS[mode];
  const normal = { name: NORMAL_PASTE, text: benchQueries().find((q) => q.name === 'ps-record')!.text };
  const pastes = [normal, ...hostilePastes(chars)];
  const kb = loadKnowledge([BUILTIN_KNOWLEDGE]);
  const matcher = new Matcher(kb);
  log(`hostile: matching ${pastes.length - 1} pastes of ${chars} characters (and a normal one) side by side`);
  const latency = timeSideBySide(
    pastes.map((p) => ({ name: p.name, prepare: () => freshCopy(p.text), run: (text = p.text) => matcher.match(text) })),
    { budgetMs: mode === 'full' ? 4000 : 1500, maxIterations: 50, warmup: 2, rounds: 3, singleCallMs: 30_000 },
  );
  const plainP50 = latency.get(pastes[1].name)!.p50Ms;

  const served = await serveAll(pastes, rounds, log);
  return {
    chars,
    articles: kb.articles.length,
    rounds,
    rows: pastes.map((p, i) => {
      const waits = served[i].waits.sort((a, b) => a - b);
      const answered = served[i].answered.sort((a, b) => a - b);
      return {
        paste: p.name,
        chars: p.text.length,
        latency: latency.get(p.name)!,
        ratio: p === normal ? null : latency.get(p.name)!.p50Ms / plainP50,
        answeredMs: answered.length ? percentile(answered, 50) : null,
        healthzMedianMs: waits.length ? percentile(waits, 50) : null,
        healthzMaxMs: waits.length ? waits[waits.length - 1] : null,
        healthzChecks: waits.length,
      };
    }),
  };
}

/** Each paste through the real service (built-in knowledge), `rounds` times, while /healthz is polled. */
async function serveAll(pastes: { name: string; text: string }[], rounds: number, log: (s: string) => void) {
  const connector = await startConnector();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-bench-hostile-'));
  let service: Running | undefined;
  try {
    service = spawnService({ knowledgePaths: [BUILTIN_KNOWLEDGE], dataDir, port: await freePort() });
    await waitForHealth(service, process.hrtime.bigint(), 120_000);
    // Warm-up: every paste once (the first turns compile code and load modules lazily, which is not what we measure).
    for (const [i, p] of pastes.entries()) await post(service.url, connector.url, p.text, `warm-up-${i}`);
    const out = pastes.map(() => ({ answered: [] as number[], waits: [] as number[] }));
    for (let round = 0; round < rounds; round++) {
      log(`hostile: round ${round + 1} of ${rounds} through /api/messages`);
      for (const [i, p] of pastes.entries()) {
        const r = await whilePolling(service.url, () => post(service!.url, connector.url, p.text, `paste-${round}-${i}`));
        out[i].answered.push(r.answeredMs);
        out[i].waits.push(...r.waits);
      }
    }
    return out;
  } finally {
    await service?.stop();
    await connector.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs `work` while two pollers GET /healthz back to back; how long each check waited. */
async function whilePolling(url: string, work: () => Promise<void>) {
  let done = false;
  const waits: number[] = [];
  const poll = async () => {
    while (!done) {
      const start = performance.now();
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`bench: /healthz answered ${res.status} during a paste`);
      waits.push(performance.now() - start);
    }
  };
  const pollers = [poll(), poll()];
  const start = performance.now();
  try {
    await work();
  } finally {
    done = true;
  }
  const answeredMs = performance.now() - start;
  await Promise.all(pollers);
  return { answeredMs, waits };
}

/** One message; resolves when the service has answered the POST (it replies to the connector before). */
async function post(url: string, serviceUrl: string, text: string, id: string): Promise<void> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id,
      channelId: 'msteams',
      serviceUrl,
      from: { id: 'bench-user' },
      recipient: { id: 'pastefix' },
      conversation: { id: `bench-${id}` },
      text,
    }),
  });
  await res.arrayBuffer();
  if (res.status >= 300) throw new Error(`bench: /api/messages answered ${res.status}`);
}
