import { executableSignature, inspectUpload, normaliseContentType, sanitiseFilename, UploadRefused } from './upload-inspection';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const ZIP = Buffer.from('504b0304140000000000000000000000000000000000000000000000000000000000', 'hex');

async function refusal(bytes: Buffer, filename = 'file', declaredContentType: string | null = null) {
  try {
    await inspectUpload({ bytes, filename, declaredContentType });
  } catch (error) {
    if (error instanceof UploadRefused) return error;
    throw error;
  }
  throw new Error('expected the upload to be refused');
}

describe('inspecting an upload', () => {
  it('takes the type from the bytes, whatever the client declared', async () => {
    expect(await inspectUpload({ bytes: PNG, filename: 'screen.png', declaredContentType: 'image/png' })).toEqual({
      contentType: 'image/png',
      declaredContentType: 'image/png',
      filename: 'screen.png',
    });
    const renamed = await inspectUpload({ bytes: PNG, filename: 'screen.dat', declaredContentType: 'application/octet-stream' });
    expect(renamed.contentType).toBe('image/png');
    expect((await inspectUpload({ bytes: PDF, filename: 'invoice.pdf' })).contentType).toBe('application/pdf');
  });

  it('stores logs as UTF-8 or UTF-16 text, and unknown bytes as octet-stream', async () => {
    const log = Buffer.from('2026-11-21 10:00:00 ERROR audio device lost — retrying\n');
    expect((await inspectUpload({ bytes: log, filename: 'client.log', declaredContentType: 'text/x-log' })).contentType).toBe(
      'text/plain; charset=utf-8',
    );
    const windowsLog = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('error\r\n', 'utf16le')]);
    expect((await inspectUpload({ bytes: windowsLog, filename: 'zoom.log' })).contentType).toBe('text/plain; charset=utf-16le');
    const bigEndianLog = Buffer.from('error\r\n', 'utf16le').swap16();
    expect(
      (await inspectUpload({ bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), bigEndianLog]), filename: 'zoom.log' })).contentType,
    ).toBe('text/plain; charset=utf-16be');
    const notText = Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x01, 0x02]);
    expect((await inspectUpload({ bytes: notText, filename: 'x.bin' })).contentType).not.toMatch(/^text/);
    const binary = Buffer.from([0x00, 0x01, 0x02, 0xff, 0x10, 0x00, 0x99]);
    expect((await inspectUpload({ bytes: binary, filename: 'dump.dat' })).contentType).toBe('application/octet-stream');
  });

  it('refuses an empty file', async () => {
    expect((await refusal(Buffer.alloc(0))).refusal).toBe('empty_file');
  });

  it.each([
    ['ELF', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00])],
    ['PE/MZ', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)])],
    ['Mach-O 64-bit', Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 0x07, 0x00, 0x00, 0x01])],
    ['Mach-O 32-bit big-endian', Buffer.from([0xfe, 0xed, 0xfa, 0xce, 0x00, 0x00, 0x00, 0x07])],
    ['Mach-O universal', Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0x00, 0x00, 0x00, 0x02])],
    ['shell script', Buffer.from('#!/bin/sh\nrm -rf ~\n')],
    ['shell script behind a BOM', Buffer.from('\ufeff#!/usr/bin/env python3\nprint(1)\n')],
    ['Android DEX', Buffer.from('dex\n035\0')],
    ['WebAssembly', Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])],
  ])('refuses %s by its bytes, under any name and declared type', async (_what, bytes) => {
    const refused = await refusal(bytes, 'holiday-photo.jpg', 'image/jpeg');
    expect(refused.refusal).toBe('executable');
    expect(refused.message).toMatch(/^file: .*executables are refused$/);
  });

  it.each(['setup.bat', 'run.CMD', 'macro.vbs', 'invoice.pdf.exe', 'fix.ps1', 'install.sh', 'tool.msi', 'app.jar', 'evil.exe. . '])(
    'refuses %s by its name although its bytes look harmless',
    async (filename) => {
      expect((await refusal(Buffer.from('echo hello\r\n'), filename)).refusal).toBe('executable');
    },
  );

  it('does not take a text file named like a program from before the last dot', async () => {
    expect((await inspectUpload({ bytes: Buffer.from('notes'), filename: 'exe.notes.txt' })).contentType).toMatch(/^text\/plain/);
  });

  it.each([
    ['image/png', PDF, 'application/pdf'],
    ['application/pdf', PNG, 'image/png'],
    ['text/plain', PNG, 'image/png'],
    ['video/mp4', Buffer.from('plain words'), 'text/plain; charset=utf-8'],
  ])('refuses a file declared %s whose bytes are something else', async (declared, bytes, actual) => {
    const refused = await refusal(bytes, 'file', declared);
    expect(refused.refusal).toBe('content_type_mismatch');
    expect(refused.message).toBe(`file: declared as ${declared} but its bytes are ${actual}`);
  });

  it('accepts a declared type that only differs in detail from the bytes', async () => {
    expect((await inspectUpload({ bytes: PNG, filename: 'a.jpg', declaredContentType: 'image/jpeg' })).contentType).toBe('image/png');
    expect(
      (await inspectUpload({ bytes: ZIP, filename: 'logs.zip', declaredContentType: 'application/x-zip-compressed' })).contentType,
    ).toBe('application/zip');
    expect(
      (await inspectUpload({ bytes: Buffer.from('<svg/>'), filename: 'a.svg', declaredContentType: 'image/svg+xml' })).contentType,
    ).toMatch(/^text\/plain/);
  });
});

describe('executable signatures', () => {
  it('does not mistake ordinary files for programs', () => {
    for (const bytes of [PNG, PDF, ZIP, Buffer.from('# heading\n'), Buffer.from('M')]) expect(executableSignature(bytes)).toBeNull();
  });
});

describe('file names', () => {
  it.each([
    ['C:\\Users\\me\\Desktop\\screen.png', 'screen.png'],
    ['../../etc/passwd', 'passwd'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['line\nbreak\t.txt', 'linebreak.txt'],
    ['  spaced   out  .log  ', 'spaced out .log'],
    ['', 'attachment'],
    ['...', 'attachment'],
    ['отчёт об ошибке.txt', 'отчёт об ошибке.txt'],
  ])('%j is shown as %j', (original, shown) => {
    expect(sanitiseFilename(original)).toBe(shown);
  });

  it('shortens a long name to 255 characters, keeping the extension', () => {
    const name = sanitiseFilename(`${'я'.repeat(400)}.log`);
    expect([...name]).toHaveLength(255);
    expect(name.endsWith('.log')).toBe(true);
  });

  it('normalises a declared content type or drops it', () => {
    expect(normaliseContentType('Image/PNG; charset=binary')).toBe('image/png');
    expect(normaliseContentType('nonsense')).toBeNull();
    expect(normaliseContentType(undefined)).toBeNull();
  });
});
