/**
 * `npm run bench`: the vote path of Barista against a bare botbuilder invoke handler on the same
 * stack, in the same run (DESIGN.md, "Testing" and "Votes, cards and Teams limits").
 *
 * 1. builds (npm run build) and starts `node dist/src/server.js` as a child process, in production
 *    mode with the default SQLite store in a temporary folder;
 * 2. starts a fake Bot Connector here (tests/support/fakeConnector.ts, enforcing Teams' limits: per
 *    conversation, and 50 calls per second per tenant, every café being of one tenant) so that the
 *    cards Barista posts and updates have somewhere to go; opening the 500 cafés therefore takes
 *    at least their calls / 50 seconds;
 * 3. opens 500 cafés (/startcafe americano, Commencer, Madonna) and reads Barista's resident memory;
 * 4. drives votes with autocannon (127.0.0.1, 20 connections, 15 s after a 3 s warm-up): invoke
 *    adaptiveCard/action, spread over the 500 cafés × 20 voters, a fresh activity id per request;
 * 5. stops Barista and reads its SQLite file: every vote answered with a card must be there;
 *    Before that, the cost of a café's size: two more cafés, the same load on one café's poll with
 *    20 voters, then with 2,000 voters (who all voted once before the measure);
 * 6. runs the same load against bench/bare.ts (restify 11 + CloudAdapter, fixed card, no state);
 * 6b. starts another Barista and runs the web door's load (bench/web.ts): 300 participant pages on one
 *    café, every vote counted on every page, and how long a vote takes to show on all of them;
 * 7. prints the table with the targets (and the load average: the machine may be shared) and
 *    appends it to docs/benchmarks.md.
 *
 * Bounded: the whole run stops itself (exit 2) after BENCH_TIME_LIMIT_S (240 s).
 * Options: --no-build, --cafes=500, --connections=20, --duration=15, --no-docs; BARISTA_NODE_ARGS adds
 * node flags to the Barista process (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the vote path).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { busiestWindowPerTenant, FakeConnector, TEAMS_LIMITS, TEAMS_TENANT_LIMIT } from '../tests/support/fakeConnector';
import { freePort } from '../tests/support/ports';
import { TeamsUser, type Chat } from '../tests/support/teamsUser';
import { maxUpdatesPerCardPerSecond } from '../tests/load/pollCard';
import { WEB_PAGES, webPagesLoad } from './web';

const ROOT = path.resolve(__dirname, '..');
const arg = (name: string, fallback: number): number => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.split('=')[1]) : fallback;
};
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

const CAFES = arg('cafes', 500);
const VOTERS = 20;
const CONNECTIONS = arg('connections', 20);
const DURATION_S = arg('duration', 15);
const WARMUP_S = 3;
const TIME_LIMIT_S = Number(process.env.BENCH_TIME_LIMIT_S ?? 480);
/** The one-café runs: 20 voters, then 2,000 voters on the same poll. */
const SOLO_S = arg('solo-duration', 8);
const BIG_VOTERS = 2_000;
/** Fewer connections than the café's 20 voters: each voter has at most one vote in flight. */
const SOLO_CONNECTIONS = 10;
const STEP = 'tasse.madonna.annees-80';
const CHOICES = ['donnee', 'madonna', 'les-deux'];

const TARGETS = {
  ratio: 0.7,
  p99Ms: 50,
  /** Throughput on one café's poll with 2,000 voters ≥ this × with 20 voters. */
  sizeRatio: 0.8,
  lost: 0,
  pastLimits: 0,
  updatesPerCardPerSecond: 1,
  /** Teams' global limit: calls per app per tenant per second. */
  tenantCallsPerSecond: TEAMS_TENANT_LIMIT.limit,
  rssMb: 200,
  /** The web door: every page shows a vote within this long of its POST. */
  webLiveMs: 1000,
};

