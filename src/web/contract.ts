import { z } from 'zod';
import type { StepView } from '../views/types';
import type { BoardSnapshot } from '../tab/snapshotTypes';

/**
 * The web door's contract: the HTTP API between Barista and its two pages, the facilitator's
 * console and the participant's page (phone first). Shared by the server (src/web) and the
 * browser bundles (src/web/browser): plain data and zod schemas only.
 *
 * A web café is a café like any other (same domain, store, timers): its conversation is
 * `web:<uuid>` and its address's channelId is WEB_CHANNEL_ID. A Teams café accepts web
 * participants too: they join by the café's code and act through the same turn pipeline.
 *
 * Who is who: Barista has no accounts. Every request carries a signed token (HMAC with the
 * server's secret, src/web/tokens.ts): the console's (the facilitator's actor id, the café, an
 * expiry) or a participant's (a random actor id `web:p:<random>`, an optional first name, the
 * café, an expiry). Tokens travel in the `Authorization: Bearer` header (POST) or `?t=` (the
 * event stream, which EventSource cannot give headers); never in a cookie, so a form another site
 * posts carries none (CSRF-proof), and every POST takes `application/json` only (415 otherwise).
 */

export const WEB_CHANNEL_ID = 'web';

/** The café code: 10 characters of Crockford's base 32 (50 bits), shown as XXXXX-XXXXX. */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 10;

/** Normalises what a person typed: case, spaces, dashes, and the letters people confuse (O→0, I/L→1). */
export function normaliseCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** 'ABCDE12345' → 'ABCDE-12345' (how pages show it). */
export function displayCode(code: string): string {
  return code.length === CODE_LENGTH ? `${code.slice(0, 5)}-${code.slice(5)}` : code;
}

export const CodeSchema = z.string().max(40).transform(normaliseCode).pipe(z.string().length(CODE_LENGTH).regex(/^[0-9A-HJKMNP-TV-Z]+$/));

export const Paths = {
  /** POST: a facilitator starts a web café. Body StartBody → 201 StartAnswer. */
  start: '/api/web/cafes',
  /** POST: a participant joins by code. Body JoinBody → 200 JoinAnswer; 404 unknown code, 409 full, 429 too many tries. */
  join: '/api/web/join',
  /** POST (Bearer): an action of a card verb. Body ActBody → 200 ActAnswer. */
  act: '/api/web/act',
  /** GET ?t=<token>: server-sent events, `view` (WebView) at once and at every change, `expired`, `gone` (the café was erased). */
  events: '/api/web/events',
  /** GET ?t=<token>: one WebView (a page that cannot hold an event stream). */
  view: '/api/web/view',
  /** GET ?locale=: what the console's start page offers (formulas, variants, the menu's tree, sur-mesure's elements). */
  catalogue: '/api/web/catalogue',
  /** POST (Bearer, console): a co-facilitator's console link (the console's « Passer la main »). Body HandBody → 200 HandAnswer. */
  hand: '/api/web/hand',
  /** Pages: the start page (`/console`), a café's console (`/console/<cafeId>#t=<token>`), the join form (`/j`), the participant page (`/j/<code>`). */
  consolePage: '/console',
  joinPage: '/j',
  /** The pages' bundles and style sheet (public/web, built by scripts/build-tab.ts). */
  assets: '/web/',
} as const;

export const LocaleSchema = z.enum(['fr', 'en']);

export const StartBody = z.object({
  /** A formula id ('americano', 'ristretto', …) or 'sur-mesure'; the menu's decision tree ends on one. */
  formula: z.string().min(1).max(60),
  variant: z.enum(['avec-sucre', 'sans-sucre']).optional(),
  locale: LocaleSchema.default('fr'),
  /** The facilitator's first name, optional (shown to participants as « animé par … » only). */
  name: z.string().max(60).optional(),
  /** formula 'sur-mesure': the element chosen for each part (`formula.variant.option` as the catalogue lists them; empty to skip). */
  compose: z.object({
    tasse: z.string().max(200).default(''),
    cafe: z.string().max(200).default(''),
    chocolat: z.string().max(200).default(''),
    sucre: z.string().max(200).default(''),
  }).strict().optional(),
}).strict();
export type StartBody = z.infer<typeof StartBody>;

export interface StartAnswer {
  cafeId: string;
  code: string;
  /** The console's secret link (the facilitator's alone). */
  consoleUrl: string;
  /** The participants' address with the code (what the QR code holds). */
  joinUrl: string;
}

