import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseCafeDoc, parseContributionDoc, parseProfileDoc, serializeProfile } from './documents';
import { SINGLE_VALUED } from '../domain/contribute';
import { BaristaError } from '../errors';
import { outboxDrafts, parseOutboxDoc } from './outbox';
import type { CafeState, Contribution } from '../domain/types';
import type { CafeStore, ChatProfile, OutboxEffect, OutboxEntry } from './port';

/** File name of the database inside the data folder. */
export const SQLITE_FILE_NAME = 'barista.sqlite';

/**
 * Schema migrations, in order: `MIGRATIONS[i]` takes the schema from version i to i + 1. The
 * version is kept in SQLite's `user_version` pragma. Append only; never edit a shipped migration.
 */
const MIGRATIONS: readonly string[] = [
  // 0 -> 1
  `
  CREATE TABLE cafes (
    id              TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    status          TEXT NOT NULL,
    version         INTEGER NOT NULL,
    has_timer       INTEGER NOT NULL DEFAULT 0,
    ended_at        INTEGER,
    doc             TEXT NOT NULL,
    updated_at      INTEGER NOT NULL
  );
  -- A conversation has at most one café that is not ended.
  CREATE UNIQUE INDEX cafes_one_active ON cafes (conversation_id) WHERE status <> 'ended';
  -- Cafés whose timer must be re-armed at start.
  CREATE INDEX cafes_timed ON cafes (has_timer) WHERE status <> 'ended' AND has_timer = 1;
  CREATE INDEX cafes_ended ON cafes (ended_at) WHERE status = 'ended';

  CREATE TABLE contributions (
    cafe_id TEXT NOT NULL,
    step_id TEXT NOT NULL,
    kind    TEXT NOT NULL,
    key     TEXT NOT NULL,
    user_id TEXT NOT NULL,
    doc     TEXT NOT NULL,
    at      INTEGER NOT NULL,
    PRIMARY KEY (cafe_id, step_id, kind, key)
  );
  CREATE INDEX contributions_by_cafe_at ON contributions (cafe_id, at);

  CREATE TABLE messages (
    cafe_id     TEXT NOT NULL,
    key         TEXT NOT NULL,
    activity_id TEXT NOT NULL,
    PRIMARY KEY (cafe_id, key)
  ) WITHOUT ROWID;
  `,
  // 1 -> 2: a conversation's cafés, newest first (listCafes, eraseConversation), and the chat profile.
  // created_at is read back from the documents already stored; one that is not valid JSON gets 0
  // rather than failing the upgrade (reading it still fails loudly, naming the café).
  `
  ALTER TABLE cafes ADD COLUMN created_at INTEGER NOT NULL DEFAULT 0;
  UPDATE cafes SET created_at = CASE
    WHEN json_valid(doc) AND json_type(doc, '$.createdAt') IN ('integer', 'real') THEN CAST(json_extract(doc, '$.createdAt') AS INTEGER)
    ELSE 0 END;
  CREATE INDEX IF NOT EXISTS cafes_by_conversation ON cafes (conversation_id, created_at DESC, id DESC);

  CREATE TABLE IF NOT EXISTS profiles (
    conversation_id TEXT PRIMARY KEY,
    doc             TEXT NOT NULL,
    updated_at      INTEGER NOT NULL
  );
  `,
  // 2 -> 3: the outbox, the effects that reach people, written in the same transaction as the
  // decision that made them; seq is their order, a row goes once carried out.
  `
  CREATE TABLE IF NOT EXISTS outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT NOT NULL UNIQUE,
    cafe_id         TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    doc             TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS outbox_by_cafe ON outbox (cafe_id);
  `,
  // 3 -> 4: the join code web participants find a café by (cafeByCode), one café per code. Read
  // back from the documents already stored (none had one before, but a document is the truth);
  // one that is not valid JSON gets none rather than failing the upgrade.
  `
  ALTER TABLE cafes ADD COLUMN join_code TEXT;
  UPDATE cafes SET join_code = CASE
    WHEN json_valid(doc) AND json_type(doc, '$.joinCode') = 'text' THEN json_extract(doc, '$.joinCode')
    ELSE NULL END;
  CREATE UNIQUE INDEX IF NOT EXISTS cafes_by_join_code ON cafes (join_code) WHERE join_code IS NOT NULL;
  `,
];

/** The schema version this code writes and expects. */
export const SCHEMA_VERSION = MIGRATIONS.length;

interface CafeRow {
  id: string;
  doc: string;
}

