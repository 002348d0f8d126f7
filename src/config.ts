import { z } from 'zod';

/**
 * The environment, validated once at start. A bad value stops the start with a message that
 * names the variable and what is wrong (see env.sample for every variable).
 */
const Bool = z.enum(['true', 'false', '1', '0', 'yes', 'no', '']).transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3978),
  /** Default: 0.0.0.0, or 127.0.0.1 in local anonymous mode so an unauthenticated endpoint is never exposed. */
  HOST: z.string().default(''),
  MicrosoftAppId: z.string().trim().default(''),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  MicrosoftAppTenantId: z.string().default(''),
  BARISTA_LOCAL_MODE: Bool.default(false),
  DATA_DIR: z.string().min(1).default('./data'),
  CONTENT_DIR: z.string().default(''),
  VIDEO_LINKS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Tenant ids allowed to use the bot, comma-separated; empty: every tenant. */
  ALLOWED_TENANTS: z
    .string()
    .default('')
    .refine((v) => v.split(',').map((t) => t.trim()).filter(Boolean).every((t) => /^[0-9a-fA-F-]{36}$/.test(t)), {
      message: 'liste d’identifiants de locataires (GUID) séparés par des virgules',
    }),
  /** Barista's public https address (the messaging endpoint's host), for the in-meeting notifications' page. */
  PUBLIC_URL: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || /^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(v) || /^http:\/\/(localhost|127\.0\.0\.1|10(\.\d{1,3}){3}|192\.168(\.\d{1,3}){2}|172\.(1[6-9]|2\d|3[01])(\.\d{1,3}){2})(:\d+)?\/?$/.test(v), {
      message: 'doit être une adresse https://… (celle de Barista), ou http://localhost:PORT pour essayer en local, ou http://<adresse du réseau local>:PORT pour un café en salle',
    }),
  /** The most people one café takes through the web door (participant pages). */
  WEB_MAX_PARTICIPANTS: z.coerce.number().int().min(1).max(5000).default(300),
  /** Behind a reverse proxy: the web door's limits count the client's address from X-Forwarded-For. */
  TRUST_PROXY: Bool.default(false),
  /** Signs the recap's export links; set the same value on every instance (default: random per process). */
  EXPORT_SECRET: z.string().default('').refine((v) => v === '' || v.length >= 32, { message: 'au moins 32 caractères' }),
  /** Days an ended café is kept before it is purged (RGPD: no longer than needed). */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Offer /menu with a short card when a meeting with Barista starts. */
  MEETING_START_CARD: Bool.default(true),
  /** Scale-out: cafés, votes and timers in this Redis, shared by every instance. Empty: SQLite + in-process timers. */
  REDIS_URL: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || (/^rediss?:\/\/[^\s]+$/.test(v) && z.string().url().safeParse(v).success), {
      message: 'doit être une URL redis://[utilisateur:motdepasse@]hôte:port[/base] (ou rediss:// en TLS)',
    }),
  /**
   * Teams calls per second per tenant (Teams' global limit: 50 per app per tenant): this process's
   * with SQLite; with REDIS_URL, all the instances' together (counted in Redis).
   */
  TEAMS_TENANT_RPS: z.coerce.number().int().min(1).max(1000).default(50),
  /**
   * Seconds a stopping instance keeps answering (`/readyz` 503 draining, changes 503 + Retry-After)
   * before it closes its port, so the load balancer notices first.
   */
  DRAIN_GRACE_S: z.coerce.number().min(0).max(300).default(10),
  /** Prefix of every Redis key (and of the BullMQ queue), so several deployments can share a Redis. */
  REDIS_PREFIX: z
    .string()
    .default('barista:')
    .refine((v) => /^[A-Za-z0-9:_.{}-]{1,64}$/.test(v), { message: 'lettres, chiffres et : _ . - { } uniquement, 64 caractères au plus' }),
  /** The Tchap door (Matrix): Barista's homeserver, e.g. https://matrix.agent.tchap.gouv.fr. Empty: no Tchap door. */
  TCHAP_HOMESERVER_URL: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || /^https:\/\/[^\s/]+\/?$/.test(v) || /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/?$/.test(v), {
      message: 'doit être l’adresse https://… du serveur Matrix (http://localhost:PORT ou http://127.0.0.1:PORT pour essayer en local)',
    }),
  /** Barista's Matrix account: @barista:agent.tchap.gouv.fr */
  TCHAP_USER_ID: z.string().trim().default('').refine((v) => v === '' || /^@[a-z0-9._=\-/+]+:[A-Za-z0-9.-]+(:\d+)?$/.test(v), {
    message: 'doit être un identifiant Matrix de la forme @barista:serveur',
  }),
  TCHAP_ACCESS_TOKEN: z.string().trim().default(''),
  TCHAP_PASSWORD: z.string().default(''),
  /** The homeservers (server names) whose people may invite and use Barista, comma-separated; empty: any. */
  TCHAP_ALLOWED_HOMESERVERS: z
    .string()
    .default('')
    .refine((v) => v.split(',').map((h) => h.trim()).filter(Boolean).every((h) => /^[A-Za-z0-9.-]+(:\d+)?$/.test(h)), {
      message: 'liste de noms de serveurs Matrix (agent.tchap.gouv.fr, …) séparés par des virgules',
    }),
  TCHAP_DISPLAY_NAME: z.string().trim().min(1).max(100).default('Barista'),
  /** The language Barista speaks in Tchap rooms (a Matrix event does not say the person's). */
  TCHAP_LOCALE: z.enum(['fr', 'en']).default('fr'),
  /** The Tchap door's state file (its device keys, sync position, events handled). Default: DATA_DIR/tchap.sqlite. */
  TCHAP_STATE_PATH: z.string().trim().default(''),
  /**
   * Tests only: trust this identity provider's OpenID configuration (and BOT_TOKEN_ISSUER as the
   * tokens' issuer) instead of Bot Framework's. Both or neither.
   */
  BOT_OPENID_METADATA_URL: z.string().trim().default('').refine((v) => v === '' || z.string().url().safeParse(v).success, { message: 'doit être une URL' }),
  BOT_TOKEN_ISSUER: z.string().trim().default(''),
});

