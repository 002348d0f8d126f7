import { actedAt, contribute, isRefusal, MAX_CLOCK_SKEW_MS, questionOf, replaces, type Contribution } from '../../src/domain';
import { activityTimeOf, ActivitySchema } from '../../src/bot/parse';
import { CafeSim, lea } from './harness';

/**
 * Teams re-delivers an invoke whose answer was slow, with its original id and timestamp: a
 * person's answers are ordered by when they acted, not by when they arrived, and a duplicate
 * counts once (issue 15).
 */

const vote = (choice: string, activityId: string | undefined, at: number): Contribution => ({
  cafeId: 'c', stepId: 's', kind: 'vote', key: 'u1', userId: 'u1', value: { kind: 'vote', choice }, at, ...(activityId ? { activityId } : {}),
});

describe('replaces: which of one key\'s two records is kept', () => {
  it('a newer answer replaces an older one; an older one (a late re-delivery) does not', () => {
    expect(replaces(vote('B', 'b', 200), vote('A', 'a', 100))).toBe(true);
    expect(replaces(vote('A', 'a', 100), vote('B', 'b', 200))).toBe(false);
  });

  it('the same activity again changes nothing, whenever it is received', () => {
    expect(replaces(vote('A', 'a', 100), vote('A', 'a', 100))).toBe(false);
    expect(replaces(vote('A', 'a', 900), vote('A', 'a', 100))).toBe(false);
  });

  it('another activity of the same instant: the later delivery wins', () => {
    expect(replaces(vote('B', 'b', 100), vote('A', 'a', 100))).toBe(true);
    expect(replaces(vote('B', undefined, 100), vote('A', undefined, 100))).toBe(true);
  });

  it('a multi-valued record (keyed by its activity) is never replaced: a retry counts once', () => {
    const postit: Contribution = { cafeId: 'c', stepId: 's', kind: 'postit', key: 'act-1', userId: 'u1', value: { kind: 'postit', column: 'x', postitKind: 'y', text: 't' }, at: 100, activityId: 'act-1' };
    expect(replaces({ ...postit, at: 200 }, postit)).toBe(false);
    expect(replaces({ ...postit, activityId: undefined, at: 200 }, { ...postit, activityId: undefined })).toBe(false);
  });
});

describe('actedAt: the time a contribution is ordered by', () => {
  const now = 1_800_000_000_000;
  it("is the activity's time when it gives one, even long past (a re-delivery)", () => {
    expect(actedAt(now - 60_000, now)).toBe(now - 60_000);
    expect(actedAt(now + 1_000, now)).toBe(now + 1_000);
  });

  it('never trusts a time far in the future: clamped to now + the skew', () => {
    expect(actedAt(now + 3_600_000, now)).toBe(now + MAX_CLOCK_SKEW_MS);
  });

  it('is the receive clock when the activity gives no valid time', () => {
    expect(actedAt(undefined, now)).toBe(now);
    expect(actedAt(Number.NaN, now)).toBe(now);
    expect(actedAt(0, now)).toBe(now);
  });

  it('is what contribute() records, with the activity id', () => {
    const sim = new CafeSim();
    sim.do({ type: 'begin' });
    sim.nextUntil('poll');
    const step = sim.step!;
    const choice = questionOf(step, sim.content)?.choices[0]?.id;
    const rec = contribute(sim.state, { stepId: step.id, value: { kind: 'vote', choice: choice ?? '' }, activityId: 'act-7', at: sim.now - 5_000 }, lea, sim.content, sim.now);
    if (isRefusal(rec)) throw new Error(`refused: ${rec.refused} ${rec.detail ?? ''}`);
    expect(rec).toMatchObject({ at: sim.now - 5_000, activityId: 'act-7', key: lea.id });
    const late = contribute(sim.state, { stepId: step.id, value: { kind: 'vote', choice: choice ?? '' }, activityId: 'act-8' }, lea, sim.content, sim.now);
    expect(late).toMatchObject({ at: sim.now });
  });
});

describe("the activity's timestamp, read at the edge", () => {
  const base = { type: 'invoke', from: { id: 'u' }, conversation: { id: 'c' }, recipient: { id: 'b' }, serviceUrl: 'http://x', channelId: 'msteams' };
  it('reads an ISO string (the wire) and a Date (botbuilder has read the activity)', () => {
    expect(activityTimeOf(ActivitySchema.parse({ ...base, timestamp: '2026-11-22T09:00:00.123Z' }))).toBe(Date.UTC(2026, 10, 22, 9, 0, 0, 123));
    expect(activityTimeOf(ActivitySchema.parse({ ...base, timestamp: new Date(Date.UTC(2026, 10, 22, 9)) }))).toBe(Date.UTC(2026, 10, 22, 9));
  });

  it('drops a timestamp that is not a time, and still reads the activity', () => {
    for (const timestamp of ['not a date', 42, new Date(Number.NaN), { at: 1 }, undefined]) {
      const parsed = ActivitySchema.safeParse({ ...base, timestamp });
      expect(parsed.success).toBe(true);
      expect(activityTimeOf(parsed.data!)).toBeUndefined();
    }
  });
});
