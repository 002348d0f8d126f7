import { ActionDataSchema } from '../../../src/cards/actions';
import { actionRoutes, textRoutes } from '../../../src/bot/turn/routes';
import { t } from '../../../src/i18n';
import { camille, karim, lea, messageOf, PipelineHarness, sceneOf } from './harness';

describe('The route table', () => {
  it('has one route per card verb the cards can send, and one per text command', () => {
    const verbs = ActionDataSchema.options.map((o) => o.shape.verb.value).sort();
    expect(Object.keys(actionRoutes).sort()).toEqual(verbs);
    expect(Object.keys(textRoutes).sort()).toEqual(['back', 'cofacilitator', 'end', 'erase', 'extend', 'handover', 'help', 'menu', 'network', 'next', 'pause', 'resume', 'reveal', 'startcafe']);
  });

  it("reads the meeting role only for what drives the café: participants' verbs and the chat's help do not", () => {
    const participant = Object.entries(actionRoutes).filter(([, r]) => !r.drives).map(([v]) => v).sort();
    expect(participant).toEqual(['advise', 'answer', 'argument', 'compose', 'done', 'feedback', 'pick', 'postit', 'register', 'start', 'vote']);
    const chat = Object.entries(textRoutes).filter(([, r]) => !r.drives).map(([v]) => v).sort();
    expect(chat).toEqual(['help', 'menu', 'startcafe']);
  });
});

describe('Routes', () => {
  it('/aide and /menu answer with the help and the guide’s decision tree', async () => {
    const h = new PipelineHarness();
    expect(sceneOf(await h.say(lea, '/aide'))).toMatchObject({ kind: 'help', isFacilitator: true });
    expect(sceneOf(await h.say(lea, '/menu'))).toMatchObject({ kind: 'menu-tree', answers: {} });
    expect(sceneOf(await h.say(lea, '/startcafe virtuel'))).toMatchObject({ kind: 'menu-tree', answers: { online: true } });
    expect(sceneOf(await h.say(lea, '/startcafe sur-mesure'))).toMatchObject({ kind: 'compose' });
  });

  it('/startcafe of an unknown formula lists the formulas; a second café in the chat is refused', async () => {
    const h = new PipelineHarness();
    expect(sceneOf(await h.say(camille, '/startcafe mocha'))).toMatchObject({ kind: 'formulas', input: 'mocha' });
    expect(await h.say(camille, '/startcafe americano')).toBeUndefined();
    expect(sceneOf(await h.say(camille, '/startcafe ristretto'))).toMatchObject({ kind: 'already-running' });
    expect(sceneOf(await h.press(lea, { verb: 'start', formula: 'ristretto', variant: 'avec-sucre' }))).toMatchObject({ kind: 'already-running' });
  });

  it('a button started café answers that the menu is in the chat', async () => {
    const h = new PipelineHarness();
    expect(messageOf(await h.press(camille, { verb: 'start', formula: 'americano', variant: 'sans-sucre' }))).toBe(t('fr', 'started'));
    expect((await h.cafe()).variant).toBe('sans-sucre');
  });

  it('/animateur needs a café, then someone mentioned', async () => {
    const h = new PipelineHarness();
    expect(messageOf(await h.say(camille, '/animateur'))).toBe(t('fr', 'refusal.no-cafe'));
    await h.say(camille, '/startcafe americano');
    expect(messageOf(await h.say(camille, '/animateur'))).toBe(t('fr', 'mentionSomeone'));
  });

  it("a button of another chat's café, or of a café that is gone, changes nothing", async () => {
    const h = new PipelineHarness();
    await h.say(camille, '/startcafe americano');
    expect(messageOf(await h.press(camille, { verb: 'begin', cafe: 'someone-else' }))).toBe(t('fr', 'refusal.no-cafe'));
    expect((await h.cafe()).status).toBe('menu');
  });

  it('/effacer asks first; the confirmation expires after ten minutes; "non" erases nothing', async () => {
    const h = new PipelineHarness();
    await h.say(camille, '/startcafe americano');
    await h.drain();
    expect(messageOf(await h.say(lea, '/effacer'))).toContain('Camille Martin');
    const confirm = sceneOf(await h.say(camille, '/effacer'));
    expect(confirm).toMatchObject({ kind: 'erase-confirm', count: 1, at: h.now });
    expect(sceneOf(await h.press(camille, { verb: 'erase', confirm: 'non', at: h.now }))).toMatchObject({ kind: 'erased', count: 0, cancelled: true });
    const at = h.now;
    h.now += 10 * 60_000 + 1;
    expect(messageOf(await h.press(camille, { verb: 'erase', confirm: 'oui', at }))).toBe(t('fr', 'erase.expired'));
    h.now = at + 60_000;
    expect(sceneOf(await h.press(camille, { verb: 'erase', confirm: 'oui', at }))).toMatchObject({ kind: 'erased', count: 1 });
    await h.drain();
    expect(h.channel.of('delete').map((c) => c.id)).toEqual(['m1']);
    expect(await h.store.getActive(h.conversationId)).toBeUndefined();
  });

  it('/reseau: the position must read as "lat, lon"; the answers are remembered for the chat', async () => {
    const h = new PipelineHarness();
    expect(messageOf(await h.say(camille, '/reseau'))).toBe(t('fr', 'network.noCafe'));
    await h.say(camille, '/startcafe americano');
    const cafe = await h.cafe();
    const answer = (position: string) => h.press(camille, { verb: 'network', cafe: cafe.id, networkOrganisation: 'Ville de Reims', networkTown: 'Reims', networkPosition: position });
    expect(messageOf(await answer('au nord'))).toBe(t('fr', 'network.badPosition'));
    expect(sceneOf(await answer('49,2583 ; 4,0317'))).toMatchObject({ kind: 'network', saved: true });
    expect(await h.store.getProfile(h.conversationId)).toMatchObject({ organisation: 'Ville de Reims', town: 'Reims', lat: 49.2583, lon: 4.0317 });
    expect(messageOf(await h.press(karim, { verb: 'network', cafe: cafe.id, networkOrganisation: 'x', networkTown: 'y' }))).toContain('Camille Martin');
  });
});
