import type { MessageId } from '../../i18n';

/**
 * Barista's commands in Tchap, for `!aide`: the command as typed, its English alias, its help
 * text (like `COMMANDS` in src/cards/help.ts for Teams, with `!` since Matrix clients keep `/`).
 * Placeholders in italics (`_formule_`): a chat's markup would take `<formule>` for a tag.
 */
export const TCHAP_COMMANDS: ReadonlyArray<readonly [command: string, alias: string, help: MessageId]> = [
  ['!menu', '', 'tchap.help.menu'],
  ['!menu oui non averti oui', '!menu yes no informed yes', 'tchap.help.menuAnswers'],
  ['!startcafe _formule_ [avec sucre|sans sucre]', '', 'tchap.help.startcafe'],
  ['!startcafe virtuel', '', 'tchap.help.virtuel'],
  ['!surmesure', '!custom', 'tchap.help.surMesure'],
  ['!surmesure N N N N', '!custom N N N N', 'tchap.help.surMesureParts'],
  ['!inscription _niveau_ [en-ligne|salle]', '!register _level_ [online|room]', 'tchap.help.inscription'],
  ['!formule _formule_ [avec sucre|sans sucre]', '!formula …', 'tchap.help.formule'],
  ['!commencer', '!begin', 'tchap.help.commencer'],
  ['!suivant', '!next', 'tchap.help.suivant'],
  ['!precedent', '!previous', 'tchap.help.precedent'],
  ['!choisir N', '!choose N', 'tchap.help.choisir'],
  ['!vote N', '', 'tchap.help.vote'],
  ['!reveler', '!reveal', 'tchap.help.reveler'],
  ['!fini', '!done', 'tchap.help.fini'],
  ['!tour', '!turn', 'tchap.help.tour'],
  ['!tour -1', '!turn -1', 'tchap.help.tourBack'],
  ['!pause', '!pause', 'tchap.help.pause'],
  ['!reprendre', '!resume', 'tchap.help.reprendre'],
  ['!prolonger N', '!extend N', 'tchap.help.prolonger'],
  ['!fin', '!end', 'tchap.help.fin'],
  ['!fin oui|avis|non', '!end yes|feedback|no', 'tchap.help.finConfirm'],
  ['!animateur @personne', '', 'tchap.help.animateur'],
  ['!coanimateur @personne', '', 'tchap.help.coanimateur'],
  ['!reseau _organisation_ ; _ville_ ; _lat, lon_', '!network …', 'tchap.help.reseau'],
  ['!effacer', '!erase', 'tchap.help.effacer'],
  ['!effacer oui|non', '!erase yes|no', 'tchap.help.effacerConfirm'],
  ['!aide', '!help', 'tchap.help.aide'],
];
