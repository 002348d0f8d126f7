import { TCHAP_COMMANDS } from '../tchapHelp';
import type { Content, Part } from '../../../content/schema';
import { composables, PARTS } from '../../../domain/compose';
import { currentStep, activityOf, findFormula, formulaOf } from '../../../domain/lookup';
import { plannedTotal } from '../../../domain/plan';
import { nextQuestion, type MenuAnswers } from '../../../domain/recommend';
import type { Locale } from '../../../domain/types';
import { t, type MessageId } from '../../../i18n';
import { menuTreeCard, recapCard, startCommand } from '../../../cards';
import { markdownLink, partName, tipSection } from '../../../cards/format';
import { boardLink } from '../../../cards/steps/common';
import type { Scene } from '../../port';
import type { Slot } from '../out';
import { menuTreeEn } from '../../../content/menuTree.en';
import { menuTreeFr } from '../../../content/menuTree.fr';
import { cardLines } from './cardText';
import { bang, personName, said, textSlot } from './text';

type Of<K extends Scene['kind']> = Extract<Scene, { kind: K }>;

/** The Teams words' slash commands (`/startcafe`, `/reseau`) as the room types them. */
const bangs = (text: string) => text.replace(/(^|[\s(«`])\/(?=[a-z])/g, '$1!');

/** The café's menu: the formula, its parts and planned minutes; for the facilitator, `!commencer` and the guide's advice. */
export function menuSlots(s: Of<'menu'>, content: Content): Slot[] {
  const L = s.viewer.locale;
  const formula = formulaOf(s.state, content);
  const total = plannedTotal(formula);
  const waiting = s.state.status === 'menu';
  const facilitator = s.viewer.isFacilitator && waiting;
  const status = s.state.status === 'ended' ? t(L, 'menu.ended') : !waiting ? t(L, 'menu.started') : t(L, s.viewer.isFacilitator ? 'tchap.menu.youFacilitate' : 'menu.waiting');
  const estimated = (m: { estimate?: boolean }, value: string) => (m.estimate ? t(L, 'menu.estimated', { value }) : value);
  const part = (p: Part) => {
    const options = p.options.map((o) => o.label).join(t(L, 'menu.or'));
    if (p.planned.max === 0) return t(L, 'menu.partValueIfTime', { options });
    return estimated(p.planned, t(L, p.planned.min === p.planned.max ? 'menu.partValueFixed' : 'menu.partValue', { options, min: p.planned.min, max: p.planned.max }));
  };
  const tips = facilitator
    ? [...tipSection(L, t(L, 'tips.general'), content.generalTips), ...tipSection(L, t(L, 'tips.formula'), formula.tips), ...tipSection(L, t(L, 'tips.virtual'), content.virtual.advice)]
    : [];
  const links = boardLink(s.viewer, facilitator);
  const slots = [textSlot(`menu:${s.state.id}`, [
    `**${t(L, 'menu.kicker')}**\n**${t(L, 'menu.formula', { name: formula.name, audience: formula.audience })}**`,
    `${t(L, 'menu.duration', { duration: formula.duration })} · ${t(L, 'menu.people', { people: formula.people })}`,
    `**${t(L, 'menu.partsHeading')}**\n${formula.parts.map((p) => `• **${partName(L, p.part)}** : ${part(p)}`).join('\n')}`,
    estimated(total, t(L, total.min === total.max ? 'menu.totalFixed' : 'menu.total', { min: total.min, max: total.max })),
    total.estimate || formula.parts.some((p) => p.planned.estimate && p.planned.max > 0) ? t(L, 'menu.estimateNote') : '',
    facilitator && total.max > content.virtual.maxMinutes ? t(L, 'menu.virtualLonger', { max: content.virtual.maxMinutes, planned: t(L, 'recap.minutes', { n: total.max }) }) : '',
    `**${status}**`,
    facilitator ? t(L, 'tchap.menu.reformulate') : '',
    links.hasBoardLink ? links.boardLinkText : '',
  ], { cafe: s.state.id })];
  if (tips.length) slots.push(textSlot(`tips:menu:${s.state.id}`, [`**${t(L, 'tips.button')}** (${t(L, 'tips.private')})`, ...tips.map((l) => (l.weight === 'Bolder' ? `**${l.text}**` : l.text))], { cafe: s.state.id }));
  return slots;
}

/** The recap: what the card says (it has no button), as one message. */
export function recapSlots(s: Of<'recap'>, content: Content): Slot[] {
  return [textSlot(`recap:${s.state.id}`, cardLines(recapCard({ ...s, content })), { cafe: s.state.id })];
}

/** The guide's decision tree: the card's words, each answer as the `!menu …` command that gives it. */
export function menuTreeSlots(s: Of<'menu-tree'>, content: Content): Slot[] {
  const L = s.locale;
  const word = (v: boolean) => t(L, v ? 'tchap.tree.yes' : 'tchap.tree.no');
  const given = [s.answers.organise, s.answers.long].filter((v): v is boolean => v !== undefined).map(word);
  if (s.answers.audience) given.push(t(L, `tchap.tree.${s.answers.audience}` as MessageId));
  if (s.answers.online !== undefined) given.push(word(s.answers.online));
  const next = nextQuestion(s.answers);
  const command = (w: string) => ['!menu', ...given, w].join(' ');
  const choices: Array<[string, string]> = next === 'audience'
    ? (['novice', 'averti', 'intermediaire'] as const).map((a) => [t(L, `tchap.tree.${a}`), (L === 'en' ? menuTreeEn : menuTreeFr).audience[a].label])
    : next ? [[word(true), t(L, 'tree.yes')], [word(false), t(L, 'tree.no')]] : [];
  const lines = cardLines(menuTreeCard({ answers: s.answers as MenuAnswers, content, locale: L })).map(bangs);
  return [textSlot('menu-tree', [
    ...lines,
    choices.map(([w, label]) => t(L, 'tchap.tree.answer', { command: command(w), label })).join('\n'),
    given.length ? t(L, 'tchap.tree.restart') : '',
  ])];
}

export function helpSlots(s: Of<'help'>): Slot[] {
  const L = s.locale;
  return [textSlot('help', [
    `**${t(L, 'help.title')}**`,
    t(L, 'tchap.help.intro'),
    t(L, 'tchap.help.participants'),
    s.isFacilitator ? '' : t(L, 'help.facilitatorOnly'),
    TCHAP_COMMANDS.map(([command, alias, help]) => `**${alias ? `${command}** · **${alias}` : command}** : ${bangs(t(L, help, { days: s.retentionDays ?? 30 }))}`).join('\n'),
    t(L, 'tchap.help.aliases'),
  ])];
}

export function formulasSlots(s: Of<'formulas'>, content: Content): Slot[] {
  const L = s.locale;
  const input = (s.input ?? '').trim();
  return [textSlot('formulas', [
    input ? t(L, 'formulas.unknown', { input: said(input.slice(0, 80)) }) : '',
    `**${t(L, 'formulas.title')}**`,
    content.formulas.map((f) => `• **${f.name}**, ${f.audience} · ${f.duration} : \`${bang(startCommand(f))}\``).join('\n'),
    t(L, 'tchap.formulas.hint'),
  ])];
}

