import sanitizeHtml from 'sanitize-html';
import { sanitizeArticleBody } from './sanitize-article-body';

/** Every element and attribute a browser would build from the HTML in `output`. */
function parsedElements(output: string): Array<{ name: string; attribs: Record<string, string> }> {
  const elements: Array<{ name: string; attribs: Record<string, string> }> = [];
  sanitizeHtml(output, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    onOpenTag: (name, attribs) => elements.push({ name, attribs }),
  });
  return elements;
}

/** What a Markdown renderer and then a browser would make of a URL: entities and escapes decoded. */
function effectiveUrl(url: string): string {
  let current = url;
  for (let i = 0; i < 5; i += 1) {
    current = current
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/&#([0-9]+);?/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
      .replace(/&colon;/gi, ':')
      .replace(/&tab;|&newline;/gi, '')
      .replace(/&amp;/gi, '&');
  }
  return current.replace(/\\/g, '').replace(/[\s\u0000-\u001f]/g, '');
}

const SCRIPTABLE_URL = /^(?:javascript|vbscript|data|file|livescript):/i;
const ALLOWED_ELEMENTS = new Set([
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'code',
  'kbd',
  'samp',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'del',
  'ins',
  'mark',
  'sub',
  'sup',
  'small',
  'abbr',
  'span',
  'div',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'figure',
  'figcaption',
  'details',
  'summary',
  'iframe',
]);

function expectInert(output: string): void {
  for (const { name, attribs } of parsedElements(output)) {
    expect(ALLOWED_ELEMENTS.has(name)).toBe(true);
    for (const [attribute, value] of Object.entries(attribs)) {
      expect(attribute).not.toMatch(/^on/i);
      expect(['style', 'srcdoc', 'formaction', 'action', 'xlink:href']).not.toContain(attribute.toLowerCase());
      if (['href', 'src', 'cite'].includes(attribute)) expect(effectiveUrl(value)).not.toMatch(SCRIPTABLE_URL);
    }
    if (name === 'iframe') expect(new URL(attribs.src).hostname).toBe('videos.example.com');
  }
  // Markdown link and image destinations, reference definitions and autolinks.
  for (const match of output.matchAll(/\]\s*\(\s*<?([^)\n]*)|\]:\s*<?(\S*)|<([a-z][a-z0-9+.-]*:[^\s<>]*)>/gi)) {
    const destination = match[1] ?? match[2] ?? match[3] ?? '';
    expect(effectiveUrl(destination)).not.toMatch(SCRIPTABLE_URL);
  }
}

const HTML_PAYLOADS = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '<<script>script>alert(1)<</script>/script>',
  '<img src=x onerror=alert(1)>',
  '<img src="x" onerror="alert(1)"/>',
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
  `<IMG SRC="jav&#x09;ascript:alert('XSS');">`,
  `<IMG SRC=" &#14;  javascript:alert('XSS');">`,
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="  JaVaScript:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="java&#0000115;cript:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="https://ok.example" onmouseover="alert(1)">x</a>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe src="https://evil.example/embed"></iframe>',
  '<iframe src="http://videos.example.com/v/1"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="width: expression(alert(1))">x</div>',
  '<style>*{background:expression(alert(1))}</style>',
  `<style>@import 'http://evil.example/x.css';</style>`,
  '<link rel=stylesheet href=http://evil.example/x.css>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<p title="</p><script>alert(1)</script>">x</p>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<a title="<https://x.example>" href="https://x.example">x</a>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;',
  '<a href="javascript&amp;colon;alert(1)">x</a>',
];

const MARKDOWN_PAYLOADS = [
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x](javascript&#58;alert(1))',
  '[x](&#x6A;avascript:alert(1))',
  '[x](javascript&colon;alert(1))',
  '[x](javascript&amp;colon;alert(1))',
  '[x](java\\script:alert(1))',
  '[x](java&#x09;script:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](  javascript:alert(1)  "title")',
  '[x](\u0001javascript:alert(1))',
  '[x](vbscript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2Zz4=)',
  '[x]: javascript:alert(1)\n\n[click][x]',
  '[x]:\n  data:text/html,<script>alert(1)</script>',
  '<javascript:alert(1)>',
  '<JavaScript&#58;alert(1)>',
  '[x](java<xyz></xyz>script:alert(1))',
  `[x](${'a'.repeat(3000)}javascript:alert(1))`,
];

