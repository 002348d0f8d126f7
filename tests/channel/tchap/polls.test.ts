import { parsePollResponse, pollEndContent, pollStartContent, POLL_START } from '../../../src/channel/tchap/polls';

describe('Matrix polls, as Element and Tchap send them', () => {
  const choices = [{ id: 'donnee', label: 'Ma donnée' }, { id: 'madonna', label: 'Madonna' }, { id: 'les-deux', label: 'Les deux' }];

  it('a quiz is undisclosed until its end, a live poll disclosed; a client without polls reads the fallback', () => {
    const quiz = pollStartContent({ question: 'Elle est née dans le Michigan', choices, disclosed: false }) as Record<string, { kind: string; answers: unknown[]; max_selections: number }>;
    expect(quiz[POLL_START]!.kind).toBe('org.matrix.msc3381.poll.undisclosed');
    expect(quiz[POLL_START]!.max_selections).toBe(1);
    expect(quiz[POLL_START]!.answers).toEqual([
      { id: 'donnee', 'org.matrix.msc1767.text': 'Ma donnée' },
      { id: 'madonna', 'org.matrix.msc1767.text': 'Madonna' },
      { id: 'les-deux', 'org.matrix.msc1767.text': 'Les deux' },
    ]);
    expect(quiz['org.matrix.msc1767.text']).toBe('Elle est née dans le Michigan\n1. Ma donnée\n2. Madonna\n3. Les deux');
    const live = pollStartContent({ question: 'D’accord ?', choices, disclosed: true }) as Record<string, { kind: string }>;
    expect(live[POLL_START]!.kind).toBe('org.matrix.msc3381.poll.disclosed');
    expect(pollEndContent('$start', 'Réponse : Madonna')).toEqual({
      'm.relates_to': { rel_type: 'm.reference', event_id: '$start' },
      'org.matrix.msc3381.poll.end': {},
      'org.matrix.msc1767.text': 'Réponse : Madonna',
    });
  });

  it('reads a response of either namespace; a withdrawn vote has no answer; anything else is not a response', () => {
    const relates = { 'm.relates_to': { rel_type: 'm.reference', event_id: '$poll' } };
    expect(parsePollResponse('org.matrix.msc3381.poll.response', { ...relates, 'org.matrix.msc3381.poll.response': { answers: ['madonna'] } })).toEqual({ pollEventId: '$poll', answerId: 'madonna' });
    expect(parsePollResponse('m.poll.response', { ...relates, 'm.poll.response': { answers: ['donnee'] } })).toEqual({ pollEventId: '$poll', answerId: 'donnee' });
    expect(parsePollResponse('m.poll.response', { ...relates, 'm.poll.response': { answers: [] } })).toEqual({ pollEventId: '$poll' });
    // Forged or broken: not a reference, no poll, a huge answer, another event type
    expect(parsePollResponse('m.poll.response', { 'm.relates_to': { rel_type: 'm.thread', event_id: '$poll' }, 'm.poll.response': { answers: ['x'] } })).toBeUndefined();
    expect(parsePollResponse('m.poll.response', { ...relates })).toBeUndefined();
    expect(parsePollResponse('m.poll.response', { ...relates, 'm.poll.response': { answers: ['x'.repeat(500)] } })).toBeUndefined();
    expect(parsePollResponse('m.room.message', { ...relates, 'm.poll.response': { answers: ['x'] } })).toBeUndefined();
    expect(parsePollResponse('m.poll.response', null)).toBeUndefined();
  });
});
