/**
 * `npm run dev:tchap`: a Matrix homeserver of your own (Synapse on 127.0.0.1:8008, SQLite, no
 * federation, as the tests run it), Barista logged in to it as @barista:localhost with its Tchap door
 * open (and its web door on http://localhost:3978), and three people's accounts to try it with any
 * Matrix client (Element, or Tchap's own web client pointed at this homeserver). Prints how to
 * connect; Ctrl+C stops both. Everything is new each time (the homeserver's data is temporary).
 *
 * Needs Python 3 with venv; the first run installs Synapse from PyPI into .synapse/venv (~30 s).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { readConfig } from '../src/config';
import { startBarista } from '../src/server';
import { startSynapse } from '../tests/support/synapse';

async function main(): Promise<void> {
  const synapsePort = Number(process.env.SYNAPSE_PORT || 8008);
  const port = Number(process.env.PORT || 3978);
  console.log('  … Synapse démarre (la première fois, installation depuis PyPI : ~30 s)');
  const synapse = await startSynapse({ port: synapsePort, serverName: 'localhost' });
  const botPassword = randomBytes(12).toString('hex');
  await synapse.registerUser('barista', botPassword);
  const people = ['camille', 'lea', 'karim'];
  for (const name of people) await synapse.registerUser(name, `cafe-${name}`);

  const dataDir = mkdtempSync(path.join(tmpdir(), 'barista-dev-tchap-'));
  const config = readConfig({
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    PUBLIC_URL: process.env.PUBLIC_URL || `http://localhost:${port}`,
    TCHAP_HOMESERVER_URL: synapse.url,
    TCHAP_USER_ID: '@barista:localhost',
    TCHAP_PASSWORD: botPassword,
    TCHAP_ALLOWED_HOMESERVERS: 'localhost',
  });
  const log = pino({ level: process.env.LOG_LEVEL || 'warn' });
  const app = await startBarista({ config, logger: log });

  console.log(`
  ☕ Barista est connecté à un serveur Matrix local : ${synapse.url}

  1. Ouvrez un client Matrix (Element : https://app.element.io, ou Element Desktop) et choisissez
     « Modifier le serveur d'accueil » → ${synapse.url}
  2. Connectez-vous : ${people.map((p) => `${p} / cafe-${p}`).join(' · ')}
  3. Créez un salon (chiffré, comme sur Tchap), invitez @barista:localhost (il rejoint seul), puis tapez :
       !startcafe americano
     !aide liste les commandes. Invitez lea et karim (dans d'autres navigateurs) pour voter.

  La porte web reste ouverte : http://localhost:${port}/console · http://localhost:${port}/j
  Ctrl+C arrête Barista et le serveur Matrix.
`);
  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) process.exit(1);
    stopping = true;
    await app.stop().catch(() => undefined);
    await synapse.stop();
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: Error) => {
  console.error(err.message);
  process.exit(1);
});
