import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { SsoError, ssoVerifier } from '../../src/tab/sso';

const APP_ID = '00000000-aaaa-bbbb-cccc-123456789abc';
const PUBLIC_URL = 'https://barista.example.fr';
const AUDIENCE = `api://barista.example.fr/${APP_ID}`;
const TID = '11111111-2222-3333-4444-555555555555';
const OTHER_TID = '99999999-8888-7777-6666-555555555555';
const OID = 'aaaaaaaa-0000-1111-2222-333333333333';
const V2 = (tid: string) => `https://login.microsoftonline.com/${tid}/v2.0`;
const V1 = (tid: string) => `https://sts.windows.net/${tid}/`;
const KID = 'test-key-1';

let privateKey: KeyLike;
let otherPrivateKey: KeyLike;
let keys: JWTVerifyGetKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  otherPrivateKey = (await generateKeyPair('RS256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: KID, alg: 'RS256', use: 'sig' };
  keys = createLocalJWKSet({ keys: [jwk] });
});

interface Claims {
  aud?: string;
  iss?: string;
  /** Seconds from now; negative for a token already expired. */
  expiresIn?: number;
  /** Seconds from now of nbf (default: five minutes ago). */
  notBefore?: number;
  claims?: JWTPayload;
  key?: KeyLike;
  kid?: string;
}

/** An Entra-like access token: v2 issuer, Barista's audience, tid, oid and name, valid for an hour. */
async function entraToken(o: Claims = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ tid: TID, oid: OID, name: 'Camille Martin', ver: '2.0', ...o.claims })
    .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? KID, typ: 'JWT' })
    .setIssuedAt(now - 300)
    .setNotBefore(now + (o.notBefore ?? -300))
    .setExpirationTime(now + (o.expiresIn ?? 3600));
  if (o.iss !== '') jwt.setIssuer(o.iss ?? V2(TID));
  if (o.aud !== '') jwt.setAudience(o.aud ?? AUDIENCE);
  return jwt.sign(o.key ?? privateKey);
}

const verifier = (allowedTenants?: string[]) => ssoVerifier({ appId: APP_ID, publicUrl: PUBLIC_URL, keys, ...(allowedTenants ? { allowedTenants } : {}) });

/** The verification's error, failing the test when it resolves. */
async function refusal(p: Promise<unknown>): Promise<SsoError> {
  const err = await p.then(
    (identity) => { throw new Error(`accepted: ${JSON.stringify(identity)}`); },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SsoError);
  return err as SsoError;
}

