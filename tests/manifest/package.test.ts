import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { colorIcon, outlineIcon } from '../../scripts/icons';
import {
  MANIFEST_VERSION,
  PACKAGE_FILE,
  PackageError,
  SCHEMA_URL,
  buildPackage,
  checkIcons,
  readPackageEnv,
  validateManifest,
} from '../../scripts/package';

// @microsoft/app-manifest requires strip-bom 5, an ES module, at load time. tsx (npm run package)
// and Node ≥ 24.9 load it; Jest on Node 20/22 cannot require an ES module, so the tests swap in the
// same one-liner. The manifest is validated by the real library either way.
// The strip-bom that @microsoft/app-manifest itself resolves, wherever npm placed it.
jest.mock(require.resolve('strip-bom', { paths: [require.resolve('@microsoft/app-manifest')] }), () => ({
  __esModule: true,
  default: (text: string) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
}));

const ROOT = path.join(__dirname, '..', '..');
const MANIFEST_DIR = path.join(ROOT, 'manifest');
const TEMPLATE = path.join(MANIFEST_DIR, 'manifest.template.json');
const BOT_ID = '8f0c2a4e-1b3d-4c5e-9f7a-2b4c6d8e0f1a';
const VALID = { MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'barista.example.fr' };
const COMMANDS = ['startcafe', 'menu', 'suivant', 'reveler', 'precedent', 'pause', 'reprendre', 'prolonger', 'fin', 'aide'];

type Manifest = {
  $schema: string;
  manifestVersion: string;
  id: string;
  version: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  name: { short: string; full: string };
  localizationInfo: { defaultLanguageTag: string };
  bots: Array<{
    botId: string;
    scopes: string[];
    supportsFiles: boolean;
    isNotificationOnly: boolean;
    commandLists: Array<{ scopes: string[]; commands: Array<{ title: string; description: string }> }>;
  }>;
  configurableTabs: Array<{ configurationUrl: string; canUpdateConfiguration: boolean; scopes: string[]; context: string[] }>;
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
  authorization: { permissions: { resourceSpecific: Array<{ name: string; type: string }> } };
};

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'barista-package-'));
});
afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

async function unzip(zipPath: string) {
  const zip = await JSZip.loadAsync(readFileSync(zipPath));
  const manifestText = await zip.file('manifest.json')!.async('string');
  return { zip, manifestText, manifest: JSON.parse(manifestText) as Manifest };
}

