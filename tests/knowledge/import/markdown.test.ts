import assert from 'node:assert/strict';
import { RAW_ARTICLE_EXTENSIONS, articleId, importArticle } from '../../../src/knowledge/import';
import {
  assembleCommands,
  cleanErrorText,
  detectLanguage,
  looksLikeCommand,
  productsFrom,
  shellFor,
} from '../../../src/knowledge/import/text';
import { importedArticle as imported, supportDoc } from '../../helpers/articles';

/** `supportDoc` with a title and the products the importer reads from front matter. */
function md(
  body: string,
  front = 'title: Short title\nms.author: someone\nappliesto:\n  - Exchange Server 2016 Enterprise Edition\n  - Exchange Server 2019\n  - Exchange Online',
): string {
  return supportDoc(body, front);
}

/** The descriptions of the symptoms of `body` (`md`) imported as `file`. */
function descriptionsOf(file: string, body: string): (string | undefined)[] {
  return imported(file, md(body)).symptoms.map((s) => s.description.en);
}

describe('import: Markdown shapes (synthetic articles)', function () {
  it('lists the raw article extensions the loader reads', function () {
    assert.deepEqual(RAW_ARTICLE_EXTENSIONS, ['.md', '.markdown', '.txt']);
  });

  it('uses the file name as id, the H1 as title, front matter for products; URL only where the layout tells it', function () {
    const text = md(
      '# Widgets fail to sync\n\n## Symptoms\n\n> Widget sync failed: 0x80004005.\n\n## Resolution\n\nRestart the widget service.\n',
    );
    const a = imported('/kb/widgets-fail.md', text);
    assert.equal(a.id, 'widgets-fail');
    assert.deepEqual(a.title, { en: 'Widgets fail to sync' });
    assert.deepEqual(a.products, [
      { name: 'Exchange Server', versions: ['2016', '2019'] },
      { name: 'Exchange Online', versions: [] },
    ]);
    assert.deepEqual(a.source, { title: 'Widgets fail to sync' });
    const published = imported('/x/ExchangeHybrid/calendars/widgets-fail.md', text);
    assert.deepEqual(published.source, {
      title: 'Widgets fail to sync',
      url: 'https://learn.microsoft.com/troubleshoot/exchange/calendars/widgets-fail',
      license: 'CC BY 4.0',
    });
  });

  it('links: site-relative → learn.microsoft.com, page-relative .md → against the article URL when known, else text only; images and anchors dropped', function () {
    const body =
      '# T\n\n## Symptoms\n\n> Boom.\n\n## Resolution\n\n1. See [Hybrid prerequisites](/exchange/hybrid-deployment-prerequisites) and [the sibling](./other-article.md) and [above](#cause) and ![pic](./media/a.png).\n';
    const withUrl = imported('/c/ExchangeHybrid/move-mailboxes/t.md', md(body));
    assert.deepEqual(
      withUrl.references.map((r) => [r.title.en, r.url]),
      [
        ['Hybrid prerequisites', 'https://learn.microsoft.com/exchange/hybrid-deployment-prerequisites'],
        ['the sibling', 'https://learn.microsoft.com/troubleshoot/exchange/move-mailboxes/other-article'],
      ],
    );
    assert.equal(withUrl.steps[0].text.en, 'See Hybrid prerequisites and the sibling and above and .');
    const withoutUrl = imported('/wiki/t.md', md(body));
    assert.deepEqual(
      withoutUrl.references.map((r) => r.url),
      ['https://learn.microsoft.com/exchange/hybrid-deployment-prerequisites'],
    );
  });

  it('drops HTML comments, :::image directives and INCLUDE lines; callouts become "Note:" text, not errors', function () {
    const body = [
      '# T',
      '<!-- editor comment -->',
      '## Symptoms',
      '',
      '> [!NOTE]',
      '> This is only a note.',
      '',
      'You see this error:',
      '',
      '> The widget broke.',
      '',
      ':::image type="content" source="media/x.png" alt-text="Screenshot.":::',
      '',
      '## Resolution',
      '',
      '1. Do the thing.',
      '',
      '   > [!WARNING]',
      '   > Careful with the thing.',
      '',
      '[!INCLUDE [disclaimer](../../includes/x.md)]',
    ].join('\n');
    const a = imported('t.md', md(body));
    assert.deepEqual(
      a.symptoms.map((s) => s.errors),
      [{ en: ['The widget broke.'] }],
    );
    assert.equal(a.symptoms[0].description.en, 'You see this error.');
    assert.equal(a.steps[0].text.en, 'Do the thing.\nWarning: Careful with the thing.');
    assert.doesNotMatch(JSON.stringify(a), /editor comment|:::|INCLUDE|\.png/);
  });

  it('DocFX buttons and videos (`> [!div class="nextstepaction"]`, `> [!VIDEO …]`) are page furniture, not errors; the button text stays prose', function () {
    const body = [
      '# T',
      '## Symptoms',
      '',
      'To find the cause, select the button below:',
      '',
      '> [!div class="nextstepaction"]',
      '> [Run Tests: Widget health](https://aka.ms/WidgetHealth)',
      '',
      '> [!VIDEO https://www.example.com/videoplayer/embed/1234]',
      '',
      'You see this error:',
      '',
      '> The widget broke.',
      '',
      '## Resolution',
      '',
      '1. Do the thing.',
    ].join('\n');
    const a = imported('t.md', md(body));
    assert.deepEqual(
      a.symptoms.map((s) => s.errors),
      [{ en: ['The widget broke.'] }],
    );
    assert.doesNotMatch(JSON.stringify(a.symptoms), /\[!div|\[!VIDEO|videoplayer/);
  });

  it('an NDR article that names its status only in the title gets it as an error text: quoted with its text, else the code', function () {
    const body = (title: string, symptom: string) =>
      md(['# ' + title, '## Symptoms', symptom, '## Resolution', '1. Fix the widget.'].join('\n'));
    const errors = (title: string, symptom = 'Mail to the widget list bounces.') =>
      imported('t.md', body(title, symptom)).symptoms.flatMap((s) => s.errors.en ?? []);
    assert.deepEqual(errors('Fix NDR error "550 5.7.99" in Widget Online'), ['550 5.7.99']);
    assert.deepEqual(errors('NDR 450 4.4.99 "Cannot reach the widget [Message=Odd]"'), [
      '450 4.4.99 Cannot reach the widget [Message=Odd]',
    ]);
    assert.deepEqual(errors('Fix NDR error 5.4.96 or 5.4.97 in Widget Online'), ['5.4.96', '5.4.97']);
    assert.deepEqual(errors('Fix NDR error code "451 4.7.500-699" in Widget Online'), ['451 4.7.500']);
    // a status the article's own error texts print is not added again
    assert.deepEqual(errors('Fix NDR error "550 5.7.99"', 'You get this bounce:\n\n> 550 5.7.99 Widget rejected.'), [
      '550 5.7.99 Widget rejected.',
    ]);
    assert.deepEqual(errors('Widgets bounce in Widget Online'), []);
  });

  it('a problem described under its own heading (a code, or an Issue label) without an error text is a symptom of its own', function () {
    const body = [
      '# Fix widget problems after updates',
      '## Summary',
      'This article lists widget problems and codes WDG1 to WDG3.',
      '## Known issues',
      '### Blank widget page',
      '**Issue:**',
      'The widget page stays blank after sign-in. Event ID 4242 may be logged.',
      '**Cause:**',
      'The widget binding is wrong.',
      '### Widget sign-in fails',
      '**Issue:**',
      'You receive the following error message:',
      '> The widget factory could not be reached because the gateway refused the request.',
      '### Use a supported browser',
      'Widgets work best in a supported browser.',
      '## HCW9998',
      'This error occurs when widgets cannot be copied from on-premises to the cloud. Unlike HCW9997, it stops the run.',
      'To fix this error, rerun the wizard.',
    ].join('\n\n');
    const a = imported('t.md', md(body));
    assert.deepEqual(
      a.symptoms.map((s) => ({ id: s.id, description: s.description.en, errors: s.errors.en ?? [], keywords: s.keywords?.en })),
      [
        {
          id: 'widget-factory-could-not-reached',
          description: 'You receive the following error message.',
          errors: ['The widget factory could not be reached because the gateway refused the request.'],
          keywords: undefined,
        },
        {
          id: 'event-id-4242',
          description: 'Blank widget page: The widget page stays blank after sign-in. Event ID 4242 may be logged.',
          errors: [],
          keywords: ['Event ID 4242'],
        },
        {
          id: 'hcw9998',
          description:
            'HCW9998: This error occurs when widgets cannot be copied from on-premises to the cloud. Unlike HCW9997, it stops the run.',
          errors: [],
          keywords: ['HCW9998'],
        },
      ],
    );
  });

  it('errors: quotes with lazy continuation lines, quotes inside list items, output code blocks, a paragraph that is one code span; commands in Symptoms are not errors', function () {
    const body = [
      '# T',
      '## Symptoms',
      '',
      '- When you do A:',
      '',
      '  > Error A happened.',
      '  continued on a lazy line.',
      '',
      '- When you do B, the log shows:',
      '',
      '  ```output',
      '  Error B: something',
      '     at Some.Namespace.Type.Method(String x)',
      '  ```',
      '',
      '`ERR_C: the third error`',
      '',
      'The wizard runs:',
      '',
      '```powershell',
      'Set-Widget -Identity x',
      '```',
      '',
      '## Resolution',
      '',
      'Fix it.',
    ].join('\n');
    const a = imported('t.md', md(body));
    assert.deepEqual(
      a.symptoms.map((s) => s.errors.en?.[0]),
      ['Error A happened. continued on a lazy line.', 'Error B: something', 'ERR_C: the third error'],
    );
    assert.deepEqual(
      a.symptoms.map((s) => s.description.en),
      // the last error has no sentence of its own in front of it: the title describes it
      ['When you do A.', 'When you do B, the log shows.', 'T'],
    );
  });

  it('labelled quotes (`Error 1:`, `### Event entry 2`, `- On the Mac`) are described by the intro sentence and the paragraph closing the run, the label only in front when it names something', function () {
    const a = imported(
      '/kb/wombat-labels.md',
      md(
        '# Wombat pouch sync fails\n\n## Symptoms\n\nWhen you sync a wombat pouch to the burrow service, the sync stops and you get an error that looks like one of these examples.\n\n' +
          '**Error 1:**\n\n> Pouch 4 cannot be synced because the burrow quota is exhausted.\n\n' +
          'This one shows only on the first sync.\n\n' +
          '**Error 2:**\n\n> The burrow service refused pouch 4: another wombat owns this pouch name.\n\n' +
          'Typical pouch owners include a guest wombat, a shared burrow and a wombat group.\n\n' +
          'Renaming the burrow first does not help.\n\n' +
          '## Resolution\n\nRename the pouch.\n',
      ),
    );
    const intro =
      'When you sync a wombat pouch to the burrow service, the sync stops and you get an error that looks like one of these examples.';
    const closing = 'Typical pouch owners include a guest wombat, a shared burrow and a wombat group.';
    assert.deepEqual(
      a.symptoms.map((s) => [s.errors.en, s.description.en]),
      [
        [['Pouch 4 cannot be synced because the burrow quota is exhausted.'], `${intro} ${closing}`],
        [['The burrow service refused pouch 4: another wombat owns this pouch name.'], `${intro} ${closing}`],
      ],
    );

    assert.deepEqual(
      descriptionsOf(
        '/kb/wombat-headed.md',
        '# Wombat burrow moves fail\n\n## Symptoms\n\nWhen you move a wombat burrow, the move fails and logs entries like these.\n\n' +
          '### Event entry 1\n\n```output\nID: 4711 Source: BurrowMover Message: The burrow move failed: the tunnel is blocked.\n```\n\n' +
          '### Event entry 2\n\n```output\nID: 4712 Source: BurrowMover Message: The burrow move was rolled back.\n```\n\n' +
          '## Resolution\n\nClear the tunnel.\n',
      ),
      [
        'When you move a wombat burrow, the move fails and logs entries like these.',
        'When you move a wombat burrow, the move fails and logs entries like these.',
      ],
    );

    assert.deepEqual(
      descriptionsOf(
        '/kb/wombat-named.md',
        '# Wombat pouch cannot be deleted\n\n## Symptoms\n\nWhen you delete a wombat pouch, you get an error even though you own the pouch.\n\n' +
          '- On the Mac\n\n  > The pouch cannot be deleted because the burrow is busy.\n\n' +
          '- On the web\n\n  > Pouch deletion failed: access to the burrow was refused.\n\n' +
          '## Resolution\n\nWait for the burrow.\n',
      ),
      [
        'On the Mac: When you delete a wombat pouch, you get an error even though you own the pouch.',
        'On the web: When you delete a wombat pouch, you get an error even though you own the pouch.',
      ],
    );
  });

  it('an error announced by a bare sentence (`You receive this error message:`) is described by the prose before it, not by that sentence', function () {
    // in a list item, below the sentence that tells what happens
    const story =
      'You keep wombats in a burrow cluster. When you back up a passive burrow copy, the backup stops and you notice these issues.';
    assert.deepEqual(
      descriptionsOf(
        '/kb/wombat-backup.md',
        '# Wombat backups fail\n\n## Symptoms\n\nYou keep wombats in a burrow cluster. When you back up a passive burrow copy, the backup stops and you notice these issues.\n\n' +
          "- You receive this error message:\n\n    > Writer name: 'Wombat Writer' Last error: Retryable tunnel error\n\n" +
          '- If you run the PouchCheck tool, this message is returned:\n\n    > Status for writer Wombat Writer: STABLE(0x800423f3 - WOMBAT_E_RETRYABLE)\n\n' +
          '## Resolution\n\nOpen the tunnel.\n',
      ),
      [story, 'If you run the PouchCheck tool, this message is returned.'],
    );

    // after a scenario told in a bullet list, items without a full stop made sentences; `Consider the following scenario:` says nothing
    assert.deepEqual(
      descriptionsOf(
        '/kb/wombat-scenario.md',
        '# Wombat setup fails in pouch mode\n\n## Symptoms\n\nConsider the following scenario:\n\n' +
          '- You run `Setup /PrepareBurrow` without the pouch parameter\n- You install the first wombat server in pouch mode. This installation fails.\n\n' +
          "In this scenario, you receive the following error message:\n\n> The burrow wasn't prepared for pouch mode. Prepare the burrow again with the pouch parameter.\n\n" +
          '## Resolution\n\nPrepare the burrow again.\n',
      ),
      [
        'You run Setup /PrepareBurrow without the pouch parameter. You install the first wombat server in pouch mode. This installation fails.',
      ],
    );

    // numbered steps are a procedure, not the story; with no prose before them the sentence stays
    assert.deepEqual(
      descriptionsOf(
        '/kb/wombat-steps.md',
        '# Wombat profile troubleshooting\n\n## Procedure\n\n### Step 4: Make a new wombat profile\n\n' +
          '1. Open the burrow panel, and then select Profiles.\n2. Select Add, and type a name for the profile.\n' +
          '3. You may receive the following message:\n\n    > Allow this burrow to configure the pouch settings of wombat@example.net?\n\n' +
          '## More information\n\nNothing else.\n',
      ),
      ['You may receive the following message.'],
    );
  });

  it('a heading that names a subsection (`### Burrow side`) still describes the errors below it', function () {
    assert.deepEqual(
      descriptionsOf(
        '/kb/wombat-sides.md',
        '# Wombat tunnels collapse\n\n## Symptoms\n\nTunnels collapse after the update.\n\n' +
          '### Burrow side\n\n> The tunnel 7 collapsed while the burrow was being dug.\n\n' +
          '## Resolution\n\nRedig the tunnel.\n',
      ),
      ['Burrow side'],
    );
  });

  it('an article without an error message still gets one described symptom, and says so', function () {
    const { article, problems } = importArticle(
      't.md',
      md(
        '# Users cannot see photos\n\n## Symptoms\n\nPhotos stay old.\n\n## Cause\n\nSize limit.\n\n## Resolution\n\nUpload smaller photos.\n',
      ),
    );
    assert.ok(article);
    assert.deepEqual(article.symptoms, [{ id: 'users-cannot-see-photos', description: { en: 'Photos stay old.' }, errors: {} }]);
    assert.deepEqual(problems, [
      { file: 't.md', field: 'symptoms', message: 'import: no error message found; the symptom is described in words only' },
    ]);
  });

  it('steps: numbered items, nested sub-steps in the text, a generic intro left out, method headings in front, code to its step', function () {
    const body = [
      '# T',
      '## Symptoms',
      '> X failed.',
      '## Resolution',
      '',
      'To resolve this issue, follow these steps:',
      '',
      '1. Open the Exchange Management Shell.',
      '2. Do this:',
      '   1. First part.',
      '   2. Second part.',
      '3. Run the following command:',
      '',
      '   ```powershell',
      '   Set-Widget -Identity <WidgetName> `',
      '     -Enabled $true',
      '   ```',
      '',
      '### Method 2: Use the admin center',
      '',
      'Select **Widgets** > **Enable**.',
      '',
      '```console',
      'iisreset /noforce',
      '```',
    ].join('\n');
    const a = imported('t.md', md(body));
    assert.deepEqual(
      a.steps.map((s) => s.text.en),
      [
        'Open the Exchange Management Shell.',
        'Do this:\n   1. First part.\n   2. Second part.',
        'Run the following command:',
        'Method 2: Use the admin center: Select Widgets > Enable.',
      ],
    );
    assert.deepEqual(a.steps[2].commands, [
      {
        shell: 'exchange-management-shell',
        code: 'Set-Widget -Identity <WidgetName> -Enabled $true',
        placeholders: [{ name: 'WidgetName', description: { en: 'Replace <WidgetName> with the value for your organization.' } }],
      },
    ]);
    assert.deepEqual(a.steps[3].commands, [{ shell: 'cmd', code: 'iisreset /noforce' }]);
  });

  it('cause: the Cause section; without one, the sentence that says when the problem occurs', function () {
    const withCause = imported('t.md', md('# T\n## Symptoms\n> E.\n## Cause\n\nThe widget cache is stale.\n## Resolution\nClear it.\n'));
    assert.equal(withCause.cause.en, 'The widget cache is stale.');
    const without = imported('t.md', md('# T\n## Problem\n> E.\n\nThis issue occurs if the cache is stale.\n## Solution\nClear it.\n'));
    assert.equal(without.cause.en, 'This issue occurs if the cache is stale.');
  });

  it('error output outside Symptoms (Cause, Resolution, More information) becomes errors of the main symptom; commands, notes and plain listings do not', function () {
    const body = [
      '# Widgets stop syncing',
      '## Symptoms',
      'Users are prompted for credentials again and again.',
      '## Cause',
      'The sync agent logs a warning that contains the following text:',
      '> The widget store rejected the token of user contoso\\alice.',
      '## Resolution',
      '1. Check the sync status:',
      '   ```powershell',
      '   Get-WidgetSync -Identity alice | fl',
      '   ```',
      '   ```output',
      '   Identity : alice',
      '   Status   : Healthy',
      '   LastSync : 01/01/2024 10:00',
      '   ```',
      '2. Restart the sync and read its report:',
      '   ```powershell',
      '   Restart-WidgetSync -Identity alice | `',
      '   select -ExpandProperty Report',
      '   CreationTime : 01/01/2024 10:00:00 AM',
      '   ServerName   : EX01',
      '   Type         : Error',
      '   Message      : Fatal error WidgetTokenPermanentException has occurred.',
      '   MessageBytes : {10, 29, 70, 97...}',
      '   Failure      : WidgetTokenPermanentException: The token of user alice',
      '                  was revoked.',
      '   ```',
      '   > [!NOTE]',
      '   > If this fails, run `Reset-WidgetSync`.',
      '## More information',
      'An error message that resembles the following is logged:',
      '```powershell',
      '[PS] C:\\>Restart-WidgetSync -Identity alice',
      'Restart-WidgetSync : The widget store is read-only.',
      '    + CategoryInfo          : InvalidOperation: (:) [Restart-WidgetSync], StoreReadOnlyException',
      '```',
      '```powershell',
      'Set-WidgetSync -Identity alice -ErrorAction Stop',
      '```',
    ].join('\n');
    const a = imported('w.md', md(body));
    assert.equal(a.symptoms.length, 1);
    assert.deepEqual(a.symptoms[0].errors.en, [
      'The widget store rejected the token of user contoso\\alice.',
      // a Format-List record: only the properties that carry the error, the command above it left out
      'Message : Fatal error WidgetTokenPermanentException has occurred. Failure : WidgetTokenPermanentException: The token of user alice was revoked.',
      'Restart-WidgetSync : The widget store is read-only. + CategoryInfo : InvalidOperation: (:) [Restart-WidgetSync], StoreReadOnlyException',
    ]);
    const codes = a.steps.flatMap((s) => s.commands ?? []).map((c) => c.code);
    assert.deepEqual(codes, ['Get-WidgetSync -Identity alice | fl', 'Restart-WidgetSync -Identity alice | select -ExpandProperty Report']);
  });

  it('a quote whose paragraphs are each an Error: record holds that many errors; other multi-paragraph quotes (an NDR) are one error', function () {
    const two = imported(
      't.md',
      md(
        '# T\n## Symptoms\nYou receive one of the following errors:\n\n> Error: WidgetLockedException: The widget W is locked by another job.\n>\n> Error: WidgetMovePermanentException: The widget W is already being moved.\n',
      ),
    );
    assert.deepEqual(
      two.symptoms.map((s) => s.errors.en),
      [
        ['Error: WidgetLockedException: The widget W is locked by another job.'],
        ['Error: WidgetMovePermanentException: The widget W is already being moved.'],
      ],
    );
    const ndr = imported(
      't.md',
      md(
        "# T\n## Symptoms\n> Delivery has failed to these recipients or groups:\n>\n> Diagnostic information for administrators:\n>\n> Remote Server returned '550 5.7.999 WIDGET.Rejected'\n",
      ),
    );
    assert.deepEqual(ndr.symptoms[0].errors.en, [
      "Delivery has failed to these recipients or groups: Diagnostic information for administrators: Remote Server returned '550 5.7.999 WIDGET.Rejected'",
    ]);
  });

  it('tables: a row of a status-code table is a symptom (code and message its error, the cause cell its description); an event-log table is one error', function () {
    const body = [
      '# Widget bounces',
      '## Find your code',
      'The table lists the codes.',
      '',
      '|Code|Text|Possible cause|More|',
      '|---|---|---|---|',
      '|550&nbsp;5.7.998|`WIDGET.Rejected; widget quota exceeded`|The widget store is full.<br/>Or it is locked.|See [this](https://example.com/a).|',
      '|5.7.900-949|`Access denied, banned widget host [IP1.IP2.IP3.IP4]`|<ul><li>The host was banned.</li><li>Nothing else.</li></ul>||',
      '|5.7.950|||No message: no error.|',
      '',
      '|Setting|Value|',
      '|---|---|',
      '|Port|587|',
      '|TLS|1.2|',
      '',
      '## Cause',
      'The widget host logs the following event:',
      '',
      '|Event Type|Error|',
      '|---|---|',
      '|Event Source|MSExchangeWidget|',
      '|Event ID|9999|',
      '|Date|Date|',
      '|Description:|The widget store could not be opened.|',
      '',
      '|Event Type|Information|',
      '|---|---|',
      '|Event Source|MSExchangeWidget|',
      '|Event ID|9998|',
      '|Description|The widget store was opened.|',
      '## Resolution',
      'Fix it.',
    ].join('\n');
    const a = imported('t.md', md(body));
    assert.deepEqual(
      a.symptoms.map((s) => [s.description.en, s.errors.en]),
      [
        [
          'The widget store is full. Or it is locked.',
          [
            '550 5.7.998 WIDGET.Rejected; widget quota exceeded',
            // an event-log entry outside Symptoms goes to the main symptom, its source, id and description kept
            'Event Source: MSExchangeWidget Event ID: 9999 Description: The widget store could not be opened.',
          ],
        ],
        // a range is written with its first code; a sample address is a placeholder
        ['The host was banned. Nothing else.', ['5.7.900 Access denied, banned widget host [<IP address>]']],
      ],
    );
  });

  it('tables: a row of several status codes, each printed with its own message, is one error text per code', function () {
    const body = [
      '# Widget bounces',
      '## Find your code',
      '',
      '|Code|Text|Possible cause|',
      '|---|---|---|',
      '|5.7.960 <br/><br/> 5.7.961|`5.7.960 Widget denied, host over threshold`, `5.7.961 Widget denied, traffic not accepted`|The host is banned.|',
      '|5.7.962|`Widget store full`|The store is full.|',
    ].join('\n');
    assert.deepEqual(
      imported('t.md', md(body)).symptoms.map((s) => s.errors.en),
      [['5.7.960 Widget denied, host over threshold'], ['5.7.961 Widget denied, traffic not accepted'], ['5.7.962 Widget store full']],
    );
  });

  it('tables: a row of codes that bounce with one message (`A or B`, `A or` its last part) is one error text per code', function () {
    const body = [
      '# Widget bounces',
      '## Find your code',
      '',
      '|Code|Text|Possible cause|',
      '|---|---|---|',
      '|5.4.96 or 5.4.97|`Widget loop detected`|The widgets loop.|',
      '|5.7.93 or 935|`Sender was not authenticated for widget`|The widget rejects outsiders.|',
      '|5.7.962|`Widget store full`|The store is full.|',
      '|5.7.963|`Widget store locked`|The store is locked.|',
      '|5.7.964|`Widget store gone`|The store was removed.|',
    ].join('\n');
    assert.deepEqual(
      imported('t.md', md(body)).symptoms.map((s) => s.errors.en),
      [
        ['5.4.96 Widget loop detected'],
        ['5.4.97 Widget loop detected'],
        ['5.7.93 Sender was not authenticated for widget'],
        ['5.7.935 Sender was not authenticated for widget'],
        ['5.7.962 Widget store full'],
        ['5.7.963 Widget store locked'],
        ['5.7.964 Widget store gone'],
      ],
    );
  });

  it('German: error output announced under Ursache is an error of the symptom', function () {
    const a = imported(
      'de.md',
      '# Widget-Fehler\n\n## Symptome\n\nDas Widget startet nicht.\n\n## Ursache\n\nIm Ereignisprotokoll steht die folgende Fehlermeldung:\n\n```output\nDer Widget-Dienst konnte nicht gestartet werden (0x80070005).\n```\n\n## Lösung\n\n```powershell\nStart-Service MSExchangeWidget\n```\n',
    );
    assert.deepEqual(a.symptoms[0].errors, { de: ['Der Widget-Dienst konnte nicht gestartet werden (0x80070005).'] });
  });

  it('recognises German Markdown articles', function () {
    const a = imported(
      'de.md',
      '# Widget-Fehler\n\n## Symptome\n\nWenn Sie das Widget starten, wird der folgende Fehler angezeigt:\n\n> Fehler beim Starten des Widgets.\n\n## Ursache\n\nDer Dienst ist nicht gestartet.\n\n## Lösung\n\n1. Starten Sie den Dienst in der Exchange-Verwaltungsshell:\n\n   ```powershell\n   Start-Service MSExchangeWidget\n   ```\n',
    );
    assert.deepEqual(a.languages, ['de']);
    assert.deepEqual(a.symptoms[0].errors, { de: ['Fehler beim Starten des Widgets.'] });
    assert.equal(a.cause.de, 'Der Dienst ist nicht gestartet.');
    assert.deepEqual(a.steps[0].commands, [{ shell: 'exchange-management-shell', code: 'Start-Service MSExchangeWidget' }]);
  });
});

describe('import: plain text (English web copy)', function () {
  it('headings, bullets, an Error: block and a continued command', function () {
    const text = [
      'Widgets stop syncing after the update',
      'Symptoms',
      'If you run the sync by hand, the following error occurs:',
      'Set-WidgetSync',
      '-Identity <widget name>',
      '-Force',
      'Error:',
      'The widget sync failed.',
      'Detailed information: "Access denied".',
      'Cause',
      'The update resets the widget permissions.',
      'Resolution',
      'Grant the permission again:',
      '- Grant-WidgetPermission -Identity <widget name> -User <user>',
      'Then run the sync again.',
      'More information',
      '- Widget permissions explained: https://example.org/widgets/permissions.',
      'https://example.org/widgets',
    ].join('\n');
    const a = imported('widgets.txt', text);
    assert.equal(a.id, 'widgets');
    assert.deepEqual(a.languages, ['en']);
    assert.equal(a.title.en, 'Widgets stop syncing after the update');
    assert.deepEqual(
      a.symptoms.map((s) => s.errors),
      [{ en: ['The widget sync failed. Detailed information: "Access denied".'] }],
    );
    assert.equal(a.cause.en, 'The update resets the widget permissions.');
    assert.deepEqual(
      a.steps.map((s) => [s.text.en, s.commands?.map((c) => c.code)]),
      [
        ['Grant the permission again:', ['Grant-WidgetPermission -Identity <widget name> -User <user>']],
        ['Then run the sync again.', undefined],
      ],
    );
    assert.deepEqual(a.references, [
      { title: { en: 'Widget permissions explained' }, url: 'https://example.org/widgets/permissions' },
      { title: { en: 'https://example.org/widgets' }, url: 'https://example.org/widgets' },
    ]);
  });
});

describe('import: text helpers', function () {
  it('articleId keeps kebab-case names and makes others kebab-case', function () {
    assert.equal(articleId('/a/b/hcw8078-error.md'), 'hcw8078-error');
    assert.equal(articleId('C_Foo Bar.TXT'), 'c-foo-bar');
    assert.equal(articleId('000_3690693f447264cb.txt'), '000-3690693f447264cb');
  });

  it('assembleCommands joins backtick, pipe, comma and parameter continuations and drops output and comments', function () {
    assert.deepEqual(
      assembleCommands([
        '# comment',
        'Get-Mailbox -Identity x |',
        '  Set-Mailbox -Type Shared',
        'Set-X -Services IIS,',
        'SMTP',
        'New-Thing `',
        '   -Name a',
        '-Verbose',
        '',
        'Name  : value',
        '$a = 1',
      ]),
      ['Get-Mailbox -Identity x | Set-Mailbox -Type Shared', 'Set-X -Services IIS,SMTP', 'New-Thing -Name a -Verbose', '$a = 1'],
    );
  });

  it('commands: prompts stripped, -verbose in canonical case, dashes and glued parameters repaired, Markdown escapes removed', function () {
    assert.deepEqual(assembleCommands(['[PS] C:\\Windows\\system32>Get-Foo -verbose -whatif']), ['Get-Foo -Verbose -WhatIf']);
    assert.deepEqual(assembleCommands(['Set-Foo –Enabled \\$true \\| fl']), ['Set-Foo -Enabled $true | fl']);
    assert.deepEqual(assembleCommands(['Get-WebServicesVirtualDirectory-Identity "S\\EWS"']), [
      'Get-WebServicesVirtualDirectory -Identity "S\\EWS"',
    ]);
    assert.deepEqual(assembleCommands(['Add-PSSnap in Microsoft.Exchange.Management.PowerShell.E2010']), [
      'Add-PSSnapin Microsoft.Exchange.Management.PowerShell.E2010',
    ]);
  });

  it('shellFor: the nearest text that names a shell decides; cmd for native tools', function () {
    assert.equal(
      shellFor('Get-Mailbox x', 'powershell', ['Connect to Exchange Online PowerShell, then run:', 'Open the Exchange Management Shell']),
      'exchange-online-powershell',
    );
    assert.equal(shellFor('Get-Mailbox x', 'powershell', ['Run this:', 'Open the Exchange Management Shell']), 'exchange-management-shell');
    assert.equal(shellFor('Get-Mailbox x', '', 'Run this'), 'powershell');
    assert.equal(shellFor('netsh winhttp show proxy', 'console', ''), 'cmd');
    assert.equal(shellFor('$date=get-date', 'console', ''), 'powershell');
  });

  it('cleanErrorText joins lines and drops stack frames', function () {
    assert.equal(
      cleanErrorText(
        'ERROR: It failed.\n   at Microsoft.Exchange.Foo.Bar(String a)\n--- End of inner exception stack trace ---\nInner detail. -',
      ),
      'ERROR: It failed. Inner detail.',
    );
    assert.equal(cleanErrorText('Failed. at System.A.B.C(Int32 x) at System.A.B.D() Done.'), 'Failed. Done.');
  });

  it('cleanErrorText: the [PS] prompt line in front of an error is left out; _x000A_ is a line break; a block of nothing but frames keeps them', function () {
    assert.equal(
      cleanErrorText(
        '[PS] C:\\>Set-Widget -Identity "W"\nWidget "W" cannot be found.\n+ CategoryInfo : InvalidResult: (:) [Set-Widget], WidgetNotFoundException',
      ),
      'Widget "W" cannot be found. + CategoryInfo : InvalidResult: (:) [Set-Widget], WidgetNotFoundException',
    );
    // Markdown escaping eats the backslash of `C:\>`
    assert.equal(cleanErrorText('PS C:>Get-Widget\nGet-Widget : Access is denied.'), 'Get-Widget : Access is denied.');
    // a one-line paste is not a prompt line to drop
    assert.equal(cleanErrorText('[PS] C:\\>Get-Widget : Access is denied.'), '[PS] C:\\>Get-Widget : Access is denied.');
    assert.equal(cleanErrorText('Sync failed._x000A_ at Widget.Sync.Run(Int32 n)_x000A_Retry later.'), 'Sync failed. Retry later.');
    assert.equal(
      cleanErrorText('<S N="StackTrace"> at\nWidget.Store.Call\n(Action call)_x000A_ at Widget.Store.Run()_x000A</S>'),
      '<S N="StackTrace"> at Widget.Store.Call (Action call) at Widget.Store.Run() </S>',
    );
  });

  it('productsFrom merges editions and spells service packs short', function () {
    assert.deepEqual(
      productsFrom([
        'Exchange Server 2010 Service Pack 3',
        'Exchange Server 2010 Standard',
        'Exchanger Server 2019',
        'Outlook on the web',
        'Microsoft 365',
      ]),
      [
        { name: 'Exchange Server', versions: ['2010 SP3', '2010', '2019'] },
        { name: 'Outlook on the web', versions: [] },
        { name: 'Microsoft 365', versions: [] },
      ],
    );
  });

  it('detectLanguage tells German from English', function () {
    assert.equal(
      detectLanguage('Wenn Sie den Assistenten ausführen, wird der Fehler angezeigt und die Verbindung ist nicht möglich.'),
      'de',
    );
    assert.equal(detectLanguage('When you run the wizard, the error is shown and the connection is not possible.'), 'en');
  });
});

describe('import: command lines of a known form', function () {
  it('reads a path to a program with a switch, an MSI package and a domain tool as commands; a setup error is none', function () {
    for (const line of [
      'D:\\setup.exe /m:upgrade /IAcceptExchangeServerLicenseTerms',
      'PSTCapture.msi /lxv log.txt',
      'netdom query fsmo',
      'Setup /PrepareAD',
    ])
      assert.ok(looksLikeCommand(line), line);
    for (const line of [
      'Setup encountered a problem while validating the state of Active Directory',
      'C:\\Windows\\w3wp.exe crashed and was restarted',
    ])
      assert.ok(!looksLikeCommand(line), line);
  });
});
