import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { CloudGateway } from '../../src/channel/teams';
import { IdentityProvider, strangerKey } from '../support/identityProvider';
import { cardText, Stack } from './harness';

/** With an app id, every request needs a valid Bot Framework token; tenants can be limited. */
describe('Security', () => {
  describe('with MicrosoftAppId set', () => {
    const stack = new Stack(undefined, undefined, {
      localMode: false, appId: '11111111-2222-3333-4444-555555555555', appPassword: 'not-a-real-secret', appType: 'MultiTenant',
    });
    beforeAll(() => stack.start());
    afterAll(() => stack.stop());

    const activity = () => stack.user('29:camille', 'Camille Martin').messageActivity('/startcafe americano');
    const post = (headers: Record<string, string>) =>
      fetch(`${stack.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity()) });

    it('answers 401 without a token, and stores nothing', async () => {
      expect((await post({})).status).toBe(401);
      expect(await stack.app.store.getActive(stack.conversationId)).toBeUndefined();
      expect(stack.connector.calls).toHaveLength(0);
    });

    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const token = (iss: string) =>
      `${b64({ alg: 'RS256', kid: 'forged', typ: 'JWT' })}.${b64({ iss, aud: '11111111-2222-3333-4444-555555555555', exp: Math.floor(Date.now() / 1000) + 3600, serviceurl: stack.connector.url })}.${b64({ sig: 'nope' })}`;

    it('answers 401 to a forged token', async () => {
      expect((await post({ authorization: `Bearer ${token('https://attacker.example')}` })).status).toBe(401);
      expect(await stack.app.store.getActive(stack.conversationId)).toBeUndefined();
    });

    it('refuses a token claiming the Bot Framework issuer with a made-up key', async () => {
      // Checking the signature needs Microsoft's signing keys: on a machine without the internet
      // they cannot be fetched and the answer is 503 (try again later) instead of 401; either way
      // nothing happens. errors.http.test.ts checks forged tokens against a local identity provider.
      const status = (await post({ authorization: `Bearer ${token('https://api.botframework.com')}` })).status;
      expect([401, 503]).toContain(status);
      expect(await stack.app.store.getActive(stack.conversationId)).toBeUndefined();
      expect(stack.connector.calls).toHaveLength(0);
    });
  });

  describe('tokens checked against a local identity provider', () => {
    const APP_ID = '11111111-2222-3333-4444-555555555555';
    const PASSWORD = 'the-app-password-0123456789';
    const idp = new IdentityProvider();
    let stack: Stack;
    // botframework-connector prints some refusals itself.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
    beforeAll(async () => {
      await idp.start();
      stack = new Stack(undefined, undefined, {
        localMode: false, appId: APP_ID, appPassword: PASSWORD, appType: 'MultiTenant',
        tokenAuthority: { openIdMetadataUrl: idp.metadataUrl, issuer: idp.issuer },
      }, {
        // Barista's own calls go to the fake connector without a token (no Entra ID here).
        gateway: new CloudGateway(new ConfigurationBotFrameworkAuthentication({}), ''),
      });
      await stack.start();
    });
    afterAll(async () => {
      await stack.stop();
      await idp.stop();
      quiet.mockRestore();
    });

    const post = (token: string) =>
      fetch(`${stack.app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(stack.user('29:camille', 'Camille Martin').messageActivity('/startcafe americano')),
      });
    const now = () => Math.floor(Date.now() / 1000);
    const forged: Array<[string, () => Promise<string> | string]> = [
      ['signed with HS256 under the app password', () => idp.hmacToken(PASSWORD, APP_ID, stack.connector.url)],
      ['unsigned (alg: none)', () => idp.unsignedToken(APP_ID, stack.connector.url)],
      ['not yet valid (nbf in an hour)', () => idp.token(APP_ID, stack.connector.url, { nbf: now() + 3600, exp: now() + 7200 })],
      ['expired an hour ago', () => idp.token(APP_ID, stack.connector.url, { iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 })],
      ['for another app (audience)', () => idp.token('99999999-2222-3333-4444-555555555555', stack.connector.url)],
      ['from another issuer', () => idp.token(APP_ID, stack.connector.url, { iss: 'https://attacker.example' })],
      ['for another service URL', () => idp.token(APP_ID, 'https://attacker.example/')],
      ['signed by a key the provider does not publish (unknown kid)', async () => idp.token(APP_ID, stack.connector.url, {}, { key: await strangerKey(), kid: 'not-in-the-jwks' })],
      ['signed by another key under the provider\'s kid', async () => idp.token(APP_ID, stack.connector.url, {}, { key: await strangerKey() })],
    ];
    for (const [name, token] of forged) {
      it(`answers 401 to a token ${name}, and changes nothing`, async () => {
        const res = await post(await token());
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: 'unauthorized' });
        await stack.app.bot.drain();
        expect(await stack.app.store.getActive(stack.conversationId)).toBeUndefined();
        expect(stack.connector.calls).toHaveLength(0);
      });
    }

    it('accepts a token the provider signed (200): the café starts', async () => {
      const res = await post(await idp.token(APP_ID, stack.connector.url));
      expect(res.status).toBe(200);
      await stack.waitForMessage('Au menu');
      expect(await stack.app.store.getActive(stack.conversationId)).toBeDefined();
      // The keys were fetched from the provider (not from Microsoft).
      expect(idp.served).toEqual(expect.arrayContaining(['/.well-known/openid-configuration', '/keys']));
    });
  });

  describe('when the signing keys cannot be fetched', () => {
    const stack = new Stack(undefined, undefined, {
      localMode: false, appId: '11111111-2222-3333-4444-555555555555', appPassword: 'x', appType: 'MultiTenant',
      // A port nothing listens on.
      tokenAuthority: { openIdMetadataUrl: 'http://127.0.0.1:9/.well-known/openid-configuration', issuer: 'http://127.0.0.1:9/issuer' },
    });
    beforeAll(() => stack.start());
    afterAll(() => stack.stop());

    it('answers 503 (try again), not 401 nor 500, and changes nothing', async () => {
      const idp = await new IdentityProvider().start();
      const token = await idp.token('11111111-2222-3333-4444-555555555555', stack.connector.url, { iss: 'http://127.0.0.1:9/issuer' });
      await idp.stop();
      const res = await fetch(`${stack.app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(stack.user('29:camille', 'Camille Martin').messageActivity('/startcafe americano')),
      });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: 'cannot check tokens now', code: 'BAR-AUTH-KEYS' });
      expect(await stack.app.store.getActive(stack.conversationId)).toBeUndefined();
      expect(stack.connector.calls).toHaveLength(0);
    });
  });

  describe('ALLOWED_TENANTS', () => {
    const stack = new Stack(undefined, undefined, { allowedTenants: ['aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'] });
    beforeAll(() => stack.start());
    afterAll(() => stack.stop());

    it('politely refuses another tenant and stores nothing for it', async () => {
      const camille = stack.user('29:camille', 'Camille Martin');
      await camille.say('/startcafe americano');
      const refusal = await stack.waitForMessage('pas ouvert à votre organisation');
      expect(refusal.text).toContain('Barista');
      expect(await stack.app.store.getActive(stack.conversationId)).toBeUndefined();
      const pressed = await camille.press({ verb: 'start', formula: 'americano', variant: 'avec-sucre' });
      expect(pressed.value).toContain('pas ouvert');
      expect(await stack.app.store.getActive(stack.conversationId)).toBeUndefined();
    });
  });
});

/** Raw markup of a hostile name, once the escaped characters are set aside: a live link or emphasis. */
const live = (text: string) => {
  const bare = text.replace(/\\[!-/:-@[-`{-~]/g, ' ');
  return ['Cliquez ici](', 'https://evil', 'evil.example', '**gras**', '<b>'].filter((r) => bare.includes(r));
};

describe('People’s names are text, over the real server', () => {
  const stack = new Stack();
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  const facilitator = () => stack.user('29:camille', '[Cliquez ici](https://evil.example) **gras**');
  const participant = () => stack.user('29:lea', '<b>x</b> https://evil.example');

  it('the floor is given and a refusal names the facilitator with no live link; a re-delivered /startcafe posts nothing', async () => {
    const start = facilitator().messageActivity('/startcafe americano sans sucre');
    await facilitator().post(start);
    await stack.waitForMessage('Au menu');
    const cafe = await stack.cafe();
    const calls = stack.connector.calls.length;

    // Teams delivers the same /startcafe again (same activity id): nothing is posted.
    const again = await facilitator().post(start);
    expect(again.status).toBeLessThan(300);
    expect(stack.connector.calls.length).toBe(calls);
    // A genuine second /startcafe (another activity) is told a café runs, naming its facilitator as text.
    await participant().say('/startcafe americano');
    const running = await stack.waitForMessage('Terminer le café en cours');
    const runningText = cardText(running);
    expect(runningText).toContain('Cliquez ici');
    expect(live(runningText)).toEqual([]);
    expect(stack.messages().filter((m) => JSON.stringify(m).includes('Terminer le café en cours'))).toHaveLength(1);

    // A participant's Suivant: refused, the facilitator named as text.
    const refused = await participant().press({ verb: 'begin', cafe: cafe.id });
    expect(String(refused.value)).toContain('Cliquez ici');
    expect(live(String(refused.value))).toEqual([]);

    // To the crazy jobs, picked by both; then the turns: « La parole est à » names them as text.
    await facilitator().press({ verb: 'begin', cafe: cafe.id });
    for (let guard = 0; guard < 20; guard++) {
      const state = await stack.cafe();
      const step = state.steps[state.cursor];
      if (step.kind === 'pick') {
        await facilitator().press({ verb: 'pick', cafe: cafe.id, step: step.id, item: 'inspecteur-cookies' });
        await participant().press({ verb: 'pick', cafe: cafe.id, step: step.id, item: 'plombier-flux' });
      }
      if (step.kind === 'turns') break;
      await facilitator().press({ verb: 'next', cafe: cafe.id, step: step.id });
    }
    const floor = await stack.waitForMessage('La parole est à');
    expect(floor.text).toContain('Inspecteur/inspectrice à cookies');
    expect(floor.text).not.toContain('inspecteur-cookies');
    expect(floor.text).toContain('Cliquez ici');
    expect(live(floor.text ?? '')).toEqual([]);
    const turns = await stack.cafe();
    await facilitator().press({ verb: 'turn', cafe: cafe.id, step: turns.steps[turns.cursor].id, delta: 1 });
    await stack.connector.waitFor(() => stack.texts().some((t) => t.includes('Plombier ou plombière de flux de données')), 8000);
    const next = stack.texts().find((t) => t.includes('Plombier ou plombière'))!;
    expect(next).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(live(next)).toEqual([]);
    // Every text message and card of the café: no live link from a name.
    expect(stack.messages().flatMap((m) => live(cardText(m)))).toEqual([]);
  });
});
