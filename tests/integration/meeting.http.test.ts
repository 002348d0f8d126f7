import { guideFr } from '../../src/content';
import { composables } from '../../src/domain';
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
    // The guide's tree starts with its first question (L181).
    const card = await stack.waitForMessage("Vous souhaitez organiser un café de la data ou de l'IA avec vos collègues ?");
    expect(cardText(card)).toContain("Animer un café de la data ou de l'IA");
  });
});

describe('In-meeting notifications', () => {
  const stack = new Stack(`19:meeting_notify_${Date.now()}@thread.v2`, 'MCMeeting-3', { publicUrl: 'https://barista.example.fr' });
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('tells the facilitator privately when everyone has finished the video, besides the chat message', async () => {
    const camille = stack.user('29:camille', 'Camille Martin');
    const lea = stack.user('29:lea', 'Léa Dubois');
    // The meeting chat's roster: Camille (who facilitates), Léa and Barista.
    stack.connector.setMembers(stack.conversationId, [{ id: '29:camille', name: 'Camille Martin' }, { id: '29:lea', name: 'Léa Dubois' }, { id: '28:barista', name: 'Barista' }]);
    // A café of a video alone (sur-mesure), to reach the viewing pause at once.
    const videoOnly = composables(guideFr).cafe.find((c) => c.activities[0] === 'video-open-data')!.key;
    await camille.press({ verb: 'compose', composeTasse: '', composeCafe: videoOnly, composeChocolat: '', composeSucre: '' });
    await stack.waitForMessage('Au menu');
    const cafe = await stack.cafe();
    expect(cafe.meetingId).toBe('MCMeeting-3');
    await camille.press({ verb: 'begin', cafe: cafe.id });
    const video = (await stack.cafe()).steps[(await stack.cafe()).cursor];
    expect(video.kind).toBe('video');
    await lea.press({ verb: 'done', cafe: cafe.id, step: video.id });
    await stack.connector.waitFor((f) => f.notifications('MCMeeting-3').length > 0, 8000);
    const [notice] = stack.connector.notifications('MCMeeting-3') as Array<{ type: string; value: { recipients: string[]; surfaces: Array<{ surface: string; content: { value: { url: string } } }> } }>;
    expect(notice.type).toBe('targetedMeetingNotification');
    expect(notice.value.recipients).toEqual(['29:camille']);
    expect(notice.value.surfaces[0].surface).toBe('meetingStage');
    const url = new URL(notice.value.surfaces[0].content.value.url);
    expect(url.origin + url.pathname).toBe('https://barista.example.fr/notice');
    expect(stack.texts().some((t) => t.includes('Tout le monde a fini'))).toBe(true);

    const page = await fetch(`${stack.app.url}/notice${url.search}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Tout le monde a fini de regarder la vidéo.');
    expect((await fetch(`${stack.app.url}/notice?m=<script>`)).status).toBe(404);
  });
});
