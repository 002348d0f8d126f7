import { cardText, Stack } from './harness';

/** The recap card links to the café's anonymous export, behind an unguessable, expiring token. */
describe('Recap export over HTTP', () => {
  const stack = new Stack(undefined, undefined, { publicUrl: 'https://barista.example.fr', exportSecret: 'x'.repeat(40) });
  beforeAll(() => stack.start());
  afterAll(() => stack.stop());

  it('gives Markdown, CSV and JSON links that work, and nothing without a valid token', async () => {
    const camille = stack.user('29:camille', 'Camille Martin');
    const lea = stack.user('29:lea', 'Léa Dubois');
    await camille.say('/startcafe americano');
    await stack.waitForMessage('Au menu');
    const cafe = await stack.cafe();
    await camille.press({ verb: 'begin', cafe: cafe.id });
    await camille.press({ verb: 'choose', cafe: cafe.id, step: 'tasse.choix', option: 'madonna' });
    await lea.press({ verb: 'vote', cafe: cafe.id, step: 'tasse.madonna.annees-80', choice: 'donnee' });
    await stack.endCafe(camille);
    const recap = await stack.waitForMessage('Télécharger le récapitulatif');
    const urls = [...cardText(recap).matchAll(/\((https:\/\/barista\.example\.fr\/export\/[^)]+)\)/g)].map((m) => new URL(m[1]));
    expect(urls.map((u) => u.pathname.split('/').pop())).toEqual(['recap.md', 'recap.csv', 'recap.json']);

    const get = (u: URL, search = u.search) => fetch(`${stack.app.url}${u.pathname}${search}`);
    const md = await get(urls[0]);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-disposition')).toMatch(/attachment; filename="cafe-\d{4}-\d{2}-\d{2}\.md"/);
    const text = await md.text();
    expect(text).toContain('On en parlait moins dans les années 80');
    expect(text).not.toContain('Léa');
    expect((await get(urls[1])).headers.get('content-type')).toMatch(/text\/csv/);
    expect(JSON.parse(await (await get(urls[2])).text()).participants).toBe(1);

    expect((await get(urls[0], '')).status).toBe(403);
    expect((await get(urls[0], urls[0].search.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).status).toBe(403);
    const other = new URL(urls[0]);
    other.pathname = other.pathname.replace(cafe.id, 'another-cafe');
    expect((await get(other, urls[0].search)).status).toBe(403);
  });
});
