/// <reference lib="dom" />
/**
 * End-to-end harness for the Microsoft 365 Agents Playground (@microsoft/m365agentsplayground 0.2.28)
 * driven by headless Debian Chromium through playwright-core.
 *
 * Typical use (see tests/e2e/smoke.test.ts):
 *
 *   const pg = await startPlayground({ botEndpoint: bot.endpoint });   // free port, our YAML config
 *   const b = await launchBrowser();
 *   await openPlayground(b.page, pg.url);
 *   await openGroupChat(b.page);                                       // "Café de la data"
 *   await sendMention(b.page, 'Barista', 'carte');                     // as currentUser (Camille)
 *   await waitForText(b.page, 'Carte de test');
 *   await clickCardButton(b.page, 'Voter (Execute)');                  // last card by default
 *   await sendCustomActivityAs(b.page, pg, USERS.lea, mentionMessage('bonjour'));  // as Léa
 *   await screenshot(b.page, 'after-vote');                            // → /tmp/barista-e2e/after-vote.png
 *   await b.close(); await pg.stop();
 *
 * Everything waits on locators / process output; there are no fixed sleeps.
 * Facts about this Playground version are in tests/e2e/FINDINGS.md.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

// ---------------------------------------------------------------------------------------------
// Constants mirroring tests/e2e/.m365agentsplayground.yml (keep both in sync).
// ---------------------------------------------------------------------------------------------

/** Default config file (five café users + one extra the schema requires). */
export const DEFAULT_CONFIG_PATH = path.join(__dirname, '.m365agentsplayground.yml');

/** Where screenshots go unless E2E_SCREENSHOT_DIR says otherwise. */
export const SCREENSHOT_DIR = process.env.E2E_SCREENSHOT_DIR ?? '/tmp/barista-e2e';

/** Chromium binary (Debian package `chromium`). Never `playwright install`. */
export const CHROMIUM_PATH = process.env.E2E_CHROMIUM_PATH ?? '/usr/bin/chromium';

export const TENANT_ID = '00000000-0000-0000-0000-0000000000001';

/** The bot as the Playground presents it (recipient of every activity, name used for @mentions). */
export const BOT = { id: '00000000-0000-0000-0000-00000000000011', name: 'Barista' } as const;

export interface PlaygroundUser {
  id: string;
  name: string;
  aadObjectId: string;
}

/** camille = currentUser (the person typing in the UI); the others act via custom activities. */
export const USERS = {
  camille: { id: 'user-camille', name: 'Camille Martin', aadObjectId: '00000000-0000-0000-0000-0000000000020' },
  lea: { id: 'user-lea', name: 'Léa Dubois', aadObjectId: '00000000-0000-0000-0000-0000000000021' },
  karim: { id: 'user-karim', name: 'Karim Benali', aadObjectId: '00000000-0000-0000-0000-0000000000022' },
  sophie: { id: 'user-sophie', name: 'Sophie Leroy', aadObjectId: '00000000-0000-0000-0000-0000000000023' },
  hugo: { id: 'user-hugo', name: 'Hugo Moreau', aadObjectId: '00000000-0000-0000-0000-0000000000024' },
  /** 5th entry of `users`: the Playground schema demands exactly five besides currentUser. */
  nina: { id: 'user-nina', name: 'Nina Petit', aadObjectId: '00000000-0000-0000-0000-0000000000025' },
} as const satisfies Record<string, PlaygroundUser>;

export const CURRENT_USER: PlaygroundUser = USERS.camille;

export const GROUP_CHAT = { id: 'group-chat-cafe', name: 'Café de la data' } as const;
export const PERSONAL_CHAT = { id: 'personal-chat-barista', name: 'Personal Chat' } as const;

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const PLAYGROUND_CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');

// ---------------------------------------------------------------------------------------------
// Ports and processes
// ---------------------------------------------------------------------------------------------

/** Asks the OS for a free TCP port on 127.0.0.1 (closed again before returning). */
export async function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface StartPlaygroundOptions {
  /** Bot messaging endpoint, e.g. http://127.0.0.1:3978/api/messages (passed as --app-endpoint). */
  botEndpoint: string;
  /** Port for the Playground web UI + mock connector. Default: a free port. */
  port?: number;
  /** .m365agentsplayground.yml to use (M365_AGENTS_PLAYGROUND_CONFIG_PATH). Default: DEFAULT_CONFIG_PATH. */
  configPath?: string;
  /** Default 'msteams'. */
  channelId?: 'msteams' | 'directline' | 'webchat' | 'emulator' | 'agents';
  /** Extra environment for the CLI process. */
  env?: NodeJS.ProcessEnv;
  /** How long to wait for "Listening on". Default 60 s. */
  startTimeoutMs?: number;
}

