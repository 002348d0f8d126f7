import { matrixText } from '../../../src/channel/tchap/html';
import { t } from '../../../src/i18n';

describe('Barista\'s messages as Tchap shows them', () => {
  it('keeps Barista\'s emphasis and links as HTML, and says the same in plain text', () => {
    const m = matrixText('☕ **Camille** a lancé le café. [Le tableau](https://barista.example/board?t=a&b=c)');
    expect(m.body).toBe('☕ Camille a lancé le café. Le tableau (https://barista.example/board?t=a&b=c)');
    expect(m.formatted_body).toBe('☕ <strong>Camille</strong> a lancé le café. <a href="https://barista.example/board?t=a&amp;b=c">Le tableau</a>');
    expect(m).toMatchObject({ msgtype: 'm.notice', format: 'org.matrix.custom.html' });
  });

  it('never lets what people typed become markup', () => {
    // A refusal naming the facilitator, whose name is markup: t() escapes it for a chat, Matrix's HTML escapes it again
    const text = t('fr', 'refusal.not-facilitator', { name: '<img src=x onerror=alert(1)> **Léa** [x](https://evil.example)' });
    const m = matrixText(text);
    expect(m.formatted_body).not.toMatch(/<img|<a |<strong>Léa/);
    expect(m.formatted_body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(m.body).toContain('<img src=x onerror=alert(1)> **Léa** [x](https');
  });

  it('keeps line breaks, and closes an emphasis left open', () => {
    expect(matrixText('a\nb').formatted_body).toBe('a<br>b');
    expect(matrixText('**ouvert').formatted_body).toBe('<strong>ouvert</strong>');
    expect(matrixText('x', 'm.text').msgtype).toBe('m.text');
  });
});
