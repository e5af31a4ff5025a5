// Markup as CommonMark recognises it: a complete tag, comment, declaration or instruction.
const COMPLETE_MARKUP =
  /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>|<!--[\s\S]*?-->|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>)/;

// Markup longer than this is treated as text; the bound keeps a body full of unclosed "<!--"
// from costing quadratic time, and escaping is the safe direction to err in.
const MAX_MARKUP_LENGTH = 8192;

/**
 * A "<" that does not open complete markup ("a<b" in prose or code) is text to a Markdown
 * renderer, but the HTML parser would start a tag there and swallow everything up to the next
 * ">". Escaping it keeps that text; it can only ever remove markup, never add any.
 */
export function escapeIncompleteMarkup(text: string): string {
  return text.replace(/<(?=[A-Za-z/!?])/g, (lt, offset: number) =>
    COMPLETE_MARKUP.test(text.slice(offset, offset + MAX_MARKUP_LENGTH)) ? lt : '&lt;',
  );
}