export interface PlaygroundHandle {
  /** e.g. http://127.0.0.1:PORT/ — open this in the browser. */
  url: string;
  port: number;
  /** serviceUrl the bot receives and must call back: http://localhost:PORT/_connector */
  serviceUrl: string;
  botEndpoint: string;
  configPath: string;
  /** Playground log file (in a temp dir). */
  logFile: string;
  process: ChildProcess;
  /** Everything the CLI printed so far (stdout + stderr). */
  output(): string;
  /** Kills the CLI (SIGTERM, then SIGKILL after 5 s) and removes its temp dir. */
  stop(): Promise<void>;
}

/**
 * Starts `agentsplayground start` (the CLI of @microsoft/m365agentsplayground) as a child process.
 * TEAMSAPPTESTER_BROWSER=none stops it from opening a browser; telemetry is disabled (--dt).
 * Resolves once the CLI prints "Listening on <port>" and GET / answers (the child is killed on failure).
 * Note: the Playground waits (up to 15 s) for the bot endpoint when the page loads, so start the bot first.
 */
export async function startPlayground(opts: StartPlaygroundOptions): Promise<PlaygroundHandle> {
  const port = opts.port ?? (await getFreePort());
  const configPath = path.resolve(opts.configPath ?? DEFAULT_CONFIG_PATH);
  if (!fs.existsSync(configPath)) throw new Error(`Playground config not found: ${configPath}`);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playground-'));
  const logFile = path.join(workDir, 'm365agentsplayground.log');
  const args = [
    PLAYGROUND_CLI,
    'start',
    '--port',
    String(port),
    '--app-endpoint',
    opts.botEndpoint,
    '--channel-id',
    opts.channelId ?? 'msteams',
    '--disable-telemetry',
  ];
  const child = spawn(process.execPath, args, {
    cwd: workDir, // the CLI writes ./devTools/ relative to cwd
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
      M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));

  const killChild = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  const listeningPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Playground did not start in time. Output:\n${out}`)),
      opts.startTimeoutMs ?? 60_000,
    );
    const onData = () => {
      // The CLI falls back to a random port when the requested one is taken: trust its output.
      const m = /Listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Playground exited early (code ${code}). Output:\n${out}`));
    });
  }).catch((e) => {
    killChild();
    throw e;
  });
  const url = `http://127.0.0.1:${listeningPort}/`;
  await waitForHttp(url, 15_000).catch((e) => {
    killChild();
    throw e;
  });

  const handle: PlaygroundHandle = {
    url,
    port: listeningPort,
    serviceUrl: `http://localhost:${listeningPort}/_connector`,
    botEndpoint: opts.botEndpoint,
    configPath,
    logFile,
    process: child,
    output: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(killTimer);
      }
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
  return handle;
}

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastErr: unknown;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
      lastErr = new Error(`HTTP ${r.status}`);
    } catch (e) {
      lastErr = e;
    }
    await new Promise((r) => setTimeout(r, 200)); // polling interval, not a wait-for-UI sleep
  }
  throw new Error(`${url} not reachable: ${String(lastErr)}`);
}

// ---------------------------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------------------------

export interface BrowserHandle {
  context: BrowserContext;
  page: Page;
  userDataDir: string;
  close(): Promise<void>;
}

/**
 * Launches headless Debian Chromium (/usr/bin/chromium) with a fresh user-data-dir (removed on close).
 * Attach `page.on('console', …)` yourself if you want the browser console.
 */
export async function launchBrowser(
  opts: { viewport?: { width: number; height: number }; locale?: string; slowMo?: number } = {},
): Promise<BrowserHandle> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`${CHROMIUM_PATH} missing: apt-get update && apt-get install -y chromium`);
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: opts.viewport ?? { width: 1400, height: 900 },
    locale: opts.locale ?? 'fr-FR',
    slowMo: opts.slowMo,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    userDataDir,
    close: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Navigation
// ---------------------------------------------------------------------------------------------

