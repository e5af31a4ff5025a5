import sanitizeHtml from 'sanitize-html';
import { escapeIncompleteMarkup } from './markup';

// Closing or opening one of these separates words on screen, so it must in plain text too.
const BLOCK_TAG =
  /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|pre|table|thead|tbody|tfoot|tr|th|td|caption|figure|figcaption|details|summary|section|article|iframe|img)\b[^>]*>/gi;

const AUTOLINK = /<((?:[A-Za-z][A-Za-z0-9+.-]{1,31}:|[A-Za-z0-9._%+-]+@)[^\s<>]*)>/g;

const STRIP_ALL_TAGS: sanitizeHtml.IOptions = {
  allowedTags: [],
  allowedAttributes: {},
  enforceHtmlBoundary: false,
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'xmp', 'noembed', 'noframes'],
};

/**
 * The reader-visible words of a Markdown/HTML article body on one line: tags and their
 * non-text content are dropped, entities decoded, Markdown syntax removed (link and image text
 * kept, URLs dropped). The result is text, not HTML: escape it before putting it in a page.
 */
export function plainText(markdown: string): string {
  const withoutAutolinkBrackets = String(markdown ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(AUTOLINK, ' $1 ')
    .replace(BLOCK_TAG, (tag) => ` ${tag} `);
  const text = decodeSanitizerEscapes(sanitizeHtml(escapeIncompleteMarkup(withoutAutolinkBrackets), STRIP_ALL_TAGS));
  return stripMarkdown(text).replace(/\s+/g, ' ').trim();
}

// With every tag disallowed, the sanitiser decodes all entities and re-escapes exactly these three.
function decodeSanitizerEscapes(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}

function stripMarkdown(text: string): string {
  return (
    text
      // Fence lines and reference definitions carry no prose.
      .replace(/^[ \t]*(?:```|~~~).*$/gm, '')
      .replace(/^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$/gm, '')
      // Table separator rows, horizontal rules and setext underlines.
      .replace(/^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$/gm, '')
      .replace(/^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/gm, '')
      .replace(/^[ \t]*=+[ \t]*$/gm, '')
      // Line prefixes: headings, blockquotes, list markers, task boxes.
      .replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/gm, '$1')
      .replace(/^(?:[ \t]*>)+[ \t]?/gm, '')
      .replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm, '')
      // Images and links keep their text.
      .replace(/!\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1')
      .replace(/\[([^\]]+)\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g, '$1')
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
      // Inline code keeps its content; emphasis markers go. Underscores only count at word
      // boundaries, so identifiers like snake_case survive.
      .replace(/(`+)([^`]*?)\1/g, '$2')
      .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
      .replace(/\*(?=\S)([^*\n]*?\S)\*/g, '$1')
      .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
      .replace(/\|/g, ' ')
      .replace(/\\([!-/:-@[-`{-~])/g, '$1')
  );
}