const children = new Set<ChildProcess>();

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const watchdog = setTimeout(() => {
    console.error(`bench: still running after ${TIME_LIMIT_S} s, stopping`);
    for (const c of children) c.kill('SIGKILL');
    process.exit(2);
  }, TIME_LIMIT_S * 1000);
  watchdog.unref();

  if (!flag('no-build')) {
    log('building (npm run build)…');
    const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }

  const loadAtStart = os.loadavg();
  const connector = new FakeConnector({ limits: TEAMS_LIMITS });
  await connector.start();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'barista-bench-'));
  try {
    // --- Barista ------------------------------------------------------------------------------
    const port = await freePort();
    // The node flags of `npm start` (the heap limit), unless BARISTA_NODE_ARGS says otherwise.
    const nodeArgs = (process.env.BARISTA_NODE_ARGS ?? startNodeArgs()).split(' ').filter(Boolean);
    const barista = startChild('barista', process.execPath, [...nodeArgs, path.join(ROOT, 'dist/src/server.js')], {
      NODE_ENV: 'production', BARISTA_LOCAL_MODE: 'true', MicrosoftAppId: '', DATA_DIR: dataDir, LOG_LEVEL: 'warn',
      PORT: String(port), HOST: '127.0.0.1',
      // No load balancer to tell: the stop drains at once (the work in flight is still finished).
      DRAIN_GRACE_S: '0',
    });
    const baristaUrl = `http://127.0.0.1:${port}`;
    await waitHealthy(baristaUrl, barista);
    const rssIdle = rssMb(barista.pid!);

    log(`opening ${CAFES} cafés…`);
    const setupStart = Date.now();
    const posts = new PostIndex(connector);
    const cafes = await openCafes(baristaUrl, connector, posts);
    await waitPollCards(posts, cafes, connector);
    await sleep(1_500);
    const rssWith500 = rssMb(barista.pid!);
    log(`${CAFES} cafés open in ${((Date.now() - setupStart) / 1000).toFixed(1)} s; Barista RSS ${rssWith500.toFixed(0)} MB`);
    const droppingBodies = dropBodies(connector);

    const tracker = new VoteTracker(cafes, connector.url);
    log(`votes → Barista: ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s…`);
    await load(baristaUrl, tracker, WARMUP_S);
    const b = await load(baristaUrl, tracker, DURATION_S);
    const rssAfterLoad = rssMb(barista.pid!);
    const hwm = procStatusMb(barista.pid!, 'VmHWM');

    // One café's poll, 20 voters then 2,000: does a vote cost more in a bigger café?
    log(`one café's poll: 20 voters, then ${BIG_VOTERS} voters (${SOLO_S} s each after a warm-up)…`);
    const solo = await openCafes(baristaUrl, connector, posts, 2, 'solo');
    await waitPollCards(posts, solo, connector);
    const small = new VoteTracker([solo[0]], connector.url, VOTERS);
    await load(baristaUrl, small, WARMUP_S, undefined, SOLO_CONNECTIONS);
    const s20 = await load(baristaUrl, small, SOLO_S, undefined, SOLO_CONNECTIONS);
    const big = new VoteTracker([solo[1]], connector.url, BIG_VOTERS);
    await load(baristaUrl, big, 0, BIG_VOTERS, SOLO_CONNECTIONS);
    await load(baristaUrl, big, WARMUP_S, undefined, SOLO_CONNECTIONS);
    const s2000 = await load(baristaUrl, big, SOLO_S, undefined, SOLO_CONNECTIONS);
    const sizeRatio = s2000.votesPerSecond / s20.votesPerSecond;

    log('stopping Barista (SIGTERM: drains outbound), then reading its SQLite file…');
    await stopChild(barista, 30_000);
    clearInterval(droppingBodies);
    const stored = readVotes(dataDir);
    log(`outbox entries still pending after the stop: ${pendingOutbox(dataDir)}`);
    const check = [tracker, small, big].map((t) => t.verify(stored)).reduce((a, c) => ({
      lost: a.lost + c.lost, pairs: a.pairs + c.pairs, stored: stored.size, uncertain: a.uncertain + c.uncertain,
    }));
    const throttled = connector.rejected429();
    const accepted = connector.violations(TEAMS_LIMITS);
    const perCard = maxUpdatesPerCardPerSecond(connector.calls);
    // Every call Barista made, 429s included (the fake refuses past 50 per second per tenant, so
    // counting only what it accepted could never exceed the target).
    const busiest = [...busiestWindowPerTenant(connector.calls, 1_000, true)].sort((x, y) => y[1] - x[1])[0] ?? ['–', 0];
    const busiestAccepted = Math.max(0, ...busiestWindowPerTenant(connector.calls, 1_000).values());

    // --- Bare -------------------------------------------------------------------------------------
    const barePort = await freePort();
    const bare = startChild('bare', process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/bare.ts')], {
      NODE_ENV: 'production', PORT: String(barePort),
    });
    const bareUrl = `http://127.0.0.1:${barePort}`;
    await waitHealthy(bareUrl, bare);
    log(`votes → bare handler: ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s…`);
    const bareTracker = new VoteTracker(cafes, connector.url);
    await load(bareUrl, bareTracker, WARMUP_S);
    const r = await load(bareUrl, bareTracker, DURATION_S);
    await stopChild(bare, 10_000);

    // --- The web door: 300 participant pages on one café -----------------------------------------
    const webDir = mkdtempSync(path.join(os.tmpdir(), 'barista-bench-web-'));
    const webPort = await freePort();
    const webBarista = startChild('barista-web', process.execPath, [...nodeArgs, path.join(ROOT, 'dist/src/server.js')], {
      NODE_ENV: 'production', BARISTA_LOCAL_MODE: 'true', MicrosoftAppId: '', DATA_DIR: webDir, LOG_LEVEL: 'warn',
      PORT: String(webPort), HOST: '127.0.0.1', DRAIN_GRACE_S: '0', WEB_MAX_PARTICIPANTS: String(WEB_PAGES + 10),
    });
    const webUrl = `http://127.0.0.1:${webPort}`;
    await waitHealthy(webUrl, webBarista);
    log(`the web door: ${WEB_PAGES} participant pages on one café…`);
    const w = await webPagesLoad(webUrl, async (cafeId) => countVotes(webDir, cafeId));
    const webRss = rssMb(webBarista.pid!);
    await stopChild(webBarista, 10_000);
    rmSync(webDir, { recursive: true, force: true });

    // --- Report -----------------------------------------------------------------------------------
    const ratio = b.votesPerSecond / r.votesPerSecond;
    const ok = (pass: boolean) => (pass ? '✔' : '✘');
    const rows: Array<[string, string, string, string, string]> = [
      ['votes per second', fmt(b.votesPerSecond), fmt(r.votesPerSecond), `≥ ${TARGETS.ratio} × bare`, ok(ratio >= TARGETS.ratio)],
      ['ratio Barista / bare', ratio.toFixed(2), '1', `≥ ${TARGETS.ratio}`, ok(ratio >= TARGETS.ratio)],
      ['latency p50 (ms)', fmt(b.p50), fmt(r.p50), '', ''],
      [`latency p99 (ms), ${CONNECTIONS} connections`, fmt(b.p99), fmt(r.p99), `≤ ${TARGETS.p99Ms} ms`, ok(b.p99 <= TARGETS.p99Ms)],
      [`one café's poll, ${VOTERS} voters: votes per second (p99 ms)`, `${fmt(s20.votesPerSecond)} (${fmt(s20.p99)})`, '–', '', ''],
      [`one café's poll, ${BIG_VOTERS} voters: votes per second (p99 ms)`, `${fmt(s2000.votesPerSecond)} (${fmt(s2000.p99)})`, '–', `≥ ${TARGETS.sizeRatio} × ${VOTERS} voters`, ok(sizeRatio >= TARGETS.sizeRatio)],
      [`ratio ${BIG_VOTERS} / ${VOTERS} voters`, sizeRatio.toFixed(2), '–', `≥ ${TARGETS.sizeRatio}`, ok(sizeRatio >= TARGETS.sizeRatio)],
      ['invokes not answered 200 + card', String(b.failed + s20.failed + s2000.failed), String(r.failed), '0', ok(b.failed + s20.failed + s2000.failed === 0)],
      ['votes lost (answered with a card, not in the store)', String(check.lost), '–', String(TARGETS.lost), ok(check.lost === TARGETS.lost)],
      ['429s received (calls past Teams’ limits)', String(throttled.length), '–', String(TARGETS.pastLimits), ok(throttled.length === TARGETS.pastLimits)],
      ['calls accepted past Teams’ limits', String(accepted.length), '–', '0', ok(accepted.length === 0)],
      ['max updates per card per second', String(perCard.max), '–', `≤ ${TARGETS.updatesPerCardPerSecond}`, ok(perCard.max <= TARGETS.updatesPerCardPerSecond)],
      ['Teams calls per second, busiest tenant (max in any 1 s)', String(busiest[1]), '–', `≤ ${TARGETS.tenantCallsPerSecond}`, ok(busiest[1] <= TARGETS.tenantCallsPerSecond)],
      [`resident memory, ${CAFES} cafés open (MB)`, fmt(rssWith500), '–', `< ${TARGETS.rssMb} MB`, ok(rssWith500 < TARGETS.rssMb)],
      [`web: ${w.pages} pages on one café, every vote counted on every page`, w.counted ? `yes (${w.stored} votes)` : `NO (${w.stored} stored)`, '–', 'yes', ok(w.counted)],
      [`web: a vote shown on all ${w.pages} pages, p50 / p95 / max (ms)`, `${fmt(w.liveP50)} / ${fmt(w.liveP95)} / ${fmt(w.liveMax)}`, '–', `≤ ${TARGETS.webLiveMs} ms`, ok(w.liveMax <= TARGETS.webLiveMs)],
      [`web: resident memory with ${w.pages} pages open (MB)`, fmt(webRss), '–', `< ${TARGETS.rssMb} MB`, ok(webRss < TARGETS.rssMb)],
    ];
    const details = [
      `Barista: RSS ${fmt(rssIdle)} MB at start (no café). ${b.ok} votes answered with a card in ${b.seconds.toFixed(1)} s (+ warm-up), ${check.stored} vote records ` +
        `in the store for ${check.pairs} voters who got a card (${check.uncertain} with an unanswered vote in flight); ` +
        `RSS ${fmt(rssAfterLoad)} MB after the load, peak ${fmt(hwm)} MB.`,
      `Fake connector: ${connector.calls.length} calls, ${throttled.length} × 429 ` +
        `(${throttled.filter((c) => c.retryAfterSeconds !== undefined).length} with Retry-After), busiest card ${perCard.max} update(s) in 1 s; ` +
        `busiest tenant (${busiest[0]}) ${busiest[1]} calls made in 1 s, ${busiestAccepted} accepted.`,
      `Bare: ${r.ok} invokes answered in ${r.seconds.toFixed(1)} s.`,
      `Web door: ${w.pages} pages joined and got their first view in ${w.joinSeconds.toFixed(1)} s; a burst of ${w.burstVotes} votes (a third changed) ` +
        `was answered in ${fmt(w.answeredMs)} ms and on every page ${fmt(w.burstMs)} ms after it began; then single votes, each timed until all ${w.pages} pages showed it (the pages are this process's, on the same machine).`,
      `Load average (1, 5, 15 min) at the start: ${loadAtStart.map((l) => l.toFixed(2)).join(', ')}; at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} (${os.cpus().length} CPU, maybe shared with other work).`,
    ];
    const table = markdownTable(['', 'Barista', 'bare', 'target', ''], rows);
    console.log(`\n${table}\n\n${details.join('\n')}\n`);
    if (!flag('no-docs')) appendDocs(table, details);
    const pass = rows.every((row) => row[4] !== '✘');
    process.exitCode = pass ? 0 : 1;
  } finally {
    for (const c of children) c.kill('SIGKILL');
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// --- Cafés -------------------------------------------------------------------------------------

interface OpenCafe {
  index: number;
  conversationId: string;
  cafeId: string;
}

async function openCafes(botUrl: string, connector: FakeConnector, index: PostIndex, count = CAFES, prefix = 'bench'): Promise<OpenCafe[]> {
  const cafes: OpenCafe[] = new Array(count);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const conversationId = `19:${prefix}-${i}@thread.v2`;
      const chat: Chat = { botUrl, serviceUrl: connector.url, conversationId };
      const facilitator = new TeamsUser(chat, `29:anim-${prefix}-${i}`, `Animatrice ${i}`);
      await expectOk(facilitator.say('/startcafe americano'), 'startcafe');
      const cafeId = await cafeIdFromMenu(index, conversationId);
      await expectCard(facilitator.press({ verb: 'begin', cafe: cafeId }), 'begin');
      await expectCard(facilitator.press({ verb: 'choose', cafe: cafeId, step: 'tasse.choix', option: 'madonna' }), 'choose');
      cafes[i] = { index: i, conversationId, cafeId };
    }
  };
  await Promise.all(Array.from({ length: Math.min(25, count) }, worker));
  return cafes;
}

