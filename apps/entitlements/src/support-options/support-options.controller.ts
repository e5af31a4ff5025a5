import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SupportOptionsResponse } from './support-options.responses';
import { ApiError, CurrentPrincipal, isStaff, type Principal } from '@support/platform';
import { AccountIdPipe } from '../accounts/account-id.pipe';
import { SupportOptionsQuery } from './support-options.query';
import { SupportOptionsService } from './support-options.service';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/accounts')
export class SupportOptionsController {
  constructor(private readonly options: SupportOptionsService) {}

  /**
   * Plan, role, the channels open to the user, hotline numbers when the phone is open and SLA
   * targets when tickets have them. An unknown account is answered, not refused: it has the
   * public self-service channel and the reason unknown_account.
   */
  @Get(':accountId/support-options')
  @ApiOkResponse({ type: SupportOptionsResponse })
  @ApiForbiddenResponse({ description: 'a customer asked about another account, or about another user' })
  async get(
    @Param('accountId', AccountIdPipe) accountId: string,
    @Query() query: SupportOptionsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SupportOptionsResponse> {
    return this.options.forUser(accountId, this.subject(accountId, query.userId, principal));
  }

  /** Customers may ask only about themselves in their own account; the desk may ask about anyone. */
  private subject(accountId: string, userId: string | undefined, principal: Principal): string {
    if (isStaff(principal)) {
      if (userId === undefined) {
        throw ApiError.validationFailed([{ field: 'userId', message: 'is required: name the user to answer for' }]);
      }
      return userId;
    }
    if (principal.accountId !== accountId) {
      throw ApiError.forbidden(`a customer may only ask about their own account (${principal.accountId ?? 'none in the token'})`);
    }
    if (userId !== undefined && userId !== principal.userId) {
      throw ApiError.forbidden('a customer may only ask about themselves: leave userId out or use your own');
    }
    return principal.userId;
  }
}
