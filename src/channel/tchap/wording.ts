import type { MatrixText } from './html';

/**
 * Barista's messages are worded for Teams, where commands start with « / » and cards have buttons
 * (« cliquez sur Suivant »). In a Matrix room the commands start with « ! » (clients keep « / » for
 * themselves) and there are no buttons: the same messages, worded for Tchap. Only Barista's command
 * words and its button phrases change; a web address is never touched.
 */
const COMMANDS = [
  'startcafe', 'suivant', 'next', 'precedent', 'précédent', 'previous', 'back', 'reveler', 'révéler', 'reveal', 'pause',
  'reprendre', 'resume', 'prolonger', 'extend', 'fin', 'end', 'aide', 'help', 'menu', 'animateur', 'animatrice', 'facilitator',
  'coanimateur', 'coanimatrice', 'cofacilitator', 'effacer', 'erase', 'reseau', 'réseau', 'network',
];
const COMMAND = new RegExp(`(^|[\\s(«“"'’:;,>])/(${COMMANDS.join('|')})(?![\\p{L}\\d_/-])`, 'gu');

/** The button phrases, after the commands were rewritten, per language (both are applied: a message is in one of them). */
const PHRASES: Array<[RegExp, string]> = [
  [/cliquez sur « Commencer » ou tapez !suivant/g, 'tapez !commencer'],
  [/Cliquez sur (?:« )?Commencer(?: »)?/g, 'Tapez !commencer'],
  [/cliquez sur (?:« )?Commencer(?: »)?/g, 'tapez !commencer'],
  [/Cliquez sur Suivant/g, 'Tapez !suivant'],
  [/cliquez sur Suivant/g, 'tapez !suivant'],
  [/cliquez sur Fin sur sa carte/g, 'tapez !fin'],
  [/Cliquez sur Fin/g, 'Tapez !fin'],
  [/cliquez sur Fin/g, 'tapez !fin'],
  [/Cliquez sur Révéler/g, 'Tapez !reveler'],
  [/cliquez sur Révéler/g, 'tapez !reveler'],
  [/cliquez sur « J'ai fini »/g, "réagissez au message de la vidéo ou tapez !fini"],
  [/, ou cliquez sur Lancer/g, ''],
  [/press “Start” or type !next/g, 'type !begin'],
  [/Click Next/g, 'Type !next'],
  [/click Next/g, 'type !next'],
  [/click End on its card/g, 'type !end'],
  [/Click End/g, 'Type !end'],
  [/click End/g, 'type !end'],
  [/click Start/g, 'type !begin'],
  [/Click Reveal/g, 'Type !reveal'],
  [/click Reveal/g, 'type !reveal'],
  [/click “I’m done”/g, 'react to the video’s message or type !done'],
  [/, or click Start/g, ''],
];

/** A message of Barista's (its plain text or its HTML), worded for a Matrix room. */
export function tchapWording(text: string): string {
  let out = text.replace(COMMAND, (_m, before: string, word: string) => `${before}!${word}`);
  for (const [from, to] of PHRASES) out = out.replace(from, to);
  return out;
}

/** The same, on both parts of a Matrix message. */
export function tchapWorded(m: MatrixText): MatrixText {
  return { ...m, body: tchapWording(m.body), formatted_body: tchapWording(m.formatted_body) };
}
