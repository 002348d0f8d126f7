import { endConfirmCard } from '../../src/cards';
import { t } from '../../src/i18n';
import { FACILITATOR_VIEW, render, scenarios } from './scenarios';
import { buttons, problems, texts } from './validate';

/** /fin's confirmation card: valid for Teams, its buttons the bot accepts, in the reader's language. */
describe('the end confirmation card', () => {
  const at = Date.UTC(2026, 10, 22, 9, 0, 0);

  it('offers the feedback poll first while it has not been asked, then "end without", then "keep going"', () => {
    const card = endConfirmCard({ locale: 'fr', cafeId: 'cafe-1', at, feedbackAsked: false, step: 'tasse.madonna.annees-80' });
    expect(problems(card)).toEqual([]);
    expect(buttons(card).map((b) => [b.title, b.data.confirm, b.data.at, b.data.step])).toEqual([
      ['Lancer le questionnaire de satisfaction puis terminer', 'feedback', at, 'tasse.madonna.annees-80'],
      ['Terminer sans', 'end', at, 'tasse.madonna.annees-80'],
      [t('fr', 'end.no'), 'cancel', at, 'tasse.madonna.annees-80'],
    ]);
    expect(texts(card)).toContain(t('fr', 'end.feedbackNotAsked'));
  });

  it('once the feedback poll was asked: end or keep going; in English for an English reader', () => {
    const card = endConfirmCard({ locale: 'en', cafeId: 'cafe-1', at, feedbackAsked: true });
    expect(problems(card)).toEqual([]);
    expect(buttons(card).map((b) => [b.title, b.data.confirm])).toEqual([['End the café', 'end'], ['Keep the café going', 'cancel']]);
    expect(texts(card)).not.toContain(t('en', 'end.feedbackNotAsked'));
  });

  it('once answered: what happened, and no button', () => {
    const card = endConfirmCard({ locale: 'fr', cafeId: 'cafe-1', at, feedbackAsked: true, outcome: 'kept' });
    expect(problems(card)).toEqual([]);
    expect(buttons(card)).toEqual([]);
    expect(texts(card)).toContain(t('fr', 'end.kept'));
  });

  it('once the feedback poll is launched: it names the button its card carries, Fin (the poll is the last step, with no Suivant)', () => {
    const closing = scenarios().find((s) => s.name === 'feedback, last step, no answer')!;
    const controls = buttons(render(closing, FACILITATOR_VIEW)).map((b) => b.title);
    expect(controls).toContain(t('fr', 'ctl.end'));
    expect(controls).not.toContain(t('fr', 'ctl.next'));
    for (const locale of ['fr', 'en'] as const) {
      const card = endConfirmCard({ locale, cafeId: 'cafe-1', at, feedbackAsked: true, outcome: 'feedback' });
      expect(buttons(card)).toEqual([]);
      const text = texts(card);
      expect(text).toContain(t(locale, 'end.feedbackLaunched'));
      expect(text).toContain(locale === 'fr' ? `cliquez sur ${t('fr', 'ctl.end')} ` : `click ${t('en', 'ctl.end')} `);
      expect(text).not.toContain(t(locale, 'ctl.next'));
    }
  });
});
