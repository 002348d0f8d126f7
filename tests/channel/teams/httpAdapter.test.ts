import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import { HttpAdapter, type HttpRequest } from '../../../src/channel/teams/httpAdapter';

/** A response that writes down what it is told. */
function recorder() {
  const log: unknown[] = [];
  return { log, res: { header: () => undefined, status: (code: number) => log.push(['status', code]), send: (body?: unknown) => log.push(['send', body]), end: () => log.push(['end']) } };
}

const invoke = (extra: Record<string, unknown> = {}) => ({
  type: 'invoke', name: 'adaptiveCard/action', id: 'a1', channelId: 'msteams', serviceUrl: 'https://smba.test/',
  from: { id: '29:u' }, recipient: { id: '28:bot' }, conversation: { id: '19:c' },
  value: { action: { type: 'Action.Execute', verb: 'vote', data: { verb: 'vote' } } }, ...extra,
});

/** The turn handler of both adapters: answers an invoke with what it saw of the activity. */
const seen: unknown[] = [];
async function logic(ctx: TurnContext): Promise<void> {
  const a = ctx.activity as unknown as Record<string, unknown>;
  seen.push({ timestamp: a.timestamp instanceof Date ? a.timestamp.toISOString() : a.timestamp, raw: a.rawTimestamp, rawExpiration: a.rawExpiration });
  if (a.name === 'boom') throw new AuthenticationError('nope', 401);
  if (a.name === 'fail') throw new Error('the turn failed');
  if (ctx.activity.type === 'invoke') await ctx.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, value: 'ok' } } });
}

/** The same request through CloudAdapter.process and HttpAdapter.processHttp: the same answer, the same activity seen. */
async function both(req: HttpRequest) {
  const auth = () => new ConfigurationBotFrameworkAuthentication({});
  const cloud = new CloudAdapter(auth());
  const http = new HttpAdapter(auth());
  for (const a of [cloud, http]) a.onTurnError = async (_ctx, err) => { throw err; };
  const run = async (go: (res: ReturnType<typeof recorder>['res']) => Promise<void>) => {
    seen.length = 0;
    const r = recorder();
    const outcome = await go(r.res).then(() => 'resolved', (err: Error) => `rejected: ${err.message}`);
    return { outcome, log: r.log, seen: [...seen] };
  };
  const clone = () => ({ ...req, body: structuredClone(req.body) });
  const expected = await run((res) => cloud.process(clone() as never, res as never, logic));
  const got = await run((res) => http.processHttp(clone(), res, logic));
  return { expected, got };
}

describe('HttpAdapter.processHttp answers as CloudAdapter.process does', () => {
  const quiet = [jest.spyOn(console, 'error').mockImplementation(() => {}), jest.spyOn(console, 'warn').mockImplementation(() => {})];
  afterAll(() => quiet.forEach((s) => s.mockRestore()));

  const cases: Array<[string, HttpRequest, number]> = [
    ['an invoke (its invoke response)', { method: 'POST', headers: {}, body: invoke() }, 200],
    ['a message (200, no body)', { method: 'POST', headers: {}, body: { ...invoke(), type: 'message', text: 'suivant', value: undefined } }, 200],
    ['timestamps turned into dates, raw ones kept', { method: 'POST', headers: {}, body: invoke({ timestamp: '2025-10-14T08:00:00.000Z', expiration: '2025-10-14T09:00:00.000Z', localTimestamp: '2025-10-14T10:00:00.000+02:00' }) }, 200],
    ['a GET (405)', { method: 'GET', headers: {}, body: invoke() }, 405],
    ['a bad Authorization header in anonymous mode (accepted, as by process)', { method: 'POST', headers: { authorization: 'Bearer nothing' }, body: invoke() }, 200],
  ];
  for (const [name, req, status] of cases) {
    test(name, async () => {
      const { expected, got } = await both(req);
      expect(got).toEqual(expected);
      expect(expected.log[0]).toEqual(['status', status]);
    });
  }

  // Where `process` answers 500 (or a bare string), processHttp answers what the error is, in a short JSON body.
  const BAD = { error: 'not a Bot Framework activity', code: 'BAR-400' };
  const errors: Array<[string, HttpRequest, number, unknown]> = [
    ['a body that is not an object (400)', { method: 'POST', headers: {}, body: '{"type":"invoke"}' }, 400, BAD],
    ['an array body (400)', { method: 'POST', headers: {}, body: [invoke()] }, 400, BAD],
    ['an empty type (400)', { method: 'POST', headers: {}, body: { ...invoke(), type: '' } }, 400, BAD],
    ['no type (400; process: 500)', { method: 'POST', headers: {}, body: { ...invoke(), type: undefined } }, 400, BAD],
    ['a service URL that is not a string (400; process: 500)', { method: 'POST', headers: {}, body: invoke({ serviceUrl: 5 }) }, 400, BAD],
    ['no recipient (400)', { method: 'POST', headers: {}, body: invoke({ recipient: undefined }) }, 400, BAD],
    ['an authentication error in the turn (401)', { method: 'POST', headers: {}, body: invoke({ name: 'boom' }) }, 401, { error: 'unauthorized' }],
    ['another error in the turn (500)', { method: 'POST', headers: {}, body: invoke({ name: 'fail' }) }, 500, { error: 'internal error', code: 'BAR-500' }],
  ];
  for (const [name, req, status, body] of errors) {
    test(name, async () => {
      const { got } = await both(req);
      expect(got.outcome).toBe('resolved');
      expect(got.log).toEqual([['status', status], ['send', body], ['end']]);
    });
  }

  test('a refused envelope and an unexpected failure are reported to the sink, once, with their code', async () => {
    const reported: Array<[unknown, Record<string, unknown>]> = [];
    const http = new HttpAdapter(new ConfigurationBotFrameworkAuthentication({}), { sink: (err, context) => reported.push([err, context]) });
    http.onTurnError = async (_ctx, err) => { throw err; };
    await http.processHttp({ method: 'POST', headers: {}, body: invoke({ from: 'x' }) }, recorder().res, logic);
    expect(reported).toHaveLength(1);
    expect(reported[0][0]).toMatchObject({ code: 'bad-envelope' });
    expect(reported[0][1]).toEqual({ where: 'api/messages', problem: 'from: invalid_type' });
    await http.processHttp({ method: 'POST', headers: {}, body: invoke({ name: 'fail' }) }, recorder().res, logic);
    expect(reported).toHaveLength(2);
    expect((reported[1][0] as Error).message).toBe('the turn failed');
  });

  test('with an app id, a request without a valid token is refused by both (401)', async () => {
    const auth = () => new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'x' });
    const answers = [];
    for (const go of [(res: never) => new CloudAdapter(auth()).process({ method: 'POST', headers: {}, body: invoke() } as never, res, logic), (res: never) => new HttpAdapter(auth()).processHttp({ method: 'POST', headers: {}, body: invoke() }, res, logic)]) {
      const r = recorder();
      await go(r.res as never);
      answers.push(r.log);
    }
    expect(answers[0][0]).toEqual(['status', 401]);
    expect(answers[1]).toEqual([['status', 401], ['send', { error: 'unauthorized' }], ['end']]);
  });
});
