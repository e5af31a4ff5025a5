import { CommonEnvironment } from '@support/platform';
import { IsInt, Max, Min } from 'class-validator';

export class KnowledgeBaseEnvironment extends CommonEnvironment {
  @IsInt() @Min(0) @Max(65535) KB_PORT: number = 3004;
}
