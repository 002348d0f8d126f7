import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore, SCHEMA_VERSION, SQLITE_FILE_NAME, SqliteStore } from '../../src/store';
import type { CafeState } from '../../src/domain/types';
import { describeStoreContract } from './contract';
import { makeCafe, makePostit, makeVote, seedCafe } from './fixtures';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'barista-store-'));
let n = 0;
const freshDir = (): string => path.join(root, `db-${++n}`);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

/**
 * Every place a row of any table (found in sqlite_master, so a table added later is covered too)
 * holds one of `needles` in a text or blob value, as `table.column = value`.
 */
function rowsMentioning(file: string, needles: string[]): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[];
    const found: string[] = [];
    for (const table of tables) {
      const rows = db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).all() as Record<string, unknown>[];
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          const text = typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : undefined;
          if (text !== undefined && needles.some((n) => text.includes(n))) found.push(`${table}.${column} = ${text}`);
        }
      }
    }
    return found;
  } finally {
    db.close();
  }
}

/** The v1 schema, as the build before chat profiles wrote it (to test the upgrade). */
const SCHEMA_V1 = `
  CREATE TABLE cafes (
    id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, status TEXT NOT NULL, version INTEGER NOT NULL,
    has_timer INTEGER NOT NULL DEFAULT 0, ended_at INTEGER, doc TEXT NOT NULL, updated_at INTEGER NOT NULL
  );
  CREATE UNIQUE INDEX cafes_one_active ON cafes (conversation_id) WHERE status <> 'ended';
  CREATE INDEX cafes_timed ON cafes (has_timer) WHERE status <> 'ended' AND has_timer = 1;
  CREATE INDEX cafes_ended ON cafes (ended_at) WHERE status = 'ended';
  CREATE TABLE contributions (
    cafe_id TEXT NOT NULL, step_id TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, user_id TEXT NOT NULL,
    doc TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (cafe_id, step_id, kind, key)
  );
  CREATE INDEX contributions_by_cafe_at ON contributions (cafe_id, at);
  CREATE TABLE messages (
    cafe_id TEXT NOT NULL, key TEXT NOT NULL, activity_id TEXT NOT NULL, PRIMARY KEY (cafe_id, key)
  ) WITHOUT ROWID;
  PRAGMA user_version = 1;
`;

describeStoreContract('SqliteStore (file)', () => new SqliteStore(freshDir()));
describeStoreContract('SqliteStore (:memory:)', () => new SqliteStore(':memory:'));

