/**
 * Regular expressions rewritten to run in linear time (issue 11) must find what the originals found. The
 * originals, quadratic on long runs, are kept here as the reference and compared on many short random
 * strings of the characters they care about.
 */
import assert from 'node:assert/strict';
import { parseIntent } from '../../src/bot/intents';
import { gapKey } from '../../src/cli/gaps';
import { oneLine } from '../../src/knowledge/import/blocks';
import { isErrorLeadIn, isStepIntro } from '../../src/knowledge/import/markdown';
import { FRAME_LINE, withoutAutomationException, withoutInlineFrames, withoutTags } from '../../src/knowledge/import/text';
import { assertSameResults } from '../helpers/linearRewrite';

/** Compares `original` and `rewritten` by `test` (where the importer only ever asks whether they match). */
const tests = (re: RegExp) => (t: string) => re.test(t);
/** Compares them by `replace`. */
const replaces = (re: RegExp, by: string) => (t: string) => t.replace(re, by);
const SPACES = [' ', ' ', '\t', '\n', '\u2028', '\r'];

describe('reliability: linear rewrites find what the originals found', () => {
  it('mask: JSON Web Tokens', () => {
    assertSameResults(
      (t) => t.replace(/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '<token>'),
      (t) => t.replace(/(?<![\w-])(?=([\w-]*?)\beyJ)\1eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '$1<token>'),
      ['eyJ', 'eyJ', 'e', 'y', 'J', 'a', '_', '-', '.', ' ', '1', 'é'],
      ['Authorization: Bearer eyJhbGciOi.eyJzdWIi.sig-x', 'x-eyJa.b.c', 'aeyJb.c.d', '_eyJa.b.c eyJ.a.b'],
    );
  });

  it('mask: credentials in URLs', () => {
    assertSameResults(
      (t) => t.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/:@]+:[^\s/@]+@/gi, '$1<secret>@'),
      (t) => t.replace(/(?<![a-z0-9+.-])(?=([a-z0-9+.-]*?)\b[a-z])\1([a-z][a-z0-9+.-]*:\/\/)[^\s/:@]+:[^\s/@]+@/gi, '$1$2<secret>@'),
      ['a', 'B', '1', '+', '.', '-', '_', ':', '//', '://', '@', ' ', '/', 'é'],
      ['https://user:pass@host/x', '1.ftp://a:b@c', '+A+://u:p@h', '_x://u:p@h'],
    );
  });

  it('mask: e-mail addresses', () => {
    assertSameResults(
      (t) => t.replace(/[\w.!#$%&'*+/=?^`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi, '<email>'),
      (t) => t.replace(/(?<![\w.!#$%&'*+/=?^`{|}~-])[\w.!#$%&'*+/=?^`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi, '<email>'),
      ['a', 'Z', '1', '.', '-', '+', "'", '{', '@', ' ', ':', 'é', '_'],
      ['pat@contoso.com', "o'hara@x.y.z", '..@a.b', 'a@b@c.d'],
    );
  });

  it('intents: the id of `show <id>` loses its quotes and brackets, the greeting its "PasteFix"', () => {
    const old = (t: string) => t.replace(/^[`"'<]+|[`"'>]+$/g, '');
    assertSameResults(
      (t) => ({ kind: 'show', id: t === '' ? undefined : old(t), spoken: undefined }),
      (t) => parseIntent(`show ${t}`),
      ['a', 'b', '`', '"', "'", '<', '>'],
      ['<id>', '"\'>', '`x`', "'''"],
    );
    assertSameResults(
      (t) => t.replace(/\s*pastefix$/, ''),
      (t) => t.replace(/(?<!\s)\s*pastefix$/, ''),
      ['hallo', ' ', '  ', '\t', 'pastefix', 'x'],
    );
    assert.deepEqual(parseIntent('hallo   PasteFix!'), { kind: 'greeting', spoken: 'de' });
  });

  it('kb gaps: host names become <host> as before', () => {
    assert.equal(gapKey('Cannot reach ex01.contoso.local or -a-.b.de from x_-foo.com'), 'cannot reach <host> or -<host> from x_<host>');
  });

  it('import: error words, lead-ins and step introductions', () => {
    assertSameResults(tests(/\b[A-Za-z.]*Exception\b/), tests(/(?<!\w)[A-Za-z]*Exception\b/), [
      'Exception',
      'a',
      'Z',
      '.',
      '1',
      '_',
      ' ',
      ':',
      'é',
    ]);
    assertSameResults(
      tests(/^\s*\\?\+\s*(?:CategoryInfo|FullyQualifiedErrorId)\b/m),
      tests(/^[^\S\n\r\u2028\u2029]*\\?\+\s*(?:CategoryInfo|FullyQualifiedErrorId)\b/m),
      [...SPACES, '+', '\\', 'CategoryInfo', 'x', ':'],
    );
    assertSameResults(tests(/\b(?:error|warning|alert|failure|exception|NDR|Fehler\w*|Warnung\w*)\b[^.]*:\s*$/i), isErrorLeadIn, [
      'error',
      'Fehlermeldung',
      'NDR',
      'x',
      '.',
      ':',
      ':',
      ...SPACES,
      '_',
    ]);
    assertSameResults(
      tests(
        /(?:follow these steps|do the following|the following steps|one of the following|any of the following|either of the following|use one of the following methods)[^:]*:\s*$/i,
      ),
      isStepIntro,
      ['do the following', 'follow these steps', 'x', '.', ':', ':', ...SPACES],
    );
    assertSameResults(
      (t) => [...t.matchAll(/(?:error(?: message)?|fehler(?:meldung)?)\s*:?\s*"([^"]{12,})"/gi)].map((m) => [m.index, m[0], m[1]]),
      (t) => [...t.matchAll(/(?:error(?: message)?|fehler(?:meldung)?)\s*(?::\s*)?"([^"]{12,})"/gi)].map((m) => [m.index, m[0], m[1]]),
      ['error', 'Fehler', ' message', ':', '"', 'abcdefgh', 'x', ...SPACES],
    );
  });

  it('import: trailing runs, lead-in phrases and one-line text', () => {
    const pairs: Array<[RegExp, RegExp, string[]]> = [
      [/\s*:$/, /(?<!\s)\s*:$/, [...SPACES, ':', 'x']],
      [/\s+\S*$/, /(?<!\s)\s+\S*$/, [...SPACES, 'x', ':']],
      [/[.,;:]+$/, /(?<![.,;:])[.,;:]+$/, ['.', ',', ';', ':', 'x']],
      [/[\s:–-]+$/, /(?<![\s:–-])[\s:–-]+$/, [...SPACES, ':', '–', '-', 'x']],
      [/\s+[-–•]$/, /(?<!\s)\s+[-–•]$/, [...SPACES, '-', '•', 'x']],
      [/^-+|-+$/g, /^-+|(?<!-)-+$/g, ['-', '-', 'a']],
      [
        /\s*The full text of (?:the|this) (?:error )?message resembles the following(?: example)?\s*[:.]?\s*$/i,
        /(?<!\s)\s*The full text of (?:the|this) (?:error )?message resembles the following(?: example)?\s*(?:[:.]\s*)?$/i,
        ['The full text of the message resembles the following', ' example', ...SPACES, ':', '.', 'x'],
      ],
      [
        /\s*For example, the error (?:entry )?in the IIS log may resemble the following\s*:?\s*$/i,
        /(?<!\s)\s*For example, the error (?:entry )?in the IIS log may resemble the following\s*(?::\s*)?$/i,
        ['For example, the error in the IIS log may resemble the following', ...SPACES, ':', 'x'],
      ],
    ];
    for (const [original, rewritten, pieces] of pairs) assertSameResults(replaces(original, '#'), replaces(rewritten, '#'), pieces);
    assertSameResults(
      (t) =>
        t
          .replace(/\s*\n\s*/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      oneLine,
      [...SPACES, 'x'],
    );
  });

  it('import: list lines, error markers, stack frames, tags and wrappers', () => {
    const lines: Array<[RegExp, RegExp, (m: RegExpExecArray) => unknown[], (m: RegExpExecArray) => unknown[]]> = [
      [/^\s*[-–•*]\s+(.*)$/, /^\s*[-–•*](?=(\s+))\1(.*)$/, (m) => [m[1]], (m) => [m[2]]],
      [/^\s*(\d{1,2})[.)]\s+(.*)$/, /^\s*(\d{1,2})[.)](?=(\s+))\2(.*)$/, (m) => [m[1], m[2]], (m) => [m[1], m[3]]],
      [
        /^\s*(?:Fehler(?:meldung)?|Error(?: message)?|Fehlermeldung)\s*:\s*(.*)$/i,
        /^\s*(?:Fehler(?:meldung)?|Error(?: message)?|Fehlermeldung)\s*:(?=(\s*))\1(.*)$/i,
        (m) => [m[1]],
        (m) => [m[2]],
      ],
    ];
    for (const [original, rewritten, before, after] of lines) {
      assertSameResults(
        (t) => {
          const m = original.exec(t);
          return m && before(m);
        },
        (t) => {
          const m = rewritten.exec(t);
          return m && after(m);
        },
        [...SPACES, '-', '*', '1', '2', '.', ')', 'Error', 'Fehler', ' message', ':', 'x'],
      );
    }
    assertSameResults(
      tests(/^\s*(?:at\s+[A-Za-z_][\w.`<>[\],]*(?:\([^)]*\)?)?\s*[\w'.]*|---\s*End of inner exception stack trace\s*---)\s*$/),
      tests(FRAME_LINE),
      [
        'at',
        'at ',
        ...SPACES,
        'a',
        'B',
        '_',
        '.',
        '`',
        '<',
        '>',
        '[',
        ']',
        ',',
        '(',
        ')',
        "'",
        '-',
        '---',
        'End of inner exception stack trace',
      ],
      [
        '   at Microsoft.Exchange.Management.RunCommand(String cmdlet) in x.cs',
        'at A.B(x) y z',
        '--- End of inner exception stack trace ---',
      ],
    );
    assertSameResults(replaces(/\s+at\s+[A-Za-z_][\w`<>[\],]*\.[\w.`<>[\],]+\s*\([^)]*\)/g, ' '), withoutInlineFrames, [
      ...SPACES,
      'at',
      'a',
      '.',
      '(',
      ')',
      '`',
      ',',
      'x',
    ]);
    assertSameResults(replaces(/<[^>]*>/g, ' '), withoutTags, ['<', '>', 'a', ' ']);
    assertSameResults(replaces(/System\.Management\.Automation\.[\w.]+Exception:/gi, ' '), withoutAutomationException, [
      'System.Management.Automation.',
      'Exception',
      'EXCEPTION',
      'x',
      '.',
      ':',
      ' ',
      '_',
    ]);
    assertSameResults(
      (t) => /^(.*?)\s+((?:SE|LTSC|\d{4})\b.*)$/.exec(t.replace(/\s+/g, ' ').trim())?.slice(1),
      (t) => /^(.*?) ((?:SE|LTSC|\d{4})\b.*)$/.exec(t.replace(/\s+/g, ' ').trim())?.slice(1),
      [...SPACES, 'Exchange', 'SE', 'LTSC', '2019', 'x', 'Server'],
    );
  });
});
