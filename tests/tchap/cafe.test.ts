/**
 * Whole cafés in a Tchap room, against a real Synapse homeserver on loopback: Barista (the real
 * server, SQLite, its Tchap door) and five people with their own Matrix clients, in an end-to-end
 * encrypted room. Léa made the room (its admin) and runs the café with `!` commands; the others vote
 * in Matrix polls, change their vote, argue, post and answer in the steps' threads, say « J'ai fini »
 * with a reaction or `!fini`, and give their feedback; Léa reveals and moves on to the recap. A
 * participant who presses a facilitator's command is refused privately and changes nothing; Barista
 * restarted mid-café resumes where it was, handles nothing twice, and still reads the room.
 */
import type { CafeState, Step } from '../../src/domain/types';
import { quietMatrix } from '../support/matrix';
import { POLL_END, TchapStack, type MatrixPerson } from './harness';

jest.setTimeout(300_000);
quietMatrix();
jest.mock('matrix-js-sdk/lib/http-api/utils.js', () => ({
  ...jest.requireActual<object>('matrix-js-sdk/lib/http-api/utils.js'),
  timeoutSignal: (ms: number) => AbortSignal.timeout(ms),
}));

const current = (c: CafeState | undefined): Step | undefined => (c && c.cursor >= 0 ? c.steps[c.cursor] : undefined);

interface Walk {
  log: string[];
  /** Called once, at the step of that index, before the participants act (a restart, a refusal…). */
  at?: Record<number, (step: Step) => Promise<void>>;
}

