// class-transformer keeps its decorators' metadata (@Type, @Expose, @Exclude, @Transform) in a storage
// module that its index neither re-exports nor declares types for; the types it ships describe it.
declare module 'class-transformer/cjs/storage' {
  import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
  export const defaultMetadataStorage: MetadataStorage;
}
