import { z } from 'zod';

/**
 * The zod schema of the guide as data. The built-in French content (guide.fr.ts) and every
 * operator content pack (JSON files in CONTENT_DIR) are validated by the same schema, so a pack
 * can add or replace anything the guide has without code.
 */

/** A stable identifier: lowercase letters, digits and dashes. */
export const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'identifiant attendu : minuscules, chiffres et tirets');
/** A text of the guide, word for word. */
export const Text = z.string().trim().min(1).max(4000);

/**
 * WHO SEES WHICH TEXT. The guide speaks to the person who facilitates (« Posez les questions
 * suivantes au groupe… », « demander à tout le monde de couper son micro », « Si vous avez encore
 * quelques minutes… »); participants are meant to see the question, the instruction to act and,
 * once revealed, the answer. So every text field of the content has one audience:
 *
 * - everyone (the shared card in the chat, each participant's own view, the café board page, the
 *   recap and the exports): an activity's `title` and `description`, a text activity's `text`, a
 *   question's `text`, `choices`, `answerText` (once revealed) and `explanation`, pick items, board
 *   columns and post-it kinds, links;
 * - the facilitator only (their own view of the card): every `tips`, a video's `objectives`, a
 *   video activity's `viewingAdvice`, and the fields named `facilitator…`: an activity's
 *   `facilitatorText`, a question's `facilitatorAnswer`.
 *
 * `FACILITATOR_ONLY_FIELDS` lists the latter so that code and tests read the rule from here. A
 * content pack says the same thing by choosing the field: a sentence addressed to the facilitator
 * goes in `facilitatorText` (or `facilitatorAnswer`), never in `description`, `text` or `answerText`.
 */
export const FACILITATOR_ONLY_FIELDS = {
  activity: ['tips', 'facilitatorText', 'viewingAdvice'],
  question: ['tips', 'facilitatorAnswer'],
  video: ['objectives'],
} as const;

export const LinkSchema = z.object({
  label: Text,
  url: z.string().url(),
});
export type Link = z.infer<typeof LinkSchema>;

/**
 * A piece of advice for the facilitator only. `kind` says which box of the guide it comes from
 * (its label on the cards): ASTUCE, Conseil, Retour d'expérience, Pour aller plus loin, Bon à
 * savoir, Objectif, Exemples. Two kinds are no box: `consigne`, the guide's plain instructions
 * (the déroulé), and `note`, its footnotes and asides (« * Pour en savoir plus… », « Le
 * saviez-vous ? »); they are labelled by their `title` (the guide's heading) or neutrally.
 */
export const TipSchema = z.object({
  kind: z.enum(['astuce', 'conseil', 'retour-experience', 'aller-plus-loin', 'bon-a-savoir', 'objectif', 'exemples', 'consigne', 'note']),
  title: Text.optional(),
  text: Text,
  links: z.array(LinkSchema).default([]),
});
export type Tip = z.infer<typeof TipSchema>;

/**
 * A planned duration in minutes, as the guide gives it ("entre 5 et 10 minutes"). Where the guide
 * gives none (the Cappuccino's sequences, the Americano's debate, the closings…), the minutes are
 * Barista's estimate (or the pack author's) and `estimate` says so: the cards then never present
 * them as the guide's.
 */
export const MinutesSchema = z.object({
  min: z.number().int().min(0).max(240),
  max: z.number().int().min(0).max(240),
  estimate: z.literal(true).optional(),
}).refine((m) => m.min <= m.max, 'min doit être inférieur ou égal à max');
export type Minutes = z.infer<typeof MinutesSchema>;

export const VideoSchema = z.object({
  id: Slug,
  title: Text,
  /** Where participants watch it: the guide's playlist unless the operator gives the video's own link. */
  url: z.string().url(),
  /** The video's objectives from part 2 of the guide, for the facilitator. */
  objectives: z.array(TipSchema).default([]),
});
export type Video = z.infer<typeof VideoSchema>;

export const ChoiceSchema = z.object({ id: Slug, label: Text });
export type Choice = z.infer<typeof ChoiceSchema>;

