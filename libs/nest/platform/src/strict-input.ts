/**
 * Pure checks over what a client sent, run before validation so that every service refuses the
 * same things with a 400 naming the field: bodies nested too deep (class-transformer and the
 * validation pipe recurse, and would overflow the stack), control characters, lone surrogates,
 * bytes that are not UTF-8, and the keys that name JavaScript's prototype machinery.
 */

export interface InputProblem {
  /** where: `subject`, `ccEmails[2]`, `calendar.weekly[0].start`; empty for the whole input */
  field: string;
  problem: string;
}

export interface InputWalkOptions {
  /** containers (objects, arrays) allowed inside one another; deeper input is one problem */
  maxDepth: number;
  /** true where text may span lines (bodies): tab, line feed and carriage return are allowed */
  multiline: boolean;
  /** stop after this many problems (a hostile body may hold thousands) */
  maxProblems?: number;
}

/** Keys refused anywhere: they reach Object.prototype or constructors in careless code. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// C0 controls, DEL and C1 controls; tab, LF and CR are left to the multi-line variant
const CONTROL_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MAX_PATH_LENGTH = 200;

function codeUnit(character: string): string {
  return `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** What is wrong with one piece of text, or null: control characters or lone surrogates. */
export function textProblem(value: string, multiline: boolean): string | null {
  const control = (multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).exec(value);
  if (control) {
    return `must not contain control characters (${codeUnit(control[0])} at position ${control.index})`;
  }
  const surrogate = LONE_SURROGATE.exec(value);
  if (surrogate) {
    return `must be well-formed Unicode text (a lone surrogate ${codeUnit(surrogate[0])} at position ${surrogate.index})`;
  }
  return null;
}

/** Appends a key or index the way the services name fields: `a.b`, `a[0]`, `a["odd key"]`. */
export function childPath(parent: string, key: string | number): string {
  if (parent.length > MAX_PATH_LENGTH) return parent.endsWith('…') ? parent : `${parent}…`;
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (IDENTIFIER.test(key)) return parent ? `${parent}.${key}` : key;
  return `${parent}[${JSON.stringify(key)}]`;
}

/**
 * Walks parsed input without recursion (so depth itself cannot overflow the stack) and reports
 * each problem with its path. Once a container is found too deep, nothing below it is walked.
 */
export function findInputProblems(input: unknown, options: InputWalkOptions): InputProblem[] {
  const limit = options.maxProblems ?? 20;
  const problems: InputProblem[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: input, path: '', depth: 0 }];
  for (let frame = stack.pop(); frame && problems.length < limit; frame = stack.pop()) {
    const { value, path, depth } = frame;
    if (typeof value === 'string') {
      const problem = textProblem(value, options.multiline);
      if (problem) problems.push({ field: path, problem });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= options.maxDepth) {
      problems.push({ field: path, problem: `nests deeper than ${options.maxDepth} levels of objects and arrays` });
      continue;
    }
    const children: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((item, index) => [index, item])
      : Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
    // pushed in reverse so problems come out in document order
    for (let index = children.length - 1; index >= 0; index--) {
      const [key, child] = children[index];
      const path2 = childPath(path, key);
      if (typeof key === 'string') {
        if (FORBIDDEN_KEYS.has(key)) {
          problems.push({ field: path2, problem: `property ${key} should not exist` });
          continue;
        }
        const keyProblem = textProblem(key, false);
        if (keyProblem) {
          problems.push({ field: path2, problem: `the property name ${keyProblem}` });
          continue;
        }
      }
      stack.push({ value: child, path: path2, depth: depth + 1 });
    }
  }
  return problems.slice(0, limit);
}

