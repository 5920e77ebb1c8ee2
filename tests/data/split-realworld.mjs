#!/usr/bin/env node
// Splits a real-world dev set, one batch at a time, at random with a fixed seed, into a tuning part and a held-out
// part. Every batch is split once; a later batch never moves an input of an earlier one.
//
//   node tests/data/split-realworld.mjs ALL.jsonl     writes realworld-tuning.jsonl and realworld-heldout.jsonl from
//                                                     all batches in ALL.jsonl (how batch 1 was made)
//   node tests/data/split-realworld.mjs --add NEW.jsonl
//                                                     splits one new batch (every input carries the same `batch`
//                                                     number, whose seed is recorded below and which the parts don't
//                                                     have yet) and appends its inputs to the two parts; the lines
//                                                     already there are left byte for byte as they are
//   node tests/data/split-realworld.mjs --check       recomputes every batch's split from the two committed parts and
//                                                     exits 1 if it differs (nothing was moved between them)
//   --set de (before the other arguments)             the same for the separate German set
//                                                     (realworld-de-tuning.jsonl / realworld-de-heldout.jsonl)
//
// The split is stratified, per batch: a batch's inputs are grouped by language, by whether an article of the hybrid
// knowledge base covers them (`expect` non-empty) and by whether one of the larger base covers them (`expectMore`
// non-empty; an input whose label was fixed after the split carries `relabelled`, the labels it was split with, and
// stays in its stratum). Each group is sorted by id, shuffled with mulberry32(the batch's seed) and dealt out half and half; a
// group's odd input goes to the part of that batch that is behind so far. The input order does not matter, so the
// committed parts reproduce themselves. An input without a `batch` field belongs to batch 1. Each batch's seed is
// fixed here before the batch is split and must not change afterwards.
//
// An input of the held-out part that someone saw by accident while tuning (a grep that printed it) carries `seen` (the
// date and how) and lives in the tuning part from then on: the split puts it there after dealing its batch, so no other
// input moves and `--check` still reproduces both parts.
//
// What it prints of a held-out part names no input's id or text (a batch without a seed, a line that is not JSON, an
// id already there): counts and places only.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.dirname(fileURLToPath(import.meta.url));

// One entry per set: its seed (fixed once the set is split), its two files and their header lines.
const SETS = {
  main: {
    // batch -> seed. Batch 1: the first 150 inputs. Batches 2 to 60: covered English inputs and more (tests/data/README.md).
    seeds: {
      1: 20261203,
      2: 2026120302,
      3: 2026120303,
      4: 2026120304,
      5: 2026120305,
      6: 2026120306,
      7: 2026120307,
      8: 2026120308,
      9: 2026120309,
      10: 2026120310,
      11: 2026120311,
      12: 2026120312,
      13: 2026120313,
      14: 2026120314,
      15: 2026120315,
      16: 2026120316,
      17: 2026120317,
      18: 2026120318,
      19: 2026120319,
      20: 2026120320,
      21: 2026120321,
      22: 2026120322,
      23: 2026120323,
      24: 2026120324,
      25: 2026120325,
      26: 2026120326,
      27: 2026120327,
      28: 2026120328,
      29: 2026120329,
      30: 2026120330,
      31: 2026120331,
      32: 2026120332,
      33: 2026120633,
      34: 2026120634,
      35: 2026120635,
      36: 2026120636,
      37: 2026120637,
      38: 2026120638,
      39: 2026120639,
      40: 2026120640,
      41: 2026120641,
      42: 2026120642,
      43: 2026120643,
      44: 2026120644,
      45: 2026120645,
      46: 2026120646,
      47: 2026120647,
      48: 2026120648,
      49: 2026120649,
      50: 2026120650,
      51: 2026120651,
      52: 2026120652,
      53: 2026120653,
      54: 2026120654,
      55: 2026120655,
      56: 2026120656,
      57: 2026120657,
      58: 2026120658,
      59: 2026120659,
      60: 2026120660,
    },
    tuning: path.join(DIR, 'realworld-tuning.jsonl'),
    heldout: path.join(DIR, 'realworld-heldout.jsonl'),
    header: {
      tuning: '// Real-world dev set, TUNING part: public inputs copied as posted (see tests/data/README.md). Tune on this one.\n',
      heldout:
        '// Real-world dev set, HELD-OUT part: public inputs copied as posted (see tests/data/README.md).\n' +
        '// NEVER tune on this file: do not read its failures to change rules, weights or thresholds. Report its numbers only.\n',
    },
  },
  // The separate German set (issue 13): German inputs against English-only articles.
  de: {
    seeds: {
      1: 20261207,
      2: 2026120702,
      3: 2026120703,
      4: 2026120704,
      5: 2026120705,
      6: 2026120706,
      7: 2026120707,
      8: 2026120708,
      9: 2026120709,
      10: 2026120710,
      11: 2026120711,
      12: 2026120712,
      13: 2026120713,
      14: 2026120714,
      15: 2026120715,
      16: 2026120716,
      17: 2026120717,
      18: 2026120718,
      19: 2026120719,
      20: 2026120720,
      21: 2026120721,
      22: 2026120722,
      23: 2026120723,
      24: 2026120724,
      25: 2026120725,
    },
    tuning: path.join(DIR, 'realworld-de-tuning.jsonl'),
    heldout: path.join(DIR, 'realworld-de-heldout.jsonl'),
    header: {
      tuning:
        '// Real-world GERMAN set, TUNING part: German public inputs copied as posted (see tests/data/README.md). Tune on this one.\n',
      heldout:
        '// Real-world GERMAN set, HELD-OUT part: German public inputs copied as posted (see tests/data/README.md).\n' +
        '// NEVER tune on this file: do not read its failures to change rules, weights or thresholds. Report its numbers only.\n',
    },
  },
};

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A held-out part (its name holds `heldout`): what this script says about it names no input's id or text. */
export const isHeldOutFile = (file) => path.basename(file).includes('heldout');