/**
 * A question or statement answered by a vote: a Madonna statement, a placement statement, a debate
 * statement, a quiz question. `correct` lists the right choices (empty for opinion polls);
 * `answerText` is the guide's own wording of the answer, revealed to everyone.
 */
export const QuestionSchema = z.object({
  id: Slug,
  text: Text,
  choices: z.array(ChoiceSchema).min(2).max(8),
  correct: z.array(Slug).default([]),
  answerText: Text.optional(),
  explanation: Text.optional(),
  /** The guide's answer when it speaks to the facilitator: their view only, never revealed. */
  facilitatorAnswer: Text.optional(),
  bonus: z.boolean().default(false),
  /** Anyone can add an argument for or against (debates). */
  arguments: z.boolean().default(false),
  tips: z.array(TipSchema).default([]),
}).superRefine((q, ctx) => {
  const ids = new Set(q.choices.map((c) => c.id));
  if (ids.size !== q.choices.length) ctx.addIssue({ code: 'custom', path: ['choices'], message: 'deux choix ont le même identifiant' });
  q.correct.forEach((c, i) => {
    if (!ids.has(c)) ctx.addIssue({ code: 'custom', path: ['correct', i], message: `« ${c} » n'est pas l'un des choix` });
  });
});
export type Question = z.infer<typeof QuestionSchema>;

/** A question answered in free text (synthesis, open quiz question). */
export const OpenQuestionSchema = z.object({
  id: Slug,
  text: Text,
  /** What the facilitator can offer once answers are in (the guide's examples or answer), revealed to everyone. */
  answerText: Text.optional(),
  /**
   * The guide's answer when it speaks to the facilitator (« Réponse : voir si les personnes
   * répondent et leur rappeler… »): shown in the facilitator's view, never revealed to participants.
   */
  facilitatorAnswer: Text.optional(),
  tips: z.array(TipSchema).default([]),
});
export type OpenQuestion = z.infer<typeof OpenQuestionSchema>;

export const PickItemSchema = z.object({ id: Slug, label: Text, detail: Text.optional() });

const ActivityBase = {
  id: Slug,
  title: Text,
  /** What participants are asked to do: shown to everyone (shared card, participants' views, board). */
  description: Text.optional(),
  /**
   * What the guide tells the facilitator to do at this activity (« Posez les questions suivantes au
   * groupe… », « À la fin de l'exercice, synthétisez… »), word for word: the facilitator's own view
   * only, in the card's body (not folded away like the tips).
   */
  facilitatorText: Text.optional(),
  /**
   * Set when Barista runs the activity otherwise than the guide does, so that the card tells
   * everyone (facilitator and participants, in their language: i18n `adaptation.<value>`) that
   * this is Barista's adaptation, not the guide's. `placement-poll`: the guide's placement in the
   * room, the one animation it says does not work online (L1071), run as polls.
   */
  adaptation: z.enum(['placement-poll']).optional(),
  planned: MinutesSchema,
  /** The guide's advice for the facilitator at this activity. */
  tips: z.array(TipSchema).default([]),
  /** The guide's « Matériel » of this activity (Ma journée d'agent), for the facilitator's preparation. */
  material: Text.optional(),
};

