import { TICKET_STATUSES as WIRE_STATUSES } from '@support/contracts';
import { CALLER_ROLES as DOMAIN_ROLES, TICKET_STATUSES as DOMAIN_STATUSES } from '@support/domain-ticketing';
import { CALLER_ROLES as TOKEN_ROLES } from '@support/platform';

// the domain library repeats the wire words because it depends on nothing: they must not drift
describe('the ticket vocabulary', () => {
  it('has the statuses of the contracts, in lifecycle order', () => {
    expect(DOMAIN_STATUSES).toEqual(WIRE_STATUSES);
  });

  it('has the roles a token carries', () => {
    expect(DOMAIN_ROLES).toEqual(TOKEN_ROLES);
  });
});
