import { cardText, Stack } from './harness';

/** A café in a meeting chat: the meeting's organizers and presenters drive it, attendees take part. */
describe('Café in a meeting chat', () => {
  const stack = new Stack(`19:meeting_${Date.now()}@thread.v2`, 'MCMeeting-1');
  const camille = () => stack.user('29:camille', 'Camille Martin');
  const paul = () => stack.user('29:paul', 'Paul Organisateur');
  const lea = () => stack.user('29:lea', 'Léa Dubois');
  const karim = () => stack.user('29:karim', 'Karim Benali');

  beforeAll(async () => {
    await stack.start();
    stack.connector.setRole('aad-29:paul', 'Organizer');
    stack.connector.setRole('aad-29:lea', 'Attendee');
  });
  afterAll(() => stack.stop());

  it('lets the organizer drive, refuses an attendee, and asks Teams for roles with the tenant', async () => {
    await camille().say('/startcafe americano');
    await stack.waitForMessage('Au menu');
    const cafe = await stack.cafe();

    const refused = await lea().press({ verb: 'begin', cafe: cafe.id });
    expect(refused.type).toBe('application/vnd.microsoft.activity.message');
    expect((await stack.cafe()).status).toBe('menu');

    const organizerView = await paul().press({ verb: 'refresh', cafe: cafe.id, step: 'menu' });
    expect(cardText(organizerView.value)).toContain('Commencer');
    await paul().press({ verb: 'begin', cafe: cafe.id });
    expect((await stack.cafe()).status).toBe('running');

    const lookups = stack.connector.calls.filter((c) => c.op === 'getParticipant');
    expect(lookups.map((c) => c.participantId)).toEqual(expect.arrayContaining(['aad-29:paul', 'aad-29:lea']));
    expect(lookups.every((c) => c.query.tenantId === 'tenant-1')).toBe(true);
  });

  it('/animateur @Karim hands the role over; /coanimateur needs someone mentioned', async () => {
    await camille().say('/coanimateur');
    await stack.waitForMessage('Mentionnez la personne');
    await camille().say('/animateur', [{ id: '29:karim', name: 'Karim Benali' }]);
    await stack.waitForMessage('Karim Benali anime maintenant le café');
    expect((await stack.cafe()).facilitatorId).toBe('29:karim');
    const view = await karim().press({ verb: 'refresh', cafe: (await stack.cafe()).id, step: 'tasse.choix' });
    expect(cardText(view.value)).toContain('★');
  });
});

describe('When a meeting with Barista starts', () => {
  const stack = new Stack(`19:meeting_start_${Date.now()}@thread.v2`, 'MCMeeting-2');
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('offers /menu with a short card', async () => {
    const organizer = stack.user('29:paul', 'Paul Organisateur');
    const event = { ...organizer.messageActivity(''), type: 'event', name: 'application/vnd.microsoft.meetingStart', value: { Id: 'MCMeeting-2', Title: 'Café' }, text: undefined, entities: undefined };
    expect((await organizer.post(event)).status).toBe(200);
    const card = await stack.waitForMessage('Avez-vous plus de 30 minutes');
    expect(cardText(card)).toContain("Animer un café de la data ou de l'IA");
  });
});
