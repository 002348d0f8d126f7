import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadContent } from '../../src/content';
import { freePort } from '../support/ports';
import { TeamsUser, type Chat } from '../support/teamsUser';
import type { FakeConnector } from '../support/fakeConnector';
import type { CafeState } from '../../src/domain/types';

const ROOT = path.resolve(__dirname, '../..');

/** One pino log line of the child. */
export type LogLine = Record<string, unknown> & { level: number; msg: string; time: number };

/**
 * A real Barista server in a child process (`node --import tsx src/server.ts`: one process, so a
 * SIGKILL kills the server itself, not a launcher), with its JSON logs collected.
 */
export class BaristaProcess {
  readonly logs: LogLine[] = [];
  stderr = '';
  port = 0;
  startedAt = 0;
  private child: ChildProcess | undefined;
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;

  constructor(readonly name: string, private readonly env: Record<string, string>) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the server and resolves once it listens (rejects with its stderr if it exits first). tsx compiles the sources at start: on a loaded machine that takes tens of seconds. */
  async start(timeoutMs = 60_000): Promise<this> {
    this.port = await freePort();
    this.startedAt = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        TMPDIR: process.env.TMPDIR ?? '/tmp',
        BARISTA_LOCAL_MODE: 'true',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        LOG_LEVEL: 'info',
        NODE_NO_WARNINGS: '1',
        // A short grace period on SIGTERM (production: 10 s for the load balancer to notice).
        DRAIN_GRACE_S: '1',
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let buffered = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          this.stderr += `${line}\n`;
        }
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    const deadline = Date.now() + timeoutMs;
    while (!this.logs.some((l) => l.msg === 'Barista is listening on /api/messages')) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${this.name} exited at start:\n${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`${this.name} did not start within ${timeoutMs} ms:\n${this.stderr}`);
      await sleep(50);
    }
    return this;
  }

  /** Sends a signal and waits for the process to end. */
  async kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.child || !this.exited) throw new Error(`${this.name} was not started`);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }

  /** Kills it if still running (test clean-up). */
  async stop(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) await this.kill('SIGKILL');
  }

  /** The listening line's fields (rearmed, store…). */
  startLine(): LogLine | undefined {
    return this.logs.find((l) => l.msg === 'Barista is listening on /api/messages');
  }
}

/** A content pack (a folder with one JSON file) whose Open data video has a 1-minute viewing pause. */
export function shortVideoPack(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const video = loadContent().activities.find((a) => a.id === 'video-open-data');
  if (!video || video.kind !== 'video') throw new Error('the guide has no video-open-data activity');
  writeFileSync(path.join(dir, 'short-video.json'), JSON.stringify({ activities: [{ ...video, viewingMinutes: 1 }] }, null, 2));
  return dir;
}

/** Users of one chat whose bot URL can change (restarts) or alternate between instances. */
export function chatOf(conversationId: string, serviceUrl: string, botUrl: () => string): Chat {
  return {
    get botUrl() {
      return botUrl();
    },
    serviceUrl,
    conversationId,
  };
}

export const TIME_UP = 'Le temps est écoulé';

/** Texts of the messages Barista posted in the conversation. */
export function texts(connector: FakeConnector, conversationId: string): string[] {
  return connector.sent(conversationId).map((a) => a.text ?? '').filter(Boolean);
}

/** Posted messages (card or text) whose JSON contains `needle`. */
export function posted(connector: FakeConnector, conversationId: string, needle: string) {
  return connector.calls.filter(
    (c) => c.conversationId === conversationId && (c.op === 'send' || c.op === 'reply') && c.outcome === 'ok' && JSON.stringify(c.body).includes(needle),
  );
}

/** Messages posted, or cards updated (a part's card advances in place), whose JSON contains `needle`. */
export function shown(connector: FakeConnector, conversationId: string, needle: string) {
  return connector.calls.filter(
    (c) => c.conversationId === conversationId && (c.op === 'send' || c.op === 'reply' || c.op === 'update') && c.outcome === 'ok' && JSON.stringify(c.body).includes(needle),
  );
}

/** Waits until the chat shows `needle`: in a message posted, or in a card updated to show it. */
export async function waitForPosted(connector: FakeConnector, conversationId: string, needle: string, timeoutMs = 15_000): Promise<void> {
  await connector.waitFor(() => shown(connector, conversationId, needle).length > 0, timeoutMs).catch((err: Error) => {
    throw new Error(`no message with « ${needle} » (${err.message})`);
  });
}

export interface Cast {
  camille: TeamsUser;
  lea: TeamsUser;
  karim: TeamsUser;
}

export function castOf(chat: Chat): Cast {
  return {
    camille: new TeamsUser(chat, '29:camille', 'Camille Martin'),
    lea: new TeamsUser(chat, '29:lea', 'Léa Dubois'),
    karim: new TeamsUser(chat, '29:karim', 'Karim Benali'),
  };
}

async function ok(res: Response | Promise<Response>): Promise<void> {
  const r = await res;
  if (r.status !== 200) throw new Error(`the bot answered ${r.status}`);
}

/**
 * A Café Americano up to the Open data video (a 1-minute countdown with the pack above): start,
 * begin, the Madonna ice breaker with two votes on its first statement, /suivant ×22 (on each of
 * the 11 statements, the first reveals its answer, the second moves on), the video.
 * `readCafe` reads the stored café; `between` runs before each turn (e.g. to switch instance).
 */
export async function driveToVideo(
  cast: Cast,
  connector: FakeConnector,
  conversationId: string,
  readCafe: () => Promise<CafeState | undefined>,
  between: () => void = () => undefined,
): Promise<CafeState> {
  const { camille, lea, karim } = cast;
  between();
  await ok(camille.say('/startcafe americano'));
  await waitForPosted(connector, conversationId, 'Au menu');
  const cafe = await readCafe();
  if (!cafe) throw new Error('no café was created');
  between();
  await camille.press({ verb: 'begin', cafe: cafe.id });
  between();
  await camille.press({ verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'madonna' });
  await waitForPosted(connector, conversationId, 'On en parlait moins dans les années 80');
  between();
  await lea.press({ verb: 'vote', cafe: cafe.id, step: 'tasse.madonna.annees-80', choice: 'donnee' });
  between();
  await karim.press({ verb: 'vote', cafe: cafe.id, step: 'tasse.madonna.annees-80', choice: 'madonna' });
  for (let i = 0; i < 22; i++) {
    between();
    await ok(camille.say('/suivant'));
  }
  await waitForPosted(connector, conversationId, "L'animateur/animatrice choisit la vidéo");
  between();
  await camille.press({ verb: 'choose', cafe: cafe.id, step: 'cafe.choix', option: 'open-data' });
  await waitForPosted(connector, conversationId, 'Regarder la vidéo');
  const atVideo = (await readCafe())!;
  const step = atVideo.steps[atVideo.cursor]!;
  if (step.kind !== 'video' || atVideo.timer?.dueAt === undefined) throw new Error(`not at a timed video step: ${step.id}`);
  return atVideo;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
