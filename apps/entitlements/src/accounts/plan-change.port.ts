import type { EventOrigin } from '@support/contracts';
import type { EntityManager } from 'typeorm';
import type { Account } from './account.entity';

/**
 * What follows a change of an account's plan, status or plan end (an admin's change, or the
 * expiry sweep): the account's open tickets are re-decided, inside the transaction of that change.
 * Accounts call this port and know nothing of who answers it; the root module binds it to the
 * decisions feature (`DecisionsService`), which reads accounts, so imports run one way only.
 */
export abstract class PlanChangePort {
  /**
   * Re-decides the open tickets of `account` (locked by the caller) as of `at`, announcing each
   * ticket whose outcome moved with `origin`; answers the decisions it recorded.
   */
  abstract redecideOpenTickets(manager: EntityManager, account: Account, at: Date, origin: EventOrigin): Promise<readonly unknown[]>;
}
