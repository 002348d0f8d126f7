import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore, SCHEMA_VERSION, SQLITE_FILE_NAME, SqliteStore } from '../../src/store';
import { describeStoreContract } from './contract';
import { makeCafe, makePostit, makeVote } from './fixtures';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'barista-store-'));
let n = 0;
const freshDir = (): string => path.join(root, `db-${++n}`);

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

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
      expect(tables).toEqual(expect.arrayContaining(['cafes', 'contributions', 'messages']));
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
});
