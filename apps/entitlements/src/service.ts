import type { ServiceManifest } from '@support/nest-bootstrap';
import { ENTITLEMENTS_ENTITIES } from './entities';
import { EntitlementsEnvironment } from './environment';
import { CreateEntitlements1763800000200 } from './migrations/1763800000200-create-entitlements';
import { TicketSnapshotsAndHotlines1763800000201 } from './migrations/1763800000201-ticket-snapshots-and-hotlines';

export const ENTITLEMENTS_SERVICE: ServiceManifest<EntitlementsEnvironment> = {
  name: 'entitlements',
  database: 'entitlements',
  portVariable: 'ENTITLEMENTS_PORT',
  Environment: EntitlementsEnvironment,
  port: (env: EntitlementsEnvironment) => env.ENTITLEMENTS_PORT,
  entities: ENTITLEMENTS_ENTITIES,
  migrations: [CreateEntitlements1763800000200, TicketSnapshotsAndHotlines1763800000201],
  consumes: true,
};
