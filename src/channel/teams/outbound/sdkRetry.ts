/**
 * Switches off the retry policy built into botbuilder's ConnectorClient.
 *
 * Why: in botbuilder 4.23 the ConnectorClient sits on an @azure/core-client pipeline that
 * contains 'defaultRetryPolicy' — up to 3 silent retries of 429/503 carrying Retry-After and
 * of 408/5xx (exponential, from 1 s up to 64 s). Those retries bypass our per-conversation
 * limiter (they are extra calls Teams counts) and hide 429s from our stats, and they
 * stack with `withRetry` (up to 4 × 5 attempts). With the SDK policy removed, every attempt
 * goes through Outbound: paced, counted, retried once.
 *
 * Typed structurally (no botbuilder import): pass a ConnectorClient (or TeamsConnectorClient);
 * for CloudAdapter turns, it is `context.turnState.get(context.adapter.ConnectorClientKey)`,
 * which is created anew for each turn (so do it in a middleware).
 *
 * @returns true when a policy was removed, false when the object does not look like a
 * client built on core-client (nothing changed).
 */
export function disableSdkRetries(client: unknown): boolean {
  const inner = (client as { client?: { pipeline?: { removePolicy?: unknown } } } | null | undefined)?.client;
  const pipeline = inner?.pipeline;
  if (!pipeline || typeof pipeline.removePolicy !== 'function') return false;
  const removePolicy = pipeline.removePolicy as (o: { name: string }) => unknown[];
  const removed = removePolicy.call(pipeline, { name: 'defaultRetryPolicy' });
  return Array.isArray(removed) && removed.length > 0;
}

/** How long a Bot Connector call may go unanswered before it counts as a network failure. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * Gives every request of the client a timeout (the SDK sets none: a connection that never answers
 * would hold the conversation's queue for good). A request that times out fails with the code
 * 'ETIMEDOUT', which `withRetry` retries like any network failure.
 *
 * @returns true when the policy was added, false when the object does not look like a client
 * built on core-client.
 */
export function addRequestTimeout(client: unknown, timeoutMs = DEFAULT_REQUEST_TIMEOUT_MS): boolean {
  const pipeline = (client as { client?: { pipeline?: { addPolicy?: unknown } } } | null | undefined)?.client?.pipeline;
  if (!pipeline || typeof pipeline.addPolicy !== 'function') return false;
  type Request = { timeout: number; abortSignal?: { aborted: boolean } };
  const policy = {
    name: 'baristaRequestTimeout',
    async sendRequest(request: Request, next: (r: Request) => Promise<unknown>): Promise<unknown> {
      if (!(request.timeout > 0)) request.timeout = timeoutMs;
      try {
        return await next(request);
      } catch (err) {
        if ((err as { name?: unknown } | null)?.name === 'AbortError' && !request.abortSignal?.aborted) {
          throw Object.assign(new Error(`no answer from the Bot Connector within ${request.timeout} ms`, { cause: err }), { code: 'ETIMEDOUT' });
        }
        throw err;
      }
    },
  };
  (pipeline.addPolicy as (p: typeof policy) => void).call(pipeline, policy);
  return true;
}
