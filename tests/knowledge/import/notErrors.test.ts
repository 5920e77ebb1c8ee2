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
      // one address with digits in it: a value, not a status code
      'IMCEAEX-_O=WIDGETCO_OU=EXCHANGE+20ADMINISTRATIVE+20GROUP+20+28FYDIBOHF23SPDLT+29_CN=RECIPIENTS_CN=Widget7e1a2345@widgets.example.com',
      'X500:/o=WidgetCo/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=widget123',
      'widget.owner123@widgets.example.com',
      'https://widgets.example.com:444/owa',
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
      'IMCEAEX-_O=WIDGETCO_CN=Widget7e1a2345@widgets.example.com #550 5.1.1 RESOLVER.ADR.ExRecipNotFound ##',
    ])
      assert.equal(isNoErrorText(text), false, text);
  });

  it('an article whose only quote is an example address under Cause: described by its Symptoms prose, no error text', function () {
    const { article: a } = importArticle(
      'widget-ndr.md',
      [
        '---',
        'title: Widget NDR',
        '---',
        '# IMCEAEX bounce when you mail a restored widget mailbox',
        '## Symptoms',
        'Internal senders get an IMCEAEX bounce when they mail a widget mailbox that was restored from backup.',
        '## Cause',
        'The restored widget mailbox has a new legacy DN. The recipient address in the bounce looks like this example:',
        '',
        '> IMCEAEX-_O=WIDGETCO_OU=EXCHANGE+20ADMINISTRATIVE+20GROUP+20+28FYDIBOHF23SPDLT+29_CN=RECIPIENTS_CN=Widget7e1a2345@widgets.example.com',
        '## Resolution',
        '1. Add the old legacy DN as an X500 proxy address.',
      ].join('\n'),
    );
    assert.deepEqual(
      a?.symptoms.map((s) => ({ description: s.description.en, errors: s.errors })),
      [
        {
          description: 'Internal senders get an IMCEAEX bounce when they mail a widget mailbox that was restored from backup.',
          errors: {},
        },
      ],
    );
  });
});
