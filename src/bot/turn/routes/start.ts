import type { Reply } from '../../../channel/port';
import type { Formula } from '../../../content/schema';
import { findFormula, isRefusal, startCafe } from '../../../domain';
import type { CafeState } from '../../../domain/types';
import { isRedelivery } from '../../../domain/turnRules';
import { BaristaError } from '../../../errors';
import { t } from '../../../i18n';
import type { Kit } from '../kit';
import type { Turn } from '../types';

/** How many codes a start draws before giving up (50 random bits each: a second draw is already rare). */
const CODE_ATTEMPTS = 3;

/**
 * Starts a café in the turn's conversation: its menu card is posted, or the person is told a café
 * already runs here, or which formulas exist. The activity that started the café, delivered again
 * by Teams, gets what a re-delivery gets (`answerToRefusal`): a typed /startcafe nothing at all,
 * a button the café's menu is in the chat (`undefined` here: the route says so). The café gets
 * its join code here (web participants join by it); a code another café already holds is drawn again.
 */
export async function startInChat(kit: Kit, turn: Turn, formulaId: string, variant: 'avec-sucre' | 'sans-sucre', custom?: Formula): Promise<Reply> {
  const { store, content } = kit;
  const { actor, address } = turn;
  const running = (active: CafeState): Reply =>
    isRedelivery(active, turn.activityId) ? undefined : { scene: { kind: 'already-running', state: active, locale: actor.locale } };
  const active = await store.getActive(address.conversationId);
  if (active) return running(active);
  if (!custom && !findFormula(content, formulaId, variant)) return { scene: { kind: 'formulas', locale: actor.locale, input: formulaId } };
  const state = startCafe(
    {
      type: 'start', formulaId, variant, cafeId: kit.newId(),
      conversationId: address.conversationId, tenantId: address.tenantId,
      serviceUrl: address.serviceUrl, botId: address.botId, channelId: address.channelId,
      ...(turn.meetingId ? { meetingId: turn.meetingId } : {}),
      ...(custom ? { formula: custom } : {}),
    },
    { actor, content, now: kit.now(), activityId: turn.activityId },
  );
  if (isRefusal(state)) return { scene: { kind: 'formulas', locale: actor.locale, input: formulaId } };
  const { created, started } = await createWithCode(kit, turn.activityId ? { ...state, startActivityId: turn.activityId } : state);
  // Two deliveries of one /startcafe at once: the one that lost the race is the re-delivery.
  if (!created) {
    const other = await store.getActive(address.conversationId);
    return other ? running(other) : { message: t(actor.locale, 'refusal.invalid') };
  }
  kit.effects.postMenu(started);
  return undefined;
}

/**
 * Creates the café with a new join code, drawn again while another café holds it (the store
 * refuses it with 'code-taken', storing nothing); past CODE_ATTEMPTS draws the error goes on.
 */
async function createWithCode(kit: Kit, state: CafeState): Promise<{ created: boolean; started: CafeState }> {
  for (let attempt = 1; ; attempt++) {
    const started: CafeState = { ...state, joinCode: kit.newCode() };
    try {
      return { created: await kit.store.create(started), started };
    } catch (err) {
      if (!(err instanceof BaristaError && err.code === 'code-taken') || attempt >= CODE_ATTEMPTS) throw err;
    }
  }
}
