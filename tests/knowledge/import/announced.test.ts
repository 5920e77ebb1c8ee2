import assert from 'node:assert/strict';
import {
  MAX_ALTERNATIVES,
  announcesCommand,
  announcesHealthyOutput,
  announcesMessage,
  announcesMessages,
  errorHeading,
  inlineAnnounced,
  isSpecificMessage,
} from '../../../src/knowledge/import/announced';
import type { Article } from '../../../src/knowledge/types';
import { importedArticle, supportDoc } from '../../helpers/articles';

/** `body` as an article of our own in the support-docs shape, imported. */
function imported(body: string): Article {
  return importedArticle('widgets.md', supportDoc(body));
}

/** What `reads` says of each text. */
function assertReads(reads: (text: string) => boolean, texts: readonly string[], expected: boolean): void {
  for (const text of texts) assert.equal(reads(text), expected, text);
}

const errorsOf = (a: Article) => a.symptoms.flatMap((s) => s.errors.en ?? []);
const described = (a: Article) => a.symptoms.map((s) => [s.description.en, s.errors.en ?? []]);

describe('import: messages an article announces in prose', function () {
  it('a list under "…one of the following error messages:" holds one error per item; a bold line and the text after the colon count too', function () {
    const body = [
      '# Widgets fail',
      '## Symptoms',
      'When you open a widget, you receive one of the following error messages:',
      '',
      '- The widget store service is not reachable from this server.',
      '- Error message 2',
      '',
      '  **Opening the widget failed with the following error message: WidgetStore01 refused the WidgetSync call.**',
      '',
      'When you delete a widget, you receive the following error message: The widget is locked by another job.',
      '## Resolution',
      'Fix it.',
    ].join('\n');
    assert.deepEqual(described(imported(body)), [
      [
        'When you open a widget, you receive one of the following error messages.',
        ['The widget store service is not reachable from this server.'],
      ],
      [
        'When you open a widget, you receive one of the following error messages.',
        ['Opening the widget failed with the following error message: WidgetStore01 refused the WidgetSync call.'],
      ],
      ['When you delete a widget, you receive the following error message.', ['The widget is locked by another job.']],
    ]);
  });

  it('announced messages that name nothing (`Access is denied.`, `(404) Not Found`) are no error texts of their own', function () {
    const body = [
      '# Widgets fail',
      '## Symptoms',
      'When you sync widgets, you receive the following error messages:',
      '',
      '- There was no endpoint listening at `https://widgets.<Domain>/sync.svc` that could accept the message.',
      '- The remote server returned an error: (404) Not Found.',
      '',
      'When you open a widget, you receive one of the following error messages:',
      '',
      '- Access is denied.',
      '- Error message 2',
      '',
      "  **You don't have the permissions to perform this action.**",
      '',
      'When you delete a widget, you receive the following error message: The operation failed.',
      '## Resolution',
      'Fix it.',
    ].join('\n');
    assert.deepEqual(errorsOf(imported(body)), [
      'There was no endpoint listening at https://widgets.<Domain>/sync.svc that could accept the message.',
    ]);
  });

  it(`more than ${MAX_ALTERNATIVES} announced alternatives are a family of symptoms: none becomes an error text`, function () {
    const items = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'].map((n) => `- The WidgetSync client cannot reach the ${n} widget store.`);
    const body = (list: string[]) =>
      [
        '# Widgets fail',
        '## Symptoms',
        'When you start the widget console, you receive one of the following error messages:',
        '',
        ...list,
        '## Resolution',
        'Run the widget troubleshooter.',
      ].join('\n');
    assert.deepEqual(errorsOf(imported(body(items))), []);
    assert.equal(errorsOf(imported(body(items.slice(0, MAX_ALTERNATIVES)))).length, MAX_ALTERNATIVES);
  });

  it('a message that itself says "failed with the following error message: …" is the error, not a sentence announcing its inner part', function () {
    const body = [
      '# Widgets fail',
      '## Symptoms',
      '> Connecting to widget server failed with the following error message: The WidgetSync client cannot process the request.',
      '',
      'Connecting to widget server failed with the following error message: The WidgetSync client cannot process the request.',
      '## Resolution',
      'Fix it.',
    ].join('\n');
    assert.deepEqual(errorsOf(imported(body)), [
      'Connecting to widget server failed with the following error message: The WidgetSync client cannot process the request.',
    ]);
  });

  it("`### Error: …` headings under Resolution are symptoms: the heading's message, the short list it announces, described by the paragraph below", function () {
    const body = [
      '# Troubleshoot widget mail',
      '## Check the widget settings',
      'Widgets send mail through the relay.',
      '## Fix widget sign-in',
      '### Error: Sign-in unsuccessful',
      '',
      'If you receive one of the following errors:',
      '',
      '- 535 5.7.8 Widget sign-in unsuccessful',
      '- 5.7.99 Widget not signed in to send mail',
      '',
      'Check the following:',
      '',
      '1. Enable widget sign-in:',
      '',
      '   ```powershell',
      '   Set-Widget -SignIn $true',
      '   ```',
      '',
      '### Error: 550 5.1.99 Widget sender blocked',
      '',
      'This error means that the widget mailbox is on a blocklist.',
      '',
      '### Widgets that never sign in',
      '',
      '- 550 5.9.9 This list is no announced error',
    ].join('\n');
    const a = imported(body);
    assert.deepEqual(described(a), [
      ['Error: Sign-in unsuccessful', ['535 5.7.8 Widget sign-in unsuccessful']],
      ['Error: Sign-in unsuccessful', ['5.7.99 Widget not signed in to send mail']],
      ['This error means that the widget mailbox is on a blocklist.', ['550 5.1.99 Widget sender blocked']],
    ]);
    // the generic heading message itself ("Sign-in unsuccessful") is no error text; the steps stay steps
    assert.ok(!errorsOf(a).includes('Sign-in unsuccessful'));
    assert.ok(a.steps.some((s) => s.commands?.some((c) => c.code === 'Set-Widget -SignIn $true')));
  });

  it('helpers: announcesMessages, inlineAnnounced, errorHeading', function () {
    assert.equal(announcesMessages('When you start it, you receive one of the following error messages:'), true);
    assert.equal(announcesMessages('If you receive one of the following errors:'), true);
    assert.equal(announcesMessages('To fix it, follow these steps:'), false);
    assert.deepEqual(inlineAnnounced('In this case you get the following error message: The widget is locked.'), {
      leadIn: 'In this case you get the following error message',
      message: 'The widget is locked.',
    });
    assert.equal(inlineAnnounced('Loading widgets failed with the following error message: The widget is locked.'), null);
    assert.equal(errorHeading('Error: 550 5.1.99 Widget sender blocked'), '550 5.1.99 Widget sender blocked');
    assert.equal(errorHeading('Fehler: Widget gesperrt'), 'Widget gesperrt');
    assert.equal(errorHeading('Errors when adding a widget'), null);
    assert.equal(errorHeading('Error 429 in the widget wizard'), null);
    // numbered, quoted, and `<message> error`: the message when it says enough on its own words
    assert.equal(
      errorHeading('Error 2: "Unable to resolve the widget address to a directory object"'),
      'Unable to resolve the widget address to a directory object',
    );
    assert.equal(errorHeading('Widget relay refused the signed token error'), 'Widget relay refused the signed token');
    assert.equal(errorHeading('Setup fails with "Cannot start the widget service" error'), 'Cannot start the widget service');
    assert.equal(errorHeading('Widget policy error'), null);
    assert.equal(errorHeading('Widget Setup or PrepareWidgets error'), null);
  });

  it('a plain paragraph right below a sentence announcing a message is that message; prose further down is not', function () {
    const body = [
      '# Widgets fail',
      '## Symptoms',
      'When a widget syncs, the following error is logged in the widget log:',
      '',
      'WidgetSyncException: The widget store returned status 404 for widget W1.',
      '',
      'Additionally, the sync stops for every widget of the same owner.',
      '',
      'You may see entries in the relay log that resemble the following:',
      '',
      '"R=""? NO WIDGET failed:"";Msg=NoWidgetOwner"',
      '',
      'When you open the widget pane, you receive the following error message:',
      '',
      'Access is denied.',
      '',
      'In the widget console, connection details that resemble the following are logged:',
      '',
      'Additionally, session details that resemble the following are logged in the relay log.',
      '## Resolution',
      '1. Restart the widget relay.',
    ].join('\n');
    assert.deepEqual(errorsOf(imported(body)), [
      'WidgetSyncException: The widget store returned status 404 for widget W1.',
      '"R=""? NO WIDGET failed:"";Msg=NoWidgetOwner"',
    ]);
  });

  it('a message the reader is said to receive in bold before the word error (`…receive the **X** error`) is an error text wherever it stands, also in a note; not a short name of one already quoted, not a bold value', function () {
    const body = [
      '# Widgets fail',
      '## Symptoms',
      'When you sync a widget, you receive the following error message:',
      '',
      '> Execution of the Set-Widget cmdlet has thrown an exception. The term Set-WidgetOwner is not recognized as the name of a cmdlet.',
      '## Resolution',
      '1. Set the owner with the **Shared** value.',
      '## More information',
      'If you receive a **Set-WidgetOwner is not recognized** error, install the widget module.',
      '',
      '> [!NOTE]',
      '> If you continue to receive the **widgetStore.OwnerType must include ProvisionWidget** error when you use the value **Shared**, run the sync again.',
    ].join('\n');
    assert.deepEqual(errorsOf(imported(body)), [
      'Execution of the Set-Widget cmdlet has thrown an exception. The term Set-WidgetOwner is not recognized as the name of a cmdlet.',
      'widgetStore.OwnerType must include ProvisionWidget',
    ]);
  });

  it('helpers: announcesMessage', function () {
    assert.equal(announcesMessage('Error:'), true);
    assert.equal(announcesMessage('The event that is logged resembles the following:'), true);
    assert.equal(announcesMessage('There is an error message in the corner stating the widget is unavailable:'), false);
    assert.equal(announcesMessage('This error occurs for the following reasons:'), false);
    assert.equal(announcesMessage('You receive the following error message.'), false);
  });

  it('isSpecificMessage: a name, code, quoted value, placeholder or address, or four words beyond the plain ones', function () {
    assertReads(
      isSpecificMessage,
      [
        'The WinRM client cannot process the request.',
        'Error 0x80070005 occurred.',
        '535 5.7.3 Authentication unsuccessful',
        'Access to <Server> is denied.',
        "The mailbox 'Pat' is not found.",
        "You don't have sufficient permissions. This operation can only be performed by a manager of the group.",
      ],
      true,
    );
    assertReads(
      isSpecificMessage,
      [
        'Access is denied.',
        'Authentication unsuccessful',
        'The remote server returned an error: (404) Not Found.',
        'An unknown error occurred. Please try again later.',
      ],
      false,
    );
  });
});

