import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Actor } from '../../domain/types';
import { BaristaError, type ErrorSink } from '../../errors';

type Role = NonNullable<Actor['meetingRole']>;
export type RoleLookup = (ctx: TurnContext, meetingId: string, participantId: string, tenantId?: string) => Promise<string | undefined>;

const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 5000;
const TIMEOUT_MS = 2000;

/** Teams' own call: GET /v1/meetings/{meetingId}/participants/{participantId}?tenantId=… */
export const teamsRoleLookup: RoleLookup = async (ctx, meetingId, participantId, tenantId) =>
  (await TeamsInfo.getMeetingParticipant(ctx, meetingId, participantId, tenantId)).meeting?.role;

/**
 * Meeting roles, read from Teams when a meeting chat's participant tries to drive the café
 * (organizers and presenters may), cached a few minutes per person. When Teams will not say
 * (not a meeting, permission not granted, timeout) Barista falls back to the chat's rules — the
 * facilitator is whoever started the café — and logs why, once.
 */
export class MeetingRoles {
  private readonly cache = new Map<string, { role: Role | undefined; at: number }>();
  private warned = false;

  constructor(
    private readonly sink: ErrorSink,
    private readonly lookup: RoleLookup = teamsRoleLookup,
    private readonly now: () => number = Date.now,
  ) {}

  async roleOf(ctx: TurnContext, meetingId: string, participantId: string, tenantId?: string): Promise<Role | undefined> {
    const key = `${meetingId}|${participantId}`;
    const hit = this.cache.get(key);
    if (hit && this.now() - hit.at < TTL_MS) return hit.role;
    let role: Role | undefined;
    try {
      const raw = await withTimeout(this.lookup(ctx, meetingId, participantId, tenantId), TIMEOUT_MS);
      role = raw === 'Organizer' || raw === 'Presenter' || raw === 'Attendee' ? raw : undefined;
    } catch (err) {
      if (!this.warned) {
        this.warned = true;
        this.sink(new BaristaError('meeting-role', 'falling back to the chat rules: the facilitator is whoever started the café (logged once)', err), { where: 'meeting-role' });
      }
      return undefined;
    }
    if (this.cache.size >= MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { role, at: this.now() });
    return role;
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from Teams within ${ms} ms`)), ms);
    p.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}
