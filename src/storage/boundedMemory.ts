import type { StoreItems } from 'botbuilder';
import { MemoryStorage } from '../botbuilder';

/** How much conversation state one process keeps in memory. */
export interface MemoryBounds {
  /** Most entries (one per conversation) kept; beyond it the least recently used goes. */
  maxEntries: number;
  /** An entry not read or written for this long is dropped, in ms. */
  idleTimeoutMs: number;
}

/**
 * botbuilder's MemoryStorage with bounds: it never forgets anything, so every conversation ever seen (and
 * a flood of new ones) stayed in memory for good. This one drops the least recently used entry beyond
 * `maxEntries` and entries idle longer than `idleTimeoutMs`, checked on every read and write (no timer).
 * The entry wires it with the local Direct Line's limits, so a conversation's state goes when its Direct
 * Line conversation would.
 */
export class BoundedMemoryStorage extends MemoryStorage {
  /** Insertion order = least recently used first (using re-inserts). */
  private readonly lastUsed = new Map<string, number>();

  constructor(
    private readonly bounds: MemoryBounds,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  /** Entries currently kept. */
  get size(): number {
    return this.lastUsed.size;
  }

  override async read(keys: string[]): Promise<StoreItems> {
    await this.prune();
    const items = await super.read(keys);
    for (const key of Object.keys(items)) this.use(key);
    return items;
  }

  override async write(changes: StoreItems): Promise<void> {
    await super.write(changes);
    for (const key of Object.keys(changes)) this.use(key);
    await this.prune();
  }

  // Not super.delete: botbuilder's sets the key to undefined and keeps it, so every conversation ever seen
  // would still hold its key (~115 bytes each) after its state went.
  override async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      delete this.memory[key];
      this.lastUsed.delete(key);
    }
  }

  private use(key: string): void {
    this.lastUsed.delete(key);
    this.lastUsed.set(key, this.now());
  }

  private async prune(): Promise<void> {
    const cutoff = this.now() - this.bounds.idleTimeoutMs;
    const drop: string[] = [];
    for (const [key, used] of this.lastUsed) {
      if (this.lastUsed.size - drop.length <= this.bounds.maxEntries && used > cutoff) break;
      drop.push(key);
    }
    if (drop.length > 0) await this.delete(drop);
  }
}
