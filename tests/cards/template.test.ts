import { expandTemplate } from '../../src/cards/template';

describe('the card template expander', () => {
  it('keeps the type of a whole ${value} and interpolates inside text', () => {
    expect(expandTemplate({ data: '${data}', text: '👉 ${label} (${n})', size: 'Large' }, { data: { verb: 'vote', n: 1 }, label: 'Madonna', n: 3 }))
      .toEqual({ data: { verb: 'vote', n: 1 }, text: '👉 Madonna (3)', size: 'Large' });
  });

  it('repeats an element for each item of $data, each item its own scope', () => {
    const t = { body: [{ type: 'TextBlock', $data: '${rows}', text: '${label}' }, { type: 'TextBlock', text: '${title}' }] };
    expect(expandTemplate(t, { rows: [{ label: 'a' }, { label: 'b' }], title: 'T' })).toEqual({
      body: [{ type: 'TextBlock', text: 'a' }, { type: 'TextBlock', text: 'b' }, { type: 'TextBlock', text: 'T' }],
    });
  });

  it('drops an element whose $when is false, and one whose $data is empty', () => {
    const t = { body: [{ $when: '${show}', text: 'x' }, { $data: '${none}', text: 'y' }, { text: 'z' }] };
    expect(expandTemplate(t, { show: false, none: [] })).toEqual({ body: [{ text: 'z' }] });
  });

  it('evaluates $when per item of $data', () => {
    const t = { items: [{ $data: '${list}', $when: '${on}', text: '${v}' }] };
    expect(expandTemplate(t, { list: [{ on: true, v: 1 }, { on: false, v: 2 }] })).toEqual({ items: [{ text: 1 }] }); // a whole ${value} keeps its type
  });

  it('never evaluates what a participant typed', () => {
    expect(expandTemplate({ text: '${postit}' }, { postit: '${secret} et ${$root}' })).toEqual({ text: '${secret} et ${$root}' });
    expect(expandTemplate({ text: 'Post-it : ${postit}' }, { postit: '${secret}', secret: 'NO' })).toEqual({ text: 'Post-it : ${secret}' });
  });
});
