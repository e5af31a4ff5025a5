import type { ServiceManifest } from '@support/nest-messaging';
import { SlaClockRecord } from './clocks/sla-clock.entity';
import { SlaEnvironment } from './environment';
import { CreateSla1763800000300 } from './migrations/1763800000300-create-sla';
import { SlaPolicyRecord } from './policies/sla-policy.entity';

export const SLA_SERVICE: ServiceManifest<SlaEnvironment> = {
  name: 'sla-escalation',
  database: 'sla',
  portVariable: 'SLA_PORT',
  Environment: SlaEnvironment,
  port: (env: SlaEnvironment) => env.SLA_PORT,
  entities: [SlaPolicyRecord, SlaClockRecord],
  migrations: [CreateSla1763800000300],
  consumes: true,
};
