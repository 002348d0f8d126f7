import { CloudAdapter, StatusCodes, type Activity, type TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';

/** What `processHttp` needs of a restify (or express) request and response. */
export interface HttpRequest {
  method?: string;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
}
export interface HttpResponse {
  status(code: number): unknown;
  send(body?: unknown): unknown;
  end(): unknown;
}

/**
 * CloudAdapter with `process`'s HTTP path written out (botbuilder 4.23): the same checks, the same
 * answers and status codes, the same authentication (`processActivity`), but none of the zod
 * schemas `process` builds again at every request (`z.record(z.unknown())` twice, `z.string()`;
 * 2 % of the process under the vote bench). Streaming (`process` with a socket) is not used.
 */
export class HttpAdapter extends CloudAdapter {
  async processHttp(req: HttpRequest, res: HttpResponse, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const end = (status: number, body?: unknown): void => {
      res.status(status);
      if (body) res.send(body);
      res.end();
    };
    if (req.method !== 'POST') return end(StatusCodes.METHOD_NOT_ALLOWED);
    if (!isRecord(req.body)) {
      return end(StatusCodes.BAD_REQUEST, '`req.body` not an object, make sure you are using middleware to parse incoming requests.');
    }
    const activity = validateAndFixActivity(req.body);
    if (!activity.type) {
      console.warn('BadRequest: Missing activity or activity type.');
      return end(StatusCodes.BAD_REQUEST);
    }
    const authHeader = req.headers.Authorization ?? req.headers.authorization ?? '';
    if (typeof authHeader !== 'string') throw new TypeError('Authorization header: expected a string');
    try {
      const invokeResponse = await this.processActivity(authHeader, activity, logic);
      return end(invokeResponse?.status ?? StatusCodes.OK, invokeResponse?.body);
    } catch (err) {
      console.error(err);
      return end(err instanceof AuthenticationError ? StatusCodes.UNAUTHORIZED : StatusCodes.INTERNAL_SERVER_ERROR, (err as Error).message ?? err);
    }
  }
}

/** What `z.record(z.unknown())` accepts: a plain object (not an array, a date, a map, a set…). */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return !(value instanceof Date || value instanceof Map || value instanceof Set || value instanceof Promise);
}

/** botbuilder's validateAndFixActivity (not exported): the type is checked, the timestamps become dates. */
function validateAndFixActivity(activity: Record<string, unknown>): Activity {
  if (typeof activity.type !== 'string') throw new Error('validateAndFixActivity(): missing activity type.');
  for (const field of ['timestamp', 'expiration', 'localTimestamp'] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[`raw${field[0].toUpperCase()}${field.slice(1)}`] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}