/** Rejects with a PackageError; returns its message. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackageError);
  return (error as PackageError).message;
}

function mutatedTemplate(mutate: (m: Record<string, any>) => void): string {
  const m = JSON.parse(readFileSync(TEMPLATE, 'utf8')) as Record<string, any>;
  mutate(m);
  const p = path.join(tmp, 'manifest.template.json');
  writeFileSync(p, JSON.stringify(m));
  return p;
}

describe('the Teams app package', () => {
  it('zips manifest.json, color.png and outline.png at the root, the manifest valid against the bundled schema', async () => {
    const fetchSpy = jest.spyOn(globalThis, 'fetch');
    const { zipPath } = await buildPackage(VALID, tmp);
    expect(fetchSpy).not.toHaveBeenCalled(); // the schema comes from the package, not the network
    fetchSpy.mockRestore();
    expect(zipPath).toBe(path.join(tmp, PACKAGE_FILE));
    const { zip, manifestText, manifest } = await unzip(zipPath);
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(await validateManifest(manifest)).toEqual([]);
    expect(manifestText).not.toMatch(/\{\{|\}\}/);
    expect(await zip.file('color.png')!.async('nodebuffer')).toEqual(readFileSync(path.join(MANIFEST_DIR, 'color.png')));
    expect(await zip.file('outline.png')!.async('nodebuffer')).toEqual(readFileSync(path.join(MANIFEST_DIR, 'outline.png')));
  });

  it('uses the newest manifest schema that @microsoft/app-manifest bundles, by the address it resolves offline', async () => {
    const schemasDir = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build', 'json-schemas', 'teams');
    const versions = readdirSync(schemasDir)
      .filter((d) => /^v\d+\.\d+$/.test(d))
      .map((d) => d.slice(1).split('.').map(Number) as [number, number])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const newest = versions[versions.length - 1]!.join('.');
    expect(MANIFEST_VERSION).toBe(newest);
    expect(existsSync(path.join(schemasDir, `v${newest}`, 'MicrosoftTeams.schema.json'))).toBe(true);

    const { manifest } = await unzip((await buildPackage(VALID, tmp)).zipPath);
    expect(manifest.$schema).toBe(SCHEMA_URL);
    expect(manifest.manifestVersion).toBe(newest);
  });

  it('fills every placeholder: bot id, domain, version, app id (the bot id by default), publisher pages', async () => {
    const { manifest } = await unzip((await buildPackage(VALID, tmp)).zipPath);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.version).toBe(pkg.version);
    expect(manifest.bots[0]!.botId).toBe(BOT_ID);
    expect(manifest.validDomains).toEqual(['barista.example.fr']);
    expect(manifest.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://barista.example.fr/${BOT_ID}` });
    expect(manifest.configurableTabs[0]!.configurationUrl).toBe('https://barista.example.fr/tab/config');
    expect(manifest.developer).toEqual({
      name: 'Barista',
      websiteUrl: 'https://barista.example.fr',
      privacyUrl: 'https://barista.example.fr/privacy',
      termsOfUseUrl: 'https://barista.example.fr/terms',
    });
    expect(manifest.name).toEqual({ short: 'Barista', full: "Barista, le café de la data ou de l'IA" });
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('fr-fr');
  });

  it('takes BOT_ID over MicrosoftAppId, and APP_ID, APP_VERSION, PUBLISHER_URL when given', async () => {
    const appId = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const other = '11111111-2222-4333-8444-555555555555';
    const { manifest } = await unzip(
      (
        await buildPackage(
          { BOT_ID: other, MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'Barista.Example.FR', APP_ID: appId, APP_VERSION: '2.3.4', PUBLISHER_URL: 'https://www.example.fr/barista/' },
          tmp,
        )
      ).zipPath,
    );
    expect(manifest.id).toBe(appId);
    expect(manifest.bots[0]!.botId).toBe(other);
    expect(manifest.version).toBe('2.3.4');
    expect(manifest.validDomains).toEqual(['barista.example.fr']);
    expect(manifest.developer.privacyUrl).toBe('https://www.example.fr/barista/privacy');
    expect(manifest.developer.termsOfUseUrl).toBe('https://www.example.fr/barista/terms');
  });

  it('declares the bot in personal, group chat and team, conversational, without files', async () => {
    const { manifest } = await unzip((await buildPackage(VALID, tmp)).zipPath);
    const bot = manifest.bots[0]!;
    expect(bot.scopes).toEqual(['personal', 'groupChat', 'team']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
  });

  it('lists the facilitator commands in every scope, with French descriptions', async () => {
    const { manifest } = await unzip((await buildPackage(VALID, tmp)).zipPath);
    const lists = manifest.bots[0]!.commandLists;
    expect(lists.map((l) => l.scopes)).toEqual([['personal'], ['groupChat'], ['team']]);
    for (const list of lists) {
      expect(list.commands.map((c) => c.title)).toEqual(COMMANDS);
      for (const c of list.commands) expect(c.description.length).toBeGreaterThan(10);
    }
    const describe = (title: string) => lists[0]!.commands.find((c) => c.title === title)!.description;
    expect(describe('startcafe')).toContain('Lance un café : startcafe americano [sans sucre]');
    expect(describe('prolonger')).toContain('prolonger 5');
    expect(describe('fin')).toContain('récapitulatif');
    expect(describe('aide')).toBe('Liste les commandes de Barista');
  });

  it('has the café board as a configurable tab in the meeting chat, side panel and stage', async () => {
    const { manifest } = await unzip((await buildPackage(VALID, tmp)).zipPath);
    expect(manifest.configurableTabs).toEqual([
      {
        configurationUrl: 'https://barista.example.fr/tab/config',
        canUpdateConfiguration: true,
        scopes: ['groupChat', 'team'],
        context: ['meetingChatTab', 'meetingSidePanel', 'meetingStage'],
      },
    ]);
  });

  it('asks only for the meeting RSC permissions Barista uses', async () => {
    const { manifest } = await unzip((await buildPackage(VALID, tmp)).zipPath);
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'OnlineMeeting.ReadBasic.Chat', type: 'Application' },
      { name: 'OnlineMeetingParticipant.Read.Chat', type: 'Application' },
      { name: 'OnlineMeetingNotification.Send.Chat', type: 'Application' },
      { name: 'MeetingStage.Write.Chat', type: 'Delegated' },
    ]);
  });

  it('produces the same archive twice from the same inputs', async () => {
    const a = readFileSync((await buildPackage(VALID, path.join(tmp, 'a'))).zipPath);
    const b = readFileSync((await buildPackage(VALID, path.join(tmp, 'b'))).zipPath);
    expect(a.equals(b)).toBe(true);
  });
});

describe('refusals', () => {
  it('refuses a missing BOT_DOMAIN, naming it, and writes nothing', async () => {
    const message = await refusal(buildPackage({ MicrosoftAppId: BOT_ID }, tmp));
    expect(message).toMatch(/BOT_DOMAIN est manquant/);
    expect(existsSync(path.join(tmp, PACKAGE_FILE))).toBe(false);
  });

  it.each(['https://barista.example.fr', 'barista.example.fr/api', 'barista.example.fr:443', 'barista', 'bar ista.example.fr', '-x.example.fr'])(
    'refuses BOT_DOMAIN=%s (a host name without scheme)',
    async (domain) => {
      expect(await refusal(buildPackage({ ...VALID, BOT_DOMAIN: domain }, tmp))).toMatch(/BOT_DOMAIN=/);
    },
  );

  it('refuses a missing bot id, naming BOT_ID', async () => {
    expect(await refusal(buildPackage({ BOT_DOMAIN: 'barista.example.fr' }, tmp))).toMatch(/BOT_ID est manquant/);
  });

  it('refuses a bot id that is not a GUID, naming the variable it came from', async () => {
    expect(await refusal(buildPackage({ ...VALID, BOT_ID: 'barista-bot' }, tmp))).toMatch(/BOT_ID="barista-bot" n'est pas un GUID/);
    expect(await refusal(buildPackage({ ...VALID, MicrosoftAppId: '1234' }, tmp))).toMatch(/MicrosoftAppId="1234" n'est pas un GUID/);
  });

  it('refuses a malformed APP_ID, APP_VERSION or PUBLISHER_URL, and lists every problem at once', async () => {
    const message = await refusal(
      buildPackage({ ...VALID, APP_ID: 'nope', APP_VERSION: 'v1', PUBLISHER_URL: 'http://example.fr' }, tmp),
    );
    expect(message).toMatch(/APP_ID="nope"/);
    expect(message).toMatch(/APP_VERSION="v1"/);
    expect(message).toMatch(/PUBLISHER_URL="http:\/\/example.fr"/);
  });

  it('reads the environment without touching anything else', () => {
    expect(readPackageEnv({ MicrosoftAppId: BOT_ID, BOT_DOMAIN: ' barista.example.fr ', APP_VERSION: '1.0.0' })).toEqual({
      BOT_ID,
      BOT_DOMAIN: 'barista.example.fr',
      APP_VERSION: '1.0.0',
      APP_ID: BOT_ID,
      PUBLISHER_URL: 'https://barista.example.fr',
    });
  });

  it('refuses a manifest the schema rejects, printing each error with its path', async () => {
    const templatePath = mutatedTemplate((m) => {
      m.name.short = 'Barista, le café de la data ou de l’IA, version longue';
      m.bots[0].scopes.push('channel');
      m.accentColor = 'brown';
    });
    const message = await refusal(buildPackage(VALID, tmp, { templatePath }));
    expect(message).toMatch(/schéma Teams 1\.\d+/);
    expect(message).toMatch(/- \/name\/short must NOT have more than 30 characters/);
    expect(message).toMatch(/- \/bots\/0\/scopes\/3 must be equal to one of the allowed values/);
    expect(message).toMatch(/- \/accentColor must match pattern/);
    expect(existsSync(path.join(tmp, PACKAGE_FILE))).toBe(false);
  });

  it('reports a missing required property at the root', async () => {
    const templatePath = mutatedTemplate((m) => {
      delete m.developer;
    });
    expect(await refusal(buildPackage(VALID, tmp, { templatePath }))).toMatch(/- \/ must have required property 'developer'/);
  });

  it('refuses a template whose $schema is not the bundled one (it would need the network)', async () => {
    const templatePath = mutatedTemplate((m) => {
      m.$schema = 'https://example.org/schema.json';
    });
    expect(await refusal(buildPackage(VALID, tmp, { templatePath }))).toMatch(/\/\$schema doit valoir https:\/\/developer\.microsoft\.com/);
  });

  it('refuses a template with an unknown placeholder', async () => {
    const templatePath = mutatedTemplate((m) => {
      m.developer.websiteUrl = 'https://{{WEBSITE}}';
    });
    expect(await refusal(buildPackage(VALID, tmp, { templatePath }))).toMatch(/\{\{WEBSITE\}\} : variable inconnue/);
  });
});

describe('icons', () => {
  const png = (file: string) => PNG.sync.read(readFileSync(path.join(MANIFEST_DIR, file)));

  it('has a 192×192 colour icon on a solid background and a 32×32 outline icon', () => {
    const color = png('color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
    let seeThrough = 0;
    for (let i = 3; i < color.data.length; i += 4) if (color.data[i] !== 255) seeThrough += 1;
    expect(seeThrough).toBe(0);
    const outline = png('outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(checkIcons(MANIFEST_DIR)).toEqual([]);
  });

  it('draws the outline icon white only, on a transparent background', () => {
    const { data } = png('outline.png');
    let transparent = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) transparent += 1;
      else expect([data[i], data[i + 1], data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
    expect(transparent).toBeLessThan(32 * 32);
  });

  it('commits the icons scripts/icons.ts draws', () => {
    expect(PNG.sync.read(colorIcon()).data.equals(png('color.png').data)).toBe(true);
    expect(PNG.sync.read(outlineIcon()).data.equals(png('outline.png').data)).toBe(true);
  });

  it('refuses an opaque or coloured outline icon and a wrong-sized colour icon', async () => {
    const opaque = new PNG({ width: 32, height: 32 });
    opaque.data.fill(0);
    for (let i = 3; i < opaque.data.length; i += 4) opaque.data[i] = 255;
    writeFileSync(path.join(tmp, 'outline.png'), PNG.sync.write(opaque));
    writeFileSync(path.join(tmp, 'color.png'), PNG.sync.write(new PNG({ width: 96, height: 96 })));
    const problems = checkIcons(tmp);
    expect(problems).toContain('color.png : 96×96, attendu 192×192.');
    expect(problems).toContain('outline.png : le fond doit être transparent.');
    expect(problems.some((p) => /outline\.png : 1024 pixel\(s\) visibles ne sont pas blancs/.test(p))).toBe(true);
    expect(await refusal(buildPackage(VALID, path.join(tmp, 'out'), { iconsDir: tmp }))).toMatch(/Icônes refusées/);
  });

  it('refuses an outline icon of the wrong size, or a missing icon', () => {
    copyFileSync(path.join(MANIFEST_DIR, 'color.png'), path.join(tmp, 'color.png'));
    copyFileSync(path.join(MANIFEST_DIR, 'color.png'), path.join(tmp, 'outline.png'));
    expect(checkIcons(tmp)).toContain('outline.png : 192×192, attendu 32×32.');
    rmSync(path.join(tmp, 'outline.png'));
    expect(checkIcons(tmp)).toEqual([`outline.png : fichier absent de ${tmp}.`]);
  });
});
