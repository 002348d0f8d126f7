import { CloudAdapter, StatusCodes, type Activity, type TurnContext } from 'botbuilder';
import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';
import { z } from 'zod';
import { BaristaError, type ErrorSink } from '../../errors';

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
 * What makes a JSON body a Bot Framework activity, as far as botbuilder reads it before the turn
 * (authentication reads the channel and service URL; the turn context, the conversation, the
 * sender and the recipient). The turn parses the rest (bot/parse.ts). Built once.
 */
const Account = z.object({ id: z.string().min(1) });
/** A plain object, checked without copying its content (a `z.record` copies every key of it, per request). */
const PlainObject = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'expected an object');
const EnvelopeSchema = z.object({
  type: z.string().min(1).max(64),
  id: z.string().max(512).optional(),
  name: z.string().max(256).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().min(1).max(2048),
  conversation: Account,
  from: Account,
  recipient: Account,
  text: z.string().optional(),
  locale: z.string().max(64).optional(),
  replyToId: z.string().optional(),
  entities: z.array(PlainObject).optional(),
  attachments: z.array(PlainObject).optional(),
  channelData: PlainObject.optional(),
  timestamp: z.string().optional(),
  localTimestamp: z.string().optional(),
  expiration: z.string().optional(),
});

/** Deeper than this is no activity Teams sends (an Adaptive Card in an attachment is a dozen levels). */
const MAX_DEPTH = 64;

export interface HttpAdapterOptions {
  /** Where refused envelopes and unexpected failures are reported (once each). */
  sink?: ErrorSink;
}

/**
 * CloudAdapter with `process`'s HTTP path written out (botbuilder 4.23): the same authentication
 * (`processActivity`), and none of the zod schemas `process` builds again at every request
 * (`z.record(z.unknown())` twice, `z.string()`; 2 % of the process under the vote bench).
 * Streaming (`process` with a socket) is not used. Unlike `process`, errors are answered as what
 * they are, in a short JSON body: a body that is not an activity 400 (reported to the sink with
 * its code), a refused token 401, the signing keys out of reach 503, anything else 500.
 */
export class HttpAdapter extends CloudAdapter {
  private readonly sink: ErrorSink;

  constructor(auth?: BotFrameworkAuthentication, options: HttpAdapterOptions = {}) {
    super(auth);
    this.sink = options.sink ?? (() => undefined);
  }

  async processHttp(req: HttpRequest, res: HttpResponse, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const end = (status: number, body?: unknown): void => {
      res.status(status);
      if (body) res.send(body);
      res.end();
    };
    if (req.method !== 'POST') return end(StatusCodes.METHOD_NOT_ALLOWED);
    const refused = envelopeProblem(req.body);
    if (refused) {
      this.sink(new BaristaError('bad-envelope', 'a request to /api/messages was not an activity'), { where: 'api/messages', problem: refused });
      return end(StatusCodes.BAD_REQUEST, { error: 'not a Bot Framework activity', code: 'BAR-400' });
    }
    const activity = fixTimestamps(req.body as Record<string, unknown>);
    const authHeader = req.headers.Authorization ?? req.headers.authorization ?? '';
    if (typeof authHeader !== 'string') return end(StatusCodes.UNAUTHORIZED, { error: 'unauthorized' });
    try {
      const invokeResponse = await this.processActivity(authHeader, activity, logic);
      return end(invokeResponse?.status ?? StatusCodes.OK, invokeResponse?.body);
    } catch (err) {
      if (err instanceof AuthenticationError && err.statusCode !== StatusCodes.INTERNAL_SERVER_ERROR) return end(StatusCodes.UNAUTHORIZED, { error: 'unauthorized' });
      if (err instanceof BaristaError && err.code === 'auth-keys-unavailable') {
        this.sink(err, { where: 'api/messages' });
        return end(503, { error: 'cannot check tokens now', code: 'BAR-AUTH-KEYS' });
      }
      this.sink(err, { where: 'api/messages' });
      return end(StatusCodes.INTERNAL_SERVER_ERROR, { error: 'internal error', code: 'BAR-500' });
    }
  }
}

/** Why `body` is not an activity (field paths and zod codes only, never values), or undefined. */
function envelopeProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return Array.isArray(body) ? 'an array' : `a ${body === null ? 'null' : typeof body}`;
  if (depthOver(body, MAX_DEPTH)) return `nested deeper than ${MAX_DEPTH}`;
  const parsed = EnvelopeSchema.safeParse(body);
  if (parsed.success) return undefined;
  return parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; ');
}

/** Whether `value` nests deeper than `max` (iterative: a deep body cannot overflow the stack here). */
function depthOver(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return true;
    if (typeof node !== 'object' || node === null) continue;
    for (const child of Array.isArray(node) ? node : Object.values(node)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** botbuilder's validateAndFixActivity (not exported), the type being checked already: the timestamps become dates. */
function fixTimestamps(activity: Record<string, unknown>): Activity {
  for (const field of ['timestamp', 'expiration', 'localTimestamp'] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[`raw${field[0].toUpperCase()}${field.slice(1)}`] = value;
      activity[field] = new Date(value);
    }
  }
  return activity as unknown as Activity;
}

/** `application/json`, with at most a UTF-8 charset: what Bot Framework channels send. */
const JSON_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * A restify handler, run before the body parser: a POST to `path` whose content type is not JSON
 * is answered 415 and goes no further (a form-encoded or text/plain POST, which any web page can
 * send without a preflight, never reaches the bot).
 */
export function jsonOnly(path: string) {
  return (req: { method?: string; getPath(): string; headers: Record<string, string | string[] | undefined> }, res: { send(code: number, body: unknown): unknown }, next: (err?: false) => void): void => {
    if (req.method !== 'POST' || req.getPath() !== path) return next();
    const type = req.headers['content-type'];
    if (typeof type === 'string' && JSON_TYPE.test(type.trim())) return next();
    res.send(415, { error: 'unsupported media type: send application/json' });
    return next(false);
  };
}
