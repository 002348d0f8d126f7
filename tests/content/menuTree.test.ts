import { menuTreeEn } from '../../src/content/menuTree.en';
import { menuTreeFr } from '../../src/content/menuTree.fr';
import { normalise, readGuide } from './guideText';

/**
 * Every text of the /menu decision tree stands in the guide, case and accents aside: the guide
 * prints the audiences in capitals without accents ("DE NIVEAU INTERMEDIAIRE").
 */
const fold = (s: string) => normalise(s).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** The tree's texts by path ("organise.no"), in one language. */
function texts(v: unknown, path = ''): Array<[string, string]> {
  if (typeof v === 'string') return [[path, v]];
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => texts(x, path ? `${path}.${k}` : k));
  return [];
}

describe("/menu speaks the guide's words", () => {
  const guide = fold(readGuide());

  it.each(texts(menuTreeFr).map(([, text]) => text))('« %s »', (text) => {
    expect(guide).toContain(fold(text).replace(/\.\.\.$/, ''));
  });

  it("has the guide's first question and both its answers (L181–189), and no page of the printed booklet", () => {
    expect(menuTreeFr.organise.question).toBe("Vous souhaitez organiser un café de la data ou de l'IA avec vos collègues ?");
    expect(menuTreeFr.organise.no).toBe('Ce livret peut quand même vous intéresser...');
    for (const [, text] of texts(menuTreeFr)) expect(text).not.toMatch(/\b(rdv|page)\b/i);
  });

  it('has an English rendering of every text, none left in French', () => {
    const french = new Map(texts(menuTreeFr));
    const english = texts(menuTreeEn);
    expect(english.map(([path]) => path)).toEqual([...french.keys()]);
    for (const [path, text] of english) expect(text).not.toBe(french.get(path));
  });
});