/** The offset of the first byte that does not belong to well-formed UTF-8, or -1. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return -1;
  } catch {
    // find where: the longest prefix that decodes (binary search on a prefix property)
    let low = 0;
    let high = bytes.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (decodesAsUtf8Prefix(bytes.subarray(0, middle))) low = middle;
      else high = middle - 1;
    }
    // the prefix may end inside the sequence that goes wrong: name the sequence's first byte
    let start = low;
    while (start > 0 && start > low - 3 && (bytes[start - 1] & 0xc0) === 0x80) start--;
    if (start > 0 && bytes[start - 1] >= 0xc0 && !decodesCompletely(bytes.subarray(0, low))) start--;
    else if (decodesCompletely(bytes.subarray(0, low))) start = low;
    return start;
  }
}

function decodesCompletely(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** True when these bytes are well-formed UTF-8, or would be with more bytes after them. */
function decodesAsUtf8Prefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The path of the JSON value being written at `offset` of `text` (a prefix of a JSON document):
 * the field an invalid byte or a syntax error is in. Keys are read as JSON strings.
 */
export function jsonPathAt(text: string, offset: number): string {
  const frames: Array<{ kind: 'object' | 'array'; key: string | number | null }> = [];
  let inString = false;
  let stringStart = -1;
  let lastString: string | null = null;
  let expectingKey = false;
  for (let index = 0; index < Math.min(offset, text.length); index++) {
    const character = text[index];
    if (inString) {
      if (character === '\\') index++;
      else if (character === '"') {
        inString = false;
        lastString = text.slice(stringStart, index + 1);
        const top = frames[frames.length - 1];
        if (top?.kind === 'object' && expectingKey) {
          try {
            top.key = JSON.parse(lastString) as string;
          } catch {
            top.key = lastString.slice(1, -1);
          }
          expectingKey = false;
        }
      }
      continue;
    }
    switch (character) {
      case '"':
        inString = true;
        stringStart = index;
        break;
      case '{':
        frames.push({ kind: 'object', key: null });
        expectingKey = true;
        break;
      case '[':
        frames.push({ kind: 'array', key: 0 });
        break;
      case '}':
      case ']':
        frames.pop();
        break;
      case ',': {
        const top = frames[frames.length - 1];
        if (top?.kind === 'array') top.key = (top.key as number) + 1;
        else if (top) {
          top.key = null;
          expectingKey = true;
        }
        break;
      }
      default:
        break;
    }
  }
  const path = frames.reduce((parent, frame) => (frame.key === null ? parent : childPath(parent, frame.key)), '');
  // inside a key being written: the key so far names the field
  if (inString && expectingKey && frames[frames.length - 1]?.kind === 'object') {
    const partial = text.slice(stringStart + 1, offset);
    return partial ? childPath(path, partial) : path;
  }
  return path;
}

/**
 * Percent-decodes each name and value of a raw query string to bytes and names the first
 * parameter that is not UTF-8 (Express would otherwise replace the bytes, or keep "%FF" as text).
 */
export function findInvalidUtf8InQuery(rawQuery: string): InputProblem | null {
  for (const pair of rawQuery.split('&')) {
    if (!pair) continue;
    const separator = pair.indexOf('=');
    const rawName = separator < 0 ? pair : pair.slice(0, separator);
    const rawValue = separator < 0 ? '' : pair.slice(separator + 1);
    const nameBytes = percentDecode(rawName);
    const name = new TextDecoder().decode(nameBytes);
    if (invalidUtf8Offset(nameBytes) >= 0) return { field: name, problem: 'the parameter name is not valid UTF-8' };
    if (invalidUtf8Offset(percentDecode(rawValue)) >= 0)
      return { field: name, problem: 'must be valid UTF-8 (percent-encoded bytes that are not UTF-8)' };
  }
  return null;
}

function percentDecode(text: string): Uint8Array {
  const bytes: number[] = [];
  const plain = text.replace(/\+/g, ' ');
  let index = 0;
  while (index < plain.length) {
    if (plain[index] === '%' && /^[0-9A-Fa-f]{2}$/.test(plain.slice(index + 1, index + 3))) {
      bytes.push(parseInt(plain.slice(index + 1, index + 3), 16));
      index += 3;
    } else {
      const character = String.fromCodePoint(plain.codePointAt(index) ?? 0);
      bytes.push(...Buffer.from(character, 'utf8'));
      index += character.length;
    }
  }
  return Uint8Array.from(bytes);
}
