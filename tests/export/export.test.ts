import { readFileSync, writeFileSync, existsSync } from 'fs';
import { join } from 'path';
import { exportCsv, exportJson, exportMarkdown, networkReport, escapeMarkdown, csvField, CSV_COLUMNS } from '../../src/export';
import type { Contribution } from '../../src/domain';
import { CafeSim, camille, karim, lea, sophie } from '../domain/harness';

const GOLDEN = join(__dirname, 'golden');
/** UPDATE_GOLDEN=1 npx jest tests/export rewrites the golden files (check them by eye first). */
function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, actual, 'utf8');
  if (!existsSync(file)) throw new Error(`golden file ${name} is missing: run with UPDATE_GOLDEN=1 and check it by eye`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** A tiny RFC 4180 parser: quoted fields, doubled quotes, CRLF records, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true; i++; continue;
    }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    if (c === '\n' || c === '\r') throw new Error(`bare line break outside quotes at ${i}`);
    field += c; i++;
  }
  if (quoted) throw new Error('unterminated quote');
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const TRICKY = [
  'Badge, cantine et parking',
  'Le "pass" Navigo',
  '=HYPERLINK("http://evil.example","clic")',
  '[lien] \\ 1. + ! <b & 2',
];
/** A record as an older version may have stored it, before texts were cleaned: exports stay safe anyway. */
const RAW_TEXT = 'Ligne 1\r\nLigne 2 **gras** _penché_ # `code` | <script>';

function americano(): CafeSim {
  const cafe = new CafeSim('avec-sucre');
  cafe.do({ type: 'begin' });
  cafe.do({ type: 'choose', stepId: 'tasse.choix', option: 'madonna' });
  // two Madonna statements, voted and revealed
  cafe.give(lea, { kind: 'vote', choice: 'donnee' });
  cafe.give(karim, { kind: 'vote', choice: 'donnee' });
  cafe.give(sophie, { kind: 'vote', choice: 'madonna' });
  cafe.do({ type: 'reveal', stepId: cafe.step!.id });
  cafe.tick(2);
  cafe.do({ type: 'next' });
  cafe.give(lea, { kind: 'vote', choice: 'madonna' });
  cafe.give(karim, { kind: 'vote', choice: 'les-deux' });
  cafe.give(sophie, { kind: 'vote', choice: 'madonna' });
  cafe.do({ type: 'reveal', stepId: cafe.step!.id });
  cafe.tick(2);
  // the video
  cafe.nextUntil('choose');
  cafe.do({ type: 'choose', stepId: 'cafe.choix', option: 'open-data' });
  cafe.give(lea, { kind: 'done' });
  cafe.give(karim, { kind: 'done' });
  cafe.give(sophie, { kind: 'done' });
  cafe.do({ type: 'all-done', stepId: cafe.step!.id });
  cafe.tick(4);
  cafe.do({ type: 'pause' });
  cafe.tick(10); // left out of the actual duration
  cafe.do({ type: 'resume' });
  // the board
  cafe.nextUntil('board');
  const board = cafe.step!.id;
  cafe.give(lea, { kind: 'postit', column: 'journee-travail', postitKind: 'personnelles', text: TRICKY[0] });
  cafe.give(karim, { kind: 'postit', column: 'trajet-aller', postitKind: 'ouvertes', text: TRICKY[1] });
  cafe.give(sophie, { kind: 'postit', column: 'pause-dejeuner', postitKind: 'sensibles', text: TRICKY[2] });
  cafe.give(camille, { kind: 'postit', column: 'trajet-aller', postitKind: 'publiques-non-ouvertes', text: TRICKY[3] });
  const raw: Contribution = {
    cafeId: cafe.state.id, stepId: board, kind: 'postit', key: 'raw-1', userId: lea.id, userName: lea.name, at: cafe.now,
    value: { kind: 'postit', column: 'activites-exterieures', postitKind: 'personnelles', text: RAW_TEXT },
  };
  cafe.contributions.push(raw);
  cafe.tick(10);
  // synthesis: free answers
  cafe.do({ type: 'next' });
  cafe.give(sophie, { kind: 'answer', text: 'Le nombre de données que je produis' });
  cafe.give(karim, { kind: 'answer', text: '-1 idée : tout est donnée' });
  cafe.do({ type: 'next' });
  cafe.give(lea, { kind: 'answer', text: 'Mes trajets, surtout' });
  cafe.tick(5);
  cafe.do({ type: 'next' }); // "qu'avez-vous appris ?", the last question of the Synthèse et ouverture (le sucre)
  cafe.tick(3);
  // the closing feedback poll
  cafe.nextUntil('feedback');
  cafe.give(lea, { kind: 'feedback', rating: 'tres-bien', again: 'oui', topic: 'ia', positive: 'Le tableau des post-it, très concret' });
  cafe.give(karim, { kind: 'feedback', rating: 'bien', again: 'peut-etre', topic: 'donnees-personnelles', negative: '+ de temps pour le débat' });
  cafe.give(sophie, { kind: 'feedback', rating: 'bien' });
  cafe.do({ type: 'next' });
  expect(cafe.state.status).toBe('ended');
  // a late answer, after the end
  cafe.give(camille, { kind: 'feedback', again: 'oui', topic: 'ia' });
  return cafe;
}

