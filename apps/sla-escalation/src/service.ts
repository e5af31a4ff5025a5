import type { ServiceManifest } from '@support/nest-bootstrap';
import { SlaClockRecord } from './clocks/sla-clock.entity';
import { SlaTicketRecord } from './clocks/sla-ticket.entity';
import { SlaEnvironment } from './environment';
import { CreateSla1763800000300 } from './migrations/1763800000300-create-sla';
import { ClockRepair1763800000310 } from './migrations/1763800000310-clock-repair';
import { ClockTargetSource1763800000320 } from './migrations/1763800000320-clock-target-source';
import { NextTimerOnly1763800000330 } from './migrations/1763800000330-next-timer-only';
import { SlaPolicyRecord, SlaPolicyVersionRecord } from './policies/sla-policy.entity';
import { SlaTimerRecord } from './timers/sla-timer.entity';

export const SLA_SERVICE: ServiceManifest<SlaEnvironment> = {
  name: 'sla-escalation',
  database: 'sla',
  portVariable: 'SLA_PORT',
  Environment: SlaEnvironment,
  port: (env: SlaEnvironment) => env.SLA_PORT,
  entities: [SlaPolicyRecord, SlaPolicyVersionRecord, SlaTicketRecord, SlaClockRecord, SlaTimerRecord],
  migrations: [CreateSla1763800000300, ClockRepair1763800000310, ClockTargetSource1763800000320, NextTimerOnly1763800000330],
  consumes: true,
};
