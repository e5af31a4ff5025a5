import { Module } from '@nestjs/common';
import { SlaConsistencyCounters } from './sla-consistency-counters';
import { PoliciesModule } from '../policies/policies.module';
import { ClockEventsConsumer } from './clock-events.consumer';
import { ClockLedger } from './clock-ledger';
import { ClockOperations } from './clock-operations';
import { ClockBatches } from './clock-session';
import { ClocksController } from './clocks.controller';
import { ClocksService } from './clocks.service';
import { TimerWakeups } from './timer-wakeups';

/** The SLA clocks of every ticket: started, paused, re-timed and stopped from plan decisions and ticket events. */
@Module({
  imports: [PoliciesModule],
  controllers: [ClocksController, ClockEventsConsumer],
  providers: [ClocksService, ClockBatches, ClockOperations, ClockLedger, TimerWakeups, SlaConsistencyCounters],
  exports: [ClocksService, ClockLedger, TimerWakeups, SlaConsistencyCounters],
})
export class ClocksModule {}