export const JoinBody = z.object({
  code: CodeSchema,
  /** Optional first name (the guide gives the floor by name in crazy jobs and photo-langage). */
  name: z.string().max(40).optional(),
  locale: LocaleSchema.default('fr'),
  /** A token this browser already had for this café: the same participant comes back (same votes). */
  token: z.string().max(2000).optional(),
}).strict();
export type JoinBody = z.infer<typeof JoinBody>;

export interface JoinAnswer {
  token: string;
  cafeId: string;
  participantId: string;
}

/** « Passer la main »: `mode` 'co' adds a co-facilitator (the café keeps its facilitator); 'hand' makes them the facilitator. */
export const HandBody = z.object({ mode: z.enum(['co', 'hand']), name: z.string().max(60).optional() }).strict();
export type HandBody = z.infer<typeof HandBody>;

export interface HandAnswer {
  /** The new facilitator's console link (theirs alone: the page shows it once, to copy). */
  consoleUrl: string;
  message?: string;
}

/** An error answer of the API: a stable code and a message in the asker's language. */
export interface ApiError {
  code: 'bad-request' | 'unauthorised' | 'expired' | 'not-found' | 'full' | 'too-many' | 'unsupported-media-type' | 'too-large' | 'ended' | 'unavailable';
  message: string;
}

/** A card verb's data, as in Teams (src/cards/actions.ts ActionDataSchema validates it on the server). */
export const ActBody = z.object({ data: z.record(z.string(), z.unknown()) }).strict();

export interface ActAnswer {
  /** A short message (a refusal, a confirmation), when the pipeline answered one. */
  message?: string;
  /** The person's view after the action (absent once the café was erased: `erased`). */
  view?: WebView;
  /** The console erased the café (a web café's « Effacer »): every page of it says so. */
  erased?: true;
  /**
   * Suivant on the last step (or Fin) asks first, as in Teams: the console confirms with
   * {verb:'end', cafe, confirm:'end'|'feedback'|'cancel', at} ('feedback' when not `feedbackAsked`).
   */
  confirmEnd?: { at: number; feedbackAsked: boolean };
}

/** A message of Barista's to the café (Teams: in the chat), or privately to the facilitator. */
export interface WebNotice {
  id: string;
  at: number;
  text: string;
  /** Only the facilitator's console gets private notices. */
  private: boolean;
}

/**
 * What a page shows, for its viewer: the café, the current step as the viewer sees it (the
 * participant's own view: their vote, their pick; the facilitator's: the controls and the guide's
 * private guidance), and Barista's recent messages.
 */
export interface WebView {
  v: 1;
  serverNow: number;
  role: 'participant' | 'facilitator';
  /** The viewer's own id and first name (a participant's). */
  me: { id: string; name?: string };
  cafe: {
    id: string;
    code: string;
    joinUrl: string;
    formula: string;
    variant: 'avec-sucre' | 'sans-sucre';
    status: 'menu' | 'running' | 'paused' | 'ended';
    locale: 'fr' | 'en';
    participants: number;
    /** The console's board link (full screen, for screen sharing), facilitator only. */
    boardUrl?: string;
    /** Who facilitates, as they gave their name (« animé par … »), when they gave one. */
    facilitator?: string;
    /** The console may erase the café (a web café's facilitator: a Teams café is erased from its chat, /effacer). */
    erasable?: boolean;
  };
  /** The current step in the viewer's view (absent before the café begins and after it ends). */
  step?: StepView;
  /** Before the café begins: the plan's parts (what the console's Commencer starts). */
  plan?: Array<{ part: string; label: string; minutes: number }>;
  /** Once ended: the café's results (the board's recap). */
  recap?: BoardSnapshot['recap'];
  /** Before the café begins: its registrations (the guide's ASTUCE: ask the public's level when they register). */
  registration?: WebRegistration;
  notices: WebNotice[];
}

/** Planned minutes as the content gives them (`estimate`: Barista's, not the guide's). */
export interface CatalogueMinutes { min: number; max: number; estimate?: boolean }

export type CataloguePart = 'tasse' | 'cafe' | 'chocolat' | 'sucre';
export type CatalogueVariant = 'avec-sucre' | 'sans-sucre';