/** A series of polls, one question at a time: Madonna, placement, debate, quiz. */
export const PollsActivitySchema = z.object({ ...ActivityBase, kind: z.literal('polls'), questions: z.array(QuestionSchema).min(1).max(40) });
/** Everyone picks one item (several may pick the same), then the floor goes round: crazy jobs, photo-langage. */
export const PickActivitySchema = z.object({ ...ActivityBase, kind: z.literal('pick'), items: z.array(PickItemSchema).min(2).max(40), turns: z.boolean().default(true) });
/** One or several videos watched one after the other, each with its viewing pause. */
export const VideoActivitySchema = z.object({
  ...ActivityBase,
  kind: z.literal('video'),
  videos: z.array(Slug).min(1).max(6),
  /** The viewing pause per video, in minutes (the guide: between 2 and 5 minutes online). */
  viewingMinutes: z.number().int().min(1).max(60),
  /** The guide's advice to the facilitator for the viewing (« demander à tout le monde de couper son micro… »): their view only. */
  viewingAdvice: Text,
});
/** A post-it board: columns (moments of the day) and kinds of post-it with their colours. */
export const BoardActivitySchema = z.object({
  ...ActivityBase,
  kind: z.literal('board'),
  columns: z.array(z.object({ id: Slug, label: Text })).min(1).max(12),
  postitKinds: z.array(z.object({ id: Slug, label: Text, color: z.enum(['blue', 'pink', 'yellow', 'green', 'orange', 'purple']) })).min(1).max(6),
});
/** Open questions answered in free text, one after the other (synthesis). */
export const QuestionsActivitySchema = z.object({ ...ActivityBase, kind: z.literal('questions'), questions: z.array(OpenQuestionSchema).min(1).max(20) });
/**
 * A text step (the opening, the closing advice). `text` is shown to everyone; a text the guide
 * addresses to the facilitator goes in `facilitatorText` instead, and participants then see
 * Barista's own short line for the moment. One of the two is needed.
 */
export const TextActivitySchema = z.object({ ...ActivityBase, kind: z.literal('text'), text: Text.optional(), links: z.array(LinkSchema).default([]) })
  .refine((a) => !!a.text || !!a.facilitatorText, { message: 'un texte (text ou facilitatorText) est nécessaire', path: ['text'] });

export const ActivitySchema = z.discriminatedUnion('kind', [
  PollsActivitySchema, PickActivitySchema, VideoActivitySchema, BoardActivitySchema, QuestionsActivitySchema, TextActivitySchema,
]);
export type Activity = z.infer<typeof ActivitySchema>;
export type ActivityKind = Activity['kind'];

export const PartIdSchema = z.enum(['tasse', 'cafe', 'chocolat', 'sucre']);
export type PartId = z.infer<typeof PartIdSchema>;

/**
 * An option of a part. `follows` ties it to an option of an earlier part: the Ristretto's quiz
 * follows its video (« Choisissez bien le quiz correspondant à la vidéo diffusée pendant le café ! »),
 * so choosing the video chooses the quiz. An option without `follows` fits whatever came before.
 */
export const PartOptionSchema = z.object({
  id: Slug,
  label: Text,
  activities: z.array(Slug).min(1).max(12),
  follows: z.object({ part: PartIdSchema, option: Slug }).optional(),
});
export type PartOption = z.infer<typeof PartOptionSchema>;

/**
 * One of the four parts of a formula. When several of its `options` fit the options chosen before
 * (see `follows`), the facilitator picks one when the café reaches this part (the ice breaker, the
 * video); `defaultOption` is preselected.
 */
export const PartSchema = z.object({
  part: PartIdSchema,
  planned: MinutesSchema,
  options: z.array(PartOptionSchema).min(1).max(8),
  defaultOption: Slug,
}).refine((p) => p.options.some((o) => o.id === p.defaultOption), { message: "l'option par défaut n'est pas dans la liste", path: ['defaultOption'] });
export type Part = z.infer<typeof PartSchema>;

export const VariantSchema = z.enum(['avec-sucre', 'sans-sucre']);
export type Variant = z.infer<typeof VariantSchema>;

export const FormulaSchema = z.object({
  /** `americano`, `ristretto`… the word typed after /startcafe. */
  id: Slug,
  variant: VariantSchema,
  name: Text,
  /** Who it suits ("pour les novices"). */
  audience: Text,
  /** The guide's "Combien de temps ?" line. */
  duration: Text,
  /**
   * The same in minutes: the café's planned time (the menu's total, the recap, the overtime
   * notice). Without it, the sum of the parts. The parts' maxima never add up to more.
   */
  planned: MinutesSchema.optional(),
  people: Text,
  /** The guide's « Matériel » line of the formula, for the facilitator's preparation. */
  material: Text.optional(),
  parts: z.array(PartSchema).min(1).max(8),
  tips: z.array(TipSchema).default([]),
}).superRefine((f, ctx) => checkParts(f.parts, f.planned, ctx));
export type Formula = z.infer<typeof FormulaSchema>;

