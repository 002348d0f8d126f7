import type { CafeStore } from '../../src/store/port';

/** What a turn asked of the store, by kind of call. */
export interface StoreCounts {
  /** get + getActive: the café document. */
  cafeReads: number;
  /** listContributions of one step. */
  stepReads: number;
  /** listContributions of the whole café. */
  cafeListings: number;
  messageIdReads: number;
  /** putContribution + save + create. */
  writes: number;
  other: number;
}

const zero = (): StoreCounts => ({ cafeReads: 0, stepReads: 0, cafeListings: 0, messageIdReads: 0, writes: 0, other: 0 });

/**
 * A store that counts the calls made to it and passes them on: the tests of "reads that follow
 * the work" say how many reads and writes a vote or an advance costs.
 */
export function countingStore(inner: CafeStore): { store: CafeStore; counts: StoreCounts; reset(): StoreCounts } {
  let counts = zero();
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        switch (prop) {
          case 'get':
          case 'getActive':
            counts.cafeReads++;
            break;
          case 'listContributions':
            if (args[1] === undefined) counts.cafeListings++;
            else counts.stepReads++;
            break;
          case 'getMessageId':
            counts.messageIdReads++;
            break;
          case 'putContribution':
          case 'save':
          case 'create':
            counts.writes++;
            break;
          default:
            counts.other++;
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return {
    store,
    get counts() {
      return counts;
    },
    reset() {
      const before = counts;
      counts = zero();
      return before;
    },
  };
}
