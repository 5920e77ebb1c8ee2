/**
 * The cut that bounds the work per paste (truncate.ts): error-looking parts kept wherever they stand, even
 * inside one huge line, never more than the limit, no line longer than CUT_LINE_CHARS; and the matcher
 * reads nothing but the cut.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { MAX_PASTE_CHARS } from '../../src/matching/matcher';
import { CUT_LINE_CHARS, cutToErrorPart } from '../../src/matching/truncate';
import { builtinMatcher } from '../helpers/fixture';

const ERROR = 'Set-FederatedOrganizationIdentifier : An error occurred while attempting to provision Exchange to the Partner STS.';
const DETAIL = 'The underlying connection was closed: An unexpected error occurred on a send.';
const INFO = '2026-11-28 10:00:00 INFO Processing mailbox batch 17 of 40, all good';

describe('matching/truncate', () => {
  it('keeps the error line and the line after it from the middle of a long log, in order, within the limit', () => {
    const noise = Array.from({ length: 3000 }, (_, i) => `${INFO} (${i})`);
    const log = [...noise.slice(0, 1500), ERROR, DETAIL, ...noise.slice(1500)].join('\n');
    // Both are error lines (the detail says "error" too); the line after the second is its detail, if any.
    assert.equal(cutToErrorPart(log, 20_000), `${ERROR}\n${DETAIL}\n${noise[1500]}`);
  });

  it('finds an error inside one 150,000-character line, and no piece of the cut is longer than CUT_LINE_CHARS', () => {
    const words = `${INFO} `.repeat(Math.ceil(75_000 / (INFO.length + 1)));
    const line = `${words}${ERROR} ${DETAIL} ${words}`;
    assert.ok(line.length > 150_000 && !line.includes('\n'));
    const cut = cutToErrorPart(line, 20_000);
    assert.ok(cut.includes('An error occurred while attempting to provision Exchange'), cut.slice(0, 300));
    assert.ok(cut.length <= 4 * CUT_LINE_CHARS, `a cut of ${cut.length} characters`);
    for (const piece of cut.split('\n')) assert.ok(piece.length <= CUT_LINE_CHARS, `a piece of ${piece.length} characters`);
    // Broken after a space where there is one: no word is split.
    const pieces = cut.split('\n');
    assert.ok(
      pieces.slice(0, -1).every((p) => p.endsWith(' ')),
      pieces.map((p) => p.slice(-20)).join(' | '),
    );
  });

  it('cuts a line without spaces into pieces of exactly CUT_LINE_CHARS, and never returns more than the limit', () => {
    const blob = `${'a.'.repeat(50_000)}Error 0x80040155${'b-'.repeat(50_000)}`;
    const cut = cutToErrorPart(blob, 20_000);
    assert.ok(cut.includes('Error 0x80040155'));
    assert.deepEqual(
      cut.split('\n').map((p) => p.length),
      [CUT_LINE_CHARS, CUT_LINE_CHARS],
    );
    for (const limit of [100, 1_000, 20_000]) assert.ok(cutToErrorPart(`${ERROR}\n${DETAIL}\n`.repeat(2_000), limit).length <= limit);
  });

  it('the matcher reads only the cut: a long paste is matched exactly as its cut is, and says it was cut', () => {
    const matcher = builtinMatcher();
    const noise = Array.from({ length: 4000 }, (_, i) => `${INFO} (${i})`);
    const paste = [...noise.slice(0, 2000), ERROR, DETAIL, ...noise.slice(2000)].join('\n');
    assert.ok(paste.length > MAX_PASTE_CHARS);
    const whole = matcher.match(paste);
    const cut = matcher.match(cutToErrorPart(paste, MAX_PASTE_CHARS));
    assert.deepEqual([whole.truncated, cut.truncated], [true, false]);
    assert.deepEqual({ ...whole, truncated: false }, cut);
    assert.deepEqual([whole.decision, whole.matches[0]?.article], ['answer', 'exo-legacy-tls-hybrid']);
  });
});

/** `lines` joined as a log. */
const log = (...lines: string[]) => lines.join('\n');

