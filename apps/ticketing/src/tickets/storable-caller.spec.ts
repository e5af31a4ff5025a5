import type { Principal } from '@support/platform';
import { assertStorableCaller } from './storable-caller';

const customer = (userId: string, accountId: string | null): Principal => ({ userId, accountId, role: 'customer' });

describe('a caller ticketing can record', () => {
  it('refuses to store a customer without an account', () => {
    expect(() => assertStorableCaller(customer('alice', null))).toThrow(/account_id/);
    expect(() => assertStorableCaller(customer('alice', 'acct-a'))).not.toThrow();
  });

  it('refuses ids longer than a ticket holds, naming the claim', () => {
    expect(() => assertStorableCaller(customer('a'.repeat(129), 'acct-a'))).toThrow(/"sub" is longer than 128 characters/);
  });
});
