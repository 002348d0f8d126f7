/**
 * Builds the café board's browser assets (offline, with esbuild's JS API):
 *
 * - src/tab/browser/main.ts → public/tab/app.js: the read-only board (no Teams SDK: it loads
 *   nothing from outside Barista's address);
 * - src/tab/browser/teamsMain.ts → public/tab/teams.js: the Teams pages (with the Teams SDK);
 * - each one IIFE, ES2020, minified, without a source map (production serves none: no .map file,
 *   no sourceMappingURL);
 * - src/tab/browser/app.css → public/tab/app.css (copied);
 * - src/web/browser/startMain.ts → public/web/start.js and src/web/browser/start/start.css →
 *   public/web/start.css: the web console's start page (`/console`).
 * - the web door: src/web/browser/participant.ts and console.ts → public/web/participant.js and
 *   console.js (same options), src/web/browser/web.css → public/web/web.css.
 *
 * esbuild does not typecheck: `npm run typecheck` checks src/tab/browser with its own tsconfig.
 * Run: `npm run build:tab` (or `npx tsx scripts/build-tab.ts`).
 */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'src', 'tab', 'browser');
const WEB_SRC = path.join(ROOT, 'src', 'web', 'browser');

/** One IIFE bundle per entry into `outDir`: ES2020, minified, no source map, no legal comments. */
async function bundle(entryPoints: Record<string, string>, outDir: string, tsconfig: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints,
    outdir: outDir,
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig,
    logLevel: 'silent',
  });
}

/** Writes app.js, teams.js and app.css into `outDir` (and removes the app.js.map an older build left). */
export async function buildTab(outDir = path.join(ROOT, 'public', 'tab')): Promise<void> {
  await bundle({ app: path.join(SRC, 'main.ts'), teams: path.join(SRC, 'teamsMain.ts') }, outDir, path.join(SRC, 'tsconfig.json'));
  await copyFile(path.join(SRC, 'app.css'), path.join(outDir, 'app.css'));
  await rm(path.join(outDir, 'app.js.map'), { force: true });
}

/** Writes the web door's start page bundle, start.js, and its style sheet, start.css, into `outDir`. */
export async function buildWebStart(outDir = path.join(ROOT, 'public', 'web')): Promise<void> {
  await bundle({ start: path.join(WEB_SRC, 'startMain.ts') }, outDir, path.join(WEB_SRC, 'start', 'tsconfig.json'));
  await copyFile(path.join(WEB_SRC, 'start', 'start.css'), path.join(outDir, 'start.css'));
}

/** Writes the web door's participant.js, console.js and web.css into `outDir`. */
export async function buildWeb(outDir = path.join(ROOT, 'public', 'web')): Promise<void> {
  await bundle({ participant: path.join(WEB_SRC, 'participant.ts'), console: path.join(WEB_SRC, 'console.ts') }, outDir, path.join(WEB_SRC, 'tsconfig.json'));
  await copyFile(path.join(WEB_SRC, 'web.css'), path.join(outDir, 'web.css'));
}

if (require.main === module) {
  Promise.all([buildTab(), buildWeb(), buildWebStart()])
    .then(() => console.log('public/tab/app.js, teams.js, app.css and public/web/participant.js, console.js, web.css, start.js, start.css written.'))
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
