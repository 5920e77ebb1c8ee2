import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { importArticle } from '../../../src/knowledge/import';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../../src/knowledge/load';
import { ROOT } from '../../helpers/tmp';
import { corpusFiles, requireShared } from './corpus';

interface Labelled {
  id: string;
  text: string;
  expect: string[];
}

const DEV_SET = path.join(ROOT, 'tests', 'data', 'corpus-dev.jsonl');
const words = (text: string): string[] => text.toLowerCase().match(/[a-z0-9äöüß]+/g) ?? [];

describe('tests/data/corpus-dev.jsonl: the labelled dev set over the corpus', function () {
  const rows: Labelled[] = fs
    .readFileSync(DEV_SET, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('//'))
    .map((l) => JSON.parse(l) as Labelled);

  it('has at least 60 pastes with unique ids, at least 10 of them covered by no article', function () {
    assert.ok(rows.length >= 60, `${rows.length} pastes`);
    assert.equal(new Set(rows.map((r) => r.id)).size, rows.length);
    assert.ok(rows.filter((r) => r.expect.length === 0).length >= 10);
    for (const r of rows) {
      assert.equal(typeof r.text, 'string');
      assert.ok(r.text.trim(), r.id);
      assert.ok(Array.isArray(r.expect) && r.expect.every((e) => typeof e === 'string'), r.id);
    }
  });

  it('labels only articles that exist: corpus file names or built-in articles', function () {
    requireShared(this);
    const known = new Set([
      ...corpusFiles()!.map((f) => path.basename(f, '.md')),
      ...loadKnowledge([BUILTIN_KNOWLEDGE]).articles.map((a) => a.id),
    ]);
    const unknown = rows.flatMap((r) => r.expect.filter((e) => !known.has(e)).map((e) => `${r.id}: ${e}`));
    assert.deepEqual(unknown, []);
  });

  it('copies error strings from the corpus but none of its prose (no run of 9 words that is prose only)', function () {
    requireShared(this);
    const errorText = new Set<string>();
    const prose = new Set<string>();
    const shingles = (list: string[], into: Set<string>): void => {
      for (let i = 0; i + 9 <= list.length; i++) into.add(list.slice(i, i + 9).join(' '));
    };
    for (const file of corpusFiles()!) {
      const markdown = fs.readFileSync(file, 'utf8');
      const { article } = importArticle(file, markdown);
      for (const s of article!.symptoms) for (const e of s.errors.en ?? []) shingles(words(e), errorText);
      // prose: lines outside code fences that are no quotes (quotes hold the error messages) and no .NET stack frames (they are error
      // output)
      let fenced = false;
      const lines = markdown.split('\n').filter((line) => {
        if (/^\s*```/.test(line)) fenced = !fenced;
        return !fenced && !/^\s*(?:[-*]\s+)?>/.test(line) && !/\b(?:Microsoft|System)\.[\w.`]+\(/.test(line);
      });
      for (const line of lines) shingles(words(line.replace(/\*\*|`|\[|\]\([^)]*\)/g, ' ')), prose);
    }
    const copied: string[] = [];
    for (const r of rows) {
      const own = new Set<string>();
      shingles(words(r.text), own);
      for (const s of own) if (prose.has(s) && !errorText.has(s)) copied.push(`${r.id}: "${s}"`);
    }
    assert.deepEqual(copied, []);
  });
});
