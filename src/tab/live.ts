import type { Content } from '../content/schema';
import { chatCafe } from '../domain/lookup';
import type { CafeState } from '../domain/types';
import type { ErrorSink } from '../errors';
import type { CafeStore } from '../store/port';
import { boardSnapshot } from './snapshot';
import type { BoardSnapshot } from './snapshotTypes';
import type { BoardScope } from './token';

/** Someone watching the board: gets every new snapshot, or `undefined` while there is no café to show. */
export interface Watcher {
  send(snapshot: BoardSnapshot | undefined): void;
}

export interface LiveBoardOptions {
  store: CafeStore;
  content: Content;
  sink: ErrorSink;
  now?: () => number;
  /**
   * How often watched cafés are read again from the store. A change made here is pushed at once
   * (`touch`); this catches the changes made by another instance, and a café that began in a
   * watched conversation.
   */
  pollMs?: number;
  /** The participants' address of a café code (the web door), shown on the board with its QR code. */
  joinUrl?: (code: string) => string;
  /** The conversation's members (who is expected to finish a video, as on the card), when the channel can read them. */
  members?: (state: CafeState) => Promise<readonly string[] | undefined>;
}

interface Group {
  scope: BoardScope;
  watchers: Set<Watcher>;
  /** The last snapshot sent, without its clock, to send only what changed. */
  last?: string;
  busy?: Promise<void>;
  again?: boolean;
}

/**
 * The live café board: groups the people watching by what they watch (a café, or a conversation's
 * current café), rebuilds the snapshot when the café changes, and sends it only when something
 * shown changed. Everything is read from the store, so it works the same on every instance and
 * after a restart.
 */
export class LiveBoard {
  private readonly groups = new Map<string, Group>();
  private readonly now: () => number;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly o: LiveBoardOptions) {
    this.now = o.now ?? Date.now;
    this.timer = setInterval(() => {
      for (const group of this.groups.values()) this.refresh(group);
    }, o.pollMs ?? 1000);
    this.timer.unref();
  }

  /** Starts watching; the first snapshot comes at once. Returns the function that stops it. */
  watch(scope: BoardScope, watcher: Watcher): () => void {
    const key = keyOf(scope);
    let group = this.groups.get(key);
    if (!group) {
      group = { scope, watchers: new Set() };
      this.groups.set(key, group);
    }
    group.watchers.add(watcher);
    const g = group;
    void this.snapshotOf(g).then((snap) => {
      g.last ??= snap?.key ?? 'none';
      // Unless they left before it came.
      if (g.watchers.has(watcher)) watcher.send(snap?.snapshot);
    }, (err) => this.o.sink(err, { where: 'board' }));
    return () => {
      g.watchers.delete(watcher);
      if (g.watchers.size === 0 && this.groups.get(key) === g) this.groups.delete(key);
    };
  }

  /** The café changed here (a vote, a step): its watchers get the new snapshot now. */
  touch(state: Pick<CafeState, 'id' | 'conversationId'>): void {
    for (const group of this.groups.values()) {
      const s = group.scope;
      if ((s.kind === 'cafe' && s.cafeId === state.id) || (s.kind === 'conversation' && s.conversationId === state.conversationId)) this.refresh(group);
    }
  }

  /** One snapshot, for a request that does not stay (GET /tab/api/snapshot). */
  async snapshot(scope: BoardScope): Promise<BoardSnapshot | undefined> {
    return (await this.snapshotOf({ scope, watchers: new Set() }))?.snapshot;
  }

  get watching(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.watchers.size;
    return n;
  }

  stop(): void {
    clearInterval(this.timer);
    this.groups.clear();
  }

  /** Rebuilds a group's snapshot, one rebuild at a time per group (a burst of votes makes one more). */
  private refresh(group: Group): void {
    if (group.busy) {
      group.again = true;
      return;
    }
    group.busy = (async () => {
      do {
        group.again = false;
        const built = await this.snapshotOf(group);
        const shown = built ? built.key : 'none';
        if (shown === group.last) continue;
        group.last = shown;
        for (const w of group.watchers) w.send(built?.snapshot);
      } while (group.again);
    })()
      .catch((err) => this.o.sink(err, { where: 'board' }))
      .finally(() => {
        group.busy = undefined;
      });
  }

  private async snapshotOf(group: Group): Promise<{ snapshot: BoardSnapshot; key: string } | undefined> {
    const { store, content } = this.o;
    const s = group.scope;
    const state = s.kind === 'cafe' ? await store.get(s.cafeId) : await currentCafe(store, s.conversationId);
    if (!state) return undefined;
    const [contributions, members] = await Promise.all([store.listContributions(state.id), this.o.members?.(state).catch(() => undefined)]);
    const built = boardSnapshot(state, contributions, content, this.now(), members);
    const snapshot: BoardSnapshot = state.joinCode && state.status !== 'ended' && this.o.joinUrl
      ? { ...built, join: { code: state.joinCode, url: this.o.joinUrl(state.joinCode) } }
      : built;
    const { serverNow: _clock, ...shown } = snapshot;
    return { snapshot, key: JSON.stringify(shown) };
  }
}

/** The café a conversation's board shows (`chatCafe`), reading one document while a café runs. */
export async function currentCafe(store: CafeStore, conversationId: string): Promise<CafeState | undefined> {
  return (await store.getActive(conversationId)) ?? chatCafe(await store.listCafes(conversationId));
}

function keyOf(scope: BoardScope): string {
  return scope.kind === 'cafe' ? `c:${scope.cafeId}` : `v:${scope.conversationId}`;
}
