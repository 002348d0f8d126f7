/**
 * What the café board (the meeting tab and the read-only browser page) shows: one JSON document,
 * sent whole on every change by server-sent events. Shared by the server (which builds it from the
 * café, src/tab/snapshot.ts) and the browser code (src/tab/browser), so it holds only plain data:
 * counts and anonymous texts, never who voted or wrote what.
 */

export type BoardStepKind = 'choose' | 'poll' | 'pick' | 'turns' | 'video' | 'board' | 'question' | 'text' | 'feedback';

export interface BoardSnapshot {
  v: 1;
  /** The server's clock when the snapshot was built (ms): the page corrects its countdown with it. */
  serverNow: number;
  cafe: {
    id: string;
    /** The formula's name as the guide gives it, variant included ("Americano avec sucre"). */
    formula: string;
    variant: 'avec-sucre' | 'sans-sucre';
    status: 'menu' | 'running' | 'paused' | 'ended';
    /** The café's language (its cards'); the page may show its own labels in another. */
    locale: 'fr' | 'en';
    /** People who took part so far (the facilitator aside). */
    participants: number;
  };
  /** The current step; absent before the café begins and after it ends. */
  step?: BoardStep;
  /** Once ended: the café's results, step by step (polls and boards), for the last view. */
  recap?: { steps: BoardStep[] };
  /**
   * Where people join from a phone (the web door): the café's code and its address, shown with
   * their QR code on the board (the room's big screen, a shared screen) until the café ends.
   */
  join?: { code: string; url: string };
}

export interface BoardStep {
  id: string;
  /** 1-based position and total, for "Étape 3 / 12". */
  index: number;
  total: number;
  kind: BoardStepKind;
  /** The part of the formula, already in the café's language ("La tasse"). */
  partLabel: string;
  /** The activity's title ("Séquence débat"). */
  title: string;
  /** What participants are asked to do, when the guide says it. */
  instruction?: string;
  /** The countdown of this step, when it has one. */
  /** `until`: the clock time the countdown ends at, in the café's time zone (the card says the same). */
  timer?: { dueAt?: number; remainingMs?: number; paused: boolean; firedAt?: number; until?: string };
  poll?: BoardPoll;
  board?: BoardPostits;
  question?: BoardQuestion;
  pick?: { items: Array<{ id: string; label: string; count: number }>; floor?: string };
  /** `done` of `expected` (the card's figure); `expected` only when the conversation's members are known. */
  video?: { title: string; url: string; done: number; expected?: number };
  text?: { text: string };
  choose?: { options: string[] };
  feedback?: BoardFeedback;
}

export interface BoardPoll {
  statement: string;
  /** Debates (d'accord / pas d'accord): the page shows the split as one bar. */
  debate: boolean;
  /** Each choice's votes (`count`) only when `countsShown`: a quiz's split waits for its reveal. */
  choices: Array<{ id: string; label: string; count?: number; correct: boolean }>;
  total: number;
  countsShown: boolean;
  revealed: boolean;
  answerText?: string;
  explanation?: string;
  arguments?: { pour: string[]; contre: string[] };
}

export interface BoardPostits {
  columns: Array<{ id: string; label: string }>;
  kinds: Array<{ id: string; label: string; color: 'blue' | 'pink' | 'yellow' | 'green' | 'orange' | 'purple' }>;
  postits: Array<{ column: string; kind: string; text: string }>;
}

/** An open question: the definitions round, a synthesis question. */
export interface BoardQuestion {
  text: string;
  answers: string[];
  revealed: boolean;
  answerText?: string;
}

export interface BoardFeedback {
  responses: number;
  questions: Array<{ id: string; text: string; choices: Array<{ id: string; label: string; count: number }> }>;
}
