import { guideFr } from '../../src/content';
import { composables } from '../../src/domain';
import { cardText, Stack } from './harness';

const elements = composables(guideFr);
const keyOf = (part: keyof typeof elements, activity: string) => elements[part].find((c) => c.activities[0] === activity)!.key;

/** /menu, /startcafe virtuel, /startcafe sur-mesure and an English Teams, through the real server. */
describe('Choosing and composing a café over HTTP', () => {
  const stack = new Stack();
  const camille = () => stack.user('29:camille', 'Camille Martin');
  const jane = () => stack.user('29:jane', 'Jane Smith', 'en-US');

  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('walks the decision tree with the buttons and starts the proposed formula', async () => {
    await camille().say('/menu');
    await stack.waitForMessage("Vous souhaitez organiser un café de la data ou de l'IA avec vos collègues ?");
    const time = await camille().press({ verb: 'advise', organise: 'oui' });
    expect(cardText(time.value)).toContain('Avez-vous plus de 30 minutes pour animer votre café ?');
    const audience = await camille().press({ verb: 'advise', organise: 'oui', long: 'oui' });
    expect(cardText(audience.value)).toContain('Le public qui assistera à votre café sera plutôt...');
    const online = await camille().press({ verb: 'advise', organise: 'oui', long: 'oui', audience: 'averti' });
    expect(cardText(online.value)).toContain('Les formules « sans sucre » sont faites pour vous !');
    const proposal = await camille().press({ verb: 'advise', organise: 'oui', long: 'oui', audience: 'averti', online: 'oui' });
    expect(cardText(proposal.value)).toContain('Americano sans sucre');
    expect(cardText(proposal.value)).toContain('45 minutes');

    await camille().press({ verb: 'start', formula: 'americano', variant: 'sans-sucre' });
    await stack.waitForMessage('Americano sans sucre');
    expect((await stack.cafe()).variant).toBe('sans-sucre');
    await camille().say('/fin');
    await stack.connector.waitFor(() => !JSON.stringify(stack.messages()).includes('"status":"menu"'), 2000).catch(() => undefined);
    await stack.app.bot.drain();
    expect(await stack.app.store.getActive(stack.conversationId)).toBeUndefined();
  });

  it('« NON » ends the tree on the videos; 30 minutes and an intermediate public start no Cappuccino; forged answers are refused', async () => {
    const declined = await camille().press({ verb: 'advise', organise: 'non' });
    expect(cardText(declined.value)).toContain('Ce livret peut quand même vous intéresser...');
    const short = await camille().press({ verb: 'advise', organise: 'oui', long: 'non', audience: 'intermediaire', online: 'non' });
    expect(cardText(short.value)).toContain('plus que vos 30 minutes');
    expect(JSON.stringify(short.value)).not.toContain('"formula":"cappuccino"');
    expect(JSON.stringify(short.value)).toContain('"formula":"ristretto"');
    const contradictory = await camille().press({ verb: 'advise', organise: 'non', long: 'oui' });
    expect(contradictory.type).toBe('application/vnd.microsoft.activity.message');
    expect(contradictory.value).toContain('tapez /menu pour reprendre l’arbre du guide');
    const forged = await camille().press({ verb: 'advise', organise: 'peut-être' } as never);
    expect(forged.type).toBe('application/vnd.microsoft.activity.message');
    expect(forged.value).toContain('trop ancienne ou abîmée');
  });

  it('/startcafe virtuel gives the online advice first', async () => {
    await camille().say('/startcafe virtuel');
    const card = await stack.waitForMessage('100 % en ligne');
    expect(cardText(card)).toContain('Avez-vous plus de 30 minutes');
  });

  it('composes a café sur-mesure from elements of the guide', async () => {
    await camille().say('/startcafe sur-mesure');
    await stack.waitForMessage('Composer le café');
    const started = await camille().press({ verb: 'compose', composeTasse: keyOf('tasse', 'crazy-jobs'), composeCafe: '', composeChocolat: keyOf('chocolat', 'debat'), composeSucre: '' });
    expect(started.type).toBe('application/vnd.microsoft.activity.message');
    const menu = await stack.waitForMessage('composé par vos soins');
    expect(cardText(menu)).toContain('La tasse');
    const cafe = await stack.cafe();
    expect(cafe.customFormula?.parts.map((p) => p.part)).toEqual(['tasse', 'chocolat']);
    const forged = await camille().press({ verb: 'compose', composeTasse: 'americano.sans-sucre.nope' });
    expect(forged.type).toBe('application/vnd.microsoft.activity.message');
    await camille().say('/fin');
    await stack.app.bot.drain();
  });

  it('answers in English to an English Teams, the guide staying in French', async () => {
    await jane().say('/help');
    await stack.waitForMessage('In French: /suivant');
    const tree = await jane().press({ verb: 'advise', organise: 'oui' });
    expect(cardText(tree.value)).toContain('Do you have more than 30 minutes to facilitate your café?');
    expect(cardText(tree.value)).not.toContain('Avez-vous');
    await jane().say('/startcafe americano');
    await stack.app.bot.drain();
    const refused = await camille().press({ verb: 'begin', cafe: (await stack.cafe()).id });
    expect(refused.value).toContain('Jane Smith');
    const facilitatorView = await jane().press({ verb: 'refresh', cafe: (await stack.cafe()).id, step: 'menu' });
    expect(cardText(facilitatorView.value)).toContain('Start');
    expect(cardText(facilitatorView.value)).toContain('Americano avec sucre');
  });
});
