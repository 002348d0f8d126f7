import pino from 'pino';
import { startBarista } from '../../src/server';
import { ChildRedis } from '../support/childRedis';
import { Stack } from './harness';

/** The server's log lines, parsed (the sink's lines carry the short code). */
export class LoggedStack extends Stack {
  readonly lines: Array<Record<string, unknown>> = [];

  override async startBot(): Promise<void> {
    const logger = pino({ level: 'info' }, { write: (line: string) => void this.lines.push(JSON.parse(line)) });
    this.app = await startBarista({ ...this.options, config: this.config(), logger });
    this.chat = { botUrl: this.app.url, serviceUrl: this.connector.url, conversationId: this.conversationId, meetingId: this.meetingId };
  }

  coded(code: string): Array<Record<string, unknown>> {
    return this.lines.filter((l) => l.code === code);
  }
}

/** Malformed requests to /api/messages are answered 400 or 415, never 500, and change nothing. */
describe('/api/messages answers errors as errors', () => {
  const stack = new LoggedStack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  const raw = (body: string, contentType?: string) =>
    fetch(`${stack.app.url}/api/messages`, { method: 'POST', headers: contentType ? { 'content-type': contentType } : {}, body });
  const activity = () => stack.user('29:camille', 'Camille Martin').messageActivity('/startcafe americano') as Record<string, unknown>;

  async function nothingChanged(): Promise<void> {
    await stack.app.bot.drain();
    expect(await stack.app.store.getActive(stack.conversationId)).toBeUndefined();
    expect(stack.connector.calls).toHaveLength(0);
  }

  const malformed: Array<[string, () => string]> = [
    ['no type', () => JSON.stringify({ ...activity(), type: undefined })],
    ['an empty type', () => JSON.stringify({ ...activity(), type: '' })],
    ['a number as type', () => JSON.stringify({ ...activity(), type: 5 })],
    ['an array', () => JSON.stringify([activity()])],
    ['a string', () => JSON.stringify('message')],
    ['null', () => 'null'],
    ['a conversation that is a string', () => JSON.stringify({ ...activity(), conversation: '19:x' })],
    ['no sender', () => JSON.stringify({ ...activity(), from: undefined })],
    ['a service URL that is a number', () => JSON.stringify({ ...activity(), serviceUrl: 5 })],
    ['entities that are not objects', () => JSON.stringify({ ...activity(), entities: ['mention'] })],
    ['a value nested 50,000 deep', () => JSON.stringify(activity()).replace(/}$/, `,"value":${'['.repeat(50_000)}${']'.repeat(50_000)}}`)],
    ['channel data nested 100 deep', () => JSON.stringify({ ...activity(), channelData: JSON.parse(`${'{"a":'.repeat(100)}1${'}'.repeat(100)}`) })],
  ];
  for (const [name, body] of malformed) {
    it(`answers 400 with a short JSON error to ${name}, logs it once with its code, and changes nothing`, async () => {
      const before = stack.coded('BAR-400').length;
      const res = await raw(body(), 'application/json');
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'not a Bot Framework activity', code: 'BAR-400' });
      const logged = stack.coded('BAR-400').slice(before);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ where: 'api/messages', level: 50 });
      // Field paths and zod codes only: nothing the request said.
      expect(JSON.stringify(logged[0])).not.toContain('startcafe');
      await nothingChanged();
    });
  }

  it('answers 400 to a body that is not JSON although it says so', async () => {
    expect((await raw('{"type": "message",', 'application/json')).status).toBe(400);
    await nothingChanged();
  });

  const notJson: Array<[string, string | undefined, () => string]> = [
    ['a form (what any web page can post)', 'application/x-www-form-urlencoded', () => 'type=message&text=%2Fstartcafe+americano'],
    ['JSON sent as text/plain (no preflight either)', 'text/plain', () => JSON.stringify(activity())],
    ['a multipart form', 'multipart/form-data; boundary=x', () => '--x\r\nContent-Disposition: form-data; name="type"\r\n\r\nmessage\r\n--x--'],
    ['JSON without a content type', undefined, () => JSON.stringify(activity())],
    ['JSON in another charset', 'application/json; charset=latin1', () => JSON.stringify(activity())],
    ['a JSON-like type', 'application/jsonp', () => JSON.stringify(activity())],
  ];
  for (const [name, contentType, body] of notJson) {
    it(`answers 415 to ${name}, before reading it, and changes nothing`, async () => {
      const res = await raw(body(), contentType);
      expect(res.status).toBe(415);
      expect(await res.json()).toEqual({ error: 'unsupported media type: send application/json' });
      await nothingChanged();
    });
  }

  it('takes application/json with a UTF-8 charset, as Teams sends it', async () => {
    const res = await raw(JSON.stringify({ ...activity(), text: '/aide', entities: [] }), 'application/json; charset=utf-8');
    expect(res.status).toBe(200);
    await stack.waitForMessage('/startcafe');
  });

  describe('entities without a type', () => {
    const user = () => stack.user('29:lea', 'Léa');
    const cases: Array<[string, Record<string, unknown>]> = [
      ['an empty entity', { text: '/aide', entities: [{}] }],
      ['a mention without its type', { text: '/aide', entities: [{ mentioned: { id: '28:barista', name: 'Barista' } }] }],
      ['one beside the bot\'s mention', { text: '<at>Barista</at> /aide', entities: [{}, { type: 'mention', text: '<at>Barista</at>', mentioned: { id: '28:barista', name: 'Barista' } }] }],
    ];
    for (const [name, fields] of cases) {
      it(`are ignored: ${name} (the message is answered)`, async () => {
        const before = stack.texts().length + stack.messages().length;
        const res = await user().post({ ...user().messageActivity(''), ...fields });
        expect(res.status).toBe(200);
        await stack.connector.waitFor(() => stack.texts().length + stack.messages().length > before, 8000);
        expect(stack.lines.filter((l) => (l.level as number) >= 50 && l.where === 'turn')).toEqual([]);
        expect(JSON.stringify(stack.messages().at(-1))).toContain('/startcafe');
      });
    }
  });
});

