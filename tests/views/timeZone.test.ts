import { ActivitySchema, timeZoneOf } from '../../src/bot/parse';
import { stepCard } from '../../src/cards';
import { startCafe } from '../../src/domain';
import { boardSnapshot } from '../../src/tab/snapshot';
import { CafeSim, camille } from '../domain/harness';
import { texts } from '../cards/validate';

/** Clock times are in the facilitator's time zone (Teams sends it), and the card and the board say the same. */
describe("The facilitator's time zone", () => {
  const activity = (extra: Record<string, unknown>) => ActivitySchema.parse({
    type: 'message', from: { id: 'u' }, conversation: { id: 'c' }, recipient: { id: 'b' }, serviceUrl: 'http://x', channelId: 'msteams', ...extra,
  });

  it("is read from the activity's localTimezone, else Teams' clientInfo entity; a name that is not a time zone is ignored", () => {
    expect(timeZoneOf(activity({ localTimezone: 'America/Cayenne' }))).toBe('America/Cayenne');
    expect(timeZoneOf(activity({ entities: [{ type: 'clientInfo', locale: 'fr-FR', timezone: 'Indian/Reunion' }] }))).toBe('Indian/Reunion');
    expect(timeZoneOf(activity({ localTimezone: 'Mars/Olympus', entities: [{ type: 'clientInfo', timezone: 'Pacific/Noumea' }] }))).toBe('Pacific/Noumea');
    expect(timeZoneOf(activity({}))).toBeUndefined();
  });

  it('is kept on the café when the facilitator starts it', () => {
    const state = startCafe(
      { type: 'start', formulaId: 'americano', variant: 'avec-sucre', cafeId: 'c1', conversationId: 'conv', serviceUrl: 'http://x', botId: 'b', channelId: 'msteams' },
      { actor: { ...camille, timeZone: 'Indian/Reunion' }, content: new CafeSim().content, now: 0 },
    );
    expect(state).toMatchObject({ timeZone: 'Indian/Reunion' });
  });

  it('the video card and the board give the same end time, in that zone (Paris when unknown)', () => {
    for (const [zone, expected] of [['Indian/Reunion', '14:05'], [undefined, '11:05']] as const) {
      const cafe = new CafeSim();
      if (zone) cafe.state.timeZone = zone;
      cafe.now = Date.UTC(2026, 11, 2, 10, 0, 0); // 11:00 in Paris, 14:00 in La Réunion
      cafe.do({ type: 'begin' });
      cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
      cafe.nextUntil('choose');
      cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'les-deux' }); // the first video: 5 minutes
      const step = cafe.step!;
      const card = texts(stepCard({ state: cafe.state, step, content: cafe.content, contributions: [], viewer: { isFacilitator: false, locale: 'fr' }, now: cafe.now }));
      expect(card).toContain(`Fin du visionnage à ${expected}`);
      expect(boardSnapshot(cafe.state, [], cafe.content, cafe.now).step?.timer?.until).toBe(expected);
    }
  });
});