export interface Config {
  port: number;
  host: string;
  appId: string;
  appPassword: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  appTenantId: string;
  /** Anonymous mode for the Agents Playground: no token is checked. Never in production. */
  localMode: boolean;
  /**
   * The Teams door: 'app' (MicrosoftAppId: tokens checked), 'local' (BARISTA_LOCAL_MODE, anonymous,
   * the Agents Playground), or 'off' (neither: the web door alone, /api/messages answers 404).
   * Absent (tests building a Config by hand): 'app' with an app id, else 'local'.
   */
  teams?: 'app' | 'local' | 'off';
  dataDir: string;
  contentDir?: string;
  /** Per-video links that replace the guide's playlist: video id → URL. */
  videoLinks: Record<string, string>;
  logLevel: string;
  /** Set: Redis store + BullMQ timers (several instances); unset: SQLite + in-process timers. */
  redisUrl?: string;
  /** Prefix of Redis keys, default 'barista:'. */
  redisPrefix?: string;
  /** Tenants allowed to use the bot (empty or absent: all). */
  allowedTenants?: string[];
  /** Offer /menu when a meeting starts (absent: true). */
  meetingStartCard?: boolean;
  /** Barista's public https address (in-meeting notifications). */
  publicUrl?: string;
  /** Days an ended café is kept (absent: 30). */
  retentionDays?: number;
  /** Signs export links (absent: random per process). */
  exportSecret?: string;
  /** Teams calls per second per tenant: this process's (SQLite) or all instances' (Redis); absent: 50, Teams' global limit. */
  tenantCallsPerSecond?: number;
  /** Grace period of a graceful stop before the port closes, ms (absent: none; DRAIN_GRACE_S gives 10 s). */
  drainGraceMs?: number;
  /** The most participants one café takes through the web door (absent: 300). */
  webMaxParticipants?: number;
  /** The client's address is the first of X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /** The Tchap door, when configured (TCHAP_HOMESERVER_URL). */
  tchap?: TchapConfig;
  /** Tests only: the identity provider whose tokens are trusted instead of Bot Framework's. */
  tokenAuthority?: { openIdMetadataUrl: string; issuer: string };
}

