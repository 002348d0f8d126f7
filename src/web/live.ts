import type { Content } from '../content/schema';
import type { CafeState, Contribution, Locale } from '../domain/types';
import type { ErrorSink } from '../errors';
import type { CafeStore } from '../store/port';
import type { WebNotice, WebView } from './contract';
import { webView } from './view';

/** Who is on a web page: the console's facilitator or a participant. */
export interface WebViewer {
  id: string;
  name?: string;
  role: 'participant' | 'facilitator';
  locale: Locale;
}

/** A page holding an event stream: gets its viewer's view at once and at every change it shows. */
export interface WebWatcher {
  viewer: WebViewer;
  send(view: WebView | undefined): void;
}

export interface WebLiveOptions {
  store: CafeStore;
  content: Content;
  sink: ErrorSink;
  now?: () => number;
  /** The notices a viewer of the conversation may read (the web channel's). */
  notices(conversationId: string, viewer: { id: string; facilitator: boolean }): WebNotice[];
  /** The participants' address of a café code (`https://…/j/<code>`). */
  joinUrl(code: string): string;
  /** The café board's read-only link, for the facilitator's view. */
  boardUrl?(cafeId: string): string;
  /** The members of a Teams café's conversation (who is expected to finish a video); a web café's are the people on its pages. */
  members?(state: CafeState): Promise<readonly string[] | undefined>;
  /**
   * How often watched cafés are read again from the store (several instances: another one may
   * have changed it). 0 or absent: only on `touch`, which this process calls at every change.
   */
  pollMs?: number;
  /** The least time between two rebuilds of one café's pages (default REFRESH_MS; 0 in tests). */
  refreshMs?: number;
}

interface Group {
  cafeId: string;
  conversationId?: string;
  watchers: Map<WebWatcher, { last?: string }>;
  busy?: Promise<void>;
  again?: boolean;
  /** When its last rebuild began (performance.now()). */
  lastAt?: number;
}

/** Pages rebuilt between two yields to the event loop. */
const YIELD_EVERY = 25;
/** The least time between two rebuilds of one café's pages: live within a second, and votes first. */
const REFRESH_MS = 200;

/** What one refresh reads once for every page of the café. */
interface Loaded {
  state: CafeState;
  contributions: Contribution[];
  members?: readonly string[];
}

/**
 * The web pages' live views: the pages watching a café are grouped by café; a change of the café
 * (a vote, a step, a notice) rebuilds each page's view from one read of the store, and sends it
 * to the pages whose view changed. One rebuild at a time per café: a burst of votes makes one
 * more, never one per vote.
 */
export class WebLive {
  private readonly groups = new Map<string, Group>();
  private readonly now: () => number;
  private readonly timer?: NodeJS.Timeout;
  private readonly refreshMs: number;

  constructor(private readonly o: WebLiveOptions) {
    this.now = o.now ?? Date.now;
    this.refreshMs = o.refreshMs ?? REFRESH_MS;
    if (o.pollMs) {
      this.timer = setInterval(() => {
        for (const group of this.groups.values()) this.refresh(group);
      }, o.pollMs);
      this.timer.unref();
    }
  }

  /**
   * Starts watching; the first view comes at once. Returns the function that stops it. A page that
   * opens or closes changes who is on the café's pages (a web café counts them): the others refresh too.
   */
  watch(cafeId: string, watcher: WebWatcher): () => void {
    let group = this.groups.get(cafeId);
    if (!group) {
      group = { cafeId, watchers: new Map() };
      this.groups.set(cafeId, group);
    }
    const g = group;
    g.watchers.set(watcher, {});
    this.refresh(g);
    return () => {
      g.watchers.delete(watcher);
      if (g.watchers.size === 0 && this.groups.get(cafeId) === g) this.groups.delete(cafeId);
      else this.refresh(g);
    };
  }