describe('matching/truncate: which lines are kept', () => {
  it('keeps the error-looking lines, each with the line after it, in their order', () => {
    assert.equal(
      cutToErrorPart(log('start', 'Step 3 failed', '  at detail one', 'noise', 'Access denied', 'detail two', 'end'), 1000),
      log('Step 3 failed', '  at detail one', 'Access denied', 'detail two'),
    );
    // Windows line ends split lines the same way; an error on the last line has no line after it.
    assert.equal(cutToErrorPart('noise\r\nmore noise\r\nthe request FAILED', 1000), 'the request FAILED');
    // Only a carriage return right before a line feed ends the line with it: one elsewhere (on the last line too) is the line's.
    assert.equal(cutToErrorPart('noise\r\nstep\rfailed\r\r\ndetail\r', 1000), 'step\rfailed\r\ndetail\r');
  });

  it('knows errors in English and German, codes and result codes, whatever their case', () => {
    for (const line of [
      'an Error',
      'NullReferenceException',
      'fail',
      'Fehler beim Laden',
      'denied',
      'Zugriff verweigert',
      'cannot connect',
      'could not connect',
      'unable to connect',
      'geht nicht',
      'HCW8078',
      'result 0x8004',
    ])
      assert.equal(cutToErrorPart(log('noise', line, 'after'), 1000), log(line, 'after'), line);
    // Not errors: a hex value too short to be a result code, `hcw` without a number, "could" alone.
    for (const line of ['value 0x800', 'hcw wizard', 'could connect'])
      assert.equal(cutToErrorPart(log('noise', line), 1000), log('noise', line), line);
  });

  it('keeps warnings only in the room the errors leave', () => {
    const text = log('WARN disk low', 'w-detail', 'ERROR broke', 'e-detail', 'info');
    assert.equal(cutToErrorPart(text, 1000), log('WARN disk low', 'w-detail', 'ERROR broke', 'e-detail'));
    // Room for the error and its detail only ('ERROR broke' + newline + 'e-detail' + newline = 21).
    assert.equal(cutToErrorPart(text, 21), log('ERROR broke', 'e-detail'));
    // A log of warnings only keeps its warnings.
    assert.equal(cutToErrorPart(log('a', 'Warning: slow', 'b'), 1000), log('Warning: slow', 'b'));
  });

  it('keeps the first and the last errors when more errors than fit, not the first ones only', () => {
    // Every error with its detail line takes 12 characters with the newlines.
    const errors = log('E1 error', 'd1', 'E2 error', 'd2', 'E3 error', 'd3', 'E4 error', 'd4');
    assert.equal(cutToErrorPart(errors, 24), log('E1 error', 'd1', 'E4 error', 'd4'));
    assert.equal(cutToErrorPart(errors, 36), log('E1 error', 'd1', 'E2 error', 'd2', 'E4 error', 'd4'));
    assert.equal(cutToErrorPart(errors, 12), log('E1 error', 'd1'));
    assert.equal(cutToErrorPart(errors, 1000), errors);
  });

  it('counts an error whose next line is also an error once', () => {
    assert.equal(cutToErrorPart(log('x', 'one error', 'two error', 'y'), 1000), log('one error', 'two error', 'y'));
  });

  it('cuts a kept line to the limit', () => {
    const long = `error ${'y'.repeat(50)}`;
    assert.equal(cutToErrorPart(log(long, 'next'), 20), long.slice(0, 20));
  });

  it('returns the beginning of a text without any error-looking line', () => {
    assert.equal(cutToErrorPart('all is fine here, nothing to see', 11), 'all is fine');
    assert.equal(cutToErrorPart('', 10), '');
  });

  it('reads a log holding a character above U+00FF (a two-byte string) as the same log without it', () => {
    const lines = ['x', 'one error', 'detail', 'y', 'a warning', 'z'];
    const dashed = lines.map((l) => `${l} \u2013`);
    assert.equal(cutToErrorPart(log(...dashed), 1000), cutToErrorPart(log(...lines), 1000).replace(/\n|$/g, ' \u2013$&'));
  });

  it('has its line patterns compiled to machine code for one-byte and two-byte strings as soon as it is loaded', () => {
    // V8's own checks (--allow-natives-syntax), in a fresh process: compiled later, when a process holds much compiled
    // code (a knowledge reload), a pattern is compiled without its optimizations, for the life of the process.
    const script = `const { CUT_PATTERNS } = require(${JSON.stringify(require.resolve('../../src/matching/truncate'))});
      console.log(JSON.stringify(CUT_PATTERNS.map((p) => [String(p), %RegexpHasNativeCode(p, true), %RegexpHasNativeCode(p, false)])));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--allow-natives-syntax', '-e', script], { encoding: 'utf8' })) as unknown[];
    assert.equal(out.length, 2);
    for (const [pattern, oneByte, twoByte] of out as [string, boolean, boolean][])
      assert.deepEqual([oneByte, twoByte], [true, true], pattern);
  });
});
