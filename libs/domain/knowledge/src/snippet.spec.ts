import { highlightSnippet } from './snippet';

describe('highlightSnippet', () => {
  it('wraps matching words, matching by prefix and ignoring case', () => {
    expect(highlightSnippet('Host a Webinar with webinars panelists.', ['webin'])).toBe(
      'Host a <mark>Webinar</mark> with <mark>webinars</mark> panelists.',
    );
  });

  it('escapes everything that is not a mark', () => {
    expect(highlightSnippet('Use <b>headphones</b> & "mute" when 3 < 5', ['headphones', 'mute'])).toBe(
      'Use <mark>headphones</mark> &amp; &quot;<mark>mute</mark>&quot; when 3 &lt; 5',
    );
  });

  it('never lets markup from the article through', () => {
    const snippet = highlightSnippet('&lt;img src=x onerror=alert(1)&gt; <script>alert(1)</script> echo', ['echo', 'img']);
    expect(snippet).toBe('&lt;<mark>img</mark> src=x onerror=alert(1)&gt; <mark>echo</mark>');
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/<[a-z]/i);
  });

  it('escapes terms that contain markup instead of matching inside it', () => {
    expect(highlightSnippet('plain text', ['<mark>'])).toBe('plain text');
  });

  it('strips Markdown before excerpting', () => {
    expect(highlightSnippet('## Fix **audio echo**\n\n- Use [headphones](https://x.example/h).', ['echo'])).toBe(
      'Fix audio <mark>echo</mark> Use headphones.',
    );
  });

  it('matches Cyrillic and ignores accents', () => {
    expect(highlightSnippet('Эхо в конференции', ['эхо'])).toBe('<mark>Эхо</mark> в конференции');
    expect(highlightSnippet('Partager la vidéo', ['video'])).toBe('Partager la <mark>vidéo</mark>');
  });

  it('cuts a long text around the first match without splitting words', () => {
    const text = `${'intro words here '.repeat(20)}the waiting room holds participants ${'until admitted later '.repeat(20)}`;
    const snippet = highlightSnippet(text, ['waiting'], { maxLength: 60 });
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('<mark>waiting</mark> room');
    const visible = snippet.replace(/<\/?mark>/g, '').replace(/…/g, '');
    expect(visible.length).toBeLessThanOrEqual(60);
    expect(visible).toMatch(/^(\w+ )+/);
    expect(text).toContain(visible.trim());
  });

  it('starts at the beginning when nothing matches', () => {
    const snippet = highlightSnippet('one two three four five six seven', ['zzz'], { maxLength: 14 });
    expect(snippet).toBe('one two three…');
  });

  it('returns the whole text when it is short enough', () => {
    expect(highlightSnippet('short', [], { maxLength: 200 })).toBe('short');
  });
});
