import { isUtf8 } from 'node:buffer';
import { fromBuffer } from 'file-type';

export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_TICKET = 10;
export const MAX_FILENAME_CHARACTERS = 255;

export type UploadRefusal = 'empty_file' | 'executable' | 'content_type_mismatch';

export class UploadRefused extends Error {
  constructor(
    readonly refusal: UploadRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'UploadRefused';
  }
}

export interface InspectedUpload {
  /** what the bytes are: the type the file is stored and served with */
  contentType: string;
  /** what the client said, normalised, or null when it said nothing useful */
  declaredContentType: string | null;
  filename: string;
}

/**
 * Magic numbers of programs the operating system would run. file-type@16 knows only the
 * Windows one of these, so the others are matched here, ahead of it.
 */
const EXECUTABLE_SIGNATURES: ReadonlyArray<{ what: string; bytes: readonly number[] }> = [
  { what: 'an ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { what: 'a Windows executable (MZ/PE)', bytes: [0x4d, 0x5a] },
  { what: 'a Mach-O executable', bytes: [0xfe, 0xed, 0xfa, 0xce] },
  { what: 'a Mach-O executable', bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { what: 'a Mach-O executable', bytes: [0xce, 0xfa, 0xed, 0xfe] },
  { what: 'a Mach-O executable', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  // the universal (fat) Mach-O magic, which Java class files share: both are programs
  { what: 'a Mach-O universal binary or Java class', bytes: [0xca, 0xfe, 0xba, 0xbe] },
  { what: 'an Android DEX executable', bytes: [0x64, 0x65, 0x78, 0x0a] },
  { what: 'a script with an interpreter line (#!)', bytes: [0x23, 0x21] },
];

/** Types file-type recognises that run or install code when opened. */
const EXECUTABLE_FILE_TYPES: ReadonlyMap<string, string> = new Map([
  ['exe', 'a Windows executable'],
  ['wasm', 'a WebAssembly module'],
  ['crx', 'a browser extension'],
  ['xpi', 'a browser extension'],
  ['deb', 'a software package'],
  ['rpm', 'a software package'],
  ['dmg', 'a macOS disk image'],
  ['lnk', 'a Windows shortcut'],
  ['alias', 'a macOS alias'],
  ['swf', 'a Flash program'],
  ['chm', 'a compiled HTML help file'],
]);

/**
 * Names Windows or a desktop runs on a double click although their bytes look like plain text
 * (batch files, Windows Script Host, PowerShell) or like an ordinary archive (installers, jars).
 */
const EXECUTABLE_EXTENSIONS = new Set([
  'exe',
  'com',
  'scr',
  'pif',
  'cpl',
  'msc',
  'msi',
  'msp',
  'dll',
  'sys',
  'drv',
  'ocx',
  'bat',
  'cmd',
  'vbs',
  'vbe',
  'js',
  'jse',
  'wsf',
  'wsh',
  'hta',
  'ps1',
  'psm1',
  'psd1',
  'reg',
  'lnk',
  'scf',
  'inf',
  'gadget',
  'sh',
  'bash',
  'zsh',
  'csh',
  'ksh',
  'command',
  'run',
  'elf',
  'so',
  'dylib',
  'appimage',
  'app',
  'apk',
  'ipa',
  'jar',
  'deb',
  'rpm',
  'pkg',
  'dmg',
]);

/** Declared families whose bytes file-type can confirm; a claim it contradicts is refused. */
const CHECKED_FAMILIES = new Set(['image', 'video', 'audio']);
const TEXTUAL_TYPES = new Set(['application/xml', 'application/json']);

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decides what an uploaded file is from its bytes: refuses empty files, executables and a declared
 * type the bytes contradict, and returns the type to store and serve it with.
 */
export async function inspectUpload(upload: {
  bytes: Buffer;
  filename: string;
  declaredContentType?: string | null;
}): Promise<InspectedUpload> {
  const { bytes } = upload;
  const filename = sanitiseFilename(upload.filename);
  if (bytes.length === 0) throw new UploadRefused('empty_file', 'file: is empty');

  const signature = executableSignature(bytes);
  if (signature) throw new UploadRefused('executable', `file: ${filename} is ${signature}; executables are refused`);
  // a UTF-16 byte-order mark is also an MP3 frame sync to file-type: text that reads as text wins
  const utf16 = utf16TextType(bytes);
  const detected = utf16 ? undefined : await fromBuffer(bytes);
  const executableType = detected && EXECUTABLE_FILE_TYPES.get(detected.ext);
  if (executableType)
    throw new UploadRefused('executable', `file: ${filename} is ${executableType} (${detected.mime}); executables are refused`);
  const extension = extensionOf(filename);
  if (extension && EXECUTABLE_EXTENSIONS.has(extension)) {
    throw new UploadRefused('executable', `file: .${extension} files run as programs when opened; executables are refused`);
  }

  const contentType = utf16 ?? detected?.mime ?? utf8TextType(bytes) ?? 'application/octet-stream';
  const declaredContentType = normaliseContentType(upload.declaredContentType);
  if (declaredContentType && contradicts(declaredContentType, contentType)) {
    throw new UploadRefused('content_type_mismatch', `file: declared as ${declaredContentType} but its bytes are ${contentType}`);
  }
  return { contentType, declaredContentType, filename };
}

export function executableSignature(bytes: Buffer): string | null {
  const starts = (offset: number, expected: readonly number[]) =>
    bytes.length >= offset + expected.length && expected.every((byte, i) => bytes[offset + i] === byte);
  const afterBom = starts(0, UTF8_BOM) ? UTF8_BOM.length : 0;
  for (const { what, bytes: magic } of EXECUTABLE_SIGNATURES) {
    if (starts(0, magic) || (afterBom > 0 && starts(afterBom, magic))) return what;
  }
  return null;
}

/** Logs and pasted text: UTF-8 without NUL bytes. */
function utf8TextType(bytes: Buffer): string | null {
  return !bytes.includes(0) && isUtf8(bytes) ? 'text/plain; charset=utf-8' : null;
}

/** Windows writes logs as UTF-16 with a byte-order mark; the rest must then read as text too. */
function utf16TextType(bytes: Buffer): string | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const littleEndian = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (!littleEndian && !(bytes[0] === 0xfe && bytes[1] === 0xff)) return null;
  const units = Buffer.from(bytes.subarray(2));
  if (!littleEndian) units.swap16();
  const text = units.toString('utf16le');
  // NULs, C0 controls other than tab and line ends, and unpaired surrogates do not occur in text
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text))
    return null;
  return littleEndian ? 'text/plain; charset=utf-16le' : 'text/plain; charset=utf-16be';
}

