import {
  answerToRefusal, CONFIRM_MS, confirmationValid, facilitators, followUp, parsePosition, withNotices,
  type Contribution,
} from '../../src/domain';
import { isRedelivery } from '../../src/domain/turnRules';
import type { CafeState } from '../../src/domain/types';
import { CafeSim, camille, karim, lea } from './harness';

describe('Who is told what, and when', () => {
  it('time is up and everyone has finished: the chat hears it, and the facilitators privately too', () => {
    expect(withNotices([{ type: 'say', key: 'timeUp' }, { type: 'update-step', stepId: 's' }])).toEqual([
      { type: 'say', key: 'timeUp' }, { type: 'notify-facilitator', key: 'timeUp' }, { type: 'update-step', stepId: 's' },
    ]);
    expect(withNotices([{ type: 'say', key: 'allDone' }])).toContainEqual({ type: 'notify-facilitator', key: 'allDone' });
    // A pause is said in the chat only.
    expect(withNotices([{ type: 'say', key: 'paused' }])).toEqual([{ type: 'say', key: 'paused' }]);
  });

  it('the private notices go to the facilitator and the co-facilitators', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'add-cofacilitator', who: { id: lea.id, name: lea.name } });
    expect(facilitators(cafe.state)).toEqual([camille.id, lea.id]);
  });
});

describe('Everyone has finished the video', () => {
  function atVideo(): CafeSim {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
    cafe.give(lea, { kind: 'vote', choice: 'madonna' });
    cafe.give(karim, { kind: 'vote', choice: 'donnee' });
    cafe.nextUntil('choose');
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'les-deux' });
    return cafe;
  }
  const people = (cafe: CafeSim) => [...new Set(cafe.contributions.map((c) => c.userId))];
  const last = (cafe: CafeSim): Contribution => cafe.contributions[cafe.contributions.length - 1];

  const room = [camille.id, lea.id, karim.id, 'bot'];

  it("the last 'J'ai fini' of the chat's members announces it; not before", () => {
    const cafe = atVideo();
    const video = cafe.step!.id;
    cafe.give(lea, { kind: 'done' });
    expect(followUp(cafe.state, last(cafe), room, people(cafe), cafe.contributions)).toBeUndefined();
    cafe.give(karim, { kind: 'done' });
    expect(followUp(cafe.state, last(cafe), room, people(cafe), cafe.contributions)).toEqual({ type: 'all-done', stepId: video });
  });

  it('a member who has not done anything yet is waited for: one click is not everyone (the video first)', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    cafe.nextUntil('choose');
    cafe.nextUntil('video');
    cafe.give(lea, { kind: 'done' });
    // Only Léa did something in the café, but Karim is in the chat, still watching.
    expect(followUp(cafe.state, last(cafe), room, people(cafe), cafe.contributions)).toBeUndefined();
  });

  it('without the roster, Barista never says everyone finished', () => {
    const cafe = atVideo();
    cafe.give(lea, { kind: 'done' });
    cafe.give(karim, { kind: 'done' });
    expect(followUp(cafe.state, last(cafe), undefined, people(cafe), cafe.contributions)).toBeUndefined();
  });

  it('the facilitator is not waited for, and once announced it is not announced again', () => {
    const cafe = atVideo();
    cafe.give(lea, { kind: 'done' });
    cafe.give(karim, { kind: 'done' });
    const everyone = [camille.id, ...people(cafe)];
    expect(followUp(cafe.state, last(cafe), room, everyone, cafe.contributions)).toMatchObject({ type: 'all-done' });
    cafe.do({ type: 'all-done', stepId: cafe.step!.id });
    expect(followUp(cafe.state, last(cafe), room, everyone, cafe.contributions)).toBeUndefined();
  });

  it('a vote triggers nothing', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
    cafe.give(lea, { kind: 'vote', choice: 'madonna' });
    expect(followUp(cafe.state, last(cafe), room, [lea.id], cafe.contributions)).toBeUndefined();
  });
});

describe('/effacer: the confirmation holds ten minutes', () => {
  const at = Date.UTC(2026, 10, 22, 9, 0, 0);
  it('is valid up to ten minutes after it was shown, and not from far in the future', () => {
    expect(confirmationValid(at, at)).toBe(true);
    expect(confirmationValid(at, at + CONFIRM_MS)).toBe(true);
    expect(confirmationValid(at, at + CONFIRM_MS + 1)).toBe(false);
    expect(confirmationValid(at + 30_000, at)).toBe(true);
    expect(confirmationValid(at + 61_000, at)).toBe(false);
  });
});

describe('A re-delivered activity', () => {
  it('a button gets its view again, a text command nothing; another refusal is explained', () => {
    expect(answerToRefusal({ refused: 'duplicate' }, 'button')).toBe('view');
    expect(answerToRefusal({ refused: 'duplicate' }, 'text')).toBe('nothing');
    expect(answerToRefusal({ refused: 'not-facilitator' }, 'button')).toBe('explain');
    expect(answerToRefusal({ refused: 'stale-step' }, 'text')).toBe('explain');
  });
});

describe('The network position', () => {
  it('reads "lat, lon" with points or commas; empty is none; anything else is refused', () => {
    expect(parsePosition('48.9566, 4.3631')).toEqual({ lat: 48.9566, lon: 4.3631 });
    expect(parsePosition('48,9566 ; 4,3631')).toEqual({ lat: 48.9566, lon: 4.3631 });
    expect(parsePosition('  ')).toBeUndefined();
    expect(parsePosition('Reims')).toBeNull();
    expect(parsePosition('91, 4')).toBeNull();
  });
});

describe('isRedelivery', () => {
  const state = { startActivityId: 'act-start', recentActivityIds: ['act-next'] } as unknown as CafeState;
  it('the activity that started the café, or a recent command’s, delivered again', () => {
    expect(isRedelivery(state, 'act-start')).toBe(true);
    expect(isRedelivery(state, 'act-next')).toBe(true);
  });
  it('another activity, or none, is a genuine request', () => {
    expect(isRedelivery(state, 'act-other')).toBe(false);
    expect(isRedelivery(state, undefined)).toBe(false);
    expect(isRedelivery({ ...state, startActivityId: undefined }, 'act-start')).toBe(false);
  });
});
