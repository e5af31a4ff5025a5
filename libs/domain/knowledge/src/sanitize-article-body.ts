import sanitizeHtml from 'sanitize-html';
import { escapeHtml } from './html-escape';
import { escapeIncompleteMarkup } from './markup';

/**
 * Hosts whose players may be embedded with an <iframe>. Anything else is a third-party page
 * running inside the help center, so it is dropped.
 */
export const DEFAULT_VIDEO_EMBED_HOSTS: readonly string[] = ['videos.example.com'];

/** Schemes a link may use; everything else ("javascript:", "data:", "vbscript:") is removed. */
const LINK_SCHEMES = ['http', 'https', 'mailto', 'tel'];

const ALLOWED_TAGS = [
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
];

const CELL_ALIGN = { name: 'align', multiple: false, values: ['left', 'center', 'right'] };
const CODE_LANGUAGE = [/^language-[a-z0-9+#-]{1,30}$/];

// The sandbox keeps an embedded player from navigating the help center or opening forms even
// though it is on an allowed host; authors cannot loosen it because the transform overwrites it.
const IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-presentation';

function sanitizerOptions(videoEmbedHosts: readonly string[]): sanitizeHtml.IOptions {
  return {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title', { name: 'target', multiple: false, values: ['_blank'] }, 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      iframe: ['src', 'title', 'width', 'height', 'allowfullscreen', 'sandbox', 'referrerpolicy', 'loading'],
      abbr: ['title'],
      ol: ['start'],
      th: ['colspan', 'rowspan', 'scope', CELL_ALIGN],
      td: ['colspan', 'rowspan', CELL_ALIGN],
      details: ['open'],
    },
    allowedClasses: { code: CODE_LANGUAGE, pre: CODE_LANGUAGE },
    allowedSchemes: LINK_SCHEMES,
    allowedSchemesByTag: { img: ['https', 'http'], iframe: ['https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    allowedIframeHostnames: [...videoEmbedHosts],
    allowIframeRelativeUrls: false,
    // Inline styles are the route for CSS expressions and UI redressing; articles do not need them.
    parseStyleAttributes: false,
    disallowedTagsMode: 'discard',
    enforceHtmlBoundary: false,
    // The content of these is never reader-visible prose, so it goes together with the tag.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'xmp', 'noembed', 'noframes'],
    transformTags: {
      a: (tagName, attribs) => {
        const safe = withoutUnsafeUrl(attribs, 'href');
        return { tagName, attribs: safe.target === '_blank' ? { ...safe, rel: 'noopener noreferrer' } : safe };
      },
      img: (tagName, attribs) => ({ tagName, attribs: withoutUnsafeUrl(attribs, 'src') }),
      iframe: (tagName, attribs) => ({
        tagName,
        attribs: {
          ...withoutUnsafeUrl(attribs, 'src'),
          sandbox: IFRAME_SANDBOX,
          referrerpolicy: 'strict-origin-when-cross-origin',
          loading: 'lazy',
        },
      }),
    },
    // An embed or image whose source was refused is an empty box; drop it.
    exclusiveFilter: (frame) => (frame.tag === 'iframe' || frame.tag === 'img') && !frame.attribs.src,
  };
}

// The sanitiser's own scheme check sees the URL decoded once, as a browser does. Checking it
// again after further decoding also covers "javascript&amp;colon;…", which is harmless in a
// browser but becomes a script URL for any consumer that decodes twice.
function withoutUnsafeUrl(attribs: sanitizeHtml.Attributes, name: string): sanitizeHtml.Attributes {
  if (attribs[name] === undefined || isSafeUrl(attribs[name])) return attribs;
  const rest = { ...attribs };
  delete rest[name];
  return rest;
}

export interface SanitizeArticleBodyOptions {
  videoEmbedHosts?: readonly string[];
}

// Private-use characters stand in for Markdown autolinks while the HTML sanitiser runs, because
// it would read "<https://…>" as an unknown tag and drop it.
const AUTOLINK_MARK_OPEN = '\uE000';
const AUTOLINK_MARK_CLOSE = '\uE001';
const AUTOLINK_MARK = /\uE000(\d+)\uE001/g;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uE000\uE001]/g;

const URI_AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/g;
const EMAIL_AUTOLINK =
  /<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/g;
// Quotes and backticks are legal in an autolink but have no business in one; refusing them
// keeps the restored text inert even for a consumer that mistakes it for HTML.
const SAFE_URL_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]+$/;

/**
 * Makes an article body (Markdown, possibly with inline HTML) safe to render: only an explicit
 * allow-list of tags and attributes survives, link and image URLs are limited to safe schemes
 * (also in Markdown link syntax, including entity- and escape-obfuscated ones), and embeds are
 * limited to the allowed video hosts. Markdown itself is left as written, so a clean body comes
 * back unchanged; render the result with a CommonMark renderer.
 */
export function sanitizeArticleBody(markdownOrHtml: string, options: SanitizeArticleBodyOptions = {}): string {
  const videoEmbedHosts = options.videoEmbedHosts ?? DEFAULT_VIDEO_EMBED_HOSTS;
  const input = String(markdownOrHtml ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARACTERS, '');

  const autolinks: string[] = [];
  const protect = (original: string, url: string): string => {
    if (!SAFE_URL_CHARACTERS.test(url) || !isSafeUrl(url)) return '';
    autolinks.push(original);
    return `${AUTOLINK_MARK_OPEN}${autolinks.length - 1}${AUTOLINK_MARK_CLOSE}`;
  };
  const withAutolinkMarks = input
    .replace(URI_AUTOLINK, (original, url: string) => protect(original, url))
    .replace(EMAIL_AUTOLINK, (original, address: string) => protect(original, `mailto:${address}`));

  const sanitized = sanitizeHtml(escapeIncompleteMarkup(withAutolinkMarks), sanitizerOptions(videoEmbedHosts));
  const restored = restoreMarkdownText(sanitized, (index) => autolinks[index] ?? '');
  return neutralizeMarkdownLinkDestinations(restored);
}

/**
 * The sanitiser escapes every "&", "<" and ">" in text, which would turn Markdown blockquotes
 * into "&gt;" and show "&amp;" inside code. In text (never inside a tag, where an unescaped "&"
 * could rebuild an entity-encoded "javascript:") those escapes are undone whenever the character
 * cannot start markup: ">" never can, "&" only before an entity name, "<" only before a letter,
 * "/", "!" or "?".
 */
function restoreMarkdownText(html: string, autolink: (index: number) => string): string {
  return html
    .split(/(<[^<>]*>)/)
    .map((segment, index) => {
      if (index % 2 === 1) {
        // An autolink written inside an attribute value stays text there.
        return segment.replace(AUTOLINK_MARK, (_, n: string) => escapeHtml(autolink(Number(n))));
      }
      return segment
        .replace(/&(amp|gt|lt);/g, (entity, name: string, offset: number) => {
          const next = segment.slice(offset + entity.length, offset + entity.length + 34);
          // "&amp;colon;" stays: unescaped it would become an entity the reader never wrote.
          if (name === 'amp') return /^[A-Za-z0-9#]{1,32};/.test(next) ? entity : '&';
          if (name === 'gt') return '>';
          return /^[A-Za-z/!?]/.test(next) ? entity : '<';
        })
        .replace(AUTOLINK_MARK, (_, n: string) => autolink(Number(n)));
    })
    .join('');
}

// Where a Markdown link or image destination starts: after "](" or a reference definition's
// "]:". Whitespace (and one line break) may precede it; matching more than CommonMark allows only
// means a few more places are checked.
const DESTINATION_START = /\]\s*(\()\s*|\]:\s*/g;
// Destinations are read no further than this, which keeps the scan linear; a longer one is
// neutralised unread rather than trusted.
const MAX_DESTINATION_LENGTH = 2048;

/**
 * A Markdown destination with an unsafe scheme is turned into a fragment ("#javascript:…"), which
 * no browser executes; the rest of the text is untouched.
 */
function neutralizeMarkdownLinkDestinations(markdown: string): string {
  let result = '';
  let last = 0;
  for (const match of markdown.matchAll(DESTINATION_START)) {
    let start = (match.index ?? 0) + match[0].length;
    if (markdown.charAt(start) === '<') start += 1;
    const rest = markdown.slice(start, start + MAX_DESTINATION_LENGTH + 1);
    // A reference definition's destination is one token. An inline one is read up to where its
    // title or end could begin, with whitespace removed, so "java\tscript:" counts as what a
    // lenient renderer might make of it.
    const raw = (match[1] ? /^[^)>"'\n]*/ : /^[^\s>]*/).exec(rest)?.[0] ?? '';
    const destination = match[1] ? raw.replace(/\s/g, '') : raw;
    if (raw.startsWith('#')) continue;
    if (raw.length > MAX_DESTINATION_LENGTH || (destination !== '' && !isSafeUrl(destination))) {
      result += markdown.slice(last, start) + '#';
      last = start;
    }
  }
  return result + markdown.slice(last);
}

const NAMED_ENTITIES: Record<string, string> = {
  colon: ':',
  tab: '\t',
  newline: '\n',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  sol: '/',
  lpar: '(',
  rpar: ')',
  period: '.',
  num: '#',
  quest: '?',
  nbsp: ' ',
  semi: ';',
};

/**
 * Whether a URL as written in Markdown or an autolink keeps to the allowed schemes. Renderers
 * decode entities and backslash escapes, and browsers ignore whitespace and control characters
 * inside a scheme, so the check looks at the URL after all of that; an entity it cannot decode
 * before the first "/", "?" or "#" makes the URL unsafe.
 */
function isSafeUrl(raw: string): boolean {
  let url = raw;
  for (let round = 0; round < 3; round += 1) {
    const decoded = url
      .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => safeFromCodePoint(parseInt(hex, 16)))
      .replace(/&#([0-9]+);?/g, (_, dec: string) => safeFromCodePoint(parseInt(dec, 10)))
      .replace(/&([a-z]+);/gi, (entity, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? entity);
    if (decoded === url) break;
    url = decoded;
  }
  const compact = url.replace(/\\/g, '').replace(/[\s\u0000-\u001F\u007F]/g, '');
  const beforePath = compact.split(/[/?#]/, 1)[0];
  if (/&[a-z0-9]+;?/i.test(beforePath) && beforePath.includes(':')) return false;
  const colon = beforePath.indexOf(':');
  if (colon === -1) return true;
  return LINK_SCHEMES.includes(beforePath.slice(0, colon).toLowerCase());
}

function safeFromCodePoint(codePoint: number): string {
  return Number.isInteger(codePoint) && codePoint >= 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\uFFFD';
}