/**
 * What the fake connector saw, per conversation, indexed incrementally (its helpers rescan the
 * whole call log, which 500 concurrent waiters would turn quadratic).
 */
class PostIndex {
  readonly firstPost = new Map<string, unknown>();
  readonly posts = new Map<string, number>();
  private cursor = 0;

  constructor(private readonly connector: FakeConnector) {}

  scan(): this {
    const calls = this.connector.calls;
    for (; this.cursor < calls.length; this.cursor++) {
      const c = calls[this.cursor];
      if ((c.op !== 'send' && c.op !== 'reply') || c.outcome !== 'ok' || c.conversationId === undefined) continue;
      if (!this.firstPost.has(c.conversationId)) this.firstPost.set(c.conversationId, c.body);
      this.posts.set(c.conversationId, (this.posts.get(c.conversationId) ?? 0) + 1);
    }
    return this;
  }
}

/** The café id, read from the menu card Barista posted (its buttons carry it), as a client would. */
async function cafeIdFromMenu(index: PostIndex, conversationId: string): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const posted = index.scan().firstPost.get(conversationId);
    const id = posted ? /"cafe":"([^"]+)"/.exec(JSON.stringify(posted))?.[1] : undefined;
    if (id) return id;
    if (Date.now() > deadline) throw new Error(`no menu card with a café id in ${conversationId}`);
    await sleep(10);
  }
}

