import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { BlobNotFoundError } from './attachment-store';
import { LocalDirectoryStore } from './local-directory.store';

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('local directory attachment store', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'attachments-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('stores bytes under their SHA-256 and reads them back', async () => {
    const store = await LocalDirectoryStore.open(path.join(directory, 'nested', 'dir'));
    const bytes = Buffer.from('screenshot bytes');
    const blob = await store.save(bytes);
    expect(blob).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length });
    expect(await read(await store.open(blob.sha256))).toEqual(bytes);
    const stored = path.join(directory, 'nested', 'dir', blob.sha256.slice(0, 2), blob.sha256.slice(2, 4), blob.sha256);
    expect(await readFile(stored)).toEqual(bytes);
  });

  it('keeps one copy of bytes saved twice, and no temporary files', async () => {
    const store = await LocalDirectoryStore.open(directory);
    const bytes = Buffer.from('the same log twice');
    const [first, second] = await Promise.all([store.save(bytes), store.save(bytes)]);
    expect(second).toEqual(first);
    const folder = path.join(directory, first.sha256.slice(0, 2), first.sha256.slice(2, 4));
    expect(await readdir(folder)).toEqual([first.sha256]);
  });

  it('says when nothing is stored under a key', async () => {
    const store = await LocalDirectoryStore.open(directory);
    await expect(store.open('0'.repeat(64))).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('never turns something other than a hash into a path', async () => {
    const store = await LocalDirectoryStore.open(directory);
    await expect(store.open('../../etc/passwd')).rejects.toThrow(/not a SHA-256 key/);
  });

  it('names the setting when the directory cannot be used', async () => {
    const file = path.join(directory, 'a-file');
    await writeFile(file, 'not a directory');
    await expect(LocalDirectoryStore.open(path.join(file, 'below'))).rejects.toThrow(/^ATTACHMENTS_DIR=.*cannot be created or written/);
  });
});
