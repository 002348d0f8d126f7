/**
 * The café engine: pure functions of (state, command, context). No botbuilder, no I/O, no clock:
 * time comes in as `now`, so every rule is testable in microseconds and portable to another SDK.
 */
export * from './types';
export { decide, startCafe, isRefusal, canFacilitate, overtimeLimitMinutes, actualMinutes } from './decide';
export type { Context } from './decide';
export { contribute, cleanText, MAX_TEXT, actedAt, replaces, SINGLE_VALUED, MAX_CLOCK_SKEW_MS } from './contribute';
export type { ContributionInput } from './contribute';
export { initialPlan, optionSteps, partSteps, plannedTotal } from './plan';
export { choicesOf, defaultOptionOf, fittingOptions, type Choices } from './choices';
export * from './lookup';
export { recommend, nextQuestion, checkAnswers, SHORT_CAFE_MINUTES } from './recommend';
export type { Advice, MenuAnswers, MenuAudience, Proposal } from './recommend';
export { composables, composeFormula, PARTS } from './compose';
export type { Composable } from './compose';
export * from './turnRules';
export * from './reveal';
export type { VoteTally } from './tally';
export { FEEDBACK_QUESTIONS, FEEDBACK_STEP_ID, feedbackSummary, isFeedbackChoice } from './feedback';
export type { FeedbackQuestionId, FeedbackSummary } from './feedback';
export { partCardKey, shownStep, cardStepOf, entersPart, messageKeys } from './partCards';
export {
  audienceOf, registration, registrationAdvice, registrationsOf, REGISTRATION_LEVELS, REGISTRATION_PLACES, REGISTRATION_STEP_ID,
} from './registration';
export type { Audience, RegistrationAdvice } from './registration';
