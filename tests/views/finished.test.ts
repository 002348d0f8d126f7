import { stepCard } from '../../src/cards';
import { exportJson } from '../../src/export';
import { boardSnapshot } from '../../src/tab/snapshot';
import { stepView } from '../../src/views';
import { CafeSim, camille, karim, lea, sophie } from '../domain/harness';
import { texts } from '../cards/validate';

/**
 * One figure for who finished the video, the facilitator never counted: the card, the board and
 * the export say the same, from the conversation's members when they are known.
 */
describe('Who finished the video: the same figure everywhere', () => {
  function atVideo(): CafeSim {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
    cafe.give(lea, { kind: 'vote', choice: 'madonna' });
    cafe.nextUntil('choose');
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'les-deux' });
    // The facilitator clicks too: she is not counted anywhere.
    cafe.give(camille, { kind: 'done' });
    cafe.give(lea, { kind: 'done' });
    return cafe;
  }
  const members = [camille.id, lea.id, karim.id, sophie.id, 'bot'];

  it('card, board snapshot and export: 1 of 3 (Léa; Karim and Sophie still watching; Camille and Barista aside)', () => {
    const cafe = atVideo();
    const step = cafe.step!;
    const input = { state: cafe.state, step, content: cafe.content, contributions: cafe.contributions, members, now: cafe.now };
    const view = stepView({ ...input, viewer: { isFacilitator: false, locale: 'fr' } });
    expect(view).toMatchObject({ kind: 'video', finished: 1, people: 3, peopleKnown: true });
    expect(texts(stepCard({ ...input, viewer: { isFacilitator: false, locale: 'fr' } }))).toContain('1 / 3 ont fini');
    expect(texts(stepCard({ ...input, viewer: { isFacilitator: true, userId: camille.id, locale: 'fr' } }))).toContain('1 / 3 ont fini');
    expect(boardSnapshot(cafe.state, cafe.contributions, cafe.content, cafe.now, members).step?.video).toMatchObject({ done: 1, expected: 3 });
    const exported = exportJson(cafe.state, cafe.contributions, cafe.content, cafe.now, members).steps.find((s) => s.stepId === step.id);
    expect(exported).toMatchObject({ kind: 'video', finished: 1 });
  });

  it('roster unknown: the same count of people who said so (the facilitator aside), and no total', () => {
    const cafe = atVideo();
    const step = cafe.step!;
    const input = { state: cafe.state, step, content: cafe.content, contributions: cafe.contributions, now: cafe.now };
    expect(stepView({ ...input, viewer: { isFacilitator: false, locale: 'fr' } })).toMatchObject({ kind: 'video', finished: 1, peopleKnown: false });
    expect(texts(stepCard({ ...input, viewer: { isFacilitator: false, locale: 'en' } }))).toContain('1 said they have finished');
    const board = boardSnapshot(cafe.state, cafe.contributions, cafe.content, cafe.now).step?.video;
    expect(board?.done).toBe(1);
    expect(board?.expected).toBeUndefined();
    expect(exportJson(cafe.state, cafe.contributions, cafe.content, cafe.now).steps.find((s) => s.stepId === step.id)).toMatchObject({ finished: 1 });
  });
});