describe('import: a healthy output is no error text', function () {
  it('tells a sentence announcing the output of a working setup from one announcing a problem', function () {
    assertReads(
      announcesHealthyOutput,
      [
        'You expect to see the following output:',
        "If the gadget settings are correct, you'll see output like this:",
        'The expected result of the command resembles the following:',
        'If the widget connects successfully, the response is as follows:',
        'After you apply the fix, the output looks like this:',
        'If you typed the gadget key correctly, you receive the following message:',
      ],
      true,
    );
    assertReads(
      announcesHealthyOutput,
      [
        'However, you see the following output instead:',
        'You may get the following warning, which is expected if no widget exists:',
        "The command doesn't return the expected values:",
        'Run the following command to check that the setting is correct:',
        'To verify that the value is set successfully, use the following cmdlet:',
        'Run the `Get-Gadget` cmdlet to verify that the `Color` value is set correctly:',
        'You expect to see the following output.',
        'When you run the command, you see the following output:',
      ],
      false,
    );
  });

  it('imports the output an article shows as expected or correct as no error; the wrong output and an expected warning stay', function () {
    const a = imported(
      [
        '# Widgets get a GUID name',
        '## Symptoms',
        'You create a widget without a name and list it:',
        '```powershell\nGet-Widget w1 | FL Name,Status\n```',
        'You expect to see the following output:',
        '```output\nName   : w1\nStatus : Ready, failed jobs 0\n```',
        'However, you see the following output instead:',
        '```output\nName   : 5c1e0f7a-0000-4d3e-9a1b-3f2d1c0b9a88\nStatus : Ready, failed jobs 0\n```',
        '## Resolution',
        'Rename the widget, then check it:',
        '```powershell\nGet-WidgetHealth w1\n```',
        "If the widget is correct, you'll see the following output:",
        '```output\nHealth  : Good\nWarning : none\n```',
        'You may get the following warning, which is expected if the widget was never synced:',
        '> WARNING: The widget sync record w1 could not be found on the gadget server.',
      ].join('\n\n'),
    );
    const errors = a.symptoms.flatMap((s) => s.errors.en ?? []);
    assert.deepEqual(errors, [
      'Name : 5c1e0f7a-0000-4d3e-9a1b-3f2d1c0b9a88 Status : Ready, failed jobs 0',
      'WARNING: The widget sync record w1 could not be found on the gadget server.',
    ]);
    assert.ok(!a.symptoms.some((s) => /expect/i.test(s.description.en ?? '')), JSON.stringify(a.symptoms));
  });
});

