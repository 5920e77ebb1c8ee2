import { randomBytes } from 'node:crypto';
import type { DirectLineLimits } from './options';

/**
 * Conversations, tokens and activities of the local Direct Line emulation, held in memory with hard bounds.
 *
 * Activities are kept as plain JSON objects exactly as the client receives them. Each gets a sequence
 * number; the watermark a client sends back is the sequence number of the last activity it has seen.
 */

/** An activity as it travels over Direct Line (JSON; timestamps are ISO strings). */
export type WireActivity = Record<string, unknown> & { id?: string; type: string };

export interface Conversation {
  readonly id: string;
  /** The user id bound by the token that created the conversation (`dl_…`). */
  readonly userId: string;
  /** Set by POST /conversations; until then the bot has not been told about the conversation. */
  started: boolean;
  /** Locale the client asked for when starting (conversationStartProperties.locale), if any. */
  locale?: string;
  lastActive: number;
  /** Its tokens still valid, oldest first (at most `TOKENS_PER_CONVERSATION`). */
  tokens: string[];
  /** Sequence number of the last activity appended (0 = none yet). */
  lastSeq: number;
  activities: StoredActivity[];
  bytes: number;
  /** Turns waiting or running, serialised so the bot's conversation state is never written twice at once. */
  pendingTurns: number;
  turnQueue: Promise<void>;
}

interface StoredActivity {
  seq: number;
  activity: WireActivity;
  bytes: number;
}

interface TokenEntry {
  conversationId: string;
  expiresAt: number;
}

/** What a token grants: its conversation, or nothing when the conversation has been forgotten meanwhile. */
export interface TokenGrant {
  conversationId: string;
  conversation: Conversation | undefined;
  /** Seconds until the token expires. */
  expiresIn: number;
}

export interface IssuedToken {
  token: string;
  conversationId: string;
  expiresIn: number;
}

export interface ActivityPage {
  activities: WireActivity[];
  watermark: string;
}

/** A conversation polled within this time has its page open (Web Chat polls twice a second). */
const ACTIVE_MS = 60_000;
/** Valid tokens per conversation: the newest and a few before it, for requests in flight while refreshing. */
const TOKENS_PER_CONVERSATION = 4;