interface ContributionRow {
  cafe_id: string;
  step_id: string;
  kind: string;
  key: string;
  doc: string;
}

type Params = Record<string, string | number | null>;

/** A contribution waiting for its group's commit, and its caller. */
interface PendingPut {
  params: Params;
  resolve: (stored: boolean) => void;
  reject: (err: unknown) => void;
}

/** What became of one row of a group: stored or not (`replaces` said no), or its error. */
type PutOutcome = boolean | { error: unknown };

/**
 * The default `CafeStore`: one SQLite file (`${dir}/barista.sqlite`, or `':memory:'`), WAL mode.
 * better-sqlite3 is synchronous; the methods are async only to fit the port, except putContribution,
 * which waits for its turn's group commit.
 */
export class SqliteStore implements CafeStore {
  private readonly db: Database.Database;
  private readonly stmt: {
    getActive: Database.Statement<[string], CafeRow>;
    get: Database.Statement<[string], CafeRow>;
    cafeByCode: Database.Statement<[string], CafeRow>;
    listCafes: Database.Statement<[string], CafeRow>;
    insertCafe: Database.Statement<[Params]>;
    updateCafe: Database.Statement<[Params]>;
    putContribution: Database.Statement<[Params]>;
    listContributions: Database.Statement<[string], ContributionRow>;
    listStepContributions: Database.Statement<[string, string], ContributionRow>;
    setMessageId: Database.Statement<[string, string, string]>;
    getMessageId: Database.Statement<[string, string], { activity_id: string }>;
    listTimed: Database.Statement<[], CafeRow>;
    ping: Database.Statement<[], number>;
    endedBefore: Database.Statement<[number], { id: string }>;
    deleteCafe: Database.Statement<[string]>;
    deleteContributions: Database.Statement<[string]>;
    deleteMessages: Database.Statement<[string]>;
    conversationCafeIds: Database.Statement<[string], { id: string }>;
    getProfile: Database.Statement<[string], { doc: string }>;
    setProfile: Database.Statement<[string, string, number]>;
    deleteProfile: Database.Statement<[string]>;
    insertOutbox: Database.Statement<[string, string, string, string]>;
    pendingOutbox: Database.Statement<[], { seq: number; doc: string }>;
    ackOutbox: Database.Statement<[string]>;
    deleteOutbox: Database.Statement<[string]>;
  };
  private readonly saveTx: (state: CafeState, outbox: readonly OutboxEffect[] | undefined) => boolean;
  private readonly ackTx: (ids: readonly string[]) => void;
  private readonly eraseTx: (cafeId: string) => boolean;
  private readonly purgeTx: (ts: number) => number;
  private readonly eraseConversationTx: (conversationId: string) => number;
  /** Group commit: the contributions of this event-loop turn, written together (see putContribution). */
  private pending: PendingPut[] = [];
  private readonly putGroupTx: (group: PendingPut[]) => PutOutcome[];

  /** Opens (creating if needed) `${dir}/barista.sqlite`; `dir` may be `':memory:'`. */
  constructor(dir: string) {
    let file: string;
    if (dir === ':memory:') {
      file = ':memory:';
    } else {
      fs.mkdirSync(dir, { recursive: true });
      file = path.join(dir, SQLITE_FILE_NAME);
    }
    this.db = new Database(file);
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('synchronous = NORMAL');
      // Purged and erased cafés are overwritten on disk, not just unlinked (personal data).
      this.db.pragma('secure_delete = ON');
      this.migrate();
    } catch (err) {
      this.db.close();
      throw err;
    }

