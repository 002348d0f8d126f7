import { guideFr } from '../../src/content';
import type { WebView } from '../../src/web/contract';
import { WebLive, type WebViewer } from '../../src/web/live';
import { MemoryStore } from '../../src/store/memoryStore';
import { CafeSim, camille } from '../domain/harness';

/**
 * The web pages' live views: every page of a café gets its own view at once and again when what it
 * shows changes, a burst of changes makes few rebuilds, and who is on a web café's pages is known.
 */
async function setUp() {
  const cafe = new CafeSim();
  const state = { ...cafe.state, channelId: 'web', conversationId: 'web:c1', joinCode: 'ABCDE12345' };
  const store = new MemoryStore();
  await store.create(state);
  let loads = 0;
  const counting = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'get') loads++;
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  const errors: unknown[] = [];
  // As the server wires it: a web café's members are the people on its pages (router → web channel → here).
  const live: WebLive = new WebLive({
    store: counting, content: guideFr, sink: (err) => errors.push(err), now: () => 1_000,
    notices: () => [], joinUrl: (code) => `https://barista.example/j/${code}`, refreshMs: 0,
    members: async (s) => live.members(s.conversationId),
  });
  return { state, store, live, errors, loads: () => loads };
}

const viewer = (id: string, role: WebViewer['role'] = 'participant'): WebViewer => ({ id, role, locale: 'fr' });
const until = async (test: () => boolean) => {
  for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(test()).toBe(true);
};

describe('the live views of a café\'s web pages', () => {
  it('each page gets its own view at once, and who is on the pages counts as the café\'s people', async () => {
    const { live, state } = await setUp();
    const lea: Array<WebView | undefined> = [];
    const karim: Array<WebView | undefined> = [];
    const stopLea = live.watch(state.id, { viewer: viewer('web:p:lea'), send: (v) => lea.push(v) });
    await until(() => lea.length === 1);
    expect(lea[0]).toMatchObject({ role: 'participant', me: { id: 'web:p:lea' }, cafe: { code: 'ABCDE12345', joinUrl: 'https://barista.example/j/ABCDE12345', participants: 1 } });
    // Karim opens his page: Léa's page now counts two people
    live.watch(state.id, { viewer: viewer('web:p:karim'), send: (v) => karim.push(v) });
    await until(() => lea.at(-1)?.cafe.participants === 2 && karim.length > 0);
    expect(live.members('web:c1')).toEqual(['web:p:lea', 'web:p:karim']);
    expect(live.watching).toBe(2);
    // Léa leaves: Karim's page counts one again
    stopLea();
    await until(() => karim.at(-1)?.cafe.participants === 1);
    expect(live.members('web:c1')).toEqual(['web:p:karim']);
    expect(live.members('web:other')).toBeUndefined();
  });

  it('sends a page nothing when what it shows did not change, and the new view when it did', async () => {
    const { live, state, store } = await setUp();
    const sent: Array<WebView | undefined> = [];
    live.watch(state.id, { viewer: viewer(camille.id, 'facilitator'), send: (v) => sent.push(v) });
    await until(() => sent.length === 1);
    live.touch(state);
    live.touchConversation('web:c1');
    await new Promise((r) => setTimeout(r, 30));
    expect(sent).toHaveLength(1);
    await store.save({ ...state, status: 'running', startedAt: 1, cursor: 0, runtime: { [state.steps[0]!.id]: { startedAt: 1 } }, version: 2 });
    live.touch(state);
    await until(() => sent.length === 2);
    expect(sent[1]!.step).toBeDefined();
    expect(sent[1]!.role).toBe('facilitator');
  });

  it('a burst of changes makes a few rebuilds, not one per change; an erased café says so', async () => {
    const { live, state, store, loads } = await setUp();
    const sent: Array<WebView | undefined> = [];
    live.watch(state.id, { viewer: viewer('web:p:lea'), send: (v) => sent.push(v) });
    await until(() => sent.length === 1);
    const before = loads();
    for (let i = 0; i < 100; i++) live.touch(state);
    await new Promise((r) => setTimeout(r, 50));
    expect(loads() - before).toBeLessThanOrEqual(3);
    await store.eraseCafe(state.id);
    live.touch(state);
    await until(() => sent.at(-1) === undefined && sent.length === 2);
  });
});