export function runningSlots(s: Of<'already-running'>, content: Content): Slot[] {
  const L = s.locale;
  const formula = s.state.customFormula ?? findFormula(content, s.state.formulaId, s.state.variant);
  const step = currentStep(s.state);
  return [textSlot(`running:${s.state.id}`, [
    `**${t(L, 'running.title')}**`,
    t(L, 'running.formula', { name: formula ? `${formula.name}, ${formula.audience}` : `${s.state.formulaId} ${s.state.variant}` }),
    step ? t(L, 'running.step', { step: `${partName(L, step.part)} · ${activityOf(step, content)?.title ?? t(L, `choose.title.${step.part}`)}` }) : t(L, 'running.menu'),
    t(L, 'running.who', { name: personName(s.state.facilitatorName) }),
    t(L, 'tchap.running.end'),
  ], { cafe: s.state.id })];
}

/** Sur-mesure: every element numbered per part, and `!surmesure N N N N`. */
export function composeSlots(s: Of<'compose'>, content: Content): Slot[] {
  const L = s.locale;
  const all = composables(content);
  const parts = PARTS.map((part) => {
    const items = all[part].map((c, i) => {
      const minutes = `${c.planned.min === c.planned.max ? c.planned.max : `${c.planned.min}–${c.planned.max}`} min`;
      return t(L, 'tchap.compose.item', { n: i + 1, label: `${c.label} (${c.formulaName} · ${c.planned.estimate ? t(L, 'menu.estimated', { value: minutes }) : minutes})` });
    });
    return [`**${partName(L, part)}**`, ...items, t(L, 'tchap.compose.item', { n: 0, label: t(L, 'compose.none') })].join('\n');
  });
  return [textSlot('compose', [`**${t(L, 'compose.title')}**`, t(L, 'compose.intro'), ...parts, t(L, 'compose.note'), t(L, 'tchap.compose.command')])];
}

