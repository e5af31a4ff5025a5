import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class SupportOptionsQuery {
  @ApiPropertyOptional({ description: "the user to answer for; a customer's own id when left out, required for agents and admins" })
  @IsOptional()
  @Matches(/^[A-Za-z0-9._:@-]{1,64}$/, { message: 'userId must be 1-64 letters, digits or . _ : @ -' })
  userId?: string;
}
