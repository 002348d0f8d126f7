import { currentStep } from '../../src/domain/lookup';
import type { CafeState, Contribution, Step } from '../../src/domain/types';
import { stepCard, type Viewer } from '../../src/cards';
import {
  answer, argument, byId, cafeAt, content, done, FACILITATOR, feedback, longText, people, person, pick, postit, run, T0, vote,
} from './fixtures';

/** One situation of a step card: a café at a step, what people did, and when. */
export interface Scenario {
  name: string;
  state: CafeState;
  step: Step;
  contributions: Contribution[];
  now: number;
  /** The chat's members as Teams gives them (who is expected to finish a video), when known. */
  members?: string[];
}

const MADONNA = ['donnee', 'madonna', 'les-deux'];
const JOBS = content.activities.find((a) => a.id === 'crazy-jobs');
const ITEMS = JOBS?.kind === 'pick' ? JOBS.items.map((i) => i.id) : [];

function at(name: string, state: CafeState, contributions: Contribution[] = [], now = T0 + 60_000, step = currentStep(state)!): Scenario {
  return { name, state, step, contributions, now };
}

/** Every step kind, open and closed, with 0 and 60 participants, paused or not. */
export function scenarios(): Scenario[] {
  const out: Scenario[] = [];
  const sixty = people(60).map((_, i) => i + 1);

  // choose
  const choose = cafeAt('avec-sucre', (s) => s.kind === 'choose');
  out.push(at('choose (ice breaker)', choose));
  const chooseVideo = cafeAt('avec-sucre', (s) => s.kind === 'choose' && s.part === 'cafe');
  out.push(at('choose (video)', chooseVideo));
  out.push(at('choose, closed', chooseVideo, [], T0, choose.steps[0]));

  // Madonna polls
  const madonna = cafeAt('avec-sucre', byId('tasse.madonna.michigan'));
  const madonnaStep = currentStep(madonna)!;
  const votes60 = sixty.map((i) => vote(madonna, madonnaStep.id, i, MADONNA[i % 3]));
  out.push(at('madonna, no vote', madonna));
  out.push(at('madonna, 60 votes', madonna, votes60));
  const revealed = run(madonna, { type: 'reveal', stepId: madonnaStep.id });
  out.push(at('madonna, revealed', revealed, votes60));
  out.push(at('madonna, paused', run(madonna, { type: 'pause' }), votes60));
  const maVie = cafeAt('avec-sucre', byId('tasse.madonna.ma-vie'));
  out.push(at('madonna ma-vie, revealed', run(maVie, { type: 'reveal', stepId: 'tasse.madonna.ma-vie' }), sixty.map((i) => vote(maVie, 'tasse.madonna.ma-vie', i, MADONNA[i % 3]))));
  const afterMadonna = cafeAt('avec-sucre', byId('tasse.madonna.nuages'));
  out.push(at('madonna, closed (past)', afterMadonna, votes60, T0, madonnaStep));

  // placement
  const placement = cafeAt('avec-sucre', (s) => s.kind === 'poll', { choose: { tasse: 'placement' } });
  out.push(at('placement, 60 votes', placement, sixty.map((i) => vote(placement, currentStep(placement)!.id, i, i % 2 ? 'accord' : 'pas-accord'))));
  out.push(at('placement, revealed', run(placement, { type: 'reveal', stepId: currentStep(placement)!.id })));

  // crazy jobs
  const pickCafe = cafeAt('sans-sucre', (s) => s.kind === 'pick');
  const pickStep = currentStep(pickCafe)!;
  const picks60 = sixty.map((i) => pick(pickCafe, pickStep.id, i, ITEMS[i % ITEMS.length]));
  out.push(at('crazy jobs, nobody picked', pickCafe));
  out.push(at('crazy jobs, 60 picks', pickCafe, picks60));
  out.push(at('crazy jobs, paused', run(pickCafe, { type: 'pause' }), picks60));

  // turns
  const turns = cafeAt('sans-sucre', (s) => s.kind === 'turns', { contributions: picks60 });
  out.push(at('turns, first', turns, picks60));
  let later = turns;
  for (let i = 0; i < 30; i++) later = run(later, { type: 'turn', stepId: currentStep(turns)!.id, delta: 1 }, picks60);
  out.push(at('turns, middle', later, picks60));
  const empty = cafeAt('sans-sucre', (s) => s.kind === 'turns');
  out.push(at('turns, nobody picked', empty));
  out.push(at('crazy jobs, closed', turns, picks60, T0, pickStep));

  // video
  const video = cafeAt('avec-sucre', (s) => s.kind === 'video');
  const videoStep = currentStep(video)!;
  const activeIds = sixty.map((i) => vote(madonna, madonnaStep.id, i, 'madonna'));
  const done20 = sixty.slice(0, 20).map((i) => done(video, videoStep.id, i));
  // The chat: the facilitator, the sixty participants and Barista.
  const room = [FACILITATOR.id, ...sixty.map((i) => person(i).id), '28:barista'];
  out.push({ ...at('video, running', video, [...activeIds, ...done20], video.timer!.dueAt! - 4 * 60_000 - 10_000), members: room });
  out.push(at('video, running, roster unknown', video, [...activeIds, ...done20], video.timer!.dueAt! - 4 * 60_000 - 10_000));
  out.push(at('video, no participant', video, [], video.timer!.dueAt! - 30_000));
  out.push(at('video, paused', run(video, { type: 'pause' }, [], video.timer!.dueAt! - 150_000), activeIds));
  const fired = run(video, { type: 'time-up', stepId: videoStep.id }, [], video.timer!.dueAt! + 1);
  out.push(at('video, time is up', fired, [...activeIds, ...done20], video.timer!.dueAt! + 1000));

  // board
  const board = cafeAt('avec-sucre', (s) => s.kind === 'board');
  const boardStep = currentStep(board)!;
  const act = content.activities.find((a) => a.id === 'journee-agent');
  const columns = act?.kind === 'board' ? act.columns.map((c) => c.id) : [];
  const kinds = act?.kind === 'board' ? act.postitKinds.map((k) => k.id) : [];
  const postits100 = Array.from({ length: 100 }, (_, i) =>
    postit(board, boardStep.id, (i % 60) + 1, columns[i % columns.length], kinds[i % kinds.length], longText(i)));
  out.push(at('board, empty', board));
  out.push(at('board, 100 post-its of 280 characters', board, [...activeIds, ...postits100]));
  out.push(at('board, paused', run(board, { type: 'pause' }), postits100));
  // Two of the five moments hold post-its: the three others on one line.
  out.push(at('board, post-its in two moments', board, [
    postit(board, boardStep.id, 1, columns[0], kinds[0], 'Mon badge'),
    postit(board, boardStep.id, 2, columns[2], kinds[1], 'Le planning'),
  ]));

  // synthesis questions
  const question = cafeAt('avec-sucre', (s) => s.kind === 'question');
  const qStep = currentStep(question)!;
  out.push(at('question, no answer', question));
  out.push(at('question, 60 long answers', question, sixty.map((i) => answer(question, qStep.id, i, longText(i)))));

  // debate
  const debate = cafeAt('sans-sucre', (s) => s.kind === 'poll');
  const dStep = currentStep(debate)!;
  const debateContribs = [
    ...sixty.map((i) => vote(debate, dStep.id, i, i % 3 ? 'accord' : 'pas-accord')),
    ...sixty.map((i) => argument(debate, dStep.id, i, i % 2 ? 'pour' : 'contre', longText(i))),
  ];
  out.push(at('debate, 60 votes and 60 long arguments', debate, debateContribs));
  out.push(at('debate, revealed', run(debate, { type: 'reveal', stepId: dStep.id }), debateContribs));

  // texts
  const synthese = cafeAt('sans-sucre', (s) => s.kind === 'text');
  out.push(at('text (synthèse du débat)', synthese));
  // The Americano avec sucre ends with its own « Synthèse et ouverture » (L753–763): questions, in le sucre.
  const ouverture = cafeAt('avec-sucre', (s) => s.part === 'sucre');
  out.push(at('question (synthèse et ouverture)', ouverture));

  // the closing feedback poll
  const closing = cafeAt('avec-sucre', (s) => s.kind === 'feedback');
  const fStep = currentStep(closing)!;
  const RATINGS = ['tres-bien', 'bien', 'moyen', 'decevant'];
  const feedback60 = sixty.map((i) => feedback(closing, fStep.id, i, {
    rating: RATINGS[i % 4], again: i % 2 ? 'oui' : 'peut-etre', topic: 'ia',
    ...(i % 3 === 0 ? { positive: longText(i) } : {}), ...(i % 5 === 0 ? { negative: longText(i + 1) } : {}),
  }));
  out.push(at('feedback, last step, no answer', closing));
  out.push(at('feedback, last step, 60 answers with long comments', closing, feedback60));
  out.push(at('ended café, feedback still open', run(closing, { type: 'end' }), [...postits100, ...feedback60]));
  return out;
}

export const SHARED: Viewer = { isFacilitator: false, locale: 'fr' };
export const FACILITATOR_VIEW: Viewer = { userId: FACILITATOR.id, isFacilitator: true, locale: 'fr' };
/** Participant 1: has voted, picked, posted in the scenarios above. */
export const VOTER: Viewer = { userId: person(1).id, isFacilitator: false, locale: 'fr' };

export function render(s: Scenario, viewer: Viewer) {
  return stepCard({ state: s.state, step: s.step, content, contributions: s.contributions, ...(s.members ? { members: s.members } : {}), viewer, now: s.now });
}
