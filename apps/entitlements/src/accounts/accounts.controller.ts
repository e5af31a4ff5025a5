import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountSavedResponse, AccountUserResponse, AccountWithUsersResponse } from './accounts.responses';
import { CorrelationId, CurrentPrincipal, Roles, type Principal } from '@support/platform';
import type { FastifyReply } from 'fastify';
import type { Account, AccountUser } from './account.entity';
import { PutAccountUserDto } from './dto/put-account-user.dto';
import { PutAccountDto } from './dto/put-account.dto';
import { AccountsService } from './accounts.service';
import { AccountIdPipe } from './account-id.pipe';

function accountView(account: Account) {
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

function userView(user: AccountUser) {
  return { accountId: user.accountId, userId: user.userId, role: user.role, updatedAt: user.updatedAt.toISOString() };
}

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get(':accountId')
  @Roles('agent', 'admin')
  @ApiOkResponse({ type: AccountWithUsersResponse })
  async get(@Param('accountId', AccountIdPipe) accountId: string): Promise<AccountWithUsersResponse> {
    const { account, users } = await this.accounts.get(accountId);
    return { ...accountView(account), users: users.map(userView) };
  }

  /**
   * Creates (201) or replaces (200) an account. A change of plan, status or plan end re-decides
   * the account's open tickets; `redecidedTickets` counts those whose decision moved.
   */
  @Put(':accountId')
  @Roles('admin')
  @ApiOkResponse({ type: AccountSavedResponse, description: 'the account replaced' })
  @ApiCreatedResponse({ type: AccountSavedResponse, description: 'the account created' })
  async put(
    @Param('accountId', AccountIdPipe) accountId: string,
    @Body() dto: PutAccountDto,
    @CurrentPrincipal() principal: Principal,
    @CorrelationId() correlationId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccountSavedResponse> {
    const { account, created, redecidedTickets } = await this.accounts.put(accountId, dto, principal, correlationId);
    reply.status(created ? 201 : 200);
    return { ...accountView(account), redecidedTickets };
  }

  @Put(':accountId/users/:userId')
  @Roles('admin')
  @ApiOkResponse({ type: AccountUserResponse })
  async putUser(
    @Param('accountId', AccountIdPipe) accountId: string,
    @Param('userId', AccountIdPipe) userId: string,
    @Body() dto: PutAccountUserDto,
  ): Promise<AccountUserResponse> {
    return userView(await this.accounts.putUser(accountId, userId, dto));
  }
}
