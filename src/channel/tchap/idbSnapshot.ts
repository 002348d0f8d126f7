import { deserialize, serialize } from 'node:v8';

/**
 * The Matrix client keeps its device's keys (the Rust crypto's store) and its sync in IndexedDB:
 * in Node that is fake-indexeddb, which lives in memory. A snapshot is every database of a factory
 * (its stores, indexes and records) as one buffer (V8's structured clone, as IndexedDB itself
 * stores values: typed arrays, maps and dates survive), written to the Tchap state file; restored
 * into a new factory before the client starts, the same device comes back with its keys, so a
 * restart never makes Barista a new device that cannot read its rooms.
 */

/** The parts of IndexedDB a snapshot uses (the project compiles without the DOM's types). */
type Key = string | number | Date | ArrayBufferView | ArrayBuffer | Key[];
interface IdbRequest<T> { result: T; error: unknown; onsuccess: (() => void) | null; onerror: (() => void) | null }
interface IdbOpenRequest extends IdbRequest<IdbDatabase> { onupgradeneeded: (() => void) | null; onblocked: (() => void) | null }
interface IdbIndex { keyPath: string | string[]; unique: boolean; multiEntry: boolean }
interface IdbStore {
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexNames: Iterable<string>;
  index(name: string): IdbIndex;
  getAllKeys(): IdbRequest<Key[]>;
  getAll(): IdbRequest<unknown[]>;
  put(value: unknown, key?: Key): unknown;
  createIndex(name: string, keyPath: string | string[], o: { unique: boolean; multiEntry: boolean }): unknown;
}
interface IdbTransaction { objectStore(name: string): IdbStore; oncomplete: (() => void) | null; onerror: (() => void) | null; onabort: (() => void) | null; error: unknown }
interface IdbDatabase {
  version: number;
  objectStoreNames: Iterable<string>;
  transaction(names: string[], mode: 'readonly' | 'readwrite'): IdbTransaction;
  createObjectStore(name: string, o: { keyPath: string | string[] | null; autoIncrement: boolean }): IdbStore;
  close(): void;
}
export interface IdbFactory {
  open(name: string, version?: number): IdbOpenRequest;
  databases(): Promise<Array<{ name?: string; version?: number }>>;
}

interface StoreDump {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: Array<{ name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }>;
  records: Array<[key: Key, value: unknown]>;
}

interface DatabaseDump {
  name: string;
  version: number;
  stores: StoreDump[];
}

const FORMAT = 1;

function request<T>(r: IdbRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function open(factory: IdbFactory, name: string, version?: number, upgrade?: (db: IdbDatabase) => void): Promise<IdbDatabase> {
  return new Promise((resolve, reject) => {
    const r = version === undefined ? factory.open(name) : factory.open(name, version);
    r.onupgradeneeded = () => upgrade?.(r.result);
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
    r.onblocked = () => reject(new Error(`IndexedDB ${name} blocked`));
  });
}

async function dumpDatabase(factory: IdbFactory, name: string): Promise<DatabaseDump> {
  const db = await open(factory, name);
  try {
    const names = [...db.objectStoreNames];
    const stores: StoreDump[] = [];
    if (names.length) {
      // One read-only transaction over every store: a consistent picture of the database.
      const tx = db.transaction(names, 'readonly');
      for (const storeName of names) {
        const store = tx.objectStore(storeName);
        const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
        stores.push({
          name: storeName,
          keyPath: store.keyPath,
          autoIncrement: store.autoIncrement,
          indexes: [...store.indexNames].map((i) => {
            const index = store.index(i);
            return { name: i, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
          }),
          // With an in-line key the value carries it; the key is kept anyway (put ignores it then).
          records: keys.map((k, n) => [k, values[n]]),
        });
      }
    }
    return { name, version: db.version, stores };
  } finally {
    db.close();
  }
}

/** Every database of `factory`, as one buffer. */
export async function snapshotIndexedDb(factory: IdbFactory): Promise<Buffer> {
  const infos = await factory.databases();
  const dbs: DatabaseDump[] = [];
  for (const info of infos) if (info.name) dbs.push(await dumpDatabase(factory, info.name));
  return serialize({ format: FORMAT, dbs });
}

/** Puts a snapshot's databases into `factory` (a new one, before anything opened them). */
export async function restoreIndexedDb(factory: IdbFactory, snapshot: Buffer): Promise<void> {
  const data = deserialize(snapshot) as { format: number; dbs: DatabaseDump[] };
  if (data.format !== FORMAT) throw new Error(`unknown IndexedDB snapshot format ${String(data.format)}`);
  for (const dump of data.dbs) {
    const db = await open(factory, dump.name, dump.version, (created) => {
      for (const s of dump.stores) {
        const store = created.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const i of s.indexes) store.createIndex(i.name, i.keyPath, { unique: i.unique, multiEntry: i.multiEntry });
      }
    });
    try {
      const names = dump.stores.map((s) => s.name);
      if (!names.length) continue;
      const tx = db.transaction(names, 'readwrite');
      const done = new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error ?? new Error('IndexedDB restore aborted'));
      });
      for (const s of dump.stores) {
        const store = tx.objectStore(s.name);
        for (const [key, value] of s.records) {
          if (s.keyPath === null) store.put(value, key);
          else store.put(value);
        }
      }
      await done;
    } finally {
      db.close();
    }
  }
}