/**
 * Waits until each café shows its two cards (the menu, and la tasse's card, which became the Madonna
 * poll in place), then until the set-up's card updates have drained (no Teams call for 1.5 s: under
 * the tenant's 50 calls per second, opening 500 cafés takes a while), so the load measures votes only.
 */
async function waitPollCards(index: PostIndex, cafes: OpenCafe[], connector: FakeConnector): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    index.scan();
    const missing = cafes.filter((c) => (index.posts.get(c.conversationId) ?? 0) < 2).length;
    if (missing === 0) break;
    if (Date.now() > deadline) return log(`warning: ${missing} café(s) still without their poll card after 180 s`);
    await sleep(50);
  }
  let seen = connector.calls.length;
  let quietSince = Date.now();
  while (Date.now() - quietSince < 1_500 && Date.now() < deadline) {
    await sleep(100);
    if (connector.calls.length !== seen) {
      seen = connector.calls.length;
      quietSince = Date.now();
    }
  }
}

/** The fake keeps every body it received; once cafés are open only the call log is needed. */
function dropBodies(connector: FakeConnector): NodeJS.Timeout {
  let done = 0;
  return setInterval(() => {
    const calls = connector.calls;
    for (; done < calls.length; done++) calls[done].body = undefined;
  }, 1_000);
}

