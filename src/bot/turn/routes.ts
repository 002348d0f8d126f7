import type { ActionData, Verb } from '../../cards/actions';
import type { TextCommand } from '../parse';
import type { Route } from './route';
import * as chat from './routes/chat';
import * as contribution from './routes/contribution';
import * as f from './routes/facilitator';
import * as privacy from './routes/privacy';

type TextType = TextCommand['type'];

/**
 * The route table: every text command and every card verb, each with its one route. Adding a verb
 * (to cards/actions.ts's schema) or a command (to parse.ts) without a route here does not compile.
 */
export const textRoutes = {
  help: chat.help,
  menu: chat.menu,
  startcafe: chat.startcafe,
  next: f.textNext,
  back: f.textBack,
  reveal: f.textReveal,
  pause: f.textPause,
  resume: f.textResume,
  extend: f.textExtend,
  end: f.textEnd,
  handover: f.handover,
  cofacilitator: f.cofacilitator,
  erase: privacy.eraseText,
  network: privacy.networkText,
} satisfies { [K in TextType]: Route<Extract<TextCommand, { type: K }>> };

export const actionRoutes = {
  start: chat.start,
  advise: chat.advise,
  compose: chat.compose,
  refresh: f.refresh,
  begin: f.begin,
  choose: f.choose,
  next: f.next,
  back: f.back,
  reveal: f.reveal,
  turn: f.turnFloor,
  pause: f.pause,
  resume: f.resume,
  extend: f.extend,
  end: f.end,
  reformulate: f.reformulate,
  register: contribution.register,
  vote: contribution.vote,
  pick: contribution.pick,
  done: contribution.done,
  postit: contribution.postit,
  argument: contribution.argument,
  answer: contribution.answer,
  feedback: contribution.feedback,
  erase: privacy.erase,
  network: privacy.network,
} satisfies { [V in Verb]: Route<Extract<ActionData, { verb: V }>> };

/** The route of a text command. */
export function textRoute(cmd: TextCommand): Route<TextCommand> {
  return textRoutes[cmd.type] as Route<TextCommand>;
}

/** The route of a card verb. */
export function actionRoute(data: ActionData): Route<ActionData> {
  return actionRoutes[data.verb] as Route<ActionData>;
}
