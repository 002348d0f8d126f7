#!/usr/bin/env node
/**
 * `npm run dev`: Barista in local anonymous mode plus the Microsoft 365 Agents Playground, offline.
 * Prints the address to open; Ctrl+C stops both.
 */
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const http = require('node:http');

const root = path.resolve(__dirname, '..');
const botPort = Number(process.env.PORT || 3978);
const playgroundPort = Number(process.env.PLAYGROUND_PORT || 56150);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const children = [];

function run(cmd, args, env) {
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${path.basename(cmd)} stopped (code ${code}); stopping everything.`);
      stop(code || 1);
    }
  });
  return child;
}

function waitFor(url, timeoutMs) {
  const until = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      http.get(url, (res) => { res.resume(); resolve(); }).on('error', () => {
        if (Date.now() > until) reject(new Error(`${url} did not answer within ${timeoutMs / 1000} s`));
        else setTimeout(attempt, 300);
      });
    };
    attempt();
  });
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

(async () => {
  // The café board's page (browser code bundled with esbuild).
  const built = spawnSync(bin('tsx'), [path.join(root, 'scripts', 'build-tab.ts')], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the café board could not be built (scripts/build-tab.ts)');
  run(bin('tsx'), [path.join(root, 'src', 'server.ts')], {
    BARISTA_LOCAL_MODE: 'true', PORT: String(botPort), DATA_DIR: process.env.DATA_DIR || path.join(root, 'data'),
    // Local links (the café board, the exports) point at this machine.
    PUBLIC_URL: process.env.PUBLIC_URL || `http://localhost:${botPort}`,
  });
  await waitFor(`http://127.0.0.1:${botPort}/healthz`, 60_000);
  run(bin('agentsplayground'), ['-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(playgroundPort), '--dt'], {
    TEAMSAPPTESTER_BROWSER: 'none',
    // The group chat "Café de la data" with Camille (you) and five colleagues, as in the e2e tests.
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(root, 'tests', 'e2e', '.m365agentsplayground.yml'),
    M365_AGENTS_PLAYGROUND_LOGFILE: path.join(root, 'data', 'agentsplayground.log'),
  });
  await waitFor(`http://127.0.0.1:${playgroundPort}`, 60_000);
  console.log(`\n  ☕ Barista tourne en mode local. Ouvrez http://localhost:${playgroundPort} (Agents Playground),`);
  console.log('     ouvrez la conversation de groupe « Café de la data » et tapez : @Barista /startcafe americano');
  console.log(`     Sans Teams : http://localhost:${botPort}/console pour animer, http://localhost:${botPort}/j pour participer.\n`);
})().catch((err) => {
  console.error(err.message);
  stop(1);
});
