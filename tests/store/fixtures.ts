import { randomUUID } from 'node:crypto';
import type { CafeState, Contribution, ContributionValue } from '../../src/domain/types';
import type { CafeStore } from '../../src/store/port';
import { newCafeCode } from '../../src/web/code';

let seq = 0;

/** A valid CafeState (a café waiting on its menu card), with overrides. */
export function makeCafe(overrides: Partial<CafeState> = {}): CafeState {
  seq += 1;
  return {
    id: `cafe-${seq}`,
    conversationId: `conv-${seq}`,
    tenantId: 'tenant-1',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    botId: '28:barista',
    channelId: 'msteams',
    locale: 'fr',
    formulaId: 'formula-1',
    variant: 'avec-sucre',
    facilitatorId: 'user-facilitator',
    facilitatorName: 'Camille',
    status: 'menu',
    createdAt: 1_700_000_000_000,
    pausedMs: 0,
    steps: [
      { id: 's1', part: 'tasse', kind: 'poll', activityId: 'act-1', ref: 'q1', plannedMinutes: 5 },
      { id: 's2', part: 'cafe', kind: 'board', activityId: 'act-2', ref: '', plannedMinutes: 10 },
    ],
    cursor: -1,
    runtime: {},
    recentActivityIds: [],
    version: 1,
    ...overrides,
  };
}

/** A vote by `userId` on `stepId`. */
export function makeVote(cafeId: string, stepId: string, userId: string, choice: string, at: number): Contribution {
  return { cafeId, stepId, kind: 'vote', key: userId, userId, value: { kind: 'vote', choice }, at };
}

/** A post-it (a new key each time). */
export function makePostit(cafeId: string, stepId: string, key: string, userId: string, text: string, at: number): Contribution {
  const value: ContributionValue = { kind: 'postit', column: 'idees', postitKind: 'idea', text };
  return { cafeId, stepId, kind: 'postit', key, userId, userName: 'Dominique', value, at };
}

/** A café with a join code, votes, a post-it with a name, message ids; ids that contain no other id (leaves-nothing-behind tests). */
export async function seedCafe(store: CafeStore, conversationId: string, changes: Partial<CafeState> = {}): Promise<CafeState> {
  const cafe = makeCafe({ id: randomUUID(), conversationId, joinCode: newCafeCode(), ...changes });
  if (!(await store.create(cafe))) throw new Error(`could not create café ${cafe.id}`);
  await store.putContribution(makeVote(cafe.id, 's1', 'u1', 'A', 1));
  await store.putContribution(makePostit(cafe.id, 's2', randomUUID(), 'u2', 'an idea', 2));
  await store.setMessageId(cafe.id, 'menu', `activity-${randomUUID()}`);
  return cafe;
}
