/**
 * The planned activity serializer (src/server/activitySerializer.ts) gives @azure/core-client's serializer's
 * result byte for byte: for the activities the bot sends, for fields the schema drops or renames, for wrong
 * types (the same error), and for schema features the plan leaves to the serializer.
 */
import assert from 'node:assert/strict';
import { createSerializer, type Mapper } from '@azure/core-client';
import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { activityBody, activityJson, activityJsonBySerializer, plan } from '../../src/server/activitySerializer';
import { BUILTIN_KNOWLEDGE, loadKnowledge } from '../../src/knowledge/load';
import { buildAnswerView } from '../../src/bot/answerView';
import { answerCard } from '../../src/bot/cards/answer';
import { holdsSharedBlocks } from '../../src/bot/cards/sharedJson';
import { texts } from '../../src/bot/texts';
import { FIXTURES } from '../bot/support/harness';

const reference = {
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  from: { id: '28:bot', name: 'PasteFix' },
  recipient: { id: '29:user', name: 'Admin', aadObjectId: 'aad-1', role: 'user', extra: 'dropped' },
  conversation: { id: '19:abc@thread.tacv2;messageid=1', conversationType: 'channel', tenantId: 't', isGroup: true, other: 1 },
  locale: 'de-DE',
  replyToId: 'm-1',
};

function activities(): Partial<Activity>[] {
  // Typed loosely: some of these are what a careless caller could pass, not what botbuilder's types allow.
  const card = MessageFactory.attachment(
    CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'Ursache • TLS 1.2 "quoted" \\ \n', wrap: true }],
      actions: [{ type: 'Action.Submit', title: 'Hilfreich', data: { action: 'feedback', helpful: true, n: 1 } }],
    }),
    'Bekanntes Problem',
  );
  card.summary = 'Bekanntes Problem';
  const suggested = MessageFactory.suggestedActions(['Ja', 'Nein'], 'Weiter?');
  return [
    { ...MessageFactory.text('**Bekannt** – `Set-FederatedOrganizationIdentifier`'), textFormat: 'markdown', ...reference },
    { ...card, ...reference, channelData: { notification: { alert: true } } },
    { type: 'typing', ...reference },
    { ...suggested, ...reference },
    {
      ...MessageFactory.text('hallo'),
      ...reference,
      entities: [
        { type: 'clientInfo', locale: 'de-DE', timezone: 'Europe/Berlin' },
        { type: 'mention', text: '<at>PasteFix</at>', mentioned: { id: '28:bot', name: 'PasteFix', role: 'bot', x: 1 } },
      ],
    },
    {
      type: 'message',
      ...reference,
      id: 'a-1',
      timestamp: new Date('2026-05-01T10:00:00.123Z'),
      localTimestamp: new Date('2026-05-01T12:00:00Z'),
      expiration: new Date(0),
      text: 'dates',
      importance: 'high',
      deliveryMode: 'normal',
      listenFor: ['a', 'b'],
      textHighlights: [{ text: 'x', occurrence: 1 }],
      semanticAction: { id: 's', state: 'start', entities: { one: { type: 'e', text: 't', more: 2 } as never } },
      membersAdded: [{ id: 'u1', name: 'U' }],
      reactionsAdded: [{ type: 'like' }],
      value: { action: 'choose', index: 2 },
      relatesTo: { ...reference, activityId: 'x', bot: reference.from, user: reference.recipient } as never,
      attachmentLayout: 'carousel',
      attachments: [
        { contentType: 'image/png', contentUrl: 'https://x/y.png', name: 'y' },
        { contentType: 'text/plain', content: null },
      ],
    },
    // Strings where the schema says DateTime, nulls, holes, fields it doesn't know.
    {
      type: 'message',
      ...reference,
      timestamp: '2026-05-01T10:00:00Z' as never,
      text: null as never,
      speak: undefined,
      attachments: Object.assign(new Array<unknown>(3), { 0: undefined, 2: { contentType: 'x' } }),
      unknownField: { deep: true },
    },
  ] as unknown as Partial<Activity>[];
}

