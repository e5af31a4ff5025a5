import { CommonEnvironment } from '@support/platform';
import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';

export class TicketingEnvironment extends CommonEnvironment {
  @IsInt() @Min(0) @Max(65535) TICKETING_PORT: number = 3001;

  /** where attachment bytes are kept (created if absent); relative paths start at the working directory */
  @IsString()
  @IsNotEmpty({ message: 'ATTACHMENTS_DIR must name a directory for attachment files' })
  ATTACHMENTS_DIR: string = './var/attachments';
}
