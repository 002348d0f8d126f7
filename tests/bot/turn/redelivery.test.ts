import { ActionDataSchema, type ActionData } from '../../../src/cards/actions';
import { renderScene } from '../../../src/channel/teams/render';
import { guideFr } from '../../../src/content';
import type { Actor } from '../../../src/domain';
import { KeptStore, MemoryStore } from '../../../src/store';
import { camille, karim, lea, PipelineHarness, sceneOf } from './harness';

const POLL = 'tasse.madonna.annees-80';

/** A button pressed by `actor`, delivered with the activity's id and the time the person acted. */
function pressAt(h: PipelineHarness, actor: Actor, data: Partial<ActionData> & Record<string, unknown>, activityId: string, at: number) {
  return h.pipeline.run({ ...h.turn(actor, { kind: 'action', data: ActionDataSchema.parse(data), via: 'execute' }, activityId), at });
}

/** Every `text` of a card, one a line. */
function texts(card: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k === 'text' && typeof x === 'string' ? out.push(x) : walk(x));
  };
  walk(card);
  return `${out.join('\n')}\n`;
}

/** The card a reply shows, as text. */
const shown = (reply: Awaited<ReturnType<typeof pressAt>>) => JSON.stringify(renderScene(sceneOf(reply), guideFr));

describe.each([
  ['memory store (the cards count the votes)', () => new PipelineHarness()],
  ['kept store (the vote tally, SQLite mode)', () => new PipelineHarness({ store: new KeptStore(new MemoryStore()), deps: { singleWriter: true } })],
])('A late re-delivery of a vote, through the pipeline: %s', (_name, make) => {
  it('is answered with the newest answer, asks for no card update, and changes nothing stored', async () => {
    const h = make();
    const cafeId = await h.atMadonnaPoll();
    await pressAt(h, lea, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'donnee' }, 'act-a', h.now - 3_000);
    await pressAt(h, lea, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'madonna' }, 'act-b', h.now - 1_000);
    await pressAt(h, karim, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'madonna' }, 'act-k', h.now - 500);
    await h.drain();
    h.channel.clear();
    h.counter.reset();

    const again = shown(await pressAt(h, lea, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'donnee' }, 'act-a', h.now - 3_000));
    expect(again).toContain('Votre choix : Madonna');
    expect(again).not.toContain('Votre choix : Ma donnée');
    const duplicate = shown(await pressAt(h, lea, { verb: 'vote', cafe: cafeId, step: POLL, choice: 'madonna' }, 'act-b', h.now - 1_000));
    expect(duplicate).toContain('Votre choix : Madonna');
    await h.drain();
    expect(h.channel.of('update')).toEqual([]);
    expect((await h.store.listContributions(cafeId, POLL)).map((c) => [c.userId, c.value])).toEqual([
      ['u-lea', { kind: 'vote', choice: 'madonna' }],
      ['u-karim', { kind: 'vote', choice: 'madonna' }],
    ]);

    // Revealed, the shared card counts two Madonna, no Ma donnée.
    await h.press(camille, { verb: 'reveal', cafe: cafeId, step: POLL });
    await h.drain();
    const card = texts(renderScene(h.channel.of('update').at(-1)!.scene, guideFr));
    expect(card).toMatch(/Ma donnée\n░+ 0\n/);
    expect(card).toMatch(/Madonna\n█+░* 2\n/);
    expect(card).toMatch(/Les deux\n░+ 0\n/);
  });
});