    const db = this.db;
    this.stmt = {
      getActive: db.prepare(`SELECT id, doc FROM cafes WHERE conversation_id = ? AND status <> 'ended'`),
      get: db.prepare(`SELECT id, doc FROM cafes WHERE id = ?`),
      cafeByCode: db.prepare(`SELECT id, doc FROM cafes WHERE join_code = ?`),
      listCafes: db.prepare(
        `SELECT id, doc FROM cafes WHERE conversation_id = ? ORDER BY created_at DESC, id DESC`,
      ),
      insertCafe: db.prepare(
        `INSERT INTO cafes (id, conversation_id, status, version, has_timer, ended_at, doc, updated_at, created_at, join_code)
         VALUES (@id, @conversationId, @status, @version, @hasTimer, @endedAt, @doc, @updatedAt, @createdAt, @joinCode)`,
      ),
      updateCafe: db.prepare(
        `UPDATE cafes
            SET conversation_id = @conversationId, status = @status, version = @version,
                has_timer = @hasTimer, ended_at = @endedAt, doc = @doc, updated_at = @updatedAt,
                created_at = @createdAt, join_code = @joinCode
          WHERE id = @id AND version = @expectedVersion`,
      ),
      putContribution: db.prepare(
        `INSERT INTO contributions (cafe_id, step_id, kind, key, user_id, doc, at)
         VALUES (@cafeId, @stepId, @kind, @key, @userId, @doc, @at)
         ON CONFLICT (cafe_id, step_id, kind, key)
         DO UPDATE SET user_id = excluded.user_id, doc = excluded.doc, at = excluded.at
         -- The domain's replaces(): a single-valued kind only, not older than the kept answer,
         -- not the same activity again (a duplicate counts once). No row changed: not stored.
         WHERE @single = 1 AND excluded.at >= contributions.at
           AND (@activityId IS NULL OR json_extract(contributions.doc, '$.activityId') IS NOT @activityId)`,
      ),
      listContributions: db.prepare(
        `SELECT cafe_id, step_id, kind, key, doc FROM contributions WHERE cafe_id = ? ORDER BY at, rowid`,
      ),
      listStepContributions: db.prepare(
        `SELECT cafe_id, step_id, kind, key, doc FROM contributions
          WHERE cafe_id = ? AND step_id = ? ORDER BY at, rowid`,
      ),
      setMessageId: db.prepare(
        `INSERT INTO messages (cafe_id, key, activity_id) VALUES (?, ?, ?)
         ON CONFLICT (cafe_id, key) DO UPDATE SET activity_id = excluded.activity_id`,
      ),
      getMessageId: db.prepare(`SELECT activity_id FROM messages WHERE cafe_id = ? AND key = ?`),
      listTimed: db.prepare(
        `SELECT id, doc FROM cafes WHERE status <> 'ended' AND has_timer = 1 ORDER BY rowid`,
      ),
      ping: db.prepare<[], number>(`SELECT 1`).pluck(),
      endedBefore: db.prepare(
        `SELECT id FROM cafes WHERE status = 'ended' AND COALESCE(ended_at, updated_at) < ?`,
      ),
      deleteCafe: db.prepare(`DELETE FROM cafes WHERE id = ?`),
      deleteContributions: db.prepare(`DELETE FROM contributions WHERE cafe_id = ?`),
      deleteMessages: db.prepare(`DELETE FROM messages WHERE cafe_id = ?`),
      conversationCafeIds: db.prepare(`SELECT id FROM cafes WHERE conversation_id = ?`),
      getProfile: db.prepare(`SELECT doc FROM profiles WHERE conversation_id = ?`),
      setProfile: db.prepare(
        `INSERT INTO profiles (conversation_id, doc, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (conversation_id) DO UPDATE SET doc = excluded.doc, updated_at = excluded.updated_at`,
      ),
      deleteProfile: db.prepare(`DELETE FROM profiles WHERE conversation_id = ?`),
      insertOutbox: db.prepare(`INSERT OR IGNORE INTO outbox (id, cafe_id, conversation_id, doc) VALUES (?, ?, ?, ?)`),
      pendingOutbox: db.prepare(`SELECT seq, doc FROM outbox ORDER BY seq`),
      ackOutbox: db.prepare(`DELETE FROM outbox WHERE id = ?`),
      deleteOutbox: db.prepare(`DELETE FROM outbox WHERE cafe_id = ?`),
    };

    // The café and its outbox entries: one transaction, all or nothing.
    this.saveTx = db.transaction((state: CafeState, outbox: readonly OutboxEffect[] | undefined): boolean => {
      const info = this.stmt.updateCafe.run({ ...cafeParams(state), expectedVersion: state.version - 1 });
      if (info.changes === 0) return false;
      for (const entry of outboxDrafts(state, outbox, Date.now())) {
        this.stmt.insertOutbox.run(entry.id, entry.cafeId, entry.conversationId, JSON.stringify(entry));
      }
      return true;
    });
    this.ackTx = db.transaction((ids: readonly string[]) => {
      for (const id of ids) this.stmt.ackOutbox.run(id);
    });

