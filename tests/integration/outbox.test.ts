import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../src/store';
import { FakeConnector } from '../support/fakeConnector';
import { BaristaProcess, castOf, chatOf, waitForPosted } from '../scale/process';
import { Stack } from './harness';

/**
 * Effects that reach people are delivered at least once, in order, whatever happens to the network
 * or the process: the outbox saved with the decision (src/bot/turn/effects.ts).
 */
jest.setTimeout(90_000);

const MADONNA = 'On en parlait moins dans les années 80';

/** Polls `done` until it holds (or fails the test after `timeoutMs`). */
async function until(done: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The cards and messages Barista posted in the chat and Teams accepted, in order. */
function sends(connector: FakeConnector, conversationId: string) {
  return connector.calls.filter((c) => c.conversationId === conversationId && c.op === 'send' && c.outcome === 'ok' && c.status < 300);
}

describe('The outbox over the real server (restify, CloudAdapter, fake Bot Connector)', () => {
  it('connections reset on the first calls: the step card still arrives, once, and a card update too', async () => {
    const stack = await new Stack().start();
    try {
      const camille = stack.user('29:camille', 'Camille Martin');
      await camille.say('/startcafe americano');
      await stack.waitForMessage('Au menu');
      const cafe = await stack.cafe();
      stack.connector.resetNext(2, ['send']);
      await camille.press({ verb: 'begin', cafe: cafe.id });
      await stack.connector.waitFor(() => sends(stack.connector, stack.conversationId).length === 2, 20_000);
      expect(stack.connector.resetCount).toBe(2);

      stack.connector.resetNext(2, ['update']);
      await camille.press({ verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'madonna' });
      await stack.waitForMessage(MADONNA, 20_000);
      expect(stack.connector.resetCount).toBe(4);
      await stack.app.bot.drain();
      expect(sends(stack.connector, stack.conversationId)).toHaveLength(2); // the menu, the part's card: none twice
      expect(await stack.app.store.pendingOutbox()).toEqual([]);
    } finally {
      await stack.stop();
    }
  });

  it('a post that fails for good stays in the outbox, is reported, and is posted once when tried again', async () => {
    const stack = await new Stack(undefined, undefined, {}, { outboxSweepMs: 300 }).start();
    try {
      const camille = stack.user('29:camille', 'Camille Martin');
      await camille.say('/startcafe americano');
      await stack.waitForMessage('Au menu');
      const cafe = await stack.cafe();
      stack.connector.resetNext(5, ['send']); // every attempt of the first try (5)
      await camille.press({ verb: 'begin', cafe: cafe.id });
      await stack.connector.waitFor(() => sends(stack.connector, stack.conversationId).length === 2, 40_000);
      expect(stack.connector.resetCount).toBe(5);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(sends(stack.connector, stack.conversationId)).toHaveLength(2);
      await until(async () => (await stack.app.store.pendingOutbox()).length === 0);
    } finally {
      await stack.stop();
    }
  });
});

describe('The outbox across a kill -9 (real server process, SQLite)', () => {
  it('killed between saving a decision and posting its card: after restart the card arrives once, and every card in order', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'barista-outbox-'));
    const dataDir = path.join(dir, 'data');
    const conversationId = `19:meeting_${Math.random().toString(36).slice(2)}@thread.v2`;
    const connector = new FakeConnector();
    await connector.start();
    const processes: BaristaProcess[] = [];
    const launch = async () => {
      const p = new BaristaProcess(`barista-${processes.length + 1}`, { DATA_DIR: dataDir });
      processes.push(p);
      return p.start();
    };
    const read = async <T>(fn: (s: SqliteStore) => Promise<T>): Promise<T> => {
      const store = new SqliteStore(dataDir);
      try {
        return await fn(store);
      } finally {
        await store.close();
      }
    };
    try {
      let current = await launch();
      const { camille } = castOf(chatOf(conversationId, connector.url, () => current.url));
      await camille.say('/startcafe americano');
      await waitForPosted(connector, conversationId, 'Au menu');
      const cafe = (await read((s) => s.getActive(conversationId)))!;

      // Teams never answers the step's card: the decision is saved, its card not posted.
      connector.holdCalls(['send']);
      await camille.press({ verb: 'begin', cafe: cafe.id });
      await connector.waitFor(() => connector.heldCount > 0, 10_000);
      const saved = (await read((s) => s.get(cafe.id)))!;
      expect(saved.version).toBeGreaterThan(cafe.version);
      const pending = await read((s) => s.pendingOutbox());
      expect(pending.map((e) => e.effect.type)).toContain('post-step');

      expect(await current.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
      connector.releaseHeld();
      expect(sends(connector, conversationId)).toHaveLength(1); // the menu only

      current = await launch();
      expect(current.startLine()).toMatchObject({ replayed: pending.length });
      await connector.waitFor(() => sends(connector, conversationId).length === 2, 20_000);
      await until(async () => (await read((s) => s.pendingOutbox())).length === 0);

      // The café goes on: the part's card advances in place; the chat holds the menu then the card, once each.
      await camille.press({ verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'madonna' });
      await waitForPosted(connector, conversationId, MADONNA);
      const chat = sends(connector, conversationId);
      expect(chat).toHaveLength(2);
      expect(JSON.stringify(chat[0]!.body)).toContain('Au menu');
      expect(connector.violations()).toEqual([]);
    } finally {
      for (const p of processes) await p.stop();
      await connector.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
