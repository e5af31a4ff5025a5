import { CommonEnvironment } from '@support/platform';
import { IsInt, Max, Min } from 'class-validator';

export class TicketingEnvironment extends CommonEnvironment {
  @IsInt() @Min(0) @Max(65535) TICKETING_PORT: number = 3001;
}