// --- Load --------------------------------------------------------------------------------------

/**
 * Builds the votes autocannon sends and remembers, per voter, the last choice answered with a
 * card. A voter has at most one vote in flight, so "the last answered" is well defined.
 */
class VoteTracker {
  readonly confirmed = new Map<string, string>();
  readonly pending = new Map<string, string>();
  private readonly users: TeamsUser[][];
  /** Voters who have not voted yet, in order (a big café is filled first: everyone votes once). */
  private unvoted = 0;

  constructor(private readonly cafes: OpenCafe[], serviceUrl: string, private readonly voters = VOTERS) {
    this.users = cafes.map((c) =>
      Array.from({ length: voters }, (_, j) =>
        new TeamsUser({ botUrl: '', serviceUrl, conversationId: c.conversationId }, `29:v-${c.conversationId.replace(/^19:|@thread\.v2$/g, '')}-${j}`, `Participant ${j}`)),
    );
  }

  /** A vote for a random voter who has none in flight (first, each voter once); its body has a fresh activity id. */
  next(): { key: string; choice: string; body: string } {
    for (let tries = 0; ; tries++) {
      if (tries > 10_000) throw new Error('bench: every voter has a vote in flight (more connections than voters?)');
      const first = this.unvoted < this.cafes.length * this.voters ? this.unvoted++ : undefined;
      const c = first === undefined ? Math.floor(Math.random() * this.cafes.length) : first % this.cafes.length;
      const v = first === undefined ? Math.floor(Math.random() * this.voters) : Math.floor(first / this.cafes.length);
      const user = this.users[c][v];
      const key = `${this.cafes[c].cafeId}\u0000${user.id}`;
      if (this.pending.has(key)) continue;
      const choice = CHOICES[Math.floor(Math.random() * CHOICES.length)];
      this.pending.set(key, choice);
      const body = JSON.stringify(user.invokeActivity({ verb: 'vote', cafe: this.cafes[c].cafeId, step: STEP, choice }));
      return { key, choice, body };
    }
  }

