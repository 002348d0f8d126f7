import { parseText, type Input } from '../../bot/parse';
import type { Content } from '../../content/schema';
import { composables, PARTS } from '../../domain/compose';
import type { CafeState } from '../../domain/types';
import { currentOf, optionIds, votable } from './intentSteps';
import { act, badArgument, fold, indexOf } from './intentWords';

/**
 * Barista's commands in Tchap (`!…`, or a message that names Barista first): the ones parse.ts
 * knows (`!suivant`, `!prolonger 5`…), and Tchap's words for what Teams' buttons do (`!commencer`,
 * `!fin oui`, `!choisir 2`, `!vote 3`…), each turned into the button's verb with the café and its
 * current step, so the pipeline decides as for a press.
 */

export interface CommandContext {
  content: Content;
  cafe?: CafeState;
  pending?: { end?: { at: number; step?: string }; erase?: { at: number } };
  mentioned?: Array<{ id: string; name: string }>;
}

type Verb = 'begin' | 'end' | 'erase' | 'choose' | 'vote' | 'done' | 'turn' | 'register' | 'formula' | 'custom' | 'menu' | 'network';

/** Tchap's own command words (without accents), French first, English aliases. */
const WORDS: Record<string, Verb> = {
  commencer: 'begin', begin: 'begin',
  fin: 'end', end: 'end',
  effacer: 'erase', erase: 'erase',
  choisir: 'choose', choose: 'choose',
  vote: 'vote', voter: 'vote',
  fini: 'done', finie: 'done', done: 'done',
  tour: 'turn', turn: 'turn',
  inscription: 'register', register: 'register',
  formule: 'formula', formula: 'formula',
  surmesure: 'custom', 'sur-mesure': 'custom', custom: 'custom',
  menu: 'menu',
  reseau: 'network', network: 'network',
};

const YES = new Set(['oui', 'yes']);
const NO = new Set(['non', 'no']);
const LEVELS: Record<string, 'novice' | 'averti' | 'intermediaire'> = {
  novice: 'novice', debutant: 'novice', debutante: 'novice', beginner: 'novice',
  averti: 'averti', avertie: 'averti', informed: 'averti',
  intermediaire: 'intermediaire', intermediate: 'intermediaire',
};
const PLACES: Record<string, 'online' | 'room'> = {
  'en-ligne': 'online', ligne: 'online', online: 'online', visio: 'online', 'en-visio': 'online',
  salle: 'room', 'en-salle': 'room', 'sur-place': 'room', room: 'room', 'in-room': 'room', 'in-the-room': 'room',
};
const VARIANTS: Record<string, 'avec-sucre' | 'sans-sucre'> = {
  '': 'avec-sucre', 'avec-sucre': 'avec-sucre', 'with-sugar': 'avec-sucre', 'sans-sucre': 'sans-sucre', 'without-sugar': 'sans-sucre',
};

/** Is this command text one Barista knows (its first word)? A step's thread takes everything else as its answer. */
export function isKnownCommand(text: string): boolean {
  const head = text.split(' ')[0] ?? '';
  return WORDS[fold(head.replace(/^[!/]/, ''))] !== undefined || parseText(`/${head.replace(/^[!/]/, '')}`).kind !== 'unknown-command';
}

