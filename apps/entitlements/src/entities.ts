import { Account, AccountUser } from './accounts/account.entity';
import { DecisionRecord } from './decisions/decision.entity';
import { TicketSnapshot } from './decisions/ticket-snapshot.entity';
import { HotlineDirectoryRecord, HotlineRecord } from './hotlines/hotline.entity';
import { PlanRecord, PlanVersionRecord } from './plans/plan.entity';

/** Every table entitlements maps (its migrations create them), each declared in its feature folder. */
export const ENTITLEMENTS_ENTITIES = [
  PlanRecord,
  PlanVersionRecord,
  Account,
  AccountUser,
  DecisionRecord,
  TicketSnapshot,
  HotlineDirectoryRecord,
  HotlineRecord,
];