describe('ssoVerifier', () => {
  it('accepts a valid v2 token and says who it is', async () => {
    await expect(verifier()(await entraToken())).resolves.toEqual({ oid: OID, tid: TID, name: 'Camille Martin' });
  });

  it('accepts the bare app id as audience', async () => {
    await expect(verifier()(await entraToken({ aud: APP_ID }))).resolves.toEqual({ oid: OID, tid: TID, name: 'Camille Martin' });
  });

  it('accepts a v1 token (sts.windows.net issuer)', async () => {
    await expect(verifier()(await entraToken({ iss: V1(TID), claims: { ver: '1.0' } }))).resolves.toEqual({ oid: OID, tid: TID, name: 'Camille Martin' });
  });

  it('leaves the name out when the token has none', async () => {
    const identity = await verifier()(await entraToken({ claims: { name: undefined } }));
    expect(identity).toEqual({ oid: OID, tid: TID });
    expect('name' in identity).toBe(false);
  });

  it('reads the audience host from publicUrl, path and trailing slash aside', async () => {
    const v = ssoVerifier({ appId: APP_ID, publicUrl: 'https://barista.example.fr/some/path/', keys });
    await expect(v(await entraToken())).resolves.toMatchObject({ oid: OID });
  });

  it('refuses another audience', async () => {
    for (const aud of [
      `api://evil.example.com/${APP_ID}`,
      `api://barista.example.fr/another-app`,
      'another-app',
      `https://barista.example.fr/${APP_ID}`,
      `api://barista.example.fr/${APP_ID}/`,
      '00000003-0000-0000-c000-000000000000', // Microsoft Graph
    ]) {
      await refusal(verifier()(await entraToken({ aud })));
    }
  });

  it('refuses a token without audience', async () => {
    await refusal(verifier()(await entraToken({ aud: '' })));
  });

  it("refuses an issuer that is not the token's own tenant (or not Entra at all)", async () => {
    for (const iss of [
      V2(OTHER_TID),
      V1(OTHER_TID),
      'https://login.microsoftonline.com/common/v2.0',
      `https://evil.example.com/${TID}/v2.0`,
      `https://login.microsoftonline.com/${TID}/v2.0/`,
      `https://login.microsoftonline.com/${TID}`,
      `https://sts.windows.net/${TID}`,
      `http://sts.windows.net/${TID}/`,
    ]) {
      const err = await refusal(verifier()(await entraToken({ iss })));
      expect(err.message).toMatch(/issuer/);
    }
  });

  it('refuses a token without issuer', async () => {
    await refusal(verifier()(await entraToken({ iss: '' })));
  });

  it('refuses an expired token (beyond the minute of clock tolerance)', async () => {
    await refusal(verifier()(await entraToken({ expiresIn: -120 })));
    await refusal(verifier()(await entraToken({ expiresIn: -3600 })));
  });

  it('tolerates a few seconds of clock skew', async () => {
    await expect(verifier()(await entraToken({ expiresIn: -5 }))).resolves.toMatchObject({ oid: OID });
  });

  it('refuses a token not valid yet', async () => {
    await refusal(verifier()(await entraToken({ notBefore: 600 })));
  });

  it('refuses a token signed with another key (same kid, or an unknown kid)', async () => {
    await refusal(verifier()(await entraToken({ key: otherPrivateKey })));
    await refusal(verifier()(await entraToken({ key: otherPrivateKey, kid: 'unknown-kid' })));
  });

  it('refuses a tampered payload', async () => {
    const token = await entraToken();
    const [header, , sig] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ tid: TID, oid: 'someone-else', aud: AUDIENCE, iss: V2(TID), exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url');
    await refusal(verifier()(`${header}.${forged}.${sig}`));
  });

  it('refuses a token without oid or tid', async () => {
    await refusal(verifier()(await entraToken({ claims: { oid: undefined } })));
    await refusal(verifier()(await entraToken({ claims: { oid: '' } })));
    await refusal(verifier()(await entraToken({ claims: { oid: 42 } })));
    await refusal(verifier()(await entraToken({ claims: { tid: undefined } })));
  });

  it('refuses a tenant outside allowedTenants, compares tenants case-insensitively', async () => {
    const err = await refusal(verifier([OTHER_TID])(await entraToken()));
    expect(err.message).toMatch(/tenant/);
    await expect(verifier([OTHER_TID, TID.toUpperCase()])(await entraToken())).resolves.toMatchObject({ oid: OID, tid: TID });
    // An allowed tenant's token is still refused when its issuer is another tenant's.
    await refusal(verifier([TID])(await entraToken({ iss: V2(OTHER_TID) })));
  });

  it('an empty allowedTenants list allows every tenant', async () => {
    const other = await entraToken({ iss: V2(OTHER_TID), claims: { tid: OTHER_TID } });
    await expect(verifier([])(other)).resolves.toMatchObject({ tid: OTHER_TID });
  });

  it('refuses an HS256 token, even one keyed with the public key', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { tid: TID, oid: OID, aud: AUDIENCE, iss: V2(TID), iat: now, exp: now + 3600 };
    const hs = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: KID }).sign(new TextEncoder().encode('a-shared-secret-of-32-bytes-or-more!!'));
    await refusal(verifier()(hs));
    const jwk = await exportJWK((await generateKeyPair('RS256')).publicKey);
    const confused = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid: KID }).sign(new TextEncoder().encode(JSON.stringify(jwk)));
    await refusal(verifier()(confused));
  });

  it('refuses an unsigned token and garbage', async () => {
    const now = Math.floor(Date.now() / 1000);
    const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${enc({ alg: 'none', typ: 'JWT' })}.${enc({ tid: TID, oid: OID, aud: AUDIENCE, iss: V2(TID), exp: now + 3600 })}.`;
    await refusal(verifier()(none));
    for (const garbage of ['', 'garbage', 'a.b.c', '...']) await refusal(verifier()(garbage));
  });
});
