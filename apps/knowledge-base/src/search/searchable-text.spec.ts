import { searchableBody, searchableTitle } from './searchable-text';

describe('searchable text', () => {
  it('keeps the visible words of a title and adds the error codes', () => {
    expect(searchableTitle('Error 5003: cannot connect', ['5003', '5004'])).toBe(' error 5003 cannot connect 5003 5004 ');
  });

  it('drops Markdown, markup and link targets from a body, keeping Cyrillic and accented words', () => {
    const body = '## Эхо\n\nOpen **Réglages** > [the guide](https://example.com/x) <b>now</b>, d’accord.';
    expect(searchableBody(body)).toBe(' эхо open réglages the guide now accord ');
  });

  it('is a single space for a body without words', () => {
    expect(searchableBody('---')).toBe(' ');
  });
});