/** The guide's map of the cafés (its heading, its text with the contact, the uMap link and the contact's address). */
export const CafesMapSchema = z.object({
  title: Text,
  text: Text,
  links: z.array(LinkSchema).min(1),
});
export type CafesMap = z.infer<typeof CafesMapSchema>;
/**
 * A formula's parts hold together: each part once; an option `follows` an option of an earlier
 * part, and every option of that part is followed by at least one option that fits it; the
 * parts' planned maxima fit in the formula's planned time.
 */
function checkParts(parts: Part[], planned: Minutes | undefined, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  parts.forEach((p, pi) => {
    if (seen.has(p.part)) ctx.addIssue({ code: 'custom', path: ['parts', pi, 'part'], message: `la partie « ${p.part} » apparaît deux fois` });
    seen.add(p.part);
    p.options.forEach((o, oi) => {
      if (!o.follows) return;
      const earlier = parts.slice(0, pi).find((x) => x.part === o.follows!.part);
      const path = ['parts', pi, 'options', oi, 'follows'];
      if (!earlier) ctx.addIssue({ code: 'custom', path, message: `la partie « ${o.follows.part} » ne vient pas avant` });
      else if (!earlier.options.some((e) => e.id === o.follows!.option)) {
        ctx.addIssue({ code: 'custom', path, message: `« ${o.follows.option} » n'est pas une option de la partie « ${o.follows.part} »` });
      }
    });
    const followed = new Set(p.options.flatMap((o) => (o.follows ? [o.follows.part] : [])));
    for (const partId of followed) {
      const earlier = parts.slice(0, pi).find((x) => x.part === partId);
      for (const e of earlier?.options ?? []) {
        if (!p.options.some((o) => !o.follows || o.follows.part !== partId || o.follows.option === e.id)) {
          ctx.addIssue({ code: 'custom', path: ['parts', pi, 'options'], message: `aucune option ne suit « ${e.id} » (partie « ${partId} »)` });
        }
      }
    }
  });
  const max = parts.reduce((n, p) => n + p.planned.max, 0);
  if (planned && max > planned.max) {
    ctx.addIssue({ code: 'custom', path: ['planned'], message: `les parties prévoient jusqu'à ${max} minutes, plus que les ${planned.max} de la formule` });
  }
}

export const ContentSchema = z.object({
  /** The guide's YouTube playlist of the DATAcculturation videos. */
  playlistUrl: z.string().url(),
  /** "TOUS LES CONSEILS ET RETOURS D'EXPÉRIENCE": shown to the facilitator at the start of every café. */
  generalTips: z.array(TipSchema).min(1),
  /** "FORMULE CAFÉ VIRTUEL": the advice for online cafés. */
  virtual: z.object({
    maxMinutes: z.number().int().min(1).max(240),
    people: Text,
    /** Its « Matériel » line, for the facilitator's preparation (a café in Teams is online). */
    material: Text.optional(),
    advice: z.array(TipSchema).min(1),
  }),
  /** "DÉCOUVREZ LA CARTE DES CAFÉS DE LA DATA…": the network's map, shown where the network report is offered. */
  cafesMap: CafesMapSchema,
  videos: z.array(VideoSchema).min(1),
  activities: z.array(ActivitySchema).min(1),
  formulas: z.array(FormulaSchema).min(1),
});
export type Content = z.infer<typeof ContentSchema>;

/**
 * An operator's content pack: any subset, merged by id over the built-in content (same id
 * replaces, new id adds). `videoLinks` points a video at the operator's own hosting.
 */
export const ContentPackSchema = z.object({
  playlistUrl: z.string().url().optional(),
  generalTips: z.array(TipSchema).optional(),
  cafesMap: CafesMapSchema.optional(),
  videos: z.array(VideoSchema).optional(),
  videoLinks: z.record(Slug, z.string().url()).optional(),
  activities: z.array(ActivitySchema).optional(),
  formulas: z.array(FormulaSchema).optional(),
}).strict();
export type ContentPack = z.infer<typeof ContentPackSchema>;
