import { CommonEnvironment } from '@support/platform';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

export class KnowledgeBaseEnvironment extends CommonEnvironment {
  @IsInt() @Min(0) @Max(65535) KB_PORT: number = 3004;

  /**
   * How long article views wait in memory before they are added to the counters in one
   * statement. A crash loses at most this much counting; a graceful stop flushes everything.
   */
  @IsInt() @Min(50) @Max(60_000) KB_VIEW_FLUSH_INTERVAL_MS: number = 5000;

  /** Hosts whose video players an article may embed (<iframe>), comma-separated. */
  @IsString()
  @Matches(/^[a-z0-9.-]+(,[a-z0-9.-]+)*$/i, { message: 'KB_VIDEO_EMBED_HOSTS must be host names separated by commas' })
  KB_VIDEO_EMBED_HOSTS: string = 'videos.example.com';

  /** How many articles a ticket or a typed question is offered at most. */
  @IsInt() @Min(1) @Max(20) KB_SUGGESTION_LIMIT: number = 5;

  /**
   * How old the in-memory search dictionary (indexed words for typo correction, synonyms) may get
   * before a search reloads it in the background; a replica's own writes reload it at once.
   */
  @IsInt() @Min(1000) @Max(3_600_000) KB_SEARCH_DICTIONARY_MAX_AGE_MS: number = 60_000;
}

export function videoEmbedHosts(env: KnowledgeBaseEnvironment): string[] {
  return env.KB_VIDEO_EMBED_HOSTS.split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}
