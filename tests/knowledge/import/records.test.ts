import assert from 'node:assert/strict';
import { importArticle } from '../../../src/knowledge/import';
import { errorFields } from '../../../src/knowledge/import/records';

/** Our own small article in the support-docs shape (not corpus text); the records are made up. */
const article = [
  '---',
  'title: Widget moves',
  '---',
  '# Widget moves stop at 90 percent',
  '## Symptoms',
  'When you check the widget move, you see output like the following:',
  '',
  '> RunspaceId : 1234',
  'Result : Failed  ',
  'Message : The widget endpoint could not be reached from the relay host.  ',
  'SupportsWidgets : False  ',
  'ErrorDetail : WidgetRelayException: The relay host refused the call.',
  '',
  'The move report shows:',
  '',
  '```output',
  'Timestamp: 01/01/2026 10:00:00',
  'FailureType: WidgetQuotaExceededPermanentException',
  'MapiLowLevelError: 0',
  'FailureSide: Target',
  'Message: Widget quota of 10 GB exceeded on the target.',
  '```',
  '## Resolution',
  '1. Raise the widget quota.',
].join('\n');

describe('import: Format-List records cut to their error properties', function () {
  it('in the symptoms: a quoted record and a move report keep Message, FailureType, ErrorDetail; run ids, flags, times go', function () {
    const { article: a } = importArticle('widget-moves.md', article);
    assert.deepEqual(
      a?.symptoms.flatMap((s) => s.errors.en ?? []),
      [
        'Message : The widget endpoint could not be reached from the relay host. ErrorDetail : WidgetRelayException: The relay host refused the call.',
        'FailureType: WidgetQuotaExceededPermanentException Message: Widget quota of 10 GB exceeded on the target.',
      ],
    );
  });

  it('a property left empty with its value on the lines below it is kept; an empty one followed by a property is not', function () {
    assert.equal(
      errorFields('Identity : w1\nStatus : Error\nDescription :\nThe widget relay refused the widget token.\nIsValid : True'),
      'Status : Error\nDescription :\nThe widget relay refused the widget token.',
    );
    assert.equal(
      errorFields('Identity : w1\nFailure :\nMessage : The widget relay refused the widget token.\nIsValid : True'),
      'Message : The widget relay refused the widget token.',
    );
  });

  it('an event-log entry, a record whose error says too little alone, and text that is no record stay whole', function () {
    const event = 'Log Name: Application\nSource: WidgetService\nEvent ID: 4242\nLevel: Error\nDescription: The widget service stopped.';
    assert.equal(errorFields(event), event);
    const vague = "Writer name: 'Widget Writer'\nState: [1] Stable\nLast error: Retryable error";
    assert.equal(errorFields(vague), vague);
    const prose = 'The widget relay failed.\nError: WidgetRelayException: refused.\nSee the widget log.';
    assert.equal(errorFields(prose), prose);
  });
});
