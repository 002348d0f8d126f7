/**
 * With several instances, one runs the Tchap door: the lease in Redis says which. A second instance
 * with the same TCHAP_* starts without opening the door (no second device, no event handled twice)
 * and hands its Tchap messages over through the outbox.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { takeDoorLease, type DoorLease } from '../../src/channel/tchap/doorLease';
import type { Config } from '../../src/config';
import { startBarista } from '../../src/server';
import { deletePrefix, requireRedis, TEST_REDIS_URL, uniquePrefix } from '../scale/redis';

const prefix = uniquePrefix('tchap-lease');
const USER = '@barista:barista.test';
const lease = (o: Partial<Parameters<typeof takeDoorLease>[0]> = {}) => takeDoorLease({ url: TEST_REDIS_URL, prefix, userId: USER, ...o });
const isLease = (x: DoorLease | { heldBy: string }): x is DoorLease => 'release' in x;

beforeAll(() => requireRedis());
afterAll(() => deletePrefix(prefix));

describe('the Tchap door, one instance at a time', () => {
  it('is held by the first instance; the next one is told by whom; given back at shutdown', async () => {
    const first = await lease();
    expect(isLease(first)).toBe(true);
    const second = await lease();
    expect(second).toEqual({ heldBy: (first as DoorLease).holder });
    await (first as DoorLease).release();
    const third = await lease();
    expect(isLease(third)).toBe(true);
    await (third as DoorLease).release();
  });

  it('ends by itself when its holder stops renewing it (a crash), and the holder hears it was taken', async () => {
    const lost: string[] = [];
    const crashed = await lease({ ttlMs: 200, renewMs: 600, onLost: (holder) => lost.push(holder) });
    expect(isLease(crashed)).toBe(true);
    await new Promise((r) => setTimeout(r, 350));
    const next = await lease();
    expect(isLease(next)).toBe(true);
    // The first one's renewal finds the next holder: it says so (once), it does not take it back
    await new Promise((r) => setTimeout(r, 500));
    expect(lost).toEqual([(next as DoorLease).holder]);
    await (crashed as DoorLease).release();
    expect(await lease()).toEqual({ heldBy: (next as DoorLease).holder });
    await (next as DoorLease).release();
  });

  it('a second instance with the same TCHAP_* starts without opening the door', async () => {
    const held = await lease();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'barista-lease-'));
    const lines: Array<Record<string, unknown>> = [];
    const config: Config = {
      port: 0, host: '127.0.0.1', appId: '', appPassword: '', appType: 'MultiTenant', appTenantId: '',
      localMode: false, teams: 'off', dataDir, videoLinks: {}, logLevel: 'info', redisUrl: TEST_REDIS_URL, redisPrefix: prefix,
      // A homeserver nobody answers at: opening the door would stop the start
      tchap: { homeserverUrl: 'http://127.0.0.1:9', userId: USER, password: 'x', allowedHomeservers: [], displayName: 'Barista', locale: 'fr', statePath: path.join(dataDir, 'tchap.sqlite') },
    };
    try {
      const app = await startBarista({ config, logger: pino({ level: 'info' }, { write: (l: string) => lines.push(JSON.parse(l)) }) });
      expect(app.tchap).toBeUndefined();
      expect(lines.find((l) => l.heldBy)).toMatchObject({ heldBy: (held as DoorLease).holder });
      expect(lines.find((l) => l.tchapDoor)).toMatchObject({ tchapDoor: 'elsewhere' });
      await app.stop();
      // Where the door is free, the same start opens it (and fails here: nobody answers), giving the lease back
      await (held as DoorLease).release();
      await expect(startBarista({ config, logger: pino({ level: 'silent' }) })).rejects.toThrow(/Tchap/);
      const free = await lease();
      expect(isLease(free)).toBe(true);
      await (free as DoorLease).release();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
