import { ApiProperty } from '@nestjs/swagger';
import { ACCOUNT_ROLES, type AccountRole } from '@support/domain-entitlements';
import { IsIn } from 'class-validator';

export class PutAccountUserDto {
  @ApiProperty({ enum: ACCOUNT_ROLES })
  @IsIn(ACCOUNT_ROLES)
  role: AccountRole;
}
