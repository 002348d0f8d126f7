import { parseEvent, readEvent } from '../../../src/channel/tchap/events';

const BOT = '@barista:tchap.gouv.fr';
const base = { event_id: '$e1', sender: '@lea:tchap.gouv.fr', room_id: '!cafe:tchap.gouv.fr', origin_server_ts: 1_700_000_000_000 };
const read = (type: string, content: unknown, over: Record<string, unknown> = {}) => {
  const e = parseEvent({ ...base, type, content, ...over });
  return e && readEvent(e, BOT);
};

describe('the Matrix events Barista reads', () => {
  it('a message, its mentions, and whether it answers in a step\'s thread', () => {
    expect(read('m.room.message', { msgtype: 'm.text', body: '!startcafe americano' })).toEqual({ kind: 'message', body: '!startcafe americano', mentions: [] });
    expect(read('m.room.message', {
      msgtype: 'm.text', body: 'Ouvrir les données des mairies',
      'm.relates_to': { rel_type: 'm.thread', event_id: '$step', 'm.in_reply_to': { event_id: '$step' } },
      'm.mentions': { user_ids: [BOT] },
    })).toEqual({ kind: 'message', body: 'Ouvrir les données des mairies', mentions: [BOT], thread: '$step', replyTo: '$step' });
  });

  it('a room of version 12, whose id names no server', () => {
    expect(read('m.room.message', { msgtype: 'm.text', body: '!aide' }, { room_id: '!LSsvBzhp3BGYyRasu06qNRh2Rehv0dPsLYb8T8P8hMo' })).toEqual({ kind: 'message', body: '!aide', mentions: [] });
  });

  it('a poll response and a reaction', () => {
    expect(read('org.matrix.msc3381.poll.response', { 'm.relates_to': { rel_type: 'm.reference', event_id: '$poll' }, 'org.matrix.msc3381.poll.response': { answers: ['madonna'] } }))
      .toEqual({ kind: 'poll-response', pollEventId: '$poll', answerId: 'madonna' });
    expect(read('m.reaction', { 'm.relates_to': { rel_type: 'm.annotation', event_id: '$video', key: '✅' } })).toEqual({ kind: 'reaction', to: '$video', key: '✅' });
  });

  it('ignores Barista\'s own events, edits, other event types and broken ones', () => {
    expect(read('m.room.message', { msgtype: 'm.text', body: '!suivant' }, { sender: BOT })).toEqual({ kind: 'ignore' });
    expect(read('m.room.message', { msgtype: 'm.text', body: '* !suivant', 'm.new_content': { body: '!suivant' }, 'm.relates_to': { rel_type: 'm.replace', event_id: '$e0' } })).toEqual({ kind: 'ignore' });
    expect(read('m.room.member', { membership: 'join' })).toEqual({ kind: 'ignore' });
    expect(read('m.room.message', { msgtype: 'm.image', body: 'photo.jpg' })).toEqual({ kind: 'ignore' });
    expect(read('m.reaction', { 'm.relates_to': { rel_type: 'm.annotation', event_id: 'not-an-event', key: '✅' } })).toEqual({ kind: 'ignore' });
    // Not an event at all: a forged sender, a room id that is not one, no content
    expect(parseEvent({ ...base, type: 'm.room.message', sender: 'lea', content: {} })).toBeUndefined();
    expect(parseEvent({ ...base, type: 'm.room.message', room_id: 'cafe', content: {} })).toBeUndefined();
    expect(parseEvent({ ...base, type: 'm.room.message', room_id: '!ca fe', content: {} })).toBeUndefined();
    expect(parseEvent({ ...base, type: 'm.room.message' })).toBeUndefined();
    expect(parseEvent(null)).toBeUndefined();
  });
});