describe('sanitizeArticleBody against XSS payloads', () => {
  it.each([...HTML_PAYLOADS, ...MARKDOWN_PAYLOADS])('neutralises %s', (payload) => {
    const output = sanitizeArticleBody(payload);
    expectInert(output);
    expect(output).not.toMatch(/<script|<style|<svg|<math|<object|<embed|<form|<meta|<base|<link|<body|<input|<button/i);
    expect(output).not.toMatch(/expression\s*\(/i);
  });

  it.each([...HTML_PAYLOADS, ...MARKDOWN_PAYLOADS])('gives a stable result for %s', (payload) => {
    const once = sanitizeArticleBody(payload);
    expect(sanitizeArticleBody(once)).toBe(once);
  });

  it('stays inert when payloads are embedded in ordinary Markdown', () => {
    const body = ['# Title', '', ...HTML_PAYLOADS, ...MARKDOWN_PAYLOADS].join('\n\nSome text with `code` and **bold**.\n\n');
    expectInert(sanitizeArticleBody(body));
  });

  it('drops the content of script and style elements, not just the tags', () => {
    expect(sanitizeArticleBody('before<script>steal()</script>after<style>p{}</style>!')).toBe('beforeafter!');
  });

  it('removes control characters that could hide a scheme', () => {
    expect(sanitizeArticleBody('a\u0000b\u0007c')).toBe('abc');
  });
});

describe('sanitizeArticleBody on legitimate content', () => {
  const MARKDOWN = [
    '# Share your screen',
    '',
    'Click **Share screen** (or press <kbd>Alt</kbd>+<kbd>S</kbd>) & pick a window.',
    '',
    '> **Tip:** latency < 150 ms feels live; 5 > 3.',
    '',
    '1. Open *Settings* > _Audio_.',
    '2. Turn on `Suppress background noise`.',
    '   - nested item with a [relative link](../audio/echo "Echo") and [anchor](#steps)',
    '',
    '| Plan | Phone |',
    '|------|:-----:|',
    '| Pro  | no    |',
    '',
    '```bash',
    'meetly --log-level=debug > meetly.log',
    '```',
    '',
    '![Share button](https://cdn.example.com/kb/share.png)',
    '',
    'Write to <support@example.com> or see <https://meetly.example.com/status?x=1&y=2>, call [the hotline](tel:+18887999666) or [mail us](mailto:help@example.com).',
    '',
    '[status]: https://meetly.example.com/status',
    '',
  ].join('\n');

  it('returns clean Markdown unchanged', () => {
    expect(sanitizeArticleBody(MARKDOWN)).toBe(MARKDOWN);
  });

  it('keeps allowed inline HTML', () => {
    const html = '<details><summary>Why?</summary><p>Because <strong>audio</strong> <em>matters</em>.</p></details>';
    expect(sanitizeArticleBody(html)).toBe(html);
    expect(sanitizeArticleBody('line<br>break')).toBe('line<br />break');
    expect(sanitizeArticleBody('<a href="https://example.com" title="x">x</a>')).toBe('<a href="https://example.com" title="x">x</a>');
  });

  it('keeps text that merely looks like the start of a tag', () => {
    expect(sanitizeArticleBody('if a<b then `x<y`')).toBe('if a&lt;b then `x&lt;y`');
  });

  it('keeps a video embed from an allowed host, sandboxed', () => {
    const output = sanitizeArticleBody(
      '<iframe src="https://videos.example.com/meetly/share" allow="camera; microphone" width="640"></iframe>',
    );
    expect(output).toContain('src="https://videos.example.com/meetly/share"');
    expect(output).toContain('sandbox="allow-scripts allow-same-origin allow-presentation"');
    expect(output).not.toContain('camera');
  });

  it('takes the embed hosts from the options', () => {
    const embed = '<iframe src="https://player.vimeo.com/video/1"></iframe>';
    expect(sanitizeArticleBody(embed)).toBe('');
    expect(sanitizeArticleBody(embed, { videoEmbedHosts: ['player.vimeo.com'] })).toContain('player.vimeo.com');
  });

  it('adds rel=noopener to links opening a new window', () => {
    expect(sanitizeArticleBody('<a href="https://x.example" target="_blank">x</a>')).toContain('rel="noopener noreferrer"');
  });

  it('keeps only language classes on code', () => {
    expect(sanitizeArticleBody('<pre><code class="language-json hidden">{}</code></pre>')).toBe(
      '<pre><code class="language-json">{}</code></pre>',
    );
  });

  it('turns an unsafe Markdown destination into a harmless fragment and keeps the text', () => {
    expect(sanitizeArticleBody('See [the docs](javascript:alert(1)) now.')).toBe('See [the docs](#javascript:alert(1)) now.');
  });
});
