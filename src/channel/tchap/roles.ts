import { z } from 'zod';
import type { Actor } from '../../domain/types';

/**
 * Who drives a café in a Tchap room: besides whoever started it, the room's moderators and admins
 * (power level ≥ 50), the Matrix equivalent of a Teams meeting's presenters and organizers — so the
 * domain's rule (`canFacilitate`) is the same whatever the door. Read from the room's
 * `m.room.power_levels` state; anything malformed counts as the defaults (nobody above 0).
 */
const PowerLevels = z.object({
  users: z.record(z.string(), z.number().int()).optional(),
  users_default: z.number().int().optional(),
});

export const MODERATOR_LEVEL = 50;
export const ADMIN_LEVEL = 100;

export function powerOf(powerLevels: unknown, userId: string): number {
  const parsed = PowerLevels.safeParse(powerLevels);
  if (!parsed.success) return 0;
  const users = parsed.data.users ?? {};
  return Object.hasOwn(users, userId) ? users[userId]! : parsed.data.users_default ?? 0;
}

/** The person's role in the room, as the domain knows roles. */
export function roleOf(powerLevels: unknown, userId: string): NonNullable<Actor['meetingRole']> {
  const level = powerOf(powerLevels, userId);
  return level >= ADMIN_LEVEL ? 'Organizer' : level >= MODERATOR_LEVEL ? 'Presenter' : 'Attendee';
}