/**
 * The inputs of a JSONL file. A line that is not JSON is named by its line number; in a readable file with the
 * parser's words too (they quote the line), in a held-out part with the line number only.
 */
export function read(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l, i) => ({ l, n: i + 1 }))
    .filter(({ l }) => l.trim() && !l.trimStart().startsWith('//'))
    .map(({ l, n }) => {
      try {
        return JSON.parse(l);
      } catch (e) {
        const why = isHeldOutFile(file) ? 'not JSON (held out: its text is not shown)' : `not JSON: ${e.message}`;
        throw new Error(`split-realworld: ${path.basename(file)} line ${n} is ${why}`);
      }
    });
}

export function split(pastes, seed = SETS.main.seeds[1]) {
  const groups = new Map();
  for (const p of [...pastes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    // A label fixed after the split keeps the stratum it was split in: `relabelled` holds the labels it had then.
    const was = { expect: p.expect, expectMore: p.expectMore ?? [], ...p.relabelled };
    const key = `${p.lang}|${was.expect.length > 0}|${was.expectMore.length > 0}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(p);
  }
  const rand = mulberry32(seed);
  const tuning = [];
  const heldout = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key);
    for (let i = g.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [g[i], g[j]] = [g[j], g[i]];
    }
    const half = Math.floor(g.length / 2);
    const extra = g.length % 2 === 1 ? (tuning.length <= heldout.length ? 'tuning' : 'heldout') : undefined;
    const toTuning = half + (extra === 'tuning' ? 1 : 0);
    tuning.push(...g.slice(0, toTuning));
    heldout.push(...g.slice(toTuning));
  }
  return { tuning: tuning.sort(byId), heldout: heldout.sort(byId) };
}

const lines = (ps) => ps.map((p) => JSON.stringify(p) + '\n').join('');
const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const batchOf = (p) => p.batch ?? 1;

/**
 * Groups pastes by batch; every batch must have a recorded seed. An input of `heldOut` (the held-out part's inputs)
 * that has none is reported without its id.
 */
function batches(set, pastes, heldOut = new Set()) {
  const out = new Map();
  for (const p of pastes) {
    const b = batchOf(p);
    if (set.seeds[b] === undefined) {
      const which = heldOut.has(p) ? 'an input of the held-out part, no id shown' : `input "${p.id}"`;
      throw new Error(`split-realworld: batch ${b} (${which}) has no recorded seed`);
    }
    if (!out.has(b)) out.set(b, []);
    out.get(b).push(p);
  }
  return out;
}

/** The seeded split of every batch, concatenated (`heldOut`: the inputs read from a held-out part, see `batches`). */
export function splitBatches(set, pastes, heldOut = new Set()) {
  const tuning = [];
  const heldout = [];
  for (const [b, ps] of [...batches(set, pastes, heldOut)].sort((x, y) => x[0] - y[0])) {
    const r = split(ps, set.seeds[b]);
    tuning.push(...r.tuning, ...r.heldout.filter((p) => p.seen));
    heldout.push(...r.heldout.filter((p) => !p.seen));
  }
  return { tuning: tuning.sort(byId), heldout: heldout.sort(byId) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  let name = 'main';
  if (args[0] === '--set') {
    name = args[1];
    args.splice(0, 2);
  }
  const set = SETS[name];
  if (!set) {
    console.error(`split-realworld: unknown set "${name}" (known: ${Object.keys(SETS).join(', ')})`);
    process.exit(2);
  }
  try {
    if (args[0] === '--check') {
      const t = read(set.tuning);
      const h = read(set.heldout);
      const again = splitBatches(set, [...t, ...h], new Set(h));
      const ids = (ps) =>
        ps
          .map((p) => p.id)
          .sort()
          .join(',');
      if (ids(again.tuning) !== ids(t) || ids(again.heldout) !== ids(h)) {
        console.error('the committed parts are not the seeded split of their union: something was moved between them');
        process.exit(1);
      }
      const count = new Map();
      for (const p of [...t, ...h]) count.set(batchOf(p), (count.get(batchOf(p)) ?? 0) + 1);
      const per = [...count].sort((x, y) => x[0] - y[0]).map(([b, n]) => `batch ${b}: ${n}`);
      console.log(`split reproduced: ${t.length} tuning, ${h.length} held out (${per.join(', ')})`);
    } else if (args[0] === '--add' && args[1]) {
      const added = read(args[1]);
      const b = new Set(added.map(batchOf));
      if (b.size !== 1) throw new Error(`split-realworld: ${args[1]} must hold exactly one batch (found: ${[...b].join(', ') || 'none'})`);
      const [batch] = b;
      const inTuning = read(set.tuning);
      const inHeldOut = read(set.heldout);
      const old = [...inTuning, ...inHeldOut];
      if (old.some((p) => batchOf(p) === batch)) throw new Error(`split-realworld: batch ${batch} is already split`);
      const tuningIds = new Set(inTuning.map((p) => p.id));
      const heldOutIds = new Set(inHeldOut.map((p) => p.id));
      const dup = added.find((p) => tuningIds.has(p.id));
      if (dup) throw new Error(`split-realworld: id "${dup.id}" is already in the tuning part`);
      const hidden = added.findIndex((p) => heldOutIds.has(p.id));
      if (hidden >= 0)
        throw new Error(
          `split-realworld: input ${hidden + 1} of ${path.basename(args[1])} has an id already in the held-out part (no id shown)`,
        );
      batches(set, added);
      const { tuning, heldout } = split(added, set.seeds[batch]);
      fs.appendFileSync(set.tuning, lines(tuning));
      fs.appendFileSync(set.heldout, lines(heldout));
      console.log(`batch ${batch}: ${tuning.length} tuning, ${heldout.length} held out`);
    } else if (args[0] && !args[0].startsWith('--')) {
      const { tuning, heldout } = splitBatches(set, read(args[0]));
      fs.writeFileSync(set.tuning, set.header.tuning + lines(tuning));
      fs.writeFileSync(set.heldout, set.header.heldout + lines(heldout));
      console.log(`${tuning.length} tuning, ${heldout.length} held out`);
    } else {
      console.error('usage: split-realworld.mjs [--set main|de] ALL.jsonl | --add NEW.jsonl | --check');
      process.exit(2);
    }
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
}
