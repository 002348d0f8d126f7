import { tchapWording } from '../../../src/channel/tchap/wording';
import { en } from '../../../src/i18n/en';
import { fr } from '../../../src/i18n/fr';

describe("Barista's messages, worded for a Tchap room", () => {
  it('names the commands with « ! », as Matrix clients keep « / » for themselves', () => {
    expect(tchapWording('Tapez /startcafe americano pour en lancer un.')).toBe('Tapez !startcafe americano pour en lancer un.');
    expect(tchapWording('(/suivant, /fin)')).toBe('(!suivant, !fin)');
    expect(tchapWording('/prolonger 2')).toBe('!prolonger 2');
  });

  it('never touches a web address', () => {
    const link = 'Le tableau : https://barista.example/fin/menu?x=/aide et http://h/suivant';
    expect(tchapWording(link)).toBe(link);
  });

  it('says what to type instead of what to click', () => {
    expect(tchapWording('⏰ Le temps est écoulé. Ensuite : Quiz. Cliquez sur Suivant quand le groupe est prêt.')).toBe('⏰ Le temps est écoulé. Ensuite : Quiz. Tapez !suivant quand le groupe est prêt.');
    expect(tchapWording('Le café n’a pas encore commencé : cliquez sur « Commencer » ou tapez /suivant.')).toBe('Le café n’a pas encore commencé : tapez !commencer.');
    expect(tchapWording('The café has not started yet: press “Start” or type /next.')).toBe('The café has not started yet: type !begin.');
  });

  it.each([['fr', fr], ['en', en]] as const)('leaves no button and no « / » command in any %s message', (_l, dictionary) => {
    for (const [key, text] of Object.entries(dictionary as Record<string, string>)) {
      // Buttons' own labels and the help card's Teams lines are not said in a room.
      if (key.endsWith('.button') || key.startsWith('help.') || key.startsWith('tips.')) continue;
      const worded = tchapWording(text);
      expect({ key, worded }).not.toEqual({ key, worded: expect.stringMatching(/[Cc]liquez|[Cc]lick |press “|(^|\s)\/(suivant|next|fin|end|aide|help|startcafe|reveler|reveal|prolonger|extend|effacer|reseau|menu|animateur|reprendre|resume)\b/) });
    }
  });
});
