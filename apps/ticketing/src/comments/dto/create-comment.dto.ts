import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString } from 'class-validator';
import { MAX_TEXT_BYTES } from '@support/domain-ticketing';
import { MaxUtf8Bytes, NotBlank } from '../../tickets/dto/form-rules';

export class CreateCommentDto {
  @ApiProperty({ description: 'the reply; at most 64 KiB of UTF-8' })
  @IsString()
  @NotBlank()
  @MaxUtf8Bytes(MAX_TEXT_BYTES)
  body: string;

  @ApiPropertyOptional({
    default: true,
    description: 'false: an internal note, written by agents and admins only and never shown to the requester',
  })
  @IsOptional()
  @IsBoolean({ message: 'public must be true or false' })
  public?: boolean;
}