  answered(key: string, choice: string, withCard: boolean): void {
    this.pending.delete(key);
    if (withCard) this.confirmed.set(key, choice);
  }

  /** Compares with the store: a voter answered with a card must have a record with that choice
   * (or with the choice of a vote still unanswered when the load stopped). */
  verify(stored: Map<string, string>): { lost: number; pairs: number; stored: number; uncertain: number } {
    let lost = 0;
    let uncertain = 0;
    for (const [key, choice] of this.confirmed) {
      const inStore = stored.get(key);
      const maybe = this.pending.get(key);
      if (maybe !== undefined) uncertain++;
      if (inStore !== choice && !(maybe !== undefined && inStore === maybe)) lost++;
    }
    return { lost, pairs: this.confirmed.size, stored: stored.size, uncertain };
  }
}

interface LoadResult {
  votesPerSecond: number;
  ok: number;
  failed: number;
  p50: number;
  p99: number;
  seconds: number;
}

/** `seconds` of load, or (amount) that many requests. */
async function load(url: string, tracker: VoteTracker, seconds: number, amount?: number, connections = CONNECTIONS): Promise<LoadResult> {
  let ok = 0;
  let failed = 0;
  const result = await autocannon({
    url,
    connections,
    pipelining: 1,
    ...(amount ? { amount } : { duration: seconds }),
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
          const vote = tracker.next();
          context.vote = vote;
          return { ...req, body: vote.body };
        },
        onResponse: (status: number, body: string, context: Record<string, unknown>) => {
          const vote = context.vote as { key: string; choice: string } | undefined;
          const withCard = status === 200 && body.includes('application/vnd.microsoft.card.adaptive');
          if (withCard) ok++;
          else failed++;
          if (vote) tracker.answered(vote.key, vote.choice, withCard);
        },
      },
    ],
  });
  failed += result.errors + result.timeouts;
  return { votesPerSecond: ok / result.duration, ok, failed, p50: result.latency.p50, p99: result.latency.p99, seconds: result.duration };
}

// --- Store -------------------------------------------------------------------------------------

/** The outbox entries left in Barista's SQLite file after it stopped (every card and message carried out: 0). */
function pendingOutbox(dataDir: string): number {
  const db = new Database(path.join(dataDir, 'barista.sqlite'), { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM outbox`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Votes of the Madonna statement in Barista's SQLite file, read after it stopped: (café, voter) → choice. */
/** The vote records of one café's statement, read from the SQLite file (WAL: readable while Barista writes). */
function countVotes(dataDir: string, cafeId: string): number {
  const db = new Database(path.join(dataDir, 'barista.sqlite'), { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM contributions WHERE cafe_id = ? AND step_id = ? AND kind = 'vote'`).get(cafeId, STEP) as { n: number }).n;
  } finally {
    db.close();
  }
}

