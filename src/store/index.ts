import { SqliteStore } from './sqliteStore';

export type { CafeStore } from './port';
export { MemoryStore } from './memoryStore';
export { SqliteStore, SCHEMA_VERSION, SQLITE_FILE_NAME } from './sqliteStore';

/** Opens the default store: SQLite in `${dataDir}/barista.sqlite` (`':memory:'` for a throwaway one). */
export function openStore(config: { dataDir: string }): SqliteStore {
  return new SqliteStore(config.dataDir);
}
