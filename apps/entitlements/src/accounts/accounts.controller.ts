import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CorrelationId, CurrentPrincipal, Roles, type Principal } from '@support/platform';
import type { Response } from 'express';
import { PutAccountUserDto } from './dto/put-account-user.dto';
import { PutAccountDto } from './dto/put-account.dto';
import { AccountsService } from './accounts.service';
import { AccountIdPipe } from './account-id.pipe';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Put(':accountId')
  @Roles('admin')
  async put(
    @Param('accountId', AccountIdPipe) accountId: string,
    @Body() dto: PutAccountDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    const { account, created } = await this.accounts.put(accountId, dto, principal, correlationId);
    response.status(created ? 201 : 200);
    return {
      id: account.id,
      name: account.name,
      plan: account.plan,
      status: account.status,
      planEndsAt: account.planEndsAt?.toISOString() ?? null,
      createdAt: account.createdAt.toISOString(),
      updatedAt: account.updatedAt.toISOString(),
    };
  }

  @Put(':accountId/users/:userId')
  @Roles('admin')
  async putUser(
    @Param('accountId', AccountIdPipe) accountId: string,
    @Param('userId', AccountIdPipe) userId: string,
    @Body() dto: PutAccountUserDto,
  ) {
    const user = await this.accounts.putUser(accountId, userId, dto);
    return { accountId: user.accountId, userId: user.userId, role: user.role, updatedAt: user.updatedAt.toISOString() };
  }
}
