import { canFacilitate } from '../../../src/domain/decide';
import { powerOf, roleOf } from '../../../src/channel/tchap/roles';
import { CafeSim } from '../../domain/harness';

const levels = { users: { '@camille:tchap.gouv.fr': 100, '@karim:tchap.gouv.fr': 50, '@lea:tchap.gouv.fr': 0 }, users_default: 0 };

describe('who drives a café in a Tchap room', () => {
  it('the room\'s admins and moderators, as a meeting\'s organizers and presenters', () => {
    expect(roleOf(levels, '@camille:tchap.gouv.fr')).toBe('Organizer');
    expect(roleOf(levels, '@karim:tchap.gouv.fr')).toBe('Presenter');
    expect(roleOf(levels, '@lea:tchap.gouv.fr')).toBe('Attendee');
    expect(roleOf(levels, '@nina:tchap.gouv.fr')).toBe('Attendee');
    expect(roleOf({ users_default: 50 }, '@nina:tchap.gouv.fr')).toBe('Presenter');
    // The domain's rule is the door's: a moderator may drive a café someone else started
    const cafe = new CafeSim();
    expect(canFacilitate(cafe.state, { id: '@karim:tchap.gouv.fr', name: 'Karim', locale: 'fr', meetingRole: roleOf(levels, '@karim:tchap.gouv.fr') })).toBe(true);
    expect(canFacilitate(cafe.state, { id: '@lea:tchap.gouv.fr', name: 'Léa', locale: 'fr', meetingRole: roleOf(levels, '@lea:tchap.gouv.fr') })).toBe(false);
  });

  it('malformed power levels give nobody any power', () => {
    expect(powerOf({ users: { '@x:y': 'admin' } }, '@x:y')).toBe(0);
    expect(powerOf(null, '@x:y')).toBe(0);
    expect(powerOf({ users: {} }, 'constructor')).toBe(0);
  });
});