/** Loads the Playground UI and waits for the chat list. Every load re-sends installationUpdate +
 *  conversationUpdate to the bot and starts with an EMPTY chat history (history is not persisted). */
export async function openPlayground(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('treeitem', { name: PERSONAL_CHAT.name, exact: true }).waitFor();
}

/** Selects the group chat (by its display name from the YAML) and waits for the compose box. */
export async function openGroupChat(page: Page, chatName: string = GROUP_CHAT.name): Promise<void> {
  await page.getByRole('treeitem', { name: chatName, exact: true }).click();
  await composeBox(page).waitFor();
}

/** Selects the 1:1 chat with the bot (no @mention needed there). */
export async function openPersonalChat(page: Page): Promise<void> {
  await openGroupChat(page, PERSONAL_CHAT.name);
}

/** The Lexical compose box ("Type a message..."). */
export function composeBox(page: Page): Locator {
  return page.locator('[data-lexical-editor="true"][role="textbox"]');
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/**
 * All message blocks currently rendered in the open conversation, oldest first.
 * A block = the parent of `[aria-label="Message header"]` (header + body: text or Adaptive Card).
 * Scoping to this avoids matching the chat-list preview and the Log Panel, which repeat message text.
 */
export function messages(page: Page): Locator {
  return page.locator('[aria-label="Message header"]').locator('xpath=..');
}

export interface ChatMessage {
  /** Author display name, or null for messages typed by currentUser (the UI shows no author for them). */
  author: string | null;
  /** Timestamp as displayed (HH:mm). */
  time: string;
  /** Visible text of the body (card text and button titles included). */
  text: string;
  /** True when the body contains a rendered Adaptive Card. */
  isCard: boolean;
  /** Titles of the card buttons in this message. */
  buttons: string[];
}

/** Snapshot of the conversation as a person sees it. */
export async function readMessages(page: Page): Promise<ChatMessage[]> {
  return messages(page).evaluateAll((blocks) =>
    blocks.map((b) => {
      const header = b.querySelector('[aria-label="Message header"]') as HTMLElement | null;
      const author = b.querySelector('[aria-label="Message author"]') as HTMLElement | null;
      const time = b.querySelector('[aria-label="Message timestamp"]') as HTMLElement | null;
      const full = (b as HTMLElement).innerText ?? '';
      const headerText = header?.innerText ?? '';
      const text = full.startsWith(headerText) ? full.slice(headerText.length) : full;
      const card = b.querySelector('.ac-adaptiveCard, [id^="__ac-"]');
      const buttons = Array.from(b.querySelectorAll('button'))
        .filter((btn) => !btn.hasAttribute('aria-haspopup') && !btn.getAttribute('aria-label')?.startsWith('Dismiss'))
        .map((btn) => (btn as HTMLElement).innerText.trim())
        .filter(Boolean);
      return {
        author: author ? author.innerText.trim() : null,
        time: time?.innerText.trim() ?? '',
        text: text.trim(),
        isCard: !!card,
        buttons,
      };
    }),
  );
}

/**
 * Waits until a message containing `text` is visible in the conversation and returns its block
 * (the last one if several match).
 */
export async function waitForText(
  page: Page,
  text: string | RegExp,
  opts: { timeout?: number } = {},
): Promise<Locator> {
  const loc = messages(page).filter({ hasText: text }).last();
  await loc.waitFor({ state: 'visible', timeout: opts.timeout ?? 30_000 });
  return loc;
}

/** Waits until no message contains `text` (e.g. after the bot replaced a card). */
export async function waitForTextGone(
  page: Page,
  text: string | RegExp,
  opts: { timeout?: number } = {},
): Promise<void> {
  await messages(page)
    .filter({ hasText: text })
    .first()
    .waitFor({ state: 'detached', timeout: opts.timeout ?? 30_000 });
}

/**
 * Sends "@<botName> <text>" as currentUser in the open chat: types "@" + botName, picks the bot in
 * the mention menu (role=menuitem named exactly botName), types the rest, clicks "Send Message".
 * The bot receives text "<at>Barista</at> <text>" with a mention entity.
 * Resolves when the sent message is shown.
 */
export async function sendMention(page: Page, botName: string, text: string): Promise<void> {
  const box = composeBox(page);
  await box.click();
  // The typeahead lists the bot and every user (users' items are named "<initial> <name>").
  // It opens only once a character follows "@", and typing "@Barista" in one go is too fast for the
  // Lexical typeahead (the menu never opens). So type "@" then the name one char at a time until
  // the bot's item shows, and click it.
  // (accessible name is "Barista Barista" because of the avatar's aria-label: match on text)
  const item = page.getByRole('menuitem').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(botName)}\\s*$`) });
  await page.keyboard.type('@');
  let shown = false;
  for (const ch of botName) {
    await page.keyboard.type(ch);
    shown = await item
      .waitFor({ timeout: 1_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) break;
  }
  if (!shown) await item.waitFor({ timeout: 5_000 });
  await item.click();
  await page.keyboard.type(` ${text}`);
  await sendComposed(page, `${botName} ${text}`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Sends plain text (no mention). In the group chat the bot will NOT receive it (Teams behaviour). */
export async function sendText(page: Page, text: string): Promise<void> {
  await composeBox(page).click();
  await page.keyboard.type(text);
  await sendComposed(page, text);
}

async function sendComposed(page: Page, shownText: string): Promise<void> {
  const before = await messages(page).count();
  await page.getByRole('button', { name: 'Send Message', exact: true }).click();
  // The own message is rendered at once (before any bot reply can arrive): wait for a new block.
  await messages(page).nth(before).waitFor();
  const shown = (await messages(page).nth(before).innerText()).replace(/\s+/g, ' ');
  if (!shown.includes(shownText.replace(/\s+/g, ' ').trim())) {
    throw new Error(`sent message shows "${shown}", expected it to contain "${shownText}"`);
  }
}

// ---------------------------------------------------------------------------------------------
// Adaptive Cards
// ---------------------------------------------------------------------------------------------

export interface CardButtonOptions {
  /** 0-based index among all matching buttons in the conversation (oldest first). */
  nth?: number;
  /** Click the most recent matching button (default when nth is not given). */
  last?: boolean;
  /** Restrict to messages containing this text (e.g. the card title). */
  inMessageWith?: string | RegExp;
  timeout?: number;
}

/**
 * Clicks an Adaptive Card button (Action.Execute / Action.Submit / …) by its title.
 * Action.Execute → invoke `adaptiveCard/action` to the bot; the invoke response card replaces the
 * card in place and a "Your response was sent to the app" banner appears under it.
 * Action.Submit → message activity with `value` = the action data and `replyToId` = the card's id.
 */
export async function clickCardButton(page: Page, label: string | RegExp, opts: CardButtonOptions = {}): Promise<void> {
  let scope = messages(page);
  if (opts.inMessageWith !== undefined) scope = scope.filter({ hasText: opts.inMessageWith });
  const all = scope.getByRole('button', { name: label, exact: typeof label === 'string' });
  const btn = opts.nth !== undefined ? all.nth(opts.nth) : all.last();
  await btn.click({ timeout: opts.timeout ?? 30_000 });
}

// ---------------------------------------------------------------------------------------------
// Other users: custom activities
// ---------------------------------------------------------------------------------------------

/** A message "<at>Bot</at> text" with the mention entity, as Teams sends it. */
export function mentionMessage(text: string, bot: { id: string; name: string } = BOT): Record<string, unknown> {
  return {
    type: 'message',
    text: `<at>${bot.name}</at> ${text}`,
    entities: [{ type: 'mention', text: `<at>${bot.name}</at>`, mentioned: { id: bot.id, name: bot.name } }],
  };
}

/** What Teams sends when a user clicks an Action.Execute button (invoke adaptiveCard/action). */
export function cardExecuteInvoke(verb: string, data: unknown = {}, replyToId?: string): Record<string, unknown> {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** What Teams sends when a user clicks an Action.Submit button (message with value). */
export function cardSubmitMessage(data: Record<string, unknown>, replyToId?: string): Record<string, unknown> {
  return { type: 'message', replyToId, value: data };
}

/**
 * Builds the full activity the Playground would send for `user` in `conversationId`: the server's
 * own template (fresh id, timestamp, channelId, serviceUrl, recipient, conversation), then
 * from = user, then your fields on top (deep-merged one level for objects like channelData).
 */
export async function buildCustomActivity(
  pg: { url: string },
  user: PlaygroundUser,
  activity: Record<string, unknown>,
  conversationId: string = GROUP_CHAT.id,
): Promise<Record<string, unknown>> {
  const r = await fetch(
    new URL(`_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`, pg.url),
  );
  if (!r.ok) throw new Error(`custom activity template: HTTP ${r.status} ${await r.text()}`);
  const template = (await r.json()) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...template, from: { ...user } };
  for (const [k, v] of Object.entries(activity)) {
    if (v === undefined) continue;
    const base = merged[k];
    merged[k] =
      v && typeof v === 'object' && !Array.isArray(v) && base && typeof base === 'object' && !Array.isArray(base)
        ? { ...(base as object), ...(v as object) }
        : v;
  }
  if (merged.type === '<custom-activity-type>') merged.type = 'message';
  return merged;
}

/**
 * Sends an activity to the bot AS ANOTHER USER through the UI: "Mock an Activity" → "Custom activity",
 * replaces the JSON in the Monaco editor, switches to the "JSON" tab if the dialog offered a form,
 * clicks "Send activity" and waits for the dialog to close.
 *
 * `activity` is merged over the server template with from = user (see buildCustomActivity), so
 * `{ type: 'message', text: 'hi' }` or `cardExecuteInvoke('vote', {...})` is enough.
 * The Playground does NOT render the mock user's own message in the chat; only what the bot sends
 * back (sendActivity / updateActivity) shows up. An invoke's response body is discarded.
 * Returns the activity that was sent.
 */
export async function sendCustomActivityAs(
  page: Page,
  pg: { url: string },
  user: PlaygroundUser,
  activity: Record<string, unknown>,
  opts: { conversationId?: string } = {},
): Promise<Record<string, unknown>> {
  const full = await buildCustomActivity(pg, user, activity, opts.conversationId ?? GROUP_CHAT.id);
  const json = JSON.stringify(full, null, 2);

  await page.getByRole('button', { name: 'Mock an Activity', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Custom activity', exact: true }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: 'Custom activity' });
  const editor = dialog.locator('.monaco-editor');
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  // Typing into Monaco auto-closes brackets/quotes and re-indents → invalid JSON. A synthetic paste
  // event inserts the text verbatim.
  await editor.locator('textarea').evaluate((ta, text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, json);
  // Once the JSON is valid, 0.2.28 shows "Form | JSON" tabs and selects Form (a "Mention in Word"
  // form whose Send fails with "Display Name is required."). Go back to the JSON tab.
  const jsonTab = dialog.getByRole('tab', { name: 'JSON', exact: true });
  await jsonTab.waitFor({ timeout: 1_500 }).catch(() => undefined); // only message-like JSON gets the tabs
  if (await jsonTab.count()) {
    if ((await jsonTab.getAttribute('aria-selected')) !== 'true') await jsonTab.click();
  }
  if (await dialog.getByText('Invalid JSON format').count()) {
    throw new Error('Custom activity editor reports "Invalid JSON format"');
  }
  await dialog.getByRole('button', { name: 'Send activity', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  return full;
}

/**
 * Same effect as sendCustomActivityAs but without the UI: POSTs the activity to the endpoint the
 * dialog itself uses (POST /_internal/v1/customActivities, answers 200 before the bot is called).
 * Useful for many mock votes; the UI path is the one that proves a person could do it.
 */
export async function postCustomActivity(
  pg: { url: string },
  user: PlaygroundUser,
  activity: Record<string, unknown>,
  opts: { conversationId?: string } = {},
): Promise<Record<string, unknown>> {
  const full = await buildCustomActivity(pg, user, activity, opts.conversationId ?? GROUP_CHAT.id);
  const r = await fetch(new URL('_internal/v1/customActivities', pg.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(full),
  });
  if (!r.ok) throw new Error(`POST customActivities: HTTP ${r.status} ${await r.text()}`);
  return full;
}

// ---------------------------------------------------------------------------------------------
// Screenshots and polling
// ---------------------------------------------------------------------------------------------

/** Full-window PNG in SCREENSHOT_DIR (default /tmp/barista-e2e); returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Polls `fn` until it returns a truthy value (for bot-side state such as received activities). */
export async function waitUntil<T>(fn: () => T | Promise<T>, opts: { timeout?: number; interval?: number; what?: string } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + (opts.timeout ?? 30_000);
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${opts.what ?? 'condition'}`);
    await new Promise((r) => setTimeout(r, opts.interval ?? 100));
  }
}
