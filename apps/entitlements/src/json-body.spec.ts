import { unknownFields } from './json-body';

describe('unknownFields', () => {
  it('names each field the body may not carry, under its path', () => {
    expect(unknownFields({ number: '+1', fax: true }, ['number'], 'hotlines[2].')).toEqual([
      'hotlines[2].fax: is not a known field (expected number)',
    ]);
  });
});
