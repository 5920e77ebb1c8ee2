#!/usr/bin/env node
// Splits a real-world dev set once, at random with a fixed seed, into a tuning part and a held-out part.
//
//   node tests/data/split-realworld.mjs ALL.jsonl    writes realworld-tuning.jsonl and realworld-heldout.jsonl
//   node tests/data/split-realworld.mjs --check      recomputes the split from the two committed parts and
//                                                    exits 1 if it differs (nothing was moved between them)
//   --set de (before the other argument)             the same for the separate German set
//                                                    (realworld-de-tuning.jsonl / realworld-de-heldout.jsonl)
//
// The split is stratified: pastes are grouped by language, by whether an article of the hybrid knowledge base
// covers them (`expect` non-empty) and by whether one of the larger base covers them (`expectMore` non-empty).
// Each group is sorted by id, shuffled with mulberry32(SEED) and dealt out half and half; a group's odd paste
// goes to the part that is behind so far. The input order does not matter, so the committed parts reproduce
// themselves. Each set's seed is fixed here and must not change: each set is split once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.dirname(fileURLToPath(import.meta.url));

// One entry per set: its seed (fixed once the set is split), its two files and their header lines.
const SETS = {
  main: {
    seed: 20261203,
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
    seed: 20261207,
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

function read(file) {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.trimStart().startsWith('//'))
    .map((l) => JSON.parse(l));
}

export function split(pastes, seed = SETS.main.seed) {
  const groups = new Map();
  for (const p of [...pastes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const key = `${p.lang}|${p.expect.length > 0}|${(p.expectMore ?? []).length > 0}`;
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
  const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { tuning: tuning.sort(byId), heldout: heldout.sort(byId) };
}

const lines = (ps) => ps.map((p) => JSON.stringify(p)).join('\n') + '\n';

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
  if (args[0] === '--check') {
    const t = read(set.tuning);
    const h = read(set.heldout);
    const again = split([...t, ...h], set.seed);
    const ids = (ps) =>
      ps
        .map((p) => p.id)
        .sort()
        .join(',');
    if (ids(again.tuning) !== ids(t) || ids(again.heldout) !== ids(h)) {
      console.error('the committed parts are not the seeded split of their union: something was moved between them');
      process.exit(1);
    }
    console.log(`split reproduced: ${t.length} tuning, ${h.length} held out`);
  } else if (args[0]) {
    const { tuning, heldout } = split(read(args[0]), set.seed);
    fs.writeFileSync(set.tuning, set.header.tuning + lines(tuning));
    fs.writeFileSync(set.heldout, set.header.heldout + lines(heldout));
    console.log(`${tuning.length} tuning, ${heldout.length} held out`);
  } else {
    console.error('usage: split-realworld.mjs [--set main|de] ALL.jsonl | --check');
    process.exit(2);
  }
}
