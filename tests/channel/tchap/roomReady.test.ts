import type { MatrixClient } from 'matrix-js-sdk';
import { roomReady } from '../../../src/channel/tchap/roomReady';

/** A client as roomReady reads it: the room's membership and encryption, and the crypto's view. */
function client(room: { membership?: string; encrypted?: boolean } | undefined, crypto: { configured: boolean }): MatrixClient {
  return {
    getRoom: () => (room ? { getMyMembership: () => room.membership ?? 'join', hasEncryptionStateEvent: () => !!room.encrypted } : null),
    getCrypto: () => ({ isEncryptionEnabledInRoom: async () => crypto.configured }),
  } as unknown as MatrixClient;
}

describe('Barista sends into a room once it may', () => {
  it('at once in a joined room without encryption, or whose encryption the crypto knows', async () => {
    await expect(roomReady(client({}, { configured: false }), '!r', 1000)).resolves.toBe(true);
    await expect(roomReady(client({ encrypted: true }, { configured: true }), '!r', 1000)).resolves.toBe(true);
  });

  it('in an encrypted room just joined, when the sync has configured its encryption', async () => {
    const crypto = { configured: false };
    const ready = roomReady(client({ encrypted: true }, crypto), '!r', 5000);
    setTimeout(() => (crypto.configured = true), 250);
    await expect(ready).resolves.toBe(true);
  });

  it('never in a room it left or was banned from (no wait), nor one it never joined (after the wait)', async () => {
    await expect(roomReady(client({ membership: 'leave' }, { configured: true }), '!r', 60_000)).resolves.toBe(false);
    await expect(roomReady(client({ membership: 'ban' }, { configured: true }), '!r', 60_000)).resolves.toBe(false);
    await expect(roomReady(client(undefined, { configured: true }), '!r', 300)).resolves.toBe(false);
    await expect(roomReady(client({ membership: 'invite' }, { configured: true }), '!r', 300)).resolves.toBe(false);
  });
});
