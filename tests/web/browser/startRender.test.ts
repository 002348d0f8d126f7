import { loadContent } from '../../../src/content';
import { catalogue } from '../../../src/web/catalogue';
import { START_LABELS } from '../../../src/web/browser/start/labels';
import { renderLoadFailed, renderStart } from '../../../src/web/browser/start/render';
import { initialState, update, type StartState } from '../../../src/web/browser/start/state';

const content = loadContent();

/** The text a person reads (tags removed). */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe.each(['fr', 'en'] as const)('the start page (%s)', (locale) => {
  const cat = catalogue(content, locale);
  const l = START_LABELS[locale];
  const other = START_LABELS[locale === 'fr' ? 'en' : 'fr'];
  const base = initialState(cat);
  const step = (s: StartState, ...actions: Parameters<typeof update>[1][]) => actions.reduce((x, a) => update(x, a, cat), s);

  it('offers the three ways, the first name and the guide\'s formulas with their variants', () => {
    const html = renderStart(base, cat, l);
    for (const way of ['choose', 'menu', 'compose']) expect(html).toContain(`data-testid="way-${way}"`);
    expect(html).toContain('aria-pressed="true" aria-controls="start-panel" data-action="way" data-way="choose"');
    expect(html).toContain(`>${l.ways.choose}</button>`);
    expect(html).toContain('data-testid="name-input"');
    expect(html).toContain(`<label for="start-name">${l.nameLabel}</label>`);
    for (const f of content.formulas) expect(html).toContain(`data-testid="pick-${f.id}-${f.variant}"`);
    expect(html).toContain('data-testid="start-button"');
    expect(html).toContain('data-testid="start-error"');
    expect(html).toContain(locale === 'fr' ? '15 à 30 min' : '15 to 30 min');
  });

  it('never mixes the page\'s languages: the other language\'s chrome is absent, the content is marked French', () => {
    const pages = [
      renderStart(base, cat, l),
      renderStart(step(base, { type: 'way', way: 'menu' }), cat, l),
      renderStart(step(base, { type: 'way', way: 'compose' }), cat, l),
      renderStart(step(base, { type: 'way', way: 'menu' }, { type: 'answer', value: 'oui' }, { type: 'answer', value: 'non' }, { type: 'answer', value: 'novice' }, { type: 'answer', value: 'oui' }), cat, l),
    ];
    pages.forEach((html, i) => {
      for (const word of [other.start, other.ways.choose, other.ways.menu, other.nameLabel, other.restart]) expect(text(html)).not.toContain(word);
      if (locale === 'fr') expect(html).not.toContain('lang="fr"');
      else if (i === 2) expect(html).toContain('<option value="ristretto.avec-sucre.madonna" selected lang="fr">');
      else if (i !== 1) expect(html).toContain('<span lang="fr">Ristretto avec sucre</span>');
    });
  });

  it('shows the picked formula\'s plan, part by part', () => {
    const html = renderStart(step(base, { type: 'pick', formula: 'americano', variant: 'sans-sucre' }), cat, l);
    expect(html).toMatch(/data-testid="pick-americano-sans-sucre" checked|checked[^>]*data-testid="pick-americano-sans-sucre"/);
    expect(html).toContain('data-testid="plan-americano"');
    expect(html).toContain(cat.formulas.find((f) => f.id === 'americano')!.parts[0]!.label);
  });

  it('walks the tree one question at a time, with the guide\'s verdicts, to a Start button per proposal', () => {
    let s = step(base, { type: 'way', way: 'menu' });
    let html = renderStart(s, cat, l);
    expect(html).toContain(cat.menu.title.replace(/'/g, '&#39;'));
    expect(html).toContain('data-testid="menu-question" data-key="organise"');
    expect(html).toContain('data-testid="menu-option-oui"');
    s = step(s, { type: 'answer', value: 'oui' }, { type: 'answer', value: 'non' }, { type: 'answer', value: 'novice' });
    html = renderStart(s, cat, l);
    expect(html).toContain('data-key="online"');
    expect(html).toContain('data-testid="menu-answers"');
    expect(html).toContain('data-testid="menu-back"');
    s = step(s, { type: 'answer', value: 'oui' });
    html = renderStart(s, cat, l);
    expect(html).toContain('data-testid="menu-leaf"');
    expect(html).toContain('data-testid="menu-start-ristretto-avec-sucre"');
    expect(html).toContain('data-formula="ristretto" data-variant="avec-sucre"');
    expect(html).toContain('data-testid="menu-virtual"');
    expect(html).toContain(l.startNamed('Ristretto avec sucre').split('Ristretto')[0]);
    // « Recommencer » goes back to the first question.
    expect(renderStart(step(s, { type: 'restart' }), cat, l)).toContain('data-key="organise"');
  });

  it('ends on the playlist when the person does not organise a café', () => {
    const html = renderStart(step(base, { type: 'way', way: 'menu' }, { type: 'answer', value: 'non' }), cat, l);
    expect(html).toContain('data-declined="true"');
    expect(html).toContain(`href="${content.playlistUrl}"`);
    expect(html).toContain('rel="noopener noreferrer"');
    expect(html).not.toContain('data-action="start"');
  });

  it('composes a café part by part, with its planned total', () => {
    let s = step(base, { type: 'way', way: 'compose' });
    let html = renderStart(s, cat, l);
    for (const part of ['tasse', 'cafe', 'chocolat', 'sucre']) expect(html).toContain(`data-testid="compose-part-${part}"`);
    expect(html).toContain(`<option value="">${l.composeNone}</option>`);
    expect(html).toContain('data-testid="compose-total"');
    s = step(s, { type: 'compose', part: 'cafe', id: '' }, { type: 'compose', part: 'chocolat', id: '' }, { type: 'compose', part: 'sucre', id: '' });
    const tasse = cat.compose[0]!.options[0]!;
    html = renderStart(s, cat, l);
    expect(html).toContain(l.composeTotal(tasse.minutes.min, tasse.minutes.max));
    expect(html).toContain('<option value="" selected>');
    expect(html).toContain('data-testid="compose-chosen-tasse"');
    expect(html).not.toContain('data-testid="compose-chosen-cafe"');
    // The Ristretto sans sucre's « Le sucre » plans no time: the guide's « if time is left », not « 0 min ».
    const choose = renderStart(step(base, { type: 'pick', formula: 'ristretto', variant: 'sans-sucre' }), cat, l);
    expect(choose).toContain(l.ifTime);
    expect(choose).not.toContain('>0 min');
  });

  it('says an error in its live region, and the Start button says the café is starting', () => {
    const failed = step(base, { type: 'busy' }, { type: 'failed', message: 'Trop de cafés <b>' });
    const html = renderStart(failed, cat, l);
    expect(html).toContain('role="alert" aria-live="assertive" data-testid="start-error">Trop de cafés &lt;b&gt;</p>');
    const busy = renderStart(step(base, { type: 'busy' }), cat, l);
    expect(busy).toContain(`aria-disabled="true" data-testid="start-button">${l.starting}</button>`);
  });

  it('escapes what the person typed', () => {
    const html = renderStart(step(base, { type: 'name', name: '"><script>x</script>' }), cat, l);
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
  });

  it('offers a retry when the catalogue cannot be loaded', () => {
    const html = renderLoadFailed(l);
    expect(html).toContain(l.errors.catalogue);
    expect(html).toContain(`data-testid="catalogue-retry">${l.errors.retry}</button>`);
  });

  it('has no inline style or event handler', () => {
    for (const way of ['choose', 'menu', 'compose'] as const) {
      const html = renderStart(step(base, { type: 'way', way }), cat, l);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toContain('style=');
    }
  });
});