describe('server: the reply body, serialised by plan', () => {
  it("equals the serializer's JSON for every kind of activity the bot sends", () => {
    for (const activity of activities()) assert.equal(activityJson(activity), activityJsonBySerializer(activity));
  });

  it("writes answer cards' shared blocks from their JSON made once: the serializer's bytes, first and later answers", () => {
    const kb = loadKnowledge([BUILTIN_KNOWLEDGE, FIXTURES]);
    const server = { kind: 'server', value: 'EXMBX02', from: '[Server=…]', origin: 'paste' } as const;
    let cards = 0;
    for (const article of kb.articles) {
      for (const lang of ['en', 'de'] as const) {
        // Three answers each: the blocks' JSON is made on the first, taken as made on the next; one with a value filled in.
        for (const values of [new Map(), new Map(), new Map([['server', server]])]) {
          const view = { ...buildAnswerView(article, lang, { values, evidence: 'Die Verbindung • wurde – geschlossen…' }), answerId: 2 };
          const summary = `${view.title} “${lang}”`;
          const card = MessageFactory.attachment(CardFactory.adaptiveCard(answerCard(view, texts(lang), summary, article)), summary);
          const activity = { ...card, summary, ...reference, channelId: 'emulator' } as unknown as Partial<Activity>;
          assert.ok(holdsSharedBlocks(activity.attachments![0]!.content), article.id);
          assert.equal(activityJson(activity), activityJsonBySerializer(activity), `${article.id} ${lang}`);
          // The bytes sent: the serializer's JSON as UTF-8 (the evidence and summary hold characters outside Latin-1).
          assert.ok(activityBody(activity).equals(Buffer.from(activityJsonBySerializer(activity), 'utf8')), `${article.id} ${lang}`);
          cards++;
        }
      }
    }
    assert.ok(cards >= 6 * kb.articles.length && kb.articles.length > 1);
  });

  it('drops what the schema does not name, as botbuilder does (entity fields, unknown fields)', () => {
    const body = JSON.parse(activityJson(activities()[4]!)) as { entities: object[]; recipient: object };
    assert.deepEqual(body.entities[0], { type: 'clientInfo' });
    assert.deepEqual(body.recipient, { id: '29:user', name: 'Admin', aadObjectId: 'aad-1', role: 'user' });
  });

  it('throws what the serializer throws for a wrongly typed value', () => {
    const wrong: Partial<Activity>[] = [
      { type: 'message', text: 5 as never },
      { type: 'message', attachments: 'not a list' as never },
      { type: 'message', timestamp: 'not a date' as never },
      { type: 'message', from: { id: 7 } as never },
      { type: 'message', listenFor: [1] as never },
    ];
    for (const activity of wrong) {
      const theirs = (() => {
        try {
          return activityJsonBySerializer(activity);
        } catch (err) {
          return (err as Error).message;
        }
      })();
      assert.throws(() => activityJson(activity), { message: theirs });
    }
  });

  it('throws for a missing activity, as the required body does', () => {
    assert.throws(() => activityJson(undefined as never), { message: 'activity cannot be null or undefined.' });
  });

  it('leaves schema features it does not copy to the serializer (polymorphism, extra properties, dotted names, constants)', () => {
    const cat: Mapper = {
      serializedName: 'cat',
      type: {
        name: 'Composite',
        className: 'Cat',
        uberParent: 'Pet',
        polymorphicDiscriminator: { serializedName: 'kind', clientName: 'kind' },
        modelProperties: {
          kind: { serializedName: 'kind', required: true, type: { name: 'String' } },
          lives: { serializedName: 'lives', type: { name: 'Number' } },
        },
      },
    };
    const mappers: Record<string, Mapper> = {
      Pet: {
        serializedName: 'Pet',
        type: {
          name: 'Composite',
          className: 'Pet',
          polymorphicDiscriminator: { serializedName: 'kind', clientName: 'kind' },
          modelProperties: { kind: { serializedName: 'kind', required: true, type: { name: 'String' } } },
        },
      },
      Bag: {
        serializedName: 'Bag',
        type: {
          name: 'Composite',
          className: 'Bag',
          additionalProperties: { type: { name: 'Object' } },
          modelProperties: { size: { serializedName: 'size', type: { name: 'Number' } } },
        },
      },
      Box: {
        serializedName: 'Box',
        type: {
          name: 'Composite',
          className: 'Box',
          modelProperties: {
            nested: { serializedName: 'properties.nested', type: { name: 'String' } },
            escaped: { serializedName: 'a\\.b', type: { name: 'String' } },
            fixed: { serializedName: 'fixed', isConstant: true, defaultValue: 'always', type: { name: 'String' } },
            made: { serializedName: 'made', readOnly: true, type: { name: 'String' } },
            must: { serializedName: 'must', required: true, nullable: true, type: { name: 'String' } },
            pets: { serializedName: 'pets', type: { name: 'Sequence', element: { type: { name: 'Composite', className: 'Pet' } } } },
            bag: { serializedName: 'bag', type: { name: 'Composite', className: 'Bag' } },
          },
        },
      },
    };
    const s = createSerializer({ ...mappers, discriminators: { Pet: mappers.Pet, 'Pet.cat': cat } });
    const boxes = [
      {
        nested: 'n',
        escaped: 'e',
        made: 'm',
        must: null,
        pets: [{ kind: 'Pet', lives: 1 }, { kind: 'cat', lives: 9 }, null],
        bag: { size: 1, more: 'kept' },
      },
      { must: 'x' },
      { must: undefined, pets: [] },
    ];
    const planned = plan(s, mappers.Box!, 'box');
    for (const box of boxes) {
      const theirs = (() => {
        try {
          return JSON.stringify(s.serialize(mappers.Box!, box, 'box'));
        } catch (err) {
          return `threw ${(err as Error).message}`;
        }
      })();
      const ours = (() => {
        try {
          return JSON.stringify(planned(box));
        } catch (err) {
          return `threw ${(err as Error).message}`;
        }
      })();
      assert.equal(ours, theirs);
    }
    assert.equal(
      JSON.stringify(planned(boxes[0])),
      '{"properties":{"nested":"n"},"a.b":"e","fixed":"always","must":null,"pets":[{"kind":"Pet"},{"kind":"cat","lives":9},null],"bag":{"size":1,"more":"kept"}}',
    );
  });
});
