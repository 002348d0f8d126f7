import helpTemplate from '../../cards/help.json';
import type { Locale } from '../domain/types';
import { t, type MessageId } from '../i18n';
import { expand } from './render';
import type { Card } from './types';

export interface HelpInput {
  locale: Locale;
  isFacilitator: boolean;
  /** Days cafés are kept after they end (RETENTION_DAYS). */
  retentionDays?: number;
}

/** The commands, French first with their English aliases (the parser accepts both). */
const COMMANDS: Array<[command: string, alias: string, help: MessageId]> = [
  ['/menu', '', 'help.menu'],
  // The placeholder in italics, not between < >: a chat's Markdown takes <formule> for an HTML tag and drops it.
  ['/startcafe _formule_ [avec sucre|sans sucre]', '', 'help.startcafe'],
  ['/startcafe virtuel', '', 'help.virtuel'],
  ['/startcafe sur-mesure', '', 'help.surMesure'],
  ['/suivant', '/next', 'help.suivant'],
  ['/precedent', '/previous', 'help.precedent'],
  ['/reveler', '/reveal', 'help.reveler'],
  ['/pause', '/pause', 'help.pause'],
  ['/reprendre', '/resume', 'help.reprendre'],
  ['/prolonger N', '/extend N', 'help.prolonger'],
  ['/fin', '/end', 'help.fin'],
  ['/animateur @personne', '', 'help.animateur'],
  ['/coanimateur @personne', '', 'help.coanimateur'],
  ['/reseau', '/network', 'help.reseau'],
  ['/effacer', '/erase', 'help.effacer'],
  ['/aide', '/help', 'help.aide'],
];

/** /aide: what Barista does, the commands, and how participants take part (in the cards). */
export function helpCard({ locale: L, isFacilitator, retentionDays = 30 }: HelpInput): Card {
  return expand(helpTemplate, {
    title: t(L, 'help.title'),
    intro: t(L, 'help.intro'),
    participants: t(L, 'help.participants'),
    hasFacilitatorNote: !isFacilitator,
    facilitatorNote: t(L, 'help.facilitatorOnly'),
    commands: COMMANDS.map(([command, alias, help]) => ({
      text: `**${alias && alias !== command ? `${command}** · **${alias}` : command}** : ${t(L, help, { days: retentionDays })}`,
    })),
    aliases: t(L, 'help.aliases'),
  });
}