describe('import: a command an article tells the admin to run is no error text', function () {
  it('tells a sentence announcing something to run from one announcing what it shows', function () {
    assertReads(
      announcesCommand,
      [
        'To find the widget master, run the following command from an administrative command prompt on the server:',
        'Open a command prompt as administrator and resume setup by using the following command:',
        'The log file is written when you run the widget setup together with the following switch:',
      ],
      true,
    );
    assertReads(
      announcesCommand,
      [
        'When you run the following command, you receive the following error message:',
        'You run the following command, and it fails:',
        'When you open a widget, you receive one of the following error messages:',
      ],
      false,
    );
  });

  it('imports neither a code span nor a code block below such a sentence, in a list item or not; the error stays', function () {
    const body = [
      '# Widgets fail',
      '## Symptoms',
      'When you sync a widget, you receive the following error message:',
      '',
      '> WidgetSync failed because the gadget store WS01 is not reachable.',
      '',
      'To find the server that holds the gadget store, run the following command from an administrative command prompt:',
      '',
      '`netdom query fsmo`',
      '',
      '1. Rename the widget log folder.',
      '2. Open a command prompt as administrator and resume setup by using the following command:',
      '',
      '   `D:\\setup.exe /m:upgrade /IAcceptWidgetLicenseTerms`',
      '',
      'The setup log is written when you run the widget setup together with the following switch:',
      '',
      '```console',
      'WidgetSetup.msi /lxv <Drive>:\\log.txt',
      '```',
      '## Resolution',
      'Restart the widget service.',
    ].join('\n');
    assert.deepEqual(errorsOf(imported(body)), ['WidgetSync failed because the gadget store WS01 is not reachable.']);
  });
});