function randomId(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export class ConversationStore {
  /** Insertion order = least recently active first (touching re-inserts). */
  private readonly conversations = new Map<string, Conversation>();
  /** Insertion order = issue order = expiry order, since every token lives equally long. */
  private readonly tokens = new Map<string, TokenEntry>();
  private totalBytes = 0;

  /**
   * @param onForget called with the id of every conversation forgotten (idle, evicted), e.g. to drop the
   *   bot's state for it. Default: nothing.
   */
  constructor(
    private readonly limits: DirectLineLimits,
    private readonly now: () => number = Date.now,
    private readonly onForget?: (conversationId: string) => void,
  ) {}

  /** Number of conversations currently held. */
  get size(): number {
    return this.conversations.size;
  }

  /** Bytes of activities currently held over all conversations. */
  get storedBytes(): number {
    return this.totalBytes;
  }

  /** Creates an (unstarted) conversation and a token for it, as POST tokens/generate does. */
  createConversation(userId: string = `dl_${randomId(12)}`): IssuedToken {
    this.sweep();
    while (this.conversations.size >= this.limits.maxConversations) this.forget(this.evictionCandidate()!.id);
    const conversation: Conversation = {
      id: randomId(16),
      userId,
      started: false,
      lastActive: this.now(),
      tokens: [],
      lastSeq: 0,
      activities: [],
      bytes: 0,
      pendingTurns: 0,
      turnQueue: Promise.resolve(),
    };
    this.conversations.set(conversation.id, conversation);
    return this.issueToken(conversation.id);
  }

  /**
   * A fresh token for the conversation (tokens/refresh); its `TOKENS_PER_CONVERSATION - 1` newest earlier
   * tokens stay valid until they expire, older ones end now, so refreshing can't crowd others' tokens out.
   */
  issueToken(conversationId: string): IssuedToken {
    const token = randomId(32);
    const lifetimeMs = this.limits.tokenLifetimeSeconds * 1000;
    this.tokens.set(token, { conversationId, expiresAt: this.now() + lifetimeMs });
    const conversation = this.conversations.get(conversationId);
    if (conversation) {
      conversation.tokens.push(token);
      while (conversation.tokens.length > TOKENS_PER_CONVERSATION) this.tokens.delete(conversation.tokens.shift()!);
    }
    // Tokens of forgotten conversations stay until they expire (so their holders get 404, not 403), but
    // they are the first to go when the map is full: live conversations keep theirs.
    const maxTokens = this.limits.maxConversations * TOKENS_PER_CONVERSATION;
    if (this.tokens.size > maxTokens) {
      for (const [key, entry] of this.tokens) {
        if (this.tokens.size <= maxTokens) break;
        if (!this.conversations.has(entry.conversationId)) this.tokens.delete(key);
      }
      for (const key of this.tokens.keys()) {
        if (this.tokens.size <= maxTokens) break;
        this.tokens.delete(key);
      }
    }
    return { token, conversationId, expiresIn: this.limits.tokenLifetimeSeconds };
  }

  /** The grant behind a bearer token, or undefined when the token is unknown or expired. */
  resolveToken(token: string): TokenGrant | undefined {
    const entry = this.tokens.get(token);
    if (!entry) return undefined;
    const now = this.now();
    if (entry.expiresAt <= now) {
      this.tokens.delete(token);
      return undefined;
    }
    this.sweep();
    return {
      conversationId: entry.conversationId,
      conversation: this.conversations.get(entry.conversationId),
      expiresIn: Math.max(1, Math.floor((entry.expiresAt - now) / 1000)),
    };
  }

  get(conversationId: string | undefined): Conversation | undefined {
    return conversationId === undefined ? undefined : this.conversations.get(conversationId);
  }

  /** Marks the conversation as just used, so idle expiry and eviction take others first. */
  touch(conversation: Conversation): void {
    conversation.lastActive = this.now();
    if (this.conversations.get(conversation.id) === conversation) {
      this.conversations.delete(conversation.id);
      this.conversations.set(conversation.id, conversation);
    }
  }

  /**
   * Appends an activity, giving it the next id (`<conversation id>|<7-digit sequence>`, as the Direct Line
   * service does). Returns the stored activity, or undefined when the conversation has been forgotten.
   */
  append(conversation: Conversation, activity: WireActivity): WireActivity | undefined {
    if (this.conversations.get(conversation.id) !== conversation) return undefined;
    const seq = ++conversation.lastSeq;
    const stored: WireActivity = { ...activity, id: `${conversation.id}|${String(seq).padStart(7, '0')}` };
    this.add(conversation, seq, stored);
    return stored;
  }

  /**
   * Replaces an activity by id: the new version is appended under the same id (and original timestamp)
   * so polling clients see it; Web Chat replaces an activity it already shows when the id matches.
   */
  replace(conversation: Conversation, id: string, activity: WireActivity): WireActivity | undefined {
    if (this.conversations.get(conversation.id) !== conversation) return undefined;
    const index = conversation.activities.findIndex((a) => a.activity.id === id);
    if (index < 0) return undefined;
    const [old] = conversation.activities.splice(index, 1);
    conversation.bytes -= old.bytes;
    this.totalBytes -= old.bytes;
    const stored: WireActivity = { ...activity, id, timestamp: old.activity.timestamp };
    this.add(conversation, ++conversation.lastSeq, stored);
    return stored;
  }

  /** Removes an activity by id; clients that have already fetched it keep showing it. */
  remove(conversation: Conversation, id: string): boolean {
    const index = conversation.activities.findIndex((a) => a.activity.id === id);
    if (index < 0) return false;
    const [old] = conversation.activities.splice(index, 1);
    conversation.bytes -= old.bytes;
    this.totalBytes -= old.bytes;
    return true;
  }

  /**
   * Activities after the watermark (a sequence number; '' or absent = from the start), at most one page.
   * The returned watermark is the sequence number of the last activity returned, or the one given when
   * there is nothing new.
   */
  page(conversation: Conversation, watermark: number): ActivityPage {
    const newer = conversation.activities.filter((a) => a.seq > watermark).slice(0, this.limits.maxActivitiesPerPage);
    const last = newer.length > 0 ? newer[newer.length - 1].seq : Math.min(watermark, conversation.lastSeq);
    return { activities: newer.map((a) => a.activity), watermark: String(last) };
  }

  /** Forgets conversations idle longer than the idle timeout. Cheap: stops at the first active one. */
  sweep(): void {
    const cutoff = this.now() - this.limits.idleTimeoutMs;
    for (const conversation of this.conversations.values()) {
      if (conversation.lastActive > cutoff) break;
      this.forget(conversation.id);
    }
    const now = this.now();
    for (const [token, entry] of this.tokens) {
      if (entry.expiresAt > now) break;
      this.tokens.delete(token);
    }
  }

  private add(conversation: Conversation, seq: number, activity: WireActivity): void {
    const bytes = Buffer.byteLength(JSON.stringify(activity));
    conversation.activities.push({ seq, activity, bytes });
    conversation.bytes += bytes;
    this.totalBytes += bytes;
    // Keep at least the newest activity, however big, so a client always sees what was just sent.
    while (
      conversation.activities.length > 1 &&
      (conversation.activities.length > this.limits.maxActivitiesPerConversation || conversation.bytes > this.limits.maxConversationBytes)
    ) {
      const dropped = conversation.activities.shift()!;
      conversation.bytes -= dropped.bytes;
      this.totalBytes -= dropped.bytes;
    }
    while (this.totalBytes > this.limits.maxStoredBytes) {
      const victim = this.evictionCandidate(conversation);
      if (!victim) break;
      this.forget(victim.id);
    }
  }

  /**
   * The conversation to forget when the store is full: idle ones before active ones, so a flood of new
   * conversations can't push out people who are chatting. First one never started (a token nobody used),
   * then one nobody has polled for `ACTIVE_MS` (its page is closed), then the least recently active.
   */
  private evictionCandidate(except?: Conversation): Conversation | undefined {
    const cutoff = this.now() - ACTIVE_MS;
    let idle: Conversation | undefined;
    let oldest: Conversation | undefined;
    for (const conversation of this.conversations.values()) {
      if (conversation === except) continue;
      if (!conversation.started) return conversation;
      idle ??= conversation.lastActive <= cutoff ? conversation : undefined;
      oldest ??= conversation;
    }
    return idle ?? oldest;
  }

  private forget(conversationId: string): void {
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return;
    this.totalBytes -= conversation.bytes;
    this.conversations.delete(conversationId);
    this.onForget?.(conversationId);
  }
}
