import { actsAsStaff, canSee, MAX_ACCOUNT_ID, MAX_USER_ID, unrecordableClaims, workRefusal } from './ticket-visibility';
import { TICKET_STATUSES, type TicketCaller } from './vocabulary';

const ticket = { requesterId: 'alice', accountId: 'acct-a' };
const customer = (userId: string, accountId: string | null): TicketCaller => ({ userId, accountId, role: 'customer' });

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
      const staff: TicketCaller = { userId: 'agent-7', accountId: null, role };
      expect(canSee(ticket, staff)).toBe(true);
      expect(actsAsStaff(ticket, staff)).toBe(true);
    }
  });

  it('lets staff on a ticket they filed themselves act as its requester', () => {
    expect(actsAsStaff({ requesterId: 'agent-7' }, { userId: 'agent-7', accountId: null, role: 'agent' })).toBe(false);
    expect(actsAsStaff(ticket, customer('alice', 'acct-a'))).toBe(false);
  });

  it('names each token claim too long to record, and nothing for ids that fit', () => {
    expect(unrecordableClaims(customer('a'.repeat(MAX_USER_ID), 'b'.repeat(MAX_ACCOUNT_ID)))).toEqual([]);
    expect(unrecordableClaims(customer('a'.repeat(MAX_USER_ID + 1), 'b'.repeat(MAX_ACCOUNT_ID + 1)))).toEqual([
      `"sub" is longer than ${MAX_USER_ID} characters`,
      `"account_id" is longer than ${MAX_ACCOUNT_ID} characters`,
    ]);
  });

  it('takes no more work on a closed ticket from anyone, nor on a rejected one from its requester', () => {
    const agent: TicketCaller = { userId: 'agent-7', accountId: null, role: 'agent' };
    for (const status of TICKET_STATUSES) {
      const expected = status === 'closed' ? 'closed' : status === 'rejected' ? 'rejected' : null;
      expect(workRefusal(status, customer('alice', 'acct-a'))).toBe(expected);
      expect(workRefusal(status, agent)).toBe(status === 'closed' ? 'closed' : null);
    }
  });
});