describe('import: a long message an article announces in a plain paragraph', function () {
  // 431 characters with its quotes: a setup log's message that names the cause and the fix in one paragraph.
  const message =
    'Widget setup found a problem while checking the gadget directory: the widget store objects have not been created, ' +
    'and setup cannot create them because this computer is not in the same forest and region as the gadget master. ' +
    'Run widget setup with the /PrepareStore switch on a computer in the forest CORP-FOREST01 and the region WEST-EUROPE-02, ' +
    'then wait until the gadget directory has replicated to every region before you run it again here.';

  it('is imported up to 500 characters, without the quotes around it', function () {
    assert.ok(message.length > 400 && message.length < 500, String(message.length));
    const body = [
      '# Widget setup stops',
      '## Symptoms',
      'Widget setup stops. You can also look in the widget setup log for the following error:',
      `"${message}"`,
      'If you find this error, run the following command from a computer in the forest of the gadget master.',
      '## Resolution',
      'Prepare the store.',
    ].join('\n\n');
    assert.deepEqual(errorsOf(imported(body)), [message]);
  });

  it('is an explanation, not a message, when it is longer', function () {
    const longer = `${message} ${message.slice(0, 100)}`;
    assert.ok(longer.length > 500, String(longer.length));
    const body = [
      '# Widget setup stops',
      '## Symptoms',
      'Widget setup stops. You can also look in the widget setup log for the following error:',
      longer,
      '## Resolution',
      'Prepare the store.',
    ].join('\n\n');
    assert.deepEqual(errorsOf(imported(body)), []);
  });
});