function readVotes(dataDir: string): Map<string, string> {
  const db = new Database(path.join(dataDir, 'barista.sqlite'), { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT cafe_id, user_id, doc FROM contributions WHERE step_id = ? AND kind = 'vote'`)
      .all(STEP) as Array<{ cafe_id: string; user_id: string; doc: string }>;
    return new Map(rows.map((r) => [`${r.cafe_id}\u0000${r.user_id}`, (JSON.parse(r.doc) as { value: { choice: string } }).value.choice]));
  } finally {
    db.close();
  }
}

// --- Processes ---------------------------------------------------------------------------------

function startChild(name: string, command: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let shown = 0;
  const show = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      if (line.startsWith('listening') || line.includes('MODE LOCAL ANONYME') || line.includes('DeprecationWarning') || line.includes('trace-deprecation')) continue;
      if (shown++ < 10) console.log(`  [${name}] ${line.slice(0, 400)}`);
      else if (shown === 11) console.log(`  [${name}] … (more lines not shown)`);
    }
  };
  child.stdout?.on('data', show);
  child.stderr?.on('data', show);
  child.once('exit', () => children.delete(child));
  return child;
}

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`${url} not healthy after 20 s`);
}

async function stopChild(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    log(`pid ${child.pid} did not stop within ${timeoutMs} ms: SIGKILL`);
    child.kill('SIGKILL');
  }, timeoutMs);
  await exited;
  clearTimeout(timer);
}

function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  return line ? Number(line.replace(/\D+/g, '')) / 1024 : NaN;
}

function rssMb(pid: number): number {
  return procStatusMb(pid, 'VmRSS');
}

// --- Output ------------------------------------------------------------------------------------

function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function appendDocs(table: string, details: string[]): void {
  const file = path.join(ROOT, 'docs/benchmarks.md');
  if (!existsSync(file)) {
    writeFileSync(
      file,
      '# Benchmarks\n\n`npm run bench` (bench/run.ts) appends one section per run: the vote path of Barista ' +
        '(`node dist/src/server.js`, production mode, SQLite) against a bare botbuilder invoke handler on the same stack ' +
        '(bench/bare.ts), with the same autocannon load, on the same machine, one after the other.\n',
    );
  }
  const git = (...a: string[]) => spawnSync('git', a, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const commit = git('rev-parse', '--short', 'HEAD');
  const dirty = git('status', '--porcelain', '--', 'src', 'cards').split('\n').filter(Boolean).length;
  const cpu = os.cpus();
  const machine =
    `${cpu.length} CPU (${cpu[0]?.model.trim() ?? '?'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ` +
    `Node ${process.version}, ${os.type()} ${os.release()}`;
  appendFileSync(
    file,
    `\n## ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} — ${commit}${dirty ? ` + ${dirty} uncommitted file(s) in src/ or cards/` : ''}\n\n` +
      `Machine: ${machine}. Load: ${CAFES} cafés × ${VOTERS} voters on the Madonna poll, autocannon ${CONNECTIONS} connections, ` +
      `${DURATION_S} s after a ${WARMUP_S} s warm-up, fake connector enforcing Teams' limits; then one café's poll with ` +
      `${VOTERS}, and with ${BIG_VOTERS} voters (${SOLO_CONNECTIONS} connections, ${SOLO_S} s each).\n\n${table}\n\n${details.map((d) => `- ${d}`).join('\n')}\n`,
  );
  log(`appended to ${path.relative(ROOT, file)}`);
}

function fmt(n: number): string {
  return Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '–';
}

async function expectOk(res: Promise<Response>, what: string): Promise<void> {
  const r = await res;
  if (r.status !== 200) throw new Error(`${what}: HTTP ${r.status}`);
}

async function expectCard(res: Promise<{ type: string; value: unknown }>, what: string): Promise<void> {
  const body = await res;
  if (body.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`${what}: answered ${JSON.stringify(body.value).slice(0, 200)}`);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function log(msg: string): void {
  console.log(`bench: ${msg}`);
}

main().catch((err: unknown) => {
  console.error('bench failed:', err);
  for (const c of children) c.kill('SIGKILL');
  process.exit(1);
});

/** The flags `npm start` gives node, read from package.json so the bench runs what users run. */
function startNodeArgs(): string {
  const start: string = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.start;
  return /^node\s+(.*?)\s*dist\/src\/server\.js/.exec(start)?.[1] ?? '';
}