/**
 * Redis down in the middle of a café (a redis-server of this test's own, stopped and started
 * again): a vote is answered politely (BAR-503) instead of an HTTP error, and BullMQ's connection
 * errors are logged once for the outage and once when Redis is back.
 */
describe('Redis down', () => {
  let redis: ChildRedis;
  let stack: LoggedStack;
  const STEP = 'tasse.madonna.annees-80';
  let cafeId = '';
  const camille = () => stack.user('29:camille', 'Camille Martin');

  beforeAll(async () => {
    redis = await ChildRedis.start();
    stack = new LoggedStack(undefined, undefined, { redisUrl: redis.url, redisPrefix: `barista-test-${Math.random().toString(36).slice(2)}:` });
    await stack.start();
    await camille().say('/startcafe americano');
    await stack.waitForMessage('Au menu');
    cafeId = (await stack.cafe()).id;
    await camille().press({ verb: 'begin', cafe: cafeId });
    await camille().press({ verb: 'choose', cafe: cafeId, step: 'tasse.choix', option: 'madonna' });
    await stack.waitForMessage('On en parlait moins dans les années 80');
    await stack.app.bot.drain();
  });
  afterAll(async () => {
    await redis.up();
    await stack.stop();
    await redis.remove();
  });

  it('answers a vote politely while Redis is down (200, fr and en), logs BullMQ\'s outage once, and its return once', async () => {
    await redis.down();
    const res = await stack.user('29:lea', 'Léa').post(stack.user('29:lea', 'Léa').invokeActivity({ verb: 'vote', cafe: cafeId, step: STEP, choice: 'donnee' }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ statusCode: 200, value: 'Barista ne peut pas enregistrer pour l’instant, réessayez dans un instant.' });
    const english = await stack.user('29:sam', 'Sam', 'en-US').press({ verb: 'vote', cafe: cafeId, step: STEP, choice: 'donnee' });
    expect(english.value).toBe('Barista cannot save anything right now, try again in a moment.');
    // A message is answered in the chat the same way.
    const before = stack.texts().length;
    await camille().say('/suivant');
    await stack.connector.waitFor(() => stack.texts().length > before, 8000);
    expect(stack.texts().at(-1)).toBe('Barista ne peut pas enregistrer pour l’instant, réessayez dans un instant.');
    expect(stack.coded('BAR-503').length).toBe(3);
    expect(stack.coded('BAR-500')).toEqual([]);

    // ioredis retries every few hundred ms on BullMQ's connections: one line for the whole outage.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(stack.coded('BAR-TIMERS').filter((l) => l.level === 50)).toHaveLength(1);

    await redis.up();
    await stack.connector.waitFor(() => stack.lines.some((l) => l.msg === 'the timers\' Redis is reachable again'), 10_000);
    expect(stack.lines.filter((l) => l.msg === 'the timers\' Redis is reachable again')).toHaveLength(1);
    expect(stack.coded('BAR-TIMERS').filter((l) => l.level === 50)).toHaveLength(1);

    // Back: the vote counts again.
    const answer = await stack.user('29:lea', 'Léa').press({ verb: 'vote', cafe: cafeId, step: STEP, choice: 'donnee' });
    expect(JSON.stringify(answer)).not.toContain('réessayez');
    expect(await stack.app.store.listContributions(cafeId, STEP)).toHaveLength(1);
  });
});
