/**
 * The Synapse homeserver the Tchap (Matrix) tests run against: a Python virtual environment under
 * <repo>/.synapse/venv with the pinned `matrix-synapse` from PyPI, made once and reused (a marker
 * file holds the installed version; a different pin makes it again).
 *
 *   npx tsx scripts/synapse.ts --ensure     # makes the venv if missing, prints its python
 *
 * .ci/run calls this before the tests so that no test waits for pip. The tests themselves start
 * and stop a server of their own (tests/support/synapse.ts).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/** The pinned release (the latest 1.x on PyPI when the Tchap door began; installs on Python 3.11). */
export const SYNAPSE_VERSION = '1.163.2';

export const DEFAULT_SYNAPSE_DIR = path.resolve(__dirname, '..', '.synapse');

const run = promisify(execFile);
const INSTALL_TIMEOUT_MS = 10 * 60_000;

/**
 * Makes `<dir>/venv` with matrix-synapse==SYNAPSE_VERSION unless the marker says it is there
 * already; returns the venv's python. Concurrent callers (jest workers) wait for one another on a
 * lock directory. `PYTHON` chooses the interpreter that makes the venv (default `python3`).
 */
export async function ensureSynapse(dir = DEFAULT_SYNAPSE_DIR): Promise<string> {
  const python = path.join(dir, 'venv', 'bin', 'python');
  const marker = path.join(dir, 'installed-version');
  const ready = (): boolean => existsSync(python) && existsSync(marker) && readFileSync(marker, 'utf8').trim() === SYNAPSE_VERSION;
  if (ready()) return python;

  mkdirSync(dir, { recursive: true });
  const lock = path.join(dir, 'install.lock');
  await acquire(lock);
  try {
    if (ready()) return python;
    rmSync(path.join(dir, 'venv'), { recursive: true, force: true });
    rmSync(marker, { force: true });
    await run(process.env.PYTHON ?? 'python3', ['-m', 'venv', path.join(dir, 'venv')], { timeout: INSTALL_TIMEOUT_MS });
    await run(python, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', `matrix-synapse==${SYNAPSE_VERSION}`], {
      timeout: INSTALL_TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
    });
    const { stdout } = await run(python, ['-c', 'import synapse; print(synapse.__version__)']);
    if (!stdout.startsWith(SYNAPSE_VERSION)) throw new Error(`ensureSynapse: installed ${stdout.trim()}, expected ${SYNAPSE_VERSION}`);
    writeFileSync(marker, `${SYNAPSE_VERSION}\n`);
    return python;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** mkdir is atomic: whoever makes the lock directory installs; a lock older than the install timeout is stale. */
async function acquire(lock: string): Promise<void> {
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      try {
        if (Date.now() - statSync(lock).mtimeMs > INSTALL_TIMEOUT_MS) rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone meanwhile: try again
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0] !== '--ensure') {
    console.error('usage: npx tsx scripts/synapse.ts --ensure');
    process.exit(2);
  }
  const started = Date.now();
  ensureSynapse().then(
    (python) => console.log(`matrix-synapse ${SYNAPSE_VERSION}: ${python} (${((Date.now() - started) / 1000).toFixed(1)} s)`),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
