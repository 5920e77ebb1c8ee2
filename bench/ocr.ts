/**
 * Part `ocr`: screenshots rendered by Chromium (tests/helpers/screenshots.ts) read by the OCR reader
 * (one thread, reused, as in the service) and matched like a paste. Per screenshot: the time to
 * prepare and to recognise, and the decision: with the service's pre-processing (ink from the background
 * colour), with small text also scaled up, and without any (Tesseract on the plain screenshot), side by side.
 */
import fs from 'node:fs';
import path from 'node:path';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../src/knowledge/load';
import { Matcher } from '../src/matching/matcher';
import { OcrReader } from '../src/ocr/reader';
import { sharedAbsent } from './sharedDir';
import { corpusScreenshots, referenceScreenshots, renderScreenshot, UNRELATED, type ScreenshotSpec } from '../tests/helpers/screenshots';
import { CHROMIUM, launchBrowser } from '../tests/web/support/browser';

export const SEED_ARTICLE = 'exo-legacy-tls-hybrid';

export interface OcrVariantResult {
  prepareMs: number;
  recognizeMs: number;
  steps: string[];
  decision: string;
  /** The best match's article and score. */
  top?: string;
  score?: number;
  /** True when the decision is what the screenshot should get (an answer with its article; none for unrelated text). */
  right: boolean;
}

export interface OcrRow {
  name: string;
  width: number;
  height: number;
  kilobytes: number;
  expect: string | null;
  /** Per variant (`VARIANTS`), in that order. */
  variants: OcrVariantResult[];
}

/**
 * The pre-processing compared: as the service runs it (ink), with small text also scaled up, and none (Tesseract on the screenshot as it
 * is).
 */
export const VARIANTS = [
  { label: 'ink (the service)', prepare: {} },
  { label: 'ink + scale small text', prepare: { scale: true } },
  { label: 'plain Tesseract', prepare: { ink: false } },
] as const;

export interface OcrResult {
  rows: OcrRow[];
  /** Thread start + loading the trained data, ms (once per service start). */
  startMs: number;
  notes: string[];
}

export async function benchOcr(log: (s: string) => void, sharedDir: string | undefined): Promise<OcrResult> {
  const notes: string[] = [];
  if (!fs.existsSync(CHROMIUM)) throw new Error(`ocr: Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  const specs: (ScreenshotSpec & { article: string | null; family?: string[] })[] = [
    ...referenceScreenshots().map((s) => ({ ...s, article: SEED_ARTICLE })),
    ...(sharedDir ? corpusScreenshots() : []),
    { ...UNRELATED, article: null },
  ];
  if (!sharedDir)
    notes.push(
      `ocr: ${sharedAbsent('the shared folder')}: the corpus screenshots (HCW8010 dialog, Outlook box, event viewer) were left out.`,
    );
  // As the tests: the reference error against the built-in knowledge (the service's default), the
  // corpus articles' errors with the corpus loaded beside it.
  const builtin = new Matcher(loadKnowledge([BUILTIN_KNOWLEDGE]));
  const withCorpus = sharedDir ? new Matcher(loadKnowledge([BUILTIN_KNOWLEDGE, path.join(sharedDir, 'corpus')])) : builtin;

  const browser = await launchBrowser();
  const images: { spec: (typeof specs)[number]; png: Buffer }[] = [];
  try {
    for (const spec of specs) images.push({ spec, png: await renderScreenshot(browser, spec) });
  } finally {
    await browser.close();
  }

  // A generous time limit: the benchmark measures the time, it does not enforce the service's limit.
  const readers = VARIANTS.map((v) => new OcrReader({ prepare: v.prepare, limits: { timeoutMs: 120_000 } }));
  try {
    const started = performance.now();
    await readers[0]!.read(images[0]!.png); // thread start and trained data (the image is read again below)
    const startMs = performance.now() - started;
    for (const reader of readers.slice(1)) await reader.read(images[0]!.png);
    const rows: OcrRow[] = [];
    for (const { spec, png } of images) {
      const variants: OcrVariantResult[] = [];
      for (const reader of readers) {
        const ocr = await reader.read(png);
        const result = (spec.article === SEED_ARTICLE || spec.article === null ? builtin : withCorpus).match(ocr.text);
        const top = result.matches[0];
        const family = spec.family;
        const right =
          spec.article === null
            ? result.decision === 'none'
            : family
              ? result.decision === 'clarify' && family.includes(top?.article ?? '')
              : result.decision === 'answer' && top?.article === spec.article;
        variants.push({
          prepareMs: ocr.prepareMs,
          recognizeMs: ocr.recognizeMs,
          steps: ocr.steps,
          decision: result.decision,
          top: top?.article,
          score: top?.score,
          right,
        });
      }
      rows.push({ name: spec.name, ...imageSize(png), kilobytes: png.length / 1024, expect: spec.article, variants });
      log(
        `ocr: ${spec.name}: ${variants.map((v, i) => `${VARIANTS[i]!.label} ${(v.prepareMs + v.recognizeMs).toFixed(0)} ms ${v.decision}${v.right ? '' : ' (wrong)'}`).join('; ')}`,
      );
    }
    return { rows, startMs, notes };
  } finally {
    for (const reader of readers) await reader.close();
  }
}

function imageSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export function renderOcrMarkdown(result: OcrResult): string {
  const cell = (v: OcrVariantResult) =>
    `${(v.prepareMs + v.recognizeMs).toFixed(0)} ms ${v.decision}${v.top && v.decision !== 'none' ? ` ${v.score?.toFixed(2)}` : ''} ${v.right ? '✓' : '✗'}`;
  const right = (i: number) => result.rows.filter((r) => r.variants[i]!.right).length;
  const median = (i: number) => {
    const t = result.rows.map((r) => r.variants[i]!.prepareMs + r.variants[i]!.recognizeMs).sort((a, b) => a - b);
    return t[Math.floor(t.length / 2)] ?? 0;
  };
  return (
    [
      '### OCR (screenshots)',
      '',
      `Thread start and trained data (eng + deu), once per service start: ${result.startMs.toFixed(0)} ms (with the first image).`,
      '',
      `| screenshot | size | expected | ${VARIANTS.map((v) => v.label).join(' | ')} | steps |`,
      `|---|---|---|${VARIANTS.map(() => '---|').join('')}---|`,
      ...result.rows.map(
        (r) =>
          `| ${r.name} | ${r.width}×${r.height}, ${r.kilobytes.toFixed(0)} KB | ${r.expect ?? 'none'} | ${r.variants.map(cell).join(' | ')} | ${r.variants[0]!.steps.join(', ') || '–'} |`,
      ),
      `| **right / median time** | | | ${VARIANTS.map((_, i) => `${right(i)} of ${result.rows.length}, ${median(i).toFixed(0)} ms`).join(' | ')} | |`,
      '',
      ...result.notes.map((n) => `- ${n}`),
    ].join('\n') + '\n'
  );
}
