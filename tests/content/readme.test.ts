import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findActivity, findVideo, loadContent } from '../../src/content';

/** The README's example pack is what an operator copies first: it must load as shown. */
describe('the README example content pack', () => {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Content packs'));
  const json = /```json\n([\s\S]*?)```/.exec(section)?.[1];

  it('loads, replaces the debate and points a video at the operator\'s link', () => {
    expect(json).toBeDefined();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'barista-readme-'));
    fs.writeFileSync(path.join(dir, 'mairie.json'), json!);
    const content = loadContent(dir);
    const debat = findActivity(content, 'debat');
    expect(debat?.kind === 'polls' && debat.questions.map((q) => q.text)).toEqual(['Notre commune devrait publier ses délibérations en open data']);
    expect(findVideo(content, 'donnee-open-data')?.url).toBe('https://videos.example.fr/donnee-open-data.mp4');
    // The pack says who reads what: the description for everyone, the facilitator's text for them alone.
    expect(debat).toMatchObject({ description: 'Votez, puis défendez votre position.', facilitatorText: 'Notez les arguments principaux au tableau.' });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