/** The input of a command text (as `commandText` gives it: no `!`, spaces collapsed). */
export function tchapCommand(text: string, ctx: CommandContext): Input {
  const [head = '', ...args] = text.split(' ');
  const verb = WORDS[fold(head.replace(/^[!/]/, ''))];
  const { cafe } = ctx;
  const step = currentOf(cafe);
  const arg = fold(args[0] ?? '');
  switch (verb) {
    case 'begin':
      // Without a café, Commencer is /suivant's first press: the pipeline says there is none.
      return cafe ? act({ verb: 'begin', cafe: cafe.id }) : { kind: 'text', command: { type: 'next' } };
    case 'end': {
      const confirm = YES.has(arg) ? 'end' : arg === 'avis' || arg === 'feedback' ? 'feedback' : NO.has(arg) ? 'cancel' : undefined;
      const asked = ctx.pending?.end;
      if (cafe && confirm === 'cancel') return act({ verb: 'end', cafe: cafe.id, confirm, ...(asked ? { at: asked.at, ...(asked.step ? { step: asked.step } : {}) } : {}) });
      // « !fin oui » with no confirmation pending is « !fin »: it asks.
      if (!cafe || !confirm || !asked) return { kind: 'text', command: { type: 'end' } };
      return act({ verb: 'end', cafe: cafe.id, confirm, at: asked.at, ...(asked.step ? { step: asked.step } : {}) });
    }
    case 'erase': {
      const asked = ctx.pending?.erase;
      if (NO.has(arg)) return act({ verb: 'erase', confirm: 'non', at: asked?.at ?? 0 });
      if (YES.has(arg) && asked) return act({ verb: 'erase', confirm: 'oui', at: asked.at });
      return { kind: 'text', command: { type: 'erase' } };
    }
    case 'choose': {
      const ids = cafe && step ? optionIds(cafe, ctx.content, step) : [];
      const i = indexOf(args[0], ids.length);
      return cafe && step && i !== undefined ? act({ verb: 'choose', cafe: cafe.id, step: step.id, option: ids[i] }) : badArgument(text);
    }
    case 'vote': {
      const list = step ? votable(ctx.content, step) : undefined;
      const i = list ? indexOf(args[0], list.ids.length) : undefined;
      if (!cafe || !step || !list || i === undefined) return badArgument(text);
      return list.verb === 'vote'
        ? act({ verb: 'vote', cafe: cafe.id, step: step.id, choice: list.ids[i] })
        : act({ verb: 'pick', cafe: cafe.id, step: step.id, item: list.ids[i] });
    }
    case 'done':
      return cafe && step?.kind === 'video' ? act({ verb: 'done', cafe: cafe.id, step: step.id }) : badArgument(text);
    case 'turn': {
      const delta = arg === '' || arg === '1' || arg === '+1' ? 1 : arg === '-1' ? -1 : undefined;
      return cafe && step?.kind === 'turns' && delta ? act({ verb: 'turn', cafe: cafe.id, step: step.id, delta }) : badArgument(text);
    }
    case 'register': {
      const level = LEVELS[arg];
      const place = PLACES[fold(args.slice(1).join('-')) || 'en-ligne'];
      return cafe && level && place ? act({ verb: 'register', cafe: cafe.id, level, place }) : badArgument(text);
    }
    case 'formula': {
      const variant = VARIANTS[fold(args.slice(1).join('-'))];
      return cafe && arg && variant ? act({ verb: 'reformulate', cafe: cafe.id, formula: arg, variant }) : badArgument(text);
    }
    case 'custom':
      return args.length === 0 ? parseText('/startcafe sur-mesure') : compose(args, ctx.content) ?? badArgument(text);
    case 'menu':
      return args.length === 0 ? { kind: 'text', command: { type: 'menu' } } : advise(args) ?? badArgument(text);
    case 'network':
      return args.length === 0 ? { kind: 'text', command: { type: 'network' } } : network(args.join(' '), cafe);
    default: {
      const input = parseText(`/${text}`);
      if (input.kind === 'text' && (input.command.type === 'handover' || input.command.type === 'cofacilitator')) {
        const person = ctx.mentioned?.[0];
        return { kind: 'text', command: { type: input.command.type, ...(person ? { person } : {}) } };
      }
      return input;
    }
  }
}

/** « !surmesure 1 2 0 1 »: for each part (tasse, café, chocolat, sucre) the element numbered in the compose message, 0 for none. */
function compose(args: string[], content: Content): Input | undefined {
  if (args.length !== PARTS.length) return undefined;
  const all = composables(content);
  const keys: string[] = [];
  for (const [n, part] of PARTS.entries()) {
    if (args[n] === '0') {
      keys.push('');
      continue;
    }
    const i = indexOf(args[n], all[part].length);
    if (i === undefined) return undefined;
    keys.push(all[part][i]!.key);
  }
  return act({ verb: 'compose', composeTasse: keys[0], composeCafe: keys[1], composeChocolat: keys[2], composeSucre: keys[3] });
}

/** « !menu oui non averti oui »: the tree's answers in order (organise, long, audience, online). */
function advise(args: string[]): Input | undefined {
  if (args.length > 4) return undefined;
  const yesNo = (w: string | undefined) => (w === undefined ? undefined : YES.has(fold(w)) ? 'oui' : NO.has(fold(w)) ? 'non' : null);
  const [organise, long, online] = [yesNo(args[0]), yesNo(args[1]), yesNo(args[3])];
  const audience = args[2] === undefined ? undefined : LEVELS[fold(args[2])] ?? null;
  if ([organise, long, audience, online].includes(null)) return undefined;
  return act({ verb: 'advise', ...(organise ? { organise } : {}), ...(long ? { long } : {}), ...(audience ? { audience } : {}), ...(online ? { online } : {}) });
}

/** « !reseau Organisation ; Ville ; lat, lon ». */
function network(rest: string, cafe: CafeState | undefined): Input {
  const [organisation = '', town = '', position = ''] = rest.split(';').map((s) => s.trim());
  return act({ verb: 'network', ...(cafe ? { cafe: cafe.id } : {}), networkOrganisation: organisation, networkTown: town, networkPosition: position });
}