    this.eraseTx = db.transaction((cafeId: string): boolean => this.eraseNow(cafeId));
    this.purgeTx = db.transaction((ts: number): number => {
      const ids = this.stmt.endedBefore.all(ts).map((r) => r.id);
      for (const id of ids) this.eraseNow(id);
      return ids.length;
    });
    // One row's failure rolls back its savepoint only: the group's other rows are still committed.
    const putOne = db.transaction((params: Params) => this.stmt.putContribution.run(params).changes > 0);
    this.putGroupTx = db.transaction((group: PendingPut[]): PutOutcome[] => group.map(({ params }) => {
      try {
        return putOne(params);
      } catch (err) {
        // SQLite itself ended the transaction (disk full, I/O error): nothing of the group holds.
        if (!db.inTransaction) throw err;
        return { error: err ?? new Error('contribution not stored') };
      }
    }));
    this.eraseConversationTx = db.transaction((conversationId: string): number => {
      const ids = this.stmt.conversationCafeIds.all(conversationId).map((r) => r.id);
      for (const id of ids) this.eraseNow(id);
      this.stmt.deleteProfile.run(conversationId);
      return ids.length;
    });
  }

  async getActive(conversationId: string): Promise<CafeState | undefined> {
    this.flushContributions();
    const row = this.stmt.getActive.get(conversationId);
    return row ? parseCafe(row) : undefined;
  }

  async get(cafeId: string): Promise<CafeState | undefined> {
    this.flushContributions();
    const row = this.stmt.get.get(cafeId);
    return row ? parseCafe(row) : undefined;
  }

  async listCafes(conversationId: string): Promise<CafeState[]> {
    this.flushContributions();
    return this.stmt.listCafes.all(conversationId).map(parseCafe);
  }

  async cafeByCode(code: string): Promise<CafeState | undefined> {
    this.flushContributions();
    const row = this.stmt.cafeByCode.get(code);
    return row ? parseCafe(row) : undefined;
  }

  async create(state: CafeState): Promise<boolean> {
    this.flushContributions();
    try {
      this.stmt.insertCafe.run(cafeParams(state));
      return true;
    } catch (err) {
      if (isActiveCafeConflict(err)) return false;
      if (isUniqueConflict(err, 'cafes.join_code')) {
        throw new BaristaError('code-taken', `the join code of café ${state.id} is already another café's`, err);
      }
      const { code, message } = err as { code?: string; message?: string };
      throw Object.assign(new Error(`SQLite refused to create café ${state.id}: ${message ?? String(err)}`, { cause: err }), { code });
    }
  }

  async save(state: CafeState, outbox?: readonly OutboxEffect[]): Promise<boolean> {
    this.flushContributions();
    if (!outbox?.length) return this.stmt.updateCafe.run({ ...cafeParams(state), expectedVersion: state.version - 1 }).changes > 0;
    return this.saveTx(state, outbox);
  }

  async pendingOutbox(): Promise<OutboxEntry[]> {
    this.flushContributions();
    return this.stmt.pendingOutbox.all().map((row) => parseOutboxDoc(row.doc, row.seq));
  }

  async ackOutbox(entries: ReadonlyArray<Pick<OutboxEntry, 'id' | 'cafeId'>>): Promise<void> {
    this.flushContributions();
    if (entries.length > 0) this.ackTx(entries.map((e) => e.id));
  }

  /**
   * Group commit: the contributions that arrive in one event-loop turn (under load, the votes of
   * every connection in flight) are written in one transaction at the end of the turn, each in its
   * own savepoint; each caller's promise settles only after that commit (a vote is never
   * acknowledged before it is stored). A row that fails rejects its own caller only; a commit that
   * fails rejects them all. Every other method writes the waiting group first, so operations still
   * take effect in the order they were called (an erase after a vote erases it).
   */
  putContribution(c: Contribution): Promise<boolean> {
    let params: Params;
    try {
      params = {
        cafeId: c.cafeId, stepId: c.stepId, kind: c.kind, key: c.key, userId: c.userId, doc: JSON.stringify(c), at: c.at,
        single: SINGLE_VALUED.has(c.kind) ? 1 : 0, activityId: c.activityId ?? null,
      };
    } catch (err) {
      return Promise.reject(err);
    }
    return new Promise<boolean>((resolve, reject) => {
      if (this.pending.push({ params, resolve, reject }) === 1) setImmediate(() => this.flushContributions());
    });
  }

  /** Writes the waiting contributions (one transaction), then settles their callers. */
  private flushContributions(): void {
    const group = this.pending;
    if (group.length === 0) return;
    this.pending = [];
    if (!this.db.open) {
      for (const p of group) p.reject(new TypeError('The database connection is not open'));
      return;
    }
    let outcomes: PutOutcome[];
    try {
      if (group.length === 1) {
        outcomes = [this.stmt.putContribution.run(group[0].params).changes > 0];
      } else {
        outcomes = this.putGroupTx(group);
      }
    } catch (err) {
      for (const p of group) p.reject(err);
      return;
    }
    group.forEach((p, i) => {
      const outcome = outcomes[i];
      if (typeof outcome === 'boolean') p.resolve(outcome);
      else p.reject(outcome.error);
    });
  }

  async listContributions(cafeId: string, stepId?: string): Promise<Contribution[]> {
    this.flushContributions();
    const rows =
      stepId === undefined
        ? this.stmt.listContributions.all(cafeId)
        : this.stmt.listStepContributions.all(cafeId, stepId);
    return rows.map(parseContribution);
  }

  async setMessageId(cafeId: string, key: string, activityId: string): Promise<void> {
    this.flushContributions();
    this.stmt.setMessageId.run(cafeId, key, activityId);
  }

  async getMessageId(cafeId: string, key: string): Promise<string | undefined> {
    this.flushContributions();
    return this.stmt.getMessageId.get(cafeId, key)?.activity_id;
  }

  async listTimed(): Promise<CafeState[]> {
    this.flushContributions();
    return this.stmt.listTimed.all().map(parseCafe);
  }

  async ping(): Promise<boolean> {
    try {
      return this.stmt.ping.get() === 1;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.flushContributions();
    if (this.db.open) this.db.close();
  }

  /**
   * Erases ended cafés that ended before `ts` (epoch ms; `endedAt`, or the last save when unset),
   * with their contributions and message ids, in one transaction. Returns how many cafés were erased.
   */
  async purgeEndedBefore(ts: number): Promise<number> {
    this.flushContributions();
    return this.purgeTx(ts);
  }

  /** Erases a café, its contributions and its message ids, in one transaction. Returns whether the café existed. */
  async eraseCafe(cafeId: string): Promise<boolean> {
    this.flushContributions();
    return this.eraseTx(cafeId);
  }

  /** Erases every café of the conversation and its chat profile, in one transaction. Returns how many cafés were erased. */
  async eraseConversation(conversationId: string): Promise<number> {
    this.flushContributions();
    return this.eraseConversationTx(conversationId);
  }

  async getProfile(conversationId: string): Promise<ChatProfile | undefined> {
    this.flushContributions();
    const row = this.stmt.getProfile.get(conversationId);
    return row ? parseProfileDoc(conversationId, row.doc) : undefined;
  }

  async setProfile(conversationId: string, profile: ChatProfile): Promise<void> {
    this.flushContributions();
    this.stmt.setProfile.run(conversationId, serializeProfile(conversationId, profile), profile.updatedAt);
  }

  private eraseNow(cafeId: string): boolean {
    this.stmt.deleteContributions.run(cafeId);
    this.stmt.deleteMessages.run(cafeId);
    this.stmt.deleteOutbox.run(cafeId);
    return this.stmt.deleteCafe.run(cafeId).changes > 0;
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `Database schema version ${current} is newer than this build supports (${SCHEMA_VERSION}): ${this.db.name}`,
      );
    }
    if (current === SCHEMA_VERSION) return;
    this.db.transaction(() => {
      for (let v = current; v < SCHEMA_VERSION; v++) this.db.exec(MIGRATIONS[v]!);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }).immediate();
  }
}

