import type { Readable } from 'node:stream';

export interface StoredBlob {
  /** lowercase hex SHA-256 of the bytes: the key they are stored and found under */
  sha256: string;
  size: number;
}

export class BlobNotFoundError extends Error {
  constructor(sha256: string) {
    super(`no stored bytes for sha256 ${sha256}`);
    this.name = 'BlobNotFoundError';
  }
}

/**
 * Where attachment bytes live, addressed by their SHA-256: the same file uploaded twice is stored
 * once, and a key always names the same bytes. Also the Nest injection token; the local directory
 * is the default implementation, an object store can replace it.
 */
export abstract class AttachmentStore {
  /** Stores the bytes (a no-op when they are already there) and returns their key. */
  abstract save(bytes: Buffer): Promise<StoredBlob>;

  /** The bytes stored under the key; BlobNotFoundError when there are none. */
  abstract open(sha256: string): Promise<Readable>;
}
