import { FACILITATOR_ONLY_FIELDS, type Activity, type Content, type Tip, type Video } from './schema';

/** A text of the content meant for the facilitator alone, with where it is (for a test's message). */
export interface FacilitatorText {
  at: string;
  text: string;
}

const tipTexts = (at: string, tips: Tip[]): FacilitatorText[] =>
  tips.flatMap((tip, i) => [
    { at: `${at}[${i}].text`, text: tip.text },
    ...(tip.title ? [{ at: `${at}[${i}].title`, text: tip.title }] : []),
  ]);

function fieldTexts(at: string, owner: Record<string, unknown>, fields: readonly string[]): FacilitatorText[] {
  return fields.flatMap((field) => {
    const value = owner[field];
    if (typeof value === 'string') return [{ at: `${at}.${field}`, text: value }];
    if (Array.isArray(value)) return tipTexts(`${at}.${field}`, value as Tip[]);
    return [];
  });
}

/** The facilitator-only texts of one activity and of its questions (FACILITATOR_ONLY_FIELDS). */
export function activityFacilitatorTexts(activity: Activity): FacilitatorText[] {
  const at = `activities.${activity.id}`;
  const own = fieldTexts(at, activity as unknown as Record<string, unknown>, FACILITATOR_ONLY_FIELDS.activity);
  const questions = activity.kind === 'polls' || activity.kind === 'questions' ? activity.questions : [];
  return [
    ...own,
    ...questions.flatMap((q) => fieldTexts(`${at}.${q.id}`, q as unknown as Record<string, unknown>, FACILITATOR_ONLY_FIELDS.question)),
  ];
}

/** The facilitator-only texts of one video (its objectives). */
export function videoFacilitatorTexts(video: Video): FacilitatorText[] {
  return fieldTexts(`videos.${video.id}`, video as unknown as Record<string, unknown>, FACILITATOR_ONLY_FIELDS.video);
}

/** The facilitator-only texts a step of this activity (and video, for a video step) carries. */
export function stepFacilitatorTexts(activity: Activity | undefined, video: Video | undefined): FacilitatorText[] {
  return [...(activity ? activityFacilitatorTexts(activity) : []), ...(video ? videoFacilitatorTexts(video) : [])];
}

/**
 * Every text of the content that is the facilitator's alone, as the schema defines the audiences:
 * what the cards, the board and the exports must never give a participant. Tests read it to prove
 * that no such sentence of the guide reaches a shared card.
 */
export function facilitatorOnlyTexts(content: Content): FacilitatorText[] {
  return [
    // The guide's general advice, each formula's and the online café's: the facilitator's preparation.
    ...tipTexts('generalTips', content.generalTips),
    ...tipTexts('virtual.advice', content.virtual.advice),
    ...content.formulas.flatMap((f) => tipTexts(`formulas.${f.id}.${f.variant}.tips`, f.tips)),
    ...content.activities.flatMap(activityFacilitatorTexts),
    ...content.videos.flatMap(videoFacilitatorTexts),
  ];
}
