/**
 * A real Synapse homeserver for the Tchap (Matrix) tests: started by the test itself, on 127.0.0.1
 * and a free port, SQLite, no federation, registration closed (users are made with the shared
 * secret admin API), rate limits lifted; its data lives in a temporary folder that `stop` removes.
 *
 * Getting Synapse without the tests: `npx tsx scripts/synapse.ts --ensure` makes a Python venv in
 * <repo>/.synapse/venv (git-ignored) with the pinned `matrix-synapse` from PyPI (needs python3
 * with its venv module, ~20 s with a warm pip cache). `startSynapse` calls the same thing, so a
 * first run without it waits for pip; .ci/run does it beforehand. To run a server by hand:
 * write a homeserver.yaml like `homeserverConfig` below and
 * `.synapse/venv/bin/python -m synapse.app.homeserver -c homeserver.yaml`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { ensureSynapse } from '../../scripts/synapse';
import { freePort } from './ports';

export interface SynapseUser {
  userId: string;
  accessToken: string;
  deviceId: string;
}

export interface Synapse {
  /** Client-server API base, e.g. http://127.0.0.1:40123 */
  url: string;
  serverName: string;
  /** Makes the account (shared-secret admin registration) then logs in: a fresh device. */
  registerUser(localpart: string, password: string, admin?: boolean): Promise<SynapseUser>;
  /** Another device of an existing account. */
  login(localpart: string, password: string): Promise<SynapseUser>;
  /** SIGTERM, SIGKILL after 5 s; then removes the data folder. */
  stop(): Promise<void>;
}

export interface SynapseOptions {
  port?: number;
  serverName?: string;
  /** Where the venv lives (default <repo>/.synapse). */
  dir?: string;
  /** How long to wait for /_matrix/client/versions (default 60 s). */
  startTimeoutMs?: number;
}

const SERVER_NAME = 'barista.test';

/** Every client-side rate limit Synapse knows, lifted (tests send bursts). */
const NO_LIMIT = { per_second: 10_000, burst_count: 10_000 };
const RATE_LIMITS = {
  rc_message: NO_LIMIT,
  rc_registration: NO_LIMIT,
  rc_registration_token_validity: NO_LIMIT,
  rc_login: { address: NO_LIMIT, account: NO_LIMIT, failed_attempts: NO_LIMIT },
  rc_admin_redaction: NO_LIMIT,
  rc_joins: { local: NO_LIMIT, remote: NO_LIMIT },
  rc_joins_per_room: NO_LIMIT,
  rc_3pid_validation: NO_LIMIT,
  rc_invites: { per_room: NO_LIMIT, per_user: NO_LIMIT, per_issuer: NO_LIMIT },
  rc_third_party_invite: NO_LIMIT,
  rc_media_create: NO_LIMIT,
  rc_presence: { per_user: NO_LIMIT },
  rc_delayed_event_mgmt: NO_LIMIT,
  rc_reports: NO_LIMIT,
  rc_room_creation: NO_LIMIT,
  rc_key_requests: NO_LIMIT,
};

/** homeserver.yaml's content (JSON is YAML): loopback client listener only, SQLite, no federation. */
export function homeserverConfig(p: { dataDir: string; port: number; serverName: string; sharedSecret: string }): object {
  return {
    server_name: p.serverName,
    public_baseurl: `http://127.0.0.1:${p.port}/`,
    pid_file: path.join(p.dataDir, 'homeserver.pid'),
    listeners: [{ port: p.port, bind_addresses: ['127.0.0.1'], type: 'http', tls: false, x_forwarded: false, resources: [{ names: ['client'], compress: false }] }],
    database: { name: 'sqlite3', args: { database: path.join(p.dataDir, 'homeserver.db') } },
    log_config: path.join(p.dataDir, 'log.yaml'),
    media_store_path: path.join(p.dataDir, 'media_store'),
    signing_key_path: path.join(p.dataDir, 'signing.key'),
    registration_shared_secret: p.sharedSecret,
    macaroon_secret_key: randomBytes(24).toString('hex'),
    form_secret: randomBytes(24).toString('hex'),
    enable_registration: false,
    report_stats: false,
    enable_metrics: false,
    url_preview_enabled: false,
    presence: { enabled: false },
    federation_domain_whitelist: [],
    trusted_key_servers: [],
    suppress_key_server_warning: true,
    // Threads (m.thread) and polls (m.poll.*) need no experimental flag in current Synapse.
    ...RATE_LIMITS,
  };
}

