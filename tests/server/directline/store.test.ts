import assert from 'node:assert/strict';
import { normalizeLimits, directLineMode } from '../../../src/server/directline/options';
import { ConversationStore } from '../../../src/server/directline/store';

describe('server/directline/store: bounded memory', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    now = 1_000_000;
  });

  it('forgets the least recently active conversation beyond maxConversations', () => {
    const store = new ConversationStore(normalizeLimits({ maxConversations: 3 }), clock);
    const a = store.createConversation();
    now += 10;
    const b = store.createConversation();
    now += 10;
    const c = store.createConversation();
    now += 10;
    store.touch(store.get(a.conversationId)!); // a is now the most recent
    store.createConversation();
    assert.equal(store.size, 3);
    assert.ok(store.get(a.conversationId), 'recently used a is kept');
    assert.ok(store.get(b.conversationId) === undefined, 'b was least recently active');
    assert.ok(store.get(c.conversationId));
    // b's token still resolves, but to a forgotten conversation: the client gets 404 (ended), not 403.
    const grant = store.resolveToken(b.token)!;
    assert.equal(grant.conversationId, b.conversationId);
    assert.equal(grant.conversation, undefined);
  });

  it('when full, forgets a conversation never started first, then one idle for a minute, then the least recently active', () => {
    const store = new ConversationStore(normalizeLimits({ maxConversations: 3 }), clock);
    const started = () => {
      const issued = store.createConversation();
      store.get(issued.conversationId)!.started = true;
      return issued;
    };
    const a = started();
    now += 10;
    const unused = store.createConversation();
    now += 10;
    const b = started();
    now += 10;
    store.touch(store.get(a.conversationId)!);
    const c = started();
    assert.equal(store.get(unused.conversationId), undefined, 'the token nobody used went first, though a is older');
    assert.ok(store.get(a.conversationId) && store.get(b.conversationId));

    now += 70_000; // nobody polls a and b for over a minute
    store.touch(store.get(a.conversationId)!);
    store.touch(store.get(c.conversationId)!);
    now += 10;
    started();
    assert.equal(store.get(b.conversationId), undefined, 'the idle one went');
    store.touch(store.get(a.conversationId)!);
    started();
    assert.equal(store.get(c.conversationId), undefined, 'all active: the least recently active went');
    assert.ok(store.get(a.conversationId));
  });

  it('forgets idle conversations and expired tokens', () => {
    const store = new ConversationStore(normalizeLimits({ idleTimeoutMs: 60_000, tokenLifetimeSeconds: 30 }), clock);
    const a = store.createConversation();
    now += 20_000;
    assert.equal(store.resolveToken(a.token)!.expiresIn, 10);
    now += 11_000;
    assert.equal(store.resolveToken(a.token), undefined, 'expired token');
    const fresh = store.issueToken(a.conversationId);
    assert.ok(store.resolveToken(fresh.token)!.conversation, 'a refreshed token still reaches the conversation');
    now += 60_000;
    store.sweep();
    assert.equal(store.size, 0, 'idle conversation forgotten');
  });

  it('caps activities per conversation, dropping the oldest, and pages after the watermark', () => {
    const store = new ConversationStore(normalizeLimits({ maxActivitiesPerConversation: 5, maxActivitiesPerPage: 2 }), clock);
    const conversation = store.get(store.createConversation().conversationId)!;
    for (let i = 1; i <= 8; i++) store.append(conversation, { type: 'message', text: `m${i}` });
    assert.equal(conversation.activities.length, 5);
    const first = store.page(conversation, 0);
    assert.deepEqual(
      first.activities.map((a) => a.text),
      ['m4', 'm5'],
    );
    assert.equal(first.watermark, '5');
    const second = store.page(conversation, 5);
    assert.deepEqual(
      second.activities.map((a) => a.text),
      ['m6', 'm7'],
    );
    const last = store.page(conversation, 8);
    assert.deepEqual(last.activities, []);
    assert.equal(last.watermark, '8');
    assert.equal(store.page(conversation, 99).watermark, '8', 'a watermark from the future is clamped');
  });

  it('caps bytes per conversation and overall, keeping the newest activity', () => {
    const store = new ConversationStore(normalizeLimits({ maxConversationBytes: 10_000, maxStoredBytes: 20_000 }), clock);
    const big = 'x'.repeat(4_000);
    const conversations = [1, 2, 3].map(() => store.get(store.createConversation().conversationId)!);
    for (const conversation of conversations) {
      now += 1;
      for (let i = 0; i < 4; i++) store.append(conversation, { type: 'message', text: big });
      assert.ok(conversation.bytes <= 10_000, `per-conversation cap: ${conversation.bytes}`);
      assert.equal(conversation.activities.length, 2);
    }
    assert.ok(store.storedBytes <= 20_000, `overall cap: ${store.storedBytes}`);
    assert.ok(store.get(conversations[0].id) === undefined, 'the least recently active conversation went first');
    assert.ok(store.get(conversations[2].id));

    const lone = store.get(store.createConversation().conversationId)!;
    store.append(lone, { type: 'message', text: 'y'.repeat(20_000) });
    assert.equal(lone.activities.length, 1, 'one activity bigger than the cap is still delivered');
  });

  it('does not let a flood of token requests grow the token table without end', () => {
    const store = new ConversationStore(normalizeLimits({ maxConversations: 10 }), clock);
    const first = store.createConversation();
    for (let i = 0; i < 500; i++) store.createConversation();
    assert.equal(store.size, 10);
    assert.equal(store.resolveToken(first.token), undefined, 'the oldest tokens went');
  });
});

describe('server/directline/options', () => {
  it('fills defaults and names a bad limit and its value', () => {
    assert.equal(normalizeLimits().maxConversations, 500);
    assert.equal(normalizeLimits({ maxConversations: 7 }).maxConversations, 7);
    assert.throws(() => normalizeLimits({ maxBodyBytes: 0 }), {
      message: 'directline: limit maxBodyBytes must be a positive number, got 0',
    });
  });

  it('picks local mode without a secret and checks the Direct Line domain', () => {
    assert.deepEqual(directLineMode(undefined, undefined), { kind: 'local' });
    assert.deepEqual(directLineMode('  ', 'https://europe.directline.botframework.com'), { kind: 'local' });
    assert.deepEqual(directLineMode('s', undefined), { kind: 'azure', secret: 's', domain: 'https://directline.botframework.com' });
    assert.deepEqual(directLineMode('s', 'https://europe.directline.botframework.com/'), {
      kind: 'azure',
      secret: 's',
      domain: 'https://europe.directline.botframework.com',
    });
    assert.throws(() => directLineMode('s', 'https://europe.directline.botframework.com/v3/directline'), {
      message:
        'directline: DIRECT_LINE_DOMAIN must be a bare origin like https://directline.botframework.com (no path), got "https://europe.directline.botframework.com/v3/directline"',
    });
    assert.throws(() => directLineMode('s', 'europe'), /must be a URL/);
  });
});
