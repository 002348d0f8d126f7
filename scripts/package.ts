/**
 * `npm run package`: builds the Teams app package appPackage/barista.zip from
 * manifest/manifest.template.json and the two committed icons.
 *
 * 1. reads the environment (BOT_ID or MicrosoftAppId, BOT_DOMAIN, APP_VERSION, APP_ID, PUBLISHER_URL)
 *    and refuses, naming each variable, when one is missing or malformed;
 * 2. fills the template's {{PLACEHOLDERS}};
 * 3. validates the result with @microsoft/app-manifest against the JSON schema it bundles (offline:
 *    the template's $schema is the address the package maps to its own copy);
 * 4. checks the icons (colour 192×192; outline 32×32, white on a transparent background);
 * 5. zips manifest.json, color.png and outline.png at the root of the archive.
 *
 * Any problem exits with a non-zero code and a message that says what to fix.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

const ROOT = path.join(__dirname, '..');

/** The newest Teams manifest version whose schema @microsoft/app-manifest bundles. */
export const MANIFEST_VERSION = '1.30';
/** The schema address that @microsoft/app-manifest resolves to its bundled copy (no network). */
export const SCHEMA_URL = `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
/** Name of the archive written in the output folder. */
export const PACKAGE_FILE = 'barista.zip';

export const COLOR_ICON = { file: 'color.png', size: 192 } as const;
export const OUTLINE_ICON = { file: 'outline.png', size: 32 } as const;

/** Every problem found, one per line: the variable, manifest path or icon, and what is wrong. */
export class PackageError extends Error {
  constructor(
    readonly title: string,
    readonly problems: readonly string[],
  ) {
    super([title, ...problems.map((p) => `  - ${p}`)].join('\n'));
    this.name = 'PackageError';
  }
}

export interface PackageOptions {
  /** The manifest template (default manifest/manifest.template.json). */
  templatePath?: string;
  /** The folder holding color.png and outline.png (default manifest/). */
  iconsDir?: string;
}

export interface PackageResult {
  zipPath: string;
  manifest: Record<string, unknown>;
}

/** The values that replace the template's {{PLACEHOLDERS}}. */
export interface PackageValues {
  BOT_ID: string;
  BOT_DOMAIN: string;
  APP_VERSION: string;
  APP_ID: string;
  PUBLISHER_URL: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const GUID = /^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const VERSION = /^\d{1,9}\.\d{1,9}\.\d{1,9}$/;

function packageJsonVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '';
}

function hostProblem(name: string, value: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    return `${name}="${value}" : donnez le nom d'hôte seul, sans « https:// » (ex. barista.example.fr).`;
  }
  const labels = value.split('.');
  if (value.length > 253 || labels.length < 2 || !labels.every((l) => HOST_LABEL.test(l))) {
    return `${name}="${value}" n'est pas un nom d'hôte (ex. barista.example.fr : sans schéma, chemin, port ni espace).`;
  }
  return undefined;
}

/**
 * Reads and checks the packaging variables. BOT_ID falls back to MicrosoftAppId, APP_ID to BOT_ID,
 * APP_VERSION to package.json's version, PUBLISHER_URL to https://BOT_DOMAIN.
 */
export function readPackageEnv(env: Env): PackageValues {
  const get = (name: string) => env[name]?.trim() || undefined;
  const problems: string[] = [];

  const botIdName = get('BOT_ID') ? 'BOT_ID' : 'MicrosoftAppId';
  const botId = get('BOT_ID') ?? get('MicrosoftAppId');
  if (!botId) problems.push("BOT_ID est manquant : donnez l'identifiant d'application du bot (BOT_ID ou MicrosoftAppId).");
  else if (!GUID.test(botId)) problems.push(`${botIdName}="${botId}" n'est pas un GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).`);

  const domain = get('BOT_DOMAIN');
  if (!domain) problems.push("BOT_DOMAIN est manquant : donnez le nom d'hôte public du bot (ex. barista.example.fr).");
  else {
    const p = hostProblem('BOT_DOMAIN', domain);
    if (p) problems.push(p);
  }

  const version = get('APP_VERSION') ?? packageJsonVersion();
  if (!VERSION.test(version)) problems.push(`APP_VERSION="${version}" doit être de la forme majeur.mineur.correctif (ex. 1.0.0).`);

  const appId = get('APP_ID') ?? botId;
  if (get('APP_ID') && !GUID.test(get('APP_ID') as string)) problems.push(`APP_ID="${get('APP_ID')}" n'est pas un GUID.`);

  let publisher = get('PUBLISHER_URL') ?? (domain ? `https://${domain}` : '');
  if (get('PUBLISHER_URL')) {
    let url: URL | undefined;
    try {
      url = new URL(publisher);
    } catch {
      url = undefined;
    }
    if (!url || url.protocol !== 'https:' || url.search || url.hash) {
      problems.push(`PUBLISHER_URL="${publisher}" doit être une adresse https:// sans paramètres (ex. https://www.example.fr/barista).`);
    }
    publisher = publisher.replace(/\/+$/, '');
  }

  if (problems.length > 0) throw new PackageError('Paquet Teams non construit : variables à corriger.', problems);
  return { BOT_ID: botId!, BOT_DOMAIN: domain!.toLowerCase(), APP_VERSION: version, APP_ID: appId!, PUBLISHER_URL: publisher };
}

