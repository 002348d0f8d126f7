import { commandInput, commandText } from '../../../src/channel/tchap/commands';

const bot = { userId: '@barista:tchap.gouv.fr', displayName: 'Barista' };

describe('Barista\'s commands in a Tchap room', () => {
  it('answers « !commande », since Matrix clients keep « /… » for themselves', () => {
    expect(commandText('!startcafe americano', bot)).toBe('startcafe americano');
    expect(commandInput('!startcafe americano sans sucre', bot)).toMatchObject({ kind: 'text', command: { type: 'startcafe', formula: 'americano', variant: 'sans-sucre' } });
    expect(commandInput('!aide', bot)).toEqual({ kind: 'text', command: { type: 'help' } });
    expect(commandInput('  !suivant  ', bot)).toEqual({ kind: 'text', command: { type: 'next' } });
  });

  it('answers a message that names it first, however the client wrote the mention', () => {
    for (const said of ['Barista : startcafe ristretto', 'Barista, /startcafe ristretto', '@barista:tchap.gouv.fr: !startcafe ristretto', '@barista startcafe ristretto', 'barista startcafe ristretto']) {
      expect(commandText(said, bot)).toBe('startcafe ristretto');
    }
    // A mention elsewhere in the message (m.mentions names Barista), with a command word
    expect(commandText('Alors @Barista, on fait !pause', bot, true)).toBe('pause');
  });

  it('leaves the room\'s own conversation alone', () => {
    expect(commandText('Bonjour à toutes et à tous', bot)).toBeUndefined();
    expect(commandText('Baristas du monde entier', bot)).toBeUndefined();
    expect(commandText('On commence ? /suivant', bot)).toBeUndefined();
    expect(commandText('!', bot)).toBeUndefined();
    expect(commandText('Barista : ', bot)).toBeUndefined();
  });

  it('an unknown command is said to be one (the pipeline answers with the list)', () => {
    expect(commandInput('!café', bot)).toEqual({ kind: 'unknown-command', text: '/café' });
    expect(commandInput('!prolonger 90', bot)).toEqual({ kind: 'bad-minutes' });
  });
});
