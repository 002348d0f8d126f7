/**
 * Builds the café board's browser assets (offline, with esbuild's JS API):
 *
 * - src/tab/browser/main.ts → public/tab/app.js (+ app.js.map): one IIFE, ES2020, minified;
 * - src/tab/browser/app.css → public/tab/app.css (copied).
 *
 * esbuild does not typecheck: `npm run typecheck` checks src/tab/browser with its own tsconfig.
 * Run: `npm run build:tab` (or `npx tsx scripts/build-tab.ts`).
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.join(__dirname, '..');
const SRC = path.join(ROOT, 'src', 'tab', 'browser');

/** Writes app.js, app.js.map and app.css into `outDir`. */
export async function buildTab(outDir = path.join(ROOT, 'public', 'tab')): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(SRC, 'main.ts')],
    outfile: path.join(outDir, 'app.js'),
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
    sourcemap: 'linked',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: path.join(SRC, 'tsconfig.json'),
    logLevel: 'silent',
  });
  await copyFile(path.join(SRC, 'app.css'), path.join(outDir, 'app.css'));
}

if (require.main === module) {
  buildTab()
    .then(() => console.log('public/tab/app.js and public/tab/app.css written.'))
    .catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
}
