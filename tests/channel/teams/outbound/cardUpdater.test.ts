import type { Activity } from 'botbuilder';
import { CardUpdater, OutboundError, type OutboundLogger, type PerformUpdate } from '../../../../src/channel/teams/outbound';
import { FakeClock, settle } from './fakeClock';

interface Sent {
  at: number;
  conversationId: string;
  activityId: string;
  text: string | undefined;
}

function silentLogger(): OutboundLogger & { warn: jest.Mock; error: jest.Mock } {
  return { warn: jest.fn(), error: jest.fn() };
}

/** A perform that takes `latencyMs` and records what it sent; `failWith` makes the next calls fail. */
function fakePerform(clock: FakeClock, latencyMs = 20) {
  const sent: Sent[] = [];
  const failures: unknown[] = [];
  const perform: PerformUpdate = async (conversationId, activityId, render) => {
    await clock.sleep(latencyMs / 2);
    const activity = (await render()) as Partial<Activity>;
    await clock.sleep(latencyMs / 2);
    if (failures.length > 0) throw failures.shift();
    sent.push({ at: clock.now(), conversationId, activityId, text: activity.text });
  };
  return { perform, sent, failures };
}

describe('CardUpdater', () => {
  it('hands the card’s tenant to perform (Teams’ budget is per tenant), the latest one given', async () => {
    const clock = new FakeClock();
    const tenants: Array<string | undefined> = [];
    const perform: PerformUpdate = async (_c, _a, render, _io, tenantId) => {
      await render();
      tenants.push(tenantId);
    };
    const updater = new CardUpdater({ perform, clock, logger: silentLogger(), intervalMs: 0 });
    updater.request('c', 'm1', () => ({ text: 'a' }), undefined, 'tenant-1');
    await clock.run(updater.flush());
    updater.request('c', 'm1', () => ({ text: 'b' })); // no tenant given: the card keeps its own
    await clock.run(updater.flush());
    updater.request('c', 'm2', () => ({ text: 'c' }));
    await clock.run(updater.flush());
    expect(tenants).toEqual(['tenant-1', 'tenant-1', undefined]);
  });

  it('coalesces 20 rapid requests into at most 2 sends, and the last state wins', async () => {
    const clock = new FakeClock();
    const { perform, sent } = fakePerform(clock);
    const updater = new CardUpdater({ perform, clock, logger: silentLogger() });
    let state = 0;
    for (let i = 1; i <= 20; i++) {
      state = i;
      updater.request('c', 'm1', () => ({ text: `v${state}` }));
      await clock.advance(10); // 20 requests within 200 ms
    }
    await clock.run(updater.flush());
    expect(sent.length).toBeLessThanOrEqual(2);
    expect(sent[sent.length - 1].text).toBe('v20');
  });

  it('renders at send time: requests made synchronously are merged before the first render', async () => {
    const clock = new FakeClock();
    const { perform, sent } = fakePerform(clock);
    const updater = new CardUpdater({ perform, clock, logger: silentLogger() });
    const renders = jest.fn((n: number) => ({ text: `v${n}` }));
    for (let i = 1; i <= 20; i++) updater.request('c', 'm1', () => renders(i));
    await clock.run(updater.flush());
    expect(sent.map((s) => s.text)).toEqual(['v20']);
    expect(renders).toHaveBeenCalledTimes(1);
  });

  it('sends at most one update per card per second, never a stale state after a newer one', async () => {
    const clock = new FakeClock();
    const { perform, sent } = fakePerform(clock, 400); // slow service: requests pile up during flight
    const updater = new CardUpdater({ perform, clock, logger: silentLogger() });
    let version = 0;
    for (let i = 0; i < 100; i++) {
      version++;
      const v = version;
      updater.request('c', 'm1', () => ({ text: String(v) }));
      updater.request('c', 'm2', () => ({ text: String(v) }));
      await clock.advance(37);
    }
    await clock.run(updater.flush());
    for (const card of ['m1', 'm2']) {
      const mine = sent.filter((s) => s.activityId === card);
      const versions = mine.map((s) => Number(s.text));
      expect(versions).toEqual([...versions].sort((a, b) => a - b)); // monotonic
      expect(new Set(versions).size).toBe(versions.length);
      expect(versions[versions.length - 1]).toBe(100);
      for (let i = 1; i < mine.length; i++) expect(mine[i].at - mine[i - 1].at).toBeGreaterThanOrEqual(1_000);
      expect(mine.length).toBeLessThan(10); // 3.7 s of requests → ~ one per 1.4 s
    }
  });

  it('retries a failed update after the next interval with the then-latest render, and logs it', async () => {
    const clock = new FakeClock();
    const { perform, sent, failures } = fakePerform(clock);
    const logger = silentLogger();
    const onError = jest.fn();
    const updater = new CardUpdater({ perform, clock, logger, onError });
    failures.push(new OutboundError('gave up', { status: 503, attempts: 5, retryable: true }));
    let state = 'first';
    updater.request('c', 'm1', () => ({ text: state }));
    await clock.advance(500);
    state = 'second'; // changes while waiting for the retry; no new request needed
    await clock.run(updater.flush());
    expect(sent.map((s) => s.text)).toEqual(['second']);
    expect(sent[0].at).toBeGreaterThanOrEqual(clock.now() - 100);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toMatchObject({ conversationId: 'c', activityId: 'm1', status: 503 });
    expect(onError).not.toHaveBeenCalled();
  });

  it('gives up on a permanent failure (e.g. 404 message deleted) and reports it to onError', async () => {
    const clock = new FakeClock();
    const { perform, sent, failures } = fakePerform(clock);
    const onError = jest.fn();
    const updater = new CardUpdater({ perform, clock, logger: silentLogger(), onError });
    failures.push(new OutboundError('not found', { status: 404, attempts: 1, retryable: false }));
    updater.request('c', 'm1', () => ({ text: 'x' }));
    await clock.run(updater.flush());
    expect(sent).toEqual([]);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0][1]).toMatchObject({ op: 'cardUpdate', conversationId: 'c', activityId: 'm1', gaveUp: true, status: 404 });
    // A later request is still honoured.
    updater.request('c', 'm1', () => ({ text: 'y' }));
    await clock.run(updater.flush());
    expect(sent.map((s) => s.text)).toEqual(['y']);
  });

  it('never drops a card that fails transiently: reports after maxConsecutiveFailures, then shows the latest state', async () => {
    const clock = new FakeClock();
    const { perform, sent, failures } = fakePerform(clock);
    const onError = jest.fn();
    const updater = new CardUpdater({ perform, clock, logger: silentLogger(), onError, maxConsecutiveFailures: 3 });
    for (let i = 0; i < 7; i++) failures.push(new OutboundError('throttled', { status: 429, attempts: 5, retryable: true }));
    failures.push(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    let settled = 0;
    updater.request('c', 'm1', () => ({ text: 'x' }), undefined, undefined, () => settled++);
    await clock.advance(1_500);
    updater.request('c', 'm1', () => ({ text: 'latest' }), undefined, undefined, () => settled++);
    await clock.run(updater.flush());
    expect(sent.map((s) => s.text)).toEqual(['latest']);
    expect(onError).toHaveBeenCalledTimes(2); // after 3 and after 6 failures in a row
    expect(onError.mock.calls[0][1]).toMatchObject({ op: 'cardUpdate', gaveUp: false, retryable: true });
    expect(settled).toBe(2);
  });

  it('calls onSettled once an update covering the request is sent, and on a permanent failure', async () => {
    const clock = new FakeClock();
    const { perform, failures } = fakePerform(clock);
    const updater = new CardUpdater({ perform, clock, logger: silentLogger(), onError: () => undefined });
    const done: string[] = [];
    updater.request('c', 'm1', () => ({ text: 'a' }), undefined, undefined, () => done.push('a'));
    updater.request('c', 'm1', () => ({ text: 'b' }), undefined, undefined, () => done.push('b'));
    expect(done).toEqual([]);
    await clock.run(updater.flush());
    expect(done).toEqual(['a', 'b']);
    failures.push(new OutboundError('gone', { status: 404, attempts: 1, retryable: false }));
    updater.request('c', 'm1', () => ({ text: 'c' }), undefined, undefined, () => done.push('c'));
    await clock.run(updater.flush());
    expect(done).toEqual(['a', 'b', 'c']);
  });

  it('flush waits for pending and in-flight updates of every card', async () => {
    const clock = new FakeClock();
    const { perform, sent } = fakePerform(clock, 300);
    const updater = new CardUpdater({ perform, clock, logger: silentLogger() });
    updater.request('a', '1', () => ({ text: 'a1' }));
    updater.request('b', '2', () => ({ text: 'b2' }));
    await clock.advance(200); // both rendered (at 150 ms) and in flight
    updater.request('a', '1', () => ({ text: 'a1bis' }));
    let flushed = false;
    const f = updater.flush().then(() => {
      flushed = true;
    });
    await clock.advance(200);
    expect(flushed).toBe(false);
    await settle();
    await clock.run(f);
    expect(updater.pending()).toBe(0);
    expect(sent.map((s) => s.text).sort()).toEqual(['a1', 'a1bis', 'b2']);
    const [a1, a1bis] = sent.filter((s) => s.conversationId === 'a');
    expect(a1bis.at - a1.at).toBeGreaterThanOrEqual(1_000);
  });
});
