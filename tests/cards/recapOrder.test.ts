import { recapCard } from '../../src/cards/recap';
import { CafeSim, camille, karim, lea } from '../domain/harness';
import { texts } from './validate';

/** The recap says which video was watched and what the feedback said, in the café's order. */
describe('The recap', () => {
  it('shows the video watched and the feedback summary, in the order the café went', () => {
    const cafe = new CafeSim();
    cafe.do({ type: 'begin' });
    cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
    cafe.give(lea, { kind: 'vote', choice: 'madonna' });
    cafe.nextUntil('choose');
    cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'les-deux' });
    cafe.give(camille, { kind: 'done' });
    cafe.give(lea, { kind: 'done' });
    const video = cafe.step!;
    cafe.nextUntil('feedback');
    cafe.give(lea, { kind: 'feedback', rating: 'tres-bien', again: 'oui' });
    cafe.give(karim, { kind: 'feedback', rating: 'bien' });
    cafe.do({ type: 'end' });
    const text = texts(recapCard({ state: cafe.state, content: cafe.content, contributions: cafe.contributions, locale: 'fr', now: cafe.now }));
    const title = cafe.content.videos.find((v) => v.id === video.ref)!.title;
    const at = (needle: string) => text.indexOf(needle);
    expect(text).toContain(`🎬 ${title}`);
    // The facilitator's own click is not counted.
    expect(text).toContain('1 ont dit avoir fini');
    expect(text).toContain('Les avis');
    expect(text).toContain('Avis reçus : 2');
    expect(text).toContain('😀 Très bien 1 · 🙂 Bien 1');
    // The café's order: the ice breaker's votes, then the video, then the feedback.
    expect(at('Elle est née dans le Michigan')).toBeLessThan(at(`🎬 ${title}`));
    expect(at(`🎬 ${title}`)).toBeLessThan(at('Les avis'));
  });
});
