import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, StatusCodes, type Activity } from 'botbuilder';
import {
  AuthenticationConstants, AuthenticationError, BotFrameworkAuthentication, ConnectorFactory, JwtTokenValidation,
  type AuthenticateRequestResult, type BotFrameworkClient, type ClaimsIdentity, type ConnectorClient, type UserTokenClient,
} from 'botframework-connector';
import { BaristaError } from '../../errors';

/** How many connector and token clients are kept (one per service URL and audience in practice). */
const MAX_CLIENTS = 64;

/**
 * CloudAdapter asks its authentication for a new ConnectorClient and a new UserTokenClient at every
 * incoming turn, and each builds an Azure HTTP pipeline: about a tenth of a vote's CPU. This
 * wrapper checks every request exactly as the wrapped authentication does (the token is validated
 * at each turn, nothing about it is cached) and reuses the clients, which only hold Barista's own
 * credentials: one per (app id of the caller, service URL, audience), as the proactive gateway
 * already keeps one per service URL.
 */
export class CachedClientsAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader).catch(asAuthError));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader).catch(asAuthError));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.factory(claimsIdentity, this.inner.createConnectorFactory(claimsIdentity));
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return kept(this.tokenClients, appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    return result.connectorFactory ? { ...result, connectorFactory: this.factory(result.claimsIdentity, result.connectorFactory) } : result;
  }

  private factory(claimsIdentity: ClaimsIdentity, inner: ConnectorFactory): ConnectorFactory {
    const connectors = this.connectors;
    const appId = appIdOf(claimsIdentity);
    return new (class extends ConnectorFactory {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        return kept(connectors, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () => inner.create(serviceUrl, audience));
      }
    })();
  }
}

/** jsonwebtoken's refusals (a bad signature or algorithm, `alg: none`, not yet valid, expired…). */
const TOKEN_REFUSALS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * What the wrapped authentication throws, said plainly: a token it refuses is an AuthenticationError
 * (401), whether botframework-connector wrapped jsonwebtoken's error or let it through (it lets
 * through all but "expired", which `process` then answers 500); the signing keys out of reach
 * (the OpenID metadata or the JWKS could not be fetched) is `auth-keys-unavailable` (503).
 */
function asAuthError(err: unknown): never {
  const e = err as { name?: string; statusCode?: number; message?: string };
  if (err instanceof AuthenticationError) {
    if (e.statusCode === StatusCodes.INTERNAL_SERVER_ERROR) throw new BaristaError('auth-keys-unavailable', 'the Bot Framework signing keys could not be loaded', err);
    throw err;
  }
  if (e && TOKEN_REFUSALS.has(e.name ?? '')) throw new AuthenticationError(`Unauthorized: ${e.message}`, StatusCodes.UNAUTHORIZED);
  if (e?.name === 'FetchError') throw new BaristaError('auth-keys-unavailable', 'the Bot Framework signing keys could not be fetched', err);
  throw err;
}

/** Where Bot Framework tokens are checked against: Microsoft's keys, or (tests) a local identity provider. */
export interface TokenAuthority {
  /** The OpenID configuration whose JWKS signs the tokens (BOT_OPENID_METADATA_URL). */
  openIdMetadataUrl: string;
  /** The `iss` the tokens carry (BOT_TOKEN_ISSUER). */
  issuer: string;
}

export interface BotAuthConfig {
  localMode: boolean;
  appId: string;
  appPassword: string;
  appType: string;
  appTenantId: string;
  /** Set only to trust another identity provider than Bot Framework's (tests). */
  tokenAuthority?: TokenAuthority;
}

/**
 * Barista's Bot Framework authentication: anonymous in local mode, else Barista's app credentials,
 * the tokens checked against Bot Framework's keys (or the configured authority's), and the clients
 * reused (CachedClientsAuthentication). `inner` is the authentication itself (the proactive gateway's).
 */
export function botAuthentication(config: BotAuthConfig): { auth: CachedClientsAuthentication; inner: BotFrameworkAuthentication } {
  const inner = new ConfigurationBotFrameworkAuthentication(
    config.localMode
      ? {}
      : {
          MicrosoftAppId: config.appId, MicrosoftAppPassword: config.appPassword, MicrosoftAppType: config.appType, MicrosoftAppTenantId: config.appTenantId,
          // Setting one of these means setting them all (BotFrameworkAuthenticationFactory): the public cloud's, the authority aside.
          ...(config.tokenAuthority
            ? {
                ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
                ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
                OAuthUrl: AuthenticationConstants.OAuthUrl,
                ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
                CallerId: CallerIdConstants.PublicAzureChannel,
                ToBotFromChannelOpenIdMetadataUrl: config.tokenAuthority.openIdMetadataUrl,
                ToBotFromChannelTokenIssuer: config.tokenAuthority.issuer,
              }
            : {}),
        },
  );
  return { auth: new CachedClientsAuthentication(inner), inner };
}

function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? '';
}

/** The kept promise for `key`, made once; a failed one is forgotten so the next call tries again. */
function kept<T>(map: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const hit = map.get(key);
  if (hit) return hit;
  if (map.size >= MAX_CLIENTS) map.delete(map.keys().next().value!);
  const made = make();
  map.set(key, made);
  made.catch(() => {
    if (map.get(key) === made) map.delete(key);
  });
  return made;
}
