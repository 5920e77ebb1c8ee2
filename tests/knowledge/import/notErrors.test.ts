import assert from 'node:assert/strict';
import { importArticle } from '../../../src/knowledge/import';
import { isNoErrorText } from '../../../src/knowledge/import/notErrors';

/** Our own small article in the support-docs shape (not corpus text). */
const article = [
  '---',
  'title: Widgets',
  '---',
  "# Widget mailbox can't be opened",
  '## Symptoms',
  'The widget attribute is left set:',
  '',
  '`widgetFlagsLegacy`',
  '',
  'Count the folders with:',
  '',
  '`(Get-WidgetFolder -Identity <id>).Count`',
  '',
  'You receive the following error:',
  '',
  '> WidgetStoreException: The widget store refused the call.',
  '## Resolution',
  '1. Clear the attribute.',
  '',
  '   ```output',
  '   WidgetLogComment : END',
  '   ```',
].join('\n');

describe('import: text in the places of errors that is no error', function () {
  it('a lone attribute name, an expression that runs a cmdlet are no error texts; the real error stays', function () {
    const { article: a } = importArticle('widgets.md', article);
    assert.deepEqual(
      a?.symptoms.flatMap((s) => s.errors.en ?? []),
      ['WidgetStoreException: The widget store refused the call.'],
    );
  });

  it('isNoErrorText: names, addresses and expressions; not exception names, codes or messages', function () {
    for (const text of [
      'msExchWidgetFlags',
      'fltmc',
      'Meeting.Response',
      'Username@domain.com',
      'https://<Server>/owa',
      '(Get-Widget <id>).Count > c:\\out.txt',
      '[int]$key = $reg.GetValue("Release")',
    ])
      assert.equal(isNoErrorText(text), true, text);
    for (const text of [
      'TooManyBadItemsPermanentException',
      'WidgetStrings.InvalidWidgetName(widget)',
      '550 5.7.12',
      '5.4.6',
      'HTTP 500',
      'Status: RevocationCheckFailure',
      "PowerShell failed to invoke 'Set-Widget': access denied.",
      'Set-Widget is failing with error "No widget trust is configured"',
      'The widget store refused the call.',
    ])
      assert.equal(isNoErrorText(text), false, text);
  });
});
