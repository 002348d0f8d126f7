import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ContentError, findActivity, findFormula, findVideo, guideFr, loadContent } from '../../src/content';
import type { Activity, Formula } from '../../src/content';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'barista-packs-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function writePack(name: string, pack: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof pack === 'string' ? pack : JSON.stringify(pack, null, 2));
  return file;
}

/** What loadContent throws, to look at it. */
function failure(run: () => unknown): ContentError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    return e as ContentError;
  }
  throw new Error('loadContent should have refused the pack');
}

const ristretto: Formula = {
  id: 'ristretto',
  variant: 'avec-sucre',
  name: 'Ristretto avec sucre',
  audience: 'pour les novices',
  duration: 'Entre 15 et 30 minutes',
  people: 'Maximum 20 personnes',
  parts: [
    { part: 'tasse', planned: { min: 5, max: 10 }, options: [{ id: 'madonna', label: 'Ma donnée, Madonna ou les deux', activities: ['madonna'] }], defaultOption: 'madonna' },
    { part: 'cafe', planned: { min: 5, max: 5 }, options: [{ id: 'open-data', label: "La donnée et l'open data", activities: ['video-open-data'] }], defaultOption: 'open-data' },
  ],
  tips: [],
};

describe('loadContent', () => {
  it('without packs is the built-in guide', () => {
    expect(loadContent()).toEqual(guideFr);
    expect(loadContent(dir)).toEqual(guideFr);
  });

  it('merges a valid pack: a statement replaced, a formula added', () => {
    const madonna = structuredClone(findActivity(guideFr, 'madonna')) as Extract<Activity, { kind: 'polls' }>;
    madonna.questions[1] = { ...madonna.questions[1], text: 'Elle a chanté Like a Prayer' };
    const mairie: Formula = { ...ristretto, id: 'ristretto-mairie', name: 'Ristretto de la mairie' };
    writePack('mairie.json', { activities: [madonna], formulas: [mairie] });

    const content = loadContent(dir);

    const loaded = findActivity(content, 'madonna') as Extract<Activity, { kind: 'polls' }>;
    expect(loaded.questions[1].text).toBe('Elle a chanté Like a Prayer');
    expect(loaded.questions[1].correct).toEqual(['madonna']);
    expect(content.activities).toHaveLength(guideFr.activities.length);
    expect(findFormula(content, 'ristretto-mairie', 'avec-sucre')?.name).toBe('Ristretto de la mairie');
    expect(content.formulas).toHaveLength(guideFr.formulas.length + 1);
    expect(findFormula(content, 'ristretto', 'avec-sucre')).toEqual(findFormula(guideFr, 'ristretto', 'avec-sucre'));
    expect(findFormula(content, 'americano', 'avec-sucre')).toEqual(findFormula(guideFr, 'americano', 'avec-sucre'));
    // The built-in content is left as it is.
    expect((findActivity(guideFr, 'madonna') as Extract<Activity, { kind: 'polls' }>).questions[1].text).toBe('Elle est née dans le Michigan');
  });

  it('replaces a formula by id and variant only', () => {
    const americano = { ...structuredClone(findFormula(guideFr, 'americano', 'sans-sucre')!), name: 'Americano maison' };
    writePack('a.json', { formulas: [americano] });
    const content = loadContent(dir);
    expect(findFormula(content, 'americano', 'sans-sucre')?.name).toBe('Americano maison');
    expect(findFormula(content, 'americano', 'avec-sucre')?.name).toBe('Americano avec sucre');
    expect(content.formulas).toHaveLength(guideFr.formulas.length);
  });

  it('reads the packs in name order: the later one wins', () => {
    writePack('20-b.json', { videoLinks: { ban: 'https://videos.example.org/ban-b' } });
    writePack('10-a.json', { videoLinks: { ban: 'https://videos.example.org/ban-a' } });
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a pack');
    expect(findVideo(loadContent(dir), 'ban')?.url).toBe('https://videos.example.org/ban-b');
  });

  it("points videos at the operator's links", () => {
    const content = loadContent(undefined, { geodae: 'https://videos.example.org/geodae.mp4' });
    expect(findVideo(content, 'geodae')?.url).toBe('https://videos.example.org/geodae.mp4');
    expect(findVideo(content, 'ban')?.url).toBe(guideFr.playlistUrl);
  });

  it("replaces the guide's map of the cafés with another network's", () => {
    const map = { title: 'La carte des cafés de la DDT', text: 'Ajoutez votre café à notre carte.', links: [{ label: 'Notre carte', url: 'https://carte.example.org/cafes' }] };
    writePack('carte.json', { cafesMap: map });
    expect(loadContent(dir).cafesMap).toEqual(map);
    expect(loadContent().cafesMap).toEqual(guideFr.cafesMap);
  });

  it('moves the videos and links of the former playlist to a new playlist', () => {
    writePack('p.json', { playlistUrl: 'https://videos.example.org/playlist', videoLinks: { ban: 'https://videos.example.org/ban' } });
    const content = loadContent(dir);
    expect(content.playlistUrl).toBe('https://videos.example.org/playlist');
    expect(findVideo(content, 'geodae')?.url).toBe('https://videos.example.org/playlist');
    expect(findVideo(content, 'ban')?.url).toBe('https://videos.example.org/ban');
    expect(JSON.stringify(content)).not.toContain(guideFr.playlistUrl);
  });

  it("refuses a link to a video that does not exist", () => {
    const e = failure(() => loadContent(undefined, { nope: 'https://videos.example.org/x' }));
    expect(e.message).toBe("Pack de contenu invalide : videoLinks, nope : la vidéo « nope » n'existe pas");
  });

  it('refuses an invalid pack, naming the file, the path and the reason', () => {
    const file = writePack('mairie.json', { formulas: [{ ...ristretto, name: '' }] });
    const e = failure(() => loadContent(dir));
    expect(e.code).toBe('CONTENT_INVALID');
    expect(e.file).toBe(file);
    expect(e.path).toBe('formulas[0].name');
    expect(e.message).toMatch(new RegExp(`^Pack de contenu invalide : ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, formulas\\[0\\]\\.name : Trop petit`));
  });

  it('refuses an unknown key and a bad id, in French', () => {
    writePack('a.json', { formules: [] });
    expect(failure(() => loadContent(dir)).message).toMatch(/a\.json : Clé non reconnue : "formules"$/);
    fs.rmSync(path.join(dir, 'a.json'));
    writePack('b.json', { videos: [{ id: 'Pas Un Slug', title: 'Titre', url: 'https://example.org' }] });
    expect(failure(() => loadContent(dir)).message).toMatch(/b\.json, videos\[0\]\.id : identifiant attendu : minuscules, chiffres et tirets$/);
  });

  it('refuses a file that is not JSON, naming it', () => {
    const file = writePack('casse.json', '{ "formulas": [ ');
    const e = failure(() => loadContent(dir));
    expect(e.file).toBe(file);
    expect(e.message).toContain(`Pack de contenu invalide : ${file} : JSON invalide`);
  });

  it('refuses a formula that points at an activity that does not exist', () => {
    const broken: Formula = structuredClone(ristretto);
    broken.parts[1].options[0].activities = ['video-open-data', 'madonna', 'quiz-open-data'];
    const file = writePack('mairie.json', { formulas: [broken] });
    const e = failure(() => loadContent(dir));
    expect(e.message).toBe(`Pack de contenu invalide : ${file}, formulas[0].parts[1].options[0].activities[2] : l'activité « quiz-open-data » n'existe pas`);
  });

  it('refuses a video activity whose video does not exist', () => {
    const video = { ...structuredClone(findActivity(guideFr, 'video-open-data')!), videos: ['donnee-open-data', 'inconnue'] };
    const file = writePack('v.json', { activities: [{ ...video, id: 'video-maison' }] });
    const e = failure(() => loadContent(dir));
    expect(e.message).toBe(`Pack de contenu invalide : ${file}, activities[0].videos[1] : la vidéo « inconnue » n'existe pas`);
  });

  it('says who reads each text: a text for everyone, as before, or one for the facilitator alone; a text step needs one of them', () => {
    const base = { kind: 'text', planned: { min: 0, max: 5 }, links: [] };
    writePack('a.json', { activities: [
      { ...base, id: 'fin-ancienne', title: 'Fin', text: 'Merci à toutes et à tous !' },
      { ...base, id: 'fin-animation', title: 'Fin', facilitatorText: 'Remerciez le groupe.' },
    ] });
    const content = loadContent(dir);
    expect(findActivity(content, 'fin-ancienne')).toMatchObject({ text: 'Merci à toutes et à tous !' });
    expect(findActivity(content, 'fin-animation')).toMatchObject({ facilitatorText: 'Remerciez le groupe.' });
    expect(findActivity(content, 'fin-animation')).not.toHaveProperty('text');
    writePack('b.json', { activities: [{ ...base, id: 'fin-vide', title: 'Fin' }] });
    expect(failure(() => loadContent(dir)).message).toMatch(/activities\[0\]\.text : un texte \(text ou facilitatorText\) est nécessaire$/);
  });

  it('refuses a default option that is not among the options', () => {
    const broken: Formula = structuredClone(ristretto);
    broken.parts[0].defaultOption = 'crazy-jobs';
    writePack('d.json', { formulas: [broken] });
    expect(failure(() => loadContent(dir)).path).toBe('formulas[0].parts[0].defaultOption');
  });

  it('refuses a folder that cannot be read', () => {
    expect(failure(() => loadContent(path.join(dir, 'absent'))).message).toMatch(/illisible \(ENOENT\)/);
  });
});
