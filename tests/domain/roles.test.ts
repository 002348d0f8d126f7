import { canFacilitate } from '../../src/domain';
import { CafeSim, camille, karim, lea } from './harness';

describe('Who drives the café', () => {
  it('is whoever started it, outside meetings', () => {
    const cafe = new CafeSim();
    expect(canFacilitate(cafe.state, camille)).toBe(true);
    expect(canFacilitate(cafe.state, lea)).toBe(false);
  });

  it('in a meeting, organizers and presenters drive it too; attendees take part', () => {
    const cafe = new CafeSim();
    expect(cafe.run({ type: 'begin' }, { ...lea, meetingRole: 'Attendee' })).toEqual({ refused: 'not-facilitator' });
    expect(cafe.run({ type: 'begin' }, { ...lea, meetingRole: 'Presenter' })).toBeUndefined();
    expect(cafe.state.status).toBe('running');
  });

  it('/animateur @Léa hands the role over: Léa drives, Camille no longer does', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'hand-over', to: { id: lea.id, name: lea.name } });
    expect(cafe.state.facilitatorId).toBe(lea.id);
    expect(cafe.effects).toContainEqual({ type: 'say', key: 'handedOver', params: { name: 'Léa' } });
    expect(cafe.run({ type: 'begin' }, camille)).toEqual({ refused: 'not-facilitator' });
    expect(cafe.run({ type: 'begin' }, lea)).toBeUndefined();
  });

  it('/coanimateur @Karim adds a co-facilitator, once', () => {
    const cafe = new CafeSim();
    expect(cafe.run({ type: 'begin' }, karim)).toEqual({ refused: 'not-facilitator' });
    cafe.do({ type: 'add-cofacilitator', who: { id: karim.id, name: karim.name } });
    expect(cafe.run({ type: 'add-cofacilitator', who: { id: karim.id, name: karim.name } })).toEqual({ refused: 'duplicate' });
    expect(cafe.run({ type: 'begin' }, karim)).toBeUndefined();
    expect(canFacilitate(cafe.state, camille)).toBe(true);
  });
});
