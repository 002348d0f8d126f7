import type { Activity } from 'botbuilder';
import {
  BotFrameworkAuthentication, ConnectorFactory, JwtTokenValidation,
  type AuthenticateRequestResult, type BotFrameworkClient, type ClaimsIdentity, type ConnectorClient, type UserTokenClient,
} from 'botframework-connector';

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
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
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
