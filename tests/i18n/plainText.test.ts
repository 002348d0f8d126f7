import { plainText, t, type Surface } from '../../src/i18n';
import { HOSTILE, markupIn, shownAs } from '../support/markup';

const SURFACES: Surface[] = ['card', 'message'];

describe('plainText: a person’s text is shown as text', () => {
  describe.each(SURFACES)('on a %s', (surface) => {
    it.each(HOSTILE)('%j: no link, no markup, no address survives', (text) => {
      expect(markupIn(plainText(text, surface), surface)).toEqual([]);
    });

    it.each(HOSTILE)('%j: reads back as typed (bidirectional overrides aside)', (text) => {
      expect(shownAs(plainText(text, surface), surface)).toBe(text.replace(/[\u202a-\u202e\u2066-\u2069]/g, ''));
    });

    it('leaves an ordinary name as it is', () => {
      for (const name of ['Camille Martin', 'Marie-Claire O’Neil (DDT 51)', 'J.-P. Dupont', 'Zoé 3.5', 'Ana & Léo']) {
        const written = plainText(name, surface);
        expect(shownAs(written, surface)).toBe(name);
        if (!name.includes('&')) expect(written).toBe(name);
      }
    });

    it('escapes a block marker on every line, not only the first', () => {
      const written = plainText('ok\n# titre\n  - point\n2) deux', surface);
      expect(markupIn(written, surface)).toEqual([]);
      expect(written.split('\n')).toEqual(['ok', '\\# titre', '  \\- point', '2\\) deux']);
    });
  });

  it('the checker finds the markup of each hostile text written as typed (so the tests above can fail)', () => {
    for (const text of HOSTILE) expect(markupIn(text, 'message')).not.toEqual([]);
    // HTML is a chat message's markup only: a card shows a tag as text.
    for (const text of HOSTILE.filter((x) => !x.startsWith('<'))) expect(markupIn(text, 'card')).not.toEqual([]);
  });

  it('a card keeps HTML as typed (Adaptive Cards render no HTML); a chat message writes it as entities', () => {
    expect(plainText('<b>x</b>', 'card')).toBe('<b>x</b>');
    expect(plainText('<b>x</b>', 'message')).toBe('&lt;b&gt;x&lt;/b&gt;');
    expect(plainText('<script>alert(1)</script>', 'message')).not.toContain('<');
  });

  it('a Markdown link loses its brackets and its address', () => {
    const written = plainText('[Cliquez ici](https://evil.example)', 'message');
    expect(written).toBe('\\[Cliquez ici\\](https:\u2060/\u2060/evil\u2024example)');
  });
});

describe('t: the chat messages’ params are people’s text', () => {
  const evil = '[Cliquez ici](https://evil.example) **gras** <b>x</b>';

  it.each([
    ['floorTo', { name: evil, item: 'Plombier ou plombière de flux de données' }],
    ['handedOver', { name: evil }],
    ['coFacilitatorAdded', { name: evil }],
    ['refusal.not-facilitator', { name: evil }],
    ['refusal.same-person', { name: evil }],
  ] as const)('%s shows the name as text, in French and in English', (key, params) => {
    for (const locale of ['fr', 'en'] as const) {
      const text = t(locale, key, params);
      expect(markupIn(text, 'message')).toEqual([]);
      expect(shownAs(text, 'message')).toContain(evil);
    }
  });

  it('la parole est à: the name, then the job’s label as the guide writes it', () => {
    expect(t('fr', 'floorTo', { name: 'Léa', item: 'Samantha (HER)' })).toBe('🎤 La parole est à Léa (Samantha (HER))');
  });

  it('a card’s text keeps its params as given (the card makes them plain at its edge)', () => {
    expect(t('fr', 'tree.formula', { name: 'Americano', details: 'x', command: '/startcafe americano' })).toContain('`/startcafe americano`');
  });
});
