import { SqliteStore } from './sqliteStore';

export type { CafeStore } from './port';
export { MemoryStore } from './memoryStore';
export { KeptStore } from './keptStore';
export { SqliteStore, SCHEMA_VERSION, SQLITE_FILE_NAME } from './sqliteStore';
export { RedisStore, DEFAULT_REDIS_PREFIX, type RedisStoreOptions } from './redisStore';

/** Opens the default store: SQLite in `${dataDir}/barista.sqlite` (`':memory:'` for a throwaway one). */
export function openStore(config: { dataDir: string }): SqliteStore {
  return new SqliteStore(config.dataDir);
}

