import { EventType, Preset, type MatrixClient } from 'matrix-js-sdk';
import { roomReady } from './roomReady';
import type { TchapState } from './state';

/**
 * What the Tchap channel asks of the homeserver, narrowed to the few calls it makes (so the
 * channel is tested with a fake, and the SDK stays behind this file). matrix-js-sdk encrypts in
 * encrypted rooms and retries what the homeserver rate-limits (its scheduler, with `retry_after_ms`).
 */
export interface MatrixApi {
  readonly userId: string;
  /** Sends one event; resolves with its id. */
  send(roomId: string, type: string, content: Record<string, unknown>): Promise<string>;
  redact(roomId: string, eventId: string): Promise<void>;
  /** Barista's direct-message room with a person (made, encrypted, the first time, and kept). */
  directRoom(userId: string): Promise<string>;
  /** The room's joined members (ids), Barista aside; undefined when Barista does not know the room. */
  members(roomId: string): string[] | undefined;
  /** Sets a room state event (a widget); false when Barista may not (its power level). */
  setState(roomId: string, type: string, stateKey: string, content: Record<string, unknown>): Promise<boolean>;
}

/** A homeserver error worth trying again later (rate limited, the server or the network down). */
export function isRetryableMatrixError(err: unknown): boolean {
  const status = (err as { httpStatus?: number } | null)?.httpStatus;
  return status === undefined || status === 429 || status >= 500;
}

/** An error the outbox reads: `retryable` says whether the call is worth trying again. */
export class TchapSendError extends Error {
  constructor(readonly retryable: boolean, override readonly cause: unknown, readonly status?: number) {
    super(`Matrix call failed${status ? ` (HTTP ${status})` : ''}: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'TchapSendError';
  }
}

function wrap(err: unknown): TchapSendError {
  return new TchapSendError(isRetryableMatrixError(err), err, (err as { httpStatus?: number } | null)?.httpStatus);
}

export function matrixApiOf(client: MatrixClient, state: TchapState): MatrixApi {
  const userId = client.getUserId()!;
  const creating = new Map<string, Promise<string>>();
  // Rooms Barista has seen ready to send into (joined, their encryption configured): checked once.
  const ready = new Set<string>();
  const readyFor = async (roomId: string): Promise<void> => {
    if (ready.has(roomId)) return;
    if (await roomReady(client, roomId)) ready.add(roomId);
  };
  return {
    userId,
    async send(roomId, type, content) {
      try {
        await readyFor(roomId);
        const res = await client.sendEvent(roomId, type as never, content as never);
        return res.event_id;
      } catch (err) {
        throw wrap(err);
      }
    },
    async redact(roomId, eventId) {
      try {
        await client.redactEvent(roomId, eventId);
      } catch (err) {
        // Already gone is gone.
        if ((err as { httpStatus?: number }).httpStatus === 404) return;
        throw wrap(err);
      }
    },
    directRoom(person) {
      const kept = state.dmRoom(person);
      if (kept) return Promise.resolve(kept);
      let pending = creating.get(person);
      if (!pending) {
        pending = (async () => {
          try {
            const { room_id: roomId } = await client.createRoom({
              is_direct: true,
              preset: Preset.TrustedPrivateChat,
              invite: [person],
              // Tchap's direct messages are end-to-end encrypted; Barista's too.
              initial_state: [{ type: EventType.RoomEncryption, state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
            });
            state.putDmRoom(person, roomId);
            // Clients list it among the person's direct messages (m.direct), as they list their own.
            const direct = (client.getAccountData(EventType.Direct)?.getContent() ?? {}) as Record<string, string[]>;
            await client.setAccountData(EventType.Direct, { ...direct, [person]: [...(direct[person] ?? []), roomId] } as never).catch(() => undefined);
            return roomId;
          } catch (err) {
            throw wrap(err);
          } finally {
            creating.delete(person);
          }
        })();
        creating.set(person, pending);
      }
      return pending;
    },
    members(roomId) {
      const room = client.getRoom(roomId);
      if (!room) return undefined;
      return room.getJoinedMembers().map((m) => m.userId).filter((id) => id !== userId);
    },
    async setState(roomId, type, stateKey, content) {
      try {
        await readyFor(roomId);
        await client.sendStateEvent(roomId, type as never, content as never, stateKey);
        return true;
      } catch (err) {
        if ((err as { httpStatus?: number }).httpStatus === 403) return false;
        throw wrap(err);
      }
    },
  };
}