const NETWORK = {
  organisation: 'DDT de la Marne', town: 'Châlons-en-Champagne', lat: 48.9566, lon: 4.3631, audience: 'agents, "tous services"',
  positive: ['Madonna a bien lancé la séance', '=SUM(A1:A9)'], negative: ['Son de la vidéo\nfaible'],
};

describe('exports of an Americano avec sucre', () => {
  const cafe = americano();
  const now = cafe.now;
  const args = [cafe.state, cafe.contributions, cafe.content, now] as const;

  it('JSON matches its golden file', () => {
    const doc = exportJson(...args);
    expect(doc.participants).toBe(3);
    expect(doc.duration.actualMinutes).toBe(26);
    expect(doc.date).toBe('2026-11-22T09:00:00.000Z');
    golden('americano.json', JSON.stringify(doc, null, 2) + '\n');
  });

  it('CSV matches its golden file and parses back to the same fields', () => {
    const csv = exportCsv(...args);
    golden('americano.csv', csv);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
    const postits = rows.filter((r) => r[0] === 'postit').map((r) => r[5]);
    expect(postits).toEqual(expect.arrayContaining([TRICKY[0], TRICKY[1], `'${TRICKY[2]}`, TRICKY[3], RAW_TEXT]));
    expect(rows.find((r) => r[0] === 'answer' && r[5].includes('idée'))![5]).toBe("'-1 idée : tout est donnée");
    // no field starts with a formula character
    for (const r of rows) for (const f of r) expect(f).not.toMatch(/^[=+@\t\r]|^-\D/);
    expect(rows.filter((r) => r[0] === 'poll' && r[1] === 'tasse.madonna.michigan').map((r) => [r[3], r[4], r[5]]))
      .toEqual([['Ma donnée', '0', ''], ['Madonna', '2', 'correct'], ['Les deux', '1', '']]);
  });

  it('Markdown matches its golden file', () => {
    const text = exportMarkdown(...args);
    expect(text.startsWith('# Café Americano avec sucre — récapitulatif\n')).toBe(true);
    expect(text).toContain('22/11/2026');
    expect(text).toContain('Ligne 1 Ligne 2 \\*\\*gras\\*\\* \\_penché\\_ \\# \\`code\\` \\| \\<script\\>');
    golden('americano.md', text);
  });

  it('network report matches its golden files and is valid GeoJSON', () => {
    const report = networkReport(cafe.state, cafe.contributions, cafe.content, NETWORK, now);
    golden('network.geojson', JSON.stringify(report.geojson, null, 2) + '\n');
    golden('network.csv', report.csvHeader + report.csvRow);
    expect(report.geojson.type).toBe('Feature');
    expect(report.geojson.geometry).toEqual({ type: 'Point', coordinates: [4.3631, 48.9566] });
    const [header, row] = [parseCsv(report.csvHeader)[0], parseCsv(report.csvRow)[0]];
    expect(row).toHaveLength(header.length);
    // the participants' feedback comments first, then the organiser's
    expect(row[header.indexOf('positive')]).toBe("Le tableau des post-it, très concret | Madonna a bien lancé la séance | =SUM(A1:A9)");
    expect(row[header.indexOf('negative')]).toBe("'+ de temps pour le débat | Son de la vidéo faible");
    const none = networkReport(cafe.state, cafe.contributions, cafe.content, { ...NETWORK, lat: undefined, lon: undefined }, now);
    expect(none.geojson.geometry).toBeNull();
    expect(none.geojson.properties).toMatchObject({ formula: 'americano/avec-sucre', date: '2026-11-22', duration_minutes: 26, participants: 3 });
    expect(() => networkReport(cafe.state, cafe.contributions, cafe.content, { ...NETWORK, lat: 95 }, now)).toThrow(RangeError);
    expect(() => networkReport(cafe.state, cafe.contributions, cafe.content, { ...NETWORK, lon: undefined }, now)).toThrow(RangeError);
  });

  it('names no participant', () => {
    const report = networkReport(cafe.state, cafe.contributions, cafe.content, NETWORK, now);
    const all = [JSON.stringify(exportJson(...args)), exportCsv(...args), exportMarkdown(...args), JSON.stringify(report.geojson), report.csvRow];
    for (const text of all) {
      for (const who of [camille, lea, karim, sophie]) {
        expect(text).not.toContain(who.id);
        expect(text).not.toContain(who.name);
      }
      expect(text).not.toContain('facilitator');
    }
  });
});

