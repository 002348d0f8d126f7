import type { Reply } from '../../../channel/port';
import type { Formula } from '../../../content/schema';
import { findFormula, isRefusal, startCafe } from '../../../domain';
import type { CafeState } from '../../../domain/types';
import { isRedelivery } from '../../../domain/turnRules';
import { t } from '../../../i18n';
import type { Kit } from '../kit';
import type { Turn } from '../types';

/**
 * Starts a café in the turn's conversation: its menu card is posted, or the person is told a café
 * already runs here, or which formulas exist. The activity that started the café, delivered again
 * by Teams, gets what a re-delivery gets (`answerToRefusal`): a typed /startcafe nothing at all,
 * a button the café's menu is in the chat (`undefined` here: the route says so).
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
  const started: CafeState = turn.activityId ? { ...state, startActivityId: turn.activityId } : state;
  // Two deliveries of one /startcafe at once: the one that lost the race is the re-delivery.
  if (!(await store.create(started))) {
    const other = await store.getActive(address.conversationId);
    return other ? running(other) : { message: t(actor.locale, 'refusal.invalid') };
  }
  kit.effects.postMenu(started);
  return undefined;
}
