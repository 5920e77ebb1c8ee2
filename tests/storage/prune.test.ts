/**
 * Conversation state in memory is bounded like the local Direct Line store: the least recently used entry
 * goes beyond the limit, an idle one after the idle timeout, and a Direct Line conversation the store
 * forgets takes its state with it (through real HTTP, the real bot and botbuilder's ConversationState).
 */
import assert from 'node:assert/strict';
import { ConversationState, TestAdapter, type TurnContext } from 'botbuilder';
import { LOCAL_CHANNEL_ID, webChatRoutes, type WebChat } from '../../src/server/directline';
import { BoundedMemoryStorage, conversationStateKey, forgetConversationState } from '../../src/storage';
import { request, waitFor } from '../server/directline/helpers';
import { startService, type Service } from '../helpers/service';

describe('storage: conversation state in memory is pruned', () => {
  it('keeps at most maxEntries, least recently used first, and drops idle entries', async () => {
    let now = 0;
    const storage = new BoundedMemoryStorage({ maxEntries: 2, idleTimeoutMs: 60_000 }, () => now);
    const state = new ConversationState(storage);
    const language = state.createProperty<string>('language');
    const turn = async (conversation: string) => {
      const adapter = new TestAdapter(async (context: TurnContext) => {
        await language.set(context, `de-${conversation}`);
        await state.saveChanges(context);
      });
      adapter.conversation.conversation.id = conversation;
      await adapter.send('hi');
      now += 1_000;
    };
    const key = (conversation: string) => conversationStateKey('test', conversation);
    await turn('a');
    await turn('b');
    assert.equal(storage.size, 2);
    await storage.read([key('a')]); // a is used again: b is now the least recently used
    await turn('c');
    assert.deepEqual(Object.keys(await storage.read([key('a'), key('b'), key('c')])).sort(), [key('a'), key('c')]);

    now += 61_000;
    assert.deepEqual(await storage.read([key('a'), key('c')]), {}, 'idle past the timeout: gone');
    assert.equal(storage.size, 0);
  });

  it('forgets the keys of dropped entries too, not only their state', async () => {
    const storage = new BoundedMemoryStorage({ maxEntries: 3, idleTimeoutMs: 60_000 });
    for (let i = 0; i < 50; i++) await storage.write({ [`conversation-${i}`]: { turn: i } });
    await storage.delete(['conversation-49']);
    // The map botbuilder's MemoryStorage keeps its items in: a leak shows as keys that outlive their state.
    const kept = Object.keys((storage as unknown as { memory: Record<string, unknown> }).memory);
    assert.deepEqual(kept, ['conversation-47', 'conversation-48']);
    assert.equal(storage.size, 2);
  });

  describe('with the local Direct Line', () => {
    let service: Service;
    let webChat: WebChat;
    let storage: BoundedMemoryStorage;
    before(async () => {
      storage = new BoundedMemoryStorage({ maxEntries: 500, idleTimeoutMs: 3_600_000 });
      service = await startService({
        logLevel: 'warn',
        storage,
        routes: [
          webChatRoutes({
            mode: { kind: 'local' },
            limits: { maxConversations: 2 },
            onConversationForgotten: (id) => void forgetConversationState(storage, LOCAL_CHANNEL_ID, id),
            onRegistered: (registered) => (webChat = registered),
          }),
        ],
      });
    });
    after(async () => {
      await webChat?.local?.idle();
      await service?.stop();
    });

    it('a conversation the Direct Line store forgets takes its state with it', async () => {
      const dl = `${service.url}/v3/directline`;
      const open = async () => {
        const { token, conversationId } = (await request(`${dl}/tokens/generate`, { method: 'POST' })).body;
        assert.equal((await request(`${dl}/conversations`, { token, body: {} })).status, 201);
        return { token, conversationId: conversationId as string };
      };
      const a = await open();
      // "hilfe" makes the bot remember German for the conversation: state is written.
      assert.equal(
        (await request(`${dl}/conversations/${a.conversationId}/activities`, { token: a.token, body: { type: 'message', text: 'hilfe' } }))
          .status,
        200,
      );
      await webChat.local!.idle();
      const key = conversationStateKey(LOCAL_CHANNEL_ID, a.conversationId);
      assert.ok((await storage.read([key]))[key], 'the bot stored state for the conversation');

      await open(); // the store is full now (2)
      await request(`${dl}/tokens/generate`, { method: 'POST' }); // a, the least recently active, is forgotten
      assert.equal(webChat.local!.store.get(a.conversationId), undefined);
      const gone = await waitFor(
        () => storage.read([key]),
        (items) => !items[key],
      );
      assert.deepEqual(gone, {}, 'its state went too');
    });
  });
});