export interface TchapConfig {
  homeserverUrl: string;
  userId: string;
  accessToken?: string;
  password?: string;
  /** Server names whose people may use Barista (empty: any). */
  allowedHomeservers: string[];
  displayName: string;
  locale: 'fr' | 'en';
  statePath: string;
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/** Reads and checks the environment; throws ConfigError naming the variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Configuration invalide : ${lines.join(' ; ')}`);
  }
  const e = parsed.data;
  if (e.MicrosoftAppId && e.MicrosoftAppType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
    throw new ConfigError('Configuration invalide : MicrosoftAppPassword est vide alors que MicrosoftAppId est renseigné.');
  }
  if (e.MicrosoftAppType === 'SingleTenant' && !e.MicrosoftAppTenantId) {
    throw new ConfigError('Configuration invalide : MicrosoftAppTenantId est requis quand MicrosoftAppType=SingleTenant.');
  }
  if (!e.BOT_OPENID_METADATA_URL !== !e.BOT_TOKEN_ISSUER) {
    throw new ConfigError('Configuration invalide : BOT_OPENID_METADATA_URL et BOT_TOKEN_ISSUER vont ensemble (tests uniquement).');
  }
  if (!e.TCHAP_HOMESERVER_URL !== !e.TCHAP_USER_ID) {
    throw new ConfigError('Configuration invalide : TCHAP_HOMESERVER_URL et TCHAP_USER_ID vont ensemble (le serveur Matrix et le compte de Barista).');
  }
  if (e.TCHAP_HOMESERVER_URL && !e.TCHAP_ACCESS_TOKEN && !e.TCHAP_PASSWORD) {
    throw new ConfigError('Configuration invalide : TCHAP_ACCESS_TOKEN (ou TCHAP_PASSWORD) est requis avec TCHAP_HOMESERVER_URL.');
  }
  return {
    port: e.PORT,
    // Every address with a Teams app, or for the web door alone with a public address; the
    // loopback otherwise, and always in the anonymous local mode unless HOST says so.
    host: e.HOST || (e.MicrosoftAppId || (!e.BARISTA_LOCAL_MODE && e.PUBLIC_URL) ? '0.0.0.0' : '127.0.0.1'),
    appId: e.MicrosoftAppId,
    appPassword: e.MicrosoftAppPassword,
    appType: e.MicrosoftAppType,
    appTenantId: e.MicrosoftAppTenantId,
    localMode: !e.MicrosoftAppId && e.BARISTA_LOCAL_MODE,
    teams: e.MicrosoftAppId ? 'app' : e.BARISTA_LOCAL_MODE ? 'local' : 'off',
    dataDir: e.DATA_DIR,
    contentDir: e.CONTENT_DIR || undefined,
    videoLinks: parseVideoLinks(e.VIDEO_LINKS),
    logLevel: e.LOG_LEVEL,
    redisUrl: e.REDIS_URL || undefined,
    redisPrefix: e.REDIS_PREFIX,
    allowedTenants: e.ALLOWED_TENANTS.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean),
    meetingStartCard: e.MEETING_START_CARD,
    publicUrl: e.PUBLIC_URL || undefined,
    retentionDays: e.RETENTION_DAYS,
    exportSecret: e.EXPORT_SECRET || undefined,
    tenantCallsPerSecond: e.TEAMS_TENANT_RPS,
    drainGraceMs: Math.round(e.DRAIN_GRACE_S * 1000),
    webMaxParticipants: e.WEB_MAX_PARTICIPANTS,
    trustProxy: e.TRUST_PROXY,
    ...(e.TCHAP_HOMESERVER_URL
      ? {
          tchap: {
            homeserverUrl: e.TCHAP_HOMESERVER_URL.replace(/\/$/, ''),
            userId: e.TCHAP_USER_ID,
            ...(e.TCHAP_ACCESS_TOKEN ? { accessToken: e.TCHAP_ACCESS_TOKEN } : {}),
            ...(e.TCHAP_PASSWORD ? { password: e.TCHAP_PASSWORD } : {}),
            allowedHomeservers: e.TCHAP_ALLOWED_HOMESERVERS.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
            displayName: e.TCHAP_DISPLAY_NAME,
            locale: e.TCHAP_LOCALE,
            statePath: e.TCHAP_STATE_PATH || `${e.DATA_DIR.replace(/\/$/, '')}/tchap.sqlite`,
          },
        }
      : {}),
    ...(e.BOT_OPENID_METADATA_URL ? { tokenAuthority: { openIdMetadataUrl: e.BOT_OPENID_METADATA_URL, issuer: e.BOT_TOKEN_ISSUER } } : {}),
  };
}

/** VIDEO_LINKS="ban=https://…,geodae=https://…" */
function parseVideoLinks(raw: string): Record<string, string> {
  const links: Record<string, string> = {};
  for (const pair of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.indexOf('=');
    const id = pair.slice(0, at).trim();
    const url = pair.slice(at + 1).trim();
    if (at <= 0 || !z.string().url().safeParse(url).success) {
      throw new ConfigError(`Configuration invalide : VIDEO_LINKS, « ${pair} » n'est pas de la forme identifiant=https://…`);
    }
    links[id] = url;
  }
  return links;
}
