import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { ssoVerifier } from '../../src/tab/sso';
import { boardToken } from '../../src/tab/token';
import type { BoardSnapshot } from '../../src/tab/snapshotTypes';
import { Stack } from './harness';

const SECRET = 'b'.repeat(40);
const APP = 'app-barista';
const PUBLIC = 'https://barista.example.fr';

/** A Teams single sign-on token as Entra ID would issue it for Barista's tab (signed with the test's key). */
async function ssoToken(key: KeyLike, claims: { oid: string; tid?: string; aud?: string; exp?: string }): Promise<string> {
  const tid = claims.tid ?? 'tenant-1';
  return new SignJWT({ oid: claims.oid, tid, name: 'Someone' })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setIssuer(`https://login.microsoftonline.com/${tid}/v2.0`)
    .setAudience(claims.aud ?? `api://barista.example.fr/${APP}`)
    .setIssuedAt()
    .setExpirationTime(claims.exp ?? '1h')
    .sign(key);
}

/** Reads server-sent events from a fetch response: every `snapshot` event, parsed. */
function eventReader(res: Response) {
  const snapshots: Array<{ at: number; snap: BoardSnapshot | undefined; event: string }> = [];
  const waiters: Array<() => void> = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.+)$/m.exec(block)?.[1];
        const data = /^data: (.+)$/m.exec(block)?.[1];
        if (!event) continue;
        snapshots.push({ at: Date.now(), event, snap: event === 'snapshot' ? (JSON.parse(data!) as BoardSnapshot) : undefined });
        waiters.splice(0).forEach((w) => w());
      }
    }
  })();
  return {
    snapshots,
    async until(predicate: (s: BoardSnapshot | undefined, event: string) => boolean, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const hit = snapshots.find((x) => predicate(x.snap, x.event));
        if (hit) return hit;
        if (Date.now() > deadline) throw new Error(`no such event in ${snapshots.length}: ${JSON.stringify(snapshots.map((x) => x.snap?.step?.id ?? x.event))}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}

describe('The café board over HTTP: Teams sign-on session, live events, tokens', () => {
  let key: KeyLike;
  let otherKey: KeyLike;
  let stack: Stack;
  const post = (body: unknown, token?: string) => fetch(`${stack.app.url}/tab/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    otherKey = (await generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256' };
    const sso = ssoVerifier({ appId: APP, publicUrl: PUBLIC, keys: createLocalJWKSet({ keys: [jwk] }) });
    stack = new Stack(undefined, 'meeting-board', { publicUrl: PUBLIC, exportSecret: SECRET }, { sso });
    await stack.start();
    stack.connector.setMembers(stack.conversationId, [
      { id: '29:camille', name: 'Camille Martin', aadObjectId: 'aad-camille' },
      { id: '29:lea', name: 'Léa Dubois', aadObjectId: 'aad-lea' },
    ]);
  });
  afterAll(() => stack.stop());

  it('serves the pages with a strict CSP and no café data without a token', async () => {
    const tab = await fetch(`${stack.app.url}/tab`);
    expect(tab.status).toBe(200);
    expect(tab.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(tab.headers.get('content-security-policy')).toContain('frame-ancestors');
    expect((await fetch(`${stack.app.url}/tab/config`)).status).toBe(200);
    const denied = await fetch(`${stack.app.url}/board/some-cafe?t=nope`);
    expect(denied.status).toBe(403);
    expect(await denied.text()).not.toContain('Americano');
    expect((await fetch(`${stack.app.url}/tab/api/events`)).status).toBe(403);
    expect((await fetch(`${stack.app.url}/tab/api/snapshot?t=abc.def`)).status).toBe(403);
  });

  it('gives a conversation session to its members only, sharing to stage to the facilitator only', async () => {
    const conversationId = stack.conversationId;
    // No café yet in this chat: nothing to check membership against; the page waits
    expect((await post({ conversationId }, await ssoToken(key, { oid: 'aad-lea' }))).status).toBe(404);

    const camille = stack.user('29:camille', 'Camille Martin');
    await camille.say('/startcafe americano');
    await stack.waitForMessage('Au menu');

    expect((await post({ conversationId })).status).toBe(401);
    expect((await post({ conversationId }, 'not-a-jwt')).status).toBe(401);
    expect((await post({ conversationId }, await ssoToken(otherKey, { oid: 'aad-lea' }))).status).toBe(401);
    expect((await post({ conversationId }, await ssoToken(key, { oid: 'aad-lea', aud: 'api://evil.example/app' }))).status).toBe(401);
    expect((await post({ conversationId }, await ssoToken(key, { oid: 'aad-lea', exp: '-5min' }))).status).toBe(401);
    expect((await post({ nope: 1 }, await ssoToken(key, { oid: 'aad-lea' }))).status).toBe(400);
    // Someone of the tenant who is not in the chat; someone of another tenant
    expect((await post({ conversationId }, await ssoToken(key, { oid: 'aad-stranger' }))).status).toBe(403);
    expect((await post({ conversationId }, await ssoToken(key, { oid: 'aad-lea', tid: 'tenant-2' }))).status).toBe(403);

    const lea = await post({ conversationId }, await ssoToken(key, { oid: 'aad-lea' }));
    expect(lea.status).toBe(200);
    expect(await lea.json()).toMatchObject({ canShare: false, token: expect.any(String) });
    const cam = await post({ conversationId }, await ssoToken(key, { oid: 'aad-camille' }));
    expect(await cam.json()).toMatchObject({ canShare: true });
  });

  it('streams the current café and every change within a second, and refuses wrong or expired tokens', async () => {
    const conversationId = stack.conversationId;
    const session = (await (await post({ conversationId }, await ssoToken(key, { oid: 'aad-lea' }))).json()) as { token: string };
    const res = await fetch(`${stack.app.url}/tab/api/events?t=${session.token}`);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = eventReader(res);
    try {
      const first = await events.until((s) => !!s);
      expect(first.snap!.cafe).toMatchObject({ formula: 'Americano avec sucre', status: 'menu', participants: 0 });
      expect(first.snap!.step).toBeUndefined();

      const camille = stack.user('29:camille', 'Camille Martin');
      const cafe = await stack.cafe();
      await camille.press({ verb: 'begin', cafe: cafe.id });
      await camille.press({ verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'madonna' });
      const poll = await events.until((s) => s?.step?.kind === 'poll');
      const stepId = poll.snap!.step!.id;
      expect(poll.snap!.step!.poll!.choices.map((c) => c.count)).toEqual([0, 0, 0]);

      const voted = Date.now();
      await stack.user('29:lea', 'Léa Dubois').press({ verb: 'vote', cafe: cafe.id, step: stepId, choice: 'donnee' });
      const after = await events.until((s) => s?.step?.poll?.total === 1);
      // Printed, not asserted tightly: the target is one second.
      console.log(`board: vote → event in ${after.at - voted} ms`);
      expect(after.at - voted).toBeLessThan(1500);
      expect(after.snap!.cafe.participants).toBe(1);
      expect(JSON.stringify(after.snap)).not.toContain('Léa');
      expect(JSON.stringify(after.snap)).not.toContain('29:lea');

      // The same through the one-shot endpoint
      const snap = (await (await fetch(`${stack.app.url}/tab/api/snapshot?t=${session.token}`)).json()) as BoardSnapshot;
      expect(snap.step!.poll!.total).toBe(1);
    } finally {
      await events.cancel();
    }

    // A token for one café does not open another; a tampered or expired one opens nothing.
    const cafe = await stack.cafe();
    const good = boardToken({ kind: 'cafe', cafeId: cafe.id }, Date.now() + 60_000, SECRET);
    expect((await fetch(`${stack.app.url}/board/${cafe.id}?t=${good}`)).status).toBe(200);
    expect((await fetch(`${stack.app.url}/board/other-cafe?t=${good}`)).status).toBe(403);
    const tampered = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
    expect((await fetch(`${stack.app.url}/tab/api/snapshot?t=${tampered}`)).status).toBe(403);
    const expired = boardToken({ kind: 'cafe', cafeId: cafe.id }, Date.now() - 1000, SECRET);
    expect((await fetch(`${stack.app.url}/board/${cafe.id}?t=${expired}`)).status).toBe(410);
    expect((await fetch(`${stack.app.url}/tab/api/events?t=${expired}`)).status).toBe(410);
    const forged = boardToken({ kind: 'cafe', cafeId: cafe.id }, Date.now() + 60_000, 'another-secret-'.repeat(3));
    expect((await fetch(`${stack.app.url}/tab/api/snapshot?t=${forged}`)).status).toBe(403);
  });

  it("gives the facilitator the read-only link in their own view, and no one else", async () => {
    const cafe = await stack.cafe();
    const step = cafe.steps[cafe.cursor].id;
    const mine = JSON.stringify((await stack.user('29:camille', 'Camille Martin').press({ verb: 'refresh', cafe: cafe.id, step })).value);
    expect(mine).toMatch(new RegExp(`${PUBLIC}/board/${cafe.id}\\?t=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+`));
    const hers = JSON.stringify((await stack.user('29:lea', 'Léa Dubois').press({ verb: 'refresh', cafe: cafe.id, step })).value);
    expect(hers).not.toContain('/board/');
    await stack.app.bot.drain();
    for (const m of stack.messages()) expect(JSON.stringify(m)).not.toContain('/board/');
  });
});
