import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';

/**
 * Teams single sign-on for the meeting tab: the page asks Teams for a token
 * (`authentication.getAuthToken()`), issued by Microsoft Entra ID for Barista's app (the manifest's
 * `webApplicationInfo`: resource `api://<domain>/<app id>`), and sends it here. It is checked
 * against Entra's published keys: signature, expiry, audience (this app), issuer (an Entra tenant,
 * one of ALLOWED_TENANTS when set). What comes out is who the person is: their Entra object id
 * and tenant.
 */

export interface SsoIdentity {
  /** Entra object id (the `oid` claim): the `aadObjectId` of the person in Teams. */
  oid: string;
  tid: string;
  name?: string;
}

export type SsoVerifier = (token: string) => Promise<SsoIdentity>;

/** Entra ID's signing keys for every tenant (v2.0 endpoint; the same keys sign v1.0 tokens). */
export const ENTRA_JWKS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

export interface SsoOptions {
  appId: string;
  /** Barista's public address (https://host): the token's audience is api://host/appId. */
  publicUrl: string;
  allowedTenants?: string[];
  /** The keys to check signatures with (tests give their own); default: Entra's, fetched and cached. */
  keys?: JWTVerifyGetKey;
}

export class SsoError extends Error {}

export function ssoVerifier(o: SsoOptions): SsoVerifier {
  const host = new URL(o.publicUrl).host;
  const audience = [`api://${host}/${o.appId}`, o.appId];
  const keys = o.keys ?? createRemoteJWKSet(new URL(ENTRA_JWKS_URL));
  const allowed = (o.allowedTenants ?? []).map((t) => t.toLowerCase());
  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, keys, { audience, clockTolerance: 60, algorithms: ['RS256'] }));
    } catch (err) {
      throw new SsoError(`token refused: ${(err as Error).message}`);
    }
    const tid = typeof payload.tid === 'string' ? payload.tid.toLowerCase() : '';
    const oid = typeof payload.oid === 'string' ? payload.oid : '';
    if (!tid || !oid) throw new SsoError('token refused: no tenant or object id');
    // v2.0 and v1.0 issuers of that tenant only.
    const issuers = [`https://login.microsoftonline.com/${tid}/v2.0`, `https://sts.windows.net/${tid}/`];
    if (typeof payload.iss !== 'string' || !issuers.includes(payload.iss.toLowerCase())) throw new SsoError('token refused: issuer');
    if (allowed.length && !allowed.includes(tid)) throw new SsoError('token refused: tenant not allowed');
    return { oid, tid, ...(typeof payload.name === 'string' ? { name: payload.name } : {}) };
  };
}