function cafeParams(state: CafeState): Params {
  return {
    id: state.id,
    conversationId: state.conversationId,
    status: state.status,
    version: state.version,
    hasTimer: state.timer != null ? 1 : 0,
    endedAt: state.endedAt ?? null,
    doc: JSON.stringify(state),
    updatedAt: Date.now(),
    createdAt: state.createdAt,
    joinCode: state.joinCode ?? null,
  };
}

/** The unique index on active cafés refused the row (and not any other constraint). */
function isActiveCafeConflict(err: unknown): boolean {
  return isUniqueConflict(err, 'cafes.conversation_id');
}

/** A unique index on `column` ('table.column') refused the row. */
function isUniqueConflict(err: unknown, column: string): boolean {
  // Not `instanceof Error`: the native addon's errors may come from another realm (Jest's VM).
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  return code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof message === 'string' && message.includes(column);
}




function parseCafe(row: CafeRow): CafeState {
  return parseCafeDoc(row.id, row.doc);
}

function parseContribution(row: ContributionRow): Contribution {
  const what = `contribution ${row.kind}/${row.key} of step ${row.step_id} of café ${row.cafe_id}`;
  return parseContributionDoc(row.doc, what, { cafeId: row.cafe_id, stepId: row.step_id, key: row.key });
}
