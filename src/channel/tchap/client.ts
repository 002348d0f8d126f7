import { chmodSync } from 'node:fs';
import * as fakeIdb from 'fake-indexeddb';
import { ClientEvent, createClient, IndexedDBStore, SyncState, type MatrixClient } from 'matrix-js-sdk';
import type { Logger } from 'pino';
import { restoreIndexedDb, snapshotIndexedDb, type IdbFactory } from './idbSnapshot';
import { routeMatrixLogs } from './sdkLogs';
import type { MatrixSession, TchapState } from './state';

/**
 * Barista's Matrix client: matrix-js-sdk with its Rust crypto, its device keys and its sync kept in
 * IndexedDB (fake-indexeddb in Node), that IndexedDB snapshotted into the Tchap state file after
 * every sync and restored at start — the same device, the same keys, the sync where it stopped.
 */
export interface MatrixLogin {
  baseUrl: string;
  userId: string;
  /** The bot account's access token (preferred); else `password` logs in once and the session is kept. */
  accessToken?: string;
  password?: string;
}

export interface OpenMatrix {
  client: MatrixClient;
  session: MatrixSession;
  /** Writes the client's IndexedDB (keys and sync) to the state file now. */
  persist(): Promise<void>;
  /** Stops syncing and writes the state a last time. */
  close(): Promise<void>;
}

const SYNC_DB = 'barista-sync';
const PERSIST_MS = 2000;

/** fake-indexeddb's classes as the globals the SDK and the Rust crypto look for, on a given factory. */
function installIndexedDb(factory: unknown): void {
  const g = globalThis as Record<string, unknown>;
  g.indexedDB = factory;
  for (const name of ['IDBCursor', 'IDBCursorWithValue', 'IDBDatabase', 'IDBFactory', 'IDBIndex', 'IDBKeyRange', 'IDBObjectStore', 'IDBOpenDBRequest', 'IDBRequest', 'IDBTransaction', 'IDBVersionChangeEvent'] as const) {
    g[name] = (fakeIdb as Record<string, unknown>)[name];
  }
}

async function whoami(baseUrl: string, accessToken: string): Promise<{ user_id: string; device_id?: string } | undefined> {
  const res = await fetch(new URL('/_matrix/client/v3/account/whoami', baseUrl), { headers: { authorization: `Bearer ${accessToken}` } });
  if (res.status === 401 || res.status === 403) return undefined;
  if (!res.ok) throw new Error(`whoami: HTTP ${res.status}`);
  return (await res.json()) as { user_id: string; device_id?: string };
}

/**
 * The session to run with: the configured token (its device from whoami); or the session a password
 * login made earlier, if the homeserver still takes it; or a new login, kept for next time.
 * Throws a clear error when the homeserver refuses.
 */
export async function sessionOf(login: MatrixLogin, state: TchapState): Promise<MatrixSession> {
  if (login.accessToken) {
    const me = await whoami(login.baseUrl, login.accessToken);
    if (!me) throw new Error(`the homeserver refused TCHAP_ACCESS_TOKEN for ${login.userId}`);
    if (me.user_id !== login.userId) throw new Error(`TCHAP_ACCESS_TOKEN is ${me.user_id}'s, not ${login.userId}'s`);
    if (!me.device_id) throw new Error('TCHAP_ACCESS_TOKEN has no device (an appservice token?): use a login token of the bot account');
    return { userId: me.user_id, accessToken: login.accessToken, deviceId: me.device_id };
  }
  const kept = state.session();
  if (kept && kept.userId === login.userId && (await whoami(login.baseUrl, kept.accessToken))) return kept;
  if (!login.password) throw new Error('TCHAP_ACCESS_TOKEN or TCHAP_PASSWORD is needed');
  const res = await fetch(new URL('/_matrix/client/v3/login', login.baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'm.login.password',
      identifier: { type: 'm.id.user', user: login.userId },
      password: login.password,
      // The device Barista keeps for good (same id across restarts): its keys are in the state file.
      ...(kept?.deviceId ? { device_id: kept.deviceId } : {}),
      initial_device_display_name: 'Barista',
    }),
  });
  if (!res.ok) throw new Error(`the homeserver refused the login of ${login.userId} (HTTP ${res.status})`);
  const body = (await res.json()) as { user_id: string; access_token: string; device_id: string };
  const session = { userId: body.user_id, accessToken: body.access_token, deviceId: body.device_id };
  state.saveSession(session);
  return session;
}

/** Opens Barista's client (not yet syncing: `client.startClient()` is the caller's). */
export async function openMatrix(login: MatrixLogin, state: TchapState, statePath?: string, log?: Logger): Promise<OpenMatrix> {
  if (log) routeMatrixLogs(log);
  const session = await sessionOf(login, state);
  const factory = new fakeIdb.IDBFactory();
  const snapshot = state.snapshot();
  if (snapshot) await restoreIndexedDb(factory as unknown as IdbFactory, snapshot);
  installIndexedDb(factory);
  const store = new IndexedDBStore({ indexedDB: factory as never, dbName: SYNC_DB });
  await store.startup();
  const client = createClient({ baseUrl: login.baseUrl, userId: session.userId, accessToken: session.accessToken, deviceId: session.deviceId, store });
  await client.initRustCrypto({ useIndexedDB: true });
  if (statePath && statePath !== ':memory:') chmodSync(statePath, 0o600);

  let writing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const persist = (): Promise<void> => {
    writing = writing.then(async () => {
      await store.save(true);
      state.saveSnapshot(await snapshotIndexedDb(factory as unknown as IdbFactory));
    });
    return writing;
  };
  client.on(ClientEvent.Sync, (s) => {
    if (closed || (s !== SyncState.Syncing && s !== SyncState.Prepared) || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void persist().catch(() => undefined);
    }, PERSIST_MS);
    timer.unref();
  });
  return {
    client,
    session,
    persist,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      client.stopClient();
      await persist().catch(() => undefined);
    },
  };
}
