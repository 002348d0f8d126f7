import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import type { EventMeta } from './out';

/**
 * What the Tchap door keeps beside the café store, in its own SQLite file (TCHAP_STATE_PATH): the
 * Matrix client's IndexedDB (its device keys and its sync position, `idbSnapshot.ts`), the session
 * a password login made (reused: a new login would be a new device), the events already handled
 * (so a restart never handles one twice), what each of Barista's messages shows (the events sent
 * for it, by slot), the marks of Barista's own events, and each person's direct-message room.
 * One process runs the Tchap door: one Matrix device, one sync.
 */
export interface SentSlot {
  key: string;
  eventId: string;
  /** What was sent (its words): an edit is sent only when they changed. */
  hash: string;
  ended: boolean;
}

const SessionSchema = z.object({ userId: z.string().min(3), accessToken: z.string().min(1), deviceId: z.string().min(1) });
export type MatrixSession = z.infer<typeof SessionSchema>;

const HANDLED_DAYS = 14;

export class TchapState {
  private readonly db: Database.Database;
  private readonly q;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS handled (event_id TEXT PRIMARY KEY, at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS handled_at ON handled (at);
      CREATE TABLE IF NOT EXISTS slots (message_id TEXT NOT NULL, key TEXT NOT NULL, event_id TEXT NOT NULL, hash TEXT NOT NULL,
        ended INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL, PRIMARY KEY (message_id, key));
      CREATE TABLE IF NOT EXISTS events (event_id TEXT PRIMARY KEY, room_id TEXT NOT NULL, meta TEXT NOT NULL, at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS dms (user_id TEXT PRIMARY KEY, room_id TEXT NOT NULL);
    `);
    this.q = {
      get: this.db.prepare<[string], { value: Buffer }>('SELECT value FROM kv WHERE key = ?'),
      put: this.db.prepare<[string, Buffer]>('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      handled: this.db.prepare<[string], { n: number }>('SELECT 1 AS n FROM handled WHERE event_id = ?'),
      handle: this.db.prepare<[string, number]>('INSERT OR IGNORE INTO handled (event_id, at) VALUES (?, ?)'),
      prune: this.db.prepare<[number]>('DELETE FROM handled WHERE at < ?'),
      slots: this.db.prepare<[string], { key: string; event_id: string; hash: string; ended: number }>('SELECT key, event_id, hash, ended FROM slots WHERE message_id = ? ORDER BY seq'),
      putSlot: this.db.prepare<[string, string, string, string, number, number]>(
        'INSERT INTO slots (message_id, key, event_id, hash, ended, seq) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (message_id, key) DO UPDATE SET event_id = excluded.event_id, hash = excluded.hash, ended = excluded.ended',
      ),
      dropSlots: this.db.prepare<[string]>('DELETE FROM slots WHERE message_id = ?'),
      meta: this.db.prepare<[string], { meta: string; room_id: string }>('SELECT meta, room_id FROM events WHERE event_id = ?'),
      putMeta: this.db.prepare<[string, string, string, number]>('INSERT OR REPLACE INTO events (event_id, room_id, meta, at) VALUES (?, ?, ?, ?)'),
      dm: this.db.prepare<[string], { room_id: string }>('SELECT room_id FROM dms WHERE user_id = ?'),
      putDm: this.db.prepare<[string, string]>('INSERT OR REPLACE INTO dms (user_id, room_id) VALUES (?, ?)'),
    };
  }

  snapshot(): Buffer | undefined {
    return this.q.get.get('idb')?.value;
  }

  saveSnapshot(buffer: Buffer): void {
    this.q.put.run('idb', buffer);
  }

  session(): MatrixSession | undefined {
    const row = this.q.get.get('session');
    if (!row) return undefined;
    const parsed = SessionSchema.safeParse(JSON.parse(row.value.toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  }

  saveSession(session: MatrixSession): void {
    this.q.put.run('session', Buffer.from(JSON.stringify(session), 'utf8'));
  }

  /** A number kept once (the first start's time): undefined until set. */
  first(key: string): number | undefined {
    const row = this.q.get.get(`first:${key}`);
    return row ? Number(row.value.toString('utf8')) : undefined;
  }

  setFirst(key: string, value: number): void {
    this.q.put.run(`first:${key}`, Buffer.from(String(value), 'utf8'));
  }

  isHandled(eventId: string): boolean {
    return this.q.handled.get(eventId) !== undefined;
  }

  /** Marks an event handled (kept 14 days: older events never come back in a sync). */
  markHandled(eventId: string, now = Date.now()): void {
    this.q.handle.run(eventId, now);
  }

  pruneHandled(now = Date.now()): void {
    this.q.prune.run(now - HANDLED_DAYS * 86_400_000);
  }

  slots(messageId: string): SentSlot[] {
    return this.q.slots.all(messageId).map((r) => ({ key: r.key, eventId: r.event_id, hash: r.hash, ended: r.ended === 1 }));
  }

  putSlot(messageId: string, slot: SentSlot): void {
    this.q.putSlot.run(messageId, slot.key, slot.eventId, slot.hash, slot.ended ? 1 : 0, Date.now());
  }

  dropSlots(messageId: string): void {
    this.q.dropSlots.run(messageId);
  }

  meta(eventId: string): { roomId: string; meta: EventMeta } | undefined {
    const row = this.q.meta.get(eventId);
    return row ? { roomId: row.room_id, meta: JSON.parse(row.meta) as EventMeta } : undefined;
  }

  putMeta(eventId: string, roomId: string, meta: EventMeta): void {
    this.q.putMeta.run(eventId, roomId, JSON.stringify(meta), Date.now());
  }

  dmRoom(userId: string): string | undefined {
    return this.q.dm.get(userId)?.room_id;
  }

  putDmRoom(userId: string, roomId: string): void {
    this.q.putDm.run(userId, roomId);
  }

  close(): void {
    this.db.close();
  }
}