/** Replaces every {{NAME}} of the template; an unknown or leftover placeholder is an error. */
export function fillTemplate(template: string, values: PackageValues): Record<string, unknown> {
  const unknown = new Set<string>();
  const filled = template.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (whole, name: string) => {
    if (!(name in values)) {
      unknown.add(name);
      return whole;
    }
    // The value goes inside a JSON string: escape it as JSON would.
    return JSON.stringify(values[name as keyof PackageValues]).slice(1, -1);
  });
  if (unknown.size > 0) {
    throw new PackageError('Modèle de manifeste invalide.', [...unknown].map((n) => `{{${n}}} : variable inconnue du modèle.`));
  }
  try {
    return JSON.parse(filled) as Record<string, unknown>;
  } catch (e) {
    throw new PackageError('Modèle de manifeste invalide.', [`JSON illisible : ${(e as Error).message}`]);
  }
}

/**
 * Validates a filled manifest against the Teams schema bundled with @microsoft/app-manifest.
 * Returns one line per error, "<path> <message>" (path "/" for the root); empty when valid.
 */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  if (manifest.$schema !== SCHEMA_URL) {
    // Any other address would make the library fetch a schema over the network.
    return [`/$schema doit valoir ${SCHEMA_URL} (schéma ${MANIFEST_VERSION} fourni par @microsoft/app-manifest).`];
  }
  const schema = await AppManifestUtils.fetchSchema(SCHEMA_URL);
  const failures = await AppManifestUtils.validateAgainstSchema(manifest as never, schema);
  // The library formats each failure as "<instancePath> <message>. Details: {...}".
  return failures.map((f) => (f.startsWith(' ') ? `/${f}` : f));
}

/** Checks the icons' sizes and, for the outline icon, its white-on-transparent rule. */
export function checkIcons(iconsDir: string): string[] {
  const problems: string[] = [];
  const read = (file: string): PNG | undefined => {
    const p = path.join(iconsDir, file);
    if (!existsSync(p)) {
      problems.push(`${file} : fichier absent de ${iconsDir}.`);
      return undefined;
    }
    try {
      return PNG.sync.read(readFileSync(p));
    } catch (e) {
      problems.push(`${file} : PNG illisible (${(e as Error).message}).`);
      return undefined;
    }
  };

  const color = read(COLOR_ICON.file);
  if (color && (color.width !== COLOR_ICON.size || color.height !== COLOR_ICON.size)) {
    problems.push(`${COLOR_ICON.file} : ${color.width}×${color.height}, attendu ${COLOR_ICON.size}×${COLOR_ICON.size}.`);
  }

  const outline = read(OUTLINE_ICON.file);
  if (outline) {
    if (outline.width !== OUTLINE_ICON.size || outline.height !== OUTLINE_ICON.size) {
      problems.push(`${OUTLINE_ICON.file} : ${outline.width}×${outline.height}, attendu ${OUTLINE_ICON.size}×${OUTLINE_ICON.size}.`);
    }
    const { width: w, height: h, data } = outline;
    const alpha = (x: number, y: number) => data[(y * w + x) * 4 + 3];
    const corners = [alpha(0, 0), alpha(w - 1, 0), alpha(0, h - 1), alpha(w - 1, h - 1)];
    if (corners.some((a) => a !== 0)) problems.push(`${OUTLINE_ICON.file} : le fond doit être transparent.`);
    let visible = 0;
    let notWhite = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      visible += 1;
      if (data[i] !== 255 || data[i + 1] !== 255 || data[i + 2] !== 255) notWhite += 1;
    }
    if (visible === 0) problems.push(`${OUTLINE_ICON.file} : l'icône est entièrement transparente.`);
    if (visible === w * h) problems.push(`${OUTLINE_ICON.file} : le fond doit être transparent.`);
    if (notWhite > 0) problems.push(`${OUTLINE_ICON.file} : ${notWhite} pixel(s) visibles ne sont pas blancs (blanc et transparence seulement).`);
  }
  return problems;
}

/**
 * Builds `<outDir>/barista.zip` from the environment. Throws a PackageError listing every problem
 * (variables, schema errors with their path, icons); writes nothing in that case.
 */
export async function buildPackage(env: Env, outDir: string, options: PackageOptions = {}): Promise<PackageResult> {
  const templatePath = options.templatePath ?? path.join(ROOT, 'manifest', 'manifest.template.json');
  const iconsDir = options.iconsDir ?? path.join(ROOT, 'manifest');

  const values = readPackageEnv(env);
  const manifest = fillTemplate(readFileSync(templatePath, 'utf8'), values);

  const schemaErrors = await validateManifest(manifest);
  if (schemaErrors.length > 0) {
    throw new PackageError(`Manifeste refusé par le schéma Teams ${MANIFEST_VERSION} :`, schemaErrors);
  }
  const iconProblems = checkIcons(iconsDir);
  if (iconProblems.length > 0) throw new PackageError('Icônes refusées :', iconProblems);

  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  zip.file(COLOR_ICON.file, readFileSync(path.join(iconsDir, COLOR_ICON.file)));
  zip.file(OUTLINE_ICON.file, readFileSync(path.join(iconsDir, OUTLINE_ICON.file)));
  // A fixed date keeps the archive identical from one run to the next for the same inputs.
  const date = new Date(Date.UTC(2025, 0, 1));
  for (const file of Object.values(zip.files)) file.date = date;
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, PACKAGE_FILE);
  writeFileSync(zipPath, content);
  return { zipPath, manifest };
}

async function main(): Promise<void> {
  try {
    const { zipPath, manifest } = await buildPackage(process.env, path.join(ROOT, 'appPackage'));
    const bots = manifest.bots as Array<{ botId: string }>;
    console.log(`${path.relative(process.cwd(), zipPath) || zipPath} écrit (manifeste ${MANIFEST_VERSION}, version ${String(manifest.version)}, bot ${bots[0]?.botId}).`);
    console.log('Chargez-le dans Teams : « Applications » → « Gérer vos applications » → « Charger une application », ou dans le Centre d’administration Teams.');
  } catch (e) {
    console.error(e instanceof PackageError ? e.message : e);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();
