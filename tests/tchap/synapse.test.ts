import { ClientEvent, createClient, MatrixEvent, MsgType, RoomEvent, type MatrixClient } from 'matrix-js-sdk';
import { logger } from 'matrix-js-sdk/lib/logger.js';
import { startSynapse, type Synapse, type SynapseUser } from '../support/synapse';

// A real homeserver on loopback: Barista's account and Léa's talk through it. The first run may
// install Synapse with pip (tests/support/synapse.ts), hence the long hook timeout.
jest.setTimeout(180_000);
// The SDK's logger is a loglevel logger (its type does not say so): errors only.
(logger as unknown as { setLevel(level: 'error'): void }).setLevel('error');
// The Rust crypto traces at DEBUG level through console.debug (matrix-js-sdk turns it on).
jest.spyOn(console, 'debug').mockImplementation(() => undefined);
jest.spyOn(console, 'info').mockImplementation(() => undefined);

// matrix-js-sdk times each request out with a plain setTimeout it never clears (80 to 110 s for a
// /sync): after stopClient, that timer alone would keep jest waiting that long. Node's own
// AbortSignal.timeout does not hold the process.
jest.mock('matrix-js-sdk/lib/http-api/utils.js', () => ({
  ...jest.requireActual<object>('matrix-js-sdk/lib/http-api/utils.js'),
  timeoutSignal: (ms: number) => AbortSignal.timeout(ms),
}));

let synapse: Synapse;
const clients: MatrixClient[] = [];

beforeAll(async () => {
  synapse = await startSynapse();
}, 300_000);

afterAll(async () => {
  for (const client of clients) client.stopClient();
  await synapse?.stop();
});

function clientOf(user: SynapseUser): MatrixClient {
  const client = createClient({ baseUrl: synapse.url, accessToken: user.accessToken, userId: user.userId, deviceId: user.deviceId });
  clients.push(client);
  return client;
}

/** Starts syncing and resolves when the first sync is done. */
async function sync(client: MatrixClient): Promise<void> {
  const prepared = new Promise<void>((resolve) => {
    client.on(ClientEvent.Sync, (state) => {
      if (state === 'PREPARED') resolve();
    });
  });
  await client.startClient({ initialSyncLimit: 10 });
  await prepared;
}

/** The next live timeline event of `type` in `roomId` that `client` sees, decrypted if need be. */
function nextEvent(client: MatrixClient, roomId: string, type: string): Promise<MatrixEvent> {
  return new Promise((resolve) => {
    const onTimeline = (event: MatrixEvent): void => {
      if (event.getRoomId() !== roomId) return;
      void client.decryptEventIfNeeded(event).then(() => {
        if (event.getType() !== type) return;
        client.removeListener(RoomEvent.Timeline, onTimeline);
        resolve(event);
      });
    };
    client.on(RoomEvent.Timeline, onTimeline);
  });
}

test('the homeserver serves the client API only, on loopback, for barista.test', async () => {
  expect(synapse.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(synapse.serverName).toBe('barista.test');
  const versions = await fetch(`${synapse.url}/_matrix/client/versions`);
  expect(versions.status).toBe(200);
  const federation = await fetch(`${synapse.url}/_matrix/federation/v1/version`);
  expect(federation.status).toBe(404);
  const open = await fetch(`${synapse.url}/_matrix/client/v3/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'intrus', password: 'x', auth: { type: 'm.login.dummy' } }) });
  expect(open.status).toBe(403);
});

test("a message from Barista reaches Léa in a room they share", async () => {
  const baristaUser = await synapse.registerUser('barista', 'barista-password', true);
  const leaUser = await synapse.registerUser('lea', 'lea-password');
  expect(baristaUser.userId).toBe('@barista:barista.test');
  expect(leaUser.userId).toBe('@lea:barista.test');

  const barista = clientOf(baristaUser);
  const lea = clientOf(leaUser);
  const { room_id: roomId } = await barista.createRoom({ name: 'Café de la data', invite: [leaUser.userId] });
  await lea.joinRoom(roomId);
  await sync(lea);

  const received = nextEvent(lea, roomId, 'm.room.message');
  await barista.sendMessage(roomId, { msgtype: MsgType.Text, body: 'Bonjour Léa, le café commence.' });
  const event = await received;
  expect(event.getSender()).toBe(baristaUser.userId);
  expect(event.getContent()).toEqual({ msgtype: 'm.text', body: 'Bonjour Léa, le café commence.' });
});

test('with Rust crypto, Léa decrypts what Barista sends in an encrypted room', async () => {
  const baristaUser = await synapse.registerUser('barista-e2e', 'barista-password');
  const leaUser = await synapse.registerUser('lea-e2e', 'lea-password');
  const barista = clientOf(baristaUser);
  const lea = clientOf(leaUser);
  await barista.initRustCrypto({ useIndexedDB: false });
  await lea.initRustCrypto({ useIndexedDB: false });

  const { room_id: roomId } = await barista.createRoom({
    name: 'Café chiffré',
    invite: [leaUser.userId],
    initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
  });
  await lea.joinRoom(roomId);
  await sync(lea); // uploads Léa's device keys
  await sync(barista);

  const received = nextEvent(lea, roomId, 'm.room.message');
  await barista.sendMessage(roomId, { msgtype: MsgType.Text, body: 'Secret du barista' });
  const event = await received;
  expect(event.isEncrypted()).toBe(true);
  expect(event.getWireType()).toBe('m.room.encrypted');
  expect(event.getContent()).toEqual({ msgtype: 'm.text', body: 'Secret du barista' });
});