describe('SqliteStore specifics', () => {
  const open: SqliteStore[] = [];
  const track = (s: SqliteStore): SqliteStore => (open.push(s), s);

  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
  });

  it('creates the data folder, a WAL database and the current schema version', async () => {
    const dir = path.join(freshDir(), 'nested', 'data');
    const store = track(openStore({ dataDir: dir }));
    expect(store).toBeInstanceOf(SqliteStore);
    expect(await store.ping()).toBe(true);
    await store.close();

    const file = path.join(dir, SQLITE_FILE_NAME);
    expect(fs.existsSync(file)).toBe(true);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).pluck().all() as string[]);
      expect(tables).toEqual(expect.arrayContaining(['cafes', 'contributions', 'messages', 'profiles']));
    } finally {
      db.close();
    }
  });

  it('keeps a café, its votes and its message ids across close and reopen', async () => {
    const dir = freshDir();
    const cafe = makeCafe({ status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: 42 } });
    const votes = [makeVote(cafe.id, 's1', 'u1', 'A', 1), makeVote(cafe.id, 's1', 'u2', 'B', 2)];
    const postit = makePostit(cafe.id, 's2', 'act-1', 'u1', 'an idea', 3);

    const first = new SqliteStore(dir);
    expect(await first.create(cafe)).toBe(true);
    for (const c of [...votes, postit]) await first.putContribution(c);
    await first.setMessageId(cafe.id, 'menu', 'activity-menu');
    await first.setMessageId(cafe.id, 's1', 'activity-s1');
    await first.close();

    const second = track(new SqliteStore(dir));
    expect(await second.get(cafe.id)).toEqual(cafe);
    expect(await second.getActive(cafe.conversationId)).toEqual(cafe);
    expect(await second.listContributions(cafe.id)).toEqual([...votes, postit]);
    expect(await second.getMessageId(cafe.id, 'menu')).toBe('activity-menu');
    expect(await second.getMessageId(cafe.id, 's1')).toBe('activity-s1');
    expect(await second.listTimed()).toEqual([cafe]);
    // The unique index survives too.
    expect(await second.create(makeCafe({ conversationId: cafe.conversationId }))).toBe(false);
    // And compare-and-set continues from the stored version.
    expect(await second.save({ ...cafe, version: 2, cursor: 1 })).toBe(true);
    expect(await second.save({ ...cafe, version: 2, cursor: 0 })).toBe(false);
  });

  it('gives a clear error naming the café when its document is corrupted', async () => {
    const dir = freshDir();
    const cafe = makeCafe({ status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: 1 } });
    const store = new SqliteStore(dir);
    await store.create(cafe);
    await store.close();

    const db = new Database(path.join(dir, SQLITE_FILE_NAME));
    db.prepare(`UPDATE cafes SET doc = ? WHERE id = ?`).run('{"id": "' + cafe.id + '", oops', cafe.id);
    db.close();

    const reopened = track(new SqliteStore(dir));
    const expected = new RegExp(`Corrupted document for café ${cafe.id}`);
    await expect(reopened.get(cafe.id)).rejects.toThrow(expected);
    await expect(reopened.getActive(cafe.conversationId)).rejects.toThrow(expected);
    await expect(reopened.listTimed()).rejects.toThrow(expected);
  });

  it('rejects a document that is valid JSON but not a café', async () => {
    const dir = freshDir();
    const cafe = makeCafe();
    const store = new SqliteStore(dir);
    await store.create(cafe);
    await store.close();

    const db = new Database(path.join(dir, SQLITE_FILE_NAME));
    db.prepare(`UPDATE cafes SET doc = 'null' WHERE id = ?`).run(cafe.id);
    db.close();

    const reopened = track(new SqliteStore(dir));
    await expect(reopened.get(cafe.id)).rejects.toThrow(new RegExp(`café ${cafe.id}`));
  });

  it('gives a clear error when a contribution document is corrupted', async () => {
    const dir = freshDir();
    const cafe = makeCafe();
    const store = new SqliteStore(dir);
    await store.create(cafe);
    await store.putContribution(makeVote(cafe.id, 's1', 'u1', 'A', 1));
    await store.close();

    const db = new Database(path.join(dir, SQLITE_FILE_NAME));
    db.prepare(`UPDATE contributions SET doc = '{' WHERE cafe_id = ?`).run(cafe.id);
    db.close();

    const reopened = track(new SqliteStore(dir));
    await expect(reopened.listContributions(cafe.id)).rejects.toThrow(new RegExp(`café ${cafe.id}`));
  });

  it('refuses to open a database with a newer schema', async () => {
    const dir = freshDir();
    await new SqliteStore(dir).close();
    const db = new Database(path.join(dir, SQLITE_FILE_NAME));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new SqliteStore(dir)).toThrow(/newer/);
  });

  it('rethrows constraint errors other than the one-active-café index', async () => {
    const store = track(new SqliteStore(':memory:'));
    const cafe = makeCafe();
    await store.create(cafe);
    await expect(store.create(makeCafe({ id: cafe.id }))).rejects.toThrow(/UNIQUE|PRIMARY/);
  });

  it('upgrades a version 1 database: existing cafés are listed by conversation, profiles can be kept', async () => {
    const dir = freshDir();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, SQLITE_FILE_NAME);
    const older = makeCafe({ status: 'ended', endedAt: 2, createdAt: 1_000 });
    const newer = makeCafe({ conversationId: older.conversationId, status: 'running', cursor: 0, createdAt: 2_000, joinCode: 'ABCDE12345' });
    const corrupt = makeCafe();
    const v1 = new Database(file);
    v1.exec(SCHEMA_V1);
    const insert = v1.prepare(`INSERT INTO cafes (id, conversation_id, status, version, doc, updated_at) VALUES (?, ?, ?, 1, ?, 0)`);
    for (const c of [newer, older]) insert.run(c.id, c.conversationId, c.status, JSON.stringify(c));
    insert.run(corrupt.id, corrupt.conversationId, 'menu', '{oops'); // must not stop the upgrade
    v1.close();

    const store = track(new SqliteStore(dir));
    expect(await store.listCafes(older.conversationId)).toEqual([newer, older]);
    // join_code is read back from the documents: a café that had a code is found by it.
    expect(await store.cafeByCode('ABCDE12345')).toEqual(newer);
    await expect(store.listCafes(corrupt.conversationId)).rejects.toThrow(new RegExp(`Corrupted document for café ${corrupt.id}`));
    await store.setProfile(older.conversationId, { organisation: 'Mairie', town: 'Rennes', updatedAt: 5 });
    expect(await store.getProfile(older.conversationId)).toEqual({ organisation: 'Mairie', town: 'Rennes', updatedAt: 5 });
    expect(await store.eraseConversation(older.conversationId)).toBe(2);

    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cafes'`).pluck().all();
      expect(indexes).toContain('cafes_by_conversation');
      expect(indexes).toContain('cafes_by_join_code');
    } finally {
      db.close();
    }
  });

  it('gives a clear error naming the conversation when its profile is corrupted', async () => {
    const dir = freshDir();
    const store = track(new SqliteStore(dir));
    await store.setProfile('conv-p', { organisation: 'A', town: 'B', updatedAt: 1 });
    const db = new Database(path.join(dir, SQLITE_FILE_NAME));
    try {
      db.prepare(`UPDATE profiles SET doc = ? WHERE conversation_id = ?`).run('{"organisation": 3, "town": "B", "updatedAt": 1}', 'conv-p');
      await expect(store.getProfile('conv-p')).rejects.toThrow(/Corrupted document for the chat profile of conversation conv-p: organisation/);
      db.prepare(`UPDATE profiles SET doc = ? WHERE conversation_id = ?`).run('{oops', 'conv-p');
      await expect(store.getProfile('conv-p')).rejects.toThrow(/Corrupted document for the chat profile of conversation conv-p: invalid JSON/);
    } finally {
      db.close();
    }
  });

  describe('leaves nothing behind', () => {
    const seed = seedCafe;

    it('after purgeEndedBefore: nothing of the purged café; its conversation only in its profile', async () => {
      const dir = freshDir();
      const file = path.join(dir, SQLITE_FILE_NAME);
      const store = track(new SqliteStore(dir));
      const conv = randomUUID();
      const kept = randomUUID();
      const old = await seed(store, conv, { status: 'ended', endedAt: 1_000 });
      const other = await seed(store, kept, { status: 'ended', endedAt: 9_000 });
      await store.setProfile(conv, { organisation: 'Mairie', town: 'Rennes', updatedAt: 1 });

      expect(await store.purgeEndedBefore(2_000)).toBe(1);
      expect(rowsMentioning(file, [old.id, old.joinCode!])).toEqual([]);
      expect(rowsMentioning(file, [conv]).every((r) => r.startsWith('profiles.'))).toBe(true);
      expect(rowsMentioning(file, [other.id]).length).toBeGreaterThan(0); // the check does see rows
    });

    it('after eraseCafe: nothing of the erased café', async () => {
      const dir = freshDir();
      const file = path.join(dir, SQLITE_FILE_NAME);
      const store = track(new SqliteStore(dir));
      const conv = randomUUID();
      const erased = await seed(store, conv, { status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: 5 } });
      const other = await seed(store, randomUUID());

      expect(await store.eraseCafe(erased.id)).toBe(true);
      expect(rowsMentioning(file, [erased.id, conv, erased.joinCode!])).toEqual([]);
      expect(rowsMentioning(file, [other.id]).length).toBeGreaterThan(0);
    });

    it('after eraseConversation: nothing of the conversation nor of any of its cafés', async () => {
      const dir = freshDir();
      const file = path.join(dir, SQLITE_FILE_NAME);
      const store = track(new SqliteStore(dir));
      const conv = randomUUID();
      const kept = randomUUID();
      const ended = await seed(store, conv, { status: 'ended', endedAt: 1_000 });
      const active = await seed(store, conv, { status: 'running', cursor: 0, timer: { stepId: 's1', dueAt: 5 } });
      const other = await seed(store, kept);
      await store.setProfile(conv, { organisation: 'Mairie', town: 'Rennes', updatedAt: 1 });
      await store.setProfile(kept, { organisation: 'Lycée', town: 'Brest', updatedAt: 1 });

      expect(await store.eraseConversation(conv)).toBe(2);
      expect(rowsMentioning(file, [conv, ended.id, active.id, ended.joinCode!, active.joinCode!])).toEqual([]);
      expect(rowsMentioning(file, [kept, other.id]).some((r) => r.startsWith('profiles.'))).toBe(true);

      expect(await store.eraseConversation(kept)).toBe(1);
      expect(rowsMentioning(file, [kept, other.id])).toEqual([]);
    });
  });
});

