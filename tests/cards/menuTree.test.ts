import { answersOf, menuTreeCard } from '../../src/cards';
import { ActionDataSchema } from '../../src/cards/actions';
import { menuTreeFr } from '../../src/content/menuTree.fr';
import { content } from './fixtures';
import { buttons, problems, texts } from './validate';

describe('/menu: the decision tree as a card', () => {
  it('starts with the guide\'s first question, with Oui / Non', () => {
    const card = menuTreeCard({ answers: {}, content, locale: 'fr' });
    expect(texts(card)).toContain('Avez-vous plus de 30 minutes pour animer votre café ?');
    expect(buttons(card).map((b) => b.title)).toEqual(['Oui', 'Non']);
    expect(problems(card)).toEqual([]);
  });

  it('carries the answers in the buttons, each a valid payload', () => {
    const card = menuTreeCard({ answers: { long: true }, content, locale: 'fr' });
    expect(texts(card)).toContain('Les formules Americano et Cappuccino sont faites pour vous !');
    const novice = buttons(card).find((b) => b.title === menuTreeFr.audience.novice.label)!;
    const parsed = ActionDataSchema.parse(novice.data);
    expect(parsed.verb === 'advise' && answersOf(parsed)).toEqual({ long: true, audience: 'novice' });
  });

  it('ends with the proposal, a start button, and the virtual advice when online', () => {
    const card = menuTreeCard({ answers: { long: true, audience: 'novice', online: true }, content, locale: 'fr' });
    const text = texts(card);
    expect(text).toContain('Les formules « avec sucre » sont faites pour vous !');
    expect(text).toContain('Americano avec sucre');
    expect(text).toContain('45 minutes');
    expect(buttons(card).find((b) => b.verb === 'start')?.data).toMatchObject({ formula: 'americano', variant: 'avec-sucre' });
    expect(problems(card)).toEqual([]);
  });

  it('speaks English to an English Teams', () => {
    expect(buttons(menuTreeCard({ answers: {}, content, locale: 'en' })).map((b) => b.title)).toEqual(['Yes', 'No']);
  });
});
