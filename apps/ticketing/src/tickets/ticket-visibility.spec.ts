import type { Principal } from '@support/platform';
import { actsAsStaff, assertStorableCaller, canSee } from './ticket-visibility';

const ticket = { requesterId: 'alice', accountId: 'acct-a' };
const customer = (userId: string, accountId: string | null): Principal => ({ userId, accountId, role: 'customer' });

describe('ticket visibility: a customer is (account, user)', () => {
  it('shows a ticket to its requester in the account it was filed in', () => {
    expect(canSee(ticket, customer('alice', 'acct-a'))).toBe(true);
  });

  it('hides it from the same user id in another account, and from other users of the account', () => {
    expect(canSee(ticket, customer('alice', 'acct-b'))).toBe(false);
    expect(canSee(ticket, customer('bob', 'acct-a'))).toBe(false);
  });

  it('hides a ticket stored without an account from every customer, even one without an account', () => {
    expect(canSee({ requesterId: 'alice', accountId: null }, customer('alice', 'acct-a'))).toBe(false);
    expect(canSee({ requesterId: 'alice', accountId: null }, customer('alice', null))).toBe(false);
  });

  it('shows every ticket to agents and admins, who act as staff on tickets they did not file', () => {
    for (const role of ['agent', 'admin'] as const) {
      const staff: Principal = { userId: 'agent-7', accountId: null, role };
      expect(canSee(ticket, staff)).toBe(true);
      expect(actsAsStaff(ticket, staff)).toBe(true);
    }
  });

  it('refuses to store a customer without an account', () => {
    expect(() => assertStorableCaller(customer('alice', null))).toThrow(/account_id/);
    expect(() => assertStorableCaller(customer('alice', 'acct-a'))).not.toThrow();
  });
});
