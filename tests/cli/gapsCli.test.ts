/** `kb gaps`: reads the log the bot writes (FileFeedbackLog) and prints the grouped gaps. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/kb';
import { FileFeedbackLog } from '../../src/storage/fileFeedbackLog';

function run(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = main(args, { out: (s) => (out += `${s}\n`), err: (s) => (err += `${s}\n`), stdin: () => '' });
  return { code, out, err };
}

describe('kb gaps', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pastefix-gaps-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the most frequent unmatched and unhelpful pastes with counts', async () => {
    const log = new FileFeedbackLog(dir);
    const base = { time: '2026-01-01T00:00:00.000Z', channel: 'msteams', lang: 'en' as const };
    await Promise.all([
      log.append({ ...base, kind: 'unmatched', reason: 'none', paste: 'Get-Thing : Access denied on EX01.contoso.local' }),
      log.append({ ...base, kind: 'unmatched', reason: 'none', paste: 'Get-Thing : Access denied on EX02.contoso.local' }),
      log.append({
        ...base,
        kind: 'feedback',
        helpful: false,
        article: 'exo-legacy-tls-hybrid',
        symptom: 'free-busy',
        paste: 'free/busy empty',
      }),
      log.append({ ...base, kind: 'feedback', helpful: true, article: 'exo-legacy-tls-hybrid', symptom: 'free-busy', paste: 'other' }),
    ]);
    fs.appendFileSync(path.join(dir, 'feedback.jsonl'), 'not json\n');

    const result = run(['gaps', '--data', dir]);
    assert.equal(result.code, 0);
    assert.equal(
      result.out,
      [
        '2  Get-Thing : Access denied on EX01.contoso.local',
        '   2 unmatched',
        '1  free/busy empty',
        "   1 didn't help (exo-legacy-tls-hybrid)",
        '',
      ].join('\n'),
    );
    assert.equal(result.err, `kb: skipped 1 unreadable line(s) in ${path.join(dir, 'feedback.jsonl')}\n`);

    const json = JSON.parse(run(['gaps', '--data', dir, '--json', '--top', '1']).out) as { gaps: { count: number }[]; entries: number };
    assert.equal(json.entries, 4);
    assert.deepEqual(
      json.gaps.map((g) => g.count),
      [2],
    );
  });

  it('escapes control characters from pastes and forged entries; --json keeps them as JSON escapes', async () => {
    const log = new FileFeedbackLog(dir);
    const base = { time: '2026-01-01T00:00:00.000Z', channel: 'msteams', lang: 'en' as const };
    // Sets the terminal title, clears the screen, returns to the line start to fake a line; C1 CSI; a bidi override.
    const line = 'Get-Thing failed \u001b]0;pwned\u0007\u001b[2J\r9  FAKE \u009b31m \u202eevil';
    await log.append({ ...base, kind: 'unmatched', reason: 'none', paste: `${line}\nnext` });
    await log.append({ ...base, kind: 'feedback', helpful: false, article: 'x\n9  forged line\u001b[31m', symptom: null });

    const result = run(['gaps', '--data', dir]);
    assert.equal(result.code, 0);
    assert.equal(
      result.out,
      [
        '1  (article x\\n9  forged line\\x1b[31m)',
        "   1 didn't help (x\\n9  forged line\\x1b[31m)",
        '1  Get-Thing failed \\x1b]0;pwned\\x07\\x1b[2J\\r9  FAKE \\x9b31m \\u202eevil',
        '   1 unmatched',
        '',
      ].join('\n'),
    );
    const json = run(['gaps', '--data', dir, '--json']);
    const parsed = JSON.parse(json.out) as { gaps: { example: string; articles: string[] }[] };
    assert.equal(json.out, `${JSON.stringify(parsed)}\n`, 'JSON output is plain JSON.stringify');
    assert.deepEqual(
      parsed.gaps.map((g) => g.example),
      ['(article x\n9  forged line\u001b[31m)', line],
    );
  });

  it('says so when nothing is recorded yet, and rejects a bad --top', () => {
    const empty = run(['gaps', '--data', dir]);
    assert.equal(empty.code, 0);
    assert.equal(empty.out, `No feedback log at ${path.join(dir, 'feedback.jsonl')} yet: nothing recorded.\n`);
    const bad = run(['gaps', '--data', dir, '--top', 'many']);
    assert.equal(bad.code, 2);
    assert.ok(bad.err.startsWith('kb: --top must be a whole number from 1, got "many"\n'));
  });
});
