import type { Activity } from 'botbuilder';
import {
  AuthenticationConstants, BotFrameworkAuthentication, ClaimsIdentity, ConnectorFactory,
  type AuthenticateRequestResult, type ConnectorClient, type UserTokenClient,
} from 'botframework-connector';
import { CachedClientsAuthentication } from '../../../src/channel/teams/cachedAuth';

const claims = (appId: string) => new ClaimsIdentity([{ type: AuthenticationConstants.AppIdClaim, value: appId }, { type: AuthenticationConstants.VersionClaim, value: '1.0' }], true);

/** An authentication that counts what it is asked, refuses a bad header, and makes a new client each time. */
class CountingAuth extends BotFrameworkAuthentication {
  authenticated = 0;
  connectors = 0;
  tokenClients = 0;
  failNextConnector = false;
  async authenticateRequest(_activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    this.authenticated++;
    if (authHeader !== 'Bearer good') throw Object.assign(new Error('Unauthorized'), { statusCode: 401 });
    return { claimsIdentity: claims('channel'), audience: 'https://api.botframework.com', callerId: 'urn:botframework:azure', connectorFactory: this.createConnectorFactory() };
  }
  async authenticateStreamingRequest(): Promise<AuthenticateRequestResult> {
    throw new Error('not used');
  }
  createConnectorFactory(): ConnectorFactory {
    const self = this;
    return new (class extends ConnectorFactory {
      async create(serviceUrl: string): Promise<ConnectorClient> {
        self.connectors++;
        if (self.failNextConnector) {
          self.failNextConnector = false;
          throw new Error('token endpoint down');
        }
        return { serviceUrl, n: self.connectors } as unknown as ConnectorClient;
      }
    })();
  }
  async createUserTokenClient(): Promise<UserTokenClient> {
    this.tokenClients++;
    return { n: this.tokenClients } as unknown as UserTokenClient;
  }
}

const activity = { type: 'message', serviceUrl: 'https://smba.trafficmanager.net/emea/' } as Activity;

describe('CloudAdapter’s clients, reused across turns', () => {
  it('checks every request as the wrapped authentication does: a bad token is refused each time', async () => {
    const inner = new CountingAuth();
    const auth = new CachedClientsAuthentication(inner);
    await auth.authenticateRequest(activity, 'Bearer good');
    await expect(auth.authenticateRequest(activity, 'Bearer forged')).rejects.toMatchObject({ statusCode: 401 });
    await auth.authenticateRequest(activity, 'Bearer good');
    expect(inner.authenticated).toBe(3);
  });

  it('builds one connector client per service URL and audience, one token client per app id', async () => {
    const inner = new CountingAuth();
    const auth = new CachedClientsAuthentication(inner);
    const clients: ConnectorClient[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await auth.authenticateRequest(activity, 'Bearer good');
      clients.push(await result.connectorFactory!.create(activity.serviceUrl!, result.audience));
      await auth.createUserTokenClient(result.claimsIdentity);
    }
    expect(new Set(clients).size).toBe(1);
    expect(inner.connectors).toBe(1);
    expect(inner.tokenClients).toBe(1);
    const other = await (await auth.authenticateRequest(activity, 'Bearer good')).connectorFactory!.create('https://smba.trafficmanager.net/fr/');
    expect(other).not.toBe(clients[0]);
    expect(inner.connectors).toBe(2);
  });

  it('a client that could not be made is not kept: the next turn tries again', async () => {
    const inner = new CountingAuth();
    const auth = new CachedClientsAuthentication(inner);
    inner.failNextConnector = true;
    const first = await auth.authenticateRequest(activity, 'Bearer good');
    await expect(first.connectorFactory!.create(activity.serviceUrl!)).rejects.toThrow('token endpoint down');
    const second = await auth.authenticateRequest(activity, 'Bearer good');
    await expect(second.connectorFactory!.create(activity.serviceUrl!)).resolves.toBeDefined();
    expect(inner.connectors).toBe(2);
  });
});
