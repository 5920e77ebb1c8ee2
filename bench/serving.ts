/**
 * Part 3, serving: autocannon against `POST /api/messages` of the real service (authentication off,
 * replies going to a local stand-in connector) with a realistic paste, next to a bare botbuilder echo
 * bot on the same restify, in the same run, loopback only — and an echo bot that answers with a card as
 * big as PasteFix's answer, to tell the cost of the answer's size from the cost of PasteFix's own work.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchQueries } from './queries';
import {
  freePort,
  memoryAfterGc,
  spawnService,
  startConnector,
  startEchoBot,
  waitForHealth,
  type MemoryReading,
  type Running,
} from './servers';

export interface ServingOptions {
  knowledgePaths: string[];
  /** Measured seconds per bot, split over `rounds`. */
  seconds: number;
  /** Measuring rounds per bot, taken in turns with the other bot. */
  rounds: number;
  /** Untimed seconds per bot before measuring. */
  warmupSeconds: number;
  /** Concurrent connections; each is one user's conversation. */
  connections: number;
}

export interface ServingRow {
  bot: 'pastefix' | 'echo' | 'echo-card';
  label: string;
  /** Mean requests per second over the measured seconds. */
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Responses other than 2xx, connection errors and timeouts: all should be 0. */
  non2xx: number;
  errors: number;
  /** Activities the bot sent to the connector per request. */
  repliesPerRequest: number;
  /** Their mean size in bytes (JSON bodies). */
  replyBytes: number;
  /**
   * The bot process's CPU time (user + system, from /proc) over the measured rounds per request, ms; null where
   * /proc can't be read. Requests/s on a shared machine say how much CPU a bot was given; this says what it needed.
   */
  cpuMsPerRequest: number | null;
}

export interface ServingResult {
  rows: ServingRow[];
  /** Which paste was sent, and against which knowledge. */
  paste: string;
  articles: number;
  connections: number;
  seconds: number;
  rounds: number;
  /**
   * The PasteFix service's memory after its warm-up and after each measured round: memory must stay flat under
   * load (a leak per turn shows here). Null where /proc can't be read.
   */
  serviceRssMB?: ServedMemory | null;
  /** The same for the echo bot answering with a card: what V8 and the C allocator do with a bare bot's garbage under this load. */
  echoCardRssMB?: ServedMemory | null;
  /** The same for the text echo bot. */
  echoRssMB?: ServedMemory | null;
}

export interface ServedMemory {
  /** Resident memory (MB) as read, with the dead objects V8 has not collected yet. */
  warm: number;
  end: number;
  /** Right after two full garbage collections (bench/gcProbe.ts), after the warm-up and after the last round. */
  warmAfterGc?: MemoryReading | null;
  endAfterGc?: MemoryReading | null;
  /** The same after each measured round, with the bot's measured requests until then (the last one is `endAfterGc`). */
  roundsAfterGc?: RoundMemory[] | null;
}

export interface RoundMemory extends MemoryReading {
  /** Measured requests the bot had answered when this was read. */
  requests: number;
}

