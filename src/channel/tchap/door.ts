import { ClientEvent, SyncState } from 'matrix-js-sdk';
import type { Logger } from 'pino';
import type { TurnPipeline } from '../../bot/turn/pipeline';
import type { TchapConfig } from '../../config';
import type { Content } from '../../content/schema';
import type { CafeState } from '../../domain/types';
import type { ErrorSink } from '../../errors';
import type { CafeStore } from '../../store/port';
import type { Address, ChannelPort, Viewer } from '../port';
import { TchapChannel } from './channel';
import { openMatrix, type OpenMatrix } from './client';
import { TchapInbound } from './inbound';
import { matrixApiOf } from './matrixApi';
import { TchapSendError } from './matrixApi';
import { TchapState } from './state';

/** The address channelId of a Tchap room's café. */
export const TCHAP_CHANNEL_ID = 'tchap';

export interface TchapDoorOptions {
  config: TchapConfig;
  content: Content;
  sink: ErrorSink;
  /** Where matrix-js-sdk's own logs go (as `matrix-js-sdk` lines); the console otherwise. */
  logger?: Logger;
  facilitatorViewer?: (state: CafeState, userId: string) => Partial<Viewer>;
  boardLink?: (cafeId: string) => string | undefined;
  /** Pacing of edits and countdown ticks (tests). */
  editGapMs?: number;
  tickMs?: number;
}

/**
 * The Tchap door, in the order the server needs it: opened (the client, its device and keys, the
 * channel) before the pipeline is built, then `listen` once the pipeline exists (the sync starts),
 * `close` at shutdown (the sync stopped, the state written a last time).
 */
export interface TchapDoor {
  channel: TchapChannel;
  matrix: OpenMatrix;
  listen(pipeline: TurnPipeline, store: CafeStore): Promise<void>;
  /** Waits until the events received so far were handled (tests). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function openTchapDoor(o: TchapDoorOptions): Promise<TchapDoor> {
  const state = new TchapState(o.config.statePath);
  let matrix: OpenMatrix;
  try {
    matrix = await openMatrix(
      { baseUrl: o.config.homeserverUrl, userId: o.config.userId, ...(o.config.accessToken ? { accessToken: o.config.accessToken } : {}), ...(o.config.password ? { password: o.config.password } : {}) },
      state,
      o.config.statePath,
      o.logger,
    );
  } catch (err) {
    state.close();
    throw new Error(`Tchap : ${(err as Error).message} (TCHAP_HOMESERVER_URL=${o.config.homeserverUrl}, TCHAP_USER_ID=${o.config.userId})`);
  }
  const channel = new TchapChannel({
    api: matrixApiOf(matrix.client, state),
    state,
    content: o.content,
    sink: o.sink,
    ...(o.facilitatorViewer ? { facilitatorViewer: o.facilitatorViewer } : {}),
    ...(o.boardLink ? { boardLink: o.boardLink } : {}),
    ...(o.editGapMs !== undefined ? { editGapMs: o.editGapMs } : {}),
    ...(o.tickMs !== undefined ? { tickMs: o.tickMs } : {}),
  });
  let inbound: TchapInbound | undefined;
  const prune = setInterval(() => state.pruneHandled(), 6 * 3_600_000);
  prune.unref();
  return {
    channel,
    matrix,
    async listen(pipeline, store) {
      inbound = new TchapInbound({
        client: matrix.client, pipeline, channel, state, store, content: o.content, sink: o.sink,
        baseUrl: o.config.homeserverUrl, displayName: o.config.displayName,
        allowedHomeservers: o.config.allowedHomeservers, locale: o.config.locale,
      });
      inbound.start();
      await matrix.client.setDisplayName(o.config.displayName).catch((err) => o.sink(err, { code: 'tchap-profile' }));
      const prepared = firstSync(matrix.client);
      await matrix.client.startClient({ initialSyncLimit: 20, lazyLoadMembers: false });
      await prepared;
    },
    idle: () => inbound?.idle() ?? Promise.resolve(),
    async close() {
      clearInterval(prune);
      channel.close();
      inbound?.stop();
      await inbound?.idle();
      await channel.flush().catch((err) => o.sink(err, { code: 'tchap-flush' }));
      await matrix.close();
      state.close();
    },
  };
}

/** Resolves once the client's first sync is done (the rooms are known); rejects when it cannot sync. */
function firstSync(client: OpenMatrix['client'], timeoutMs = 120_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.removeListener(ClientEvent.Sync, on);
      reject(new Error(`Tchap : pas de synchronisation avec le serveur Matrix en ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const on = (state: SyncState): void => {
      if (state !== SyncState.Prepared && state !== SyncState.Syncing) return;
      clearTimeout(timer);
      client.removeListener(ClientEvent.Sync, on);
      resolve();
    };
    client.on(ClientEvent.Sync, on);
  });
}

/**
 * Where the Tchap door is not open (no TCHAP_* here, or another instance runs it): a Tchap café's
 * calls fail as worth trying again, so the outbox keeps them for the instance that runs the door,
 * and nothing meant for a Matrix room is ever sent to Teams.
 */
export class TchapElsewhere implements ChannelPort {
  private fail(): never {
    throw new TchapSendError(true, new Error('the Tchap door is not open in this process'));
  }
  async post(_to: Address): Promise<string | undefined> {
    return this.fail();
  }
  update(): void {
    // Not acknowledged: the outbox keeps the request for the process that runs the door.
  }
  async delete(): Promise<void> {
    this.fail();
  }
  async say(): Promise<void> {
    this.fail();
  }
  async reply(): Promise<void> {
    this.fail();
  }
  async notifyFacilitators(): Promise<void> {
    this.fail();
  }
  async members(): Promise<string[] | undefined> {
    return undefined;
  }
  async flush(): Promise<void> {}
}
