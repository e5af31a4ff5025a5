import { plainText } from './plain-text';

describe('plainText', () => {
  it('removes Markdown syntax and keeps the words', () => {
    const markdown = [
      '# Record a meeting',
      '',
      '> **Note:** cloud recording needs a *Pro* plan or ~~higher~~ above.',
      '',
      '1. Click `Record`.',
      '2. Choose [Record to the cloud](https://meetly.example.com/recording "Cloud").',
      '- [x] done',
      '',
      '![Record button](https://cdn.example.com/record.png)',
      '',
      '| Plan | Storage |',
      '|------|---------|',
      '| Pro  | 5 GB    |',
      '',
      '```',
      'meetly --record',
      '```',
      '---',
      '[ref]: https://example.com',
    ].join('\n');
    expect(plainText(markdown)).toBe(
      'Record a meeting Note: cloud recording needs a Pro plan or higher above. Click Record. Choose Record to the cloud. done Record button Plan Storage Pro 5 GB meetly --record',
    );
  });

  it('removes tags and the content of scripts and styles, and decodes entities', () => {
    expect(
      plainText('<p>Mute &amp; unmute</p><script>alert(1)</script><style>p{}</style><p>with&nbsp;<kbd>Alt</kbd>+<kbd>A</kbd></p>'),
    ).toBe('Mute & unmute with Alt+A');
  });

  it('keeps block elements apart and keeps comparison signs', () => {
    expect(plainText('<p>one</p><p>two</p>line<br>break; 3 < 5 and 5 > 3')).toBe('one two line break; 3 < 5 and 5 > 3');
  });

  it('keeps autolinked addresses and identifiers with underscores', () => {
    expect(plainText('Mail <support@example.com> about meeting_id _now_')).toBe('Mail support@example.com about meeting_id now');
  });

  it('returns decoded text, which the caller must escape', () => {
    expect(plainText('&lt;script&gt;')).toBe('<script>');
  });
});