describe('exports of an Americano sans sucre (picks with names, debate arguments)', () => {
  it('counts picks and keeps arguments, without any name', () => {
    const cafe = new CafeSim('sans-sucre');
    cafe.do({ type: 'begin' });
    cafe.do({ type: 'next' });
    cafe.give(lea, { kind: 'pick', item: 'inspecteur-cookies' });
    cafe.give(karim, { kind: 'pick', item: 'inspecteur-cookies' });
    cafe.give(sophie, { kind: 'pick', item: 'plombier-flux' });
    cafe.nextUntil('poll', 'debat');
    cafe.give(lea, { kind: 'vote', choice: 'accord' });
    cafe.give(karim, { kind: 'argument', side: 'contre', text: 'Ce sujet est réservé aux experts' });
    cafe.give(sophie, { kind: 'argument', side: 'pour', text: '@Sophie: on en produit tous les jours' });
    cafe.do({ type: 'end' });
    const doc = exportJson(cafe.state, cafe.contributions, cafe.content, cafe.now);
    const pick = doc.steps.find((s) => s.kind === 'pick');
    expect(pick).toMatchObject({ items: [{ id: 'inspecteur-cookies', count: 2 }, { id: 'plombier-flux', count: 1 }] });
    const debate = doc.steps.find((s) => s.kind === 'poll' && s.activityId === 'debat');
    expect(debate).toMatchObject({ arguments: { pour: ['@Sophie: on en produit tous les jours'], contre: ['Ce sujet est réservé aux experts'] } });
    const md = exportMarkdown(cafe.state, cafe.contributions, cafe.content, cafe.now);
    expect(md).toContain('- ➖ Contre : Ce sujet est réservé aux experts');
    const csv = exportCsv(cafe.state, cafe.contributions, cafe.content, cafe.now);
    expect(parseCsv(csv).find((r) => r[0] === 'argument' && r[3] === 'pour')![5]).toBe("'@Sophie: on en produit tous les jours");
    for (const text of [JSON.stringify(doc), csv, md]) {
      for (const who of [camille, lea, karim]) {
        expect(text).not.toContain(who.id);
        expect(text).not.toContain(who.name);
      }
    }
  });
});

describe('escaping helpers', () => {
  it('quotes CSV fields as RFC 4180 says and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvField(-3)).toBe('-3');
  });

  it('escapes Markdown so a text changes no layout', () => {
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. un')).toBe('1\\. un');
    expect(escapeMarkdown('[a](http://x) *b*')).toBe('\\[a\\](http://x) \\*b\\*');
  });
});
