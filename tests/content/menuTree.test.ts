import { menuTreeFr } from '../../src/content/menuTree.fr';
import { normalise, readGuide } from './guideText';

/**
 * Every text of the /menu decision tree stands in the guide, case and accents aside: the guide
 * prints the audiences in capitals without accents ("DE NIVEAU INTERMEDIAIRE").
 */
const fold = (s: string) => normalise(s).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');

describe("/menu speaks the guide's words", () => {
  const guide = fold(readGuide());
  const texts: string[] = [];
  const collect = (v: unknown) => {
    if (typeof v === 'string') texts.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(collect);
  };
  collect(menuTreeFr);

  it.each(texts)('« %s »', (text) => {
    expect(guide).toContain(fold(text).replace(/\.\.\.$/, ''));
  });
});
