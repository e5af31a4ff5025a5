import { createHash, randomBytes } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { access, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AttachmentStore, BlobNotFoundError, type StoredBlob } from './attachment-store';

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Attachment bytes as files under one directory, fanned out by the first hash characters
 * (ab/cd/abcd…) so no folder grows huge. Writes go to a temporary name and are renamed into
 * place, so a reader never sees half a file and two uploads of the same bytes cannot collide.
 */
export class LocalDirectoryStore extends AttachmentStore {
  private constructor(readonly root: string) {
    super();
  }

  /** Creates the directory if needed and checks it can be written, naming the setting if not. */
  static async open(directory: string, setting = 'ATTACHMENTS_DIR'): Promise<LocalDirectoryStore> {
    const root = path.resolve(directory);
    try {
      await mkdir(root, { recursive: true });
      await access(root, constants.R_OK | constants.W_OK);
    } catch (error) {
      throw new Error(`${setting}=${directory}: the attachment directory cannot be created or written: ${(error as Error).message}`);
    }
    return new LocalDirectoryStore(root);
  }

  async save(bytes: Buffer): Promise<StoredBlob> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    const existing = await stat(target).catch(() => null);
    if (existing?.size === bytes.length) return { sha256, size: bytes.length };
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.partial`;
    try {
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, target);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    return { sha256, size: bytes.length };
  }

  async open(sha256: string): Promise<Readable> {
    const file = this.pathOf(sha256);
    try {
      await access(file, constants.R_OK);
    } catch {
      throw new BlobNotFoundError(sha256);
    }
    return createReadStream(file);
  }

  private pathOf(sha256: string): string {
    // the key is always a hash this store computed; anything else must not become a path
    if (!SHA256.test(sha256)) throw new Error(`not a SHA-256 key: ${sha256.slice(0, 80)}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }
}
