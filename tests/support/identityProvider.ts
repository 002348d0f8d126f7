import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';

/**
 * A local identity provider for Bot Framework tokens: an RSA key pair, an OpenID configuration and
 * its JWKS served on 127.0.0.1, and tokens signed as Bot Framework signs the ones it sends a bot
 * (issuer, audience = the bot's app id, `serviceurl`). Barista trusts it when configured with
 * `tokenAuthority` (BOT_OPENID_METADATA_URL + BOT_TOKEN_ISSUER; tests only). Also forges tokens.
 */
export class IdentityProvider {
  readonly kid = `test-key-${Math.random().toString(36).slice(2, 10)}`;
  private server?: Server;
  private privateKey!: KeyLike;
  /** Requests it served (the metadata and the keys). */
  readonly served: string[] = [];

  async start(): Promise<this> {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    this.privateKey = privateKey;
    const jwk = { ...(await exportJWK(publicKey)), kid: this.kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] };
    this.server = createServer((req, res) => {
      this.served.push(req.url ?? '');
      const body =
        req.url === '/.well-known/openid-configuration'
          ? { issuer: this.issuer, jwks_uri: `${this.url}/keys`, id_token_signing_alg_values_supported: ['RS256'] }
          : req.url === '/keys'
            ? { keys: [jwk] }
            : undefined;
      res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
      res.end(body ? JSON.stringify(body) : '{}');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** The `iss` of its tokens. */
  get issuer(): string {
    return `${this.url}/issuer`;
  }

  get metadataUrl(): string {
    return `${this.url}/.well-known/openid-configuration`;
  }

  /** A token as Bot Framework would send it to `appId` for `serviceUrl`, valid an hour; `claims` override. */
  token(appId: string, serviceUrl: string, claims: JWTPayload = {}, options: { key?: KeyLike; kid?: string } = {}): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: this.issuer, aud: appId, serviceurl: serviceUrl, iat: now, nbf: now, exp: now + 3600, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? this.kid, typ: 'JWT' })
      .sign(options.key ?? this.privateKey);
  }

  /** The same claims with any header, signed with HMAC-SHA256 under `secret` (alg HS256). */
  async hmacToken(secret: string, appId: string, serviceUrl: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: this.issuer, aud: appId, serviceurl: serviceUrl, iat: now, nbf: now, exp: now + 3600 })
      .setProtectedHeader({ alg: 'HS256', kid: this.kid, typ: 'JWT' })
      .sign(new TextEncoder().encode(secret));
  }

  /** An unsigned token (`alg: none`) naming this provider's key. */
  unsignedToken(appId: string, serviceUrl: string): string {
    const now = Math.floor(Date.now() / 1000);
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    return `${b64({ alg: 'none', kid: this.kid, typ: 'JWT' })}.${b64({ iss: this.issuer, aud: appId, serviceurl: serviceUrl, iat: now, nbf: now, exp: now + 3600 })}.`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Another RSA key, for tokens signed by a key the provider does not publish. */
export async function strangerKey(): Promise<KeyLike> {
  return (await generateKeyPair('RS256')).privateKey;
}
