import assert from 'node:assert/strict';
import { importArticle } from '../../src/knowledge/import';
import { cleanErrorText } from '../../src/knowledge/import/text';
import { Matcher } from '../../src/matching/matcher';
import { englishArticle as article, kbOf } from '../helpers/articles';

/** Our own small article in the support-docs shape: a bounce quoted as two paragraphs, the address and the reply line. */
const source = [
  '---\ntitle: Widget bounce after the yak move\nms.author: someone\n---',
  '# Widget bounce after the yak move',
  '## Symptoms',
  'The sender receives a bounce that includes the following address and error message:',
  [
    '> `WIDGETEX-_o=Yakfarm_ou=Widget+20Group_cn=Recipients_cn=walrus-pat@yak.contoso.com`',
    '>',
    "> Remote Server returned '550 5.1.11 WIDGET.ADR.YakNotFound; Recipient not found by walrus legacy lookup'",
  ].join('\n'),
  '## Cause',
  'The yak attribute was not written back.',
].join('\n\n');

describe('import: the paragraphs of a quoted error are sentences of their own (cleanErrorText)', () => {
  it('ends a paragraph that has no punctuation of its own where a blank line follows it', () => {
    assert.equal(
      cleanErrorText('WIDGETEX-_o=Yakfarm_cn=pat\n\nRemote Server returned an error'),
      'WIDGETEX-_o=Yakfarm_cn=pat. Remote Server returned an error',
    );
    assert.equal(
      cleanErrorText("Generating server: SRV01\n\n'550 5.1.1 not found'\n\n"),
      "Generating server: SRV01. '550 5.1.1 not found'",
    );
    // a line break inside a paragraph is a wrap, not an end
    assert.equal(cleanErrorText('The widget could not\nbe reached'), 'The widget could not be reached');
    // punctuation, a colon or an arrow says how it goes on; a record's next field ends the value before it
    assert.equal(cleanErrorText('It failed.\n\nRetry.'), 'It failed. Retry.');
    assert.equal(cleanErrorText('Description:\n\nThe widget failed'), 'Description: The widget failed');
    assert.equal(cleanErrorText('Outer failed --->\n\nInner failed'), 'Outer failed ---> Inner failed');
    assert.equal(
      cleanErrorText('Log Name: Application\n\nSource: Widget\n\nEvent ID: 42'),
      'Log Name: Application Source: Widget Event ID: 42',
    );
  });

  it('imports the quote with its paragraphs apart, so a bounce with other lines between them is answered', () => {
    const imported = importArticle('widget-bounce.md', source).article!;
    assert.deepEqual(imported.symptoms[0].errors.en, [
      "WIDGETEX-_o=Yakfarm_ou=Widget+20Group_cn=Recipients_cn=walrus-pat@yak.contoso.com. Remote Server returned '550 5.1.11 WIDGET.ADR.YakNotFound; Recipient not found by walrus legacy lookup'",
    ]);
    const m = new Matcher(
      kbOf([imported, article('other-bounce', ['Remote Server returned 550 5.1.1 WIDGET.ADR.RecipNotFound; not found'])]),
    );
    const bounce = [
      'Delivery has failed to these recipients or groups:',
      'WIDGETEX-_o=Yakfarm_ou=Widget+20Group_cn=Recipients_cn=4f2a-lee@farm.contoso.com',
      'Diagnostic information for administrators:',
      'Generating server: SRV01',
      "Remote Server returned '550 5.1.11 WIDGET.ADR.YakNotFound; Recipient not found by walrus legacy lookup'",
    ].join('\n');
    const r = m.match(bounce);
    assert.equal(r.decision, 'answer', JSON.stringify(r.matches));
    assert.equal(r.matches[0].article, 'widget-bounce');
  });
});
