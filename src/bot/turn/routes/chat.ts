import { answersOf } from '../../../cards/menuTree';
import type { ActionData } from '../../../cards/actions';
import { checkAnswers, composeFormula, isRefusal } from '../../../domain';
import { t } from '../../../i18n';
import type { TextCommand } from '../../parse';
import type { Route } from '../route';
import { startInChat } from './start';

/** The chat's own commands, before any café: help, the guide's decision tree, starting a café. */

type Text<K extends TextCommand['type']> = Extract<TextCommand, { type: K }>;
type Action<V extends ActionData['verb']> = Extract<ActionData, { verb: V }>;

export const help: Route<Text<'help'>> = {
  drives: false,
  run: async (kit, turn) => ({ scene: { kind: 'help', locale: turn.actor.locale, isFacilitator: true, retentionDays: kit.deps.retentionDays } }),
};

export const menu: Route<Text<'menu'>> = {
  drives: false,
  run: async (_kit, turn) => ({ scene: { kind: 'menu-tree', answers: {}, locale: turn.actor.locale } }),
};

/** /startcafe: a formula (the list when unknown), /startcafe virtuel (the tree, online), /startcafe sur-mesure (compose). */
export const startcafe: Route<Text<'startcafe'>> = {
  drives: false,
  async run(kit, turn, cmd) {
    const locale = turn.actor.locale;
    if (cmd.formula === 'virtuel' && !cmd.variant) return { scene: { kind: 'menu-tree', answers: { organise: true, online: true }, locale } };
    if (cmd.formula === 'sur-mesure' && !cmd.variant) {
      const active = await kit.store.getActive(turn.address.conversationId);
      if (active) return { scene: { kind: 'already-running', state: active, locale } };
      return { scene: { kind: 'compose', locale } };
    }
    return startInChat(kit, turn, cmd.formula, cmd.variant ?? 'avec-sucre');
  },
};

/** A card's answer once a café started: the menu card is in the chat. */
const started = (locale: 'fr' | 'en') => ({ message: t(locale, 'started') });

export const start: Route<Action<'start'>> = {
  drives: false,
  run: async (kit, turn, data) => (await startInChat(kit, turn, data.formula, data.variant)) ?? started(turn.actor.locale),
};

export const advise: Route<Action<'advise'>> = {
  drives: false,
  run: async (_kit, turn, data) => {
    // The answers travel in the card: a combination the tree's buttons cannot make is refused.
    const answers = answersOf(data);
    if (checkAnswers(answers)) return { message: t(turn.actor.locale, 'tree.invalid') };
    return { scene: { kind: 'menu-tree', answers, locale: turn.actor.locale } };
  },
};

export const compose: Route<Action<'compose'>> = {
  drives: false,
  async run(kit, turn, data) {
    const formula = composeFormula(kit.content, { tasse: data.composeTasse, cafe: data.composeCafe, chocolat: data.composeChocolat, sucre: data.composeSucre });
    if (isRefusal(formula)) return kit.refusal(formula, turn.actor);
    return (await startInChat(kit, turn, formula.id, formula.variant, formula)) ?? started(turn.actor.locale);
  },
};