export function eraseConfirmSlots(s: Of<'erase-confirm'>): Slot[] {
  const L = s.locale;
  return [textSlot('erase', [`**${t(L, 'erase.title')}**`, t(L, 'erase.confirm', { n: s.count }), t(L, 'erase.note', { days: s.days }), t(L, 'tchap.erase.commands')])];
}

export function erasedSlots(s: Of<'erased'>): Slot[] {
  const L = s.locale;
  return [textSlot('erase', [`**${t(L, 'erase.title')}**`, s.cancelled ? t(L, 'erase.cancelled') : t(L, 'erase.done', { n: s.count })])];
}

export function endConfirmSlots(s: Of<'end-confirm'>): Slot[] {
  const L = s.locale;
  const key = `end:${s.cafeId}`;
  if (s.outcome) {
    const text = s.outcome === 'ended' ? t(L, 'end.done') : s.outcome === 'feedback' ? t(L, 'tchap.end.feedbackLaunched') : t(L, 'end.kept');
    return [textSlot(key, [`**${t(L, 'end.title')}**`, text], { cafe: s.cafeId })];
  }
  return [textSlot(key, [
    `**${t(L, 'end.title')}**`,
    s.feedbackAsked ? t(L, 'end.confirm') : `${t(L, 'end.confirm')} ${t(L, 'end.feedbackNotAsked')}`,
    s.feedbackAsked
      ? t(L, 'tchap.end.commands', { yes: t(L, 'end.yes'), no: t(L, 'end.no') })
      : t(L, 'tchap.end.commandsFeedback', { withFeedback: t(L, 'end.withFeedback'), without: t(L, 'end.withoutFeedback'), no: t(L, 'end.no') }),
    t(L, 'end.note'),
  ], { cafe: s.cafeId })];
}

/** The cafés network: the guide's map of the cafés, what is saved, `!reseau …` to tell it, the report's links. */
export function networkSlots(s: Of<'network'>, content: Content): Slot[] {
  const L = s.locale;
  const map = content.cafesMap;
  return [textSlot(`network:${s.cafeId}`, [
    `**${t(L, 'network.title')}**`,
    t(L, 'network.intro'),
    `**${map.title}** ${map.text}`,
    map.links.map((l) => `🗺️ ${markdownLink(l)}`).join('\n'),
    s.saved ? bangs(t(L, 'network.saved', { organisation: said(s.profile?.organisation ?? ''), town: said(s.profile?.town ?? '') })) : t(L, 'tchap.network.form'),
    s.links?.length ? `⬇️ ${t(L, 'network.download')} ${s.links.map(markdownLink).join(' · ')}` : '',
  ], { cafe: s.cafeId })];
}
