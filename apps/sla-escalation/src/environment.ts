import { CommonEnvironment } from '@support/platform';
import { IsInt, Max, Min } from 'class-validator';

export class SlaEnvironment extends CommonEnvironment {
  @IsInt() @Min(0) @Max(65535) SLA_PORT: number = 3003;
}
