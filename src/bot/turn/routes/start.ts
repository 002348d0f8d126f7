import type { Reply } from '../../../channel/port';
import type { Formula } from '../../../content/schema';
import { findFormula, isRefusal, startCafe } from '../../../domain';
import { t } from '../../../i18n';
import type { Kit } from '../kit';
import type { Turn } from '../types';

/**
 * Starts a café in the turn's conversation: its menu card is posted, or the person is told a café
 * already runs here, or which formulas exist.
 */
export async function startInChat(kit: Kit, turn: Turn, formulaId: string, variant: 'avec-sucre' | 'sans-sucre', custom?: Formula): Promise<Reply> {
  const { store, content } = kit;
  const { actor, address } = turn;
  const active = await store.getActive(address.conversationId);
  if (active) return { scene: { kind: 'already-running', state: active, locale: actor.locale } };
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
  if (!(await store.create(state))) {
    const other = await store.getActive(address.conversationId);
    return other ? { scene: { kind: 'already-running', state: other, locale: actor.locale } } : { message: t(actor.locale, 'refusal.invalid') };
  }
  kit.effects.postMenu(state);
  return undefined;
}
