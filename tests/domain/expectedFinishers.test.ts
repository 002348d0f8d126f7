import { allFinished, expectedFinishers, finishedCount, type Contribution } from '../../src/domain';
import { CafeSim, camille, karim, lea, sophie } from './harness';

/**
 * Who is expected to finish the video: the conversation's members (the chat's roster, or the
 * meeting's participants), Barista and the facilitator aside; without the roster, the people who
 * did something in the café, and then nobody may say "everyone".
 */
describe('Who is expected to finish the video', () => {
  function atVideo(): { cafe: CafeSim; video: string } {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
    cafe.nextUntil('choose');
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'les-deux' });
    return { cafe, video: cafe.step!.id };
  }
  const contributors = (cs: Contribution[]) => cs.map((c) => c.userId);

  it('in a group chat with its roster: every member but Barista and the facilitator, even those who did nothing yet', () => {
    const { cafe, video } = atVideo();
    cafe.give(lea, { kind: 'done' });
    const expected = expectedFinishers(cafe.state, ['bot', camille.id, lea.id, karim.id, sophie.id], contributors(cafe.contributions));
    expect(expected).toEqual({ people: [lea.id, karim.id, sophie.id], known: true });
    expect(finishedCount(expected, cafe.contributions, video)).toBe(1);
    expect(allFinished(expected, cafe.contributions, video)).toBe(false);
    cafe.give(karim, { kind: 'done' });
    cafe.give(sophie, { kind: 'done' });
    expect(allFinished(expected, cafe.contributions, video)).toBe(true);
  });

  it("in a meeting: the meeting's participants are the members; the facilitator's own click changes nothing", () => {
    const { cafe, video } = atVideo();
    cafe.give(camille, { kind: 'done' });
    cafe.give(lea, { kind: 'done' });
    const expected = expectedFinishers(cafe.state, [camille.id, lea.id, karim.id], contributors(cafe.contributions));
    expect(expected.people).toEqual([lea.id, karim.id]);
    expect(finishedCount(expected, cafe.contributions, video)).toBe(1);
    expect(allFinished(expected, cafe.contributions, video)).toBe(false);
  });

  it('a member who left is not waited for, even if they took part', () => {
    const { cafe, video } = atVideo();
    cafe.give(lea, { kind: 'done' });
    // Karim left the chat: the roster no longer has him.
    const expected = expectedFinishers(cafe.state, [camille.id, lea.id], [...contributors(cafe.contributions), karim.id]);
    expect(expected.people).toEqual([lea.id]);
    expect(allFinished(expected, cafe.contributions, video)).toBe(true);
  });

  it('roster unknown: the people who did something count, and "everyone" is never said', () => {
    const { cafe, video } = atVideo();
    cafe.give(lea, { kind: 'done' });
    const expected = expectedFinishers(cafe.state, undefined, [camille.id, ...contributors(cafe.contributions), 'bot']);
    expect(expected).toEqual({ people: [lea.id], known: false });
    expect(finishedCount(expected, cafe.contributions, video)).toBe(1);
    expect(allFinished(expected, cafe.contributions, video)).toBe(false);
  });

  it('nobody expected (the facilitator alone with Barista): nobody finished "everyone"', () => {
    const { cafe, video } = atVideo();
    cafe.give(camille, { kind: 'done' });
    const expected = expectedFinishers(cafe.state, [camille.id, 'bot'], contributors(cafe.contributions));
    expect(expected.people).toEqual([]);
    expect(allFinished(expected, cafe.contributions, video)).toBe(false);
  });
});
