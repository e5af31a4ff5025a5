import { ACCOUNT_ROLES, ACCOUNT_STATUSES, PLAN_CODES } from '@support/domain-entitlements';
import { ApiInstant, ApiInteger, ApiNested, ApiOneOf, ApiText } from '@support/platform';

export class AccountUserResponse {
  @ApiText() accountId!: string;
  @ApiText() userId!: string;
  @ApiOneOf(ACCOUNT_ROLES) role!: string;
  @ApiInstant() updatedAt!: string;
}

export class AccountResponse {
  @ApiText() id!: string;
  @ApiText() name!: string;
  @ApiOneOf(PLAN_CODES) plan!: string;
  @ApiOneOf(ACCOUNT_STATUSES) status!: string;
  @ApiInstant({ nullable: true, description: 'when a paid plan ends (the free plan applies after)' }) planEndsAt!: string | null;
  @ApiInstant() createdAt!: string;
  @ApiInstant() updatedAt!: string;
}

/** GET /v1/accounts/:accountId. */
export class AccountWithUsersResponse extends AccountResponse {
  @ApiNested(() => AccountUserResponse, { isArray: true }) users!: AccountUserResponse[];
}

/** PUT /v1/accounts/:accountId. */
export class AccountSavedResponse extends AccountResponse {
  @ApiInteger({ minimum: 0, description: 'open tickets of the account whose decision moved with this change' }) redecidedTickets!: number;
}