/** Python logging config: WARNING and above, to a file in the data folder. */
export function logConfig(logFile: string): object {
  return {
    version: 1,
    formatters: { precise: { format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(message)s' } },
    handlers: { file: { class: 'logging.FileHandler', formatter: 'precise', filename: logFile, encoding: 'utf8' } },
    root: { level: 'WARNING', handlers: ['file'] },
    disable_existing_loggers: false,
  };
}

/** Synapse's signing key file line: `ed25519 <key id> <unpadded base64 of the 32-byte seed>`. */
export function signingKeyLine(): string {
  const jwk = generateKeyPairSync('ed25519').privateKey.export({ format: 'jwk' });
  const seed = Buffer.from(z.string().parse(jwk.d), 'base64url').toString('base64').replace(/=+$/, '');
  return `ed25519 a_${randomBytes(3).toString('hex')} ${seed}\n`;
}

/** The shared-secret registration MAC: HMAC-SHA1 over nonce, user, password, admin flag, NUL-separated. */
export function registrationMac(sharedSecret: string, nonce: string, username: string, password: string, admin: boolean): string {
  return createHmac('sha1', sharedSecret)
    .update([nonce, username, password, admin ? 'admin' : 'notadmin'].join('\0'))
    .digest('hex');
}

const Nonce = z.object({ nonce: z.string() });
const Login = z.object({ user_id: z.string(), access_token: z.string(), device_id: z.string() });

export async function startSynapse(options: SynapseOptions = {}): Promise<Synapse> {
  const python = await ensureSynapse(options.dir);
  const port = options.port ?? (await freePort());
  const serverName = options.serverName ?? SERVER_NAME;
  const sharedSecret = randomBytes(24).toString('hex');
  const dataDir = mkdtempSync(path.join(tmpdir(), 'barista-synapse-'));
  const logFile = path.join(dataDir, 'homeserver.log');
  const configFile = path.join(dataDir, 'homeserver.yaml');
  mkdirSync(path.join(dataDir, 'media_store'));
  writeFileSync(configFile, JSON.stringify(homeserverConfig({ dataDir, port, serverName, sharedSecret }), null, 2));
  writeFileSync(path.join(dataDir, 'log.yaml'), JSON.stringify(logConfig(logFile), null, 2));
  writeFileSync(path.join(dataDir, 'signing.key'), signingKeyLine());

  const url = `http://127.0.0.1:${port}`;
  const output: string[] = [];
  const child = spawn(python, ['-m', 'synapse.app.homeserver', '-c', configFile], { cwd: dataDir, stdio: ['ignore', 'pipe', 'pipe'] });
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    await terminate(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilUp(url, child, options.startTimeoutMs ?? 60_000);
  } catch (err) {
    const log = readTail(logFile);
    await stop();
    throw new Error(`${(err as Error).message}\n--- output ---\n${output.join('')}\n--- homeserver.log ---\n${log}`);
  }

  const login = async (localpart: string, password: string): Promise<SynapseUser> => {
    const body = await call(url, '/_matrix/client/v3/login', {
      type: 'm.login.password',
      identifier: { type: 'm.id.user', user: localpart },
      password,
      initial_device_display_name: 'barista tests',
    });
    const parsed = Login.parse(body);
    return { userId: parsed.user_id, accessToken: parsed.access_token, deviceId: parsed.device_id };
  };

  const registerUser = async (localpart: string, password: string, admin = false): Promise<SynapseUser> => {
    const { nonce } = Nonce.parse(await call(url, '/_synapse/admin/v1/register'));
    await call(url, '/_synapse/admin/v1/register', { nonce, username: localpart, password, admin, mac: registrationMac(sharedSecret, nonce, localpart, password, admin) });
    return login(localpart, password);
  };

  return { url, serverName, registerUser, login, stop };
}

/** GET without a body, POST with one; the JSON answer, or an error that says what Synapse said. */
async function call(url: string, route: string, body?: object): Promise<unknown> {
  const res = await fetch(url + route, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`Synapse ${route}: ${res.status} ${text}`);
  return JSON.parse(text) as unknown;
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`Synapse exited (${child.exitCode ?? child.signalCode}) before answering`);
    try {
      const res = await fetch(`${url}/_matrix/client/versions`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Synapse did not answer ${url}/_matrix/client/versions within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function readTail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-60).join('\n');
  } catch {
    return '(no log)';
  }
}
