import type { ActionData } from '../../../cards/actions';
import { canFacilitate, chatCafe, cleanText, confirmationValid, messageKeys, parsePosition, type Actor, type CafeState } from '../../../domain';
import { t } from '../../../i18n';
import type { Reply } from '../../../channel/port';
import type { TextCommand } from '../../parse';
import type { Kit } from '../kit';
import type { Route } from '../route';

/**
 * The chat's commands that are not about one café: /effacer (confirmed) and /reseau. Both are the
 * facilitator's: the one of the chat's current or last café, its co-facilitators, the meeting's
 * organizers and presenters.
 */

type Text<K extends TextCommand['type']> = Extract<TextCommand, { type: K }>;
type Action<V extends ActionData['verb']> = Extract<ActionData, { verb: V }>;

/**
 * A chat's cafés, newest first, and the one that says who may act for the chat (the running café,
 * else the last one) — or the answer when there is none, or when the person is not its facilitator.
 */
async function chatCafes(kit: Kit, conversationId: string, actor: Actor, none: 'erase.nothing' | 'network.noCafe'): Promise<{ cafes: CafeState[]; latest: CafeState } | { reply: Reply }> {
  const cafes = await kit.store.listCafes(conversationId);
  const latest = chatCafe(cafes);
  if (!latest) return { reply: { message: t(actor.locale, none) } };
  if (!canFacilitate(latest, actor)) return { reply: kit.refusal({ refused: 'not-facilitator' }, actor, latest) };
  return { cafes, latest };
}

/** /effacer: asks for a confirmation. */
export const eraseText: Route<Text<'erase'>> = {
  drives: true,
  async run(kit, turn) {
    const chat = await chatCafes(kit, turn.address.conversationId, turn.actor, 'erase.nothing');
    if ('reply' in chat) return chat.reply;
    return { scene: { kind: 'erase-confirm', locale: turn.actor.locale, count: chat.cafes.length, at: kit.now(), days: kit.deps.retentionDays ?? 30 } };
  },
};

/** /reseau: the network's questions, prefilled with what the chat told. */
export const networkText: Route<Text<'network'>> = {
  drives: true,
  async run(kit, turn) {
    const chat = await chatCafes(kit, turn.address.conversationId, turn.actor, 'network.noCafe');
    if ('reply' in chat) return chat.reply;
    const profile = await kit.store.getProfile(turn.address.conversationId);
    return { scene: { kind: 'network', locale: turn.actor.locale, profile, cafeId: chat.latest.id } };
  },
};

/**
 * /effacer, confirmed: every café of the chat goes (the store erases cafés, contributions, card ids
 * and the chat's profile), their timers are cancelled and Barista's cards are removed from the chat.
 */
export const erase: Route<Action<'erase'>> = {
  drives: true,
  async run(kit, turn, data) {
    const store = kit.store;
    const actor = turn.actor;
    const conversationId = turn.address.conversationId;
    const chat = await chatCafes(kit, conversationId, actor, 'erase.nothing');
    if ('reply' in chat) return chat.reply;
    if (data.confirm === 'non') return { scene: { kind: 'erased', locale: actor.locale, count: 0, cancelled: true } };
    if (!confirmationValid(data.at, kit.now())) return { message: t(actor.locale, 'erase.expired') };
    const posted: Array<{ cafe: CafeState; ids: string[] }> = [];
    for (const cafe of chat.cafes) {
      kit.deps.timers.cancel(cafe.id);
      // The parts' cards, and the cards of a café posted step by step before the parts had one.
      const keys = [...messageKeys(cafe), ...cafe.steps.map((s) => s.id)];
      const ids = (await Promise.all(keys.map((k) => store.getMessageId(cafe.id, k)))).filter((id): id is string => !!id);
      posted.push({ cafe, ids });
    }
    const count = await store.eraseConversation(conversationId);
    const removals: Array<Promise<{ removed: number; refused: number }>> = [];
    for (const { cafe, ids } of posted) {
      kit.reads.forget(cafe.id);
      kit.deps.onChange?.(cafe);
      removals.push(kit.effects.deleteMessages(cafe, ids));
    }
    // Once the cards are gone (or Teams refused some), the facilitator hears what was done and what was not.
    void Promise.all(removals).then((all) => {
      const removed = all.reduce((n, r) => n + r.removed, 0);
      const refused = all.reduce((n, r) => n + r.refused, 0);
      if (removed + refused === 0) return;
      const text = refused ? t(actor.locale, 'erase.cardsRefused', { removed, refused }) : t(actor.locale, 'erase.cardsRemoved', { removed });
      kit.effects.enqueue({ id: chat.latest.id, conversationId }, () => kit.deps.channel.reply(turn.address, actor, text));
    });
    return { scene: { kind: 'erased', locale: actor.locale, count } };
  },
};

/** The network's questions answered: remembered for the chat; the answer gives the café's report links. */
export const network: Route<Action<'network'>> = {
  drives: true,
  async run(kit, turn, data) {
    const actor = turn.actor;
    const conversationId = turn.address.conversationId;
    const chat = await chatCafes(kit, conversationId, actor, 'network.noCafe');
    if ('reply' in chat) return chat.reply;
    const organisation = cleanText(data.networkOrganisation);
    const town = cleanText(data.networkTown);
    if (!organisation || !town) return { message: t(actor.locale, 'network.required') };
    if (organisation.length > 120 || town.length > 120) return kit.refusal({ refused: 'too-long', detail: '120' }, actor);
    const position = parsePosition(data.networkPosition);
    if (position === null) return { message: t(actor.locale, 'network.badPosition') };
    const profile = { organisation, town, ...(position ?? {}), updatedAt: kit.now() };
    await kit.store.setProfile(conversationId, profile);
    const cafe = chat.cafes.find((c) => c.id === data.cafe) ?? chat.cafes.find((c) => c.status === 'ended') ?? chat.latest;
    return { scene: { kind: 'network', locale: actor.locale, profile, cafeId: cafe.id, saved: true, links: kit.deps.networkLinks?.(cafe.id) } };
  },
};
