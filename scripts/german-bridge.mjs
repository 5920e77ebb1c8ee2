// How far the German↔English bridge carries a German paste of the corpora's own English errors (issue 13). Two measures:
//  templates: every English error text of an English-only article that is mostly Microsoft message templates the lexicon
//    has a German form for (its multi-word entries: the German text the product prints), rewritten into that German
//    form — is its article answered, or offered first?
//  events: every event-log entry the articles quote, with the field names German Windows' Event Viewer writes
//    (Protokollname, Quelle, Ereignis-ID, Aufgabenkategorie, Ebene, Schlüsselwörter, Benutzer, Beschreibung)
//    around Exchange's English description — the same against the English field names.
// Usage (after `npm run build`): node scripts/german-bridge.mjs DIST [--more] [--verbose]
// Knowledge: built-in (this checkout's knowledge/) + ../shared/corpus beside the checkout (+ ../shared/corpus-more with --more);
// PASTEFIX_SHARED names another shared folder (a worktree has no ../shared). Found from the checkout, whatever the working
// directory (as scripts/match-outputs.mjs). No labelled set is read.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const [distArg, ...flags] = process.argv.slice(2);
if (!distArg) throw new Error('german-bridge: usage: german-bridge.mjs DIST [--more] [--verbose]');
const dist = path.resolve(distArg);
const verbose = flags.includes('--verbose');
const req = (f) => import(path.join(dist, f));
const { loadKnowledge } = await req('src/knowledge/load.js');
const { Matcher } = await req('src/matching/matcher.js');
const { Translator } = await req('src/matching/bridge.js');
const { foldWord } = await req('src/matching/normalize.js');
const shared = process.env.PASTEFIX_SHARED ? path.resolve(process.env.PASTEFIX_SHARED) : path.resolve(root, '../shared');
const folders = [path.join(shared, 'corpus'), ...(flags.includes('--more') ? [path.join(shared, 'corpus-more')] : [])];
// Without the corpora every count would be 0, which reads like a result: say so instead.
for (const f of folders) if (!fs.existsSync(f)) throw new Error(`german-bridge: ${f} is absent (set PASTEFIX_SHARED)`);
const kb = loadKnowledge([path.join(root, 'knowledge'), ...folders], {});
const m = new Matcher(kb);
const WORD = /[\p{L}\p{N}]+/gu;
/** A text's word share that must be German after the rewrite (the rest: names, codes, English words left). */
const MIN_GERMAN = 0.5;
// The seed article and the corpus's TLS 1.2 free/busy article are one problem (tests/data/README.md).
const SAME = [['exo-legacy-tls-hybrid', 'free-busy-sharing-issues-tls12']];

function judge(article, errorText, paste, counts, label) {
  const r = m.match(paste);
  const top = r.matches[0]?.article;
  const fits = (id) =>
    id === article.id ||
    SAME.some((g) => g.includes(id) && g.includes(article.id)) ||
    kb.articles.some((b) => b.id === id && b.symptoms.some((s) => (s.errors.en ?? []).includes(errorText)));
  const ok = top !== undefined && fits(top);
  counts.n++;
  if (ok && r.decision === 'answer') counts.right++;
  if (ok && r.decision !== 'none') counts.first++;
  if (!ok && r.decision === 'answer') counts.false++;
  if (verbose)
    console.log(
      `${label} ${r.decision.padEnd(7)} ${ok ? 'ok' : `→ ${top ?? '-'}`}  ${article.id}\n    ${paste.replace(/\s+/g, ' ').slice(0, 200)}`,
    );
}

const english = kb.articles.filter((a) => !a.title.de);
const templates = new Translator(
  kb.lexicon.filter((e) => !e.synonyms && e.en[0].split(/\s+/).length >= 2),
  'en',
);
const germanWords = new Set(kb.lexicon.flatMap((e) => e.de.flatMap((f) => [...f.matchAll(WORD)].map((w) => foldWord(w[0])))));
const t = { n: 0, right: 0, first: 0, false: 0 };
const seen = new Set();
for (const a of english)
  for (const s of a.symptoms)
    for (const e of s.errors.en ?? []) {
      const de = templates.translate(e);
      if (!de.applied.length || seen.has(`${a.id}\n${de.text}`)) continue;
      const source = new Set([...e.matchAll(WORD)].map((w) => foldWord(w[0])));
      const words = [...de.text.matchAll(WORD)].map((w) => w[0]).filter((w) => w.length >= 3 && /\p{L}/u.test(w));
      const left = words.filter((w) => source.has(foldWord(w)) && !germanWords.has(foldWord(w))).length;
      if (left / Math.max(1, words.length) > 1 - MIN_GERMAN) continue;
      seen.add(`${a.id}\n${de.text}`);
      judge(a, e, de.text, t, 'template');
    }

const LABELS = [
  ['Log Name:', 'Protokollname:'],
  ['Source:', 'Quelle:'],
  ['Date:', 'Datum:'],
  ['Event ID:', 'Ereignis-ID:'],
  ['Task Category:', 'Aufgabenkategorie:'],
  ['Level: Error', 'Ebene: Fehler'],
  ['Level: Warning', 'Ebene: Warnung'],
  ['Level: Information', 'Ebene: Informationen'],
  ['Level:', 'Ebene:'],
  ['Keywords: Classic', 'Schlüsselwörter: Klassisch'],
  ['Keywords:', 'Schlüsselwörter:'],
  ['User: N/A', 'Benutzer: N/V'],
  ['User:', 'Benutzer:'],
  ['Description:', 'Beschreibung:'],
];
const ev = { n: 0, right: 0, first: 0, false: 0 };
const evEn = { n: 0, right: 0, first: 0, false: 0 };
for (const a of english)
  for (const s of a.symptoms)
    for (const e of s.errors.en ?? []) {
      if (!/\bLog Name:/.test(e)) continue;
      judge(
        a,
        e,
        LABELS.reduce((x, [en, de]) => x.split(en).join(de), e),
        ev,
        'event',
      );
      judge(a, e, e, evEn, 'event-en');
    }

const line = (c) => `${c.n}: answered right ${c.right}, right or first ${c.first}, false answers ${c.false}`;
console.log(`German templates (at least ${MIN_GERMAN * 100}% of the words German) ${line(t)}`);
console.log(`German Event Viewer field names ${line(ev)}`);
console.log(`  the same events with English field names ${line(evEn)}`);
