/**
 * The hand-written check in front of the activity schema (`plainlyValidActivity`, src/server/activitySchema.ts)
 * never accepts what the schema refuses: every checked field of a valid activity is set to values of every
 * kind, one at a time and in pairs, and whatever the plain check passes must parse. And the activities
 * channels send pass it, so the schema is not run for them.
 */
import assert from 'node:assert/strict';
import { activitySchema, parseWith, plainlyValidActivity } from '../../src/server/activitySchema';

function valid(): Record<string, unknown> {
  return {
    type: 'message',
    id: 'm-1',
    timestamp: '2026-05-01T10:00:00.000Z',
    localTimestamp: '2026-05-01T12:00:00.000+02:00',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:user', name: 'Admin', aadObjectId: 'aad-1' },
    recipient: { id: '28:bot', name: 'PasteFix' },
    conversation: { id: '19:abc@thread.tacv2', conversationType: 'channel', tenantId: 't', isGroup: true },
    entities: [{ type: 'mention', text: '<at>PasteFix</at>', mentioned: { id: '28:bot' } }, { type: 'clientInfo' }],
    attachments: [{ contentType: 'text/html', content: '<p>x</p>' }],
    channelData: { tenant: { id: 't' } },
    membersAdded: [{ id: '28:bot' }],
    text: 'Set-FederatedOrganizationIdentifier failed',
    textFormat: 'plain',
    locale: 'de-DE',
    name: 'x',
    replyToId: 'r',
  };
}

/** Values of every kind a JSON body (and a careless caller) can hold. */
const VALUES: unknown[] = [
  undefined,
  null,
  '',
  '   ',
  'x',
  0,
  5,
  true,
  false,
  {},
  { id: 'a' },
  { id: '' },
  { id: 1 },
  { type: 'x' },
  { type: 1 },
  { name: 2 },
  { isGroup: 'yes' },
  { id: 'a', isGroup: true },
  [],
  [{}],
  [null],
  ['x'],
  [{ type: 't' }],
  [{ type: 1 }],
  [{ id: 'a' }],
  [{ id: 1 }],
  new Date(0),
  'http://127.0.0.1:3978',
  'https://x.example/a',
  'ftp://x.example',
  'not a url',
  'invoke',
  'adaptiveCard/action',
];

/** Every field the schema checks, and some it doesn't. */
const FIELDS = [...Object.keys(valid()), 'membersRemoved', 'value', 'other'];
const NESTED = ['conversation', 'from', 'recipient'];
const NESTED_FIELDS = ['id', 'name', 'role', 'aadObjectId', 'conversationType', 'tenantId', 'isGroup', 'other'];

function agrees(body: Record<string, unknown>, what: string): void {
  if (plainlyValidActivity(body))
    assert.ok(parseWith(activitySchema, body).success, `the schema refuses what the plain check passed: ${what}`);
}

describe('server: the plain activity check in front of the schema', () => {
  it('passes the activities channels send (the schema is not run for them)', () => {
    assert.equal(plainlyValidActivity(valid()), true);
    const minimal = { type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:1', conversation: { id: 'c' }, text: 'hi' };
    assert.equal(plainlyValidActivity(minimal), true);
    const nulls = { ...minimal, id: null, from: null, entities: null, attachments: null, locale: null };
    assert.equal(plainlyValidActivity(nulls), true);
  });

  it('never passes what the schema refuses: each field set to values of every kind', () => {
    let refusedBySchema = 0;
    for (const field of FIELDS) {
      for (const value of VALUES) {
        const body = { ...valid(), [field]: value };
        if (!parseWith(activitySchema, body).success) refusedBySchema++;
        agrees(body, `${field} = ${String(JSON.stringify(value))}`);
      }
    }
    for (const object of NESTED) {
      for (const field of NESTED_FIELDS) {
        for (const value of VALUES) {
          const body = valid();
          body[object] = { ...(body[object] as object), [field]: value };
          agrees(body, `${object}.${field} = ${String(JSON.stringify(value))}`);
        }
      }
    }
    assert.ok(refusedBySchema > 100, `the variants include many the schema refuses (${refusedBySchema})`);
  });

  it('never passes what the schema refuses: pairs of fields, and type invoke', () => {
    const some = ['type', 'channelId', 'serviceUrl', 'conversation', 'entities', 'name', 'value'];
    for (const a of some)
      for (const b of some) for (const va of VALUES) for (const vb of VALUES) agrees({ ...valid(), [a]: va, [b]: vb }, `${a}, ${b}`);
    // A Universal Action's value is the schema's to check.
    for (const action of VALUES) agrees({ ...valid(), type: 'invoke', name: 'adaptiveCard/action', value: { action } }, 'action');
    for (const value of VALUES) agrees({ ...valid(), type: 'invoke', name: 'adaptiveCard/action', value }, 'invoke value');
    assert.equal(plainlyValidActivity({ ...valid(), type: 'invoke', name: 'adaptiveCard/action', value: 'x' }), false);
  });
});