function contradicts(declared: string, actual: string): boolean {
  if (declared === 'application/octet-stream') return false;
  const declaredFamily = declared.split('/')[0];
  const actualType = actual.split(';')[0];
  const actualFamily = actualType.split('/')[0];
  const actualIsText = actualFamily === 'text' || TEXTUAL_TYPES.has(actualType);
  // SVG is XML text to the sniffer; it is stored and served as text, which is also the safe way
  if (declared === 'image/svg+xml') return !actualIsText;
  if (CHECKED_FAMILIES.has(declaredFamily)) return declaredFamily !== actualFamily;
  if (declared === 'application/pdf') return actualType !== 'application/pdf';
  if (declaredFamily === 'text') return !actualIsText;
  return false;
}

export function normaliseContentType(value: string | null | undefined): string | null {
  const type = value?.split(';')[0].trim().toLowerCase();
  return type && /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : null;
}

/**
 * The name to show and download under: no folders, no control characters, and none of the
 * bidirectional overrides that make "invoice\u202Efdp.exe" read as "invoiceexe.pdf".
 */
export function sanitiseFilename(original: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[. ]+$/, '')
    .trim();
  const characters = [...cleaned];
  if (characters.length === 0) return 'attachment';
  if (characters.length <= MAX_FILENAME_CHARACTERS) return cleaned;
  const extension = extensionOf(cleaned);
  const suffix = extension && extension.length <= 16 ? `.${extension}` : '';
  return characters.slice(0, MAX_FILENAME_CHARACTERS - suffix.length).join('') + suffix;
}

export function extensionOf(filename: string): string | null {
  const dot = filename.lastIndexOf('.');
  return dot > 0 && dot < filename.length - 1 ? filename.slice(dot + 1).toLowerCase() : null;
}