describe('SqliteStore group commit: the votes of one event-loop turn, one transaction', () => {
  const count = (file: string): number => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare('SELECT COUNT(*) FROM contributions').pluck().get() as number;
    } finally {
      db.close();
    }
  };

  it('acknowledges no vote before it is stored: when the first caller hears back, the whole turn is committed', async () => {
    const dir = freshDir();
    const store = new SqliteStore(dir);
    const file = path.join(dir, SQLITE_FILE_NAME);
    const cafe = makeCafe();
    await store.create(cafe);
    const seenAtAnswer: number[] = [];
    const puts = Array.from({ length: 20 }, (_, i) =>
      store.putContribution(makeVote(cafe.id, 's1', `u${i}`, 'A', i)).then(() => seenAtAnswer.push(count(file))));
    await Promise.all(puts);
    expect(seenAtAnswer).toEqual(Array(20).fill(20));
    expect(await store.listContributions(cafe.id, 's1')).toEqual(Array.from({ length: 20 }, (_, i) => makeVote(cafe.id, 's1', `u${i}`, 'A', i)));
    await store.close();
  });

  it('a row that fails rejects its own caller only: the others of its turn are stored and acknowledged', async () => {
    const store = new SqliteStore(':memory:');
    const cafe = makeCafe();
    await store.create(cafe);
    const broken = { ...makeVote(cafe.id, 's1', 'u-broken', 'A', 2), at: null } as unknown as ReturnType<typeof makeVote>;
    const outcomes = await Promise.allSettled([
      store.putContribution(makeVote(cafe.id, 's1', 'u1', 'A', 1)),
      store.putContribution(broken),
      store.putContribution(makeVote(cafe.id, 's1', 'u3', 'B', 3)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/NOT NULL/);
    expect((await store.listContributions(cafe.id)).map((c) => c.userId)).toEqual(['u1', 'u3']);
    await store.close();
  });

  it('keeps the order of calls: a vote then an erase in the same turn leaves nothing; close writes what waits', async () => {
    const dir = freshDir();
    const store = new SqliteStore(dir);
    const cafe = makeCafe();
    await store.create(cafe);
    const vote = store.putContribution(makeVote(cafe.id, 's1', 'u1', 'A', 1));
    expect(await store.eraseCafe(cafe.id)).toBe(true);
    await vote;
    expect(count(path.join(dir, SQLITE_FILE_NAME))).toBe(0);

    const other = makeCafe();
    await store.create(other);
    const last = store.putContribution(makeVote(other.id, 's1', 'u2', 'B', 2));
    await store.close();
    await last;
    const reopened = new SqliteStore(dir);
    expect(await reopened.listContributions(other.id)).toEqual([makeVote(other.id, 's1', 'u2', 'B', 2)]);
    await reopened.close();
  });
});