/** What the participants do on a step, in the room; a short line for the log. */
async function participate(stack: TchapStack, step: Step, cafe: CafeState): Promise<string> {
  const room = stack.roomId;
  const [, ...guests] = stack.people;
  const contributions = async (kind: string) => (await stack.app.store.listContributions(cafe.id, step.id)).filter((c) => c.kind === kind);
  const until = async (kind: string, n: number) => {
    const end = Date.now() + 20_000;
    while ((await contributions(kind)).length < n) {
      if (Date.now() > end) throw new Error(`${step.id}: ${(await contributions(kind)).length} ${kind} of ${n}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  switch (step.kind) {
    case 'poll': {
      const poll = await guests[0]!.marked(step.id, 'vote');
      const answers = ((poll.content['org.matrix.msc3381.poll.start'] as { answers: Array<{ id: string }> }).answers).map((a) => a.id);
      for (const [i, g] of guests.entries()) await g.vote(room, poll, answers[i % answers.length]!);
      await until('vote', guests.length);
      // Karim changes his mind: his newest answer counts, still one vote of his
      await guests[1]!.vote(room, poll, answers[(answers.length - 1)]!);
      const end = Date.now() + 20_000;
      while ((await contributions('vote')).find((v) => v.userId === guests[1]!.id)?.value.kind === 'vote'
        && ((await contributions('vote')).find((v) => v.userId === guests[1]!.id)!.value as { choice: string }).choice !== answers[answers.length - 1]) {
        if (Date.now() > end) throw new Error('the changed vote was not counted');
        await new Promise((r) => setTimeout(r, 100));
      }
      const debate = guests[0]!.seen.find((s) => s.meta?.step === step.id && s.meta.takes === 'argument');
      if (debate) {
        await guests[2]!.thread(room, debate, 'pour : les données ouvertes aident les communes');
        await until('argument', 1);
      }
      return `poll: ${(await contributions('vote')).length} votes${debate ? ', 1 argument' : ''}`;
    }
    case 'pick': {
      const poll = await guests[0]!.marked(step.id, 'pick');
      const answers = ((poll.content['org.matrix.msc3381.poll.start'] as { answers: Array<{ id: string }> }).answers).map((a) => a.id);
      for (const [i, g] of guests.entries()) await g.vote(room, poll, answers[i % answers.length]!);
      await until('pick', guests.length);
      return `pick: ${guests.length}`;
    }
    case 'video': {
      const video = await guests[0]!.marked(step.id, 'done');
      await guests[0]!.react(room, video);
      await guests[1]!.say(room, '!fini');
      await guests[2]!.thread(room, video, "j'ai fini");
      await until('done', 3);
      return 'video: 3 finished';
    }
    case 'board': {
      const board = await guests[0]!.marked(step.id, 'postit');
      await guests[0]!.thread(room, board, 'Un post-it <b>gras</b> ?');
      await guests[1]!.thread(room, board, '2 : une autre idée');
      await until('postit', 2);
      return 'board: 2 post-its';
    }
    case 'question': {
      const question = await guests[0]!.marked(step.id, 'answer');
      await guests[3]!.thread(room, question, 'Une réponse ouverte');
      await until('answer', 1);
      return 'question: 1 answer';
    }
    case 'feedback': {
      const rating = await guests[0]!.marked(step.id, 'feedback:rating');
      const again = await guests[0]!.marked(step.id, 'feedback:again');
      const firstOf = (s: typeof rating) => ((s.content['org.matrix.msc3381.poll.start'] as { answers: Array<{ id: string }> }).answers)[0]!.id;
      for (const g of guests) await g.vote(room, rating, firstOf(rating));
      await until('feedback', guests.length);
      // A second question's answer is merged with the first: one record per person, both answers
      await guests[0]!.vote(room, again, firstOf(again));
      const comments = await guests[0]!.marked(step.id, 'feedback:comments');
      await guests[1]!.thread(room, comments, '+ très clair, merci');
      const end = Date.now() + 20_000;
      for (;;) {
        const all = await contributions('feedback');
        const lea = all.find((f) => f.userId === guests[0]!.id)?.value as { rating?: string; again?: string } | undefined;
        const karim = all.find((f) => f.userId === guests[1]!.id)?.value as { positive?: string } | undefined;
        if (lea?.rating && lea.again && karim?.positive) break;
        if (Date.now() > end) throw new Error(`feedback not merged: ${JSON.stringify(all.map((f) => f.value))}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return `feedback: ${(await contributions('feedback')).length} answers`;
    }
    default:
      return step.kind;
  }
}

/** Léa drives the café with commands until it ends; the others do each step. */
async function walk(stack: TchapStack, w: Walk): Promise<CafeState> {
  const room = stack.roomId;
  const lea = stack.people[0]!;
  await lea.say(room, '!commencer');
  let cafe = await stack.until((c) => c?.status === 'running', 'running');
  for (let guard = 0; guard < 100; guard++) {
    cafe = (await stack.cafe())!;
    if (cafe.status === 'ended') break;
    const step = current(cafe)!;
    const index = cafe.cursor;
    const hook = w.at?.[index];
    if (hook) {
      delete w.at![index];
      await hook(step);
      cafe = (await stack.cafe())!;
    }
    if (step.kind === 'choose') {
      await lea.say(room, '!choisir 1');
      await stack.until((c) => c!.cursor !== index, `chosen at ${step.id}`);
      w.log.push('choose');
      continue;
    }
    w.log.push(await participate(stack, step, cafe));
    if (step.kind === 'poll' || step.kind === 'question') {
      await lea.say(room, '!reveler');
      if (step.kind === 'poll') {
        // The reveal ends the Matrix poll (once), and a quiz's answer and explanation are posted
        const poll = await lea.marked(step.id, 'vote');
        await lea.waitFor((s) => s.type === POLL_END && (s.content['m.relates_to'] as { event_id?: string } | undefined)?.event_id === poll.id, `the end of ${step.id}'s poll`);
        await stack.until((c) => !!c?.runtime[step.id]?.revealed, `revealed ${step.id}`);
        w.log.push('revealed');
      }
    }
    const last = index === cafe.steps.length - 1;
    await lea.say(room, last ? '!fin' : '!suivant');
    // Crazy jobs: Suivant gives the floor to each in turn first
    for (let i = 0; step.kind === 'turns' && i < 12; i++) {
      const moved = await stack.until((c) => c!.cursor !== index, 'turns', 1500).then(() => true, () => false);
      if (moved) break;
      await lea.say(room, '!suivant');
    }
    // The end asks first: Léa says yes
    const asked = await stack.until((c) => c!.cursor !== index || c!.status === 'ended', `past ${step.id}`, 4000).then(() => false, () => true);
    if (asked) {
      await lea.say(room, '!fin oui');
      await stack.until((c) => c!.status === 'ended' || c!.cursor !== index, `ended after ${step.id}`);
    }
  }
  return (await stack.cafe())!;
}

describe('a café in a Tchap room (real Synapse, encrypted room)', () => {
  let stack: TchapStack;
  beforeEach(async () => {
    stack = await new TchapStack().start();
  }, 300_000);
  afterEach(async () => {
    await stack?.stop();
  });

  it('an Americano sans sucre from !startcafe to the recap, with a refusal and a restart mid-café', async () => {
    const room = stack.roomId;
    const [lea, karim, nina, omar] = stack.people as [MatrixPerson, MatrixPerson, MatrixPerson, MatrixPerson, MatrixPerson];
    await lea.say(room, '!startcafe americano sans sucre');
    const menu = await lea.waitFor((s) => s.roomId === room && /Americano/.test(s.body), 'the menu');
    expect(menu.body).not.toMatch(/!commencer/);
    // The facilitator's part of it comes privately, in her direct messages with Barista
    const guide = await lea.waitFor((s) => s.roomId !== room && /!commencer/.test(s.body), 'the menu\'s guidance, privately');
    expect(guide.body).toMatch(/Americano/);

    // Registration before the café, in the room
    await karim.say(room, '!inscription averti salle');
    await nina.say(room, '!inscription novice en-ligne');
    const created = await stack.until((c) => !!c, 'created');
    const regs = async () => (await stack.app.store.listContributions(created!.id)).filter((c) => c.kind === 'registration');
    const end = Date.now() + 20_000;
    while ((await regs()).length < 2) {
      if (Date.now() > end) throw new Error('registrations not stored');
      await new Promise((r) => setTimeout(r, 100));
    }

    const w: Walk = {
      log: [],
      at: {
        // A participant presses a facilitator's command: a private answer, nothing moves
        2: async () => {
          const before = (await stack.cafe())!;
          await omar.say(room, '!suivant');
          await omar.waitFor((s) => s.roomId !== room, 'a private refusal', 30_000);
          const after = (await stack.cafe())!;
          expect(after.cursor).toBe(before.cursor);
          expect(after.version).toBe(before.version);
        },
        // Barista restarts mid-café; a vote given while it is down is counted when it is back
        5: async (step) => {
          expect(step.kind).toBe('poll');
          const handled = (await stack.cafe())!;
          await stack.app.stop();
          {
            const poll = await karim.marked(step.id, 'vote');
            const answers = ((poll.content['org.matrix.msc3381.poll.start'] as { answers: Array<{ id: string }> }).answers).map((a) => a.id);
            await karim.vote(room, poll, answers[0]!);
          }
          await stack.startBarista();
          {
            const deadline = Date.now() + 30_000;
            while (!(await stack.app.store.listContributions(handled.id, step.id)).some((c) => c.userId === karim.id)) {
              if (Date.now() > deadline) throw new Error('the vote given during the restart was lost');
              await new Promise((r) => setTimeout(r, 200));
            }
          }
          // Nothing handled twice: the commands before the restart did not run again
          await new Promise((r) => setTimeout(r, 1500));
          const again = (await stack.cafe())!;
          expect(again.cursor).toBe(handled.cursor);
          w.log.push('restarted');
        },
      },
    };
    const cafe = await walk(stack, w);
    expect(cafe.status).toBe('ended');
    expect(w.log).toContain('restarted');
    expect(w.log.some((l) => l.startsWith('poll: ') && l.includes('4 votes'))).toBe(true);
    expect(w.log.some((l) => l.includes('1 argument'))).toBe(true);
    const votes = (await stack.app.store.listContributions(cafe.id)).filter((c) => c.kind === 'vote');
    // One record per person per statement: changed votes replaced the first ones
    expect(new Set(votes.map((v) => `${v.stepId}/${v.userId}`)).size).toBe(votes.length);
    // The recap, in the room
    await lea.waitFor((s) => s.roomId === room && s.body.includes('Récapitulatif du café'), 'the recap', 30_000);
    // The facilitator's guidance came privately, in Léa's direct messages with Barista
    expect(lea.direct(room).length).toBeGreaterThan(0);
    // Post-its typed with markup stay text in Barista's messages
    const withPostit = lea.seen.find((s) => s.body.includes('Un post-it'));
    if (withPostit) expect(String(withPostit.content.formatted_body ?? '')).not.toContain('<b>gras</b>');
  });

  it('a Ristretto, its quizzes revealed and its feedback merged', async () => {
    const room = stack.roomId;
    const lea = stack.people[0]!;
    await lea.say(room, '!startcafe ristretto');
    await lea.waitFor((s) => s.roomId !== room && /!commencer/.test(s.body), 'the menu, and privately how to begin');
    const w: Walk = { log: [] };
    const cafe = await walk(stack, w);
    expect(cafe.status).toBe('ended');
    expect(w.log.some((l) => l.startsWith('poll: '))).toBe(true);
    expect(w.log).toContain('revealed');
    // A quiz's reveal: the guide's answer and its explanation, in the room, after the poll ended
    const answers = lea.seen.filter((s) => s.roomId === room && s.body.includes('Réponse du guide'));
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.every((a) => /Réponse : .+/.test(a.body) && a.body.split('\n').length >= 4)).toBe(true);
    await lea.waitFor((s) => s.roomId === room && s.body.includes('Récapitulatif du café'), 'the recap', 30_000);
  });
});
