import type { VoteTally } from '../domain/tally';
import type { Content, PartId, Tip } from '../content/schema';
import type { CafeState, Contribution, Locale, Step, StepKind } from '../domain/types';
import type { LabelledFeedbackQuestion } from '../i18n/feedback';

/**
 * The channel-neutral view model of a step: what one person sees of it, as plain data. The Teams
 * cards (src/cards/steps), the café board (src/tab/snapshot.ts) and the next channels render it;
 * none of them decides again who may see what. No Adaptive Card, HTML or Markdown notion here:
 * the guide's texts as the content gives them, counts, and the actions a person may take.
 */

/**
 * Who a view is for. The shared view (what everyone sees in the chat or on the board) is
 * `{ isFacilitator: false }` without `userId`; a person's own view has their id, so a voter sees
 * their own choice and the facilitator sees the controls and the guide's tips.
 */
export interface Viewer {
  userId?: string;
  isFacilitator: boolean;
  locale: Locale;
  /** The café board's read-only link (tokened), given to the facilitator's view only. */
  boardUrl?: string;
  /**
   * The web door, in a Teams café's facilitator view: the participants' address and code (people
   * without Teams join there) and the facilitator's own console link.
   */
  web?: WebLinks;
}

/** A café's web door as its facilitator is told it: where participants join, and their own console. */
export interface WebLinks {
  code: string;
  joinUrl: string;
  consoleUrl: string;
}

/** What every step view is built from. `now` is passed in: views never read the clock. */
export interface StepInput {
  state: CafeState;
  step: Step;
  content: Content;
  contributions: Contribution[];
  /**
   * The café's participants (everyone who did something, in the order they first did), when the
   * caller keeps them: then `contributions` need only hold this step's (and, for turns, its pick
   * step's). Absent: computed from `contributions`, which must then be the café's.
   */
  participants?: string[];
  /**
   * The conversation's members as the channel read them (Barista aside), for who is expected to
   * finish a video; undefined when the channel could not read them.
   */
  members?: readonly string[];
  /** A poll step's votes already counted (kept by the store), instead of counting `contributions` again. */
  votes?: VoteTally;
  viewer: Viewer;
  now: number;
}

/**
 * An action the viewer may take on this step, as a verb and its parameters (the café is the
 * view's `cafeId`). A channel turns each into its own button, command or link.
 */
export type ViewAction =
  | { verb: 'turn'; step: string; delta: 1 | -1 }
  | { verb: 'reveal'; step: string }
  | { verb: 'next'; step: string }
  | { verb: 'back'; step: string }
  | { verb: 'extend'; minutes: number }
  | { verb: 'pause' }
  | { verb: 'resume' }
  | { verb: 'end' }
  /** The shared view of an open step: "my own view" (a channel that cannot push per-person views asks for it). */
  | { verb: 'refresh'; step: string };

/** A group of the guide's tips, headed by what they are about; or the guide's answer, for the facilitator before it is revealed. */
export type TipGroup =
  | { about: 'question' | 'activity' | 'objectives'; tips: Tip[] }
  | { about: 'answer'; text: string };

/** What only the facilitator's view holds (content schema: WHO SEES WHICH TEXT). */
export interface FacilitatorPart {
  /** The guide's words addressed to the facilitator (content `facilitator…` fields), whole. */
  texts: string[];
  /** The guide's tips for this step, whole, by group. */
  tips: TipGroup[];
  /** On the current step: what comes next when time is up, what is left when the café runs late (already worded). */
  notices: string[];
  /** On the current step: the café board's read-only link. */
  boardUrl?: string;
  /** On the current step: the web door (a Teams café's). */
  web?: WebLinks;
}

/** The step's countdown as of `now`: a channel words it (and may tick it, from `dueAt`). */
export type Countdown =
  | { state: 'running'; dueAt: number; msLeft: number }
  | { state: 'paused'; msLeft: number }
  | { state: 'elapsed' };

/** What every step view holds. */
export interface StepViewBase {
  cafeId: string;
  stepId: string;
  /** The content activity the step comes from (steps of one activity make one section of a recap). */
  activityId: string;
  part: PartId;
  /** The part's name in the viewer's language ("La tasse"). */
  partLabel: string;
  /** 1-based place in the café's plan, for "Étape 3 / 12". */
  index: number;
  total: number;
  /** Place among the steps of the same activity ("3 / 11" of a series of polls). */
  series: { n: number; total: number };
  /** The activity's title (Barista's own for a choose step and the feedback). */
  title: string;
  /**
   * What everyone reads under the title in a stream of messages: a series of polls or questions
   * says the guide's instruction on its first message only, the adaptation line on every one.
   */
  description?: string;
  /** The same for a screen that shows one step alone (the board): the instruction on every step. */
  instruction?: string;
  /** The step is the café's current one: it takes answers and has controls. */
  open: boolean;
  paused: boolean;
  /** The café has ended (the feedback still takes answers). */
  ended: boolean;
  /** The raw timer of this step, when it has one (the board ticks it itself). */
  timer?: { dueAt?: number; remainingMs?: number; firedAt?: number; paused: boolean };
  /** The facilitator's controls of an open step, or the shared view's "my view"; empty otherwise. */
  controls: ViewAction[];
  /** Only in a facilitator's view. */
  facilitator?: FacilitatorPart;
}