  /** A café changed here: its pages get their new views now. */
  touch(state: Pick<CafeState, 'id' | 'conversationId'>): void {
    const group = this.groups.get(state.id);
    if (group) this.refresh(group);
    else this.touchConversation(state.conversationId);
  }

  /** A conversation's café changed (the web channel says so by conversation). */
  touchConversation(conversationId: string): void {
    for (const group of this.groups.values()) if (group.conversationId === conversationId) this.refresh(group);
  }

  /** One view, for a request that does not stay (GET view, the answer to an action). */
  async view(cafeId: string, viewer: WebViewer): Promise<WebView | undefined> {
    const loaded = await this.load({ cafeId, watchers: new Map() });
    return loaded && this.build(loaded, viewer).view;
  }

  /** The ids of the people on a conversation's café pages; undefined when nobody watches it here. */
  members(conversationId: string): string[] | undefined {
    let ids: string[] | undefined;
    for (const group of this.groups.values()) {
      if (group.conversationId !== conversationId) continue;
      ids ??= [];
      for (const w of group.watchers.keys()) if (!ids.includes(w.viewer.id)) ids.push(w.viewer.id);
    }
    return ids;
  }

  /** How many pages watch, in all. */
  get watching(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.watchers.size;
    return n;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.groups.clear();
  }

  /**
   * Rebuilds a group's views, one rebuild at a time, at most one every `refreshMs` (a burst of
   * votes makes a few rebuilds, never one per vote), yielding to other work every few pages so the
   * votes themselves keep being answered while hundreds of pages are brought up to date.
   */
  private refresh(group: Group): void {
    if (group.busy) {
      group.again = true;
      return;
    }
    group.busy = (async () => {
      do {
        group.again = false;
        // Real time (not the café's clock, which tests may set): how long since the last rebuild.
        const wait = (group.lastAt ?? -Infinity) + this.refreshMs - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait).unref());
        group.lastAt = performance.now();
        const loaded = await this.load(group);
        let n = 0;
        for (const [watcher, slot] of [...group.watchers]) {
          if (!group.watchers.has(watcher)) continue;
          if (++n % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
          const built = loaded && this.build(loaded, watcher.viewer);
          const key = built?.key ?? 'none';
          if (key === slot.last) continue;
          slot.last = key;
          watcher.send(built?.view);
        }
      } while (group.again);
    })()
      .catch((err) => this.o.sink(err, { where: 'web-live' }))
      .finally(() => {
        group.busy = undefined;
      });
  }

  private async load(group: Group): Promise<Loaded | undefined> {
    const { store } = this.o;
    const state = await store.get(group.cafeId);
    if (!state) return undefined;
    group.conversationId = state.conversationId;
    const [contributions, members] = await Promise.all([
      store.listContributions(state.id),
      this.o.members ? this.o.members(state).catch(() => undefined) : Promise.resolve(undefined),
    ]);
    return { state, contributions, ...(members ? { members } : {}) };
  }

  private build(loaded: Loaded, viewer: WebViewer): { view: WebView; key: string } {
    const { state } = loaded;
    const code = state.joinCode ?? '';
    const facilitatorView = viewer.role === 'facilitator';
    const view = webView({
      state,
      contributions: loaded.contributions,
      content: this.o.content,
      viewer,
      code,
      joinUrl: code ? this.o.joinUrl(code) : '',
      ...(facilitatorView && this.o.boardUrl ? { boardUrl: this.o.boardUrl(state.id) } : {}),
      ...(loaded.members ? { members: loaded.members } : {}),
      notices: this.o.notices(state.conversationId, { id: viewer.id, facilitator: facilitatorView }),
      now: this.now(),
    });
    // What the page shows, without the clock: a countdown's msLeft the page ticks from dueAt itself.
    const { serverNow: _clock, ...shown } = view;
    return { view, key: JSON.stringify(shown, (k, v: unknown) => (k === 'msLeft' ? undefined : v)) };
  }
}
