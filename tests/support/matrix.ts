import { ClientEvent, createClient, type MatrixClient, type MatrixEvent, RoomEvent } from 'matrix-js-sdk';
import pino from 'pino';
import { routeMatrixLogs } from '../../src/channel/tchap/sdkLogs';
import type { SynapseUser } from './synapse';

/**
 * What the Matrix tests share: quiet SDK logs, participants' clients (Rust crypto in memory), a first
 * sync awaited, the next live event of a type. Each test file also replaces the SDK's request timer
 * (see tests/tchap/synapse.test.ts: `jest.mock('matrix-js-sdk/lib/http-api/utils.js', …)`), which
 * jest.mock only allows in the test file itself.
 */
export function quietMatrix(): void {
  // The SDK's logs go where Barista sends them (its logger): silent here, MATRIX_LOG=debug to read
  // them (it logs a missing room's state as an error during the first sync).
  routeMatrixLogs(pino({ level: process.env.MATRIX_LOG ?? 'silent' }));
  // The Rust crypto traces at DEBUG level through console.debug (matrix-js-sdk turns it on).
  jest.spyOn(console, 'debug').mockImplementation(() => undefined);
  jest.spyOn(console, 'info').mockImplementation(() => undefined);
}

export function matrixClient(baseUrl: string, user: SynapseUser): MatrixClient {
  return createClient({ baseUrl, accessToken: user.accessToken, userId: user.userId, deviceId: user.deviceId });
}

/** Starts syncing and resolves when the first sync is done. */
export async function startSync(client: MatrixClient): Promise<void> {
  const prepared = new Promise<void>((resolve) => {
    const on = (state: string): void => {
      if (state !== 'PREPARED') return;
      client.removeListener(ClientEvent.Sync, on);
      resolve();
    };
    client.on(ClientEvent.Sync, on);
  });
  await client.startClient({ initialSyncLimit: 10 });
  await prepared;
}

/** The next live timeline event in `roomId` that `client` sees (decrypted) and `match` accepts. */
export function nextEvent(client: MatrixClient, roomId: string, match: (e: MatrixEvent) => boolean, timeoutMs = 20_000): Promise<MatrixEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.removeListener(RoomEvent.Timeline, onTimeline);
      reject(new Error(`no matching event in ${roomId} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onTimeline = (event: MatrixEvent): void => {
      if (event.getRoomId() !== roomId) return;
      void client.decryptEventIfNeeded(event).then(() => {
        if (!match(event)) return;
        clearTimeout(timer);
        client.removeListener(RoomEvent.Timeline, onTimeline);
        resolve(event);
      });
    };
    client.on(RoomEvent.Timeline, onTimeline);
  });
}
