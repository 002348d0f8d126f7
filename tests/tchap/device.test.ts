import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MsgType, type MatrixClient } from 'matrix-js-sdk';
import { openMatrix, type OpenMatrix } from '../../src/channel/tchap/client';
import { TchapState } from '../../src/channel/tchap/state';
import { matrixClient, nextEvent, quietMatrix, startSync } from '../support/matrix';
import { startSynapse, type Synapse } from '../support/synapse';

jest.setTimeout(180_000);
quietMatrix();
jest.mock('matrix-js-sdk/lib/http-api/utils.js', () => ({
  ...jest.requireActual<object>('matrix-js-sdk/lib/http-api/utils.js'),
  timeoutSignal: (ms: number) => AbortSignal.timeout(ms),
}));

let synapse: Synapse;
let dir: string;
const opened: OpenMatrix[] = [];
const clients: MatrixClient[] = [];

beforeAll(async () => {
  synapse = await startSynapse();
  dir = mkdtempSync(join(tmpdir(), 'barista-tchap-'));
}, 300_000);

afterAll(async () => {
  for (const o of opened) await o.close();
  for (const c of clients) c.stopClient();
  await synapse?.stop();
  rmSync(dir, { recursive: true, force: true });
});

test('Barista keeps its device and its keys across a restart: it still reads the encrypted room', async () => {
  const bot = await synapse.registerUser('barista', 'mot-de-passe-barista');
  const leaUser = await synapse.registerUser('lea', 'lea-password');
  const path = join(dir, 'tchap.sqlite');
  const login = { baseUrl: synapse.url, userId: bot.userId, password: 'mot-de-passe-barista' };

  let state = new TchapState(path);
  let barista = await openMatrix(login, state, path);
  opened.push(barista);
  await startSync(barista.client);
  const firstDevice = barista.session.deviceId;
  const firstKeys = await barista.client.getCrypto()!.getOwnDeviceKeys();

  const lea = matrixClient(synapse.url, leaUser);
  clients.push(lea);
  await lea.initRustCrypto({ useIndexedDB: false });
  const { room_id: roomId } = await lea.createRoom({
    name: 'Café chiffré',
    invite: [bot.userId],
    initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
  });
  await startSync(lea);
  await barista.client.joinRoom(roomId);

  const first = nextEvent(barista.client, roomId, (e) => e.getType() === 'm.room.message');
  await lea.sendMessage(roomId, { msgtype: MsgType.Text, body: '!startcafe americano' });
  expect((await first).getContent().body).toBe('!startcafe americano');

  await barista.close();
  state.close();

  // A new process: the same state file.
  state = new TchapState(path);
  barista = await openMatrix(login, state, path);
  opened.push(barista);
  expect(barista.session.deviceId).toBe(firstDevice);
  // Not a new device under the old id: the same identity keys, restored from the state file.
  await expect(barista.client.getCrypto()!.getOwnDeviceKeys()).resolves.toEqual(firstKeys);
  await startSync(barista.client);
  const second = nextEvent(barista.client, roomId, (e) => e.getType() === 'm.room.message' && e.getContent().body === '!suivant');
  await lea.sendMessage(roomId, { msgtype: MsgType.Text, body: '!suivant' });
  const event = await second;
  expect(event.isEncrypted()).toBe(true);
  expect(event.isDecryptionFailure()).toBe(false);
  // Léa's side still sees one Barista device.
  const devices = await lea.getCrypto()!.getUserDeviceInfo([bot.userId], true);
  expect([...devices.get(bot.userId)!.keys()]).toEqual([firstDevice]);
});
