import { format, type SqlValue, type Timezone } from 'mysql2';

/**
 * The characters a single-quoted MySQL string literal needs escaped (with backslash escapes, as
 * mysql2 writes every literal). The same set as mysql2's escaper (sql-escaper) without the double
 * quote: inside '…' a double quote is an ordinary character in every SQL mode (ANSI_QUOTES only
 * changes what "…" delimits outside a literal).
 */
const NEEDS_ESCAPE = /[\0\b\t\n\r\x1a'\\]/;
const ESCAPED = /[\0\b\t\n\r\x1a'\\]/g;

/** The escape of one character of ESCAPED, as sql-escaper writes it (a module-level function, not a closure per call). */
function escapeCharacter(character: string): string {
  switch (character) {
    case '\0':
      return '\\0';
    case '\b':
      return '\\b';
    case '\t':
      return '\\t';
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\x1a':
      return '\\Z';
    case "'":
      return "\\'";
    default:
      return '\\\\';
  }
}

/** A string literal quoted beforehand: mysql2's escaper writes what `toSqlString` returns as it is. */
class QuotedString {
  constructor(private readonly literal: string) {}

  toSqlString(): string {
    return this.literal;
  }
}

/** `'…'`, the string as a MySQL literal, double quotes left as they are. */
export function quoteString(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return `'${value}'`;
  return `'${value.replace(ESCAPED, escapeCharacter)}'`;
}

/**
 * The values with every string that holds a double quote replaced by its literal, quoted here;
 * arrays (a multi-row insert's rows, an `IN (?)` list) are searched through. The caller's arrays are
 * never changed: an array with such a string is copied.
 */
function withQuotedStrings(values: readonly unknown[]): unknown[] {
  let copy: unknown[] | undefined;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index];
    let replacement: unknown = value;
    if (typeof value === 'string') {
      if (value.indexOf('"') !== -1) replacement = new QuotedString(quoteString(value));
    } else if (Array.isArray(value)) {
      replacement = withQuotedStrings(value);
    }
    if (replacement !== value) {
      copy ??= values.slice();
      copy[index] = replacement;
    }
  }
  return copy ?? (values as unknown[]);
}

interface FormattingConnection {
  config: { stringifyObjects?: boolean };
}

/**
 * mysql2's `queryFormat` for every service's connections: the statement mysql2 itself would write
 * (its own `format`, sql-escaper, with the connection's settings), except that a string value
 * holding a double quote is quoted without escaping its double quotes. JSON text, the outbox's
 * payloads, the SLA clocks' state, a ticket's suggestions, holds dozens of them; sql-escaper
 * escapes each with a string concatenation of its own, which made its allocations 15–24 % of those
 * of ticketing, the plan check and the SLA service under load (a V8 sampling heap profile at 800
 * tickets/s), and the statement longer. Same values stored: `test/query-format.int-spec.ts`.
 */
export function formatQuery(this: FormattingConnection | undefined, sql: string, values: unknown, timezone?: Timezone): string {
  let prepared = values;
  // a `??` marker stands for an identifier, which must stay a string: such statements are left to
  // mysql2's escaper whole (none of the services' statements has one)
  if (sql.indexOf('??') === -1) {
    if (Array.isArray(values)) prepared = withQuotedStrings(values);
    else if (typeof values === 'string' && values.indexOf('"') !== -1) prepared = new QuotedString(quoteString(values));
  }
  return format(sql, prepared as SqlValue | SqlValue[], this?.config?.stringifyObjects ?? false, timezone);
}
