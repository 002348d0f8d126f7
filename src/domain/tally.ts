import type { Contribution } from './types';

/**
 * A poll step's votes, kept up to date by whoever keeps the step's contributions (the SQLite
 * process's KeptStore), so a vote's card does not count the whole poll again: with 2,000 voters,
 * a vote costs what it costs with 20.
 */
export interface VoteTally {
  /** Votes by choice id, as `voteCounts` would count them. */
  counts: Record<string, number>;
  /** A voter's current choice, if they voted. */
  choiceOf(userId: string): string | undefined;
  /** The step's other contributions (a debate's arguments), in order. */
  others: Contribution[];
}
