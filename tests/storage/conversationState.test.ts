/**
 * LeanConversationState (src/storage/conversationState.ts) behaves as botbuilder's ConversationState: the
 * same turns through botbuilder's TestAdapter write the same storage, a turn that changes nothing writes
 * nothing, and `clear`, `delete` and `force` work — with a cheaper change check.
 */
import assert from 'node:assert/strict';
import { ConversationState, MemoryStorage, TestAdapter, type StoreItems, type TurnContext } from 'botbuilder';
import { LeanConversationState } from '../../src/storage';

/** MemoryStorage that counts its writes and keeps what each wrote. */
class CountingStorage extends MemoryStorage {
  writes: StoreItems[] = [];
  /** What is stored now, by key. */
  stored(): Record<string, string> {
    return { ...this.memory };
  }
  override async write(changes: StoreItems): Promise<void> {
    this.writes.push(JSON.parse(JSON.stringify(changes)) as StoreItems);
    await super.write(changes);
  }
}

type Step = (state: ConversationState, context: TurnContext) => Promise<void>;

/** Runs one turn per step with `make`'s state over one storage; returns the storage. */
async function run(make: (storage: CountingStorage) => ConversationState, steps: Step[]): Promise<CountingStorage> {
  const storage = new CountingStorage();
  const state = make(storage);
  for (const step of steps) {
    const adapter = new TestAdapter(async (context: TurnContext) => {
      await step(state, context);
      await state.saveChanges(context);
    });
    adapter.conversation.conversation.id = 'c1';
    await adapter.send('hi');
  }
  return storage;
}

const lang = (s: ConversationState) => s.createProperty<string>('lang');
type ConversationData = { n?: number; names?: string[] };

const STEPS: Record<string, Step[]> = {
  'a change, then none, then another': [
    async (s, c) => lang(s).set(c, 'de'),
    async (s, c) => void (await lang(s).get(c)),
    async (s, c) => lang(s).set(c, 'en'),
  ],
  'the same value set again': [async (s, c) => lang(s).set(c, 'de'), async (s, c) => lang(s).set(c, 'de')],
  'a nested object changed in place': [
    async (s, c) => void (await s.createProperty<ConversationData>('data').get(c, { n: 1, names: ['a'] })),
    async (s, c) => void (await s.createProperty<ConversationData>('data').get(c))!.names!.push('b'),
    async (s, c) => void (await s.createProperty<ConversationData>('data').get(c)),
  ],
  'a property deleted': [async (s, c) => lang(s).set(c, 'de'), async (s, c) => lang(s).delete(c)],
  'the state cleared': [async (s, c) => lang(s).set(c, 'de'), async (s, c) => s.clear(c)],
  'nothing ever set': [async (s, c) => void (await lang(s).get(c)), async (s, c) => void (await s.load(c))],
};

describe('storage: LeanConversationState', () => {
  for (const [name, steps] of Object.entries(STEPS)) {
    it(`writes what botbuilder's ConversationState writes: ${name}`, async () => {
      const ours = await run((storage) => new LeanConversationState(storage), steps);
      const theirs = await run((storage) => new ConversationState(storage), steps);
      assert.deepEqual(ours.writes, theirs.writes);
      assert.deepEqual(ours.stored(), theirs.stored());
    });
  }

  it('writes once per changed turn and never for a turn that changed nothing', async () => {
    const storage = await run((s) => new LeanConversationState(s), STEPS['a change, then none, then another']);
    assert.deepEqual(
      storage.writes.map((w) => Object.values(w)[0].lang as unknown),
      ['de', 'en'],
    );
  });

  it('writes an unchanged state when forced, and reads it back in the next turn', async () => {
    const storage = new CountingStorage();
    const state = new LeanConversationState(storage);
    const seen: (string | undefined)[] = [];
    const adapter = new TestAdapter(async (context: TurnContext) => {
      seen.push(await lang(state).get(context));
      if (!seen[0]) await lang(state).set(context, 'de');
      await state.saveChanges(context, seen.length === 2);
    });
    await adapter.send('one');
    await adapter.send('two');
    assert.deepEqual(seen, [undefined, 'de']);
    assert.equal(storage.writes.length, 2, 'the second turn changed nothing but was forced');
  });
});