export interface ChoiceView {
  id: string;
  label: string;
  /** Its votes, when this view shows how the votes split (`PollView.countsShown`). */
  count?: number;
  /** Rounded share of the votes (0 when nobody voted), with `count`. */
  percent?: number;
  /** One of the guide's right answers; known to the view only once revealed. */
  correct: boolean;
}

export interface ChooseView extends StepViewBase {
  kind: 'choose';
  /** The options that fit the earlier choices, the preselected one marked. */
  options: Array<{ id: string; label: string; isDefault: boolean }>;
  chosen?: { id: string; label: string };
  /** Facilitator, open step: one action per option. */
  canChoose: boolean;
}

export interface PollView extends StepViewBase {
  kind: 'poll';
  statement: string;
  bonus: boolean;
  /** A debate: people may also give arguments for and against. */
  debate: boolean;
  choices: ChoiceView[];
  /** How many voted (always shown). */
  voters: number;
  /**
   * Whether the choices carry their counts: a quiz's split waits for the reveal for everyone but
   * the facilitator (domain `showsCounts`); other polls are live.
   */
  countsShown: boolean;
  /** The answer is revealed and the vote closed (the facilitator revealed it, or the step is past). */
  revealed: boolean;
  /** Once revealed: the guide's answer (its text, or the right choices' labels). */
  answer?: string;
  /** Once revealed: the guide's own answer text, when it has one. */
  answerText?: string;
  explanation?: string;
  /** The viewer's own vote. */
  mine?: { id: string; label: string };
  /**
   * The part's card advances in place: until this statement is revealed, the statement before it
   * (in the same series) stays visible with the guide's answer, as one compact line.
   */
  previous?: { statement: string; answer: string };
  canVote: boolean;
  canArgue: boolean;
  /** Debates: the arguments, anonymous, oldest first; `listed` when this view lists them (the facilitator's; a screen may too). */
  arguments?: { items: Array<{ side: 'pour' | 'contre'; text: string }>; listed: boolean };
}

export interface PickView extends StepViewBase {
  kind: 'pick';
  /** The guide then gives the floor to each in turn (names are shown); otherwise only counts. */
  turns: boolean;
  options: Array<{ id: string; label: string; detail?: string }>;
  /** Items picked at least once, in the content's order; `names` only where the guide gives the floor. */
  picked: Array<{ id: string; label: string; count: number; names?: string[] }>;
  pickers: number;
  mine?: { id: string; label: string };
  canPick: boolean;
}

export interface TurnsView extends StepViewBase {
  kind: 'turns';
  /** Who has the floor, and who is next (names as Teams gives them: a channel cleans them for its markup). */
  current?: { name: string; item: string };
  next?: { name: string; item: string };
  /** 0-based turn and how many picked. */
  turn: number;
  count: number;
  /** Items picked at least once, with their counts (the board's view). */
  picked: Array<{ id: string; label: string; count: number }>;
}

export interface VideoView extends StepViewBase {
  kind: 'video';
  video: { id: string; title: string; url: string };
  /**
   * How many of the people expected (`expectedFinishers`: the conversation's members, Barista and
   * the facilitator aside) said they had finished, of `people`. The card, the board and the export
   * show this one figure.
   */
  finished: number;
  people: number;
  /** The members were known: `people` is the room. Else it is only who did something, and no total is shown. */
  peopleKnown: boolean;
  youDone: boolean;
  canSayDone: boolean;
  countdown?: Countdown;
  /** What "+N min" adds. */
  extendMinutes: number;
  /** The café's time zone (the facilitator's): the clock time the viewing ends at is said in it. */
  timeZone: string;
}

export interface BoardView extends StepViewBase {
  kind: 'board';
  columns: Array<{ id: string; label: string }>;
  postitKinds: Array<{ id: string; label: string; color: 'blue' | 'pink' | 'yellow' | 'green' | 'orange' | 'purple' }>;
  /** Every post-it, anonymous, oldest first. */
  postits: Array<{ column: string; kind: string; text: string }>;
  canPost: boolean;
}

export interface QuestionView extends StepViewBase {
  kind: 'question';
  statement: string;
  /** Every answer, anonymous, oldest first. */
  answers: string[];
  /** The guide's answer or examples for everyone, once revealed or once the café has ended (the facilitator has it in their tips before). */
  answerText?: string;
  /** The facilitator revealed the guide's answer (a chat shows it from then on). */
  revealed: boolean;
  canAnswer: boolean;
}

export interface TextView extends StepViewBase {
  kind: 'text';
  text: string;
  links: Array<{ label: string; url: string }>;
}

export interface FeedbackView extends StepViewBase {
  kind: 'feedback';
  responses: number;
  questions: LabelledFeedbackQuestion[];
  /** Only in the facilitator's view: the comments, anonymous. */
  comments?: { positive: string[]; negative: string[] };
  /** The viewer's own answer. */
  mine?: { rating?: string; again?: string; topic?: string; positive?: string; negative?: string };
  /** Open, or the café has ended: the feedback stays open after the end. */
  acceptsAnswers: boolean;
}

/** The content no longer has this step's activity (a content pack changed mid-café): a view that still lets the facilitator move on. */
export interface MissingView extends StepViewBase {
  kind: 'missing';
  stepKind: StepKind;
}

export type KindView = ChooseView | PollView | PickView | TurnsView | VideoView | BoardView | QuestionView | TextView | FeedbackView;

/** One view per step kind (the compiler ties them: see STEP_KINDS). */
export type StepView = KindView | MissingView;

/** The view of one step kind. */
export type StepViewOf<K extends StepKind> = Extract<KindView, { kind: K }>;