/** A formula the start page offers ('americano'), with its variants (« avec sucre », « sans sucre »). */
export interface CatalogueFormula {
  id: string;
  /** The formula's name without its variant ('Ristretto', 'Cappuccino à la mousse d'IA'). */
  name: string;
  /** The guide's « Combien de temps ? » when every variant shares it (French pages only: the guide is French). */
  summary?: string;
  variants: Array<{
    variant: CatalogueVariant;
    /** The variant's full name ('Ristretto avec sucre'). */
    name: string;
    /** The guide's « pour qui » line, and its « combien de temps » when the formula's `summary` does not give it (French pages only). */
    summary?: string;
    /** The café's planned total (`plannedTotal`). */
    minutes: CatalogueMinutes;
    parts: Array<{ part: CataloguePart; minutes: CatalogueMinutes }>;
  }>;
  /** The formula's parts, named in the page's language. */
  parts: Array<{ part: CataloguePart; label: string }>;
}

/** A formula the menu's tree proposes (or names but finds too long for the time the person has). */
export interface CatalogueProposal {
  formula: string;
  variant: CatalogueVariant;
  name: string;
  minutes: CatalogueMinutes;
  /** Online, the formula plans more than the guide's online maximum: the advice to shorten it. */
  note?: string;
}

/** One question of the menu's tree: each option leads to the next question or to a leaf. */
export interface CatalogueMenuQuestion {
  kind: 'question';
  /** 'organise' | 'long' | 'audience' | 'online' (src/domain/recommend.ts MenuAnswers). */
  key: 'organise' | 'long' | 'audience' | 'online';
  question: string;
  options: Array<{
    /** The answer's value ('oui', 'non', 'novice', 'averti', 'intermediaire'). */
    value: string;
    label: string;
    /** The guide's verdict for this answer (« Les formules Ristretto sont faites pour vous ! »). */
    verdict?: string;
    next: CatalogueMenuNode;
  }>;
}

/** The end of the tree: what Barista proposes for the answers given (`recommend`). */
export interface CatalogueMenuLeaf {
  kind: 'leaf';
  /** NON to the first question: no café, the videos' playlist instead. */
  declined: boolean;
  /** Above the proposals (« Barista vous propose : », « Ce qui tient en 30 minutes : »). */
  heading: string;
  proposals: CatalogueProposal[];
  /** The guide's verdict named formulas longer than the time the person has: said, not proposed. */
  tooLong: { heading: string; formulas: CatalogueProposal[] } | null;
  /** Online: the virtual café's advice (its title, the guide's texts, the ASTUCE). */
  virtual: { title: string; texts: string[]; astuce: { label: string; text: string } } | null;
  /** Declined: the DATAcculturation videos' playlist. */
  playlistUrl?: string;
}

export type CatalogueMenuNode = CatalogueMenuQuestion | CatalogueMenuLeaf;

/** Sur-mesure: the elements a part can take, every option of the guide's formulas without repeats. */
export interface CatalogueComposePart {
  part: CataloguePart;
  label: string;
  options: Array<{
    /** `formula.variant.option`, what StartBody.compose takes. */
    id: string;
    /** The element's label (the content's words: French). */
    label: string;
    /** The formula it comes from ('Americano avec sucre'). */
    formulaName: string;
    minutes: CatalogueMinutes;
  }>;
}

/** GET Paths.catalogue?locale=: what the console's start page offers, worded in `locale`. */
export interface Catalogue {
  v: 1;
  locale: 'fr' | 'en';
  /** The language of the content's own texts (option labels, formula names): the guide's, French. */
  contentLocale: 'fr';
  formulas: CatalogueFormula[];
  menu: { title: string; root: CatalogueMenuNode };
  compose: CatalogueComposePart[];
  /** The guide's online maximum (minutes). */
  onlineMaxMinutes: number;
}

export type RegistrationLevel = 'novice' | 'averti' | 'intermediaire';
export type RegistrationPlace = 'online' | 'room';

/**
 * The registrations of a café not begun yet. A participant sees how many registered and their own
 * answer (the split is the facilitator's: 0 everywhere in a participant's view, so nobody answers
 * their level after the crowd's); the facilitator sees the split, and the formula the guide advises for that public
 * (adopted with {verb:'reformulate', cafe, formula: formulaId, variant}; `current` when the café
 * already has it).
 */
export interface WebRegistration {
  open: boolean;
  count: number;
  levels: { novice: number; averti: number; intermediaire: number };
  places: { online: number; room: number };
  mine?: { level: RegistrationLevel; place: RegistrationPlace };
  advice?: { formulaId: string; variant: 'avec-sucre' | 'sans-sucre'; name: string; minutes: { min: number; max: number }; current: boolean };
}
