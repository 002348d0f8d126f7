import { KnownMembership, type MatrixClient } from 'matrix-js-sdk';

/**
 * Waits until Barista may send into a room it just joined or made: its sync shows it joined, and,
 * in an encrypted room, its crypto knows the room's encryption (matrix-js-sdk refuses to encrypt
 * for a room it has not configured yet: « Cannot encrypt event in unconfigured room »). The sync
 * configures the crypto before it applies the room's state, so a joined room with an encryption
 * state event is ready. Resolves false at once in a room Barista left or was banned from, and after
 * `timeoutMs` in one it never joined (the send then fails as it would have).
 */
export async function roomReady(client: MatrixClient, roomId: string, timeoutMs = 30_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const room = client.getRoom(roomId);
    const membership = room?.getMyMembership();
    // Left or banned: no wait will help (the send fails as it should, and says why).
    if (membership === KnownMembership.Leave || membership === KnownMembership.Ban) return false;
    if (room && membership === KnownMembership.Join) {
      if (!room.hasEncryptionStateEvent()) return true;
      if (await client.getCrypto()?.isEncryptionEnabledInRoom(roomId)) return true;
    }
    if (Date.now() >= end) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