export async function benchServing(o: ServingOptions, log: (s: string) => void): Promise<ServingResult> {
  const paste = benchQueries().find((q) => q.name === 'ps-record')!;
  const connector = await startConnector();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-bench-serve-'));
  const running: Running[] = [];
  try {
    log('serving: starting the service and the echo bots');
    const servicePort = await freePort();
    const since = process.hrtime.bigint();
    const service = spawnService({ knowledgePaths: o.knowledgePaths, dataDir, port: servicePort, gcProbe: true });
    running.push(service);
    const { articles } = await waitForHealth(service, since, 120_000);
    log('serving: warming up PasteFix');
    const before = { n: connector.received(), bytes: connector.receivedBytes() };
    await load(service.url, connector.url, paste.text, o.connections, o.warmupSeconds);
    const memory = new Map<string, Watched>();
    memory.set('pastefix', {
      warmRss: rssMB(service.process.pid),
      warmAfterGc: await memoryAfterGc(service).catch(() => null),
      rounds: [],
    });
    // The second echo bot answers with a card as big as PasteFix's answers: what sending such an answer costs alone.
    const answerBytes = Math.round((connector.receivedBytes() - before.bytes) / Math.max(1, connector.received() - before.n));
    // Both with the probe too, so every bot starts its rounds from a collected heap alike, and is measured alike.
    const echo = await startEchoBot(await freePort(), 0, true);
    const echoCard = await startEchoBot(await freePort(), answerBytes, true);
    running.push(echo, echoCard);

    const bots = [
      { bot: 'pastefix', label: 'PasteFix /api/messages', target: service },
      { bot: 'echo', label: 'botbuilder echo bot', target: echo },
      { bot: 'echo-card', label: `echo bot answering with a ${(answerBytes / 1024).toFixed(1)} KB card`, target: echoCard },
    ] as const;
    for (const b of bots.slice(1)) {
      log(`serving: warming up ${b.label}`);
      await load(b.target.url, connector.url, paste.text, o.connections, o.warmupSeconds);
      memory.set(b.bot, { warmRss: rssMB(b.target.process.pid), warmAfterGc: await memoryAfterGc(b.target).catch(() => null), rounds: [] });
    }
    // Rounds in A B C C B A order, so a busy spell of this shared machine hits the bots alike.
    const rounds = new Map<string, Round[]>(bots.map((b) => [b.bot, []]));
    const order = Array.from({ length: o.rounds }, (_, i) => (i % 2 === 0 ? [...bots] : [...bots].reverse())).flat();
    for (const b of order) {
      log(`serving: ${b.label}, ${o.seconds / o.rounds} s`);
      const before = { n: connector.received(), bytes: connector.receivedBytes(), cpu: cpuMs(b.target.process.pid) };
      const r = await load(b.target.url, connector.url, paste.text, o.connections, o.seconds / o.rounds);
      const cpu = cpuMs(b.target.process.pid);
      const done = rounds.get(b.bot)!;
      done.push({
        r,
        replies: connector.received() - before.n,
        replyBytes: connector.receivedBytes() - before.bytes,
        cpuMs: cpu !== null && before.cpu !== null ? cpu - before.cpu : null,
      });
      // Every bot's memory after every round, read the same way (between rounds: no bot is under load then).
      const watched = memory.get(b.bot)!;
      watched.endRss = rssMB(b.target.process.pid);
      const reading = await memoryAfterGc(b.target).catch(() => null);
      if (reading) watched.rounds.push({ ...reading, requests: done.reduce((a, x) => a + x.r.requests.total, 0) });
    }
    const rows = bots.map((b) => combine(b.bot, b.label, rounds.get(b.bot)!));
    const [serviceRssMB, echoRssMB, echoCardRssMB] = bots.map((b) => servedMemory(memory.get(b.bot)!, o.rounds));
    return {
      rows,
      paste: paste.label,
      articles,
      connections: o.connections,
      seconds: o.seconds,
      rounds: o.rounds,
      serviceRssMB,
      echoCardRssMB,
      echoRssMB,
    };
  } finally {
    for (const r of running) await r.stop();
    await connector.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One bot's memory readings in a run. */
interface Watched {
  warmRss: number | null;
  warmAfterGc: MemoryReading | null;
  endRss?: number | null;
  rounds: RoundMemory[];
}

function servedMemory(w: Watched, rounds: number): ServedMemory | null {
  if (w.warmRss === null || w.endRss == null) return null;
  // A reading that failed leaves no honest "after each round" series.
  const complete = w.warmAfterGc !== null && w.rounds.length === rounds;
  return {
    warm: w.warmRss,
    end: w.endRss,
    warmAfterGc: w.warmAfterGc,
    endAfterGc: complete ? w.rounds[w.rounds.length - 1] : null,
    roundsAfterGc: complete ? w.rounds : null,
  };
}

/** Resident memory of a process in MB, from Linux's /proc; null elsewhere. */
function rssMB(pid: number | undefined): number | null {
  try {
    const kb = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, ms, from Linux's /proc (clock ticks of 10 ms); null elsewhere. */
function cpuMs(pid: number | undefined): number | null {
  try {
    // The command name in brackets may hold spaces: the fields are counted after its closing bracket.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** USER_HZ, which Linux reports /proc times in: 100 on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

interface Round {
  r: autocannon.Result;
  replies: number;
  replyBytes: number;
  /** The bot's CPU time over the round, ms. */
  cpuMs: number | null;
}

/** Rounds of one bot as one row: requests/s over all rounds, the median round's p50, the worst round's p99. */
function combine(bot: ServingRow['bot'], label: string, rounds: Round[]): ServingRow {
  const sum = (f: (x: Round) => number) => rounds.reduce((a, x) => a + f(x), 0);
  const requests = sum((x) => x.r.requests.total);
  const seconds = sum((x) => x.r.duration);
  const p50s = rounds.map((x) => x.r.latency.p50).sort((a, b) => a - b);
  const replies = sum((x) => x.replies);
  const cpuKnown = rounds.every((x) => x.cpuMs !== null);
  return {
    bot,
    label,
    rps: seconds > 0 ? requests / seconds : 0,
    p50Ms: p50s[Math.floor((p50s.length - 1) / 2)],
    p99Ms: Math.max(...rounds.map((x) => x.r.latency.p99)),
    requests,
    non2xx: sum((x) => x.r.non2xx),
    errors: sum((x) => x.r.errors + x.r.timeouts),
    repliesPerRequest: requests ? replies / requests : 0,
    replyBytes: replies ? sum((x) => x.replyBytes) / replies : 0,
    cpuMsPerRequest: cpuKnown && requests > 0 ? sum((x) => x.cpuMs!) / requests : null,
  };
}

/** Each autocannon connection is one user: its own conversation, its own message ids. */
function load(botUrl: string, serviceUrl: string, text: string, connections: number, seconds: number): Promise<autocannon.Result> {
  let users = 0;
  return autocannon({
    url: `${botUrl}/api/messages`,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context) => {
          if (context.user === undefined) context.user = ++users;
          const n = ((context.n as number | undefined) ?? 0) + 1;
          context.n = n;
          const user = context.user as number;
          return {
            ...req,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              type: 'message',
              id: `m-${user}-${n}`,
              timestamp: new Date().toISOString(),
              channelId: 'emulator',
              serviceUrl,
              from: { id: `user-${user}`, name: 'Admin' },
              recipient: { id: 'bot', name: 'Bot' },
              conversation: { id: `conversation-${user}` },
              locale: 'en-US',
              text,
            }),
          };
        },
      },
    ],
  });
}
