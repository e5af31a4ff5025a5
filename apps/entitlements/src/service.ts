import type { ServiceManifest } from '@support/nest-messaging';
import { Account, AccountUser, DecisionRecord, PlanRecord, PlanVersionRecord } from './entities';
import { EntitlementsEnvironment } from './environment';
import { CreateEntitlements1763800000200 } from './migrations/1763800000200-create-entitlements';

export const ENTITLEMENTS_SERVICE: ServiceManifest<EntitlementsEnvironment> = {
  name: 'entitlements',
  database: 'entitlements',
  portVariable: 'ENTITLEMENTS_PORT',
  Environment: EntitlementsEnvironment,
  port: (env: EntitlementsEnvironment) => env.ENTITLEMENTS_PORT,
  entities: [PlanRecord, PlanVersionRecord, Account, AccountUser, DecisionRecord],
  migrations: [CreateEntitlements1763800000200],
  consumes: true,
};
